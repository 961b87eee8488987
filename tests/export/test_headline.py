"""Headline-style capitalisation (CMOS 18 8.159, MLA 9) as citeproc-js walks a title."""

from __future__ import annotations

import pytest

from archivist.export.citeitem import Item
from archivist.export.headline import MLA_SMALL_WORDS, capitalize_first, title_case


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Chimes restored after fundraising drive", "Chimes Restored after Fundraising Drive"),
        ("a walk along the sea wall", "A Walk along the Sea Wall"),
        ("what the survey was based on", "What the Survey Was Based On"),
        (
            "harbours: a history of the working waterfront",
            "Harbours: A History of the Working Waterfront",
        ),
        ("who owned the river? a reply", "Who Owned the River? A Reply"),
        (
            "up the river via the locks as far as the weir",
            "Up the River via the Locks as Far as the Weir",
        ),
        ("stay if wet because it is shallow", "Stay If Wet Because It Is Shallow"),
        (
            "long-term trends in self-reported well-being",
            "Long-Term Trends in Self-Reported Well-Being",
        ),
        ("up-to-date charts", "Up-to-Date Charts"),
        ("what next for the ferry?", "What Next for the Ferry?"),
        ("the ferryman's almanac", "The Ferryman's Almanac"),
    ],
)
def test_small_words_stay_lower_case_unless_first_or_last(title: str, headline: str) -> None:
    assert title_case(title) == headline


def test_acronyms_capitals_and_inner_capitals_are_kept() -> None:
    assert title_case("from LiDAR to GIS with NASA and eBay data") == (
        "From LiDAR to GIS with NASA and eBay Data"
    )
    assert title_case("THE NORTHERN LIGHTS OF THE FENS") == "THE NORTHERN LIGHTS OF THE FENS"


def test_nothing_already_capitalised_is_lowered() -> None:
    assert title_case("Tides And Trade In The Wash") == "Tides And Trade In The Wash"


def test_chicago_capitalises_yet_and_so_where_mla_does_not() -> None:
    assert title_case("small yet strong") == "Small Yet Strong"
    assert title_case("small yet strong", MLA_SMALL_WORDS) == "Small yet Strong"


def test_markup_characters_are_left_alone() -> None:
    assert title_case("notes on the <i>beagle</i> log") == "Notes on the <i>beagle</i> Log"


def test_only_english_titles_change() -> None:
    german = Item({"title": "die stadt und der hafen", "language": "de"})
    english = Item({"title": "the town and the harbour", "language": "en-GB"})
    unknown = Item({"title": "the town and the harbour"})
    assert german.title() == "die stadt und der hafen"
    assert english.title() == unknown.title() == "The Town and the Harbour"


def test_capitalize_first_touches_only_a_lower_case_first_word() -> None:
    assert capitalize_first("working paper") == "Working paper"
    assert capitalize_first("eBay listing") == "eBay listing"
