"""An archive whose search index must be rebuilt is indexed by a job with progress on open."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from archivist.archive import search
from archivist.gui.main_window import MainWindow


def test_a_window_rebuilds_an_outdated_index_as_a_job(
    qtbot, filled, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, ids = filled
    monkeypatch.setattr(search, "SYNC_AFTER_WRITE", 2)  # two articles are "many" here
    shutil.rmtree(Path(str(path) + "-search"))  # as a new index format leaves it: stale
    win = MainWindow(path, settings)
    qtbot.addWidget(win)
    assert win.worker is not None  # the job started with the window
    with qtbot.waitSignal(win.jobs.ended, timeout=30000) as ended:
        win.show()
    assert ended.args == ["finished"]
    assert not win.archive.search_index_behind()
    assert [h.id for h in win.archive.search.query("«باغ ایرانی»")] == [ids["fa"]]
    win.close()
    win.archive.close()


def test_a_window_on_an_index_in_step_starts_no_job(window: MainWindow) -> None:
    assert window.worker is None


def test_a_cancelled_rebuild_says_what_becomes_of_it(
    qtbot, filled, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, _ = filled
    monkeypatch.setattr(search, "SYNC_AFTER_WRITE", 2)
    shutil.rmtree(Path(str(path) + "-search"))
    win = MainWindow(path, settings)
    qtbot.addWidget(win)
    assert win.worker is not None
    with qtbot.waitSignal(win.jobs.ended, timeout=30000) as ended:
        win.jobs.cancel()  # before its first step: the rebuild is rolled back
    if ended.args == ["cancelled"]:
        message = win.statusBar().currentMessage()
        assert "next search finishes it" in message and "what was done is kept" not in message
        assert win.archive.search_index_behind()
    else:  # the job was quicker than the cancel: nothing left to say
        assert ended.args == ["finished"]
    win.close()
    win.archive.close()
