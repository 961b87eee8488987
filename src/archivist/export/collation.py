"""Sort keys that order text as citeproc-js orders it (ICU collation, as in Zotero).

citeproc-js joins the words of a sort key with ``|`` and compares keys with
``localeCompare`` at base strength, ignoring punctuation, digits compared as numbers. So
case, accents and punctuation never count (``Duchêne`` as ``duchene``, ``Bell-Ringing``
before ``Bells``), a word ends before any letter follows (``Coast Monthly`` before
``Coastal``), and ``vol. 9`` comes before ``vol. 10``. Latin sorts before Greek, Cyrillic
and Arabic script; Persian letters sort beside their Arabic neighbours (``پ`` after ``ب``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

CollationKey = tuple[tuple[int, int | str], ...]

_PERSIAN = {
    "پ": "ب\uffff",
    "چ": "ج\uffff",
    "ژ": "ز\uffff",
    "ک": "ك",
    "گ": "ك\uffff",
    "ی": "ي",
    "ى": "ي",
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ؤ": "و",
    "ئ": "ي",
    "ة": "ه",
}
_EXPAND = {"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ð": "d", "þ": "th", "ł": "l", "đ": "d"}


@lru_cache(maxsize=8192)
def collation_key(text: str) -> CollationKey:
    """A key ordering text as citeproc-js's word-by-word, base-strength collation."""
    folded = unicodedata.normalize("NFKD", text.casefold())
    out: list[tuple[int, int | str]] = []
    digits = ""
    for ch in folded + " ":
        if ch.isdigit() and ch.isascii():
            digits += ch
            continue
        if digits:
            out.append((2, int(digits)))
            digits = ""
        if unicodedata.combining(ch):
            continue
        category = unicodedata.category(ch)
        if category[0] == "Z" or ch in "\t\n":
            if out and out[-1] != _SEPARATOR:
                out.append(_SEPARATOR)
        elif category[0] == "S":
            out.append((1, ch))
        elif category[0] not in "PC":
            for letter in _EXPAND.get(ch, ch):
                out.append((3, _PERSIAN.get(letter, letter)))
    if out and out[-1] == _SEPARATOR:
        out.pop()
    return tuple(out)


_SEPARATOR: tuple[int, int | str] = (0, 0)
"""Between words: before any symbol, digit or letter (citeproc-js's ``|``)."""


def sort_text(keys: tuple[str | None, ...]) -> tuple[tuple[int, CollationKey], ...]:
    """Several text keys in order; an empty key sorts after every other (CSL)."""
    return tuple((1, ()) if not k else (0, collation_key(k)) for k in keys)
