"""What a footnote marker and a notes heading look like, in any language and script."""

from __future__ import annotations

import functools
import re

from archivist.ingest.text.textmeta import ascii_digits, fold_arabic

MAX_RANGE = 50
"""A range marker naming more notes than this (``[1-5000]``) is not read as a range."""

_NOTE_HEADINGS = (
    # English
    "notes", "note", "footnotes", "footnote", "endnotes", "references", "reference", "sources",
    "source", "bibliography", "works cited", "citations", "notes and references",
    "references and notes", "literature cited", "cited works", "literature", "notes and sources",
    # German
    "anmerkungen", "anmerkung", "einzelnachweise", "fußnoten", "fussnoten", "literatur",
    "quellen", "quellenangaben", "belege", "literaturverzeichnis", "nachweise",
    # French
    "notes et références", "références", "référence", "bibliographie", "sources et références",
    # Spanish, Portuguese, Italian, Dutch
    "notas", "referencias", "referências", "bibliografía", "bibliografia", "fuentes", "fontes",
    "notas y referencias", "notas e referências", "riferimenti", "note e riferimenti",
    "voetnoten", "noten", "bronnen", "referenties",
    # Scandinavian, Polish, Czech, Turkish
    "fotnoter", "källor", "kilder", "referenser", "przypisy", "bibliografia", "poznámky",
    "reference", "kaynakça", "notlar", "dipnotlar",
    # Russian, Ukrainian
    "примечания", "источники", "литература", "сноски", "примітки", "джерела",
    # Japanese, Chinese, Korean
    "注釈", "脚注", "出典", "参考文献", "注", "参考资料", "参考資料", "注释", "註釋", "注解",
    "引用", "각주", "참고 문헌", "주석",
    # Persian, Arabic, Urdu, Hebrew
    "منابع", "منبع", "منابع و مآخذ", "مآخذ", "پانویس", "پانویس‌ها", "پی‌نوشت", "پی‌نوشت‌ها",
    "پی نوشت", "پی نوشت ها", "یادداشت‌ها", "یادداشت ها", "ارجاعات", "المصادر", "المراجع",
    "المصادر والمراجع", "الهوامش", "مراجع", "هوامش", "الحواشي", "حوالہ جات", "הערות", "מקורות",
)  # fmt: skip
NOTE_HEADINGS = frozenset(fold_arabic(word).casefold() for word in _NOTE_HEADINGS)
"""Headings that open a page's notes or reference list, folded for comparison."""

_HEADING_NOISE = re.compile(r"^[\s#\d.:：·|\-–—]+|[\s:：.\[\]]+$|\[\s*(?:edit|ویرایش)\s*\]$", re.I)
_EDIT_SUFFIX = re.compile(r"\s*\[?\s*(?:edit|modifier|bearbeiten|ویرایش|عدل)\s*\]?\s*$", re.I)

_DIGITS = "0-9٠-٩۰-۹"
# A marker's text once brackets are off: a number ("12", "۳"), a note-group number in lower
# case ("n 3", "note 3"; "King 2003" is a short citation), a letter or two ("a", "ab"), or a
# run of reference symbols ("*", "†", "‡").
_SINGLE = re.compile(
    rf"\*?[{_DIGITS}]{{1,4}}|[a-z]{{1,4}}\.?\s?[{_DIGITS}]{{1,3}}|[a-zA-Z]{{1,2}}|[*†‡§¶#]{{1,3}}"
)
_SPAN = re.compile(rf"([{_DIGITS}]{{1,4}})\s*[-–—]\s*([{_DIGITS}]{{1,4}})")
_OPEN = "[(（【"
_SYMBOLS = "*†‡§¶#"
_HAS_DIGIT = re.compile(rf"[{_DIGITS}]")
_CLOSE = "])）】"


def marker_labels(text: str) -> list[str]:
    """The labels a short marker names: ``[3]`` → 3, ``[1-3]`` → 1, 2, 3, ``[1, 4]`` → 1, 4.

    Empty when ``text`` is not shaped like a marker. Digits come out as ASCII digits.
    """
    core = text.strip()
    if len(core) > 24:
        return []
    core = core.lstrip(_OPEN).rstrip(_CLOSE).strip()
    if not core or (len(core) > 2 and core[0] not in _SYMBOLS and not _HAS_DIGIT.search(core)):
        return []
    if _SINGLE.fullmatch(core):
        return [ascii_digits(" ".join(core.split()))]
    labels: list[str] = []
    for part in re.split(r"\s*[,،;、]\s*", core):
        span = _SPAN.fullmatch(part)
        if span is not None:
            first, last = int(ascii_digits(span.group(1))), int(ascii_digits(span.group(2)))
            if not 0 < last - first < MAX_RANGE:
                return []
            labels.extend(str(n) for n in range(first, last + 1))
        elif part and part.isdigit() and len(part) <= 4:
            labels.append(ascii_digits(part))
        else:
            return []
    return labels


@functools.lru_cache(maxsize=4096)  # each heading of a page is asked about twice
def is_notes_heading(text: str) -> bool:
    """True for a heading that opens notes or references (``Notes``, ``参考资料``, ``پانویس``)."""
    if len(text) > 60:
        return False
    words = _EDIT_SUFFIX.sub("", " ".join(text.split()))
    words = _HEADING_NOISE.sub("", words)
    return fold_arabic(words).casefold() in NOTE_HEADINGS


_IDENTIFIER_TAIL = re.compile(r"(?:^|[^\w])(?:[A-Za-z_]\w?|[A-Za-z_]\w*[_\d]\w*)$")
_OPERATOR_AFTER = re.compile(r"\s*(?:[=+*/^<>%]|-(?!\s)|\(|\.\w)")
_OPERATOR_BEFORE = re.compile(r"[=+*/^<>%]\s*$")


def is_subscript(text: str, start: int, end: int) -> bool:
    """True when the bracketed number ``text[start:end]`` indexes something, as in ``x[2]``.

    Glued to a short identifier (``x``, ``a1``, ``arr_2``), or standing beside an operator
    (``= [2] +``), a bracketed number is code or a formula, not a footnote marker.
    """
    before = text[max(0, start - 40) : start]
    if before and (before[-1].isalnum() or before[-1] == "_") and _IDENTIFIER_TAIL.search(before):
        return True
    return bool(_OPERATOR_BEFORE.search(before) or _OPERATOR_AFTER.match(text, end))
