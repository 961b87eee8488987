"""One reusable background worker: runs a core generator job off the GUI thread."""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.model import Progress

T = TypeVar("T")
Job = Callable[[Archive], Generator[Progress, None, T]]
"""A core job: given an archive opened in the worker's thread, yields Progress, returns a T."""


class WorkerSignals(QObject):
    """The worker's signals (a QRunnable is not a QObject, so it owns one of these)."""

    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class JobWorker(QRunnable):
    """Runs ``job`` on its own Archive connection; cancel() stops it between two steps."""

    def __init__(self, archive_path: Path, job: Job[object]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the GUI keeps the worker until a final signal arrives
        self.archive_path = archive_path
        self.job = job
        self.signals = WorkerSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop after its current step (each step is one transaction)."""
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        """Whether cancel() was called."""
        return self._cancel.is_set()

    def start(self, pool: QThreadPool | None = None) -> None:
        """Queue the worker on ``pool`` (the global pool by default)."""
        (pool or QThreadPool.globalInstance()).start(self)

    def run(self) -> None:
        """Drive the job; emits progress per step, then exactly one final signal."""
        try:
            with Archive.open(str(self.archive_path)) as archive:
                generator = self.job(archive)
                try:
                    while True:
                        if self._cancel.is_set():
                            generator.close()
                            self.signals.cancelled.emit()
                            return
                        step = next(generator)
                        self.signals.progress.emit(step.done, step.total, step.message)
                except StopIteration as stop:
                    self.signals.finished.emit(stop.value)
        except ArchivistError as exc:
            self.signals.failed.emit(" ".join(str(exc).split()))
        except Exception as exc:  # noqa: BLE001 - a bug: shown to the user, not lost in a thread
            traceback.print_exc()
            message = QCoreApplication.translate("JobWorker", "internal error {kind}: {error}")
            self.signals.failed.emit(message.format(kind=type(exc).__name__, error=exc))
