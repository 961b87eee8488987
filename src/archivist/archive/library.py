"""The library listing and full-text search: ids sorted and filtered in SQL, rows in batches."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast

from archivist.archive import searchtext
from archivist.archive.citation_edits import with_corrected_metadata
from archivist.archive.listing import (
    ChainListing,
    IdListing,
    ImportedListing,
    Listing,
    MatchedListing,
    RankedListing,
    SqlListing,
)
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
WALKED_SHARE = 0.02
"""A search matching this share of the listed articles or more is sorted by a column by
walking the column's order (a page of 200 then reads at most 10,000 ids); a rarer one has its
matches read and sorted whole."""


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
        """Ids of the live articles matching ``where``, in the requested order (every one of
        ``listing``)."""
        listing = self.listing(sort, descending, where)
        return listing.page(0, listing.total)

    def listing(
        self,
        sort: LibrarySort = "imported",
        descending: bool = False,
        where: LibraryFilter | None = None,
    ) -> Listing:
        """The live articles matching ``where`` in the requested order, counted and read a page
        at a time (see archive/listing.py).

        With a query, the articles are those the search finds (archive/search.py, the same
        search as ``archive.search.query``), and ``relevance`` orders every match by BM25,
        best first. Any user text is safe: a query with no words matches nothing.
        """
        where = where or LibraryFilter()
        clauses, params = _filter_sql(where)
        if where.query is not None and where.query.strip():
            return self._search_listing(sort, descending, where, clauses, params)
        order = _ORDER.get(sort, "a.id")
        direction = "DESC" if descending else "ASC"
        # Scanning the articles table reads every article's text; the index on deleted_at holds
        # the ids alone (in id order), and the title, date and site indexes hold their columns.
        source = "articles a"
        if order in _ID_ORDERS:
            source += " INDEXED BY articles_deleted"
            clauses = ["a.deleted_at IS NULL", *clauses[1:]]
        if sort == "highlights":
            return self._by_highlights(descending, source, clauses, params)
        # Every other order has an index (migration 0010 added authors and site ignoring case):
        # a page costs milliseconds at any size, where sorting every row took seconds.
        # Unfiltered, the live articles are counted in the deleted_at index, the smallest.
        live = "FROM articles a INDEXED BY articles_deleted WHERE a.deleted_at IS NULL"
        return SqlListing(
            self._db,
            source,
            " AND ".join(clauses),
            f"{order} {direction}, a.id {direction}",
            params=params,
            counted_from=live if len(clauses) == 1 else None,
        )

    def _by_highlights(
        self, descending: bool, source: str, clauses: list[str], params: list[Any]
    ) -> Listing:
        """The few articles with highlights, by their count, and the many without, by id.

        No index holds a count per article; sorting a million rows by a subquery took a
        second. The highlighted articles are read at once, the others a page at a time.
        """
        direction = "DESC" if descending else "ASC"
        counted = self._db.execute(
            "SELECT a.id FROM articles a JOIN (SELECT article_id, count(*) AS n FROM highlights "
            "WHERE deleted_at IS NULL GROUP BY article_id) h ON h.article_id = a.id "
            f"WHERE {' AND '.join(clauses)} ORDER BY h.n {direction}, a.id {direction}",
            params,
        )
        highlighted = IdListing([r[0] for r in counted])
        bare = SqlListing(
            self._db,
            source,
            " AND ".join(
                [
                    *clauses,
                    "a.id NOT IN (SELECT article_id FROM highlights WHERE deleted_at IS NULL)",
                ]
            ),
            f"a.id {direction}",
            params=params,
        )
        if descending:
            return ChainListing(highlighted, bare)
        return ChainListing(bare, highlighted)

    def _search_listing(
        self,
        sort: LibrarySort,
        descending: bool,
        where: LibraryFilter,
        clauses: list[str],
        params: list[Any],
    ) -> Listing:
        parsed = searchtext.parse_query(where.query or "")
        if not parsed:
            return IdListing([])
        index = self._core.search_index
        index.sync(self._db)
        if not index.available():  # an archive in a read-only folder: its own FTS5 index
            ranked = [i for i, _ in searchtext.fts_ranked(self._db, parsed, None)]
            found = self._kept(ranked, clauses, params)
            if sort == "relevance":
                return IdListing(found[::-1] if descending else found)
            return self._sorted(found, sort, descending)
        # The index keeps what the other filters chose (a site, a tag, dates): ranked and
        # counted with them in one pass. The trash alone the index leaves out when in step.
        within = None if len(clauses) == 1 else list(self._chosen(clauses, params))

        def keep(ids: list[int]) -> Sequence[int]:
            return self._kept(ids, clauses, params) if within is None else ids

        if sort == "relevance" and not descending:
            return RankedListing(index, parsed, keep, within)
        if sort == "imported":
            return ImportedListing(index, parsed, keep, newest_first=descending, within=within)
        if sort == "relevance":  # worst first: every match ranked
            ranked = [i for i, _ in index.ranked(parsed, None, within=within)]
            return IdListing([ArticleId(i) for i in keep(ranked)][::-1])
        order = self.listing(sort, descending, dataclasses.replace(where, query=None))
        _, matches = index.by_id(parsed, 0, 1, within=within)
        if matches >= WALKED_SHARE * order.total:
            return MatchedListing(order, index, parsed, matches)
        return self._sorted(list(keep(index.matching(parsed, within=within))), sort, descending)

    def _sorted(self, found: Sequence[int], sort: LibrarySort, descending: bool) -> Listing:
        """The matches ``found`` (a small share of the archive) in a column's order."""
        direction = "DESC" if descending else "ASC"
        rows = self._db.execute(
            "SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) "
            f"ORDER BY {_ORDER.get(sort, 'a.id')} {direction}, a.id {direction}",
            [json.dumps(list(found))],
        )
        return IdListing([r[0] for r in rows])

    def _kept(self, ids: list[int], clauses: list[str], params: list[Any]) -> list[ArticleId]:
        """``ids`` (in order) that the filter keeps: all but the trashed, or those SQL selects."""
        if len(clauses) == 1:  # the trash alone: usually far fewer ids than the live ones
            trashed = {
                r[0]
                for r in self._db.execute("SELECT id FROM articles WHERE deleted_at IS NOT NULL")
            }
            kept = [i for i in ids if i not in trashed] if trashed else ids
        else:
            chosen = self._chosen(clauses, params)
            kept = [i for i in ids if i in chosen]
        return cast(list[ArticleId], kept)

    def _chosen(self, clauses: list[str], params: list[Any]) -> set[int]:
        sql = f"SELECT a.id FROM articles a WHERE {' AND '.join(clauses)}"
        return {r[0] for r in self._db.execute(sql, params)}

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
        # Each next site is one seek in the site index (a few hundred seeks, not a scan of a
        # million rows); a site is kept if one of its articles is live.
        rows = self._db.execute(
            "WITH RECURSIVE s(site) AS ("
            " SELECT min(site) FROM articles WHERE site > ''"
            " UNION ALL SELECT (SELECT min(site) FROM articles WHERE site > s.site) FROM s"
            " WHERE s.site IS NOT NULL) "
            "SELECT site FROM s WHERE site IS NOT NULL AND EXISTS "
            "(SELECT 1 FROM articles a WHERE a.site = s.site AND a.deleted_at IS NULL) "
            "ORDER BY site COLLATE NOCASE"
        )
        return tuple(r[0] for r in rows)


class SearchStore(Store):
    """Full-text search of the archive, BM25 over every match (``archive.search``)."""

    def query(self, query: str, *, limit: int = 50, offset: int = 0) -> list[SearchHit]:
        """Full-text search, best first by BM25 over every match (see archive/search.py).

        Any user text is safe; a query with no words finds nothing. Each hit says where the
        article matched (title, authors, text, highlight, note, footnote).
        """
        clauses = searchtext.parse_query(query)
        if not clauses or limit <= 0:
            return []
        self._core.search_index.sync(self._db)
        if self._core.search_index.available():
            ranked = self._core.search_index.ranked(clauses, offset + limit)
        else:
            ranked = searchtext.fts_ranked(self._db, clauses, offset + limit)
        hits = searchtext.hits(self._db, [i for i, _ in ranked[offset:]], query)
        return with_corrected_metadata(self._db, hits, ("title",))

    def snippets(self, ids: Sequence[ArticleId], query: str) -> dict[ArticleId, str]:
        """Search snippets (matches between ``**``) of ``ids`` for ``query``."""
        return searchtext.snippets(self._db, ids, query)

    def hits(self, ids: Sequence[ArticleId], query: str) -> dict[ArticleId, SearchHit]:
        """Search hits of ``ids`` for ``query``: snippet, and where each matched (see SearchHit)."""
        return {hit.id: hit for hit in searchtext.hits(self._db, ids, query)}


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
