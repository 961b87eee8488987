"""The notes pane's one-line rendering of a footnote's parsed citation."""

from __future__ import annotations

from archivist.gui.notes import citation_text
from archivist.model import Footnote


def footnote(csl: dict[str, object]) -> Footnote:
    return Footnote("1", (0,), "source text", "citation", csl=csl)


def test_a_book_reads_author_title_publisher_date_and_page() -> None:
    csl = {
        "type": "book",
        "author": [{"family": "Penrith", "given": "Harold"}],
        "title": "The Marsh Parishes",
        "publisher": "Fenland Record Press",
        "issued": {"date-parts": [[1962]]},
        "page": "14",
    }
    assert citation_text(footnote(csl)) == (
        "Harold Penrith. “The Marsh Parishes”. Fenland Record Press. 1962. p. 14  [book]"
    )


def test_a_span_of_years_shows_both_ends() -> None:
    csl = {
        "type": "document",
        "title": "Parish Accounts",
        "issued": {"date-parts": [[1598], [1671]]},
    }
    assert "1598–1671" in citation_text(footnote(csl))


def test_a_footnote_without_citation_has_no_line() -> None:
    assert citation_text(Footnote("2", (0,), "An aside.", "note")) == ""


def test_an_uncited_footnote_says_why_and_offers_no_way_back_to_the_text(window) -> None:
    tab = window.notes.footnotes
    listed = Footnote("R1", (), "Marrow, Lights, 1987.", "citation", uncited="unlinked")
    cited = Footnote("1", (0,), "Harbour Board, Minutes, 1910.", "citation")
    tab.set_footnotes((cited, listed))

    tab.select("R1")

    assert "without a marker in the text" in tab.citation.text()
    assert tab.back.isHidden()
    tab.select("1")
    assert "marker" not in tab.citation.text()
    assert not tab.back.isHidden()
