"""Search-result snippets made in Python: the words around the first match, matches marked.

FTS5's snippet() re-tokenizes each whole article, which cost about 0.2 ms per hit (10 ms for
a page of 50) on the search benchmark; matching the query's words with one compiled pattern
costs a few microseconds. Matching follows the search index (archive/search.py) closely enough
for display: case-insensitive, accents, Arabic-script diacritics and letter variants folded.
"""

from __future__ import annotations

import functools
import re
import unicodedata

WINDOW_BEFORE = 6
WINDOW_AFTER = 10
MARK = "**"

# Combining marks that may follow a letter in stored text (Latin accents in NFD, Arabic harakat,
# the tatweel that stretches a joined letter).
_MARKS = "[\u0300-\u036f\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06ed]*"
_WORD = re.compile(r"\w+")

# Arabic-script letters written two ways (Arabic and Persian keyboards type different kaf and
# yeh; hamza seats on alef are often left off) and Arabic-Indic digits, each to one form; the
# search index holds and queries text folded so, and snippets mark every form.
_SCRIPT_FORMS = {
    "\u06a9": "\u0643",  # keheh: Arabic kaf
    "\u06cc": "\u064a\u0649",  # Farsi yeh: Arabic yeh, alef maksura
    "\u0627": "\u0623\u0625\u0622\u0671",  # alef: with hamza above, below, madda, wasla
    "\u0647": "\u0629",  # heh: teh marbuta
    **{str(d): chr(0x0660 + d) + chr(0x06F0 + d) for d in range(10)},
}
_SCRIPT_FOLD = str.maketrans(
    {variant: base for base, variants in _SCRIPT_FORMS.items() for variant in variants}
    | {chr(c): None for c in (*range(0x064B, 0x0660), 0x0670, 0x0640)}
)


def fold_script(text: str) -> str:
    """``text`` with Arabic-script letter variants and digits in one form, harakat removed."""
    return text.translate(_SCRIPT_FOLD)


@functools.cache
def _variants() -> dict[str, str]:
    """For each base letter, every precomposed Latin letter that folds to it."""
    table: dict[str, set[str]] = {}
    for code in range(0x00C0, 0x0250):
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if base.isascii() and base.isalpha():
            table.setdefault(base, {base}).add(ch.lower())
    for base, variants in _SCRIPT_FORMS.items():
        table.setdefault(base, {base}).update(variants)
    return {base: "".join(sorted(chars)) for base, chars in table.items()}


def _fold(word: str) -> str:
    return "".join(
        ch
        for ch in unicodedata.normalize("NFD", fold_script(word).lower())
        if not unicodedata.combining(ch)
    )


@functools.lru_cache(maxsize=256)
def query_pattern(
    query: str, *, prefix: bool = False, plain: bool = False
) -> re.Pattern[str] | None:
    """A pattern matching any word of ``query`` as a whole word, or None if it has none.

    With ``prefix``, the query's last word also matches the start of a longer word. A
    ``plain`` pattern is for ASCII text, where no accented or Arabic-script form can occur:
    it compiles in microseconds, where the classes of every letter's forms take milliseconds.
    """
    found = [_fold(w) for w in _WORD.findall(query)]
    last = found[-1] if prefix and found else None
    words = sorted(set(found) - {""}, key=len, reverse=True)
    if not words:
        return None
    variants = _variants()
    parts = []
    for word in words[:32]:
        tail = r"\w*" if word == last else ""
        if plain:
            parts.append(re.escape(word) + tail)
            continue
        chars = [f"[{re.escape(variants[c])}]" if c in variants else re.escape(c) for c in word]
        parts.append(_MARKS.join(chars) + _MARKS + tail)
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def make_snippet(text: str, query: str, *, prefix: bool = False) -> str:
    """About sixteen words of ``text`` around the first match of ``query``, matches in **."""
    pattern = query_pattern(query, prefix=prefix, plain=text.isascii())
    first = first_match(text, query, pattern) if pattern is not None else None
    if first is None:
        words = list(_WORD.finditer(text[:2000]))
        if not words:
            return ""
        count = WINDOW_BEFORE + WINDOW_AFTER
        end = words[count - 1].end() if len(words) > count else min(len(text), 2000)
        return _tidy(text[:end]) + ("…" if end < len(text) else "")
    before = list(_WORD.finditer(text, max(0, first.start() - 200), first.start()))
    start = (
        before[-WINDOW_BEFORE].start()
        if len(before) >= WINDOW_BEFORE
        else (before[0].start() if before and first.start() > 200 else 0)
    )
    after = _WORD.finditer(text, first.end(), min(len(text), first.end() + 400))
    end = first.end()
    for count, word in enumerate(after, start=1):
        end = word.end()
        if count >= WINDOW_AFTER:
            break
    window = text[start:end]
    assert pattern is not None
    marked = pattern.sub(lambda m: f"{MARK}{m.group(0)}{MARK}", window)
    return ("…" if start > 0 else "") + _tidy(marked) + ("…" if end < len(text) else "")


def first_match(text: str, query: str, pattern: re.Pattern[str]) -> re.Match[str] | None:
    """The earliest match of ``pattern`` (made from ``query``), or None if ``text`` has none.

    A regex with look-behind, case folding and accent classes cannot use a fast literal scan;
    str.find on the lower-cased text can, so the pattern only confirms a few places. In ASCII
    text no accented or Arabic-script form can occur, so when the query's folded words are
    not found literally, the text has no match and the slow scan is skipped.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        best: re.Match[str] | None = None
        words = {_fold(w) for w in _WORD.findall(query)}
        searched_all = True
        for word in words:
            at = lowered.find(word)
            tries = 0
            while at >= 0:
                if tries >= 50:
                    searched_all = False
                    break
                found = pattern.match(text, at)
                if found is not None and (at == 0 or not text[at - 1].isalnum()):
                    if best is None or found.start() < best.start():
                        best = found
                    break
                at = lowered.find(word, at + 1)
                tries += 1
        if best is not None:
            return best
        if searched_all and text.isascii() and all(w.isascii() for w in words):
            return None
    return pattern.search(text)


def _tidy(fragment: str) -> str:
    return " ".join(fragment.split())
