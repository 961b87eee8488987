"""What the main window keeps between runs: geometry, sizes, recent archives, preferences."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QMenu, QSplitter

from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.gui.appearance import apply_appearance
from archivist.gui.dialogs import PreferencesDialog, show_error
from archivist.gui.dossier import DossierPanel
from archivist.gui.library_view import LibraryPanel
from archivist.gui.notes import NotesPanel
from archivist.gui.reader import ReaderView
from archivist.model import Article, PaletteColor

MAX_RECENT = 8


class WindowState(QMainWindow):
    """Restores and saves the window's state and settings; applies the preferences and palette."""

    # What the window and its other parts hold, read and written here.
    settings: QSettings
    archive: Archive
    document: Article | None
    library: LibraryPanel
    dossiers: DossierPanel
    notes: NotesPanel
    reader: ReaderView
    splitter: QSplitter
    dossier_splitter: QSplitter
    recent_menu: QMenu
    _sizes: dict[str, QByteArray]
    _palette: tuple[PaletteColor, ...]
    show_dossiers: Callable[[], None]
    showing_dossiers: Callable[[], bool]
    switch_archive: Callable[[Path], None]

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

    def _remember_recent(self, path: Path) -> None:
        recent = [str(p) for p in (self.settings.value("recent") or []) if str(p) != str(path)]
        recent.insert(0, str(path))
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self.recent_menu.clear()
        for item in recent[:MAX_RECENT]:
            action = self.recent_menu.addAction(item)
            action.triggered.connect(lambda _=False, p=item: self.switch_archive(Path(p)))

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
