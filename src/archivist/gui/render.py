"""Builds the reader's QTextDocument from the document model, and maps its positions to offsets."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextList,
    QTextListFormat,
)

from archivist.model import Article, Block, Highlight, Mark
from archivist.text import reads_right_to_left

HIGHLIGHT_RGB: dict[str, tuple[int, int, int]] = {
    "yellow": (250, 204, 21),
    "green": (74, 222, 128),
    "red": (248, 113, 113),
    "blue": (96, 165, 250),
    "purple": (192, 132, 252),
    "orange": (251, 146, 60),
}
HIGHLIGHT_ALPHA = 110
"""Translucent paint reads on light and dark backgrounds alike."""
LINE_HEIGHT = 135
READING_FONT = "Noto Serif"
RTL_FONT = "Amiri"
MONO_FONT = "DejaVu Sans Mono"
FOOTNOTE_SCHEME = "footnote"
BACK_SCHEME = "back"


def highlight_color(name: str, alpha: int = HIGHLIGHT_ALPHA) -> QColor:
    """The paint of a palette colour (any CSS colour name works too)."""
    rgb = HIGHLIGHT_RGB.get(name)
    color = QColor(*rgb) if rgb else QColor(name)
    if not color.isValid():
        color = QColor(160, 160, 160)
    color.setAlpha(alpha)
    return color


def is_rtl(article: Article) -> bool:
    """Whether the article reads right to left (by its language, else by its letters)."""
    return reads_right_to_left(article.language, article.text[:2000])


@dataclass(slots=True)
class PositionMap:
    """Where each article block starts in the QTextDocument; the text inside maps one to one."""

    doc_starts: list[int] = field(default_factory=list)
    text_starts: list[int] = field(default_factory=list)
    lengths: list[int] = field(default_factory=list)

    def add(self, doc_start: int, text_start: int, length: int) -> None:
        """Record a block of ``length`` characters."""
        self.doc_starts.append(doc_start)
        self.text_starts.append(text_start)
        self.lengths.append(length)

    def to_text(self, pos: int, *, end: bool = False) -> int | None:
        """The text offset of document position ``pos``.

        Outside the body (header, footnote list) there is none; between two blocks a range
        start moves to the next block and a range end to the previous one.
        """
        i = bisect.bisect_right(self.doc_starts, pos) - 1
        if i >= 0 and pos <= self.doc_starts[i] + self.lengths[i]:
            return self.text_starts[i] + pos - self.doc_starts[i]
        if end:
            return self.text_starts[i] + self.lengths[i] if i >= 0 else None
        return self.text_starts[i + 1] if i + 1 < len(self.doc_starts) else None

    def to_doc(self, offset: int) -> int | None:
        """The document position of text offset ``offset`` (None outside every block)."""
        i = bisect.bisect_right(self.text_starts, offset) - 1
        if i >= 0 and offset <= self.text_starts[i] + self.lengths[i]:
            return self.doc_starts[i] + offset - self.text_starts[i]
        return None

    def text_range(self, doc_start: int, doc_end: int) -> tuple[int, int] | None:
        """The text range covered by a document selection, or None if it holds no body text."""
        start = self.to_text(doc_start)
        end = self.to_text(doc_end, end=True)
        if start is None or end is None or end <= start:
            return None
        return start, end


@dataclass(slots=True)
class Rendered:
    """A rendered article: its document and the map from document positions to text offsets.

    Rendered with a budget, the document holds the article's first part only: ``more``
    appends the next part (the footnote list comes last), ``complete`` the rest.
    """

    document: QTextDocument
    positions: PositionMap
    rtl: bool
    pending: Iterator[None] | None = None

    def more(self) -> bool:
        """Render the next part; False when the whole article was already rendered."""
        if self.pending is None:
            return False
        if next(self.pending, _DONE) is _DONE:
            self.pending = None  # that was the last part (the footnote list)
        return True

    def complete(self) -> None:
        """Render whatever is left."""
        while self.more():
            pass

    @property
    def partial(self) -> bool:
        """True while part of the article is not rendered yet."""
        return self.pending is not None


_DONE = object()


def render(
    article: Article, palette: QPalette, *, base_size: float = 12.5, budget: int | None = None
) -> Rendered:
    """Lay out ``article``: header, body blocks with marks and highlights, then the footnotes.

    With a ``budget`` (characters of text), only about that much of the body is rendered
    now, and each ``Rendered.more`` adds as much again: a 50 MB article took a minute and
    gigabytes to render whole before the reader could show its first page.
    """
    rtl = is_rtl(article)
    doc = QTextDocument()
    font = QFont(RTL_FONT if rtl else READING_FONT)
    font.setPointSizeF(base_size + (2 if rtl else 0))
    doc.setDefaultFont(font)
    doc.setDocumentMargin(12)
    doc.setUndoRedoEnabled(False)  # a read-only view: an undo record of every insertion is waste
    cursor = QTextCursor(doc)
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    direction = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight

    def block_format(top: float = 0, bottom: float = 14) -> QTextBlockFormat:
        fmt = QTextBlockFormat()
        fmt.setLayoutDirection(direction)
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        fmt.setLineHeight(LINE_HEIGHT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        return fmt

    def char(size: float | None = None, weight: int | None = None) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if size is not None:
            fmt.setFontPointSize(size)
        if weight is not None:
            fmt.setFontWeight(weight)
        return fmt

    # Header: title, subtitle, byline, source.
    cursor.setBlockFormat(block_format(4, 6))
    cursor.insertText(article.title, char(base_size * 1.75, 600))
    if article.subtitle:
        cursor.insertBlock(block_format(0, 6))
        sub = char(base_size * 1.2)
        sub.setForeground(muted)
        cursor.insertText(article.subtitle, sub)
    byline = " · ".join(
        p for p in (", ".join(article.authors), article.site or "", article.published or "") if p
    )
    meta = char(base_size * 0.9)
    meta.setForeground(muted)
    # The source URL and file name are in the reader's provenance header, not in the page.
    if byline:
        cursor.insertBlock(block_format(2, 26))
        cursor.insertText(byline, meta)
    else:
        cursor.setBlockFormat(block_format(4 if cursor.blockNumber() == 0 else 0, 26))

    positions = PositionMap()
    rest = _body(
        article,
        palette=palette,
        cursor=cursor,
        positions=positions,
        block_format=block_format,
        char=char,
        base_size=base_size,
        budget=budget,
    )
    rendered = Rendered(doc, positions, rtl, rest)
    rendered.more()  # the first part now; with no budget, all of it
    return rendered


def _body(
    article: Article,
    *,
    palette: QPalette,
    cursor: QTextCursor,
    positions: PositionMap,
    block_format: Callable[..., QTextBlockFormat],
    char: Callable[..., QTextCharFormat],
    base_size: float,
    budget: int | None,
) -> Iterator[None]:
    """Insert the body blocks, then the footnotes; pause after each ``budget`` characters."""
    rtl = is_rtl(article)
    muted = palette.color(QPalette.ColorRole.PlaceholderText)
    link = palette.color(QPalette.ColorRole.Link)
    lists: dict[tuple[bool, int], QTextList] = {}
    previous: Block | None = None
    written = 0
    cursor.beginEditBlock()  # one layout pass per part, not one per block
    for block in _blocks(article):
        if budget is not None and written >= budget:
            cursor.endEditBlock()
            yield
            cursor.beginEditBlock()
            written = 0
        written += block.end - block.start
        fmt = block_format()
        chars = QTextCharFormat()
        if block.kind == "heading":
            level = block.level or 2
            fmt.setTopMargin(12)
            fmt.setBottomMargin(8)
            chars.setFontPointSize(base_size * max(1.05, 1.5 - 0.12 * (level - 1)))
            chars.setFontWeight(600)
        elif block.kind == "blockquote":
            fmt.setLeftMargin(28)
            fmt.setRightMargin(28)
            chars.setForeground(muted)
            chars.setFontItalic(not rtl)
        elif block.kind == "preformatted":
            fmt.setNonBreakableLines(True)
            fmt.setBackground(palette.color(QPalette.ColorRole.AlternateBase))
            chars.setFontFamilies([MONO_FONT])
            chars.setFontPointSize(base_size * 0.85)
        elif block.kind == "list_item":
            fmt.setBottomMargin(4)
        cursor.insertBlock(fmt, chars)
        if block.kind == "list_item":
            key = (block.ordered, block.level or 1)
            if previous is None or previous.kind != "list_item":
                lists.clear()
            if key in lists:
                lists[key].add(cursor.block())
            else:
                style = (
                    QTextListFormat.Style.ListDecimal
                    if block.ordered
                    else QTextListFormat.Style.ListDisc
                )
                list_format = QTextListFormat()
                list_format.setStyle(style)
                list_format.setIndent(key[1])
                lists[key] = cursor.createList(list_format)
        positions.add(cursor.position(), block.start, block.end - block.start)
        _insert_spans(cursor, article, block, chars, link)
        previous = block

    if article.footnotes:
        cursor.insertBlock(block_format(28, 10))
        heading = char(base_size * 1.1, 600)
        cursor.insertText("پی‌نوشت‌ها" if rtl else "Notes", heading)
        small = char(base_size * 0.92)
        for fn in article.footnotes:
            cursor.insertBlock(block_format(0, 8))
            label = QTextCharFormat(small)
            label.setAnchor(True)
            label.setAnchorNames([f"fn-{fn.label}"])
            label.setAnchorHref(f"{BACK_SCHEME}:{fn.label}")
            label.setForeground(link)
            cursor.insertText(f"{fn.label}.", label)
            cursor.insertText(f" {fn.text}", small)
    cursor.endEditBlock()


def _blocks(article: Article) -> list[Block]:
    if article.blocks:
        return sorted(article.blocks, key=lambda b: b.start)
    blocks, start = [], 0
    for part in article.text.split("\n\n"):
        if part.strip():
            blocks.append(Block("paragraph", start, start + len(part)))
        start += len(part) + 2
    return blocks


def _insert_spans(
    cursor: QTextCursor, article: Article, block: Block, base: QTextCharFormat, link: QColor
) -> None:
    marks = [m for m in article.marks if m.start < block.end and m.end > block.start]
    lights = [
        h
        for h in article.highlights
        if not h.orphaned and h.start < block.end and h.end > block.start
    ]
    cuts = {block.start, block.end}
    spans = [(m.start, m.end) for m in marks] + [(h.start, h.end) for h in lights]
    for span in spans:
        cuts.update(x for x in span if block.start < x < block.end)
    edges = sorted(cuts)
    for lo, hi in itertools.pairwise(edges):
        fmt = QTextCharFormat(base)
        for mark in marks:
            if mark.start <= lo and hi <= mark.end:
                _apply_mark(fmt, mark, link)
        covering = [h for h in lights if h.start <= lo and hi <= h.end]
        if covering:
            _apply_highlights(fmt, covering)
        # One character per character: a line break inside a block stays in the block.
        cursor.insertText(article.text[lo:hi].replace("\n", "\u2028"), fmt)


def _apply_mark(fmt: QTextCharFormat, mark: Mark, link: QColor) -> None:
    if mark.kind == "emphasis":
        fmt.setFontItalic(True)
    elif mark.kind == "strong":
        fmt.setFontWeight(QFont.Weight.DemiBold)
    elif mark.kind == "code":
        fmt.setFontFamilies([MONO_FONT])
    elif mark.kind == "link" and mark.href:
        fmt.setAnchor(True)
        fmt.setAnchorHref(mark.href)
        fmt.setForeground(link)
        fmt.setFontUnderline(True)
    elif mark.kind == "footnote" and mark.label is not None:
        fmt.setAnchor(True)
        fmt.setAnchorHref(f"{FOOTNOTE_SCHEME}:{mark.label}@{mark.start}")
        fmt.setAnchorNames([f"ref-{mark.start}"])
        fmt.setForeground(link)
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)


def _apply_highlights(fmt: QTextCharFormat, covering: list[Highlight]) -> None:
    if len(covering) == 1:
        fmt.setBackground(highlight_color(covering[0].color))
    else:
        # Overlaps: the colours mixed and more opaque, underlined in the innermost's colour.
        colors = [highlight_color(h.color) for h in covering]
        mixed = QColor(
            sum(c.red() for c in colors) // len(colors),
            sum(c.green() for c in colors) // len(colors),
            sum(c.blue() for c in colors) // len(colors),
            min(255, HIGHLIGHT_ALPHA + 60),
        )
        fmt.setBackground(mixed)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(highlight_color(covering[-1].color, 255).darker(130))
    fmt.setProperty(QTextFormat.Property.UserProperty, ",".join(str(h.id) for h in covering))
