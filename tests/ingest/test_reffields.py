"""Labelled segments read into CSL fields: volume and issue, pages, editions, identifiers."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from archivist.ingest.references.features import lexicon_in_use, use_lexicon
from archivist.ingest.references.fields import clean_title, read_fields


def fields(*segments: tuple[str, str]) -> dict[str, Any]:
    return read_fields(list(segments), " ".join(t for _, t in segments)).csl


@pytest.mark.parametrize(
    ("volume", "expected"),
    [
        ("12,", {"volume": "12"}),
        ("Vol. 3, No. 2,", {"volume": "3", "issue": "2"}),
        ("45(2):", {"volume": "45", "issue": "2"}),
        ("12, no. 3", {"volume": "12", "issue": "3"}),
        ("2013;122(2):", {"volume": "122", "issue": "2"}),
        ("28:10:", {"volume": "28", "issue": "10"}),
        ("v. 29,", {"volume": "29"}),
        ("no. 211.", {"issue": "211"}),
        ("XVII,", {"volume": "XVII"}),
        ("سال ۵، شمارهٔ ۳،", {"volume": "5", "issue": "3"}),
    ],
)
def test_volume_segments_give_volume_and_issue(volume: str, expected: dict[str, str]) -> None:
    item = fields(("volume", volume))
    assert {k: item[k] for k in ("volume", "issue") if k in item} == expected


def test_vancouver_volume_holds_the_pages() -> None:
    reading = read_fields([("volume", "2018;45(2):12-19.")], "")
    assert (reading.csl["volume"], reading.csl["issue"], reading.locator) == ("45", "2", "12–19")


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        ("pp. 1761–1800).", "1761–1800"),
        ("12-19.", "12–19"),
        ("p. 61.", "61"),
        ("S. 12.", "12"),
        ("A25.", "A25"),
        ("S117-S132.", "S117–S132"),
        ("ص ۲۳", "23"),
        ("e0165139.", "e0165139"),
    ],
)
def test_pages_are_read_as_first_and_last(pages: str, expected: str) -> None:
    assert read_fields([("pages", pages)], pages).locator == expected


def test_a_page_count_is_the_number_of_pages() -> None:
    reading = read_fields([("pages", "272 pp.")], "272 pp.")
    assert reading.locator is None and reading.csl["number-of-pages"] == "272"


@pytest.mark.parametrize(
    ("edition", "expected"),
    [("3rd ed.", "3"), ("second edition,", "2"), ("(2nd ed.).", "2"), ("چاپ دوم،", "2"),
     ("Revised Edition.", "Revised Edition")],
)  # fmt: skip
def test_editions_are_numbers_where_they_can_be(edition: str, expected: str) -> None:
    assert fields(("edition", edition))["edition"] == expected


def test_identifiers_are_read_wherever_the_note_has_them() -> None:
    text = "Roe, Tides. doi:10.1234/ab.5 arXiv:1706.02582 ISBN 978-0-00-000000-2 PMID 12345."
    item = read_fields([("title", "Tides.")], text).csl
    assert item["DOI"] == "10.1234/ab.5" and item["number"] == "arXiv:1706.02582"
    assert item["ISBN"] == "9780000000002" and item["PMID"] == "12345"


def test_an_arxiv_id_is_never_a_year() -> None:
    item = read_fields([("identifier", "arXiv:1706.02582")], "arXiv:1706.02582").csl
    assert "issued" not in item


def test_an_access_date_in_a_note_is_accessed_not_issued() -> None:
    item = fields(("date", "2012."), ("note", "Retrieved January 10, 2013."))
    assert item["issued"] == {"date-parts": [[2012]]}
    assert item["accessed"] == {"date-parts": [[2013, 1, 10]]}


def test_container_loses_its_in() -> None:
    assert fields(("container-title", "In Theorizing Documentary,"))["container-title"] == (
        "Theorizing Documentary"
    )


def test_a_place_running_past_its_colon_gives_the_publisher_its_words() -> None:
    item = fields(
        ("title", "The Fourth Tide."),
        ("location", "Grand Rapids, MI: Wm."),
        ("publisher", "B. Marden Publishing,"),
        ("date", "1986."),
    )
    assert item["publisher-place"] == "Grand Rapids, MI"
    assert item["publisher"] == "Wm. B. Marden Publishing"


def test_a_periodical_followed_by_a_place_is_a_books_publisher() -> None:
    item = fields(
        ("title", "Modelling Tidal Systems II."),
        ("journal", "Coastal Research Society:"),
        ("location", "Washington, DC,"),
        ("date", "1990."),
    )
    assert item["publisher"] == "Coastal Research Society"
    assert "container-title" not in item


def test_a_periodical_with_pages_keeps_its_place_as_a_place() -> None:
    item = fields(
        ("title", "Tides."),
        ("journal", "The Harbour Review"),
        ("location", "(London),"),
        ("pages", "12-19."),
    )
    assert item["container-title"] == "The Harbour Review"


def test_a_quoted_title_closed_before_its_comma_ends_where_the_periodical_begins() -> None:
    item = fields(
        ("title", "«Le botteghe del porto», Strenna storica ligure,"),
        ("journal", "LXVIII,"),
        ("pages", "pp. 301-318."),
    )
    assert item["title"] == "Le botteghe del porto"
    assert item["container-title"] == "Strenna storica ligure"
    assert item["volume"] == "LXVIII"


def test_a_japanese_title_in_corner_brackets_ends_at_its_bracket() -> None:
    item = fields(("title", "「会社概要」 株式会社みなと海運ウェブサイト、"), ("date", "2021年。"))
    assert item["title"] == "会社概要"
    assert item["container-title"] == "株式会社みなと海運ウェブサイト"


def test_a_comma_inside_the_quotes_keeps_the_title_whole() -> None:
    item = fields(("title", "“Monkey See, Monkey Do:” The Influence of Crews,"))
    assert item["title"] == "Monkey See, Monkey Do: The Influence of Crews"


def test_an_abbreviation_labelled_a_journal_is_no_roman_volume() -> None:
    item = fields(("title", "“Tidal segmentation,”"), ("journal", "ICCV,"), ("date", "2009."))
    assert item["container-title"] == "ICCV"
    assert "volume" not in item


def test_a_periodical_with_its_town_issue_and_pages_is_no_publisher() -> None:
    item = fields(
        ("title", "Os pescadores do cais."),
        ("publisher", "Revista Costeira,"),
        ("location", "Lisboa,"),
        ("volume", "v. 47, n. 203,"),
        ("pages", "p. 320-345,"),
        ("date", "2012."),
    )
    assert item["container-title"] == "Revista Costeira"
    assert "publisher" not in item


@pytest.mark.parametrize(
    "names",
    [
        "Demarr, S., and P. R. Kestle, editors.",
        "Lind, T. & Roe, J. (Eds.)",
        "عبد الفتاح البدري، تحرير.",
    ],
)
def test_names_whose_role_word_says_editors_are_editors(names: str) -> None:
    item = fields(("author", names), ("title", "Marsh Mammals of the North."), ("date", "2000."))
    assert "author" not in item
    assert item["editor"]
    assert not any("تحرير" in str(name) for name in item["editor"])


def test_a_capital_ed_after_a_comma_does_not_make_an_editor() -> None:
    item = fields(("author", "Marrow, Ed."), ("title", "Tides."))  # "Ed." may be a given name
    assert "editor" not in item
    assert "Marrow" in str(item["author"])


def test_editors_lose_their_role_words() -> None:
    assert fields(("editor", "ed. Michael Renov,"))["editor"] == [
        {"family": "Renov", "given": "Michael"}
    ]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("“Tides of Trade,”", "Tides of Trade"),
        ("The Marsh Parishes: A Survey,", "The Marsh Parishes: A Survey"),
        ("“They Took Our Boats”: Abuses at Sea,", "They Took Our Boats: Abuses at Sea"),
        ("Why Ports Close?", "Why Ports Close?"),
        ("«آب‌انبارهای یزد»،", "آب‌انبارهای یزد"),
        ("Papers of J. R.", "Papers of J. R."),
    ],
)
def test_titles_lose_quotes_and_closing_punctuation(title: str, expected: str) -> None:
    assert clean_title(title) == expected


@pytest.mark.parametrize(
    ("container", "expected"),
    [
        (
            "In Automata, Languages, and Programming (1996),",
            ("Automata, Languages, and Programming", None, [[1996]]),
        ),
        ("SIGPLAN Notices 21(7),", ("SIGPLAN Notices", "21", None)),
        ("Journal of Law and Society, Vol. 3,", ("Journal of Law and Society", "3", None)),
        ("Annals of Physics", ("Annals of Physics", None, None)),
        ("Proceedings of CHI 2004", ("Proceedings of CHI 2004", None, None)),
    ],
)
def test_a_container_does_not_keep_the_year_or_volume_run_into_it(
    container: str, expected: tuple[str, str | None, list[list[int]] | None]
) -> None:
    item = fields(("container-title", container))
    issued = (item.get("issued") or {}).get("date-parts")
    assert (item["container-title"], item.get("volume"), issued) == expected


def test_a_year_in_a_container_does_not_replace_the_date() -> None:
    item = fields(("date", "2001."), ("container-title", "In Workshop Papers (1999),"))
    assert (item["container-title"], item["issued"]["date-parts"]) == ("Workshop Papers", [[2001]])


@pytest.mark.parametrize(
    ("container", "expected"),
    [
        ("Journal of Tidal Studies, X L I ,", ("Journal of Tidal Studies", "XLI")),
        ("Harbour Notes (Suppl", ("Harbour Notes", None)),
        ("Quay Weekly quayweekly.example/news/ferry", ("Quay Weekly", None)),
        ("Kelp & Coast (newsletter),", ("Kelp & Coast", None)),
        ("Annals of Salt (London),", ("Annals of Salt (London)", None)),
    ],
)
def test_a_container_does_not_keep_its_volume_address_or_an_open_bracket(
    container: str, expected: tuple[str, str | None]
) -> None:
    item = fields(("container-title", container))
    assert (item["container-title"], item.get("volume")) == expected


def test_a_volume_inside_a_container_ends_it() -> None:
    item = fields(("container-title", "To Mend the Nets: Vol. 22. Papers of the Harbour Guild"))
    assert (item["container-title"], item["volume"]) == ("To Mend the Nets", "22")
    assert item["collection-title"] == "Papers of the Harbour Guild"


@pytest.mark.parametrize(
    "segments",
    [
        [("title", "“Salt Roads,”"), ("title", "Trade in the North,")],
        [("title", "Salt Roads."), ("editor", "ed. Ann Roe,"), ("title", "Trade in the North.")],
        [("title", "Salt Roads."), ("title", "In Trade in the North.")],
    ],
)
def test_a_second_title_after_a_quoted_title_editors_or_in_is_the_container(
    segments: list[tuple[str, str]],
) -> None:
    assert fields(*segments)["container-title"] == "Trade in the North"


@pytest.mark.parametrize(
    "segments",
    [
        [("title", "Marsh Parishes."), ("title", "A Survey of the Fens,")],
        [("title", "Tin Mining, vol. 3,"), ("title", "The Decline")],
    ],
)
def test_a_second_title_alone_is_not_a_container(segments: list[tuple[str, str]]) -> None:
    assert "container-title" not in fields(*segments)


@pytest.fixture
def places_and_publishers() -> Iterator[None]:
    """A small lexicon, as the training data would give one, put back after the test."""
    saved = lexicon_in_use()
    use_lexicon(
        {"berlin": "location", "stuttgart": "location", "new": "title location",
         "york": "location", "springer": "publisher", "press": "publisher",
         "steiner": "publisher", "universite": "publisher", "paris": "location",
         "france": "location", "presses": "publisher",
         "stanford": "publisher", "ca": "location"}
    )  # fmt: skip
    yield
    use_lexicon(saved)


@pytest.mark.usefixtures("places_and_publishers")
@pytest.mark.parametrize(
    ("segments", "expected"),
    [
        ([("publisher", "Springer Berlin,")], ("Springer", "Berlin")),
        ([("publisher", "Harbour Press New York, NY")], ("Harbour Press", "New York, NY")),
        ([("publisher", "New York: Harbour Press,")], ("Harbour Press", "New York")),
        ([("location", "Steiner, Stuttgart,")], ("Steiner", "Stuttgart")),
        ([("publisher", "Presses de France")], ("Presses de France", None)),
        ([("publisher", "Universite Paris")], ("Universite Paris", None)),
        ([("location", "Paris:"), ("publisher", "Springer France")], ("Springer France", "Paris")),
        ([("location", "Wharf, Stuttgart")], (None, "Wharf, Stuttgart")),
        ([("location", "Stanford, CA:")], (None, "Stanford, CA")),
    ],
)  # fmt: skip
def test_a_place_run_into_a_publisher_is_split_off(
    segments: list[tuple[str, str]], expected: tuple[str | None, str | None]
) -> None:
    item = fields(*segments)
    assert (item.get("publisher"), item.get("publisher-place")) == expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("“The Salt City.” In Stories of the Shore.", "The Salt City"),
        ("The salt city. In: Stories of the Shore,", "The salt city"),
    ],
)
def test_a_title_run_into_in_and_its_book_gives_the_book_as_container(
    title: str, expected: str
) -> None:
    item = fields(("title", title), ("date", "1995."))
    assert (item["title"], item["container-title"]) == (expected, "Stories of the Shore")


def test_in_inside_a_title_sentence_is_left_alone() -> None:
    item = fields(("title", "Life in Harbour Towns in the North."))
    assert item["title"] == "Life in Harbour Towns in the North" and "container-title" not in item


def test_a_quoted_title_a_name_and_a_page_range_are_an_article_in_that_periodical() -> None:
    item = fields(
        ("title", "« Les quais du soir »,"),
        ("publisher", "Revue du Port,"),
        ("date", "15 novembre 1925,"),
        ("pages", "pp. 11-18"),
    )
    assert (item["container-title"], item["_journal"], "publisher" in item) == (
        "Revue du Port",
        True,
        False,
    )


def test_a_chapter_with_editors_keeps_its_publisher() -> None:
    item = fields(
        ("title", "“Salt Roads.”"),
        ("title", "Trade in the North,"),
        ("editor", "edited by Ann Roe,"),
        ("publisher", "Wharf Books,"),
        ("pages", "pp. 11–18."),
    )
    assert (item["publisher"], item["container-title"]) == ("Wharf Books", "Trade in the North")


def test_a_book_with_its_place_keeps_its_publisher() -> None:
    item = fields(
        ("title", "“Salt Roads,”"),
        ("location", "Leeds:"),
        ("publisher", "Wharf Books,"),
        ("pages", "pp. 11–18."),
    )
    assert item["publisher"] == "Wharf Books" and "container-title" not in item


def test_a_lone_in_makes_the_title_after_it_the_container() -> None:
    item = fields(("title", "Salt Roads,"), ("container-title", "in:"), ("title", "Studies 2,"))
    assert (item["title"], item["container-title"]) == ("Salt Roads", "Studies 2")


@pytest.mark.usefixtures("places_and_publishers")
def test_a_town_labelled_as_a_journal_is_the_place() -> None:
    item = fields(("title", "Salt Roads."), ("journal", "Stuttgart"), ("date", "2004."))
    assert (item.get("container-title"), item["publisher-place"], item["_journal"]) == (
        None,
        "Stuttgart",
        False,
    )


def test_a_name_with_a_volume_and_a_page_range_is_the_periodical() -> None:
    item = fields(
        ("title", "Tides in the Sound."),
        ("publisher", "Harbour Letters."),
        ("date", "2010,"),
        ("volume", "2,"),
        ("pages", "1629-1641."),
    )
    assert (item.get("container-title"), item.get("publisher")) == ("Harbour Letters", None)


def test_a_container_does_not_keep_the_day_run_into_it() -> None:
    assert fields(("journal", "Quay Insider May(26)."))["container-title"] == "Quay Insider"
