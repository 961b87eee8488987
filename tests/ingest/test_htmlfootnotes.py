"""Footnotes in every common HTML convention: markers become [LABEL], notes come out clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.ingest.formats import html
from archivist.ingest.html.htmlparse import parse_html
from archivist.ingest.notes.htmlfootnotes import find_footnotes
from archivist.model import Article

DATA = Path(__file__).parents[1] / "data" / "html"


def article(name: str) -> Article:
    return html.extract((DATA / name).read_bytes(), name).article


CONVENTIONS = [
    "fn_wordpress_plain.html",
    "fn_sup_links.html",
    "fn_pandoc.html",
    "fn_kramdown.html",
    "fn_mediawiki.html",
    "fn_substack.html",
    "fn_ghost.html",
    "fn_wp_block.html",
    "fn_easy_footnotes.html",
    "fn_medium_sup.html",
    "fn_doc_noteref.html",
    "fn_sre_datatype.html",
    "fn_word_export.html",
    "fn_cite_anchor.html",
]


@pytest.mark.parametrize("name", CONVENTIONS)
def test_first_marker_is_bracketed_label_right_after_the_sentence(name: str) -> None:
    a = article(name)
    first = a.footnotes[0]
    start = first.markers[0]
    assert a.text[start : start + len(first.label) + 2] == f"[{first.label}]"
    assert a.text[:start].endswith("a penny a ton.")


@pytest.mark.parametrize("name", CONVENTIONS)
def test_note_text_has_no_numbering_or_backlinks(name: str) -> None:
    note = article(name).footnotes[0].text
    assert note.startswith("Harbour Board, ")
    assert note.endswith("1910.")


@pytest.mark.parametrize("name", CONVENTIONS)
def test_reference_list_is_not_in_the_body(name: str) -> None:
    a = article(name)
    assert "Harbour Board" not in a.text
    assert "↩" not in a.text


@pytest.mark.parametrize("name", CONVENTIONS)
def test_markers_carry_a_footnote_mark_with_the_label(name: str) -> None:
    a = article(name)
    marks = [m for m in a.marks if m.kind == "footnote"]
    assert marks
    assert all(a.text[m.start : m.end] == f"[{m.label}]" for m in marks)


def test_mediawiki_note_cited_twice_has_two_markers_and_no_caret_backlinks() -> None:
    a = article("fn_mediawiki.html")
    board = next(f for f in a.footnotes if f.label == "1")
    assert len(board.markers) == 2
    assert board.text == "Harbour Board, Minutes of the Levy Committee, 1910."
    assert not board.text.startswith(("^", "a b"))


def test_mediawiki_references_heading_goes_with_the_list() -> None:
    assert "References" not in article("fn_mediawiki.html").text


def test_wordpress_plain_ibid_note_is_kept_as_written() -> None:
    notes = article("fn_wordpress_plain.html").footnotes
    assert [(f.label, f.text) for f in notes][1] == ("2", "Ibid.")


def test_pandoc_second_note_keeps_its_own_text() -> None:
    notes = article("fn_pandoc.html").footnotes
    assert notes[1].text == "A second rise followed in 1912."


def test_list_without_markers_keeps_every_note() -> None:
    page = (
        b"<html><body><article><p>"
        + b"A paragraph of article text that goes on. " * 20
        + b"</p><ol class='references'><li id='cite_note-1'>One source.</li>"
        b"<li id='cite_note-2'>Another source.</li></ol></article></body></html>"
    )
    notes = html.extract(page, "x.html").article.footnotes
    assert [f.text for f in notes] == ["One source.", "Another source."]
    assert all(f.markers == () for f in notes)


def test_notes_go_through_the_reference_parser() -> None:
    first, ibid = article("fn_wordpress_plain.html").footnotes
    assert first.kind == "citation" and first.csl is not None
    assert ibid.refers_to == "1"


def test_styles_inside_a_note_never_reach_its_text() -> None:
    page = (
        b"<html><body><article><p>"
        + b"Article text that goes on for a while. " * 20
        + b"<sup><a href='#fn1'>1</a></sup></p><ol class='footnotes'><li id='fn1'>"
        b"<style>.x { color: red }</style>The source.</li></ol></article></body></html>"
    )
    (note,) = html.extract(page, "x.html").article.footnotes
    assert note.text == "The source."


def found_items(name: str) -> list[str]:
    found = find_footnotes(parse_html((DATA / name).read_text("utf-8"), name))
    return [note.label for note in found.notes if note.csl is not None]


def test_found_notes_carry_the_item_their_coins_gives() -> None:
    assert found_items("fn_coins_mediawiki.html") == ["1", "2", "3", "4", "5", "6", "7", "10", "11"]


def test_found_notes_without_page_metadata_carry_no_item() -> None:
    assert found_items("fn_pandoc.html") == []
