"""Keyboard and assistive technology: every widget named, every action reachable by keys."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from archivist.gui.keyboard import (
    ShortcutSheet,
    accessible_name,
    describe,
    menu_shortcuts,
    shortcut_conflicts,
    unnamed_widgets,
)
from archivist.gui.main_window import MainWindow


def unnamed(window: MainWindow) -> list[str]:
    return [describe(w) for w in unnamed_widgets(window)]


def test_every_interactive_widget_has_a_name_in_every_view(qtbot, window: MainWindow, filled):
    ids = filled[1]
    highlight = window.archive.annotations.highlight_quote(ids["en"], "wooden pier", color="green")
    window.library.select_article(ids["en"])
    window.notes.show_highlight(highlight.id)
    window.reader_pane.find_bar.open_bar()
    window.reader.select_text(0, 7)
    assert unnamed(window) == []
    window.notes.show_footnote("1")
    assert unnamed(window) == []
    window.notes.setCurrentWidget(window.notes.article_tab)
    assert unnamed(window) == []
    window.dossiers.new_dossier("Harbours", [ids["en"]])
    window.show_dossiers()
    assert unnamed(window) == []


def test_the_walk_catches_a_widget_without_a_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QLineEdit

    stray = QLineEdit(window.library)
    stray.show()
    assert describe(stray) in unnamed(window)
    stray.setAccessibleName("Stray")
    assert accessible_name(stray) == "Stray"
    assert describe(stray) not in unnamed(window)


def test_every_menu_opens_with_alt_and_a_letter(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Help" in titles
    assert all("&" in t for t in titles), titles


def test_no_two_actions_share_a_shortcut(window: MainWindow) -> None:
    actions = window.findChildren(QAction)
    assert shortcut_conflicts(actions) == {}


def test_every_toolbar_action_is_in_a_menu(window: MainWindow) -> None:
    in_menus = {a for menu in window.menuBar().findChildren(QMenu) for a in menu.actions()}
    toolbar = window.findChildren(QWidget, "MainToolbar")[0]
    assert {a for a in toolbar.actions() if not a.isSeparator()} <= in_menus


def test_f1_opens_the_shortcut_sheet_listing_menu_and_widget_keys(qtbot, window: MainWindow):
    window.activateWindow()
    help_action = next(a for a in window.findChildren(QAction) if a.text() == "&Keyboard shortcuts")
    help_action.trigger()
    sheet = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutSheet))
    rows = sheet.rows()
    assert ["Edit", "Ctrl+K", "Search the archive"] in rows
    assert ["View", "Ctrl+2", "Dossier builder"] in rows
    assert ["Reader", "1 … 6", "Highlight the selected text in that colour"] in rows
    assert len(rows) >= len(menu_shortcuts(window.menuBar())) + 10
    sheet.close()


def test_caret_browsing_selects_and_highlights_without_a_mouse(qtbot, window: MainWindow, filled):
    window.library.select_article(filled[1]["en"])
    window.caret_action.trigger()
    assert window.reader.caret_browsing
    assert window.reader.positions.to_text(window.reader.textCursor().position()) == 0
    window.reader.scroll_to_offset(window.document.text.index("harbour"))
    for _ in range(len("harbour")):
        qtbot.keyClick(window.reader, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(window.reader, Qt.Key.Key_2)
    assert [h.exact for h in window.archive.annotations.highlights(filled[1]["en"])] == ["harbour"]


def test_f6_moves_between_the_panes(qtbot, window: MainWindow, filled) -> None:
    window.library.select_article(filled[1]["en"])
    window.activateWindow()
    window.library.table.setFocus()
    window.cycle_pane(1)
    assert QApplication.focusWidget() is window.reader
    window.cycle_pane(1)
    assert window.notes.isAncestorOf(QApplication.focusWidget())
    window.cycle_pane(1)
    assert QApplication.focusWidget() is window.library.table
    window.cycle_pane(-1)
    assert window.notes.isAncestorOf(QApplication.focusWidget())


def test_shift_f10_and_the_menu_key_open_the_library_menu(qtbot, window: MainWindow) -> None:
    window.library.select_row(1)
    window.library.contextMenuRequested.disconnect()  # the menu itself would wait for a click
    with qtbot.waitSignal(window.library.contextMenuRequested) as shift_f10:
        qtbot.keyClick(window.library.table, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    row_rect = window.library.table.visualRect(window.library.model.index(1, 0))
    assert row_rect.contains(shift_f10.args[0])
    with qtbot.waitSignal(window.library.contextMenuRequested):
        qtbot.keyClick(window.library.table, Qt.Key.Key_Menu)


def test_the_sheet_leaves_out_keys_common_keyboards_lack(window: MainWindow) -> None:
    rows = {(where, what): keys for where, keys, what in menu_shortcuts(window.menuBar())}
    assert rows[("Edit", "Undo")].startswith("Ctrl+Z")
    assert "F14" not in rows[("Edit", "Undo")] and "Undo" not in rows[("Edit", "Undo")]
    assert rows[("View", "Back to footnote marker")] == "Alt+Left"


def test_the_dialogs_name_their_widgets_too(window: MainWindow, filled) -> None:
    from archivist.gui.dialogs import PreferencesDialog
    from archivist.gui.provenance import OriginalDialog

    dialogs = [
        ShortcutSheet(window.menuBar(), window),
        OriginalDialog("Ports", "ports.txt", "text", True, window),
        PreferencesDialog(window.archive.annotations.palette(), "system", 720, window),
    ]
    for dialog in dialogs:
        dialog.show()
        assert [describe(w) for w in unnamed_widgets(dialog)] == []
        dialog.close()
