"""The library table model: the current query's listing, read a page of ids at a time as the
view scrolls, with each page's rows fetched when first shown."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from archivist.archive import Archive
from archivist.archive.faults import is_corruption
from archivist.archive.library import LibraryFilter, LibraryRow, LibrarySort
from archivist.archive.listing import IdListing, Listing
from archivist.gui.i18n import QT_TRANSLATE_NOOP
from archivist.gui.search_results import Match, find_matches, plain_snippet
from archivist.model import ArticleId

PAGE = 200
"""Ids listed per page, as the view scrolls near the end of those listed."""
ROW_BATCH = 50
"""Rows read at once when the view shows one not yet cached (a screenful or two)."""
MATCH_BATCH = 20
"""Rows whose search snippets are made at once (each reads the article's text): a screenful of
two-line search rows."""
ID_ROLE = Qt.ItemDataRole.UserRole
"""data(index, ID_ROLE) is the row's article id."""
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 1
"""data(index, SNIPPET_ROLE) is the search snippet (matches between ``**``), or None."""
MATCH_ROLE = Qt.ItemDataRole.UserRole + 2
"""data(index, MATCH_ROLE) is where and how the row matched the search (a Match), or None."""

COLUMNS: tuple[tuple[str, LibrarySort], ...] = (
    (QT_TRANSLATE_NOOP("LibraryModel", "Title"), "title"),
    (QT_TRANSLATE_NOOP("LibraryModel", "Authors"), "authors"),
    (QT_TRANSLATE_NOOP("LibraryModel", "Site"), "site"),
    (QT_TRANSLATE_NOOP("LibraryModel", "Published"), "published"),
    (QT_TRANSLATE_NOOP("LibraryModel", "Imported"), "imported"),
    (QT_TRANSLATE_NOOP("LibraryModel", "Highlights"), "highlights"),
    (QT_TRANSLATE_NOOP("LibraryModel", "Tags"), "title"),
)
"""Column titles (in English; column_title() translates) and the sort each column asks for."""
TAGS_COLUMN = 6
HIGHLIGHTS_COLUMN = 5
Index = QModelIndex | QPersistentModelIndex


class LibraryModel(QAbstractTableModel):
    """Articles of the archive for one sort and filter; sorting and filtering happen in SQL."""

    def __init__(self, archive: Archive, parent: Any = None) -> None:
        super().__init__(parent)
        self._archive = archive
        self._listing: Listing = IdListing([])
        self._ids: list[ArticleId] = []
        """The ids listed so far: the first pages of the listing, as many as the view asked for."""
        self._listed: set[ArticleId] = set()
        self._pages: dict[int, list[LibraryRow | None]] = {}
        self._matches: dict[ArticleId, Match] = {}
        self._filter = LibraryFilter()
        self._sort: LibrarySort = "imported"
        self._descending = True
        self._sort_column = 4

    # -- queries ---------------------------------------------------------------------------

    @property
    def current_filter(self) -> LibraryFilter:
        """The filter the rows were chosen by."""
        return self._filter

    def set_archive(self, archive: Archive) -> None:
        """Show another archive."""
        self._archive = archive
        self.refresh()

    def set_filter(self, where: LibraryFilter) -> None:
        """Show the articles matching ``where``; a new query sorts by relevance."""
        had_query = bool(self._filter.query and self._filter.query.strip())
        has_query = bool(where.query and where.query.strip())
        self._filter = where
        if has_query and not had_query:
            self._sort, self._descending, self._sort_column = "relevance", False, -1
        elif had_query and not has_query and self._sort == "relevance":
            self._sort, self._descending, self._sort_column = "imported", True, 4
        self.refresh()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (in SQL); the tags column sorts by title."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][1]
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.refresh()

    def refresh(self, keep_rows: int = 0) -> None:
        """Re-run the query (after an import, a trash, a filter change), listing its first page,
        or as many rows as ``keep_rows`` so that rows the user scrolled to stay listed."""
        # Read before the reset: an archive that cannot be read leaves the rows as they were.
        listing = self._archive.library.listing(self._sort, self._descending, self._filter)
        first = listing.page(0, max(PAGE, keep_rows))
        self.beginResetModel()
        self._pages.clear()
        self._matches.clear()
        self._ids, self._listed = [], set()
        self._listing = listing
        self._append(first)
        self.endResetModel()

    def total(self) -> int:
        """How many articles the query finds (rows are listed as the view reaches them)."""
        return max(self._listing.total, len(self._ids))

    def contains(self, article_id: ArticleId) -> bool:
        """Whether the query finds the article (listed yet or not)."""
        return article_id in self._listed or self._listing.contains(article_id)

    def locate(self, article_id: ArticleId) -> int:
        """The article's row, listing the rows down to it if needed; -1 if the query omits it."""
        if article_id in self._listed:
            return self.row_of(article_id)
        position = self._listing.position(article_id)
        if position is None:
            return -1
        while article_id not in self._listed and self._more():
            self.fetchMore(QModelIndex(), position + 1 - len(self._ids))
        return self.row_of(article_id)

    def list_all(self) -> None:
        """List every row the query finds (before selecting all of them)."""
        while self._more():
            self.fetchMore(QModelIndex(), self._listing.total - len(self._ids))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        """Whether the query finds more articles than are listed."""
        return not parent.isValid() and self._more()

    def fetchMore(self, parent: Index = QModelIndex(), rows: int = 0) -> None:  # noqa: B008
        """List the next page of the query's articles (the view scrolled near the end)."""
        if parent.isValid() or not self._more():
            return
        try:
            ids = self._listing.page(len(self._ids), max(PAGE, rows))
        except Exception:  # noqa: BLE001 - a failed read lists no more rows
            ids = []
        fresh = [i for i in ids if i not in self._listed]
        if not fresh:
            self._listing = IdListing(self._ids)  # nothing more to list: the count was high
            return
        self.beginInsertRows(QModelIndex(), len(self._ids), len(self._ids) + len(fresh) - 1)
        self._pages.pop(len(self._ids) // ROW_BATCH, None)  # a short last batch grows
        self._append(fresh)
        self.endInsertRows()

    def _more(self) -> bool:
        return len(self._ids) < self._listing.total

    def _append(self, ids: list[ArticleId]) -> None:
        # A listing ranked anew in a wider window may repeat an article tied at the edge.
        fresh = [i for i in ids if i not in self._listed]
        self._ids.extend(fresh)
        self._listed.update(fresh)

    def refresh_articles(self, ids: set[ArticleId]) -> None:
        """Reload the cached rows of these articles (their tags or highlights changed)."""
        for row, article_id in enumerate(self._ids):
            if article_id in ids:
                self._pages.pop(row // ROW_BATCH, None)
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def article_id(self, row: int) -> ArticleId | None:
        """The article shown on ``row``."""
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: ArticleId) -> int:
        """The row showing the article, or -1 (not listed, or not yet: see ``locate``)."""
        if article_id not in self._listed:
            return -1
        try:
            return self._ids.index(article_id)
        except ValueError:
            return -1

    def library_row(self, row: int) -> LibraryRow | None:
        """The fetched display row (fetching its page if needed); None if it cannot be read."""
        if not 0 <= row < len(self._ids):
            return None
        return self._page_rows(row // ROW_BATCH)[row % ROW_BATCH]

    def _page_rows(self, page_number: int) -> list[LibraryRow | None]:
        page = self._pages.get(page_number)
        return page if page is not None else self._fetch(page_number)

    def snippet(self, row: int) -> str | None:
        """The search snippet for ``row`` when a query is active."""
        match = self.match_at(row)
        return match.snippet if match is not None else None

    def match_at(self, row: int) -> Match | None:
        """Where and how ``row`` matched the active query (None without a query)."""
        query = self._filter.query
        article_id = self.article_id(row)
        if not query or not query.strip() or article_id is None:
            return None
        if article_id not in self._matches:
            # Snippets read each article's text: only about a screenful at a time.
            lo = row - row % MATCH_BATCH
            ids = self._ids[lo : lo + MATCH_BATCH]
            try:
                rows = (self.library_row(lo + k) for k in range(len(ids)))
                titles = {r.id: r.title for r in rows if r is not None}
                self._matches.update(find_matches(self._archive, ids, titles, query))
            except Exception:  # noqa: BLE001 - data() never raises; a failed read shows no snippet
                return None
        return self._matches.get(article_id)

    @property
    def searching(self) -> bool:
        """Whether a search query is active (rows then show why they matched)."""
        return bool(self._filter.query and self._filter.query.strip())

    # -- QAbstractTableModel -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """How many articles are listed so far (``total`` says how many match)."""
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """The fixed columns."""
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return "✎" if section == HIGHLIGHTS_COLUMN else column_title(section)
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            return column_title(section) if 0 <= section < len(COLUMNS) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Cell text, tooltips (with the snippet) and ids; never raises."""
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return int(self._ids[index.row()])
        if role == SNIPPET_ROLE:
            return self.snippet(index.row())
        if role == MATCH_ROLE:
            return self.match_at(index.row())
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 5:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        row = self.library_row(index.row())
        if row is None:
            return self.tr("(unreadable)") if index.column() == 0 else ""
        text = _cell(row, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            match = self.match_at(index.row())
            return f"{row.title}\n\n{plain_snippet(match)}" if match else row.title
        return text

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Rows are selectable and can be dragged (into a dossier)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def mimeTypes(self) -> list[str]:
        """Rows are dragged as article ids (into a dossier)."""
        from archivist.gui.dossier import ARTICLE_IDS_MIME

        return [ARTICLE_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        """The dragged rows' article ids."""
        from archivist.gui.dossier import article_ids_mime

        rows = sorted({i.row() for i in indexes if i.isValid()})
        return article_ids_mime([self._ids[r] for r in rows if 0 <= r < len(self._ids)])

    def _fetch(self, page_number: int) -> list[LibraryRow | None]:
        ids = self._ids[page_number * ROW_BATCH : (page_number + 1) * ROW_BATCH]
        try:
            rows = {r.id: r for r in self._archive.library.rows(ids)}
        except Exception as exc:  # noqa: BLE001 - data() never raises: unreadable rows show so
            rows = {}
            if is_corruption(exc):
                # A damaged page: the other rows of the batch are read one by one, and the app's
                # fault hook says once, in one line, that the archive needs check --repair.
                rows = self._readable(ids)
                sys.excepthook(type(exc), exc, exc.__traceback__)
        page: list[LibraryRow | None] = [rows.get(i) for i in ids]
        self._pages[page_number] = page
        return page

    def _readable(self, ids: list[ArticleId]) -> dict[ArticleId, LibraryRow]:
        rows: dict[ArticleId, LibraryRow] = {}
        for article_id in ids:
            try:
                rows.update((r.id, r) for r in self._archive.library.rows([article_id]))
            except Exception:  # noqa: BLE001 - this row is on the damaged page
                continue
        return rows


def column_title(column: int) -> str:
    """A library column's title in the UI language."""
    return QCoreApplication.translate("LibraryModel", COLUMNS[column][0])


def _cell(row: LibraryRow, column: int) -> str:
    if column == 0:
        return row.title
    if column == 1:
        return ", ".join(row.authors)
    if column == 2:
        return row.site or ""
    if column == 3:
        return row.published or ""
    if column == 4:
        return row.imported[:10]
    if column == 5:
        return str(row.highlights) if row.highlights else ""
    if column == TAGS_COLUMN:
        return ", ".join(row.tags)
    return ""
