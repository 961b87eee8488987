"""The archive: one SQLite file, the only place Archivist's SQL lives."""

from __future__ import annotations

import os

from archivist.archive.annotations import AnnotationStore
from archivist.archive.articles import ArticleStore
from archivist.archive.base import ArchiveBase
from archivist.archive.citations import CitationStore
from archivist.archive.dossiers import DossierStore
from archivist.archive.library import LibraryStore, SearchStore
from archivist.archive.maintenance import MaintenanceStore
from archivist.archive.trash import TrashStore


class Archive(ArchiveBase):
    """An open archive: the connection, transactions, backups and search index (ArchiveBase),
    and one store per concern over them, as ``archive.articles.add(...)``,
    ``archive.annotations.highlight_quote(...)``, ``archive.dossiers.create(...)``.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(path)
        self.articles = ArticleStore(self)
        """Articles, their sources, originals and footnotes."""
        self.annotations = AnnotationStore(self, self.articles)
        """Highlights, notes, tags, the palette; re-extraction with re-anchoring."""
        self.trash = TrashStore(self)
        """Deleting articles, the trash's contents, emptying it."""
        self.search = SearchStore(self)
        """Full-text search."""
        self.library = LibraryStore(self)
        """The desktop library's sorted, filtered ids and display rows."""
        self.dossiers = DossierStore(self)
        """Saved dossiers."""
        self.citations = CitationStore(self, self.articles)
        """Hand corrections of citations."""
        self.maintenance = MaintenanceStore(self)
        """Backups, restore, check and repair."""

    @classmethod
    def open(cls, path: str) -> Archive:
        """Open (creating or upgrading as needed) the archive at ``path``."""
        return cls(path)


__all__ = ["Archive"]
