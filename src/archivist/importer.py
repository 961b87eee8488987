"""Batch import: walk files and folders, extract each file, archive them in grouped commits."""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
import sqlite3
import sys
import threading
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from multiprocessing.context import BaseContext
from typing import Literal

from archivist.archive import Archive
from archivist.archive.faults import archive_fault
from archivist.errors import ArchivistError, DuplicateError
from archivist.ingest import SUPPORTED_SUFFIXES, Extraction, extract
from archivist.ingest.heap import BIG_PAGE_BYTES, release_freed_memory
from archivist.ingest.html import FOLDER_SUFFIXES, collect_folder_resources
from archivist.model import Article, ArticleId, Progress
from archivist.safefiles import read_regular, shown, storable

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Files over this size are refused with a clear message rather than read into memory."""

ImportStatus = Literal["imported", "duplicate", "error"]


@dataclass(frozen=True, slots=True)
class FileResult:
    """What happened to one file of a batch."""

    path: str
    status: ImportStatus
    id: ArticleId | None = None
    error: str | None = None
    warnings: tuple[str, ...] = ()


@dataclass(slots=True)
class ImportReport:
    """The outcome of a batch, one result per file in the order they were met."""

    results: list[FileResult] = field(default_factory=list)

    def count(self, status: ImportStatus) -> int:
        """How many files ended with ``status``."""
        return sum(1 for r in self.results if r.status == status)


def collect_files(paths: Iterable[str]) -> Iterator[str]:
    """Files named directly, and supported files found in folders (never following symlinks).

    A file reached twice (two names, or a folder named twice) is yielded once.
    """
    seen: set[tuple[int, int]] = set()

    def first_time(path: str) -> bool:
        try:
            st = os.stat(path)
        except OSError:
            return True  # reported as an error when it is read
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return False
        seen.add(key)
        return True

    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                # A saved page's "_files" folder holds its images and scripts, not articles.
                dirs[:] = [d for d in dirs if not d.endswith(FOLDER_SUFFIXES)]
                for name in sorted(files):
                    full = os.path.join(root, name)
                    supported = os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES
                    if supported and not os.path.islink(full) and first_time(full):
                        yield full
        elif first_time(path):
            yield path


def import_one(archive: Archive, path: str, *, max_bytes: int = MAX_FILE_BYTES) -> FileResult:
    """Import one file; every fault becomes an ``error`` result with a one-line message."""
    item = _prepare(archive, path, max_bytes=max_bytes)
    return item if isinstance(item, FileResult) else store(archive, path, item.data, item.extracted)


def _read_bytes(path: str, max_bytes: int) -> tuple[bytes, str] | FileResult:
    """The file's bytes and SHA-256, or the result for a file that cannot be read.

    Only a regular file is opened, and only when it is within the size limit (see safefiles).
    """
    try:
        data = read_regular(path, max_bytes)
    except ArchivistError as exc:
        return FileResult(path, "error", error=str(exc))
    return data, hashlib.sha256(data).hexdigest()


def extract_file(data: bytes, name: str, sha256: str | None = None) -> Extraction | str:
    """The extraction, or a one-line error; runs in a worker process for big batches."""
    try:
        return _extract_guarded(data, name, sha256)
    except ArchivistError as exc:
        return str(exc)


def store(archive: Archive, path: str, data: bytes, extracted: Extraction | str) -> FileResult:
    """Archive one extraction (a transaction, or a savepoint in the caller's), or say why not."""
    if isinstance(extracted, str):
        return FileResult(path, "error", error=extracted)
    if len(data) >= BIG_PAGE_BYTES:  # the page's tree is freed: give its memory back first
        release_freed_memory()
    source = extracted.article.source
    if source is not None and source.format == "html":
        # A "Web page, complete" save keeps its images in a folder beside it; extraction sees
        # only the bytes of the page, so the folder is read here.
        extracted = replace(
            extracted, resources=extracted.resources + collect_folder_resources(path)
        )
    try:
        article_id = archive.add(extracted, data)
    except DuplicateError as exc:
        return FileResult(path, "duplicate", ArticleId(exc.existing_id))
    except ArchivistError as exc:
        return FileResult(path, "error", error=str(exc))
    return FileResult(path, "imported", article_id, warnings=extracted.article.warnings)


def _extract_guarded(data: bytes, name: str, sha256: str | None = None) -> Extraction:
    """Extract, turning a fault in an importer into a one-line error so the batch goes on."""
    try:
        return extract(data, name, sha256=sha256)
    except ArchivistError:
        raise
    except RecursionError as exc:
        raise ArchivistError(f"{name}: nested too deeply to import") from exc
    except MemoryError as exc:
        raise ArchivistError(f"{name}: too large to import in the memory available") from exc
    except Exception as exc:
        raise ArchivistError(
            f"{name}: could not be imported (internal error {type(exc).__name__}: {exc}); "
            "please report this file"
        ) from exc


def import_paths(
    archive: Archive,
    paths: Iterable[str],
    *,
    max_bytes: int = MAX_FILE_BYTES,
    workers: int | None = None,
) -> Generator[Progress, None, ImportReport]:
    """Import files and folders, yielding Progress after each file; returns the report.

    The file list is gathered first (names only) so progress has a total. Big batches run in
    worker processes, each reading, extracting and storing chunks of files (a chunk is one
    transaction); small ones run here, committed in groups. At most a few chunks are in
    flight, so memory stays bounded however large the batch. Closing the generator stops
    the batch: nothing is half-imported, though a chunk already running may still commit
    files that were never reported (importing them again reports them as duplicates).
    """
    files = list(collect_files(paths))
    report = ImportReport()
    yield Progress(0, len(files), "")
    results = import_results(archive, files, max_bytes=max_bytes, workers=workers)
    try:
        for done, result in enumerate(results, start=1):
            report.results.append(result)
            yield Progress(
                done, len(files), f"{result.status}: {shown(os.path.basename(result.path))}"
            )
    except (ArchivistError, sqlite3.Error, OSError) as exc:
        # The archive itself refused (disk full, damaged, read-only): what was committed is
        # reported as such, and every file not reached says why it was not imported.
        fault = archive_fault(exc, archive.path)
        if fault is None:
            raise
        report.results.extend(
            FileResult(
                path, "error", error=f"{shown(os.path.basename(path))}: not imported: {fault}"
            )
            for path in files[len(report.results) :]
        )
    return report


def import_results(
    archive: Archive,
    files: Sequence[str],
    *,
    max_bytes: int = MAX_FILE_BYTES,
    workers: int | None = None,
) -> Iterator[FileResult]:
    """Import these files; yield each one's result only once it is committed."""
    if workers is None:
        workers = default_workers()
    if workers and len(files) >= PARALLEL_MIN_FILES:
        return _parallel(archive, list(files), max_bytes, workers)
    return _stored_in_groups(archive, _prepare_files(archive, files, max_bytes=max_bytes))


PARALLEL_MIN_FILES = 64
"""Below this many files, starting worker processes costs more than it saves."""
GROUP_FILES = 64
GROUP_BYTES = 32 * 1024 * 1024
GROUP_SECONDS = 0.5
"""Extracted files are committed together after this many files, bytes or seconds."""


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A file read and extracted, waiting for its group's commit."""

    path: str
    data: bytes
    extracted: Extraction | str


def _prepare(archive: Archive, path: str, *, max_bytes: int) -> FileResult | _Prepared:
    """One file read, looked up and (unless a duplicate or unreadable) extracted."""
    return next(_prepare_files(archive, [path], max_bytes=max_bytes))


READ_AHEAD_FILES = 16
READ_AHEAD_BYTES = 4 * 1024 * 1024
"""Files read before the first of them is extracted: at most this many, or this many bytes."""


def _prepare_files(
    archive: Archive, paths: Iterable[str], *, max_bytes: int
) -> Iterator[FileResult | _Prepared]:
    """Each file read, looked up and extracted, reading a few ahead to look them up at once.

    Duplicates are found by SHA-256 before any extraction, so re-importing a folder is cheap.

    Read and looked up between two extractions, a file ran with the processor's caches cold:
    the duplicate lookup alone took 50 us there, against 9 us back to back, and the read and
    lookup were 5% of an import. Reading ahead holds a few MB more at most.
    """
    pending = iter(paths)
    while True:
        batch: list[tuple[str, tuple[bytes, str] | FileResult]] = []
        size = 0
        for path in pending:
            read = _read_bytes(path, max_bytes)
            batch.append((path, read))
            size += 0 if isinstance(read, FileResult) else len(read[0])
            if len(batch) >= READ_AHEAD_FILES or size >= READ_AHEAD_BYTES:
                break
        if not batch:
            return
        known = archive.find_sources([r[1] for _, r in batch if not isinstance(r, FileResult)])
        for path, read in batch:
            if isinstance(read, FileResult):
                yield read
            elif read[1] in known:
                yield FileResult(path, "duplicate", known[read[1]])
            else:
                data, digest = read
                name = storable(os.path.basename(path) or path)
                yield _Prepared(path, data, extract_file(data, name, digest))


def _stored_in_groups(
    archive: Archive, pipeline: Iterable[FileResult | _Prepared]
) -> Iterator[FileResult]:
    """Store prepared files a group per transaction; yield each result once it is durable.

    A commit in WAL with synchronous=FULL is an fsync, and one per file was most of an
    import's cost. Only the writes run inside the transaction (extraction happens before),
    so another writer (the desktop app, a second CLI) waits milliseconds, not seconds. Each
    file is still a savepoint of its own (a failed file is rolled back alone), and nothing is
    reported before its group commits, so a crash or a cancel loses only unreported work.
    """
    group: list[FileResult | _Prepared] = []
    size = 0
    started = time.monotonic()
    for item in pipeline:
        group.append(item)
        size += len(item.data) if isinstance(item, _Prepared) else 0
        full = len(group) >= GROUP_FILES or size >= GROUP_BYTES
        if full or time.monotonic() - started > GROUP_SECONDS:
            yield from _store_group(archive, group)
            group, size, started = [], 0, time.monotonic()
    yield from _store_group(archive, group)


def _store_group(archive: Archive, group: list[FileResult | _Prepared]) -> list[FileResult]:
    if not any(isinstance(item, _Prepared) for item in group):
        return [item for item in group if isinstance(item, FileResult)]
    with archive.transaction():
        return [
            store(archive, item.path, item.data, item.extracted)
            if isinstance(item, _Prepared)
            else item
            for item in group
        ]


def default_workers() -> int:
    """Worker processes for a big batch: one per core, at most 4; none on a single core.

    Cores are those this process may run on. A worker more than the cores kept the cores
    busier (95-97% against 89-92% with 2 workers on 2 cores) but each article then cost more
    CPU, and 2 workers imported faster in 3 of 4 paired runs.
    """
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cores = cores or 1
    return 0 if cores < 2 else min(4, cores)


CHUNK_FILES = 32
"""Files a worker imports per task: one transaction, one round trip.

Each commit waits for the disk while it holds the archive's write lock, so fewer commits
leave the other workers less to wait for: with 2 workers on 2 cores, 32-file chunks imported
faster than 16-file ones in each of three paired runs (505-593 against 457-495 a second).
"""


def _parallel(
    archive: Archive, files: list[str], max_bytes: int, workers: int
) -> Iterator[FileResult]:
    """Import in worker processes, each reading, extracting and storing chunks of files.

    The workers write to the archive themselves (SQLite serialises their short transactions;
    WAL lets this process and the app read meanwhile): shipping each extraction back here to
    be stored cost more CPU in pickling than the store itself. Results come back in file
    order, each chunk's only once its transaction has committed. If a worker dies (a crash
    in a C library, out of memory), the chunks in flight fail and a new pool takes the rest.
    """
    queue = deque(files[i : i + CHUNK_FILES] for i in range(0, len(files), CHUNK_FILES))
    while queue:
        left = len(queue)
        yield from _until_broken(archive, queue, max_bytes, workers)
        if len(queue) == left:
            # A pool that took nothing would be replaced forever: give up on workers here.
            paths = [path for chunk in queue for path in chunk]
            yield from _stored_in_groups(
                archive, _prepare_files(archive, paths, max_bytes=max_bytes)
            )
            return


def _until_broken(
    archive: Archive, queue: deque[list[str]], max_bytes: int, workers: int
) -> Iterator[FileResult]:
    """Import chunks from ``queue`` in one pool of workers until it is done or broken."""
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=_worker_context(),
        initializer=_open_worker_archive,
        initargs=(str(archive.path),),
    ) as pool:
        ready = _start_workers(pool, workers)
        # Workers take half a second to start (the fork server imports the importer first, a
        # spawned worker everything): meanwhile this process imports from the front itself.
        while queue and not ready.is_set():
            yield from _store_group(archive, _prepare_until(archive, queue, max_bytes, ready))
        pending: deque[tuple[list[str], Future[list[FileResult]]]] = deque()
        try:
            while queue or pending:
                while queue and len(pending) < 2 * workers:
                    try:
                        future = pool.submit(_import_chunk, queue[0], max_bytes)
                    except BrokenProcessPool:
                        break  # the chunk stays queued for the next pool
                    pending.append((queue.popleft(), future))
                if not pending:
                    return  # the pool broke before taking anything: start another
                chunk, future = pending.popleft()
                yield from _chunk_outcome(future, chunk)
        finally:
            for _, future in pending:
                future.cancel()


def _start_workers(pool: ProcessPoolExecutor, workers: int) -> threading.Event:
    """Start the pool's workers from a thread; the event is set once they are ready or failed.

    Submitting the first task blocks until a worker process exists, so it is done off this
    thread, which goes on importing. A worker is ready once its initializer has run.
    """
    ready = threading.Event()

    def start() -> None:
        try:
            wait([pool.submit(_worker_ready) for _ in range(workers)])
        except Exception:  # noqa: BLE001 - a broken or shut pool: the import loop sees it too
            pass
        finally:
            ready.set()

    threading.Thread(target=start, name="archivist-import-workers", daemon=True).start()
    return ready


def _worker_ready() -> None:
    """A task with nothing to do: once it has run, its worker has started and opened the archive."""


def _prepare_until(
    archive: Archive, queue: deque[list[str]], max_bytes: int, ready: threading.Event
) -> list[FileResult | _Prepared]:
    """Here, read and extract the first queued chunk's files until ``ready`` is set.

    The files not reached go back to the front of the queue, for the workers.
    """
    chunk = queue.popleft()
    prepared: list[FileResult | _Prepared] = []
    for index, path in enumerate(chunk):
        if ready.is_set():
            queue.appendleft(chunk[index:])
            break
        prepared.append(_prepare(archive, path, max_bytes=max_bytes))
    return prepared


def _worker_context() -> BaseContext:
    """How worker processes start: never by forking this process, which may run Qt's threads.

    Where it can, from a fork server: a clean process that imports the importer once, so each
    worker starts in milliseconds instead of re-importing everything (half a second of CPU).
    A frozen app, and Windows, spawn each worker afresh.
    """
    if "forkserver" in multiprocessing.get_all_start_methods() and not getattr(
        sys, "frozen", False
    ):
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([__name__])  # no effect once the server is running
        return context
    return multiprocessing.get_context("spawn")


_WORKER: dict[str, Archive] = {}
"""In a worker process: its own connection to the archive, opened once by the initializer."""


def _open_worker_archive(path: str) -> None:
    _WORKER["archive"] = Archive.open(path)
    # What the worker has by now (modules, compiled patterns) lives as long as it does: out of
    # the collector's sight, every full collection stops walking it (7% of a worker's time).
    gc.freeze()
    # Importing makes almost no reference cycles (10 objects in 640 files): the young
    # generation's collection every 700 allocations found nothing and cost 20 us a file.
    gc.set_threshold(50_000, 10, 10)


def _import_chunk(files: list[str], max_bytes: int) -> list[FileResult]:
    """In a worker: read, extract and store these files in one transaction."""
    archive = _WORKER["archive"]
    return _store_group(archive, list(_prepare_files(archive, files, max_bytes=max_bytes)))


def _chunk_outcome(future: Future[list[FileResult]], chunk: list[str]) -> list[FileResult]:
    try:
        return future.result()
    except BrokenProcessPool:
        # A worker died (out of memory, a crash in a C library) before this chunk committed:
        # nothing of it was stored. Which file of the chunk killed it cannot be told here.
        return [
            FileResult(
                p,
                "error",
                error=f"{shown(os.path.basename(p))}: the importer crashed on this file or one "
                "imported beside it; import it again on its own to tell which",
            )
            for p in chunk
        ]
    except ArchivistError as exc:
        # The archive refused the chunk's transaction (busy for too long, disk full).
        return [FileResult(p, "error", error=f"{shown(os.path.basename(p))}: {exc}") for p in chunk]


@dataclass(frozen=True, slots=True)
class ReextractResult:
    """What re-extracting one article changed."""

    id: ArticleId
    changes: tuple[str, ...] = ()
    error: str | None = None
    kept: int = 0
    moved: int = 0
    fuzzy: int = 0
    orphaned: int = 0
    lost_citations: tuple[str, ...] = ()
    """Labels of notes whose hand-corrected citation the new extraction no longer has."""


def describe_changes(old: Article, new: Article) -> tuple[str, ...]:
    """Plain sentences saying how a new extraction differs from the stored one."""
    changes: list[str] = []
    for name in ("title", "subtitle", "published", "site", "section", "url", "language"):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            changes.append(f"{name}: {before!r} → {after!r}")
    if old.authors != new.authors:
        changes.append(f"authors: {', '.join(old.authors)!r} → {', '.join(new.authors)!r}")
    if old.text != new.text:
        changes.append(f"text: {len(old.text)} → {len(new.text)} characters")
    if len(old.footnotes) != len(new.footnotes):
        changes.append(f"footnotes: {len(old.footnotes)} → {len(new.footnotes)}")
    elif [(f.label, f.text, f.markers) for f in old.footnotes] != [
        (f.label, f.text, f.markers) for f in new.footnotes
    ]:
        changes.append("footnotes: same number, different content or markers")
    else:
        parsed = sum(
            (a.kind, a.refers_to, a.csl, a.locator) != (b.kind, b.refers_to, b.csl, b.locator)
            for a, b in zip(old.footnotes, new.footnotes, strict=True)
        )
        if parsed:
            changes.append(f"citations: {parsed} footnotes parsed differently")
    return tuple(changes)


def reextract(
    archive: Archive, ids: Sequence[ArticleId]
) -> Generator[Progress, None, list[ReextractResult]]:
    """Re-run extraction from each stored original; highlights re-anchor in the same step."""
    results: list[ReextractResult] = []
    yield Progress(0, len(ids), "")
    for done, article_id in enumerate(ids, start=1):
        results.append(_reextract_one(archive, article_id))
        yield Progress(done, len(ids), f"article {article_id}")
    return results


def _reextract_one(archive: Archive, article_id: ArticleId) -> ReextractResult:
    try:
        old = archive.article(article_id)
        assert old.source is not None
        extraction = _extract_guarded(archive.original(article_id), old.source.filename)
        changes = describe_changes(old, extraction.article)
        if not changes and old.importer_version == extraction.article.importer_version:
            return ReextractResult(article_id)
        report = archive.reextract(article_id, extraction)
    except ArchivistError as exc:
        return ReextractResult(article_id, error=str(exc))
    return ReextractResult(
        article_id,
        changes,
        kept=len(report.kept),
        moved=len(report.moved),
        fuzzy=len(report.fuzzy),
        orphaned=len(report.orphaned),
        lost_citations=report.lost_citations,
    )


def recover_lost_articles(archive: Archive) -> list[FileResult]:
    """Re-extract articles whose rows were lost (a damaged archive rebuilt) from their originals.

    The original bytes of an imported file live apart from its article; when only the
    article was lost, it is extracted again (under a new id) and the stored file is kept
    until that has succeeded.
    """
    results: list[FileResult] = []
    for source_id, filename, data in archive.originals_without_article():
        extracted = extract_file(data, filename, hashlib.sha256(data).hexdigest())
        if isinstance(extracted, str):
            results.append(FileResult(filename, "error", error=extracted))
            continue
        archive.forget_source(source_id)
        results.append(store(archive, filename, data, extracted))
    return results
