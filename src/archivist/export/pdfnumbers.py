"""Page numbers known only at the end of a one-pass build: contents numbers and "of Y" totals.

A page is drawn before the pages after it exist, so the number of the page a later heading
lands on, and the total page count, are unknown while it is drawn. Instead of a second layout
pass, the page draws a PDF form XObject by name where the number goes (ReportLab lets a form be
used before it is defined), and the canvas defines every such form in ``save()``, when all
numbers are known. Pages are still closed as they are finished, so bookmarks and links bind to
the right pages (keeping whole page states until the end, as the usual "NumberedCanvas" does,
would bind them all to one page).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Spacer, Table
from reportlab.platypus.tableofcontents import TableOfContents

_DOTS = " . "
_ENTRY_END = "archivistContentsEnd"


@dataclass(frozen=True, slots=True)
class _Footer:
    """Where a page's "page X of Y" goes: right-aligned at ``x``, baseline ``y``."""

    page: int
    x: float
    y: float
    font: str
    size: float
    gray: float


@dataclass(frozen=True, slots=True)
class _EntryEnd:
    """The end of a contents entry: its text stops at ``x`` on baseline ``y`` (entry space)."""

    key: str
    x: float
    y: float
    width: float
    style: ParagraphStyle
    dots: bool


class NumberingCanvas(Canvas):  # type: ignore[misc]
    """A canvas that fills in page numbers unknown until the last page, when it is saved."""

    def __init__(self, *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        self.heading_pages: dict[str, int] = {}
        self._footers: list[_Footer] = []
        self._entry_ends: list[_EntryEnd] = []

    def record_heading(self, key: str) -> None:
        """Note that the heading with this bookmark key is on the current page."""
        self.heading_pages.setdefault(key, self.getPageNumber())

    def draw_page_footer(self, x: float, y: float, font: str, size: float, gray: float) -> None:
        """Draw "page X of Y" right-aligned at (x, y) on this page; Y is filled in on save."""
        footer = _Footer(self.getPageNumber(), x, y, font, size, gray)
        self._footers.append(footer)
        self.doForm(f"footer-{footer.page}")

    def draw_entry_end(self, key: str, width: float, style: ParagraphStyle, dots: bool) -> None:
        """At the end of a contents entry being drawn, place its (dots and) page number."""
        # Where the entry's text stopped: ReportLab's own contents read the same attribute.
        info = self._curr_tx_info
        end = _EntryEnd(key, info["cur_x"], info["cur_y"], width, style, dots)
        self._entry_ends.append(end)
        self.doForm(f"entry-{len(self._entry_ends)}")
        self.linkRect("", key, (end.x, end.y, width, end.y + style.leading), relative=1)

    def save(self) -> None:
        """Define the number forms now that every page is known, then write the file."""
        if len(self._code):
            self.showPage()
        total = self.getPageNumber() - 1
        for f in self._footers:
            self._begin_form(f"footer-{f.page}")
            self.setFont(f.font, f.size)
            self.setFillGray(f.gray)
            self.drawRightString(f.x, f.y, f"page {f.page} of {total}")
            self.endForm()
        for n, end in enumerate(self._entry_ends, start=1):
            self._begin_form(f"entry-{n}")
            page = self.heading_pages.get(end.key)
            if page is not None:
                self._draw_dots_and_page(end, str(page))
            self.endForm()
        # Binary streams: ASCII85 makes the file a quarter larger and, in pure Python, takes
        # about a twentieth of the export's time. The setting is read only while saving.
        a85 = rl_config.useA85
        rl_config.useA85 = 0
        try:
            super().save()
        finally:
            rl_config.useA85 = a85

    def _begin_form(self, name: str) -> None:
        # Forms are drawn in the coordinates of the place that uses them, which may lie
        # outside the page box (a table cell's origin); the box must not clip them.
        w, h = self._pagesize
        self.beginForm(name, lowerx=-w, lowery=-h, upperx=2 * w, uppery=2 * h)

    def _draw_dots_and_page(self, end: _EntryEnd, number: str) -> None:
        """Dot leaders and the page number, flush right (as ReportLab's own contents draw)."""
        font, size = end.style.fontName, end.style.fontSize
        free = end.width - end.x
        number_width = stringWidth(number, font, size)
        while number_width > free and size >= 1.0:
            size *= 0.9
            number_width = stringWidth(number, font, size)
        dot_width = stringWidth(_DOTS, font, size)
        dots = max(int((free - number_width) / dot_width), 0) if end.dots else 0
        text = self.beginText(end.width - dots * dot_width - number_width, end.y)
        text.setFont(font, size)
        text.setFillColor(end.style.textColor)
        text.textLine(dots * _DOTS + number)
        self.drawText(text)


class Contents(TableOfContents):  # type: ignore[misc]
    """The table of contents, its entries known before layout and its page numbers after."""

    def __init__(self, entries: list[tuple[int, str, str]], **kw: Any) -> None:
        super().__init__(**kw)
        self.entries = entries
        """(level, title markup, bookmark key) of each entry, in order."""

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """Lay the entries out as a one-column table; numbers are left to the canvas."""

        def entry_end(canvas: NumberingCanvas, kind: str, label: str) -> None:
            level, key = label.split(",", 1)
            dots = 0 <= self.dotsMinLevel <= int(level)
            canvas.draw_entry_end(key, availWidth, self.getLevelStyle(int(level)), dots)

        self.canv.setNamedCB(_ENTRY_END, entry_end)
        rows: list[list[Any]] = []
        for level, text, key in self.entries:
            style = self.getLevelStyle(level)
            markup = (
                f'<a href="#{key}">{text}</a><onDraw name="{_ENTRY_END}" label="{level},{key}"/>'
            )
            if style.spaceBefore:
                rows.append([Spacer(1, style.spaceBefore)])
            rows.append([Paragraph(markup, style)])
        self._table = Table(rows, colWidths=(availWidth,), style=self.tableStyle)
        self.width, self.height = self._table.wrapOn(self.canv, availWidth, availHeight)
        return self.width, self.height

    def isIndexing(self) -> int:
        """Not a multi-pass index: one build fills in its numbers."""
        return 0
