"""The archive: one SQLite file, the only place Archivist's SQL lives."""

from __future__ import annotations

from archivist.archive.annotations import AnnotationStore
from archivist.archive.articles import ArticleStore
from archivist.archive.citations import CitationStore
from archivist.archive.dossiers import DossierStore
from archivist.archive.library import LibraryStore
from archivist.archive.maintenance import MaintenanceStore


class Archive(
    AnnotationStore, CitationStore, ArticleStore, MaintenanceStore, LibraryStore, DossierStore
):
    """An open archive; each store mixin adds the operations of one concern."""

    @classmethod
    def open(cls, path: str) -> Archive:
        """Open (creating or upgrading as needed) the archive at ``path``."""
        return cls(path)


__all__ = ["Archive"]
