"""The library pane: search as you type, filters, and the article table."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRect,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPalette,
    QTextDocument,
    QTransform,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.archive.library import LibraryFilter
from archivist.gui.i18n import color_label, meaning_label, set_reading_margins
from archivist.gui.library import COLUMNS, MATCH_ROLE, LibraryModel, column_title
from archivist.gui.reader import color_icon
from archivist.gui.search_results import Match, lead_in, snippet_html
from archivist.model import ArticleId

SEARCH_DELAY_MS = 120
"""Typing pauses this long before the query runs (each run takes a few milliseconds)."""
ANY = "__any__"
HIDDEN_COLUMNS = (2, 4, 6)
"""Site, Imported and Tags start hidden in the narrow library pane (the header menu shows them)."""


def text_direction(text: str) -> Qt.LayoutDirection | None:
    """The direction of the text's first strong character (None when it has none)."""
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return Qt.LayoutDirection.LeftToRight
        if kind in ("R", "AL"):
            return Qt.LayoutDirection.RightToLeft
    return None


def opens_menu(event: QKeyEvent) -> bool:
    """Whether a key event is the keyboard's way to a context menu (Menu, or Shift+F10)."""
    if event.key() == Qt.Key.Key_Menu:
        return True
    return event.key() == Qt.Key.Key_F10 and event.modifiers() == Qt.KeyboardModifier.ShiftModifier


class CellDirectionDelegate(QStyledItemDelegate):
    """Lays each cell out in its own text's direction.

    In a right-to-left window an English title was elided at its start ("... Roads of the");
    now it reads from its beginning and is cut at its end, whatever the window's direction.
    """

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        """The default option, with the direction of the cell's own text."""
        super().initStyleOption(option, index)
        direction = text_direction(option.text)
        if direction is not None:
            option.direction = direction


class MatchDelegate(CellDirectionDelegate):
    """The title cell while searching: the title, and below it why the row matched.

    The second line names where the words were found (text, title, note...) and shows the
    words around them, the matched ones in bold.
    """

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """The title on the first line, the snippet (rich text) on the second."""
        match = index.data(MATCH_ROLE)
        if not isinstance(match, Match):
            super().paint(painter, option, index)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        title = item.text
        item.text = ""
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        rect = option.rect.adjusted(6, 2, -6, -2)
        half = rect.height() // 2
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        palette = option.palette
        painter.save()
        painter.setPen(palette.color(role))
        metrics = QFontMetrics(item.font)
        painter.setFont(item.font)
        top = QRect(rect.left(), rect.top(), rect.width(), half)
        flags = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading
        painter.drawText(
            top, int(flags), metrics.elidedText(title, Qt.TextElideMode.ElideRight, rect.width())
        )
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        small = QFont(item.font)
        small.setPointSizeF(max(6.0, small.pointSizeF() * 0.9))
        doc.setDefaultFont(small)
        doc.setHtml(snippet_html(Match(match.where, lead_in(match.snippet))))
        context = QAbstractTextDocumentLayout.PaintContext()
        muted = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        context.palette.setColor(QPalette.ColorRole.Text, palette.color(muted))
        bottom = QRect(rect.left(), rect.top() + half, rect.width(), rect.height() - half)
        painter.setWorldTransform(QTransform.fromTranslate(bottom.left(), bottom.top()), True)
        painter.setClipRect(QRect(0, 0, bottom.width(), bottom.height()))
        doc.documentLayout().draw(painter, context)
        painter.restore()


class LibraryTable(QTableView):
    """The library's table view: selecting all selects every article the query finds."""

    def selectAll(self) -> None:
        """List every row first (the model lists a page at a time), then select them all."""
        model = self.model()
        if isinstance(model, LibraryModel):
            model.list_all()
        super().selectAll()


class LibraryPanel(QWidget):
    """Search field and filters over the library table; emits the article the user opens."""

    articleActivated = Signal(int)
    articleOpened = Signal(int)
    """Enter or a double click on a row: the user asks to read it (not only to select it)."""
    contextMenuRequested = Signal(QPoint)

    def __init__(self, archive: Archive, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.model = LibraryModel(archive, self)
        self._restoring = False
        self.search = QLineEdit(self)
        self.search.setObjectName("LibrarySearch")
        self.search.setPlaceholderText(self.tr("Search the archive"))
        self.search.setAccessibleName(self.tr("Search the archive"))
        self.search.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.search.returnPressed.connect(self.apply_filter)

        self.tag = QComboBox(self)
        self.color = QComboBox(self)
        self.site = QComboBox(self)
        self.tag.setAccessibleName(self.tr("Filter by tag"))
        self.color.setAccessibleName(self.tr("Filter by highlight colour"))
        self.site.setAccessibleName(self.tr("Filter by site"))
        for combo in (self.tag, self.color, self.site):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(6)
            combo.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.date_from = QLineEdit(self)
        self.date_from.setPlaceholderText(self.tr("from YYYY"))
        self.date_to = QLineEdit(self)
        self.date_to.setPlaceholderText(self.tr("to YYYY"))
        self.date_from.setAccessibleName(self.tr("Published from year"))
        self.date_to.setAccessibleName(self.tr("Published up to year"))
        for field in (self.date_from, self.date_to):
            field.setMaximumWidth(90)
            field.editingFinished.connect(self.apply_filter)

        self.table = LibraryTable(self)
        self.table.setObjectName("LibraryTable")
        self.table.setAccessibleName(self.tr("Library"))
        self.table.setModel(self.model)
        self.table.setItemDelegate(CellDirectionDelegate(self.table))
        self.table.setItemDelegateForColumn(0, MatchDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setDragEnabled(True)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.contextMenuRequested)
        self.table.installEventFilter(self)
        self.table.verticalHeader().hide()
        # Fixed row heights: the view never measures 100,000 rows.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.row_height = self.fontMetrics().height() + 10
        self.table.verticalHeader().setDefaultSectionSize(self.row_height)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(4, Qt.SortOrder.DescendingOrder)
        header.setHighlightSections(False)
        header.setAccessibleName(self.tr("Library columns (click to sort)"))
        self.table.setSortingEnabled(True)
        for column, width in enumerate((230, 120, 110, 92, 92, 36, 90)):
            self.table.setColumnWidth(column, width)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        for column in HIDDEN_COLUMNS:
            self.table.setColumnHidden(column, True)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().selectionChanged.connect(self._current_changed)

        filters = QHBoxLayout()
        filters.setSpacing(4)
        for widget in (self.tag, self.color, self.site, self.date_from, self.date_to):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        set_reading_margins(layout, 8, 8, 0, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.reload_choices()

    def set_archive(self, archive: Archive) -> None:
        """Show another archive."""
        self.archive = archive
        self.model.set_archive(archive)
        self.reload_choices()

    def reload_choices(self) -> None:
        """Fill the tag, colour and site filters from the archive."""
        self._fill(self.tag, self.tr("All tags"), [(t, t) for t in self.archive.annotations.tags()])
        self._fill(
            self.color,
            self.tr("All colours"),
            [
                (
                    f"{color_label(p.color)} — {meaning_label(p.meaning)}"
                    if p.meaning
                    else color_label(p.color),
                    p.color,
                )
                for p in self.archive.annotations.palette()
            ],
        )
        for i in range(1, self.color.count()):
            self.color.setItemIcon(i, color_icon(str(self.color.itemData(i))))
        self._fill(self.site, self.tr("All sites"), [(s, s) for s in self.archive.library.sites()])

    def current_filter(self) -> LibraryFilter:
        """The filter the controls describe."""

        def chosen(combo: QComboBox) -> str | None:
            value = combo.currentData()
            return None if value in (None, ANY) else str(value)

        return LibraryFilter(
            query=self.search.text().strip() or None,
            tag=chosen(self.tag),
            color=chosen(self.color),
            site=chosen(self.site),
            published_from=self.date_from.text().strip() or None,
            published_to=self.date_to.text().strip() or None,
        )

    def apply_filter(self) -> None:
        """Run the query the controls describe."""
        self.timer.stop()
        where = self.current_filter()
        if where == self.model.current_filter:
            return
        self.model.set_filter(where)
        # While searching, each row has a second line: where it matched, and the words around.
        lines = 2 if self.model.searching else 1
        self.table.verticalHeader().setDefaultSectionSize(
            self.row_height * lines - (4 if lines == 2 else 0)
        )
        if where.query and self.table.horizontalHeader().sortIndicatorSection() >= 0:
            self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)

    def refresh_keeping_view(self) -> None:
        """Re-run the query, keeping the selected rows, the current row and the scroll position.

        Rows are found again by article id, so rows another process added above them do not
        move the selection; the row at the top of the view stays at the top.
        """
        selected = self.selected_ids()
        current = self.model.article_id(self.table.currentIndex().row())
        top = self.model.article_id(self.table.rowAt(0))
        scroll = self.table.verticalScrollBar().value()
        self._restoring = True
        try:
            self.model.refresh(keep_rows=self.model.rowCount())
            # Rows another process added above them move them down, past the rows listed.
            rows = [r for a in selected if (r := self.model.locate(a)) >= 0]
            flags = QItemSelectionModel.SelectionFlag
            selection = QItemSelection()
            last = self.model.columnCount() - 1
            for row in rows:
                selection.select(self.model.index(row, 0), self.model.index(row, last))
            model = self.table.selectionModel()
            model.select(selection, flags.ClearAndSelect | flags.Rows)
            current_row = self.model.locate(current) if current is not None else -1
            if current_row >= 0:
                model.setCurrentIndex(self.model.index(current_row, 0), flags.NoUpdate)
            top_row = self.model.locate(top) if top is not None else -1
            if top_row >= 0:
                self.table.scrollTo(
                    self.model.index(top_row, 0), QAbstractItemView.ScrollHint.PositionAtTop
                )
            else:
                self.table.verticalScrollBar().setValue(scroll)
        finally:
            self._restoring = False

    def global_point(self, pos: QPoint) -> QPoint:
        """A point of the table's viewport (a context-menu request) on the screen."""
        return self.table.viewport().mapToGlobal(pos)

    def current_row_point(self) -> QPoint:
        """The bottom-left corner of the current row on the screen, to open a menu at."""
        rect = self.table.visualRect(self.table.currentIndex())
        return self.table.viewport().mapToGlobal(rect.bottomLeft())

    def selected_ids(self) -> list[ArticleId]:
        """The selected articles, top to bottom."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [a for r in rows if (a := self.model.article_id(r)) is not None]

    def select_article(self, article_id: ArticleId) -> None:
        """Select (and scroll to) an article's row, listing the rows down to it if needed."""
        row = self.model.locate(article_id)
        if row >= 0:
            self.select_row(row)
            self.table.scrollTo(self.model.index(row, 0))

    def select_row(self, row: int) -> None:
        """Make ``row`` the current and only selected row."""
        # Not QTableView.selectRow: right to left, it picks its column at the viewport's far
        # edge, finds none before the view is laid out, and selects nothing.
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().setCurrentIndex(
            self.model.index(row, 0), flags.ClearAndSelect | flags.Rows
        )

    def _column_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for column in range(1, len(COLUMNS)):
            action = menu.addAction(column_title(column))
            action.setCheckable(True)
            action.setChecked(not self.table.isColumnHidden(column))
            action.toggled.connect(lambda shown, c=column: self.table.setColumnHidden(c, not shown))
        menu.exec(self.table.horizontalHeader().mapToGlobal(pos))
        menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The Menu key and Shift+F10 open the row menu at the current row, as a right click."""
        if watched is self.table and isinstance(event, QKeyEvent) and opens_menu(event):
            if event.type() == QEvent.Type.KeyPress:
                rect = self.table.visualRect(self.table.currentIndex())
                self.contextMenuRequested.emit(rect.center() if rect.isValid() else QPoint(0, 0))
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        article_id = int(self.model.data(index, Qt.ItemDataRole.UserRole))
        self.articleActivated.emit(article_id)
        self.articleOpened.emit(article_id)

    def _current_changed(self) -> None:
        if self._restoring:
            return
        ids = self.selected_ids()
        if len(ids) == 1:
            self.articleActivated.emit(int(ids[0]))

    def _fill(self, combo: QComboBox, everything: str, items: list[tuple[str, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, ANY)
        for text, value in items:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)
