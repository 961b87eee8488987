"""The library listing: ids sorted and filtered in SQL, display rows fetched in batches."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from archivist.archive.base import ArchiveBase
from archivist.archive.citation_edits import with_corrected_metadata
from archivist.model import ArticleId, Extraction
from archivist.snippets import make_snippet

LibrarySort = Literal[
    "title", "authors", "site", "published", "imported", "highlights", "relevance"
]
LIBRARY_SORTS: tuple[LibrarySort, ...] = (
    "title",
    "authors",
    "site",
    "published",
    "imported",
    "highlights",
    "relevance",
)
RELEVANCE_CANDIDATES = 1000
"""Newest matches ranked by relevance (bm25 over every match of a common word is too slow)."""
ROW_BATCH = 500
"""Ids per ``IN (...)`` query when fetching rows (well under SQLite's variable limit)."""
TAG_SEPARATOR = "\x1f"
PREFIX_MIN = 3
"""The word being typed matches as a prefix once it has this many characters (shorter is slow)."""

_ORDER: dict[str, str] = {
    "title": "a.title COLLATE NOCASE",
    "authors": "a.authors COLLATE NOCASE",
    "site": "a.site COLLATE NOCASE",
    "published": "a.published",
    "imported": "a.id",
    "highlights": (
        "(SELECT count(*) FROM highlights h WHERE h.article_id = a.id AND h.deleted_at IS NULL)"
    ),
}


_ID_ORDERS = (_ORDER["imported"], _ORDER["highlights"])


@dataclass(frozen=True, slots=True)
class LibraryFilter:
    """What the library shows: a full-text query and narrowing by tag, colour, site and date."""

    query: str | None = None
    tag: str | None = None
    color: str | None = None
    """Only articles with a live highlight of this palette colour."""
    site: str | None = None
    published_from: str | None = None
    """ISO date (or its prefix); compared as text, so ``2019`` keeps everything from 2019 on."""
    published_to: str | None = None


@dataclass(frozen=True, slots=True)
class LibraryRow:
    """One line of the library table."""

    id: ArticleId
    title: str
    authors: tuple[str, ...]
    site: str | None
    published: str | None
    imported: str
    highlights: int
    tags: tuple[str, ...]
    language: str | None


class LibraryStore(ArchiveBase):
    """Queries behind the desktop library: ids for a sort and a filter, rows for ids."""

    def library_ids(
        self,
        sort: LibrarySort = "imported",
        descending: bool = False,
        where: LibraryFilter | None = None,
    ) -> list[ArticleId]:
        """Ids of the live articles matching ``where``, in the requested order.

        With a query and ``relevance`` sort, the newest RELEVANCE_CANDIDATES matches are ranked
        best first; other sorts list every match. Any user text is safe: a query FTS5 cannot
        read matches nothing.
        """
        where = where or LibraryFilter()
        clauses, params = _filter_sql(where)
        fts = self._fts_query(where.query)
        if where.query is not None and where.query.strip() and fts is None:
            return []
        if fts is not None and sort == "relevance":
            return self._ranked_ids(fts, clauses, params, descending)
        if fts is not None:
            clauses.append("a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)")
            params.append(fts)
        order = _ORDER.get(sort, "a.id")
        direction = "DESC" if descending else "ASC"
        # Scanning the articles table reads every article's text; the index on deleted_at holds
        # the ids alone (in id order), and the title, date and site indexes hold their columns.
        source = "articles a"
        if order in _ID_ORDERS:
            source += " INDEXED BY articles_deleted"
            clauses = ["a.deleted_at IS NULL", *clauses[1:]]
        sql = (
            f"SELECT a.id FROM {source} WHERE {' AND '.join(clauses)} "
            f"ORDER BY {order} {direction}, a.id {direction}"
        )
        try:
            return [ArticleId(r[0]) for r in self._db.execute(sql, params)]
        except sqlite3.OperationalError:
            return []  # FTS5 rejected the query even quoted (e.g. only quote marks)

    def library_rows(self, ids: Sequence[ArticleId]) -> list[LibraryRow]:
        """Rows for ``ids`` in the same order, one query per ROW_BATCH ids; unknown ids skipped."""
        found: dict[int, LibraryRow] = {}
        for lo in range(0, len(ids), ROW_BATCH):
            batch = list(ids[lo : lo + ROW_BATCH])
            marks = ",".join("?" * len(batch))
            rows = self._db.execute(
                "SELECT a.id, a.title, a.authors_json, a.site, a.published, s.imported_at, "
                "(SELECT count(*) FROM highlights h "
                " WHERE h.article_id = a.id AND h.deleted_at IS NULL), "
                "(SELECT group_concat(t.name, char(31)) FROM article_tags x "
                " JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id), "
                f"a.language FROM articles a JOIN sources s ON s.id = a.source_id "
                f"WHERE a.id IN ({marks})",
                batch,
            )
            for r in rows:
                found[r[0]] = LibraryRow(
                    id=ArticleId(r[0]),
                    title=r[1],
                    authors=tuple(json.loads(r[2])),
                    site=r[3],
                    published=r[4],
                    imported=r[5],
                    highlights=int(r[6]),
                    tags=tuple(sorted(r[7].split(TAG_SEPARATOR), key=str.casefold)) if r[7] else (),
                    language=r[8],
                )
        listed = [found[i] for i in ids if i in found]
        return with_corrected_metadata(self._db, listed, ("title", "authors", "published", "site"))

    def library_snippets(self, ids: Sequence[ArticleId], query: str) -> dict[ArticleId, str]:
        """Search snippets (matches between ``**``) of ``ids`` for ``query``."""
        result: dict[ArticleId, str] = {}
        for lo in range(0, len(ids), ROW_BATCH):
            batch = list(ids[lo : lo + ROW_BATCH])
            marks = ",".join("?" * len(batch))
            for r in self._db.execute(
                f"SELECT id, text FROM articles WHERE id IN ({marks})", batch
            ):
                result[ArticleId(r[0])] = make_snippet(r[1], query)
        return result

    def library_sites(self) -> tuple[str, ...]:
        """Every site named by a live article, alphabetically."""
        rows = self._db.execute(
            "SELECT DISTINCT site FROM articles WHERE site IS NOT NULL AND site != '' "
            "AND deleted_at IS NULL ORDER BY site COLLATE NOCASE"
        )
        return tuple(r[0] for r in rows)

    def add_many(self, items: Iterable[tuple[Extraction, bytes]], batch: int = 2000) -> int:
        """Archive many extractions, ``batch`` per transaction (bulk loads, benchmarks)."""
        count = 0
        pending: list[tuple[Extraction, bytes]] = []
        for item in items:
            pending.append(item)
            if len(pending) >= batch:
                count += self._add_batch(pending)
                pending = []
        if pending:
            count += self._add_batch(pending)
        return count

    if TYPE_CHECKING:
        # Provided by ArticleStore, mixed in beside this class in Archive.
        def add(self, extraction: Extraction, original: bytes) -> ArticleId: ...

    def _add_batch(self, items: Sequence[tuple[Extraction, bytes]]) -> int:
        with self.transaction():
            for extraction, original in items:
                self.add(extraction, original)
        return len(items)

    def _fts_query(self, query: str | None) -> str | None:
        if query is None or not query.strip():
            return None
        fts = str(self._db.quote_fts(query))
        if not fts.strip().strip('"').strip():
            return None
        # Search as you type: the word being typed matches as a prefix ("harb" finds harbour).
        last = query.split()[-1] if query.split() else ""
        if query[-1:].isalnum() and fts.endswith('"') and len(last) >= PREFIX_MIN:
            fts += "*"
        return fts

    def _ranked_ids(
        self, fts: str, clauses: list[str], params: list[Any], descending: bool
    ) -> list[ArticleId]:
        try:
            candidates = self._db.execute(
                "SELECT rowid, rank FROM articles_fts WHERE articles_fts MATCH ? "
                "ORDER BY rowid DESC LIMIT ?",
                [fts, RELEVANCE_CANDIDATES],
            ).fetchall()
        except sqlite3.OperationalError:
            return []
        if not candidates:
            return []
        rank = {r[0]: r[1] for r in candidates}
        marks = ",".join("?" * len(rank))
        kept = self._db.execute(
            f"SELECT a.id FROM articles a WHERE a.id IN ({marks}) AND {' AND '.join(clauses)}",
            [*rank, *params],
        )
        ids = sorted((r[0] for r in kept), key=lambda i: (rank[i], -i), reverse=descending)
        return [ArticleId(i) for i in ids]


def _filter_sql(where: LibraryFilter) -> tuple[list[str], list[Any]]:
    # Tested through the deleted_at index only, never by reading the article row.
    clauses = ["a.id NOT IN (SELECT id FROM articles WHERE deleted_at IS NOT NULL)"]
    params: list[Any] = []
    if where.tag:
        clauses.append(
            "EXISTS (SELECT 1 FROM article_tags x JOIN tags t ON t.id = x.tag_id "
            "WHERE x.article_id = a.id AND t.name = ?)"
        )
        params.append(where.tag)
    if where.color:
        clauses.append(
            "EXISTS (SELECT 1 FROM highlights h WHERE h.article_id = a.id "
            "AND h.deleted_at IS NULL AND h.color = ?)"
        )
        params.append(where.color)
    if where.site:
        clauses.append("a.site = ?")
        params.append(where.site)
    if where.published_from:
        clauses.append("a.published >= ?")
        params.append(where.published_from)
    if where.published_to:
        # A bound like "2020" must keep "2020-06-01": compare against the bound's last day.
        clauses.append("a.published <= ?")
        params.append(where.published_to + "\uffff")
    return clauses, params
