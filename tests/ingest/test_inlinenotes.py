"""Hover and tooltip notes kept at the marker are lifted out; the body keeps only the marker."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.ingest.formats import html
from archivist.ingest.html.htmlparse import parse_html
from archivist.ingest.notes.inlinenotes import find_inline_notes
from archivist.ingest.notes.notedom import Labels
from archivist.model import Article

DATA = Path(__file__).parents[1] / "data" / "html"
FIRST = "Harbour Board, Minutes of the Levy Committee, 1910."
SECOND = "County Engineer, Report on the Western Channel, 1913."


def article(name: str) -> Article:
    return html.extract((DATA / name).read_bytes(), name).article


@pytest.mark.parametrize(
    ("name", "labels"),
    [
        ("fn_inline_hidden.html", ["1", "2"]),
        ("fn_inline_beside.html", ["1", "2"]),
        ("fn_inline_title.html", ["1", "2"]),
        ("fn_inline_data.html", ["*", "†"]),
        ("fn_inline_aria.html", ["1", "2"]),
    ],
)
def test_inline_note_is_lifted_out_and_the_marker_stays(name: str, labels: list[str]) -> None:
    a = article(name)
    assert [(f.label, f.text) for f in a.footnotes] == list(
        zip(labels, [FIRST, SECOND], strict=True)
    )
    first, second = a.footnotes
    assert a.text[: first.markers[0]].endswith("a penny a ton.")
    assert a.text[first.markers[0] :].startswith(f"[{labels[0]}] It was raised")
    assert a.text[: second.markers[0]].endswith("before the war.")
    assert "Harbour Board" not in a.text and "County Engineer" not in a.text


def inline(markup: str) -> list[tuple[str, str]]:
    page = f"<html><body><p>{markup}</p></body></html>"
    root = parse_html(page, "inline.html")
    ids = {el.get("id"): el for el in root.iterfind(".//*[@id]")}
    return [(n.label, n.text) for n in find_inline_notes(root, ids, Labels())]


def test_a_year_linking_to_another_page_is_no_inline_note() -> None:
    markup = 'The harbour opened in <a href="/wiki/1911" title="1911 in the county">1911</a>.'
    assert inline(markup + " The quay was busy that summer.") == []


def test_an_abbreviation_with_a_title_is_no_inline_note() -> None:
    markup = 'The board (<span title="United Kingdom Harbour Board">UK</span>) met in spring.'
    assert inline(markup + " It met again in the autumn of that year.") == []


def test_a_counter_after_a_space_is_no_inline_note() -> None:
    markup = 'The harbour board met twice. <span title="comments on this article so far">3</span>'
    assert inline(markup + " readers wrote in about the levy.") == []


def test_hover_copy_of_a_listed_note_leaves_the_body_and_the_note_is_listed_once() -> None:
    a = article("fn_inline_copy.html")
    assert [(f.label, f.text) for f in a.footnotes] == [("1", FIRST), ("2", SECOND)]
    assert "Harbour Board" not in a.text
    assert a.text[a.footnotes[0].markers[0] :].startswith("[1] It was raised")
