"""The background worker: runs a core job on its own connection, reports, can be cancelled."""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path

from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.gui.workers import JobWorker
from archivist.importer import ImportReport, import_paths
from archivist.model import Progress

SAMPLE = (
    "Home » Notes » A Short Note\n\nA Short Note\n\nA line of text about tides. [1]\n\n[1] Ibid.\n"
)


def test_import_runs_in_the_background_and_reports(qtbot, tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "note.txt").write_text(SAMPLE)
    worker = JobWorker(
        tmp_path / "a.sqlite3", lambda arc: import_paths(arc, [str(tmp_path / "in")])
    )
    with qtbot.waitSignal(worker.signals.finished, timeout=20000) as done:
        worker.start()
    report = done.args[0]
    assert isinstance(report, ImportReport)
    assert report.count("imported") == 1
    with Archive.open(str(tmp_path / "a.sqlite3")) as arc:
        assert arc.articles.count() == 1


def test_a_big_batch_imports_through_worker_processes_from_the_app(qtbot, tmp_path: Path) -> None:
    # Enough files for worker processes: they must start safely beside Qt's threads.
    (tmp_path / "in").mkdir()
    for i in range(70):
        (tmp_path / "in" / f"note{i:02d}.txt").write_text(SAMPLE.replace("Short", f"Short {i}"))
    worker = JobWorker(
        tmp_path / "a.sqlite3", lambda arc: import_paths(arc, [str(tmp_path / "in")])
    )
    with qtbot.waitSignal(worker.signals.finished, timeout=60000) as done:
        worker.start()
    report = done.args[0]
    assert isinstance(report, ImportReport) and report.count("imported") == 70
    with Archive.open(str(tmp_path / "a.sqlite3")) as arc:
        assert arc.articles.count() == 70


def test_progress_is_reported_per_step(qtbot, tmp_path: Path) -> None:
    def job(_arc: Archive) -> Generator[Progress, None, str]:
        for i in range(3):
            yield Progress(i + 1, 3, f"step {i + 1}")
        return "done"

    worker = JobWorker(tmp_path / "a.sqlite3", job)
    steps: list[tuple[int, int, str]] = []
    worker.signals.progress.connect(lambda *a: steps.append(a))
    with qtbot.waitSignal(worker.signals.finished) as done:
        worker.start()
    assert done.args == ["done"]
    assert steps[-1] == (3, 3, "step 3")


def test_cancel_stops_between_steps(qtbot, tmp_path: Path) -> None:
    ran: list[int] = []

    def job(_arc: Archive) -> Generator[Progress, None, None]:
        for i in range(1000):
            ran.append(i)
            if i == 2:
                worker.cancel()
            yield Progress(i, 1000)

    worker = JobWorker(tmp_path / "a.sqlite3", job)
    with qtbot.waitSignal(worker.signals.cancelled):
        worker.start()
    assert ran == [0, 1, 2]


def test_core_error_becomes_one_line(qtbot, tmp_path: Path) -> None:
    def job(_arc: Archive) -> Generator[Progress, None, None]:
        raise ArchivistError("bad.txt: cannot\nbe read")
        yield Progress(0, 0)

    worker = JobWorker(tmp_path / "a.sqlite3", job)
    with qtbot.waitSignal(worker.signals.failed) as failed:
        worker.start()
    assert failed.args == ["bad.txt: cannot be read"]
