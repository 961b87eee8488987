"""Long jobs from the window: one worker at a time, a cancellable progress dialog, one outcome."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar, cast

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMainWindow, QProgressDialog

from archivist.gui.dialogs import show_error
from archivist.gui.i18n import number
from archivist.gui.workers import Job, JobWorker

T = TypeVar("T")

PROGRESS_DELAY_MS = 400
"""Jobs quicker than this never show a progress dialog."""


class JobRunner(QObject):
    """Runs core jobs in the background for a window; the window stays responsive."""

    ended = Signal(str)
    """A job ended: "finished", "failed" or "cancelled" (after its outcome was handled)."""

    def __init__(
        self,
        window: QMainWindow,
        archive_path: Callable[[], Path],
        after_failure: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.archive_path = archive_path
        self.after_failure = after_failure
        self.worker: JobWorker | None = None
        self.progress: QProgressDialog | None = None

    def cancel(self) -> None:
        """Ask the running job to stop after its current step."""
        if self.worker is not None:
            self.worker.cancel()

    def run(
        self, title: str, job: Job[T], done: Callable[[T], None], cancelled: str | None = None
    ) -> None:
        """Start ``job``; ``done`` gets its result on the GUI thread.

        ``cancelled`` is what the status bar says when the user cancels (by default, that what
        was done is kept: right for jobs that commit step by step, not for all).
        """
        if self.worker is not None:
            show_error(
                self.window, self.tr("Another job is still running; wait for it or cancel it.")
            )
            return
        worker = JobWorker(self.archive_path(), job)
        self.worker = worker
        progress = QProgressDialog(
            self.tr("{title}…").format(title=title), self.tr("Cancel"), 0, 0, self.window
        )
        progress.setWindowTitle(title)
        progress.setMinimumDuration(PROGRESS_DELAY_MS)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.canceled.connect(worker.cancel)
        self.progress = progress

        def step(n: int, total: int, message: str) -> None:
            progress.setMaximum(total)
            progress.setValue(n)
            progress.setLabelText(
                self.tr("{title}: {done} of {total}\n{message}").format(
                    title=title, done=number(n), total=number(total), message=message
                )
            )

        def end() -> None:
            progress.reset()
            progress.deleteLater()
            self.worker = None
            self.progress = None

        def finished(result: object) -> None:
            end()
            # The worker's signal carries the job's own return value: a T (Qt signals are untyped).
            done(cast(T, result))
            self.ended.emit("finished")

        def failed(message: str) -> None:
            end()
            self.after_failure()
            show_error(self.window, message)
            self.ended.emit("failed")

        def on_cancel() -> None:
            end()
            self.after_failure()
            self.window.statusBar().showMessage(
                cancelled
                or self.tr("{title} cancelled; what was done is kept.").format(title=title),
                5000,
            )
            self.ended.emit("cancelled")

        worker.signals.progress.connect(step)
        worker.signals.finished.connect(finished)
        worker.signals.failed.connect(failed)
        worker.signals.cancelled.connect(on_cancel)
        worker.start()
