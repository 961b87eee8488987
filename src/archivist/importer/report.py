"""What a batch import reports: one result per file, and the size limit it reads under."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from archivist.model import ArticleId

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
