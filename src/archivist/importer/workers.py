"""The worker pool: big batches read, extracted and stored in chunks by worker processes."""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext

from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.importer.commits import _store_group, _stored_in_groups
from archivist.importer.readahead import _prepare, _prepare_files, _Prepared
from archivist.importer.report import FileResult
from archivist.safefiles import shown

PARALLEL_MIN_FILES = 64
"""Below this many files, starting worker processes costs more than it saves."""


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
