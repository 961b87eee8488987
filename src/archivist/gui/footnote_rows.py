"""The footnote panel's rows: label, the entry in the dossier's style, marks; wrapped to width.

A row is formatted and laid out only when it is shown: an article can hold a thousand
footnotes, and formatting and laying out each entry costs a fraction of a millisecond. Until a
row has been painted at the pane's width its height is estimated from its text; the delegate
corrects it when the row is painted. Formatted rows are cached by style and content, measured
heights by text and width, so an edit, an undo or a refresh re-formats only the rows that
changed, and the rows scrolled past keep their heights.
"""

from __future__ import annotations

import html
import json
import math
from collections import OrderedDict
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from archivist.export.corrections import entry_of
from archivist.gui.i18n import phrases
from archivist.model import Footnote

LABEL_ROLE = Qt.ItemDataRole.UserRole
"""The footnote's label."""
HTML_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row as rich text (every text from the article escaped)."""
ESTIMATE_ROLE = Qt.ItemDataRole.UserRole + 2
"""Plain text to estimate an unformatted row's height by (no formatting done)."""
MARGIN = 4
"""Space around a row's text, in pixels."""
EDITED_MARK = "✎"
UNCITED_MARK = "○"
LAID_OUT = 400
"""Laid-out rows kept for painting again (a few screens of them)."""
MAX_CACHED = 20_000
"""Formatted rows kept (all styles together) before the cache starts afresh."""

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class Row:
    """One footnote formatted for the panel: the entry alone, and the whole row."""

    entry: str
    """The entry in the style as rich text (commentary: its own text, escaped)."""
    html: str
    """Label, entry, back reference and marks, as rich text."""
    plain: str
    """The same row as plain text (screen readers, keyboard search)."""


def entry_html(fn: Footnote, style: str | None) -> tuple[str, str]:
    """A footnote's entry in ``style`` as (rich text, plain text); a footnote with no item, or
    one the style prints no entry for, reads as its own text."""
    formatted = entry_of(fn.csl, style) if fn.csl else None
    if formatted is not None:
        return formatted.markup(), formatted.plain()
    own = " ".join(fn.text.split())
    return html.escape(own, quote=False), own


def uncited_text(fn: Footnote) -> str:
    """Why the text holds no marker for a footnote, in words; empty when it holds one."""
    if fn.uncited == "dropped":
        return QCoreApplication.translate(
            "FootnoteRows", "Cited only in a part of the page left out of the text."
        )
    if fn.uncited == "unlinked":
        return QCoreApplication.translate(
            "FootnoteRows", "Listed by the page without a marker in the text."
        )
    return ""


def format_row(fn: Footnote, style: str | None) -> Row:
    """A footnote as one panel row in a citation style."""
    entry, entry_plain = entry_html(fn, style)
    label = f"[{fn.label}]"
    parts = [f"<b>{html.escape(label)}</b>"]
    plain = [label]
    if fn.edited:
        parts.append(EDITED_MARK)
        plain.append(EDITED_MARK + " " + QCoreApplication.translate("FootnoteRows", "edited"))
    parts.append(entry)
    plain.append(entry_plain)
    extras = []
    if fn.refers_to:
        extras.append(
            QCoreApplication.translate("FootnoteRows", "→ note [{label}]").format(
                label=fn.refers_to
            )
        )
    if fn.notes:
        extras.append(phrases().notes(len(fn.notes)))
    if fn.uncited:
        extras.append(
            UNCITED_MARK + " " + QCoreApplication.translate("FootnoteRows", "no marker in the text")
        )
    if extras:
        joined = " · ".join(extras)
        parts.append(f"<small>{html.escape(joined)}</small>")
        plain.append(joined)
    return Row(entry, " ".join(parts), " ".join(plain))


def _key(fn: Footnote, style: str | None) -> tuple[object, ...]:
    csl = json.dumps(fn.csl, sort_keys=True, ensure_ascii=False) if fn.csl else ""
    return (
        style,
        fn.label,
        fn.text,
        fn.kind,
        fn.refers_to,
        fn.edited,
        len(fn.notes),
        fn.uncited,
        csl,
    )


class FootnoteModel(QAbstractListModel):
    """An article's footnotes as rows, formatted in a citation style when first asked for."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.footnotes: tuple[Footnote, ...] = ()
        self.style: str | None = None
        self._cache: dict[tuple[object, ...], Row] = {}
        self._rows: dict[int, Row] = {}

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        """One row per footnote."""
        return 0 if parent.isValid() else len(self.footnotes)

    def set_footnotes(self, footnotes: tuple[Footnote, ...]) -> None:
        """Show these footnotes; rows stay in place (selection, scroll) if the labels do."""
        same = [f.label for f in footnotes] == [f.label for f in self.footnotes]
        if same and footnotes:
            self.layoutAboutToBeChanged.emit()
            formatted = self._rows
            self.footnotes = footnotes
            # Rows formatted before and unchanged keep their text, so their measured heights,
            # and the rows the user scrolled past do not move under the viewport.
            self._rows = {}
            for row in formatted:
                kept = self._cache.get(_key(footnotes[row], self.style))
                if kept is not None:
                    self._rows[row] = kept
            self.layoutChanged.emit()
            self.dataChanged.emit(self.index(0), self.index(len(footnotes) - 1))
            return
        self.beginResetModel()
        self.footnotes = footnotes
        self._rows = {}
        self.endResetModel()

    def set_style(self, style: str | None) -> None:
        """Format the rows in another citation style."""
        if style == self.style:
            return
        self.style = style
        if self.footnotes:
            self.set_footnotes(self.footnotes)

    def row(self, row: int) -> Row:
        """A row formatted (once, then from the cache)."""
        formatted = self._rows.get(row)
        if formatted is None:
            fn = self.footnotes[row]
            key = _key(fn, self.style)
            formatted = self._cache.get(key)
            if formatted is None:
                if len(self._cache) >= MAX_CACHED:
                    self._cache.clear()
                formatted = self._cache[key] = format_row(fn, self.style)
            self._rows[row] = formatted
        return formatted

    def is_formatted(self, row: int) -> bool:
        """Whether a row has been formatted since the footnotes or the style last changed."""
        return row in self._rows

    def row_of(self, label: str) -> int:
        """The row of a footnote's label, -1 if none."""
        return next((i for i, fn in enumerate(self.footnotes) if fn.label == label), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        """Label, rich and plain text, tooltip; never raises."""
        if not index.isValid() or not 0 <= index.row() < len(self.footnotes):
            return None
        fn = self.footnotes[index.row()]
        if role == LABEL_ROLE:
            return fn.label
        if role == ESTIMATE_ROLE:
            return f"[{fn.label}] {fn.text}"
        if role == HTML_ROLE:
            return self.row(index.row()).html
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.row(index.row()).plain
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = []
            if fn.edited:
                tips.append(
                    QCoreApplication.translate(
                        "FootnoteRows", "Citation corrected by hand ({when})"
                    ).format(when=fn.edited)
                )
            if fn.uncited:
                tips.append(uncited_text(fn))
            return "\n".join(tips) or None
        return None


class RowDelegate(QStyledItemDelegate):
    """Paints a row's rich text wrapped to the view's width; heights follow the text."""

    def __init__(self, view: QListView, model: FootnoteModel) -> None:
        super().__init__(view)
        self.view = view
        self.model = model
        self._heights: dict[tuple[str, int], int] = {}
        # The rows laid out last, for repainting (scrolling back, selecting) without layout.
        self._documents: OrderedDict[tuple[str, int], QTextDocument] = OrderedDict()
        # Each row's height at one width: the view asks for every row's at each layout.
        self._rows: dict[int, int] = {}
        self._rows_width = 0
        self._relayout_due = False
        for signal in (model.modelReset, model.layoutChanged):
            signal.connect(self._rows.clear)

    def _width(self) -> int:
        return max(40, self.view.viewport().width() - 2 * MARGIN)

    def _document(self, text: str, width: int, option: QStyleOptionViewItem) -> QTextDocument:
        key = (text, width)
        doc = self._documents.get(key)
        if doc is not None:
            self._documents.move_to_end(key)
            return doc
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(option.font)
        doc.setHtml(text)
        doc.setTextWidth(width)
        self._documents[key] = doc
        if len(self._documents) > LAID_OUT:
            self._documents.popitem(last=False)
        return doc

    def _relayout(self) -> None:
        self._relayout_due = False
        if self.model.rowCount():
            self.sizeHintChanged.emit(self.model.index(0))

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        """The row's height at the view's width: as measured when it was last painted at this
        width, else estimated (sizing never lays text out, so resizing the pane stays quick)."""
        width = self._width()
        if width != self._rows_width:
            self._rows.clear()
            self._rows_width = width
        row = index.row()
        height = self._rows.get(row)
        if height is None:
            measured = None
            if self.model.is_formatted(row):
                measured = self._heights.get((str(index.data(HTML_ROLE)), width))
            if measured is None:
                # Lines of the source text (or the formatted row's) at this width.
                estimate = (
                    index.data(Qt.ItemDataRole.DisplayRole)
                    if self.model.is_formatted(row)
                    else index.data(ESTIMATE_ROLE)
                )
                metrics = option.fontMetrics
                advance = len(str(estimate)) * metrics.averageCharWidth()
                lines = max(1, math.ceil(advance * 1.1 / width))
                measured = lines * metrics.lineSpacing() + 2 * MARGIN
            height = self._rows[row] = measured
        return QSize(width, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        """Background and selection as the style draws them, then the rich text."""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        width = self._width()
        text = str(index.data(HTML_ROLE))
        doc = self._document(text, width, opt)
        height = math.ceil(doc.size().height()) + 2 * MARGIN
        if len(self._heights) >= MAX_CACHED:
            self._heights.clear()
        self._heights[(text, width)] = height
        if width == self._rows_width and self._rows.get(index.row()) != height:
            # Estimated before it was formatted: the view lays the rows out again, once for
            # all the rows this paint corrected.
            self._rows[index.row()] = height
            if not self._relayout_due:
                self._relayout_due = True
                QTimer.singleShot(0, self._relayout)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        context = QAbstractTextDocumentLayout.PaintContext()
        group = (
            QPalette.ColorGroup.Active
            if opt.state & QStyle.StateFlag.State_Active
            else QPalette.ColorGroup.Inactive
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(group, role))
        painter.save()
        left, top = opt.rect.left() + MARGIN, opt.rect.top() + MARGIN
        painter.translate(left, top)
        painter.setClipRect(0, 0, width, opt.rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()


def footnote_view(parent: QWidget) -> tuple[QListView, FootnoteModel]:
    """A list of footnote rows that wrap to its width (no horizontal scrolling)."""
    view = QListView(parent)
    model = FootnoteModel(view)
    view.setModel(model)
    view.setItemDelegate(RowDelegate(view, model))
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setResizeMode(QListView.ResizeMode.Adjust)
    view.setUniformItemSizes(False)
    view.setWordWrap(True)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    return view, model
