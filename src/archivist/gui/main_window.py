"""The main window: library, reader and notes in a splitter, with menus, toolbar and status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QByteArray, QSettings, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from archivist.archive import Archive
from archivist.archive.library import LibraryFilter
from archivist.errors import ArchivistError
from archivist.gui import flows, undo
from archivist.gui.actions import ArticleActions
from archivist.gui.appearance import apply_appearance
from archivist.gui.dialogs import (
    PreferencesDialog,
    WelcomeView,
    sample_files,
    show_error,
)
from archivist.gui.dossier import DossierPanel
from archivist.gui.i18n import number, phrases
from archivist.gui.jobs import JobRunner
from archivist.gui.keyboard import ShortcutSheet
from archivist.gui.library_view import LibraryPanel
from archivist.gui.notes import NotesPanel
from archivist.gui.provenance import OriginalDialog, readable_original
from archivist.gui.reader import ReaderPane
from archivist.gui.sync import ArchiveWatcher
from archivist.gui.workers import Job, JobWorker
from archivist.model import Article, ArticleId

T = TypeVar("T")
MAX_RECENT = 8


class MainWindow(QMainWindow):
    """One open archive: browse the library, read an article, annotate it."""

    def __init__(self, archive_path: Path, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.archive_path = Path(archive_path)
        self.archive = Archive.open(str(self.archive_path))
        self.document: Article | None = None
        self._count = 0
        self.jobs = JobRunner(self, lambda: self.archive_path, self.library_changed)
        self.undo_stack = QUndoStack(self)
        self.changes = undo.Changes(self)
        self.changes.articlesChanged.connect(self._articles_changed)
        self.changes.libraryChanged.connect(self.library_changed)

        self.reader_pane = ReaderPane(self)
        self.reader = self.reader_pane.reader
        self.ops = ArticleActions(
            lambda: self.archive,
            self.undo_stack,
            changes=self.changes,
            article=lambda: self.document.id if self.document else None,
            parent=self,
            back=self.back_to_marker,
            go_to=self.go_to_highlight,
            style=lambda: self.dossiers.style_box.currentData() or None,
        )
        self.library = LibraryPanel(self.archive, self)
        self.notes = NotesPanel(self.ops, self)
        self.welcome = WelcomeView(self)
        self.centre = QStackedWidget(self)
        self.centre.addWidget(self.welcome)
        self.centre.addWidget(self.reader_pane)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("MainSplitter")
        self.splitter.setHandleWidth(1)
        self.splitter.setChildrenCollapsible(False)
        self.dossiers = DossierPanel(
            lambda: self.archive, self, undo_stack=self.undo_stack, changes=self.changes
        )
        self.dossiers.exportRequested.connect(lambda d: flows.ask_export(self, d))
        # The footnote panel shows entries in the dossier's citation style, and follows it.
        self.dossiers.style_box.currentIndexChanged.connect(
            lambda _i: self.notes.set_style(self.dossiers.style_box.currentData())
        )
        self.notes.set_style(self.dossiers.style_box.currentData())
        for widget in (self.library, self.centre, self.notes):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([430, 690, 320])
        # The dossier builder is a view of its own beside the library (which moves between the
        # two views, so rows can be dragged into a dossier); each view keeps its own sizes.
        self.dossier_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.dossier_splitter.setObjectName("DossierSplitter")
        self.dossier_splitter.setHandleWidth(1)
        self.dossier_splitter.setChildrenCollapsible(False)
        self.dossier_splitter.addWidget(self.dossiers)
        self._sizes = {"desk": self.splitter.saveState(), "dossiers": QByteArray()}
        self.views = QStackedWidget(self)
        self.views.addWidget(self.splitter)
        self.views.addWidget(self.dossier_splitter)
        self.setCentralWidget(self.views)
        self.setAcceptDrops(True)

        self.library.articleActivated.connect(lambda i: self.open_article(ArticleId(i)))
        self.library.articleOpened.connect(lambda _i: self.show_reader())
        self.library.model.modelReset.connect(self._show_counts)
        self.library.contextMenuRequested.connect(lambda pos: flows.library_menu(self, pos))
        self.reader.highlightRequested.connect(self.highlight_selection)
        self.reader.footnoteActivated.connect(lambda label, _o: self.notes.show_footnote(label))
        self.reader.highlightActivated.connect(self.notes.show_highlight)
        self.reader.externalLinkRequested.connect(self._external_link)
        self.reader_pane.originalRequested.connect(self.show_original)
        self.welcome.importFiles.connect(lambda: flows.import_files(self))
        self.welcome.importFolder.connect(lambda: flows.import_folder(self))
        self.welcome.loadSamples.connect(lambda: flows.start_import(self, sample_files()))

        self._build_actions()
        self._load_palette()
        self._restore_state()
        self._remember_recent(self.archive_path)
        self._update_title()
        self.show_library_state()
        self.watcher = ArchiveWatcher(
            self._data_version, lambda: self.jobs.worker is not None, self
        )
        self.watcher.changed.connect(self.archive_changed_elsewhere)

    # -- building ------------------------------------------------------------------------------

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

    def _load_palette(self) -> None:
        colors = self.archive.annotations.palette()
        self._palette = colors
        self.reader.set_palette_colors(colors)
        self.notes.highlights.set_palette_colors(colors)

    # -- state -----------------------------------------------------------------------------

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1440, 900)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        dossier_splitter = self.settings.value("window/dossier_splitter")
        if isinstance(dossier_splitter, QByteArray):
            self._sizes["dossiers"] = dossier_splitter
        columns = self.settings.value("dossiers/columns")
        if isinstance(columns, QByteArray):
            self.dossiers.columns.restoreState(columns)
        columns = self.settings.value("library/header")
        if isinstance(columns, QByteArray):
            self.library.table.horizontalHeader().restoreState(columns)
        width = self.settings.value("reader/width", self.reader.reading_width)
        self.reader.set_reading_width(int(str(width)))
        if self.settings.value("window/view") == "dossiers":
            self.show_dossiers()

    def save_state(self) -> None:
        """Write window geometry, splitter sizes and preferences to QSettings."""
        self.settings.setValue("window/geometry", self.saveGeometry())
        dossiers = self.showing_dossiers()
        shown = self.dossier_splitter if dossiers else self.splitter
        self._sizes["dossiers" if dossiers else "desk"] = shown.saveState()
        self.settings.setValue("window/splitter", self._sizes["desk"])
        self.settings.setValue("window/dossier_splitter", self._sizes["dossiers"])
        self.settings.setValue("dossiers/columns", self.dossiers.columns.saveState())
        self.settings.setValue("window/view", "dossiers" if dossiers else "reader")
        self.settings.setValue("reader/width", self.reader.reading_width)
        self.settings.setValue("library/header", self.library.table.horizontalHeader().saveState())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save any note being typed, the window state, and close the archive."""
        for box in (
            self.notes.highlights.notes,
            self.notes.footnotes.notes,
            self.notes.article_tab.notes,
        ):
            box.editor.flush()
        self.jobs.cancel()
        self.watcher.timer.stop()
        self.save_state()
        super().closeEvent(event)

    def _remember_recent(self, path: Path) -> None:
        recent = [str(p) for p in (self.settings.value("recent") or []) if str(p) != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self.recent_menu.clear()
        for item in recent[:MAX_RECENT]:
            action = self.recent_menu.addAction(item)
            action.triggered.connect(lambda _=False, p=item: self.switch_archive(Path(p)))

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("{archive} — Archivist").format(archive=self.archive_path.name))

    def show_library_state(self) -> None:
        """Count in the status bar; the welcome view when the archive is empty."""
        self._count = self.archive.articles.count()
        self._show_counts()

    def _show_counts(self) -> None:
        # Counting the archive scans it (some ms at 100,000 articles): a search reuses the count.
        count = self._count
        shown = self.library.model.rowCount()
        text = phrases().articles(count)
        if self.library.model.searching:
            found = (
                self.tr("%Ln match", "", shown) if shown == 1 else self.tr("%Ln matches", "", shown)
            )
            text = self.tr("{matches} · {articles}").format(matches=found, articles=text)
        elif shown != count:
            text = self.tr("{articles} · {shown} shown").format(articles=text, shown=number(shown))
        self.statusBar().showMessage(text)
        if count == 0:
            self.centre.setCurrentWidget(self.welcome)
        elif self.centre.currentWidget() is self.welcome:
            self.centre.setCurrentWidget(self.reader_pane)

    # -- views -------------------------------------------------------------------------------

    def showing_dossiers(self) -> bool:
        """Whether the dossier builder is shown (else the reader)."""
        return self.views.currentWidget() is self.dossier_splitter

    def show_dossiers(self) -> None:
        """The dossier builder beside the library: its list, contents and export side by side."""
        if not self.showing_dossiers():
            self._sizes["desk"] = self.splitter.saveState()
            self.dossier_splitter.insertWidget(0, self.library)
            if not self.dossier_splitter.restoreState(self._sizes["dossiers"]):
                self.dossier_splitter.setSizes([self.library.width(), max(1, self.width())])
            self.views.setCurrentWidget(self.dossier_splitter)
        self.dossier_view_action.setChecked(True)

    def show_reader(self) -> None:
        """The library, the reader and the notes."""
        if self.showing_dossiers():
            self._sizes["dossiers"] = self.dossier_splitter.saveState()
            self.splitter.insertWidget(0, self.library)
            self.splitter.restoreState(self._sizes["desk"])
            self.views.setCurrentWidget(self.splitter)
        self.reader_view_action.setChecked(True)

    def cycle_pane(self, step: int) -> None:
        """Move the keyboard focus to the next (1) or previous (-1) pane of the view."""
        if self.showing_dossiers():
            d = self.dossiers
            panes: list[QWidget] = [self.library.table, d.list, d.articles, d.style_box]
        else:
            notes = self.notes.currentWidget() or self.notes
            panes = [self.library.table, self.reader, notes]
        focus = QApplication.focusWidget()
        at = next(
            (i for i, p in enumerate(panes) if focus is p or (focus and p.isAncestorOf(focus))), -1
        )
        target = panes[(at + step) % len(panes)]
        if target is panes[-1] and not self.showing_dossiers():
            target.setFocus(Qt.FocusReason.TabFocusReason)
            target.focusNextChild()
        else:
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_shortcuts(self) -> None:
        """The sheet of keyboard shortcuts (Help menu)."""
        sheet = ShortcutSheet(self.menuBar(), self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.open()

    def read_article(self, article_id: ArticleId) -> None:
        """Open an article and show the reader."""
        self.open_article(article_id)
        self.show_reader()

    # -- archives ----------------------------------------------------------------------------

    def new_archive(self) -> None:
        """Create an archive file and switch to it."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("New archive"),
            str(self.archive_path.parent),
            self.tr("Archivist archive (*.sqlite3)"),
        )
        if path:
            self.switch_archive(Path(path if path.endswith(".sqlite3") else path + ".sqlite3"))

    def open_archive(self) -> None:
        """Choose an archive file and switch to it."""
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open archive"),
            str(self.archive_path.parent),
            self.tr("Archivist archive (*.sqlite3)"),
        )
        if path:
            self.switch_archive(Path(path))

    def switch_archive(self, path: Path) -> None:
        """Close this archive and show another (its own undo history starts empty)."""
        try:
            archive = Archive.open(str(path))
        except ArchivistError as exc:
            show_error(self, str(exc))
            return
        self.archive.close()
        self.archive, self.archive_path = archive, path
        self.undo_stack.clear()
        self.open_article(None)
        self.library.set_archive(archive)
        self.dossiers.reload()
        self._load_palette()
        self._remember_recent(path)
        self._update_title()
        self.show_library_state()
        self.watcher.reset()

    # -- reading -------------------------------------------------------------------------------

    def open_article(self, article_id: ArticleId | None) -> None:
        """Show an article in the reader and its annotations in the notes pane."""
        try:
            self.document = (
                self.archive.annotations.document(article_id) if article_id is not None else None
            )
        except ArchivistError as exc:
            show_error(self, str(exc))
            self.document = None
        self.reader.resource_loader = (
            (lambda loc, a=article_id: self._resource(a, loc)) if article_id is not None else None
        )
        self.reader_pane.set_article(self.document)
        self.notes.set_document(self.document)
        if self.document is not None:
            self.centre.setCurrentWidget(self.reader_pane)

    def show_original(self) -> None:
        """Show the open article's stored original file as plain text."""
        shown = self.document
        if shown is None or shown.id is None:
            return
        try:
            data = self.archive.articles.original(shown.id)
        except ArchivistError as exc:
            show_error(self, str(exc))
            return
        source = shown.source
        text, cut = readable_original(data, source.encoding if source else "utf-8")
        name = source.filename if source else ""
        dialog = OriginalDialog(shown.title, name, text, cut, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _resource(self, article_id: ArticleId, location: str) -> bytes | None:
        resource = self.archive.articles.resource(article_id, location)
        return resource.data if resource is not None else None

    def highlight_selection(self, color: str) -> None:
        """Highlight the reader's selection in ``color``."""
        selected = self.reader.selection_range()
        if selected is not None:
            highlight_id = self.ops.add_highlight(*selected, color)
            if highlight_id is not None:
                self.notes.show_highlight(highlight_id)

    def go_to_highlight(self, highlight_id: int) -> None:
        """Scroll the reader to a highlight."""
        if self.document is not None:
            for h in self.document.highlights:
                if h.id == highlight_id:
                    self.reader.scroll_to_offset(h.start)

    def back_to_marker(self) -> None:
        """Return to the footnote marker last followed."""
        self.reader.back_to_marker()

    def _articles_changed(self, ids: list[ArticleId]) -> None:
        if self.document is not None and self.document.id in ids:
            self.document = self.archive.annotations.document(self.document.id)
            self.reader_pane.set_article(self.document, keep_position=True)
            self.notes.set_document(self.document)
        self.library.model.refresh_articles(set(ids))

    def library_changed(self) -> None:
        self.library.refresh_keeping_view()
        self.library.reload_choices()
        self.dossiers.refresh()
        shown = self.document
        if shown is not None and shown.id is not None and self.library.model.row_of(shown.id) < 0:
            self.open_article(None)
        self.show_library_state()

    def _data_version(self) -> int:
        # The archive, not its method: switching archives replaces self.archive.
        return self.archive.data_version()

    def archive_changed_elsewhere(self) -> None:
        """Another process wrote to the archive: show its changes, keeping what the user sees.

        The library keeps its selection and scroll position, the reader its position, the
        notes pane its chosen highlight or footnote, the dossier builder its dossier.
        """
        self.library.refresh_keeping_view()
        self.library.reload_choices()
        self.dossiers.refresh()
        self.show_library_state()
        if self.archive.annotations.palette() != self._palette:
            self._load_palette()  # colour meanings renamed elsewhere (archivist palette)
        shown = self.document
        if shown is None or shown.id is None:
            return
        unfiltered = self.library.model.current_filter == LibraryFilter()
        if unfiltered and self.library.model.row_of(shown.id) < 0:
            self.open_article(None)  # trashed elsewhere (a search may merely leave it out)
            return
        try:
            fresh = self.archive.annotations.document(shown.id)
        except ArchivistError:
            self.open_article(None)
            return
        if fresh != shown:
            self.document = fresh
            self.reader_pane.set_article(fresh, keep_position=True)
            self.notes.set_document(fresh)

    def _external_link(self, url: QUrl) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Open link"),
            self.tr("Open this link in your web browser?\n\n{url}").format(url=url.toString()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            QDesktopServices.openUrl(url)

    def _widen(self, pixels: int) -> None:
        self.reader.set_reading_width(self.reader.reading_width + pixels)

    # -- library actions -------------------------------------------------------------------------

    def widget(self) -> QWidget:
        """The window as a parent for the flows' menus and dialogs (``flows.Window``)."""
        return self

    def forget_undo(self) -> None:
        """Drop the undo history: a re-extraction moved what its commands refer to."""
        self.undo_stack.clear()

    def run_job(self, title: str, job: Job[T], done: Callable[[T], None]) -> None:
        """Run a core job in the background worker with a cancellable progress dialog."""
        self.jobs.run(title, job, done)

    @property
    def worker(self) -> JobWorker | None:
        """The job running now, if any."""
        return self.jobs.worker

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept files and folders dragged from the desktop."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Import what was dropped."""
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            flows.start_import(self, paths)

    # -- preferences ---------------------------------------------------------------------------

    def preferences(self) -> None:
        """Edit colour meanings, appearance and reading width."""
        palette = self.archive.annotations.palette()
        appearance = str(self.settings.value("appearance", "system"))
        dialog = PreferencesDialog(palette, appearance, self.reader.reading_width, self)
        if dialog.exec() != PreferencesDialog.DialogCode.Accepted:
            return
        try:
            for color, meaning in dialog.changed_meanings(palette).items():
                self.archive.annotations.set_color_meaning(color, meaning)
        except ArchivistError as exc:
            show_error(self, str(exc))
        self.settings.setValue("appearance", dialog.chosen_appearance())
        self.reader.set_reading_width(dialog.reading_width.value())
        apply_appearance(dialog.chosen_appearance())
        self._load_palette()
        self.library.reload_choices()
        self.reader.set_article(self.document, keep_position=True)

    def centre_widget(self) -> QWidget | None:
        """What the centre pane shows (the welcome view or the reader)."""
        return self.centre.currentWidget()
