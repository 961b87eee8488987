"""The pinned Qt binding: emitting a signal must not leak or steal references."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    progress = Signal(int, int, str)


def test_emit_keeps_reference_counts_balanced() -> None:
    emitter = _Emitter()
    emitter.progress.connect(lambda done, total, message: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for n in range(200):
        emitter.progress.emit(n, 200, "step")
    # PySide6 6.12.0 lost one reference to True per emit: 10,000 emits crashed the app.
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before
