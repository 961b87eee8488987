"""The library listing and full-text search: ids sorted and filtered in SQL, rows in batches."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast

from archivist.archive import search, searchtext
from archivist.archive.citation_edits import with_corrected_metadata
from archivist.archive.store import Store
from archivist.model import ArticleId, SearchHit

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
RANKED_FIRST = 1000
"""Matches the relevance sort orders by BM25 (the best of every match); the rest follow newest
first."""
ROW_BATCH = 500
"""Ids per ``IN (...)`` query when fetching rows (well under SQLite's variable limit)."""
TAG_SEPARATOR = "\x1f"

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


class LibraryStore(Store):
    """Queries behind the desktop library: ids for a sort and a filter, rows for ids
    (``archive.library``)."""

    def ids(
        self,
        sort: LibrarySort = "imported",
        descending: bool = False,
        where: LibraryFilter | None = None,
    ) -> list[ArticleId]:
        """Ids of the live articles matching ``where``, in the requested order.

        With a query, the ids are those the search finds (archive/search.py, the same search
        as ``archive.search.query``), and ``relevance`` orders every match by BM25, best first. Any
        user text is safe: a query with no words matches nothing.
        """
        where = where or LibraryFilter()
        clauses, params = _filter_sql(where)
        found: list[int] | None = None
        if where.query is not None and where.query.strip():
            parsed = search.parse_query(where.query)
            if not parsed:
                return []
            self._core.search_index.sync(self._db)
            indexed = self._core.search_index.available()
            if indexed:
                found = self._core.search_index.matching(parsed)
            else:  # an archive in a read-only folder: its own FTS5 index
                found = [i for i, _ in searchtext.fts_ranked(self._db, parsed, None)]
            if sort == "relevance":
                # The best RANKED_FIRST of every match by BM25 (what search.query gives), then
                # the others newest first: ranking all 100,000 matches of a common word took
                # four times as long, for an order no one reads that far down.
                best = (
                    self._core.search_index.ranked(parsed, RANKED_FIRST)
                    if indexed
                    else searchtext.fts_ranked(self._db, parsed, RANKED_FIRST)
                )
                top = [i for i, _ in best]
                shown = set(top)
                found = top + [i for i in found if i not in shown]
                ranked = self._kept(found, clauses, params)
                return ranked[::-1] if descending else ranked
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
        ids = [ArticleId(r[0]) for r in self._db.execute(sql, params)]
        if found is None:
            return ids
        matched = set(found)
        return [i for i in ids if i in matched]

    def _kept(self, ids: list[int], clauses: list[str], params: list[Any]) -> list[ArticleId]:
        """``ids`` (in order) that the filter keeps: all but the trashed, or those SQL selects."""
        if len(clauses) == 1:  # the trash alone: usually far fewer ids than the live ones
            trashed = {
                r[0]
                for r in self._db.execute("SELECT id FROM articles WHERE deleted_at IS NOT NULL")
            }
            kept = [i for i in ids if i not in trashed] if trashed else ids
        else:
            sql = f"SELECT a.id FROM articles a WHERE {' AND '.join(clauses)}"
            chosen = {r[0] for r in self._db.execute(sql, params)}
            kept = [i for i in ids if i in chosen]
        return cast(list[ArticleId], kept)

    def rows(self, ids: Sequence[ArticleId]) -> list[LibraryRow]:
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

    def sites(self) -> tuple[str, ...]:
        """Every site named by a live article, alphabetically."""
        rows = self._db.execute(
            "SELECT DISTINCT site FROM articles WHERE site IS NOT NULL AND site != '' "
            "AND deleted_at IS NULL ORDER BY site COLLATE NOCASE"
        )
        return tuple(r[0] for r in rows)


class SearchStore(Store):
    """Full-text search of the archive, BM25 over every match (``archive.search``)."""

    def query(self, query: str, *, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Full-text search, best first by BM25 over every match (see archive/search.py).

        Any user text is safe; a query with no words finds nothing. Each hit says where the
        article matched (title, authors, text, highlight, note, footnote).
        """
        clauses = search.parse_query(query)
        if not clauses or limit <= 0:
            return []
        self._core.search_index.sync(self._db)
        if self._core.search_index.available():
            ranked = self._core.search_index.ranked(clauses, offset + limit)
        else:
            ranked = searchtext.fts_ranked(self._db, clauses, offset + limit)
        hits = search.hits(self._db, [i for i, _ in ranked[offset:]], query)
        return with_corrected_metadata(self._db, hits, ("title",))

    def snippets(self, ids: Sequence[ArticleId], query: str) -> dict[ArticleId, str]:
        """Search snippets (matches between ``**``) of ``ids`` for ``query``."""
        return search.snippets(self._db, ids, query)

    def hits(self, ids: Sequence[ArticleId], query: str) -> dict[ArticleId, SearchHit]:
        """Search hits of ``ids`` for ``query``: snippet, and where each matched (see SearchHit)."""
        return {hit.id: hit for hit in search.hits(self._db, ids, query)}


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
