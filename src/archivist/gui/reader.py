"""The reader view: a QTextBrowser showing one article; it never loads remote content or files."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QIcon,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPixmap,
    QResizeEvent,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from archivist.gui.i18n import color_label, meaning_label
from archivist.gui.render import (
    BACK_SCHEME,
    FOOTNOTE_SCHEME,
    PositionMap,
    Rendered,
    highlight_color,
    render,
)
from archivist.gui.sealed import nothing
from archivist.model import Article, PaletteColor

ARCHIVE_SCHEME = "archive"
"""Resources archived with the page are asked for as ``archive:LOCATION``; nothing else loads."""
DEFAULT_READING_WIDTH = 720
ZOOM_STEPS = (9.0, 10.0, 11.0, 12.5, 14.0, 15.5, 17.0, 19.0, 22.0)
DEFAULT_ZOOM = 3

ResourceLoader = Callable[[str], bytes | None]


def color_icon(color: str, size: int = 14) -> QIcon:
    """A small swatch of a highlight colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(highlight_color(color, 255))
    return QIcon(pixmap)


def typed_digit(event: QKeyEvent) -> int | None:
    """The digit a key press typed with no modifier but the keypad, in any script, or None."""
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return None
    key = event.key()
    if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
        return int(key - Qt.Key.Key_0)
    # A Persian or Arabic layout types ۱ or ١ (key codes outside Key_0..Key_9) on the same keys.
    text = event.text()
    return int(text) if len(text) == 1 and text.isdecimal() else None


class HighlightBar(QFrame):
    """The small floating toolbar of colour buttons shown over a text selection."""

    chosen = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("HighlightBar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(4, 3, 4, 3)
        self._layout.setSpacing(2)
        self.hide()

    def set_palette_colors(self, colors: tuple[PaletteColor, ...]) -> None:
        """One button per palette colour, its meaning as tooltip."""
        while (item := self._layout.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        for n, pc in enumerate(colors, start=1):
            button = QToolButton(self)
            button.setIcon(color_icon(pc.color, 16))
            button.setAutoRaise(True)
            shortcut = f" ({n})" if n <= 6 else ""
            name = color_label(pc.color)
            meaning = meaning_label(pc.meaning) if pc.meaning else ""
            button.setToolTip(f"{name}: {meaning}{shortcut}" if meaning else name + shortcut)
            button.setAccessibleName(
                self.tr("Highlight {color}").format(color=f"{name}: {meaning}" if meaning else name)
            )
            button.setObjectName(f"highlight-{pc.color}")
            button.clicked.connect(lambda _=False, c=pc.color: self.chosen.emit(c))
            self._layout.addWidget(button)
        self.adjustSize()


RENDER_CHARS = 400_000
"""Characters of an article rendered at a time: all of most articles, a screenful's worth
of parts of a long one (a 50 MB article rendered whole took a minute and gigabytes)."""


class ReaderView(QTextBrowser):
    """Renders an annotated Article; emits what the user asks for, changes nothing itself."""

    footnoteActivated = Signal(str, int)
    """A marker was clicked: the footnote's label and the marker's text offset."""
    highlightActivated = Signal(int)
    highlightRequested = Signal(str)
    """The user picked a colour for the current selection."""
    externalLinkRequested = Signal(QUrl)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Reader")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.anchorClicked.connect(self._on_anchor)
        self.article: Article | None = None
        self.rendered: Rendered | None = None
        self.resource_loader: ResourceLoader | None = None
        self.refused_resources: list[str] = []
        self._palette_colors: tuple[PaletteColor, ...] = ()
        self._marker_trail: list[int] = []
        self._reading_width = DEFAULT_READING_WIDTH
        self._zoom = DEFAULT_ZOOM
        self.bar = HighlightBar(self.viewport())
        self.bar.chosen.connect(self._request_highlight)
        self.selectionChanged.connect(self._place_bar)
        self.verticalScrollBar().valueChanged.connect(self._render_ahead)

    # -- content -----------------------------------------------------------------------------

    def set_article(self, article: Article | None, *, keep_position: bool = False) -> None:
        """Show ``article`` (annotated document), or nothing."""
        scroll = self.verticalScrollBar().value()
        same = self.article is not None and article is not None and self.article.id == article.id
        self.article = article
        self.bar.hide()
        if article is None:
            self.rendered = None
            self.setDocument(QTextDocument(self))
            return
        if not same:
            self._marker_trail.clear()
        self.rendered = render(
            article, self.palette(), base_size=ZOOM_STEPS[self._zoom], budget=RENDER_CHARS
        )
        self.rendered.document.setParent(self)
        self.setDocument(self.rendered.document)
        self._update_margins()
        if keep_position and same:
            bar = self.verticalScrollBar()
            while bar.maximum() < scroll and self.rendered.more():
                pass
            bar.setValue(scroll)

    def _render_ahead(self, value: int) -> None:
        """Render the next part of a long article as the reader nears the end of what is shown."""
        bar = self.verticalScrollBar()
        if self.rendered is not None and value >= bar.maximum() - 3 * bar.pageStep():
            self.rendered.more()

    def _rendered_to(self, offset: int) -> int | None:
        """The document position of a text offset, rendering up to it first if need be."""
        if self.rendered is None:
            return None
        positions = self.rendered.positions
        while (pos := positions.to_doc(offset)) is None and self.rendered.more():
            pass
        return pos

    def set_palette_colors(self, colors: tuple[PaletteColor, ...]) -> None:
        """The palette offered for highlighting."""
        self._palette_colors = colors
        self.bar.set_palette_colors(colors)

    @property
    def positions(self) -> PositionMap | None:
        """The map of the shown article's document positions to text offsets."""
        return self.rendered.positions if self.rendered else None

    def selection_range(self) -> tuple[int, int] | None:
        """The selected body text as a ``[start, end)`` range of the article text."""
        cursor = self.textCursor()
        if not cursor.hasSelection() or self.rendered is None:
            return None
        return self.rendered.positions.text_range(cursor.selectionStart(), cursor.selectionEnd())

    def select_text(self, start: int, end: int) -> bool:
        """Select ``[start, end)`` of the article text (as a user dragging the mouse would)."""
        if self.rendered is None:
            return False
        hi = self._rendered_to(end)
        lo = self.rendered.positions.to_doc(start)
        if lo is None or hi is None:
            return False
        cursor = QTextCursor(self.document())
        cursor.setPosition(lo)
        cursor.setPosition(hi, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        return True

    def scroll_to_offset(self, offset: int) -> None:
        """Bring a text offset into view."""
        if self.rendered is None:
            return
        pos = self._rendered_to(offset)
        if pos is not None:
            cursor = QTextCursor(self.document())
            cursor.setPosition(pos)
            self.setTextCursor(cursor)
            self.ensureCursorVisible()

    def show_footnote_list_entry(self, label: str) -> None:
        """Scroll to a footnote in the list at the end of the article."""
        if self.rendered is not None:
            self.rendered.complete()  # the list comes after the whole text
        self.scrollToAnchor(f"fn-{label}")

    def back_to_marker(self) -> bool:
        """Return to the last footnote marker followed; False if there is none."""
        if not self._marker_trail:
            return False
        self.scroll_to_offset(self._marker_trail.pop())
        return True

    # -- reading comfort ---------------------------------------------------------------------

    def set_caret_browsing(self, on: bool) -> None:
        """A cursor the arrow keys move, so text can be selected (and highlighted) by keyboard."""
        flags = self.textInteractionFlags()
        if on:
            flags |= Qt.TextInteractionFlag.TextSelectableByKeyboard
        else:
            flags &= ~Qt.TextInteractionFlag.TextSelectableByKeyboard
        self.setTextInteractionFlags(flags)
        if on and self.rendered is not None and not self.textCursor().hasSelection():
            # The cursor starts where the reader is looking, in the body (the header cannot
            # be highlighted).
            top = self.cursorForPosition(QPoint(0, 0)).position()
            body = self.rendered.positions.to_doc(0) or 0
            cursor = QTextCursor(self.document())
            cursor.setPosition(max(top, body))
            self.setTextCursor(cursor)
            self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @property
    def caret_browsing(self) -> bool:
        """Whether the arrow keys move a text cursor (else they scroll)."""
        return bool(self.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByKeyboard)

    def set_reading_width(self, width: int) -> None:
        """The widest the text column grows, in pixels."""
        self._reading_width = max(360, width)
        self._update_margins()

    @property
    def reading_width(self) -> int:
        """The text column's maximum width."""
        return self._reading_width

    def zoom(self, steps: int) -> None:
        """Larger (positive) or smaller (negative) text; 0 resets."""
        self._zoom = DEFAULT_ZOOM if steps == 0 else self._zoom + steps
        self._zoom = max(0, min(len(ZOOM_STEPS) - 1, self._zoom))
        self.set_article(self.article, keep_position=True)

    @property
    def zoom_level(self) -> int:
        """The current zoom step."""
        return self._zoom

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the text column centred at its reading width."""
        super().resizeEvent(event)
        self._update_margins()

    def _update_margins(self) -> None:
        # Margins of the document's root frame, not of the viewport: the page stays one colour
        # edge to edge and the scroll bar stays at the window's edge.
        side = max(24, (self.viewport().width() - self._reading_width) // 2)
        root = self.document().rootFrame()
        fmt = root.frameFormat()
        if fmt.leftMargin() != side or fmt.rightMargin() != side:
            fmt.setLeftMargin(side)
            fmt.setRightMargin(side)
            fmt.setTopMargin(20)
            fmt.setBottomMargin(40)
            root.setFrameFormat(fmt)

    # -- safety: nothing but archived resources ---------------------------------------------

    def loadResource(self, type: int, name: QUrl | str, /) -> Any:
        """Archived page resources only; never a file, never the network."""
        name = QUrl(name)
        if name.scheme() == ARCHIVE_SCHEME and self.resource_loader is not None:
            data = self.resource_loader(name.path())
            if data is not None:
                return data
        self.refused_resources.append(name.toString())
        return nothing(type)  # not None: Qt would then read a local file itself

    # -- user input ------------------------------------------------------------------------

    def _on_anchor(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme == FOOTNOTE_SCHEME:
            label, _, offset = url.path().rpartition("@")
            if offset.isdigit():
                self._marker_trail.append(int(offset))
                self.footnoteActivated.emit(label, int(offset))
        elif scheme == BACK_SCHEME:
            self._back_from_list(url.path())
        elif scheme in ("http", "https", "mailto"):
            self.externalLinkRequested.emit(url)

    def _back_from_list(self, label: str) -> None:
        if self.article is None:
            return
        for fn in self.article.footnotes:
            if fn.label == label and fn.markers:
                self.scroll_to_offset(fn.markers[0])
                self.footnoteActivated.emit(label, fn.markers[0])

    def highlight_at(self, offset: int) -> int | None:
        """The innermost highlight covering a text offset."""
        if self.article is None:
            return None
        covering = [
            h
            for h in self.article.highlights
            if h.id is not None and not h.orphaned and h.start <= offset < h.end
        ]
        if not covering:
            return None
        return min(covering, key=lambda h: h.end - h.start).id

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        """A plain click on highlighted text selects that highlight."""
        super().mouseReleaseEvent(event)
        if self.textCursor().hasSelection() or self.rendered is None:
            return
        if self.anchorAt(event.position().toPoint()):
            return
        pos = self.cursorForPosition(event.position().toPoint()).position()
        offset = self.rendered.positions.to_text(pos)
        if offset is not None and (hid := self.highlight_at(offset)) is not None:
            self.highlightActivated.emit(hid)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys 1-6 highlight the selection in that palette colour."""
        digit = typed_digit(event)
        if digit is not None and 1 <= digit <= 6:
            index = digit - 1
            if self.selection_range() is not None and index < len(self._palette_colors):
                self._request_highlight(self._palette_colors[index].color)
                return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        """The standard menu plus one entry per palette colour when text is selected."""
        menu = self.createStandardContextMenu(event.pos())
        if self.selection_range() is not None and self._palette_colors:
            menu.addSeparator()
            for n, pc in enumerate(self._palette_colors, start=1):
                label = self.tr("Highlight {color}").format(color=color_label(pc.color))
                if pc.meaning:
                    label += f" — {meaning_label(pc.meaning)}"
                action = QAction(color_icon(pc.color), label, menu)
                if n <= 6:
                    action.setShortcut(QKeySequence(str(n)))
                action.triggered.connect(lambda _=False, c=pc.color: self._request_highlight(c))
                menu.addAction(action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    def _request_highlight(self, color: str) -> None:
        if self.selection_range() is not None:
            self.bar.hide()
            self.highlightRequested.emit(color)

    def _place_bar(self) -> None:
        if self.selection_range() is None or not self._palette_colors:
            self.bar.hide()
            return
        rect = self.cursorRect()
        x = min(
            max(4, rect.left() - self.bar.width() // 2), self.viewport().width() - self.bar.width()
        )
        y = rect.top() - self.bar.height() - 6
        if y < 0:
            y = rect.bottom() + 6
        self.bar.move(QPoint(max(0, x), y))
        self.bar.show()
        self.bar.raise_()
