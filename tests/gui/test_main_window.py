"""The main window driven like a user: search, open, highlight, note a footnote, undo, import."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QMessageBox

from archivist.gui import flows
from archivist.gui.main_window import MainWindow
from archivist.model import ArticleId


def open_english(window: MainWindow, ids: dict[str, ArticleId]) -> str:
    window.library.select_article(ids["en"])
    assert window.document is not None and window.document.id == ids["en"]
    return window.document.text


def marker_point(window: MainWindow, offset: int) -> QPoint:
    reader = window.reader
    cursor = reader.textCursor()
    cursor.setPosition(reader.positions.to_doc(offset) + 1)
    return reader.cursorRect(cursor).center()


def test_library_lists_the_archive_and_counts_it(window: MainWindow) -> None:
    assert window.library.model.rowCount() == 2
    assert window.statusBar().currentMessage() == "2 articles"


def test_search_as_you_type_narrows_the_library(qtbot, window: MainWindow, filled) -> None:
    with qtbot.waitSignal(window.library.model.modelReset):
        qtbot.keyClicks(window.library.search, "harbour")
    assert window.library.model.rowCount() == 1
    assert window.library.model.article_id(0) == filled[1]["en"]


def test_select_text_and_press_a_number_to_highlight(qtbot, window: MainWindow, filled) -> None:
    english = open_english(window, filled[1])
    start = english.index("harbour")
    window.reader.select_text(start, start + len("harbour"))
    qtbot.keyClick(window.reader, Qt.Key.Key_3)
    highlights = window.archive.annotations.highlights(filled[1]["en"])
    assert [(h.exact, h.color) for h in highlights] == [("harbour", "red")]
    assert window.notes.highlights.selected_id() == highlights[0].id
    assert (
        window.library.model.data(
            window.library.model.index(window.library.model.row_of(filled[1]["en"]), 5)
        )
        == "1"
    )


def test_floating_bar_highlights_the_selection(qtbot, window: MainWindow, filled) -> None:
    open_english(window, filled[1])
    window.reader.select_text(0, 3)
    assert window.reader.bar.isVisible()
    button = window.reader.bar.findChild(object, "highlight-green")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert [h.color for h in window.archive.annotations.highlights(filled[1]["en"])] == ["green"]


def test_clicking_a_highlight_selects_it_in_the_notes(qtbot, window: MainWindow, filled) -> None:
    english = open_english(window, filled[1])
    start = english.index("quay")
    window.reader.select_text(start, start + 4)
    qtbot.keyClick(window.reader, Qt.Key.Key_1)
    window.notes.setCurrentIndex(1)
    point = marker_point(window, start + 1)
    with qtbot.waitSignal(window.reader.highlightActivated):
        qtbot.mouseClick(window.reader.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.notes.currentWidget() is window.notes.highlights


def test_note_on_a_footnote_then_undo_and_redo(qtbot, window: MainWindow, filled) -> None:
    english = open_english(window, filled[1])
    marker = english.index("[1]")
    with qtbot.waitSignal(window.reader.footnoteActivated):
        qtbot.mouseClick(
            window.reader.viewport(), Qt.MouseButton.LeftButton, pos=marker_point(window, marker)
        )
    tab = window.notes.footnotes
    assert window.notes.currentWidget() is tab and tab.selected_label() == "1"
    with qtbot.waitSignal(tab.notes.editor.saveRequested, timeout=3000):
        qtbot.keyClicks(tab.notes.editor.edit, "Check the 2019 report")
    notes = [
        n.text for n in window.archive.annotations.document(filled[1]["en"]).footnotes[0].notes
    ]
    assert notes == ["Check the 2019 report"]
    window.undo_action.trigger()
    assert window.archive.annotations.document(filled[1]["en"]).footnotes[0].notes == ()
    window.redo_action.trigger()
    assert tab.notes.editor.text() == "Check the 2019 report"
    assert len(window.archive.annotations.document(filled[1]["en"]).footnotes[0].notes) == 1


def test_back_returns_to_the_marker(qtbot, window: MainWindow, filled) -> None:
    english = open_english(window, filled[1])
    marker = english.index("[2]")
    with qtbot.waitSignal(window.reader.footnoteActivated):
        window.reader.anchorClicked.emit(window.reader.anchorAt(marker_point(window, marker)))
    window.reader.show_footnote_list_entry("2")
    window.back_action.trigger()
    assert window.reader.positions.to_text(window.reader.textCursor().position()) == marker


def test_trash_from_the_library_and_undo(window: MainWindow, filled) -> None:
    window.library.select_article(filled[1]["fa"])
    flows.trash_selected(window)
    assert window.library.model.rowCount() == 1
    window.undo_action.trigger()
    assert window.library.model.rowCount() == 2


def test_persian_article_reads_right_to_left(window: MainWindow, filled) -> None:
    window.library.select_article(filled[1]["fa"])
    assert window.reader.rendered is not None and window.reader.rendered.rtl
    body = window.reader.document().lastBlock().blockFormat()
    assert body.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_window_state_is_saved(window: MainWindow, settings: QSettings) -> None:
    window.close()
    assert settings.value("window/splitter") is not None
    assert str(window.archive_path) in settings.value("recent")


def test_empty_archive_welcomes_and_loads_samples(qtbot, tmp_path: Path, settings) -> None:
    win = MainWindow(tmp_path / "empty.sqlite3", settings)
    qtbot.addWidget(win)
    win.show()
    assert win.centre_widget() is win.welcome
    button = win.welcome.findChild(object, "LoadSamples")
    with qtbot.waitSignal(win.jobs.ended, timeout=30000) as ended:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ended.args == ["finished"]
    assert win.findChild(QMessageBox, "ImportSummary").text().startswith("Imported 4 articles")
    assert win.archive.articles.count() >= 4
    assert win.library.model.rowCount() == win.archive.articles.count()
    win.close()
    win.archive.close()


def test_colour_meanings_are_edited_in_preferences(qtbot, window: MainWindow, monkeypatch) -> None:
    from archivist.gui.dialogs import PreferencesDialog

    def accept(dialog: PreferencesDialog) -> int:
        dialog.meanings["green"].setText("strong evidence")
        return PreferencesDialog.DialogCode.Accepted.value

    monkeypatch.setattr(PreferencesDialog, "exec", accept)
    window.preferences()
    assert {p.color: p.meaning for p in window.archive.annotations.palette()}[
        "green"
    ] == "strong evidence"
    assert "strong&nbsp;evidence" in window.notes.highlights.legend.text()  # kept on one line


def test_the_import_dialog_offers_every_kind_of_file_the_importer_reads(
    window: MainWindow, monkeypatch
) -> None:
    from archivist.ingest import SUPPORTED_SUFFIXES

    offered: list[str] = []

    def choose(parent, caption, folder, pattern):  # type: ignore[no-untyped-def]
        offered.append(pattern)
        return [], ""

    monkeypatch.setattr(flows.QFileDialog, "getOpenFileNames", choose)
    flows.import_files(window)
    assert all(f"*{suffix}" in offered[0].split("(")[1] for suffix in SUPPORTED_SUFFIXES)
