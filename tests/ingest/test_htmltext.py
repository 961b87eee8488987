"""Rendering into the document model: blocks, marks and footnote markers at exact offsets."""

from __future__ import annotations

from archivist.ingest.html.htmlparse import parse_html
from archivist.ingest.html.htmltext import FOOTNOTE_TAG, Rendered, render


def rendered(body: str) -> Rendered:
    root = parse_html(f"<html><body>{body}</body></html>", "x")
    for stand_in in root.iter("fn"):  # the footnote finder's placeholder, as it would leave it
        stand_in.tag = FOOTNOTE_TAG
    return render(root.find("body"))  # type: ignore[arg-type]


def test_paragraphs_are_separated_by_a_blank_line() -> None:
    assert rendered("<p>One  two.</p>\n<p>\nThree.</p>").text == "One two.\n\nThree."


def test_block_kinds_and_levels() -> None:
    r = rendered(
        "<h2>Head</h2><blockquote><p>Quoted.</p></blockquote><ol><li>First<ul><li>Inner</li></ul>"
        "</li></ol><pre>a  b\n  c</pre>"
    )
    kinds = [(b.kind, b.level, b.ordered, r.text[b.start : b.end]) for b in r.blocks]
    assert kinds == [
        ("heading", 2, False, "Head"),
        ("blockquote", None, False, "Quoted."),
        ("list_item", 1, True, "First"),
        ("list_item", 2, False, "Inner"),
        ("preformatted", None, False, "a  b\n  c"),
    ]


def test_inline_marks_cover_their_text() -> None:
    r = rendered(
        '<p>An <em>old</em> <strong>wall</strong> <code>x=1</code> <a href="/w">here</a>.</p>'
    )
    spans = {(m.kind, r.text[m.start : m.end], m.href) for m in r.marks}
    assert spans == {
        ("emphasis", "old", None),
        ("strong", "wall", None),
        ("code", "x=1", None),
        ("link", "here", "/w"),
    }


def test_javascript_links_are_not_kept() -> None:
    assert rendered('<p><a href="javascript:alert(1)">x</a></p>').marks == ()


def test_footnote_placeholder_becomes_bracketed_label_with_its_offset() -> None:
    r = rendered('<p>Said so.<fn label="7"></fn> Then.</p>')
    assert r.text == "Said so.[7] Then."
    assert r.markers == {"7": [8]}


def test_format_characters_are_dropped_and_offsets_shift() -> None:
    r = rendered('<p>a\u200bb<fn label="1"></fn></p>')
    assert r.text == "ab[1]"
    assert r.markers == {"1": [2]}
    assert (r.marks[0].start, r.marks[0].end) == (2, 5)


def test_consuming_render_gives_the_same_document_and_empties_the_element() -> None:
    body = (
        "<h2>Title</h2><p>One <em>two</em> <a href='#n'>three</a><fn label='1'></fn>.</p>"
        "<ul><li>Four</li><li>five <b>six</b></li></ul><pre>a\n  b</pre>text<br><br>tail"
    )
    root = parse_html(f"<html><body>{body}</body></html>", "x")
    for stand_in in root.iter("fn"):
        stand_in.tag = FOOTNOTE_TAG
    element = root.find("body")
    assert element is not None
    consumed = render(element, consume=True)
    assert consumed == rendered(body)
    assert len(element) == 0
