"""Batch import: folders, duplicates before extraction, saved-page folders, worker processes."""

from __future__ import annotations

import gc
import shutil
import sqlite3
import threading
from collections.abc import Sequence
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

from archivist.archive import Archive
from archivist.errors import ArchiveError
from archivist.importer import import_paths, readahead
from archivist.importer import workers as worker_pool
from archivist.model import Footnote
from factories import import_files

DATA = Path(__file__).parent / "data"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


run = import_files
TABLES = ("articles", "sources", "originals")


def test_web_page_complete_keeps_its_images(archive: Archive, tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    shutil.copy(DATA / "html" / "fn_pandoc.html", page)
    (tmp_path / "saved_files").mkdir()
    (tmp_path / "saved_files" / "map.png").write_bytes(PNG)
    (tmp_path / "saved_files" / "tracker.js").write_text("alert(1)")
    (result,) = run(archive, [str(tmp_path)])
    assert result.status == "imported" and result.id is not None
    resource = archive.articles.resource(result.id, "saved_files/map.png")
    assert resource is not None and resource.data == PNG and resource.mime_type == "image/png"
    assert archive.articles.resource(result.id, "saved_files/tracker.js") is None


def test_duplicates_are_skipped_before_extraction(archive: Archive, tmp_path: Path) -> None:
    shutil.copy(DATA / "text" / "wordpress_breadcrumb.txt", tmp_path / "a.txt")
    shutil.copy(DATA / "text" / "wordpress_breadcrumb.txt", tmp_path / "copy.txt")
    results = run(archive, [str(tmp_path)])
    assert [r.status for r in results] == ["imported", "duplicate"]
    assert results[0].id == results[1].id


def test_worker_processes_give_the_same_result_as_serial(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    for i in range(70):
        text = (
            f"Save Number {i}\n\nA paragraph about harbour {i}. [1]\n\n[1] Ana Ruiz, Tides, 2019.\n"
        )
        (folder / f"s{i:03d}.txt").write_text(text)
    (folder / "bad.txt").write_bytes(b"\x00\x01binary")
    outcomes = []
    for workers in (0, 1):
        with Archive.open(str(tmp_path / f"w{workers}.sqlite3")) as archive:
            results = run(archive, [str(folder)], workers=workers)
            docs = [archive.articles.get(r.id).text for r in results if r.id is not None]
            outcomes.append(([(Path(r.path).name, r.status) for r in results], docs))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0][0] == ("bad.txt", "error") and len(outcomes[0][1]) == 70


def _saves(folder: Path, count: int, *, failing: int | None = None) -> None:
    folder.mkdir()
    for i in range(count):
        note = "FAIL here" if i == failing else "Ana Ruiz, Tides, 2019."
        (folder / f"s{i:03d}.txt").write_text(
            f"Save Number {i}\n\nA paragraph about harbour {i}. [1]\n\n[1] {note}\n"
        )


@pytest.mark.parametrize(("count", "workers"), [(20, 0), (70, 2)])
def test_every_reported_import_is_already_committed(
    archive: Archive, tmp_path: Path, count: int, workers: int
) -> None:
    _saves(tmp_path / "saves", count)
    seen = []
    for progress in import_paths(archive, [str(tmp_path / "saves")], workers=workers):
        with closing(sqlite3.connect(archive.path)) as other:  # it sees only what is committed
            (committed,) = other.execute("SELECT count(*) FROM articles").fetchone()
        seen.append((progress.done, committed))
    assert seen[-1] == (count, count)
    assert all(committed >= done for done, committed in seen)


def test_a_cancelled_parallel_import_stops_and_can_be_taken_up_again(
    archive: Archive, tmp_path: Path
) -> None:
    _saves(tmp_path / "saves", 300)
    job = import_paths(archive, [str(tmp_path / "saves")], workers=2)
    reported = 0
    for progress in job:
        reported = progress.done
        if reported == 40:
            job.close()  # as the app's Cancel button does
            break
    stored = len(archive.articles.listing())
    # What was reported is stored; past it, at most the chunks that were already running.
    assert reported <= stored <= reported + 5 * worker_pool.CHUNK_FILES
    again = [r.status for r in run(archive, [str(tmp_path / "saves")], workers=2)]
    assert again.count("duplicate") == stored and again.count("imported") == 300 - stored


def test_a_file_failing_to_store_is_rolled_back_alone(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _saves(tmp_path / "saves", 10, failing=4)
    insert = archive.articles._insert_footnotes

    def failing_insert(article_id: int, footnotes: Sequence[Footnote]) -> None:
        insert(article_id, footnotes)  # the source and article rows are written by now
        if any("FAIL" in f.text for f in footnotes):
            raise ArchiveError("s004.txt: the disk said no")

    monkeypatch.setattr(archive.articles, "_insert_footnotes", failing_insert)
    results = run(archive, [str(tmp_path / "saves")], workers=0)
    assert [r.status for r in results].count("imported") == 9
    assert results[4].status == "error" and results[4].error == "s004.txt: the disk said no"
    with closing(sqlite3.connect(archive.path)) as db:  # nothing of the failed file is left behind
        counts = [db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES]
    assert counts == [9, 9, 9]


def workers_started_at_once(_pool: object, _workers: int) -> threading.Event:
    """No head start for this process: every chunk goes to the (stand-in) pool."""
    ready = threading.Event()
    ready.set()
    return ready


class ReadyAfter(threading.Event):
    """Workers that are ready once the importer has asked ``asks`` times (never before)."""

    def __init__(self, asks: int) -> None:
        super().__init__()
        self.asks = asks

    def is_set(self) -> bool:
        self.asks -= 1
        return self.asks < 0


def test_this_process_imports_while_the_workers_start(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _saves(tmp_path / "saves", 70)
    here: list[str] = []
    prepare = worker_pool._prepare

    def prepare_here(archive: Archive, path: str, *, max_bytes: int) -> Any:
        here.append(Path(path).name)  # only calls in this process are seen
        return prepare(archive, path, max_bytes=max_bytes)

    monkeypatch.setattr(worker_pool, "_prepare", prepare_here)
    monkeypatch.setattr(worker_pool, "CHUNK_FILES", 16)
    # Ready when this process is 4 files into its second chunk: the other 12 go to the workers.
    monkeypatch.setattr(worker_pool, "_start_workers", lambda _pool, _n: ReadyAfter(22))
    results = run(archive, [str(tmp_path / "saves")], workers=2)
    assert here == [f"s{i:03d}.txt" for i in range(20)]
    assert [Path(r.path).name for r in results] == [f"s{i:03d}.txt" for i in range(70)]
    assert [r.status for r in results] == ["imported"] * 70
    assert len(archive.articles.listing()) == 70


class CrashingPool:
    """Stands in for the process pool: runs chunks here; a chunk holding "crash" kills it."""

    made = 0

    def __init__(self, *_args: object, initializer: Any, initargs: tuple[str], **_kw: object):
        CrashingPool.made += 1
        self.broken = False
        self.threshold = gc.get_threshold()
        initializer(*initargs)  # here, not in a worker: what it does to gc is undone on exit

    def __enter__(self) -> CrashingPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        worker_pool._WORKER.pop("archive").close()
        gc.unfreeze()
        gc.set_threshold(*self.threshold)

    def submit(self, fn: Any, chunk: list[str], max_bytes: int) -> Future[Any]:
        if self.broken:
            raise BrokenProcessPool("a worker died")
        future: Future[Any] = Future()
        if any("crash" in Path(path).name for path in chunk):
            self.broken = True
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(fn(chunk, max_bytes))
        return future


def test_a_worker_crash_fails_its_chunk_and_a_new_pool_takes_the_rest(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _saves(tmp_path / "saves", 80)
    (tmp_path / "saves" / "s020.txt").rename(tmp_path / "saves" / "s020-crash.txt")
    monkeypatch.setattr(worker_pool, "ProcessPoolExecutor", CrashingPool)
    monkeypatch.setattr(worker_pool, "_start_workers", workers_started_at_once)
    monkeypatch.setattr(worker_pool, "CHUNK_FILES", 16)
    CrashingPool.made = 0
    results = run(archive, [str(tmp_path / "saves")], workers=2)
    statuses = [r.status for r in results]
    assert statuses == ["imported"] * 16 + ["error"] * 16 + ["imported"] * 48
    assert "crashed on this file or one imported beside it" in (results[20].error or "")
    assert CrashingPool.made >= 2 and len(archive.articles.listing()) == 64


def test_workers_that_cannot_start_leave_the_batch_to_this_process(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class DeadPool(CrashingPool):
        def submit(self, fn: Any, chunk: list[str], max_bytes: int) -> Future[Any]:
            raise BrokenProcessPool("no worker started")

    _saves(tmp_path / "saves", 70)
    monkeypatch.setattr(worker_pool, "ProcessPoolExecutor", DeadPool)
    monkeypatch.setattr(worker_pool, "_start_workers", workers_started_at_once)
    results = run(archive, [str(tmp_path / "saves")], workers=2)
    assert [r.status for r in results] == ["imported"] * 70


@pytest.mark.parametrize(("cores", "workers"), [(1, 0), (2, 2), (3, 3), (16, 4)])
def test_workers_for_the_cores_this_process_may_use(
    monkeypatch: pytest.MonkeyPatch, cores: int, workers: int
) -> None:
    monkeypatch.setattr(
        worker_pool.os, "sched_getaffinity", lambda _pid: set(range(cores)), raising=False
    )
    monkeypatch.setattr(worker_pool.os, "cpu_count", lambda: 64)  # the machine's, not ours
    assert worker_pool.default_workers() == workers


def test_files_are_read_a_few_at_a_time_and_looked_up_together(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _saves(tmp_path / "saves", 12)
    first = run(archive, [str(tmp_path / "saves" / f"s{i:03d}.txt") for i in (0, 5)], workers=0)
    shutil.copy(tmp_path / "saves" / "s003.txt", tmp_path / "saves" / "s003z-copy.txt")
    (tmp_path / "saves" / "z-binary.txt").write_bytes(b"\x00\x01\x02 not text")
    events: list[str] = []
    read, extract, lookup = (
        readahead._read_bytes,
        readahead.extract_file,
        archive.articles.find_sources,
    )

    def reading(path: str, max_bytes: int) -> Any:
        events.append("read")
        return read(path, max_bytes)

    def extracting(data: bytes, name: str, sha256: str | None = None) -> Any:
        events.append("extract")
        return extract(data, name, sha256)

    def looking_up(digests: Sequence[str]) -> Any:
        events.append(f"lookup {len(digests)}")
        return lookup(digests)

    monkeypatch.setattr(readahead, "_read_bytes", reading)
    monkeypatch.setattr(readahead, "extract_file", extracting)
    monkeypatch.setattr(archive.articles, "find_sources", looking_up)
    monkeypatch.setattr(readahead, "READ_AHEAD_FILES", 5)
    results = run(archive, [str(tmp_path / "saves")], workers=0)
    names = [Path(r.path).name for r in results]
    assert names == sorted(p.name for p in (tmp_path / "saves").iterdir())
    by_name = {Path(r.path).name: r for r in results}
    assert [by_name["s000.txt"].id, by_name["s005.txt"].id] == [r.id for r in first]
    assert by_name["s000.txt"].status == by_name["s005.txt"].status == "duplicate"
    # The copy is found to be a duplicate when it is stored, after the file it copies.
    assert by_name["s003.txt"].status == "imported"
    assert by_name["s003z-copy.txt"].status == "duplicate"
    assert by_name["z-binary.txt"].status == "error"
    assert [r.status for r in results].count("imported") == 10
    # Five reads, one lookup of the five, then their extractions (not of the duplicates).
    assert events[:7] == ["read"] * 5 + ["lookup 5", "extract"]
    assert events.count("read") == 14 and events.count("lookup 5") == 2
    assert events.count("extract") == 14 - 2  # all but the two found by the lookup


def test_reading_ahead_stops_at_its_byte_limit(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _saves(tmp_path / "saves", 6)
    monkeypatch.setattr(readahead, "READ_AHEAD_BYTES", 1)  # every file is over it: one at a time
    lookups: list[int] = []
    lookup = archive.articles.find_sources
    monkeypatch.setattr(
        archive.articles, "find_sources", lambda d: lookups.append(len(d)) or lookup(d)
    )
    results = run(archive, [str(tmp_path / "saves")], workers=0)
    assert [r.status for r in results] == ["imported"] * 6 and lookups == [1] * 6


def test_finding_many_sources_at_once(archive: Archive, tmp_path: Path) -> None:
    _saves(tmp_path / "saves", 3)
    results = run(archive, [str(tmp_path / "saves")], workers=0)
    digests = [archive.articles.get(r.id).source.sha256 for r in results]  # type: ignore[arg-type,union-attr]
    wanted = [*(f"{i:064x}" for i in range(1200)), *digests]
    assert archive.articles.find_sources(wanted) == {
        d: r.id for d, r in zip(digests, results, strict=True)
    }
    assert archive.articles.find_sources([]) == {}


def test_reextraction_says_how_many_footnotes_were_parsed_differently() -> None:
    from dataclasses import replace

    from archivist.importer import describe_changes
    from factories import make_extraction

    old = make_extraction().article
    reparsed = replace(old.footnotes[0], kind="citation", csl={"type": "report"})
    new = replace(old, footnotes=(reparsed,))
    assert describe_changes(old, new) == ("citations: 1 footnotes parsed differently",)
