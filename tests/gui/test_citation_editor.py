"""The citation editor, driven as a user would: open, change, preview, undo, redo, reset."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QClipboard, QGuiApplication

from archivist.gui.citation_editor import CitationEditor
from archivist.gui.main_window import MainWindow


def open_editor(qtbot, window: MainWindow, ids, label: str) -> CitationEditor:
    window.open_article(ids["en"])
    window.notes.show_footnote(label)
    view = window.notes.footnotes.list
    viewport = view.viewport()
    at = view.visualRect(view.currentIndex()).center()
    # A double click is a press, release, then the double-click event, as from a mouse.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=at)
    editor = window.ops.citation_editor
    assert editor is not None and editor.isVisible() and editor.label == label
    return editor


def test_type_and_author_changes_show_in_the_preview_and_undo(qtbot, window, filled) -> None:
    editor = open_editor(qtbot, window, filled[1], "1")
    assert "no citation" in editor.preview.text()
    title = editor.fields["title"]
    title.setFocus()
    qtbot.keyClicks(title, "The Salt Roads")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    editor.type_box.setCurrentIndex(editor.type_box.findData("book"))
    assert editor.state.current.csl["type"] == "book"  # type: ignore[index]
    assert "<i>The Salt Roads</i>" in editor.preview.text()  # a book's title in italics
    row = editor.add_creator()
    editor.set_creator(row, family="Marrow", given="Jane")
    assert editor.preview.text().startswith("Marrow, Jane. <i>The Salt Roads</i>")
    panel_row = window.notes.footnotes.list.currentIndex()
    assert panel_row.data().startswith("[1] ✎") and "corrected" in panel_row.data(
        Qt.ItemDataRole.ToolTipRole
    )

    editor.undo_button.click()  # the author goes
    assert "Marrow" not in editor.preview.text() and editor.creators.rowCount() == 0
    editor.redo_button.click()  # and comes back
    assert "Marrow, Jane" in editor.preview.text() and editor.creators.rowCount() == 1

    editor.reset_button.click()
    assert editor.state.edit is None and "no citation" in editor.preview.text()
    assert window.notes.footnotes.list.currentIndex().data().startswith("[1] Harbour")
    window.undo_action.trigger()  # reset is undoable too
    assert "Marrow, Jane" in editor.preview.text()
    csl = window.archive.annotations.document(filled[1]["en"]).footnotes[0].csl
    assert csl is not None and csl["author"] == [{"family": "Marrow", "given": "Jane"}]


def test_a_bad_date_is_shown_and_not_stored(qtbot, window, filled) -> None:
    editor = open_editor(qtbot, window, filled[1], "1")
    issued = editor.fields["issued"]
    issued.setText("2012-13-45")
    issued.editingFinished.emit()
    assert "13 is not a month" in editor.messages.text()
    assert window.archive.citations.edits.of_article(filled[1]["en"]) == ()


def test_kind_and_back_reference_are_editable(qtbot, window, filled) -> None:
    editor = open_editor(qtbot, window, filled[1], "2")
    assert editor.refers_box.currentData() == "1"
    editor.refers_box.setCurrentIndex(editor.refers_box.findData(""))
    editor.kind_box.setCurrentIndex(editor.kind_box.findData("citation"))
    fn = window.archive.annotations.document(filled[1]["en"]).footnotes[1]
    assert (fn.refers_to, fn.kind, fn.edited is not None) == (None, "citation", True)


def test_the_articles_own_item_is_edited_from_the_article_tab(qtbot, window, filled) -> None:
    window.open_article(filled[1]["en"])
    window.notes.setCurrentWidget(window.notes.article_tab)
    qtbot.mouseClick(window.notes.article_tab.edit, Qt.MouseButton.LeftButton)
    editor = window.ops.citation_editor
    assert editor is not None and editor.label is None
    editor.fields["title"].setText("Ports, Tides and Ledgers")
    editor.fields["title"].editingFinished.emit()
    assert window.document is not None and window.document.title == "Ports, Tides and Ledgers"
    assert "corrected by hand" in window.notes.article_tab.citation.text()


@pytest.fixture
def clipboard() -> Iterator[QClipboard]:
    """The clipboard, emptied after the test: the offscreen platform crashes at exit while it
    holds mime data (a real X11 session does not)."""
    board = QGuiApplication.clipboard()
    yield board
    board.clear()


def test_copy_citation_puts_rich_and_plain_text_on_the_clipboard(
    qtbot, window, filled, clipboard
) -> None:
    editor = open_editor(qtbot, window, filled[1], "1")
    editor.fields["title"].setText("The Salt Roads")
    editor.fields["title"].editingFinished.emit()
    editor.type_box.setCurrentIndex(editor.type_box.findData("book"))
    editor.close()
    window.notes.show_footnote("2")  # an ibid copies the work it points back to
    window.activateWindow()
    qtbot.keyClick(
        window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    data = clipboard.mimeData()
    assert "<i>The Salt Roads</i>" in data.html() and data.text().startswith("The Salt Roads")
    assert window.ops.copy_citation("1", "bibtex")
    assert clipboard.text().startswith("@book{")


def test_an_articles_citation_is_copied_from_the_library(window, filled, clipboard) -> None:
    assert window.ops.copy_citation(None, "csl-json", article_id=filled[1]["en"])
    assert '"title": "Ports and Tides"' in clipboard.text()


def test_every_creator_heading_is_shown_whole(qtbot, window, filled) -> None:
    editor = open_editor(qtbot, window, filled[1], "1")
    header = editor.creators.horizontalHeader()
    qtbot.waitExposed(editor)
    for column in range(editor.creators.columnCount()):
        assert header.sectionSize(column) >= header.sectionSizeHint(column), column
