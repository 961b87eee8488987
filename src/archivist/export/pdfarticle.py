"""One article of the dossier as flowables: blocks with marks and painted highlights, notes."""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, Paragraph, Spacer

from archivist.export.citeparts import Entry
from archivist.export.pdfstyles import (
    LINK_COLOR,
    Styles,
    clean,
    inline,
    markup_color,
    safe_href,
)
from archivist.export.rtl import Run, inline_arabic, rtl_markup
from archivist.model import Article, Block, Footnote, Highlight, Mark, Note
from archivist.text import is_rtl

FRAME_WIDTH = 451.0
"""Text width of the A4 page frame in points (set by the document template)."""


@dataclass(frozen=True, slots=True)
class ArticleOptions:
    """What of an article goes into the dossier."""

    colors: frozenset[str] | None = None
    """Highlight colours to keep (None: all; empty: none)."""
    tags: frozenset[str] | None = None
    """Keep only highlights carrying one of these tags, or on an article that does (None: all)."""
    excerpts_only: bool = False
    include_article_notes: bool = True


@dataclass(slots=True)
class _Ctx:
    article: Article
    prefix: str
    styles: Styles
    meanings: Mapping[str, str]
    highlights: list[Highlight]
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    marker_seen: dict[str, int] = field(default_factory=dict)
    styled: Mapping[str, Entry] = field(default_factory=dict)
    """Footnotes in the citation style, by label (the dossier's "notes in the style")."""


def selected_highlights(article: Article, options: ArticleOptions) -> list[Highlight]:
    """The article's highlights that the dossier's colour and tag filters keep.

    Colours and tags match regardless of case, as the archive stores and looks them up.
    """
    colors = None if options.colors is None else {c.strip().lower() for c in options.colors}
    tags = None if options.tags is None else {t.strip().casefold() for t in options.tags}
    article_tagged = tags is not None and any(t.casefold() in tags for t in article.tags)
    kept = []
    for h in article.highlights:
        if colors is not None and h.color.lower() not in colors:
            continue
        if tags is None or article_tagged or any(t.casefold() in tags for t in h.tags):
            kept.append(h)
    return kept


def paragraph(markup: str, style: ParagraphStyle) -> Paragraph:
    """A Paragraph of markup that this module built (every text part already escaped)."""
    return Paragraph(markup, style)


def text_paragraph(text: str, s: Styles, ltr: ParagraphStyle, rtl: ParagraphStyle) -> Paragraph:
    """A paragraph of untrusted plain text, laid out right to left when it is RTL."""
    return styled_paragraph([Run(clean(text))], s, ltr, rtl)


def styled_paragraph(
    runs: Sequence[Run], s: Styles, ltr: ParagraphStyle, rtl: ParagraphStyle, lead: str = ""
) -> Paragraph:
    """A paragraph of runs; RTL text is shaped and wrapped line by line, LTR text escaped.

    ``lead`` is markup this module built, set on a line of its own before RTL text.
    """
    text = "".join(r.text for r in runs)
    if is_rtl(text):
        # A little slack: bold or italic runs are a touch wider than the regular face measured.
        avail = (FRAME_WIDTH - rtl.leftIndent - rtl.rightIndent) * 0.96
        anchors = "".join(r.prefix for r in runs if not r.text)
        body = rtl_markup([r for r in runs if r.text], s.measure_font(rtl), rtl.fontSize, avail)
        return Paragraph(anchors + (lead + "<br/>" if lead else "") + body, rtl)
    arabic = s.fonts.arabic
    return Paragraph(
        lead + "".join(r.prefix + inline_arabic(r.text, arabic) + r.suffix for r in runs), ltr
    )


def article_flowables(
    article: Article,
    number: int,
    s: Styles,
    meanings: Mapping[str, str],
    options: ArticleOptions,
    *,
    styled: Mapping[str, Entry] | None = None,
) -> list[Flowable]:
    """The flowables of one article: heading, metadata, notes, text, footnotes, orphans.

    ``styled`` gives footnotes (by label) in the citation style instead of the source's words.
    """
    prefix = f"a{number}"
    highlights = selected_highlights(article, options)
    ctx = _Ctx(article, prefix, s, meanings, [h for h in highlights if not h.orphaned])
    ctx.styled = styled or {}
    ctx.footnotes = {fn.label: fn for fn in article.footnotes}
    story: list[Flowable] = []
    story.extend(_metadata(article, s))
    if options.include_article_notes:
        for note in article.notes:
            label = (
                "Note"
                if note.footnote_label is None
                else f"Note on footnote [{note.footnote_label}]"
            )
            story.append(_user_note(label, note, s, s.note, s.note_rtl))
    if options.excerpts_only:
        story.extend(_excerpts(ctx))
    else:
        for block in bounded_blocks(article.blocks or (_whole_text(article),), article.text):
            story.extend(_block(ctx, block))
    orphans = [h for h in highlights if h.orphaned]
    if orphans:
        story.append(paragraph("Highlights no longer found in the text", s.h3))
        for h in orphans:
            story.append(text_paragraph(f"“{h.exact}”", s, s.quote, s.quote_rtl))
            story.extend(_highlight_notes(ctx, h))
    if article.footnotes:
        story.append(paragraph("Footnotes", s.h2))
        for fn in article.footnotes:
            story.extend(_footnote(ctx, fn))
    return story


MAX_BLOCK_CHARS = 3000
"""Longest run of text laid out as one paragraph; longer blocks are set as several.

ReportLab splits a paragraph across pages by re-wrapping what is left of it, page after
page: an article that is one line of 1 MB did not finish in five minutes. In pieces of this
size a page holds a piece or two, and the layout is linear in the text.
"""


def bounded_blocks(blocks: Sequence[Block], text: str) -> Iterator[Block]:
    """The blocks, each longer than MAX_BLOCK_CHARS cut at spaces (or lines) into pieces."""
    for block in blocks:
        if block.end - block.start <= MAX_BLOCK_CHARS:
            yield block
            continue
        gap = "\n" if block.kind == "preformatted" else " "
        start = block.start
        while start < block.end:
            end = min(start + MAX_BLOCK_CHARS, block.end)
            if end < block.end:
                cut = text.rfind(gap, start + MAX_BLOCK_CHARS // 2, end)
                end = cut + 1 if cut > start else end
            yield replace(block, start=start, end=end)
            start = end


def _whole_text(article: Article) -> Block:
    return Block("paragraph", 0, len(article.text))


def _metadata(article: Article, s: Styles) -> list[Flowable]:
    parts = [", ".join(article.authors), article.site or "", article.published or ""]
    # A Persian or Arabic article's byline, link and tags sit under its title, on the right.
    meta = s.meta_rtl if is_rtl(article.title) else s.meta
    out: list[Flowable] = []
    if article.subtitle:
        out.append(text_paragraph(article.subtitle, s, s.h3, s.h3))
    line = " · ".join(inline(p, s.fonts) for p in parts if p)
    if line:
        out.append(paragraph(line, meta))
    if article.url:
        href = safe_href(article.url)
        shown = escape(clean(article.url))
        out.append(
            paragraph(f'<a href="{href}" color="{LINK_COLOR}">{shown}</a>' if href else shown, meta)
        )
    if article.tags:
        out.append(paragraph("Tags: " + ", ".join(inline(t, s.fonts) for t in article.tags), meta))
    out.append(Spacer(1, 6))
    return out


def _block(ctx: _Ctx, block: Block) -> list[Flowable]:
    s = ctx.styles
    if block.kind == "heading":
        style = s.h2 if (block.level or 2) <= 2 else s.h3
        ltr, rtl = style, style
    elif block.kind == "blockquote":
        ltr, rtl = s.quote, s.quote_rtl
    elif block.kind == "preformatted":
        text = clean(ctx.article.text[block.start : block.end])
        lines = [
            inline_arabic(line, s.fonts.arabic).replace(" ", "&nbsp;") for line in text.split("\n")
        ]
        return [Paragraph("<br/>".join(lines), s.pre)]
    else:
        ltr, rtl = s.body, s.body_rtl
    runs = _runs(ctx, block.start, block.end)
    if block.kind == "list_item":
        depth = max(block.level or 1, 1)
        bullet = "•"
        ltr = ParagraphStyle(f"item{depth}", parent=s.item, leftIndent=18 * depth)
        runs = [Run(f"{bullet} "), *runs]
    out: list[Flowable] = [styled_paragraph(runs, s, ltr, rtl)]
    for h in ctx.highlights:
        if block.start < h.end <= block.end or (h.end == block.start == block.end):
            out.extend(_highlight_notes(ctx, h))
    return out


def _runs(ctx: _Ctx, start: int, end: int) -> list[Run]:
    """The block's text cut at every mark and highlight boundary, each piece with its tags."""
    text = ctx.article.text
    marks = [m for m in ctx.article.marks if m.start < end and m.end > start]
    lights = [h for h in ctx.highlights if h.start < end and h.end > start]
    cuts = {start, end}
    for lo, hi in [(m.start, m.end) for m in marks] + [(h.start, h.end) for h in lights]:
        cuts.update(p for p in (lo, hi) if start < p < end)
    points = sorted(cuts)
    runs: list[Run] = []
    for a, b in itertools.pairwise(points):
        active = [m for m in marks if m.start <= a and m.end >= b]
        light = next((h for h in reversed(lights) if h.start <= a and h.end >= b), None)
        opening, closing = _tags(ctx, active, light, a)
        runs.append(Run(clean(text[a:b]), opening, closing))
    return runs


def _tags(ctx: _Ctx, marks: list[Mark], light: Highlight | None, at: int) -> tuple[str, str]:
    opening: list[str] = []
    closing: list[str] = []

    def wrap(open_tag: str, close_tag: str) -> None:
        opening.append(open_tag)
        closing.insert(0, close_tag)

    if light is not None:
        wrap(f'<span backColor="{markup_color(light.color)}">', "</span>")
    for m in marks:
        if m.kind == "strong":
            wrap("<b>", "</b>")
        elif m.kind == "emphasis":
            wrap("<i>", "</i>")
        elif m.kind == "code":
            wrap(f'<font name="{ctx.styles.fonts.mono}">', "</font>")
        elif m.kind == "link" and m.href and safe_href(m.href):
            wrap(f'<a href="{safe_href(m.href)}" color="{LINK_COLOR}">', "</a>")
        elif m.kind == "footnote" and m.label in ctx.footnotes and m.start == at:
            label = m.label
            n = ctx.marker_seen.get(label, 0)
            ctx.marker_seen[label] = n + 1
            anchor = f'<a name="{ctx.prefix}-m-{_key(label)}-{n}"/>'
            wrap(
                f'{anchor}<a href="#{ctx.prefix}-fn-{_key(label)}" color="{LINK_COLOR}">',
                "</a>",
            )
        elif m.kind == "footnote" and m.label in ctx.footnotes:
            wrap(f'<a href="#{ctx.prefix}-fn-{_key(m.label)}" color="{LINK_COLOR}">', "</a>")
    return "".join(opening), "".join(closing)


def _key(label: str) -> str:
    """A footnote label as a safe anchor name."""
    return "".join(c if c.isalnum() else f"_{ord(c):x}" for c in label)


def _highlight_notes(ctx: _Ctx, h: Highlight) -> list[Flowable]:
    s = ctx.styles
    meaning = ctx.meanings.get(h.color, "") or h.color
    swatch = f'<span backColor="{markup_color(h.color)}">&nbsp;&nbsp;&nbsp;</span>'
    tags = f" [{', '.join(h.tags)}]" if h.tags else ""
    out: list[Flowable] = []
    for note in h.notes:
        label = f"{meaning}{tags}"
        head = f"{swatch} <b>{inline(label, s.fonts)}</b>"
        out.append(_note_paragraph(head, note.text, s, s.note, s.note_rtl))
    return out


def _user_note(
    label: str, note: Note, s: Styles, ltr: ParagraphStyle, rtl: ParagraphStyle
) -> Paragraph:
    return _note_paragraph(f"<b>{inline(label, s.fonts)}</b>", note.text, s, ltr, rtl)


def _note_paragraph(
    head: str, text: str, s: Styles, ltr: ParagraphStyle, rtl: ParagraphStyle
) -> Paragraph:
    body = clean(text).strip()
    if is_rtl(body):
        return styled_paragraph([Run(body)], s, ltr, rtl, lead=head + ":")
    lines = [inline_arabic(line, s.fonts.arabic) for line in body.split("\n")]
    return Paragraph(f"{head}: " + "<br/>".join(lines), ltr)


def _footnote(ctx: _Ctx, fn: Footnote) -> list[Flowable]:
    s = ctx.styles
    key = _key(fn.label)
    anchor = f'<a name="{ctx.prefix}-fn-{key}"/>'
    label = escape(clean(fn.label))
    back = ""
    if fn.markers and ctx.marker_seen.get(fn.label):
        target = f"#{ctx.prefix}-m-{key}-0"
        back = f' <a href="{target}" color="{LINK_COLOR}"><font size="7">back</font></a>'
    styled = ctx.styled.get(fn.label)
    text = clean(styled.plain() if styled else fn.text)
    if is_rtl(text):
        runs = [Run("", anchor), Run(f"{fn.label}. ")]
        runs += entry_runs(styled) if styled else [Run(text)]
        out: list[Flowable] = [styled_paragraph(runs, s, s.footnote, s.footnote_rtl)]
    else:
        body = (
            "".join(
                r.prefix + inline_arabic(r.text, s.fonts.arabic) + r.suffix
                for r in entry_runs(styled)
            )
            if styled
            else inline_arabic(text, s.fonts.arabic)
        )
        out = [Paragraph(f"{anchor}{label}.&nbsp;{body}{back}", s.footnote)]
    for note in fn.notes:
        out.append(_user_note("Your note", note, s, s.user_note, s.user_note_rtl))
    return out


def entry_runs(entry: Entry) -> list[Run]:
    """A formatted reference's runs: its italic parts in ``<i>``, every text part cleaned."""
    return [
        Run(clean(seg.text), "<i>" if seg.italic else "", "</i>" if seg.italic else "")
        for seg in entry.segments
    ]


def _excerpts(ctx: _Ctx) -> list[Flowable]:
    s = ctx.styles
    out: list[Flowable] = []
    for h in ctx.highlights:
        runs = [Run(clean(h.exact), f'<span backColor="{markup_color(h.color)}">', "</span>")]
        out.append(styled_paragraph(runs, s, s.quote, s.quote_rtl))
        out.extend(_highlight_notes(ctx, h))
    if not ctx.highlights:
        out.append(paragraph("<i>No highlights selected in this article.</i>", s.meta))
    return out
