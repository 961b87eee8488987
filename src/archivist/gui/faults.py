"""SQLite faults met while the app reads (a damaged archive): one line, never a traceback.

Writes already turn SQLite's errors into ArchivistErrors; a read (the library's rows, an
article, a search, a dossier) can meet a damaged page anywhere, so the app's exception hook
turns those into the same one-line message the CLI prints, naming ``check --repair``.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from archivist.archive.faults import archive_fault
from archivist.gui.dialogs import show_error

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


class ReadFaults:
    """Shows archive faults raised by reads in slots and model methods, each message once."""

    def __init__(self, archive_path: Callable[[], object]) -> None:
        self._archive_path = archive_path
        self._shown: set[str] = set()
        self._boxes: list[QMessageBox] = []  # a box without a parent lives while referenced
        self._previous: ExceptHook = sys.excepthook

    def install(self) -> None:
        """Take over ``sys.excepthook``; anything that is not an archive fault goes on as before."""
        self._previous = sys.excepthook
        sys.excepthook = self.hook

    def uninstall(self) -> None:
        """Give ``sys.excepthook`` back."""
        if sys.excepthook == self.hook:
            sys.excepthook = self._previous

    def message(self, exc: BaseException) -> str | None:
        """The one-line message for an SQLite fault on the archive; None for anything else."""
        if not isinstance(exc, sqlite3.Error):
            return None
        fault = archive_fault(exc, str(self._archive_path()))
        return None if fault is None else " ".join(str(fault).split())

    def hook(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        """sys.excepthook: archive faults shown in one line (once each), the rest passed on."""
        message = self.message(exc)
        if message is None:
            self._previous(kind, exc, tb)
            return
        if message in self._shown:  # a damaged page met again by every row that reads it
            return
        self._shown.add(message)
        sys.stderr.write(f"archivist: {message}\n")
        # Shown from the event loop, never from inside the model or paint call that failed.
        QTimer.singleShot(0, lambda: self._boxes.append(show_error(None, message)))
