"""Re-anchoring a highlight in changed text: position, exact quote, fuzzy match, else orphan."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from archivist.annotate.selectors import (
    NormalizedText,
    TextPositionSelector,
    TextQuoteSelector,
    collapse_space,
)
from archivist.errors import QuoteNotFoundError

AnchorMethod = Literal["position", "exact", "fuzzy"]

FUZZY_MIN_CHARS = 12
"""Shorter quotes are matched approximately only between an intact prefix and suffix."""
CONTEXT_MIN_CHARS = 8
"""Least prefix and suffix (each) that vouch for the passage between them."""
FUZZY_MIN_SCORE = 85.0
"""Least rapidfuzz partial-ratio (0-100) for a fuzzy match of the quote alone."""
BRACKETED_MIN_SCORE = 50.0
"""Least ratio for the text found between an intact prefix and suffix (the context vouches)."""
SUGGESTION_MIN_SCORE = 60.0
"""Least partial-ratio for a passage to be offered as the closest match to a missing quote."""
NEAR_WINDOW = 256
"""Characters searched on each side of the old position before the fuzzy search goes wide."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where a highlight lies in the current text, and how it was found."""

    start: int
    end: int
    method: AnchorMethod


class Anchorer:
    """Places selectors in one text; built once per text, used for each of its highlights."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm = NormalizedText(text)

    def anchor(self, position: TextPositionSelector, quote: TextQuoteSelector) -> Anchor | None:
        """Where the quote lies now, or None when it cannot be placed (an orphan)."""
        start, end = position.start, position.end
        if quote.exact.strip() and self._intact_at(start, end, quote):
            return Anchor(start, end, "position")
        core = collapse_space(quote.exact).strip()
        if not core:
            return None
        lead = quote.exact[: len(quote.exact) - len(quote.exact.lstrip())]
        trail = quote.exact[len(quote.exact.rstrip()) :]
        prefix = collapse_space(quote.prefix + lead)
        suffix = collapse_space(trail + quote.suffix)
        expected = self.norm.to_normalized(min(start, len(self.text)))
        found = self._exact(core, prefix, suffix, start)
        if found is not None:
            method: AnchorMethod = "position" if found == (start, end) else "exact"
            return Anchor(found[0], found[1], method)
        span = self._bracketed(core, prefix, suffix, expected)
        if span is None and len(core) >= FUZZY_MIN_CHARS:
            span = self._fuzzy(core, expected)
        if span is None:
            return None
        return Anchor(*self.norm.span_to_original(*span), "fuzzy")

    def _intact_at(self, start: int, end: int, quote: TextQuoteSelector) -> bool:
        text = self.text
        return (
            0 <= start <= end <= len(text)
            and text[start:end] == quote.exact
            and text[max(0, start - len(quote.prefix)) : start] == quote.prefix
            and text[end : end + len(quote.suffix)] == quote.suffix
        )

    def _exact(self, core: str, prefix: str, suffix: str, old_start: int) -> tuple[int, int] | None:
        """The occurrence whose context agrees best, the nearest to the old place on a tie."""
        norm = self.norm.text
        best: tuple[int, int, int, int] | None = None  # (-score, distance, start, end)
        at = norm.find(core)
        while at != -1:
            after = at + len(core)
            score = _common_suffix(norm[max(0, at - len(prefix)) : at], prefix) + _common_prefix(
                norm[after : after + len(suffix)], suffix
            )
            span = self.norm.span_to_original(at, after)
            key = (-score, abs(span[0] - old_start), span[0], span[1])
            if best is None or key < best:
                best = key
            at = norm.find(core, at + 1)
        return None if best is None else (best[2], best[3])

    def _bracketed(
        self, core: str, prefix: str, suffix: str, expected: int
    ) -> tuple[int, int] | None:
        """The passage between an intact prefix and suffix, when it resembles the quote."""
        if len(prefix.strip()) < CONTEXT_MIN_CHARS or len(suffix.strip()) < CONTEXT_MIN_CHARS:
            return None
        from rapidfuzz import fuzz  # imported on first use: only re-anchoring needs it

        norm = self.norm.text
        best: tuple[int, int, int] | None = None
        at = norm.find(prefix)
        while at != -1:
            inner = at + len(prefix)
            limit = inner + 2 * len(core) + len(suffix)
            close = norm.find(suffix, inner, limit)
            if close != -1:
                span = _strip_span(norm, inner, close)
                if span and fuzz.ratio(core, norm[span[0] : span[1]]) >= BRACKETED_MIN_SCORE:
                    key = (abs(span[0] - expected), span[0], span[1])
                    best = key if best is None or key < best else best
            at = norm.find(prefix, at + 1)
        return None if best is None else (best[1], best[2])

    def _fuzzy(self, core: str, expected: int) -> tuple[int, int] | None:
        """The best approximate match, near the old place first, then anywhere."""
        from rapidfuzz import fuzz

        norm = self.norm.text
        lo = max(0, expected - len(core) - NEAR_WINDOW)
        hi = min(len(norm), expected + 2 * len(core) + NEAR_WINDOW)
        for wlo, whi in ((lo, hi), (0, len(norm))):
            if whi - wlo < len(core):
                continue
            found = fuzz.partial_ratio_alignment(core, norm[wlo:whi], score_cutoff=FUZZY_MIN_SCORE)
            if found is not None:
                span = _refine(norm, core, wlo + found.dest_start, wlo + found.dest_end)
                if span is not None:
                    return span
            if (wlo, whi) == (0, len(norm)):
                break
        return None


def anchor(text: str, position: TextPositionSelector, quote: TextQuoteSelector) -> Anchor | None:
    """Place one highlight's selectors in ``text`` (see Anchorer for many in one text)."""
    return Anchorer(text).anchor(position, quote)


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """The ``[start, end)`` of the n-th occurrence of ``quote``, whitespace-insensitively.

    Raises QuoteNotFoundError (with the closest passage as its suggestion) when the text
    does not hold that many occurrences.
    """
    core = collapse_space(quote).strip()
    if not core:
        raise QuoteNotFoundError("the quote is empty")
    if occurrence < 1:
        raise QuoteNotFoundError(f"occurrence must be 1 or more, not {occurrence}")
    norm = NormalizedText(text)
    at, seen = norm.text.find(core), 0
    while at != -1:
        seen += 1
        if seen == occurrence:
            return norm.span_to_original(at, at + len(core))
        at = norm.text.find(core, at + len(core))
    shown = core if len(core) <= 60 else core[:59] + "…"
    if seen:
        raise QuoteNotFoundError(
            f'"{shown}" occurs {seen} time{"s" if seen > 1 else ""}, not {occurrence}'
        )
    suggestion = closest_match(text, core)
    hint = f'; closest match: "{suggestion}"' if suggestion else ""
    raise QuoteNotFoundError(f'quote not found: "{shown}"{hint}', suggestion)


def closest_match(text: str, quote: str) -> str | None:
    """The passage of ``text`` most like ``quote`` (widened to whole words), if any is close."""
    from rapidfuzz import fuzz

    core = collapse_space(quote).strip()
    norm = collapse_space(text)
    if not core or not norm.strip():
        return None
    found = fuzz.partial_ratio_alignment(
        core.casefold(), norm.casefold(), score_cutoff=SUGGESTION_MIN_SCORE
    )
    if found is None:
        return None
    # casefold() can change lengths (ß -> ss); only then do the offsets need re-finding.
    if len(core.casefold()) != len(core) or len(norm.casefold()) != len(norm):
        return None
    start, end = found.dest_start, found.dest_end
    while start > 0 and not norm[start - 1].isspace():
        start -= 1
    while end < len(norm) and not norm[end].isspace():
        end += 1
    passage = norm[start:end].strip()
    return passage or None


def _refine(text: str, core: str, start: int, end: int) -> tuple[int, int] | None:
    """Move an alignment's ends onto the quote's own first and last words where they occur.

    A partial-ratio alignment is as long as the quote, so text inserted into the passage
    shifts or clips it; the quote's opening and closing characters, searched near each end,
    say where the passage really begins and ends.
    """
    key = min(12, max(4, len(core) // 4))
    slack = len(core) // 2 + key
    head = _nearest(text, core[:key], start, start - slack, start + slack)
    if head is not None:
        start = head
    tail = _nearest(text, core[-key:], end - key, max(start, end - key - slack), end + slack)
    if tail is not None:
        end = tail + key
    while start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        start -= 1
    while end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
        end += 1
    span = _strip_span(text, start, end)
    if span is None or not len(core) // 2 <= span[1] - span[0] <= 2 * len(core):
        return None
    return span


def _nearest(text: str, needle: str, target: int, lo: int, hi: int) -> int | None:
    """The occurrence of ``needle`` starting in ``[lo, hi)`` nearest to ``target``."""
    best: int | None = None
    at = text.find(needle, max(0, lo), max(0, hi) + len(needle))
    while at != -1 and at < hi:
        if best is None or abs(at - target) < abs(best - target):
            best = at
        at = text.find(needle, at + 1, hi + len(needle))
    return best


def _strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _common_prefix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


def _common_suffix(a: str, b: str) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[-1 - i] == b[-1 - i]:
        i += 1
    return i
