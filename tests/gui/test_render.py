"""Rendering the document model into the reader's QTextDocument, and mapping positions back."""

from __future__ import annotations

import dataclasses

from PySide6.QtGui import QPalette, QTextCursor

from archivist.gui.render import PositionMap, highlight_color, is_rtl, render
from archivist.model import Highlight
from factories import make_extraction

TEXT = "First paragraph here. [1]\n\nSecond one."


def article(**changes: object):
    base = make_extraction("Title", TEXT).article
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_body_text_maps_one_to_one(qapp) -> None:
    rendered = render(article(), QPalette())
    doc_pos = rendered.positions.to_doc(TEXT.index("Second"))
    cursor = QTextCursor(rendered.document)
    cursor.setPosition(doc_pos)
    cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "Second one."


def test_selection_across_blocks_maps_to_text_range() -> None:
    positions = PositionMap()
    positions.add(100, 0, 25)
    positions.add(126, 27, 11)
    assert positions.text_range(105, 130) == (5, 31)
    assert positions.text_range(10, 50) is None  # only the header


def test_range_starting_in_the_header_begins_at_the_body() -> None:
    positions = PositionMap()
    positions.add(100, 0, 25)
    assert positions.text_range(20, 110) == (0, 10)


def test_highlight_is_painted_in_its_colour(qapp) -> None:
    start = TEXT.index("Second")
    h = Highlight(7, None, start, start + 6, "Second", color="green")  # type: ignore[arg-type]
    rendered = render(article(highlights=(h,)), QPalette())
    cursor = QTextCursor(rendered.document)
    cursor.setPosition(rendered.positions.to_doc(start + 1))
    assert cursor.charFormat().background().color() == highlight_color("green")


def test_footnote_marker_is_an_internal_link(qapp) -> None:
    rendered = render(article(), QPalette())
    cursor = QTextCursor(rendered.document)
    cursor.setPosition(rendered.positions.to_doc(TEXT.index("[1]") + 1))
    assert cursor.charFormat().anchorHref() == f"footnote:1@{TEXT.index('[1]')}"


def test_persian_article_lays_out_right_to_left(qapp) -> None:
    rendered = render(article(language="fa"), QPalette())
    assert rendered.rtl
    assert is_rtl(article(language=None, text="باغ ایرانی همیشه دیوار دارد"))
