"""What the window does with library selections and files: dossiers, tags, trash, import."""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication, QPoint, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from archivist.archive import Archive
from archivist.export.dossier import export_dossier, request_for
from archivist.gui.actions import ArticleActions
from archivist.gui.dialogs import import_summary, show_error
from archivist.gui.dossier import DossierPanel
from archivist.gui.i18n import phrases
from archivist.gui.library_view import LibraryPanel
from archivist.gui.undo import Changes
from archivist.gui.workers import Job
from archivist.importer import ImportReport, ReextractResult, import_paths, reextract
from archivist.ingest import SUPPORTED_SUFFIXES
from archivist.model import ArticleId, DossierId

T = TypeVar("T")


class Window(Protocol):
    """What the flows ask of the main window: its archive, panes and a few of its doings."""

    archive: Archive
    library: LibraryPanel
    dossiers: DossierPanel
    ops: ArticleActions
    changes: Changes
    """Where a flow announces what it changed, once; the views that show it subscribe."""

    def widget(self) -> QWidget:
        """The window as the parent of the flows' menus and dialogs."""

    def run_job(self, title: str, job: Job[T], done: Callable[[T], None]) -> None:
        """Run a core job in the background, then call ``done`` with its result."""

    def show_dossiers(self) -> None:
        """Bring the dossier builder into view."""

    def read_article(self, article_id: ArticleId) -> None:
        """Open an article in the reader."""

    def forget_undo(self) -> None:
        """Drop the undo history (its commands refer to what a re-extraction moved)."""


def add_to_dossier(window: Window, dossier_id: DossierId, ids: list[ArticleId]) -> None:
    """Add library articles to a dossier and show it."""
    window.show_dossiers()
    window.dossiers.choose(dossier_id)
    window.dossiers.add_articles(ids)


def new_dossier_from(window: Window, ids: list[ArticleId]) -> None:
    """A new dossier holding these articles."""
    title, ok = QInputDialog.getText(
        window.widget(),
        QCoreApplication.translate("flows", "New dossier"),
        QCoreApplication.translate("flows", "Title of the dossier:"),
    )
    if ok and title.strip():
        window.show_dossiers()
        window.dossiers.new_dossier(title.strip(), ids)


def ask_export(window: Window, dossier_id: int) -> None:
    """Ask where to write the dossier's PDF, then export it in the background."""
    if not dossier_id:
        return
    title = window.archive.dossiers.get(DossierId(dossier_id)).title
    suggested = f"{title}.pdf"
    path, _ = QFileDialog.getSaveFileName(
        window.widget(),
        QCoreApplication.translate("flows", "Export PDF"),
        suggested,
        QCoreApplication.translate("flows", "PDF (*.pdf)"),
    )
    if path:
        export_dossier_to(window, DossierId(dossier_id), Path(path))


def export_dossier_to(window: Window, dossier_id: DossierId, path: Path) -> None:
    """Export a dossier as PDF in the background; then offer to open it."""
    window.run_job(
        QCoreApplication.translate("flows", "Exporting"),
        lambda arc: export_dossier(arc, request_for(arc.dossiers.get(dossier_id), path)),
        lambda r: _exported(window, r),
    )


def _exported(window: Window, path: Path) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("flows", "Export finished"),
        QCoreApplication.translate("flows", "Wrote {path}").format(path=path),
        parent=window.widget(),
    )
    box.setObjectName("ExportDone")
    open_file = box.addButton(
        QCoreApplication.translate("flows", "Open file"), QMessageBox.ButtonRole.AcceptRole
    )
    open_folder = box.addButton(
        QCoreApplication.translate("flows", "Open folder"), QMessageBox.ButtonRole.ActionRole
    )
    box.addButton(QMessageBox.StandardButton.Close)
    open_file.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))
    open_folder.clicked.connect(
        lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
    )
    box.open()


def library_menu(window: Window, pos: QPoint) -> None:
    """The library's context menu: open, tag, add to a dossier, re-extract, trash."""
    ids = window.library.selected_ids()
    if not ids:
        return
    menu = QMenu(window.widget())
    menu.addAction(QCoreApplication.translate("flows", "Open"), lambda: window.read_article(ids[0]))
    menu.addAction(QCoreApplication.translate("flows", "Tag…"), lambda: tag_selected(window))
    _dossier_entries(
        menu.addMenu(QCoreApplication.translate("flows", "Add to dossier")), window, ids
    )
    menu.addAction(
        QCoreApplication.translate("flows", "Re-extract"), lambda: reextract_selected(window)
    )
    if len(ids) == 1:
        menu.addAction(
            QCoreApplication.translate("flows", "Copy citation"),
            lambda: window.ops.copy_citation(None, article_id=ids[0]),
        )
    menu.addSeparator()
    menu.addAction(
        QCoreApplication.translate("flows", "Move to trash"), lambda: trash_selected(window)
    )
    menu.exec(window.library.global_point(pos))
    menu.deleteLater()


def _dossier_entries(menu: QMenu, window: Window, ids: list[ArticleId]) -> None:
    """Each dossier to add ``ids`` to, then "New dossier…" holding them."""
    for dossier in window.archive.dossiers.all():
        if dossier.id is not None:
            menu.addAction(
                dossier.title, functools.partial(add_to_dossier, window, dossier.id, ids)
            )
    menu.addSeparator()
    menu.addAction(
        QCoreApplication.translate("flows", "New dossier…"), lambda: new_dossier_from(window, ids)
    )


def dossier_menu(window: Window) -> None:
    """Add the selected library articles to a dossier, from a menu at the current row."""
    ids = window.library.selected_ids()
    if not ids:
        return
    menu = QMenu(window.widget())
    _dossier_entries(menu, window, ids)
    menu.exec(window.library.current_row_point())
    menu.deleteLater()


def tag_selected(window: Window) -> None:
    """Ask for a tag and add it to the selected articles."""
    ids = window.library.selected_ids()
    if not ids:
        return
    tag, ok = QInputDialog.getText(
        window.widget(),
        QCoreApplication.translate("flows", "Tag articles"),
        phrases().tag_prompt(len(ids)),
    )
    if ok and tag.strip():
        window.ops.tag_articles(ids, tag.strip())


def trash_selected(window: Window) -> None:
    """Move the selected articles to the trash (undoable)."""
    window.ops.trash_articles(window.library.selected_ids())


def reextract_selected(window: Window) -> None:
    """Re-extract the selected articles in the background."""
    ids = window.library.selected_ids()
    if ids:
        window.run_job(
            QCoreApplication.translate("flows", "Re-extracting"),
            lambda arc: reextract(arc, ids),
            lambda r: _reextracted(window, r),
        )


def _reextracted(window: Window, results: list[ReextractResult]) -> None:
    window.forget_undo()  # re-anchoring moved highlights the old commands refer to
    window.changes.libraryChanged.emit()
    errors = [r.error for r in results if r.error]
    if errors:
        show_error(window.widget(), "; ".join(errors))
    lost = [r for r in results if r.lost_citations]
    if lost:
        notes = "; ".join(f"{r.id}: {', '.join(r.lost_citations)}" for r in lost)
        show_error(
            window.widget(),
            QCoreApplication.translate(
                "flows",
                "Corrected citations no longer match a note and are not used (article: notes): "
                "{notes}. They are kept; archivist check lists them.",
            ).format(notes=notes),
        )


def import_files(window: Window) -> None:
    """Choose files to import."""
    paths, _ = QFileDialog.getOpenFileNames(
        window.widget(),
        QCoreApplication.translate("flows", "Import articles"),
        "",
        QCoreApplication.translate("flows", "Saved articles ({patterns})").format(
            patterns=" ".join(f"*{suffix}" for suffix in sorted(SUPPORTED_SUFFIXES))
        ),
    )
    start_import(window, paths)


def import_folder(window: Window) -> None:
    """Choose a folder to import (recursively)."""
    path = QFileDialog.getExistingDirectory(
        window.widget(), QCoreApplication.translate("flows", "Import a folder")
    )
    if path:
        start_import(window, [path])


def start_import(window: Window, paths: list[str]) -> None:
    """Import files and folders in the background."""
    if paths:
        window.run_job(
            QCoreApplication.translate("flows", "Importing"),
            lambda arc: import_paths(arc, paths),
            lambda r: _imported(window, r),
        )


def _imported(window: Window, report: ImportReport) -> None:
    window.changes.libraryChanged.emit()
    headline, details = import_summary(report)
    box = QMessageBox(
        QMessageBox.Icon.Information,
        QCoreApplication.translate("flows", "Import finished"),
        headline,
        parent=window.widget(),
    )
    box.setObjectName("ImportSummary")
    if details:
        box.setDetailedText(details)
    box.open()
