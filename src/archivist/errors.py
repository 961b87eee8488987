"""The ArchivistError family: faults the user can act on, shown as one line, never a traceback."""

from __future__ import annotations


class ArchivistError(Exception):
    """A user-facing fault (bad input, missing item, unusable archive); bugs stay exceptions."""


class ExtractionError(ArchivistError):
    """A file could not be turned into an article; the message names the problem."""


class ArchiveError(ArchivistError):
    """The archive cannot be opened or written."""


class ArchiveVersionError(ArchiveError):
    """The archive was made by a newer Archivist."""


class NotFoundError(ArchivistError):
    """An article, highlight, note or dossier id that the archive does not hold."""


class DuplicateError(ArchivistError):
    """The same original file (by SHA-256) is already in the archive."""

    def __init__(self, message: str, existing_id: int) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class QuoteNotFoundError(ArchivistError):
    """A quoted passage the article does not contain; ``suggestion`` is the closest match."""

    def __init__(self, message: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.suggestion = suggestion
