"""Invisible format characters that only split words, taken out of an extracted article.

A soft hyphen (``Faust\\u00adkeile``), a zero-width space or a word joiner shows nothing, yet
search sees two words and a quote copied from the page does not match. They are taken out of
the article's text, footnotes and metadata after every importer, in one place, with every
offset (blocks, marks, footnote markers) moved to match. The original file keeps them.

Kept: the zero-width non-joiner (U+200C), which Persian writes inside words (``می‌شود``), the
zero-width joiner (U+200D: emoji sequences, Indic and Arabic shaping), and the direction marks
(LRM, RLM, ALM) wherever they can change how a line reads. A direction mark between two letters
of the same direction changes nothing on screen and splits the word for search: it goes.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

from archivist.model import Article, Block, Mark

ALWAYS_DROPPED = "\u00ad\u200b\u2060\ufeff\u2061\u2062\u2063\u2064"
"""Soft hyphen, zero-width space, word joiner, zero-width no-break space (BOM), and the
invisible mathematical operators: never meaningful in an article's prose."""
DIRECTION_MARKS = "\u200e\u200f\u061c"
_CANDIDATE = re.compile(f"[{ALWAYS_DROPPED}{DIRECTION_MARKS}]")
_TRANSLATE = dict.fromkeys(map(ord, ALWAYS_DROPPED))
_RIGHT_TO_LEFT = frozenset({"R", "AL"})


def dropped_positions(text: str) -> list[int]:
    """Offsets in ``text`` of the characters to take out, in order."""
    positions: list[int] = []
    for match in _CANDIDATE.finditer(text):
        at = match.start()
        if text[at] in DIRECTION_MARKS and not _idle_mark(text, at):
            continue
        positions.append(at)
    return positions


def _idle_mark(text: str, at: int) -> bool:
    """A direction mark between two letters that already share its direction."""
    if at == 0 or at + 1 >= len(text):
        return False
    before = unicodedata.bidirectional(text[at - 1])
    after = unicodedata.bidirectional(text[at + 1])
    return (before == after == "L") or (before in _RIGHT_TO_LEFT and after in _RIGHT_TO_LEFT)


def clean(text: str) -> str:
    """``text`` without the characters :func:`dropped_positions` finds."""
    if _CANDIDATE.search(text) is None:
        return text
    positions = dropped_positions(text)
    if not positions:
        return text
    kept: list[str] = []
    start = 0
    for at in positions:
        kept.append(text[start:at])
        start = at + 1
    kept.append(text[start:])
    return "".join(kept)


def clean_field(text: str) -> str:
    """A metadata value without soft hyphens, zero-width spaces, joiners or BOMs."""
    return text.translate(_TRANSLATE) if _CANDIDATE.search(text) else text


def without_invisible(article: Article) -> Article:
    """The article with invisible characters out of its text and footnotes, offsets moved."""
    positions = dropped_positions(article.text) if _CANDIDATE.search(article.text) else []
    footnotes_change = any(_CANDIDATE.search(f.text) for f in article.footnotes)
    if not positions and not footnotes_change:
        return article
    text = clean(article.text) if positions else article.text

    def moved(offset: int) -> int:
        return offset - bisect.bisect_left(positions, offset)

    blocks = tuple(
        Block(b.kind, moved(b.start), moved(b.end), b.level, b.ordered)
        for b in article.blocks
        if moved(b.end) > moved(b.start)
    )
    marks = tuple(
        Mark(m.kind, moved(m.start), moved(m.end), href=m.href, label=m.label)
        for m in article.marks
        if moved(m.end) > moved(m.start)
    )
    footnotes = tuple(
        replace(
            f,
            markers=tuple(moved(m) for m in f.markers),
            text=clean(f.text),
            csl=None if f.csl is None else _clean_item(f.csl),
        )
        for f in article.footnotes
    )
    return replace(article, text=text, blocks=blocks, marks=marks, footnotes=footnotes)


def _clean_item(value: Mapping[str, Any]) -> dict[str, Any]:
    return {key: _clean_value(item) for key, item in value.items()}


def _clean_value(value: object) -> object:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, Mapping):
        return _clean_item(value)
    if isinstance(value, Sequence):
        return [_clean_value(item) for item in value]
    return value
