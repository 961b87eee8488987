"""The main window: library, reader and notes in a splitter, with menus, toolbar and status bar."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QByteArray, QSettings, Qt, QUrl
from PySide6.QtGui import (
    QCloseEvent,
    QDesktopServices,
    QDragEnterEvent,
    QDropEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QFileDialog,
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
from archivist.gui.dialogs import (
    WelcomeView,
    sample_files,
    show_error,
)
from archivist.gui.dossier import DossierPanel
from archivist.gui.jobs import JobRunner
from archivist.gui.library_view import LibraryPanel
from archivist.gui.notes import NotesPanel
from archivist.gui.provenance import OriginalDialog, readable_original
from archivist.gui.reader_pane import ReaderPane
from archivist.gui.sync import ArchiveWatcher
from archivist.gui.window_menus import WindowMenus
from archivist.gui.window_state import WindowState
from archivist.gui.window_views import WindowViews
from archivist.gui.workers import Job, JobWorker
from archivist.model import Article, ArticleId

T = TypeVar("T")


class MainWindow(WindowMenus, WindowViews, WindowState):
    """One open archive: browse the library, read an article, annotate it.

    Its menus, its views and its saved state are built and kept by the parts it joins.
    """

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
        self._index_for_search()

    def _index_for_search(self) -> None:
        """An archive whose search index must be rebuilt (a new index format, a lost folder)
        is indexed as a job with progress, not by the first search with the window frozen."""
        if self.archive.search_index_behind():
            self.jobs.run(
                self.tr("Indexing for search"),
                lambda archive: archive.update_search_index_steps(),
                lambda _: self.show_library_state(),
                cancelled=self.tr(
                    "Indexing for search stopped; the next search finishes it first, "
                    "or it starts again when the archive is next opened."
                ),
            )

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

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("{archive} — Archivist").format(archive=self.archive_path.name))

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
        self._index_for_search()

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
        if shown is not None and shown.id is not None and not self.library.model.contains(shown.id):
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
        if unfiltered and not self.library.model.contains(shown.id):
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

    def centre_widget(self) -> QWidget | None:
        """What the centre pane shows (the welcome view or the reader)."""
        return self.centre.currentWidget()
