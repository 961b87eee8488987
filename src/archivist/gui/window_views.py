"""Which view the main window shows (welcome, reader or dossier builder) and where focus goes."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QStackedWidget, QWidget

from archivist.archive import Archive
from archivist.gui.dialogs import WelcomeView
from archivist.gui.dossier import DossierPanel
from archivist.gui.i18n import number, phrases
from archivist.gui.keyboard import ShortcutSheet
from archivist.gui.library_view import LibraryPanel
from archivist.gui.notes import NotesPanel
from archivist.gui.reader import ReaderView
from archivist.gui.reader_pane import ReaderPane


class WindowViews(QMainWindow):
    """Switches between the window's views and panes, and keeps the status bar's counts."""

    # The window's parts this switches between (the window builds them).
    archive: Archive
    library: LibraryPanel
    dossiers: DossierPanel
    notes: NotesPanel
    reader: ReaderView
    reader_pane: ReaderPane
    welcome: WelcomeView
    centre: QStackedWidget
    views: QStackedWidget
    splitter: QSplitter
    dossier_splitter: QSplitter
    reader_view_action: QAction
    dossier_view_action: QAction
    _sizes: dict[str, QByteArray]
    _count: int

    def show_library_state(self) -> None:
        """Count in the status bar; the welcome view when the archive is empty."""
        self._count = self.archive.articles.count()
        self._show_counts()

    def _show_counts(self) -> None:
        # Counting the archive scans it (some ms at 100,000 articles): a search reuses the count.
        count = self._count
        shown = self.library.model.total()
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
