"""The main window's menu bar and toolbar: every action, its shortcut and what it does."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from archivist.archive import Archive
from archivist.gui import flows
from archivist.gui.actions import ArticleActions
from archivist.gui.dialogs import sample_files
from archivist.gui.dossier import DossierPanel
from archivist.gui.library_view import LibraryPanel
from archivist.gui.notes import NotesPanel
from archivist.gui.reader import ReaderView
from archivist.gui.reader_pane import ReaderPane
from archivist.gui.undo import Changes
from archivist.gui.workers import Job
from archivist.model import ArticleId

T = TypeVar("T")


class WindowMenus(QMainWindow):
    """Builds the window's menus and toolbar from what the window has and does."""

    # What the menus call on the window (the window and its other parts define them).
    archive: Archive
    library: LibraryPanel
    dossiers: DossierPanel
    notes: NotesPanel
    ops: ArticleActions
    reader: ReaderView
    reader_pane: ReaderPane
    undo_stack: QUndoStack
    new_archive: Callable[[], None]
    open_archive: Callable[[], None]
    preferences: Callable[[], None]
    show_reader: Callable[[], None]
    show_dossiers: Callable[[], None]
    show_original: Callable[[], None]
    show_shortcuts: Callable[[], None]
    back_to_marker: Callable[[], None]
    cycle_pane: Callable[[int], None]
    _widen: Callable[[int], None]
    # What flows.Window asks of it besides.
    widget: Callable[[], QWidget]
    read_article: Callable[[ArticleId], None]
    changes: Changes
    forget_undo: Callable[[], None]

    # -- building ------------------------------------------------------------------------------

    def run_job(self, title: str, job: Job[T], done: Callable[[T], None]) -> None:
        raise NotImplementedError  # the window's (main_window.MainWindow.run_job)

    def _action(
        self,
        menu: QMenu,
        text: str,
        slot: object,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.menuBar()
        file = bar.addMenu(self.tr("&File"))
        self._action(file, self.tr("&New archive…"), self.new_archive, QKeySequence.StandardKey.New)
        self._action(
            file, self.tr("&Open archive…"), self.open_archive, QKeySequence.StandardKey.Open
        )
        self.recent_menu = file.addMenu(self.tr("Open &recent"))
        file.addSeparator()
        self.import_action = self._action(
            file, self.tr("&Import files…"), lambda: flows.import_files(self), "Ctrl+I"
        )
        self._action(
            file, self.tr("Import &folder…"), lambda: flows.import_folder(self), "Ctrl+Shift+I"
        )
        self._action(
            file, self.tr("Load &sample articles"), lambda: flows.start_import(self, sample_files())
        )
        file.addSeparator()
        self._action(file, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(self.undo_action)
        edit.addAction(self.redo_action)
        edit.addSeparator()
        self.find_action = self._action(
            edit,
            self.tr("&Find in article"),
            self.reader_pane.find_bar.open_bar,
            QKeySequence.StandardKey.Find,
        )
        self._action(edit, self.tr("Search the &archive"), self.library.search.setFocus, "Ctrl+K")
        self._action(
            edit,
            self.tr("Copy &citation"),
            lambda: self.ops.copy_citation(self.notes.citation_label()),
            "Ctrl+Shift+C",
        )
        edit.addSeparator()
        self._action(
            edit, self.tr("&Preferences…"), self.preferences, QKeySequence.StandardKey.Preferences
        )

        view = bar.addMenu(self.tr("&View"))
        self._action(
            view,
            self.tr("Zoom &in"),
            lambda: self.reader.zoom(1),
            QKeySequence.StandardKey.ZoomIn,
        )
        self._action(
            view,
            self.tr("Zoom &out"),
            lambda: self.reader.zoom(-1),
            QKeySequence.StandardKey.ZoomOut,
        )
        self._action(view, self.tr("&Actual size"), lambda: self.reader.zoom(0), "Ctrl+0")
        self._action(view, self.tr("&Wider column"), lambda: self._widen(80), "Ctrl+]")
        self._action(view, self.tr("&Narrower column"), lambda: self._widen(-80), "Ctrl+[")
        self.caret_action = self._action(
            view, self.tr("&Caret browsing"), self.reader.set_caret_browsing, "F7"
        )
        self.caret_action.setCheckable(True)
        self._action(view, self.tr("Next &pane"), lambda: self.cycle_pane(1), "F6")
        self._action(view, self.tr("Pre&vious pane"), lambda: self.cycle_pane(-1), "Shift+F6")
        view.addSeparator()
        views = QActionGroup(self)
        self.reader_view_action = self._action(view, self.tr("&Reader"), self.show_reader, "Ctrl+1")
        self.dossier_view_action = self._action(
            view, self.tr("&Dossier builder"), self.show_dossiers, "Ctrl+2"
        )
        for action in (self.reader_view_action, self.dossier_view_action):
            action.setCheckable(True)
            views.addAction(action)
        self.reader_view_action.setChecked(True)
        view.addSeparator()
        self.back_action = self._action(
            view,
            self.tr("&Back to footnote marker"),
            self.back_to_marker,
            QKeySequence.StandardKey.Back,
        )

        article = bar.addMenu(self.tr("&Article"))
        self._action(
            article,
            self.tr("&Tag selected articles…"),
            lambda: flows.tag_selected(self),
            "Ctrl+T",
        )
        self._action(
            article,
            self.tr("&Re-extract selected articles"),
            lambda: flows.reextract_selected(self),
        )
        self._action(
            article, self.tr("Add to &dossier…"), lambda: flows.dossier_menu(self), "Ctrl+Shift+D"
        )
        self._action(article, self.tr("Show &original"), self.show_original, "Ctrl+U")
        self._action(
            article,
            self.tr("Move to &trash"),
            lambda: flows.trash_selected(self),
            QKeySequence.StandardKey.Delete,
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(
            help_menu,
            self.tr("&Keyboard shortcuts"),
            self.show_shortcuts,
            QKeySequence.StandardKey.HelpContents,
        )
        bar.setAccessibleName(self.tr("Menu bar"))

        toolbar = self.addToolBar(self.tr("Main"))
        toolbar.setObjectName("MainToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.import_action)
        toolbar.addSeparator()
        toolbar.addAction(self.undo_action)
        toolbar.addAction(self.redo_action)
        toolbar.addSeparator()
        toolbar.addAction(self.find_action)
        toolbar.addAction(self.back_action)
        toolbar.addSeparator()
        toolbar.addAction(self.reader_view_action)
        toolbar.addAction(self.dossier_view_action)
