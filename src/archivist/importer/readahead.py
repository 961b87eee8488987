"""Reading files a few ahead, looking them up by SHA-256 together, and extracting the new ones."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.importer.report import FileResult
from archivist.ingest import Extraction, extract
from archivist.safefiles import read_regular, storable


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
        known = archive.articles.find_sources(
            [r[1] for _, r in batch if not isinstance(r, FileResult)]
        )
        for path, read in batch:
            if isinstance(read, FileResult):
                yield read
            elif read[1] in known:
                yield FileResult(path, "duplicate", known[read[1]])
            else:
                data, digest = read
                name = storable(os.path.basename(path) or path)
                yield _Prepared(path, data, extract_file(data, name, digest))
