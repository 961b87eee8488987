"""W3C Web Annotation selectors: TextPositionSelector and TextQuoteSelector over article text."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

CONTEXT_CHARS = 32
"""Characters of prefix and suffix kept with every quote (as Hypothesis does)."""

_SPACE = re.compile(r"\s+")
_RUN = re.compile(r"\s{2,}")


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    """A ``[start, end)`` range of code points of the article text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    """The quoted text with up to CONTEXT_CHARS characters of context on each side."""

    exact: str
    prefix: str = ""
    suffix: str = ""


def describe(text: str, start: int, end: int) -> tuple[TextPositionSelector, TextQuoteSelector]:
    """Both selectors for the range ``[start, end)`` of ``text``."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range [{start}, {end}) is outside a text of {len(text)} characters")
    quote = TextQuoteSelector(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )
    return TextPositionSelector(start, end), quote


def collapse_space(text: str) -> str:
    """``text`` with every run of whitespace turned into one space."""
    return _SPACE.sub(" ", text)


class NormalizedText:
    """A text with whitespace runs collapsed, and the map back to the original offsets.

    Re-extraction may re-flow paragraphs or change spacing, so quotes are compared with
    whitespace collapsed. A single whitespace character keeps its offset, so only runs of
    two or more mark a break in the map: after each, offsets differ by what it lost.
    """

    __slots__ = ("_norm_starts", "_orig_starts", "original", "text")

    def __init__(self, original: str) -> None:
        self.original = original
        self.text = _SPACE.sub(" ", original)
        norm_starts = [0]
        orig_starts = [0]
        lost = 0
        for run in _RUN.finditer(original):
            lost += run.end() - run.start() - 1
            norm_starts.append(run.end() - lost)
            orig_starts.append(run.end())
        self._norm_starts = norm_starts
        self._orig_starts = orig_starts

    def to_original(self, index: int) -> int:
        """The original offset of the character at ``index`` of the collapsed text."""
        if index >= len(self.text):
            return len(self.original)
        k = bisect_right(self._norm_starts, index) - 1
        return self._orig_starts[k] + (index - self._norm_starts[k])

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The original ``[start, end)`` of a non-empty collapsed span."""
        return self.to_original(start), self.to_original(end - 1) + 1

    def to_normalized(self, index: int) -> int:
        """The collapsed offset of the original offset ``index`` (a whitespace run maps to one)."""
        k = bisect_right(self._orig_starts, index) - 1
        found = self._norm_starts[k] + (index - self._orig_starts[k])
        if k + 1 < len(self._norm_starts):
            found = min(found, self._norm_starts[k + 1])
        return min(found, len(self.text))
