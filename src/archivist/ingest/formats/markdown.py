"""Import a Markdown save (Obsidian Web Clipper, MarkDownload, pandoc): front matter, body, notes.

markdown-it-py parses (CommonMark with tables, strikethrough, footnotes and front matter from
mdit-py-plugins); this module only walks its tokens into the document model. Footnote
definitions are kept where they stand (``move_to_end=False``) so that every definition is
seen, even one cited nowhere or defined twice, which the plugin's own tail would drop.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import unescape

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from archivist.errors import ExtractionError
from archivist.ingest.metadata.frontmatter import FrontMatter, read_front_matter
from archivist.ingest.metadata.pagemeta import strip_site_name
from archivist.ingest.references import make_footnotes
from archivist.ingest.text.decode import clean_text, decode_bytes
from archivist.ingest.text.textmeta import settle_language
from archivist.model import Article, Block, BlockKind, Extraction, Footnote, Mark, MarkKind

_MAX_LISTED = 10
_INLINE_MARKS: dict[str, MarkKind] = {
    "em_open": "emphasis",
    "strong_open": "strong",
    "link_open": "link",
}
_OPEN_FENCE = re.compile(r"\A(?:\ufeff)?---[ \t]*\n")


def extract(data: bytes, filename: str) -> Extraction:
    """Extract the article in a Markdown save; raises ExtractionError naming ``filename``."""
    decoded, encoding = decode_bytes(data, filename=filename)
    source = clean_text(decoded)
    if not source.strip():
        raise ExtractionError(f"{filename}: the file is empty")
    warnings: list[str] = []
    if replaced := decoded.count("\ufffd"):
        warnings.append(f"{replaced} characters could not be decoded and were replaced by �")
    env: dict[str, object] = {}
    try:
        tokens = _parser().parse(source, env)
    except RecursionError as exc:
        raise ExtractionError(f"{filename}: Markdown nested too deeply to read") from exc
    front = FrontMatter()
    if tokens and tokens[0].type == "front_matter":
        front = read_front_matter(tokens[0].content)
        warnings.extend(front.warnings)
        tokens = tokens[1:]
    elif _OPEN_FENCE.match(source):
        warnings.append(
            "the front matter opened by --- on the first line is never closed; "
            "it was read as body text"
        )
    walker = _Walker(_inline_notes(env))
    walker.walk(tokens)
    title, drop = _title(front, walker, filename, warnings)
    text, blocks, marks, markers = walker.assemble(drop)
    if not text.strip() and not walker.definitions:
        raise ExtractionError(f"{filename}: no article text found in the Markdown")
    footnotes = _footnotes(walker.definitions, markers, warnings)
    article = Article(
        title=title,
        text=text,
        blocks=tuple(blocks),
        marks=tuple(marks),
        footnotes=footnotes,
        subtitle=front.subtitle,
        authors=front.authors,
        published=front.published,
        site=front.site,
        url=front.url,
        language=settle_language(front.language, title + "\n" + text),
        warnings=tuple(warnings),
        tags=front.tags,
    )
    return Extraction(article=article, encoding=encoding)


def _parser() -> MarkdownIt:
    return (
        MarkdownIt("commonmark", {"html": True})
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
        # always_match_refs: a [^x] with no definition is still a marker (and a warning), not
        # text that silently looks like one.
        .use(footnote_plugin, move_to_end=False, always_match_refs=True)
    )


@dataclass(slots=True)
class _Leaf:
    """One block being built: its kind and its inline pieces with marks relative to it."""

    kind: BlockKind
    level: int | None = None
    ordered: bool = False
    quoted: bool = False
    parts: list[str] = field(default_factory=list)
    length: int = 0
    marks: list[tuple[MarkKind, int, int, str | None, str | None]] = field(default_factory=list)

    def add(self, text: str) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)


@dataclass(slots=True)
class _Definition:
    label: str
    text: str


@dataclass(slots=True)
class _Walker:
    """Walks markdown-it's block tokens into leaves (blocks) and footnote definitions."""

    inline_tokens: dict[int, Sequence[Token]]
    """The inline notes' (``^[text]``) tokens, by the id their reference carries."""
    leaves: list[_Leaf] = field(default_factory=list)
    definitions: list[_Definition] = field(default_factory=list)
    inline_notes: int = 0
    _containers: list[tuple[BlockKind, int | None, bool]] = field(default_factory=list)
    _lists: list[bool] = field(default_factory=list)
    _leaf: _Leaf | None = None
    _note_depth: int = 0
    _note_label: str = ""
    _note_parts: list[str] = field(default_factory=list)
    _inline_defs: list[_Definition] = field(default_factory=list)

    def walk(self, tokens: Sequence[Token]) -> None:
        for token in tokens:
            kind = token.type
            if kind == "footnote_reference_open":
                self._note_depth += 1
                if self._note_depth == 1:
                    self._note_label = str(token.meta.get("label", ""))
                    self._note_parts = []
            elif kind == "footnote_reference_close":
                self._note_depth -= 1
                if self._note_depth == 0:
                    text = "\n\n".join(p for p in self._note_parts if p)
                    self.definitions.append(_Definition(self._note_label, text))
            elif self._note_depth:
                self._note_token(token)
            else:
                self._body_token(token)
        self.definitions.extend(self._inline_defs)

    def _note_token(self, token: Token) -> None:
        if token.type == "inline":
            self._note_parts.append(_plain(token.children or ()))
        elif token.type in ("fence", "code_block"):
            self._note_parts.append(token.content.rstrip("\n"))

    def _body_token(self, token: Token) -> None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            self._lists.append(kind == "ordered_list_open")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self._lists.pop()
        elif kind == "list_item_open":
            ordered = self._lists[-1] if self._lists else False
            self._containers.append(("list_item", len(self._lists), ordered))
        elif kind == "blockquote_open":
            self._containers.append(("blockquote", None, False))
        elif kind in ("list_item_close", "blockquote_close"):
            self._containers.pop()
        elif kind == "heading_open":
            level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
            self._start(_Leaf("heading", level, quoted=self._quoted()))
        elif kind in ("paragraph_open", "tr_open") and self._leaf is None:
            self._start(self._contained())
        elif kind in ("th_open", "td_open") and self._leaf is not None and self._leaf.parts:
            self._leaf.add(" | ")
        elif kind in ("heading_close", "paragraph_close", "tr_close"):
            self._leaf = None
        elif kind in ("fence", "code_block"):
            leaf = _Leaf("preformatted")
            leaf.add(token.content.rstrip("\n"))
            self._start(leaf)
            self._leaf = None
        elif kind == "html_block":
            self._html_block(token.content)
        elif kind == "inline" and self._leaf is not None:
            self._inline(token.children or (), self._leaf)

    def _contained(self) -> _Leaf:
        if not self._containers:
            return _Leaf("paragraph")
        kind, level, ordered = self._containers[-1]
        return _Leaf(kind, level, ordered, quoted=self._quoted())

    def _quoted(self) -> bool:
        return any(kind == "blockquote" for kind, _, _ in self._containers)

    def _start(self, leaf: _Leaf) -> None:
        self.leaves.append(leaf)
        self._leaf = leaf

    def _html_block(self, content: str) -> None:
        # Raw HTML in a save (a <div>, a <figure>): its text is kept, its tags are not.
        text = " ".join(_TAG.sub(" ", content).split())
        if text:
            leaf = self._contained()
            leaf.add(unescape(text))
            self.leaves.append(leaf)

    def _inline(self, children: Sequence[Token], leaf: _Leaf) -> None:
        opened: list[tuple[MarkKind, int, str | None]] = []
        for child in children:
            kind = child.type
            if kind == "text":
                leaf.add(child.content)
            elif kind == "softbreak":
                leaf.add(" ")
            elif kind == "hardbreak":
                leaf.add("\n")
            elif kind == "code_inline":
                start = leaf.length
                leaf.add(child.content)
                leaf.marks.append(("code", start, leaf.length, None, None))
            elif kind in _INLINE_MARKS:
                href = child.attrs.get("href") if kind == "link_open" else None
                opened.append(
                    (_INLINE_MARKS[kind], leaf.length, None if href is None else str(href))
                )
            elif kind in ("em_close", "strong_close", "link_close") and opened:
                mark, start, href = opened.pop()
                if leaf.length > start:
                    leaf.marks.append((mark, start, leaf.length, href, None))
            elif kind == "footnote_ref":
                label = self._ref_label(child)
                start = leaf.length
                leaf.add(f"[{label}]")
                leaf.marks.append(("footnote", start, leaf.length, None, label))

    def _ref_label(self, token: Token) -> str:
        label = token.meta.get("label")
        if label is not None:
            return str(label)
        # An inline note (^[text], pandoc's syntax) has no label: it is numbered after the
        # labelled ones, with an "i" so it can never take a label the file uses.
        self.inline_notes += 1
        label = f"i{self.inline_notes}"
        tokens = self.inline_tokens.get(int(token.meta.get("id", -1)), ())
        self._inline_defs.append(_Definition(label, _plain(tokens)))
        return label

    def assemble(self, drop: set[int]) -> tuple[str, list[Block], list[Mark], dict[str, list[int]]]:
        """The canonical text (blocks split by a blank line), its blocks, marks and markers."""
        pieces: list[str] = []
        blocks: list[Block] = []
        marks: list[Mark] = []
        markers: dict[str, list[int]] = {}
        offset = 0
        for index, leaf in enumerate(self.leaves):
            body = "".join(leaf.parts)
            lead = len(body) - len(body.lstrip())
            body = body.strip()
            if not body or index in drop:
                continue
            if pieces:
                pieces.append("\n\n")
                offset += 2
            pieces.append(body)
            blocks.append(Block(leaf.kind, offset, offset + len(body), leaf.level, leaf.ordered))
            for kind, raw_start, raw_end, href, label in leaf.marks:
                start = min(max(raw_start - lead, 0), len(body))
                end = min(max(raw_end - lead, 0), len(body))
                if end > start:
                    marks.append(Mark(kind, offset + start, offset + end, href=href, label=label))
                    if label is not None:
                        markers.setdefault(label, []).append(offset + start)
            offset += len(body)
        marks.sort(key=lambda m: (m.start, -m.end))
        return "".join(pieces), blocks, marks, markers

    def leaf_text(self, index: int) -> str:
        """The text of a leaf, as it will stand in the article."""
        return "".join(self.leaves[index].parts).strip()


def _inline_notes(env: dict[str, object]) -> dict[int, Sequence[Token]]:
    notes = env.get("footnotes")
    listed = notes.get("list") if isinstance(notes, dict) else None
    if not isinstance(listed, dict):
        return {}
    return {
        key: value["tokens"]
        for key, value in listed.items()
        if isinstance(key, int) and isinstance(value, dict) and "tokens" in value
    }


def _plain(children: Sequence[Token]) -> str:
    """A footnote's inline tokens as plain text; a link's address follows its words."""
    parts: list[str] = []
    href: str | None = None
    start = 0
    for child in children:
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "softbreak":
            parts.append(" ")
        elif kind == "hardbreak":
            parts.append("\n")
        elif kind == "link_open":
            href, start = str(child.attrs.get("href") or ""), len(parts)
        elif kind == "link_close" and href:
            words = "".join(parts[start:])
            if href.startswith(("http://", "https://")) and href not in words:
                parts.append(f" <{href}>")
            href = None
        elif kind == "footnote_ref":
            parts.append(f"[{child.meta.get('label', '')}]")
    return "".join(parts).strip()


_TAG = re.compile(r"<[^>]*>")


def _title(
    front: FrontMatter, walker: _Walker, filename: str, warnings: list[str]
) -> tuple[str, set[int]]:
    """The title, and the leaves that only repeat it or are the clipper's excerpt (dropped)."""
    shown = [i for i in range(len(walker.leaves)) if walker.leaf_text(i)]
    first = shown[0] if shown else None
    leading = first is not None and walker.leaves[first].kind == "heading"
    heading = walker.leaf_text(first) if first is not None and leading else None
    sites = [front.site] if front.site else []
    headings = [heading] if heading else []
    drop: set[int] = set()
    if front.title:
        title = strip_site_name(front.title, sites, headings, front.url)
        if heading is not None and heading.casefold() in (title.casefold(), front.title.casefold()):
            drop.add(first or 0)
    elif heading is not None and walker.leaves[first or 0].level == 1:
        title = strip_site_name(heading, sites, [], front.url)
        drop.add(first or 0)
    else:
        stem = os.path.splitext(os.path.basename(filename))[0]
        warnings.append(
            "no title in the front matter or a first heading; the title is the file's name"
        )
        return re.sub(r"[_-]+", " ", stem).strip() or stem, drop
    return title, drop | _excerpt(walker, [i for i in shown if i not in drop])


def _excerpt(walker: _Walker, shown: list[int]) -> set[int]:
    """MarkDownload's "> ## Excerpt" quote under the title: the page's summary, not its text."""
    if not shown:
        return set()
    start = shown[0]
    leaf = walker.leaves[start]
    if not (leaf.quoted and leaf.kind == "heading" and walker.leaf_text(start) == "Excerpt"):
        return set()
    dropped = {start}
    for index in shown[1:]:
        if not walker.leaves[index].quoted:
            break
        dropped.add(index)
    return dropped


def _footnotes(
    definitions: Sequence[_Definition],
    markers: dict[str, list[int]],
    warnings: list[str],
) -> tuple[Footnote, ...]:
    """Footnotes from the definitions, in order; duplicates and strays kept and reported."""
    seen: dict[str, int] = {}
    labels: list[str] = []
    duplicates: list[str] = []
    for definition in definitions:
        uses = seen.get(definition.label, 0) + 1
        seen[definition.label] = uses
        if uses == 1:
            labels.append(definition.label)
        else:
            labels.append(f"{definition.label}-{uses}")
            if definition.label not in duplicates:
                duplicates.append(definition.label)
    if duplicates:
        warnings.append(
            _listing(
                "footnote", duplicates, "is defined more than once", "are defined more than once"
            )
            + "; the markers cite the first definition, the later ones are labelled "
            + (f"{duplicates[0]}-2" if len(duplicates) == 1 else "with -2, -3, ...")
        )
    missing = [label for label in markers if label not in seen]
    if missing:
        warnings.append(_listing("marker", missing, "has no footnote", "have no footnote"))
    uncited = [label for label in labels if label not in markers]
    if uncited:
        warnings.append(
            _listing("footnote", uncited, "is not cited in the text", "are not cited in the text")
        )
    return make_footnotes(
        (label, tuple(markers.get(label, ())), definition.text, (), None)
        for label, definition in zip(labels, definitions, strict=True)
    )


def _listing(noun: str, labels: Sequence[str], singular: str, plural: str) -> str:
    shown = ", ".join(f"[{label}]" for label in labels[:_MAX_LISTED])
    if len(labels) > _MAX_LISTED:
        shown += f" and {len(labels) - _MAX_LISTED} more"
    return f"{noun} {shown} {singular}" if len(labels) == 1 else f"{noun}s {shown} {plural}"
