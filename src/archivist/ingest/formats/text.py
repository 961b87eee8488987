"""Import a plain-text save of a web article: title, byline, body blocks and its footnotes."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from archivist.errors import ExtractionError
from archivist.ingest.formats.textblocks import (
    LIST_ITEM,
    MD_HEADING,
    Unit,
    add_line,
    find_markers,
    mark_headings,
    marker_label,
)
from archivist.ingest.notes.notemarks import is_subscript
from archivist.ingest.notes.textnotes import Line, RefBlock, find_reference_block
from archivist.ingest.references import make_footnotes
from archivist.ingest.text.decode import clean_text, decode_bytes
from archivist.ingest.text.textmeta import guess_language, is_home, parse_breadcrumb
from archivist.model import Article, Block, Extraction, Footnote, Mark

# Only runs that need changing match, so ordinary single spaces cost nothing on huge files.
_SPACES = re.compile(
    r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]{2,}"
    r"|[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]"
)
_BOTTOM_BYLINE_WINDOW = 8
_MAX_LISTED = 10

_CRUMB, _TITLE, _SUBTITLE, _META, _REF, _FURNITURE = range(6)


def extract(data: bytes, filename: str) -> Extraction:
    """Extract the article in a plain-text save; raises ExtractionError naming ``filename``."""
    decoded, encoding = decode_bytes(data, filename=filename)
    replaced = decoded.count("\ufffd")
    text = clean_text(decoded)
    if not text.strip():
        raise ExtractionError(f"{filename}: the file is empty")
    reader = _Reader(_split_lines(text), filename)
    article = reader.read()
    if replaced:
        warning = f"{replaced} characters could not be decoded and were replaced by �"
        article = replace(article, warnings=(warning, *article.warnings))
    return Extraction(article=article, encoding=encoding)


def _split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    gap = False
    for raw in text.split("\n"):
        stripped = raw.strip()
        if not stripped:
            gap = True
            continue
        # The scan costs more than the rest of a line's classification; plain ASCII lines
        # without a double space or tab (most English lines) have nothing for it to change.
        plain = stripped.isascii() and "  " not in stripped and "\t" not in stripped
        normalised = stripped if plain else _SPACES.sub(" ", stripped)
        lines.append(Line(normalised, gap=gap, indented=raw[:1] in " \t\u00a0"))
        gap = False
    return lines


@dataclass(slots=True)
class _Reader:
    """One pass over a save's lines: each line gets a role, and what is left is the body."""

    lines: list[Line]
    filename: str
    roles: list[int | None] = field(init=False)
    authors: tuple[str, ...] = ()
    published: str | None = None
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.roles = [None] * len(self.lines)

    def read(self) -> Article:
        """Take metadata, references and furniture out of the lines; the rest is the body."""
        for index, line in enumerate(self.lines):
            if line.advert:
                self.roles[index] = _FURNITURE
        title, subtitle, section, body_start = self._read_head()
        cited = functools.cache(functools.partial(self._cited_labels, body_start))
        block = find_reference_block(self.lines, body_start, cited)
        if block is not None:
            for index in block.lines:
                self.roles[index] = _REF
        self._read_tail(body_start)
        self._read_bottom_byline()
        for index, line in enumerate(self.lines):
            if self.roles[index] is None and line.trigger:
                self.roles[index] = _FURNITURE
        units = self._units()
        if not units:
            raise ExtractionError(
                f"{self.filename}: no article text found (only a title, metadata or site links)"
            )
        entries = list(block.entries) if block is not None else []
        labels = self._entry_labels(entries, block, cited)
        resolver = _Markers(entries, labels)
        text, blocks = _assemble(units, resolver)
        footnotes, marks = self._footnotes(entries, labels, resolver)
        return Article(
            title=title,
            text=text,
            blocks=tuple(blocks),
            marks=tuple(marks),
            footnotes=footnotes,
            subtitle=subtitle,
            authors=self.authors,
            published=self.published,
            section=section,
            language=guess_language(title + "\n" + text),
            warnings=tuple(self.warnings),
        )

    # --- the head: breadcrumb, title, subtitle, byline and date ---------------------------------

    def _read_head(self) -> tuple[str, str | None, str | None, int]:
        lines, count = self.lines, len(self.lines)
        index = self._skip_furniture(0)
        crumbs = parse_breadcrumb(lines[index].text) if index < count else None
        if crumbs is not None and len(crumbs) == 2 and not is_home(crumbs[0]):
            following = lines[index + 1].text if index + 1 < count else ""
            if following.casefold() != crumbs[1].casefold():
                crumbs = None
        if crumbs is not None:
            self.roles[index] = _CRUMB
            index += 1
        title_index = None
        for _ in range(4):
            index = self._skip_furniture(index)
            if index >= count or not self._take_meta(index):
                break
            index += 1
        if index < count and _title_candidate(lines[index]):
            title_index = index
            self.roles[index] = _TITLE
            index += 1
        title = self._title(title_index, crumbs)
        subtitle = None
        for position in range(3):
            index = self._skip_furniture(index)
            if index >= count:
                break
            if self._take_meta(index):
                index += 1
            elif position == 0 and title_index is not None and self._is_subtitle(index):
                subtitle = lines[index].text
                self.roles[index] = _SUBTITLE
                index += 1
            else:
                break
        return title, subtitle, _section(crumbs, title), index

    def _skip_furniture(self, index: int) -> int:
        while index < len(self.lines) and (self.lines[index].advert or self.lines[index].trigger):
            self.roles[index] = _FURNITURE
            index += 1
        return index

    def _take_meta(self, index: int) -> bool:
        line = self.lines[index]
        if line.date is not None:
            self.published = self.published or line.date
        elif line.byline is not None:
            self.authors = self.authors or line.byline.authors
            self.published = self.published or line.byline.published
        else:
            return False
        self.roles[index] = _META
        return True

    def _title(self, index: int | None, crumbs: list[str] | None) -> str:
        if index is not None:
            return MD_HEADING.sub("", self.lines[index].text, count=1)
        if crumbs is not None and len(crumbs) >= 3:
            return crumbs[-1]
        stem = os.path.splitext(os.path.basename(self.filename))[0]
        self.warnings.append("no title line was found; the title is the file's name")
        return re.sub(r"[_-]+", " ", stem).strip() or stem

    def _is_subtitle(self, index: int) -> bool:
        line = self.lines[index]
        following = self.lines[index + 1] if index + 1 < len(self.lines) else None
        # Only when the save sets it apart: attached to the title, then a blank line.
        return (
            not line.gap
            and len(line.text) <= 250
            and line.entry is None
            and LIST_ITEM.match(line.text) is None
            and following is not None
            and following.gap
        )

    # --- the tail: trailing furniture and a byline near the end ---------------------------------

    def _read_tail(self, start: int) -> None:
        body = [i for i in range(start, len(self.lines)) if self.roles[i] is None]
        if len(body) < 2:
            return
        tail_start = None
        compatible = True
        for index in reversed(body[1:]):
            line = self.lines[index]
            if line.trigger and compatible:
                tail_start = index
            compatible = compatible and line.tail_ok
        if tail_start is None:
            return
        for index in body:
            if index < tail_start:
                continue
            # The article's own byline may sit among the furniture; dates there belong to
            # related posts, so they never become the article's date.
            byline = self.lines[index].byline
            if byline is not None and not self.authors:
                self._take_meta(index)
            else:
                self.roles[index] = _FURNITURE

    def _read_bottom_byline(self) -> None:
        seen = 0
        for index in range(len(self.lines) - 1, -1, -1):
            role = self.roles[index]
            if role in (_TITLE, _SUBTITLE, _CRUMB) or seen >= _BOTTOM_BYLINE_WINDOW:
                return
            if role is None:
                seen += 1
                if self.lines[index].byline is not None:
                    self._take_meta(index)
                    return

    def _cited_labels(self, start: int) -> frozenset[str]:
        """The labels of marker-shaped numbers in the text (only computed when needed)."""
        cited: set[str] = set()
        for line in self.lines[start:]:
            if line.entry is None:
                for match in find_markers(line.text):
                    if not is_subscript(line.text, match.start(), match.end()):
                        cited.add(marker_label(match))
        cited.discard("")
        return frozenset(cited)

    # --- the body -------------------------------------------------------------------------------

    def _units(self) -> list[Unit]:
        body = [i for i, role in enumerate(self.roles) if role is None]
        one_per_line = not any(self.lines[i].gap for i in body[1:])
        units: list[Unit] = []
        previous = -2
        for index in body:
            line = self.lines[index]
            gap = line.gap or index != previous + 1 or one_per_line
            previous = index
            add_line(units, line, new_block=gap)
        return mark_headings(units)

    def _entry_labels(
        self,
        entries: list[tuple[str | None, str]],
        block: RefBlock | None,
        cited: Callable[[], frozenset[str]],
    ) -> list[str]:
        count = len(entries)
        if block is not None and entries[0][0] is None:
            where = f"under “{block.heading}”" if block.heading else ""
            if cited():
                self.warnings.append(
                    f"the reference list {where} is not numbered, so its {count} entries are not "
                    f"linked to the text's markers; they are labelled R1 to R{count}"
                )
                return [f"R{number}" for number in range(1, count + 1)]
            self.warnings.append(
                f"the reference list {where} is not numbered; its {count} entries were "
                f"numbered 1 to {count}"
            )
            return [str(number) for number in range(1, count + 1)]
        labels: list[str] = []
        uses: dict[str, int] = {}
        for label, _ in entries:
            assert label is not None
            uses[label] = uses.get(label, 0) + 1
            labels.append(label if uses[label] == 1 else f"{label}-{uses[label]}")
        for label, times in uses.items():
            if times > 1:
                self.warnings.append(
                    f"footnote number {label} is used {times} times; the later ones are "
                    f"labelled {label}-2" + (f" to {label}-{times}" if times > 2 else "")
                )
        return labels

    def _footnotes(
        self, entries: list[tuple[str | None, str]], labels: list[str], markers: _Markers
    ) -> tuple[tuple[Footnote, ...], list[Mark]]:
        """The footnotes, parsed and linked, and the marks of their markers in the text."""
        offsets: dict[str, list[int]] = {label: [] for label in labels}
        marks: list[Mark] = []
        missing: list[str] = []
        for label, offset in markers.found:
            if label in offsets:
                offsets[label].append(offset)
            elif label not in missing:
                missing.append(label)
            marks.append(Mark("footnote", offset, offset + len(label) + 2, label=label))
        if missing:
            self.warnings.append(_listing("marker", missing, "has no footnote", "have no footnote"))
        uncited = [label for label in labels if not offsets[label]]
        if uncited and entries[0][0] is not None:
            self.warnings.append(
                _listing(
                    "footnote", uncited, "is not cited in the text", "are not cited in the text"
                )
            )
        if not entries:
            return (), marks
        footnotes = make_footnotes(
            (label, tuple(offsets[label]), text, (), None)
            for label, (_, text) in zip(labels, entries, strict=True)
        )
        return footnotes, marks


class _Markers:
    """Decides which bracketed or superscript numbers are markers, and of which footnote."""

    def __init__(self, entries: Sequence[tuple[str | None, str]], labels: Sequence[str]) -> None:
        self.copies: dict[str, list[str]] = {}
        for (source, _), label in zip(entries, labels, strict=True):
            if source is not None:
                self.copies.setdefault(source, []).append(label)
        self.used: dict[str, int] = {}
        self.found: list[tuple[str, int]] = []

    def resolve(self, match: re.Match[str]) -> str | None:
        """The label to write for a marker candidate, or None when it is not a marker."""
        raw = marker_label(match)
        if not raw:
            return None
        targets = self.copies.get(raw)
        if targets is None:
            # Without a matching entry: [2016] is a year and x² a square, not a footnote.
            superscript = match.group(2) is not None
            if (superscript and self.copies) or (not superscript and int(raw) >= 1000):
                return None
            return raw
        # Duplicate numbers: markers are linked to the copies in document order.
        seen = self.used.get(raw, 0)
        self.used[raw] = seen + 1
        return targets[min(seen, len(targets) - 1)]


def _listing(noun: str, labels: Sequence[str], singular: str, plural: str) -> str:
    shown = ", ".join(f"[{label}]" for label in labels[:_MAX_LISTED])
    if len(labels) > _MAX_LISTED:
        shown += f" and {len(labels) - _MAX_LISTED} more"
    return f"{noun} {shown} {singular}" if len(labels) == 1 else f"{noun}s {shown} {plural}"


def _title_candidate(line: Line) -> bool:
    return (
        len(line.text) <= 250
        and line.entry is None
        and any(ch.isalpha() for ch in line.text)
        and not (line.text.endswith(".") and len(line.text.split()) > 12)
    )


def _section(crumbs: list[str] | None, title: str) -> str | None:
    if crumbs is None:
        return None
    parts = list(crumbs)
    last = parts[-1].rstrip(".… ").casefold()
    if len(parts) >= 3 or title.casefold().startswith(last) or last.startswith(title.casefold()):
        parts.pop()
    while parts and is_home(parts[0]):
        parts.pop(0)
    return parts[-1] if parts else None


def _assemble(units: Sequence[Unit], markers: _Markers) -> tuple[str, list[Block]]:
    """The canonical text and its blocks; markers are rewritten as ``[LABEL]`` and recorded."""
    pieces: list[str] = []
    blocks: list[Block] = []
    offset = 0
    for unit in units:
        if pieces:
            pieces.append("\n\n")
            offset += 2
        start = offset
        source = " ".join(unit.parts)
        cursor = 0
        for match in find_markers(source):
            if is_subscript(source, match.start(), match.end()):
                continue
            label = markers.resolve(match)
            if label is None:
                continue
            before = source[cursor : match.start()]
            pieces.append(before)
            offset += len(before)
            markers.found.append((label, offset))
            pieces.append(f"[{label}]")
            offset += len(label) + 2
            cursor = match.end()
        pieces.append(source[cursor:])
        offset += len(source) - cursor
        blocks.append(Block(unit.kind, start, offset, unit.level, unit.ordered))
    return "".join(pieces), blocks
