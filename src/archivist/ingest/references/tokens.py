"""A reference cut into the tokens the labeller labels, each with its offsets in the text.

Tokens are whitespace-separated words, with two splits a printed reference implies without a
space: after a comma, semicolon or closing bracket glued to the next word (``Mira,Salt``,
``[2]Talebi``), and around the brackets and punctuation of Chinese and Japanese, which are
written without spaces (``山田太郎「論文名」『雑誌名』``). Training data is cut the same way.
"""

from __future__ import annotations

import re

_CJK_OPEN = "「『《（【〈〔"
_CJK_CLOSE = "」』》）】〉〕、。，：；"
_PIECE = re.compile(
    rf"[^\s{_CJK_OPEN}{_CJK_CLOSE}]*[{_CJK_CLOSE}]+"  # text ending in closing marks
    rf"|[{_CJK_OPEN}][^\s{_CJK_OPEN}{_CJK_CLOSE}]*[{_CJK_CLOSE}]*"  # an opening mark onwards
    rf"|[^\s{_CJK_OPEN}{_CJK_CLOSE}]+"
)
_GLUED = re.compile(r"(?<=[,;،\]])(?=[^\W\d_])|(?<=\))(?=[A-Z])")
_NEEDS_CUT = re.compile(r"[,;،\])][^\W\d_]")
_WORD = re.compile(r"\S+")
_CJK_MARKS = re.compile(f"[{_CJK_OPEN}{_CJK_CLOSE}]")

MAX_TOKENS = 160
"""Tokens of one reference the labeller sees; the longest real references run to about 120."""


def tokenize(text: str, limit: int = MAX_TOKENS) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of the first ``limit`` tokens of ``text``."""
    pieces = _PIECE if _CJK_MARKS.search(text) else _WORD
    if _NEEDS_CUT.search(text) is None:
        # Most references: tokens are the pieces as they are.
        spans = [match.span() for match in pieces.finditer(text)]
        return spans[:limit]
    spans = []
    for match in pieces.finditer(text):
        start, end = match.span()
        word = match.group()
        if _NEEDS_CUT.search(word):
            base = start
            for glued in _GLUED.finditer(word):
                cut = base + glued.start()
                if start < cut < end:
                    spans.append((start, cut))
                    start = cut
        spans.append((start, end))
        if len(spans) >= limit:
            return spans[:limit]
    return spans


def words(text: str) -> list[str]:
    """The tokens of ``text`` as strings (for training data, cut segment by segment)."""
    return [text[start:end] for start, end in tokenize(text, limit=10_000)]
