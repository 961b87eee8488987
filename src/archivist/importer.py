"""Batch import: walk files and folders, extract each file, archive it; one transaction per file."""

from __future__ import annotations

import os
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from archivist.archive import Archive
from archivist.errors import ArchivistError, DuplicateError
from archivist.ingest import SUPPORTED_SUFFIXES, Extraction, extract
from archivist.model import ArticleId, Progress

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
                dirs[:] = [d for d in dirs if not d.endswith("_files")]
                for name in sorted(files):
                    full = os.path.join(root, name)
                    supported = os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES
                    if supported and not os.path.islink(full) and first_time(full):
                        yield full
        elif first_time(path):
            yield path


def import_one(archive: Archive, path: str, *, max_bytes: int = MAX_FILE_BYTES) -> FileResult:
    """Import one file; every fault becomes an ``error`` result with a one-line message."""
    name = os.path.basename(path) or path
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            mib = 1024 * 1024
            raise ArchivistError(
                f"{name}: {size // mib} MB is over the {max_bytes // mib} MB limit"
            )
        with open(path, "rb") as f:
            data = f.read()
        extraction = _extract_guarded(data, name)
        source = extraction.article.source
        assert source is not None
        existing = archive.find_source(source.sha256)
        if existing is not None:
            return FileResult(path, "duplicate", existing)
        article_id = archive.add(extraction, data)
        return FileResult(path, "imported", article_id, warnings=extraction.article.warnings)
    except DuplicateError as exc:
        return FileResult(path, "duplicate", ArticleId(exc.existing_id))
    except ArchivistError as exc:
        return FileResult(path, "error", error=str(exc))
    except IsADirectoryError:
        return FileResult(path, "error", error=f"{name}: is a folder")
    except FileNotFoundError:
        return FileResult(path, "error", error=f"{name}: no such file")
    except PermissionError:
        return FileResult(path, "error", error=f"{name}: permission denied")
    except OSError as exc:
        return FileResult(path, "error", error=f"{name}: cannot be read ({exc.strerror or exc})")


def _extract_guarded(data: bytes, name: str) -> Extraction:
    """Extract, turning a fault in an importer into a one-line error so the batch goes on."""
    try:
        return extract(data, name)
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
    archive: Archive, paths: Iterable[str], *, max_bytes: int = MAX_FILE_BYTES
) -> Generator[Progress, None, ImportReport]:
    """Import files and folders, yielding Progress after each file; returns the report.

    The file list is gathered first (names only) so progress has a total; file contents are
    read one at a time, so memory stays bounded however large the batch.
    """
    files = list(collect_files(paths))
    report = ImportReport()
    yield Progress(0, len(files), "")
    for done, path in enumerate(files, start=1):
        result = import_one(archive, path, max_bytes=max_bytes)
        report.results.append(result)
        yield Progress(done, len(files), f"{result.status}: {os.path.basename(path)}")
    return report
