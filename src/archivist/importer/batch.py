"""A batch import from start to end: the files walked, imported here or in workers, reported."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Generator, Iterable, Iterator, Sequence

from archivist.archive import Archive
from archivist.archive.faults import archive_fault
from archivist.errors import ArchivistError
from archivist.importer.commits import _stored_in_groups, store
from archivist.importer.readahead import _prepare, _prepare_files
from archivist.importer.report import MAX_FILE_BYTES, FileResult, ImportReport
from archivist.importer.walking import collect_files
from archivist.importer.workers import PARALLEL_MIN_FILES, _parallel, default_workers
from archivist.model import Progress
from archivist.safefiles import shown


def import_one(archive: Archive, path: str, *, max_bytes: int = MAX_FILE_BYTES) -> FileResult:
    """Import one file; every fault becomes an ``error`` result with a one-line message."""
    item = _prepare(archive, path, max_bytes=max_bytes)
    return item if isinstance(item, FileResult) else store(archive, path, item.data, item.extracted)


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
