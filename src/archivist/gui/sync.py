"""Noticing what other processes write to the open archive (the CLI, a second window)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

POLL_MS = 400
"""How often the archive is asked whether another connection committed (one cheap PRAGMA)."""
MAX_WAIT_S = 1.2
"""During a burst of commits (a batch import), the window still refreshes this often."""


class ArchiveWatcher(QObject):
    """Polls the archive's data version on a timer; emits ``changed`` when another process wrote.

    SQLite bumps ``PRAGMA data_version`` only for commits made through other connections, so
    the window's own edits (already announced by its undo commands) never trigger a refresh.
    A change is announced once the version has held still for one poll, so a burst of commits
    costs one refresh, or after MAX_WAIT_S if the burst goes on. ``busy`` says when the
    window's own background job is writing: its end refreshes anyway.
    """

    changed = Signal()

    def __init__(
        self,
        version: Callable[[], int],
        busy: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
        interval_ms: int = POLL_MS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._version = version
        self._busy = busy
        self._clock = clock
        self._last = self._read()
        self._seen: int | None = None
        self._since = 0.0
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _read(self) -> int | None:
        try:
            return self._version()
        except Exception:  # noqa: BLE001 - a closed or locked archive is asked again next time
            return None

    def reset(self) -> None:
        """Take the current version as seen (after switching archives or refreshing by hand)."""
        self._last = self._read()
        self._seen = None

    def poll(self) -> bool:
        """Emit ``changed`` if another connection committed and has since paused (or long ago)."""
        if self._busy():
            return False
        now = self._read()
        if now is None or now == self._last:
            self._seen = None
            return False
        if self._seen is None:
            self._seen, self._since = now, self._clock()
            return False
        if now != self._seen and self._clock() - self._since < MAX_WAIT_S:
            self._seen = now
            return False
        self._last, self._seen = now, None
        self.changed.emit()
        return True
