"""Storing extracted files in the archive, a group of them per transaction."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import replace

from archivist.archive import Archive
from archivist.errors import ArchivistError, DuplicateError
from archivist.importer.readahead import _Prepared
from archivist.importer.report import FileResult
from archivist.ingest import Extraction
from archivist.ingest.formats.html import collect_folder_resources
from archivist.ingest.text.heap import BIG_PAGE_BYTES, release_freed_memory
from archivist.model import ArticleId


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
        article_id = archive.articles.add(extracted, data)
    except DuplicateError as exc:
        return FileResult(path, "duplicate", ArticleId(exc.existing_id))
    except ArchivistError as exc:
        return FileResult(path, "error", error=str(exc))
    return FileResult(path, "imported", article_id, warnings=extracted.article.warnings)


GROUP_FILES = 64
GROUP_BYTES = 32 * 1024 * 1024
GROUP_SECONDS = 0.5
"""Extracted files are committed together after this many files, bytes or seconds."""


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
        del item  # only the group holds a file from here, so storing it can let it go
        full = len(group) >= GROUP_FILES or size >= GROUP_BYTES
        if full or time.monotonic() - started > GROUP_SECONDS:
            yield from _store_group(archive, group)
            group, size, started = [], 0, time.monotonic()
    yield from _store_group(archive, group)


def _store_group(archive: Archive, group: list[FileResult | _Prepared]) -> list[FileResult]:
    if not any(isinstance(item, _Prepared) for item in group):
        return [item for item in group if isinstance(item, FileResult)]
    with archive.transaction():
        for index, item in enumerate(group):
            if isinstance(item, _Prepared):
                group[index] = store(archive, item.path, item.data, item.extracted)
        # Stored: the group lets go of each file's bytes and text before the commit indexes
        # the text, which SQLite then holds a copy of (a 200 MB page was held three times).
        del item
        return [item for item in group if isinstance(item, FileResult)]
