"""Staging the main window for a documentation screenshot: size, tab, highlight, footnote."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication

from archivist.gui.main_window import MainWindow
from archivist.model import DossierId


@dataclass(frozen=True, slots=True)
class Staging:
    """What the window shows before it is captured (None: as the app would start)."""

    size: tuple[int, int] | None = None
    tab: str | None = None
    highlight: int | None = None
    footnote: str | None = None
    dossier: int | None = None


def stage(window: MainWindow, staging: Staging) -> None:
    """Bring the window to the state ``staging`` asks for."""
    if staging.size is not None:
        window.resize(*staging.size)
        # The reader reflows on resize; scrolling before the layout settles lands elsewhere.
        QCoreApplication.sendPostedEvents()
        QCoreApplication.processEvents()
    if staging.tab == "dossiers" or staging.dossier is not None:
        window.show_dossiers()
    elif staging.tab == "library":
        window.show_reader()
    if staging.dossier is not None:
        window.dossiers.choose(DossierId(staging.dossier))
    if staging.highlight is not None:
        window.notes.show_highlight(staging.highlight)
        window.go_to_highlight(staging.highlight)
    if staging.footnote is not None:
        window.notes.show_footnote(staging.footnote)


def stage_open_window(staging: Staging) -> bool:
    """Stage the shown main window, if there is one; False when there is none."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and widget.isVisible():
            stage(widget, staging)
            return True
    return False


def run_staged(
    archive_path: Path,
    staging: Staging,
    *,
    screenshot: Path | None = None,
    appearance: str | None = None,
    article: int | None = None,
) -> int:
    """Run the app as ``archivist.gui.app.run`` does, staging the window once it is shown."""
    from archivist.gui.app import make_application, run

    make_application()
    # Fires when the event loop starts: after the window is shown, before the screenshot
    # (taken 300 ms later by run()).
    QTimer.singleShot(0, lambda: stage_open_window(staging))
    return run(archive_path, screenshot=screenshot, appearance=appearance, article=article)
