"""Render a content element into the document model: text, blocks and inline marks."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

from lxml import etree

from archivist.ingest.text.decode import clean_text
from archivist.ingest.text.heap import release_freed_memory
from archivist.model import Block, BlockKind, Mark, MarkKind

FOOTNOTE_TAG = "archivist-fn"
"""Placeholder element the footnote finder leaves where a marker stood; its label attribute."""

_BLANK_RUN = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
_BLANK_LEAD = re.compile(r"^(?:[ \t]*\n)+")
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "main", "header", "footer", "blockquote", "pre",
        "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td",
        "th", "caption", "figure", "figcaption", "address", "details", "summary", "hr",
        "center", "fieldset", "legend", "body", "html", "menu", "hgroup", "form",
        *_HEADINGS,
    }
)  # fmt: skip
_INLINE_MARKS: dict[str, MarkKind] = {
    "em": "emphasis",
    "i": "emphasis",
    "cite": "emphasis",
    "dfn": "emphasis",
    "strong": "strong",
    "b": "strong",
    "code": "code",
    "kbd": "code",
    "samp": "code",
    "tt": "code",
}
RELEASE_EVERY_CHARS = 16 * 1024 * 1024
"""While consuming a tree, freed memory is given back each time this much text is added."""
_SKIP = frozenset({"script", "style", "noscript", "template", "head", "title", "img", "svg"})


@dataclass(frozen=True, slots=True)
class Rendered:
    """Text, blocks, marks and the offsets of each footnote label's markers."""

    text: str
    blocks: tuple[Block, ...]
    marks: tuple[Mark, ...]
    markers: dict[str, list[int]] = field(default_factory=dict)


@dataclass(slots=True)
class _Context:
    kind: BlockKind = "paragraph"
    level: int | None = None
    ordered: bool = False
    pre: bool = False


class _Builder:
    """Accumulates one block's inline text and marks, then commits it to the article text."""

    def __init__(self, *, consume: bool = False) -> None:
        self.consume = consume
        self.released_at = 0
        self.parts: list[str] = []
        self.length = 0
        self.buffer: list[str] = []
        self.buffer_len = 0
        self.space = True
        self.pending: list[tuple[MarkKind, int, int, str | None, str | None]] = []
        self.blocks: list[Block] = []
        self.marks: list[Mark] = []
        self.markers: dict[str, list[int]] = {}
        self.commits = 0
        # One string per distinct href and label: a long page repeats the same few (#fn1...)
        # on every paragraph, and a copy per mark was a tenth of a big page's marks' memory.
        self.names: dict[str, str] = {}

    def add(self, text: str, pre: bool) -> None:
        if not text:
            return
        if pre:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            # Keep the text's contract (blocks never hold an empty paragraph) inside pre too.
            text = _BLANK_RUN.sub("\n\n", text)
            self.buffer.append(text)
            self.buffer_len += len(text)
            self.space = text.endswith((" ", "\n"))
            return
        core = " ".join(text.split())
        lead = " " if text[0].isspace() and not self.space else ""
        trail = " " if text[-1].isspace() and core else ""
        text = f"{lead}{core}{trail}" if (lead or trail) else core
        if text:
            self.buffer.append(text)
            self.buffer_len += len(text)
            self.space = text.endswith(" ")

    def newline(self) -> None:
        if self.buffer_len:
            if self.space and self.buffer[-1].endswith(" "):
                self.buffer[-1] = self.buffer[-1][:-1]
                self.buffer_len -= 1
            self.buffer.append("\n")
            self.buffer_len += 1
            self.space = True

    def mark(self, kind: MarkKind, start: int, commits: int, href: str | None = None) -> None:
        if commits == self.commits and self.buffer_len > start:
            if href is not None:
                href = self.names.setdefault(href, href)
            self.pending.append((kind, start, self.buffer_len, href, None))

    def footnote(self, label: str) -> None:
        label = self.names.setdefault(label, label)
        start = self.buffer_len
        self.add(f"[{label}]", True)
        self.space = False
        self.pending.append(("footnote", start, self.buffer_len, None, label))

    def commit(self, ctx: _Context) -> None:
        raw = "".join(self.buffer)
        body = _BLANK_LEAD.sub("", raw).rstrip() if ctx.pre else raw.strip()
        lead = len(raw) - len(_BLANK_LEAD.sub("", raw) if ctx.pre else raw.lstrip())
        if body:
            if self.parts:
                self.parts.append("\n\n")
                self.length += 2
            start = self.length
            self.parts.append(body)
            self.length += len(body)
            kind: BlockKind = "preformatted" if ctx.pre else ctx.kind
            self.blocks.append(Block(kind, start, self.length, ctx.level, ctx.ordered))
            for kind_, s, e, href, label in self.pending:
                s2 = max(0, min(len(body), s - lead))
                e2 = max(0, min(len(body), e - lead))
                if e2 > s2:
                    self.marks.append(Mark(kind_, start + s2, start + e2, href, label))
                    if kind_ == "footnote" and label is not None:
                        self.markers.setdefault(label, []).append(start + s2)
        self.buffer, self.buffer_len, self.space, self.pending = [], 0, True, []
        self.commits += 1
        if self.consume and self.length - self.released_at >= RELEASE_EVERY_CHARS:
            # The elements rendered so far are freed: give their memory back as the text grows.
            self.released_at = self.length
            release_freed_memory()


def render(element: etree._Element, *, consume: bool = False) -> Rendered:
    """The document-model rendering of an element's content.

    With ``consume``, each child is removed once rendered, so a big page's tree shrinks as
    its text grows instead of both being held in full (the element is left empty).
    """
    builder = _Builder(consume=consume)
    _walk(element, builder, _Context(), list_depth=0, quote=False)
    builder.commit(_Context())
    marks = sorted(builder.marks, key=lambda m: (m.start, -m.end))
    rendered = Rendered(
        "".join(builder.parts), tuple(builder.blocks), tuple(marks), builder.markers
    )
    return _without_controls(rendered)


def _without_controls(r: Rendered) -> Rendered:
    """Drop control and stray format characters from the text, shifting every offset to match."""
    if r.text.isascii():
        return r
    text = clean_text(r.text)
    if text == r.text:
        return r
    spans = _deleted_spans(r.text, text)
    if spans is None:  # cleaning did more than delete characters: keep the text as rendered
        return r
    starts = [s for s, _ in spans]
    removed_before: list[int] = []
    total = 0
    for s, e in spans:
        total += e - s
        removed_before.append(total)

    def shift(offset: int) -> int:
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return offset
        s, e = spans[i]
        before = removed_before[i] - (e - s)
        return s - before if offset < e else offset - removed_before[i]

    blocks = tuple(replace(b, start=shift(b.start), end=shift(b.end)) for b in r.blocks)
    marks = tuple(replace(m, start=shift(m.start), end=shift(m.end)) for m in r.marks)
    markers = {k: [shift(o) for o in v] for k, v in r.markers.items()}
    return Rendered(text, blocks, marks, markers)


def _deleted_spans(original: str, cleaned: str) -> list[tuple[int, int]] | None:
    """The ``[start, end)`` runs of ``original`` that ``cleaned`` leaves out, if only deleted."""
    spans: list[tuple[int, int]] = []
    j = 0
    for i, ch in enumerate(original):
        if j < len(cleaned) and cleaned[j] == ch:
            j += 1
        elif spans and spans[-1][1] == i:
            spans[-1] = (spans[-1][0], i + 1)
        else:
            spans.append((i, i + 1))
    return spans if j == len(cleaned) else None


def _children(el: etree._Element, consume: bool) -> Iterable[etree._Element]:
    """An element's children; when consuming, each is removed once the caller is done with it."""
    return _consumed(el) if consume else el  # no generator in the common case: it costs


def _consumed(el: etree._Element) -> Iterator[etree._Element]:
    child = next(iter(el), None)
    while child is not None:
        yield child
        following = child.getnext()
        el.remove(child)  # its tail was read with it; lxml frees it with its last reference
        child = following


def _walk(el: etree._Element, b: _Builder, ctx: _Context, *, list_depth: int, quote: bool) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _SKIP or not tag:
        return
    if tag == FOOTNOTE_TAG:
        b.footnote(el.get("label", "?"))
        return
    if tag == "br":
        if ctx.pre:
            b.add("\n", True)
        elif b.buffer and b.buffer[-1] == "\n":
            # Two line breaks in a row end a paragraph, as Readability reads them.
            b.buffer.pop()
            b.buffer_len -= 1
            b.commit(ctx)
        else:
            b.newline()
        return
    if tag not in _BLOCKS or (ctx.pre and tag != "pre"):
        _inline(el, b, ctx, list_depth=list_depth, quote=quote)
        return
    b.commit(ctx)
    inner = ctx
    if tag in _HEADINGS:
        inner = _Context("heading", _HEADINGS[tag])
    elif tag == "pre":
        inner = _Context("preformatted", pre=True)
    elif tag == "blockquote":
        quote = True
        inner = _Context("blockquote")
    elif tag in ("ul", "ol", "menu"):
        list_depth += 1
        inner = _Context(ctx.kind, ctx.level, tag == "ol")
    elif tag in ("li", "dd") and list_depth:
        inner = _Context("list_item", list_depth, ctx.ordered if tag == "li" else False)
    if el.text:
        b.add(el.text, inner.pre)
    for child in _children(el, b.consume):
        _walk(child, b, inner, list_depth=list_depth, quote=quote)
        if child.tail:
            b.add(child.tail, inner.pre)
    b.commit(inner)


def _inline(
    el: etree._Element, b: _Builder, ctx: _Context, *, list_depth: int, quote: bool
) -> None:
    tag = el.tag
    start, commits = b.buffer_len, b.commits
    if el.text:
        b.add(el.text, ctx.pre)
    for child in _children(el, b.consume):
        _walk(child, b, ctx, list_depth=list_depth, quote=quote)
        if child.tail:
            b.add(child.tail, ctx.pre)
    kind = _INLINE_MARKS.get(tag)
    if kind is not None and not (kind == "code" and ctx.pre):
        b.mark(kind, start, commits)
    elif tag == "a":
        href = (el.get("href") or "").strip()
        if href and not href.lower().startswith(("javascript:", "data:", "vbscript:")):
            b.mark("link", start, commits, href)
