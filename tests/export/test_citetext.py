"""Joining pieces of a reference: citeproc-js's punctuation, quotation marks, empty groups."""

from __future__ import annotations

from archivist.export.citelocale import AR, EN_US, FA_IR
from archivist.export.citetext import Out, piece


def test_a_question_mark_swallows_a_period_but_keeps_a_comma() -> None:
    o = Out(EN_US)
    assert o.join(
        [piece("Who Owned the River?", italic=True), piece("Northgate")], ". "
    ).plain() == ("Who Owned the River? Northgate")
    assert o.join([o.quote(piece("Did the Ferry Pay?")), piece("12")], ", ").plain() == (
        "“Did the Ferry Pay?,” 12"
    )


def test_periods_and_commas_move_inside_closing_quotation_marks() -> None:
    o = Out(EN_US)
    title = o.quote(piece("Chimes Restored"))
    assert o.end(title, ".").plain() == "“Chimes Restored.”"
    assert o.join([title, piece("Post")], ", ").plain() == "“Chimes Restored,” Post"
    assert o.join([title, piece("Post")], ": ").plain() == "“Chimes Restored”: Post"


def test_an_abbreviation_keeps_its_period_before_a_comma_and_gives_one_at_the_end() -> None:
    o = Out(EN_US)
    assert o.join([piece("Aldous, Kerry, ed."), piece("The Fen Reader")], ", ").plain() == (
        "Aldous, Kerry, ed., The Fen Reader"
    )
    assert o.end(piece("James Lowell Jr."), ".").plain() == "James Lowell Jr."


def test_quotation_marks_inside_a_quoted_title_turn_single_apostrophes_stay() -> None:
    o = Out(EN_US)
    assert o.quote(piece("“Computers” at the Keeper’s Desk")).plain() == (
        "“‘Computers’ at the Keeper’s Desk”"
    )


def test_a_group_without_a_field_prints_nothing_not_even_its_label() -> None:
    o = Out(EN_US)
    assert o.join(["In", None], " ") is None
    assert o.affix(None, "(", ")") is None
    assert o.join(["In", piece("Power from the Sea", italic=True)], " ").plain() == (
        "In Power from the Sea"
    )


def test_italics_inside_italics_turn_roman() -> None:
    o = Out(EN_US)
    inner = o.join([piece("Notes on the "), piece("Beagle", italic=True)], "")
    flipped = o.italic(inner)
    assert flipped is not None
    assert [(s.text, s.italic) for s in flipped.segments] == [
        ("Notes on the ", True),
        ("Beagle", False),
    ]


def test_persian_and_arabic_items_take_their_own_punctuation() -> None:
    fa = Out(FA_IR)
    assert fa.join([piece("نشر دریا"), piece("۱۳۹۸")], ", ").plain() == "نشر دریا، ۱۳۹۸"
    assert fa.end(fa.quote(piece("برای چه کسی؟")), ".").plain() == "“برای چه کسی؟”"
    ar = Out(AR)
    assert ar.end(ar.quote(piece("تجارة اللؤلؤ")), ".").plain() == '"تجارة اللؤلؤ".'
