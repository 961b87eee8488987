"""Batch import: walk files and folders, extract each file, archive them in grouped commits.

Each job has its module: walking the files (walking), reading ahead and finding duplicates
(readahead), grouped commits (commits), the worker pool (workers), the batch from start to end
(batch), re-extraction (reextraction); what a batch reports is in report.
"""

from __future__ import annotations

from archivist.importer.batch import import_one, import_paths, import_results
from archivist.importer.commits import GROUP_BYTES, GROUP_FILES, GROUP_SECONDS, store
from archivist.importer.readahead import READ_AHEAD_BYTES, READ_AHEAD_FILES, extract_file
from archivist.importer.reextraction import (
    ReextractResult,
    describe_changes,
    recover_lost_articles,
    reextract,
)
from archivist.importer.report import MAX_FILE_BYTES, FileResult, ImportReport, ImportStatus
from archivist.importer.walking import collect_files
from archivist.importer.workers import CHUNK_FILES, PARALLEL_MIN_FILES, default_workers

__all__ = [
    "CHUNK_FILES",
    "GROUP_BYTES",
    "GROUP_FILES",
    "GROUP_SECONDS",
    "MAX_FILE_BYTES",
    "PARALLEL_MIN_FILES",
    "READ_AHEAD_BYTES",
    "READ_AHEAD_FILES",
    "FileResult",
    "ImportReport",
    "ImportStatus",
    "ReextractResult",
    "collect_files",
    "default_workers",
    "describe_changes",
    "extract_file",
    "import_one",
    "import_paths",
    "import_results",
    "recover_lost_articles",
    "reextract",
    "store",
]
