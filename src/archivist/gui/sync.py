"""Noticing what other processes write to the open archive (the CLI, a second window)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

POLL_MS = 500
"""How often the archive is asked whether another connection committed (one cheap PRAGMA)."""


class ArchiveWatcher(QObject):
    """Polls the archive's data version on a timer; emits ``changed`` when another process wrote.

    SQLite bumps ``PRAGMA data_version`` only for commits made through other connections, so
    the window's own edits (already announced by its undo commands) never trigger a refresh.
    ``busy`` says when the window's own background job is writing: its end refreshes anyway.
    """

    changed = Signal()

    def __init__(
        self,
        version: Callable[[], int],
        busy: Callable[[], bool] = lambda: False,
        parent: QObject | None = None,
        interval_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self._version = version
        self._busy = busy
        self._last = self._read()
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

    def poll(self) -> bool:
        """Emit ``changed`` if another connection committed since the last poll."""
        if self._busy():
            return False
        now = self._read()
        if now is None or now == self._last:
            return False
        self._last = now
        self.changed.emit()
        return True
