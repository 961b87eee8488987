"""What the library lists for one sort and filter: how many, and pages of ids read on demand.

At a million articles, reading every id of a sort (half a second) or every match of a common
word (a third of a second) before showing the first rows is what made the library slow. A
listing counts first and reads only the pages the view asks for: the sorts with an index page
in SQL, search pages its ranking (the best first by BM25 over every match) from the index
beside the archive, and only the rarer sorts and filtered searches read every id once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from archivist.model import ArticleId

if TYPE_CHECKING:
    from archivist.archive.search import SearchIndex
    from archivist.archive.searchtext import Clause

FIRST_WINDOW = 256
"""Matches a ranked listing ranks at first; each further window is four times the last."""
CHUNK = 2000
"""Ids of a column's order read at once when keeping a search's matches among them."""


class Listing(Protocol):
    """The library's rows for one sort and filter, read a page at a time."""

    @property
    def total(self) -> int:
        """How many articles the listing holds."""
        ...

    def page(self, offset: int, limit: int) -> list[ArticleId]:
        """The ids at positions ``offset`` to ``offset + limit`` (fewer at the end)."""
        ...

    def position(self, article_id: ArticleId) -> int | None:
        """Where the article stands in the listing, or None if it is not listed."""
        ...

    def contains(self, article_id: ArticleId) -> bool:
        """Whether the article is listed (cheaper than its position)."""
        ...


class IdListing:
    """A listing whose every id was read at once (sorts without an index, filtered searches)."""

    def __init__(self, ids: Sequence[ArticleId]) -> None:
        self._ids = list(ids)
        self._rows: dict[ArticleId, int] | None = None

    @property
    def total(self) -> int:
        """How many articles the listing holds."""
        return len(self._ids)

    def page(self, offset: int, limit: int) -> list[ArticleId]:
        """The ids at positions ``offset`` to ``offset + limit``."""
        return self._ids[max(0, offset) : max(0, offset + limit)]

    def position(self, article_id: ArticleId) -> int | None:
        """Where the article stands, or None."""
        if self._rows is None:
            self._rows = {a: row for row, a in enumerate(self._ids)}
        return self._rows.get(article_id)

    def contains(self, article_id: ArticleId) -> bool:
        """Whether the article is listed."""
        return self.position(article_id) is not None


class SqlListing:
    """A sort an index serves: the count, then each page by LIMIT and OFFSET in SQL."""

    def __init__(
        self,
        db: Any,
        source: str,
        where: str,
        order: str,
        *,
        params: list[Any],
        counted_from: str | None = None,
    ) -> None:
        self._db = db
        self._from = f"FROM {source} WHERE {where}"
        self._counted_from = counted_from or self._from
        """Where the count reads, when a smaller index than the order's lists the same rows."""
        self._order = order
        self._params = params
        self._total: int | None = None

    @property
    def total(self) -> int:
        """How many articles the filter keeps (counted once)."""
        if self._total is None:
            sql = f"SELECT count(*) {self._counted_from}"
            self._total = int(self._db.execute(sql, self._params).fetchone()[0])
        return self._total

    def page(self, offset: int, limit: int) -> list[ArticleId]:
        """One page of ids, in the listing's order."""
        if limit <= 0:
            return []
        sql = f"SELECT a.id {self._from} ORDER BY {self._order} LIMIT ? OFFSET ?"
        rows = self._db.execute(sql, [*self._params, limit, max(0, offset)])
        return [r[0] for r in rows]

    def every(self) -> list[ArticleId]:
        """Every id, in the listing's order."""
        sql = f"SELECT a.id {self._from} ORDER BY {self._order}"
        return [r[0] for r in self._db.execute(sql, self._params)]

    def position(self, article_id: ArticleId) -> int | None:
        """Where the article stands: the ids are walked in order (the index holds them)."""
        if not self.contains(article_id):
            return None
        rows = self._db.execute(f"SELECT a.id {self._from} ORDER BY {self._order}", self._params)
        return next((row for row, r in enumerate(rows) if r[0] == article_id), None)

    def contains(self, article_id: ArticleId) -> bool:
        """Whether the filter keeps the article (one row read)."""
        sql = f"SELECT EXISTS (SELECT 1 {self._from} AND a.id = ?)"
        return bool(self._db.execute(sql, [*self._params, article_id]).fetchone()[0])


class ChainListing:
    """One listing after another (the few articles with highlights, then the many without)."""

    def __init__(self, first: Listing, second: Listing) -> None:
        self._first = first
        self._second = second

    @property
    def total(self) -> int:
        """How many articles both hold."""
        return self._first.total + self._second.total

    def page(self, offset: int, limit: int) -> list[ArticleId]:
        """The page, from the first listing, the second, or both."""
        split = self._first.total
        ids = self._first.page(offset, min(limit, split - offset)) if offset < split else []
        rest = limit - len(ids)
        if rest > 0:
            ids += self._second.page(max(0, offset - split), rest)
        return ids

    def position(self, article_id: ArticleId) -> int | None:
        """Where the article stands in the first listing, or after it in the second."""
        found = self._first.position(article_id)
        if found is not None:
            return found
        found = self._second.position(article_id)
        return None if found is None else self._first.total + found

    def contains(self, article_id: ArticleId) -> bool:
        """Whether either listing holds the article."""
        return self._first.contains(article_id) or self._second.contains(article_id)


class RankedListing:
    """Search results best first by BM25 over every match, ranked a window at a time.

    The index ranks the best few hundred matches of the commonest word in milliseconds (and
    counts them in the same pass); the view rarely reads further, and a window four times
    larger is ranked when it does. ``within`` holds the articles the library's other filters
    chose (the index keeps only those); ``keep`` drops what the archive no longer lists (an
    article trashed since the index last caught up).
    """

    def __init__(
        self,
        index: SearchIndex,
        clauses: Sequence[Clause],
        keep: Callable[[list[int]], Sequence[int]],
        within: Sequence[int] | None = None,
    ) -> None:
        self._index = index
        self._clauses = tuple(clauses)
        self._keep = keep
        self._within = within
        self._chosen = None if within is None else set(within)
        ranked, matches = index.top(self._clauses, FIRST_WINDOW, within=within)
        self._matches = matches
        self._window = FIRST_WINDOW
        self._kept = list(keep([i for i, _ in ranked]))

    @property
    def total(self) -> int:
        """How many articles match (as the index counted them)."""
        if self._window >= self._matches:
            return len(self._kept)
        return self._matches

    def page(self, offset: int, limit: int) -> list[ArticleId]:
        """One page of the ranking, ranking a wider window first if needed."""
        while len(self._kept) < offset + limit and self._window < self._matches:
            # Four times wider, or at once as wide as asked (a refresh keeping many rows).
            self._window = min(self._matches, max(self._window * 4, offset + limit))
            ranked = self._index.ranked(self._clauses, self._window, within=self._within)
            self._kept = list(self._keep([i for i, _ in ranked]))
        return [ArticleId(i) for i in self._kept[max(0, offset) : max(0, offset + limit)]]

    def position(self, article_id: ArticleId) -> int | None:
        """Where the article ranks, widening the window until it is found."""
        if not self.contains(article_id):
            return None
        while True:
            try:
                return self._kept.index(article_id)
            except ValueError:
                if self._window >= self._matches:
                    return None
                self.page(len(self._kept), 1)

    def contains(self, article_id: ArticleId) -> bool:
        """Whether the article matches the search and the filters keep it."""
        if article_id in self._kept:
            return True
        if self._chosen is not None and article_id not in self._chosen:
            return False
        if not self._keep([article_id]):
            return False
        return self._index.matches(self._clauses, article_id)


class ImportedListing:
    """Search results in the order they were imported (by id), a page at a time from the
    index, which keeps ids in a column of their own: no match is read but the page's."""

    def __init__(
        self,
        index: SearchIndex,
        clauses: Sequence[Clause],
        keep: Callable[[list[int]], Sequence[int]],
        *,
        newest_first: bool,
        within: Sequence[int] | None = None,
    ) -> None:
        self._index = index
        self._clauses = tuple(clauses)
        self._keep = keep
        self._newest_first = newest_first
        self._within = within
        self._chosen = None if within is None else set(within)
        _, self._total = self._page(0, 1)

    def _page(self, offset: int, limit: int) -> tuple[list[int], int]:
        return self._index.by_id(
            self._clauses, offset, limit, newest_first=self._newest_first, within=self._within
        )

    @property
    def total(self) -> int:
        """How many articles match (as the index counted them)."""
        return self._total

    def page(self, offset: int, limit: int) -> list[ArticleId]:
        """One page, read from the index in id order."""
        ids, _ = self._page(offset, limit)
        return [ArticleId(i) for i in self._keep(ids)]

    def position(self, article_id: ArticleId) -> int | None:
        """Where the article stands, read a thousand matches at a time."""
        if not self.contains(article_id):
            return None
        for offset in range(0, self._total, 1000):
            ids, _ = self._page(offset, 1000)
            if article_id in ids:
                return offset + ids.index(article_id)
        return None

    def contains(self, article_id: ArticleId) -> bool:
        """Whether the article matches the search and the filters keep it."""
        if self._chosen is not None and article_id not in self._chosen:
            return False
        return bool(self._keep([article_id])) and self._index.matches(self._clauses, article_id)


class MatchedListing:
    """A column's order (title, authors...) keeping the matches of a search.

    For a search that most articles match, the column's order is read a chunk at a time and
    the index says which ids of the chunk match: a page costs a chunk or two, where reading
    every match and sorting them took a second at 1,000,000 articles. (A search few articles
    match is sorted whole instead: see ``LibraryStore.listing``.)
    """

    def __init__(
        self, order: Listing, index: SearchIndex, clauses: Sequence[Clause], total: int
    ) -> None:
        self._order = order
        self._index = index
        self._clauses = tuple(clauses)
        self._total = total
        self._read = 0
        self._kept: list[ArticleId] = []

    @property
    def total(self) -> int:
        """How many articles match (as the index counted them), until every chunk is read."""
        return len(self._kept) if self._read >= self._order.total else self._total

    def _fill(self, want: int) -> None:
        while len(self._kept) < want and self._read < self._order.total:
            chunk = self._order.page(self._read, CHUNK)
            if not chunk:
                self._read = self._order.total
                break
            self._read += len(chunk)
            found = set(self._index.matching(self._clauses, within=chunk))
            self._kept.extend(i for i in chunk if i in found)

    def page(self, offset: int, limit: int) -> list[ArticleId]:
        """One page, reading chunks of the column's order until it is full."""
        self._fill(offset + limit)
        return self._kept[max(0, offset) : max(0, offset + limit)]

    def position(self, article_id: ArticleId) -> int | None:
        """Where the article stands, reading chunks until it is found."""
        if not self.contains(article_id):
            return None
        while article_id not in self._kept and self._read < self._order.total:
            self._fill(len(self._kept) + 1)
        return self._kept.index(article_id) if article_id in self._kept else None

    def contains(self, article_id: ArticleId) -> bool:
        """Whether the article is in the column's listing and matches the search."""
        if article_id in self._kept:
            return True
        return self._order.contains(article_id) and self._index.matches(self._clauses, article_id)
