"""Pieces of a formatted reference and how they join, with citeproc-js's punctuation rules.

A style builds an entry from pieces (a field's text, in italics or not) joined by delimiters
and wrapped in affixes and quotation marks, as a CSL style's groups do. Where two marks of
punctuation meet at a join they merge as citeproc-js merges them (``Pay?`` and ``.`` give
``Pay?``, ``ed.`` and ``,`` give ``ed.,``), a period or comma after a closing quotation mark
moves inside it where the locale says so (``“Title,”``), and a group none of whose fields
has a value prints nothing, labels and all.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from archivist.export.citelocale import Locale
from archivist.export.citeparts import Segment

# citeproc-js's CSL.Output.Queue.adjust: what two adjacent marks become.
_MERGE = {
    "!": {".": "!", "?": "!?", ":": "!", ",": "!,", ";": "!;"},
    "?": {"!": "?!", ".": "?", ":": "?", ",": "?,", ";": "?;"},
    ".": {"!": ".!", "?": ".?", ":": ".:", ",": ".,", ";": ".;"},
    ":": {"!": "!", "?": "?", ".": ":", ",": ":,", ";": ":;"},
    ",": {"!": ",!", "?": ",?", ":": ",:", ".": ",.", ";": ",;"},
    ";": {"!": "!", "?": "?", ":": ";", ",": ";,", ".": ";"},
}
_INTO_QUOTES = frozenset(".,!?")
"""Marks that move inside closing quotation marks (never a colon or semicolon)."""
_CANON = {"،": ",", "؛": ";", "؟": "?"}
"""The Arabic comma, semicolon and question mark merge as their Latin counterparts do."""


def _canon(mark: str) -> str:
    return _CANON.get(mark, mark)


@dataclass(frozen=True, slots=True)
class Piece:
    """Rendered text: segments in italics or not.

    ``closers`` counts the closing quotation marks at its end that quote() put there (not
    an apostrophe that happens to look the same), which punctuation may move inside.
    """

    segments: tuple[Segment, ...]
    closers: int = 0

    def plain(self) -> str:
        """The text without styling."""
        return "".join(s.text for s in self.segments)


Part = Piece | str | None
"""What joins take: a rendered field, literal text (a term, a label), or nothing."""


def piece(text: str | None, *, italic: bool = False) -> Piece | None:
    """A field's text as a piece (None when the field is empty)."""
    if not text:
        return None
    return Piece((Segment(text, italic),))


class Out:
    """Joins pieces for one item in one locale (its quotation marks and punctuation)."""

    def __init__(self, locale: Locale) -> None:
        self.locale = locale

    def cat(self, *parts: Part) -> Piece | None:
        """The parts one after another; literal text alone (no piece) gives nothing."""
        if not any(isinstance(p, Piece) for p in parts):
            return None
        out: Piece | None = None
        for part in parts:
            if part is None or part == "":
                continue
            nxt = Piece((Segment(self.locale.punct(part)),)) if isinstance(part, str) else part
            out = nxt if out is None else self._concat(out, nxt)
        return out

    def join(self, parts: Iterable[Part], delimiter: str) -> Piece | None:
        """The parts that have a value, with the delimiter between them (a CSL group).

        Literal parts (labels, terms) print only when some piece in the group does.
        """
        present = [p for p in parts if p]
        if not any(isinstance(p, Piece) for p in present):
            return None
        out: Piece | None = None
        between = Piece((Segment(self.locale.punct(delimiter)),))
        for part in present:
            nxt = Piece((Segment(part),)) if isinstance(part, str) else part
            out = nxt if out is None else self._concat(self._concat(out, between), nxt)
        return out

    def affix(self, part: Piece | None, prefix: str = "", suffix: str = "") -> Piece | None:
        """The piece with text before and after it (nothing when the piece is empty)."""
        if part is None:
            return None
        return self.cat(prefix, part, suffix)

    def quote(self, part: Piece | None) -> Piece | None:
        """The piece in the locale's quotation marks; quotation marks inside it flip."""
        if part is None:
            return None
        loc = self.locale
        flipped = tuple(
            Segment(_flip(s.text, loc.quotes), s.italic) for s in part.segments if s.text
        )
        first_italic = flipped[0].italic if flipped else False
        last_italic = flipped[-1].italic if flipped else False
        body = Piece(
            (
                Segment(loc.quotes[0], first_italic),
                *flipped,
                Segment(loc.quotes[1], last_italic),
            ),
            part.closers + 1,
        )
        return _merged(body)

    def italic(self, part: Piece | None) -> Piece | None:
        """The piece in italics; what was already italic inside it turns roman."""
        if part is None:
            return None
        return replace(part, segments=tuple(Segment(s.text, not s.italic) for s in part.segments))

    def end(self, part: Piece | None, mark: str) -> Piece | None:
        """The piece with its final punctuation (a CSL layout suffix)."""
        return self.cat(part, mark) if mark else part

    def _concat(self, left: Piece, right: Piece) -> Piece:
        text = right.plain()
        if not text:
            return left
        mark = text[:1]
        if _canon(mark) not in _MERGE:
            return _merged(Piece(left.segments + right.segments, right.closers))
        rest = _drop_first(right.segments)
        if left.closers:
            if not self.locale.punctuation_in_quote or _canon(mark) not in _INTO_QUOTES:
                return _merged(Piece(left.segments + right.segments, right.closers))
            closing = _tail(left, left.closers)
            inside = _trim(left.segments, len(closing))
            joined = _merge_mark(Piece(inside), mark)
            closers = left.closers if not _plain(rest) else right.closers
            return _merged(Piece(joined.segments + _segments_of(closing, left) + rest, closers))
        merged = _merge_mark(left, mark)
        return _merged(Piece(merged.segments + rest, right.closers if _plain(rest) else 0))


def _merge_mark(left: Piece, mark: str) -> Piece:
    """The left piece followed by a mark, the two merged by citeproc's table."""
    text = left.plain()
    last = text[-1:]
    a, b = _canon(last), _canon(mark)
    if a == b and b in _MERGE:
        return left
    result = _MERGE.get(a, {}).get(b)
    if result is None or result == a + b:
        return _merged(Piece((*left.segments, Segment(mark))))
    if result == a:
        return left
    trimmed = _trim(left.segments, 1)
    last_italic = left.segments[-1].italic if left.segments else False
    return _merged(Piece((*trimmed, Segment(mark, last_italic))))


def _tail(part: Piece, count: int) -> str:
    return part.plain()[-count:]


def _segments_of(text: str, like: Piece) -> tuple[Segment, ...]:
    italic = like.segments[-1].italic if like.segments else False
    return (Segment(text, italic),)


def _trim(segments: tuple[Segment, ...], count: int) -> tuple[Segment, ...]:
    """The segments without their last ``count`` characters."""
    out = list(segments)
    while count and out:
        last = out.pop()
        if len(last.text) > count:
            out.append(Segment(last.text[:-count], last.italic))
            count = 0
        else:
            count -= len(last.text)
    return tuple(out)


def _drop_first(segments: tuple[Segment, ...]) -> tuple[Segment, ...]:
    """The segments without their first character."""
    out = list(segments)
    while out and not out[0].text:
        out.pop(0)
    if out:
        first = out[0]
        out[0] = Segment(first.text[1:], first.italic)
    return tuple(s for s in out if s.text)


def _plain(segments: tuple[Segment, ...]) -> str:
    return "".join(s.text for s in segments)


def _merged(part: Piece) -> Piece:
    """Adjacent segments of the same style as one; empty segments dropped."""
    out: list[Segment] = []
    for seg in part.segments:
        if not seg.text:
            continue
        if out and out[-1].italic == seg.italic:
            out[-1] = Segment(out[-1].text + seg.text, seg.italic)
        else:
            out.append(seg)
    return Piece(tuple(out), part.closers)


def _flip(text: str, quotes: tuple[str, str, str, str]) -> str:
    """Quotation marks inside quoted text: double become the inner pair, single the outer.

    A right single quotation mark closes a quotation only after a left one; otherwise it is
    an apostrophe and stays.
    """
    outer_open, outer_close, inner_open, inner_close = quotes
    out: list[str] = []
    singles = 0
    for ch in text:
        if ch == "“":
            out.append(inner_open)
        elif ch == "”":
            out.append(inner_close)
        elif ch == "‘":
            singles += 1
            out.append(outer_open)
        elif ch == "’" and singles:
            singles -= 1
            out.append(outer_close)
        else:
            out.append(ch)
    return "".join(out)
