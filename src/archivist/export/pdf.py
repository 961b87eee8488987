"""The dossier PDF: title page, contents, annotated articles, bibliography, sources appendix.

Speed: the story is laid out in one pass. The contents' entries (titles) are known before
layout, so the contents have their final height from the start; the page numbers of the
entries and the "of Y" of every footer are drawn as forms filled in when the PDF is saved
(``pdfnumbers``). Styles are built once, and every paragraph's markup (escaping, Arabic
shaping, bidi) is made once, when the story is built.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)

from archivist.export import pdfarticle
from archivist.export.citeparts import Entry
from archivist.export.pdfarticle import ArticleOptions, article_flowables, text_paragraph
from archivist.export.pdfnumbers import Contents, NumberingCanvas
from archivist.export.pdfstyles import Styles, clean, inline, outline_text, styles
from archivist.model import Article, ArticleId
from archivist.text import has_arabic_script, is_rtl

_PADDINGS = ("LEFTPADDING", "RIGHTPADDING", "TOPPADDING", "BOTTOMPADDING")
MARGIN = 2.2 * cm
FRAME_WIDTH = A4[0] - 2 * MARGIN
pdfarticle.FRAME_WIDTH = FRAME_WIDTH - 12  # the frame's own padding, 6 pt each side


@dataclass(frozen=True, slots=True)
class DossierMeta:
    """What the title page and the PDF's document information say."""

    title: str
    subtitle: str | None = None
    compiler: str | None = None
    introduction: str | None = None
    date: str = field(default_factory=lambda: dt.date.today().isoformat())
    keywords: tuple[str, ...] = ()


class _Heading(Paragraph):  # type: ignore[misc]
    """A heading that becomes a contents entry and a PDF bookmark."""

    def __init__(self, markup: str, style: Any, key: str, outline: str, level: int = 0) -> None:
        super().__init__(markup, style)
        self.bookmark_key = key
        self.outline = outline
        self.level = level
        self.toc_markup = markup


class DossierDocTemplate(BaseDocTemplate):  # type: ignore[misc]
    """A4 pages with a running header (the dossier's title) and a "page X of Y" footer."""

    def __init__(self, filename: Any, meta: DossierMeta, **kw: Any) -> None:
        super().__init__(
            filename,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=clean(meta.title),
            author=clean(meta.compiler or ""),
            subject=clean(meta.subtitle or "Dossier of annotated articles"),
            keywords=[clean(k) for k in meta.keywords],
            creator="Archivist",
            initialFontName=styles().fonts.serif,
            **kw,
        )
        self.meta = meta
        self.header = outline_text(meta.title)
        frame = Frame(self.leftMargin, self.bottomMargin, self.width, self.height, id="body")
        self.addPageTemplates(
            [
                PageTemplate(id="cover", frames=[frame], onPage=self._cover_page),
                PageTemplate(id="page", frames=[frame], onPage=self._page),
            ]
        )

    def build(
        self, flowables: list[Flowable], filename: Any = None, canvasmaker: Any = NumberingCanvas
    ) -> None:
        """Lay the story out in one pass on a canvas that fills in page numbers on save."""
        super().build(flowables, filename, canvasmaker)

    def afterFlowable(self, flowable: Flowable) -> None:
        """Headings become bookmarks, and their pages the contents' page numbers."""
        if isinstance(flowable, _Heading):
            canv = self.canv
            canv.bookmarkPage(flowable.bookmark_key)
            canv.addOutlineEntry(flowable.outline, flowable.bookmark_key, flowable.level, False)
            canv.record_heading(flowable.bookmark_key)

    def _cover_page(self, canv: Canvas, doc: Any) -> None:
        canv.setTitle(clean(self.meta.title))

    def _page(self, canv: Canvas, doc: Any) -> None:
        s = styles()
        canv.saveState()
        canv.setFont(s.measure_font(s.meta), 8)
        canv.setFillGray(0.35)
        header = self.header if len(self.header) <= 90 else self.header[:89] + "…"
        font = s.measure_font(s.body_rtl) if has_arabic_script(header) else s.measure_font(s.meta)
        canv.setFont(font, 8)
        canv.drawString(MARGIN, A4[1] - MARGIN + 14, header)
        canv.draw_page_footer(A4[0] - MARGIN, MARGIN - 20, s.measure_font(s.meta), 8, 0.35)
        canv.setLineWidth(0.3)
        canv.line(MARGIN, A4[1] - MARGIN + 10, A4[0] - MARGIN, A4[1] - MARGIN + 10)
        canv.restoreState()


def build_story(
    meta: DossierMeta,
    articles: Sequence[Article],
    bibliography: Sequence[Entry],
    meanings: Mapping[str, str],
    *,
    options: ArticleOptions | None = None,
    style_name: str = "",
    notes: Mapping[tuple[ArticleId | None, str], Entry] | None = None,
) -> list[Flowable]:
    """The whole dossier as flowables, in order; inspectable without rendering.

    ``notes`` are citing footnotes in the citation style (by article id and label), printed
    in place of the source's words when the dossier asks for them.
    """
    s = styles()
    options = options or ArticleOptions()
    story: list[Flowable] = [NextPageTemplate("page")]
    story.extend(_title_page(meta, len(articles), s))
    body: list[Flowable] = []
    for n, article in enumerate(articles, start=1):
        key = f"article-{n}"
        body.append(PageBreak())
        markup = inline(article.title, s.fonts) or "(untitled)"
        style = _right(s.h1, s) if is_rtl(article.title) else s.h1
        heading = _Heading(markup, style, key, clean(article.title) or "(untitled)")
        body.append(heading)
        styled = {label: note for (aid, label), note in (notes or {}).items() if aid == article.id}
        body.extend(article_flowables(article, n, s, meanings, options, styled=styled))
    body.append(PageBreak())
    body.append(_Heading("Bibliography", s.h1, "bibliography", "Bibliography"))
    if style_name:
        body.append(Paragraph(escape(style_name), s.meta))
    for entry in bibliography:
        body.append(_entry_paragraph(entry, s))
    body.append(CondPageBreak(6 * cm))
    body.append(_Heading("Sources", s.h1, "sources", "Sources"))
    body.extend(_sources(articles, s))
    # Every heading after the contents is an entry; only page numbers wait for layout.
    contents = _Heading("Contents", s.h1, "contents", "Contents")
    headings = [f for f in body if isinstance(f, _Heading)]
    entries = [(h.level, h.toc_markup, h.bookmark_key) for h in headings]
    story.append(contents)
    # The contents are a Table whose default cell font is the unembedded Helvetica.
    table_style = TableStyle(
        [("FONTNAME", (0, 0), (-1, -1), s.fonts.serif), ("VALIGN", (0, 0), (-1, -1), "TOP")]
        + [(pad, (0, 0), (-1, -1), 0) for pad in _PADDINGS]
    )
    story.append(Contents(entries, levelStyles=[s.toc1], dotsMinLevel=0, tableStyle=table_style))
    story.extend(body)
    return story


def _title_page(meta: DossierMeta, count: int, s: Styles) -> list[Flowable]:
    out: list[Flowable] = [Spacer(1, 5 * cm)]
    out.append(text_paragraph(meta.title, s, s.title, _centred(s.title, s)))
    if meta.subtitle:
        out.append(Spacer(1, 8))
        out.append(text_paragraph(meta.subtitle, s, s.subtitle, _centred(s.subtitle, s)))
    out.append(Spacer(1, 2 * cm))
    if meta.compiler:
        out.append(Paragraph("Compiled by " + inline(meta.compiler, s.fonts), s.cover))
    out.append(Paragraph(escape(meta.date), s.cover))
    noun = "article" if count == 1 else "articles"
    out.append(Paragraph(f"{count} {noun}", s.cover))
    if meta.introduction:
        out.append(Spacer(1, 1.5 * cm))
        for para in clean(meta.introduction).split("\n\n"):
            if para.strip():
                out.append(text_paragraph(" ".join(para.split()), s, s.body, s.body_rtl))
    out.append(PageBreak())
    return out


def _right(style: Any, s: Styles) -> Any:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(style.name + "-r", parent=style, alignment=TA_RIGHT)


def _centred(style: Any, s: Styles) -> Any:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle

    return ParagraphStyle(
        style.name + "-rtlc", parent=style, fontName=s.fonts.arabic, alignment=TA_CENTER
    )


def _entry_paragraph(entry: Entry, s: Styles) -> Paragraph:
    return pdfarticle.styled_paragraph(pdfarticle.entry_runs(entry), s, s.biblio, s.biblio_rtl)


def _sources(articles: Sequence[Article], s: Styles) -> list[Flowable]:
    out: list[Flowable] = [
        Paragraph(
            "The archived originals these articles were extracted from; the SHA-256 digest "
            "identifies each file exactly.",
            s.meta,
        )
    ]
    for n, article in enumerate(articles, start=1):
        src = article.source
        title = Paragraph(f"<b>{n}.</b> " + inline(article.title, s.fonts), s.biblio)
        if src is None:
            record = Paragraph("No archived original.", s.meta)
        else:
            captured = (src.imported_at or "unknown")[:10]
            lines = [
                f"File: {inline(src.filename, s.fonts)}",
                f"Format: {escape(src.format)} ({escape(src.encoding)}), {src.size:,} bytes",
                f"Captured: {escape(captured)}",
                f"SHA-256: <font size=7.5>{escape(src.sha256)}</font>",
            ]
            record = Paragraph("<br/>".join(lines), s.user_note)
        # One record is never split: a digest alone atop a page cannot be told whose it is.
        out.append(KeepTogether([title, record]))
    return out


def render_pdf(story: list[Flowable], meta: DossierMeta, path: str | os.PathLike[str]) -> Path:
    """Lay the story out into a PDF file in one pass, consuming the story (it ends empty).

    Each flowable is dropped from the list once it is on a page, so the laid-out paragraphs
    do not all stay in memory until the end (that halves the peak for a long dossier).
    """
    target = Path(path)
    doc = DossierDocTemplate(str(target), meta)
    doc.build(story)
    return target


def contents_entries(story: Sequence[Flowable]) -> list[str]:
    """The contents entries of a story, as their bookmarks read (for tests and summaries)."""
    return [f.outline for f in story if isinstance(f, _Heading) and f.bookmark_key != "contents"]


__all__ = [
    "FRAME_WIDTH",
    "DossierDocTemplate",
    "DossierMeta",
    "build_story",
    "contents_entries",
    "render_pdf",
]
