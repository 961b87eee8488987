"""Metadata lines of a plain-text save: breadcrumb, byline and date lines; the text's language."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

import pycld2

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")

MAX_META_LINE = 300
"""Longer lines are body text: no metadata regex ever runs over them (huge one-line files)."""


def ascii_digits(text: str) -> str:
    """``text`` with Persian and Arabic-Indic digits replaced by ASCII ones."""
    return text if text.isascii() else text.translate(_DIGITS)


def fold_arabic(text: str) -> str:
    """Fold Arabic yeh/kaf to their Persian forms and drop joiners, for comparing keywords."""
    return text.replace("ي", "ی").replace("ك", "ک").replace("\u200c", "").replace("ى", "ی")


# --- dates -------------------------------------------------------------------------------------

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s)?"
_DATE_FORMS = (
    rf"{_WEEKDAY}{_MONTH}\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s(?P<year>\d{{4}})",
    rf"{_WEEKDAY}(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s{_MONTH},?\s(?P<year>\d{{4}})",
    r"(?P<year>\d{4})[-/.](?P<mnum>\d{1,2})[-/.](?P<day>\d{1,2})",
    rf"{_MONTH},?\s(?P<year>\d{{4}})",
)
# The date must end the text (a trailing date on a byline); the search is only ever run on
# lines shorter than MAX_META_LINE, so it stays cheap.
_YEAR = re.compile(r"\d{4}")
_TRAILING_DATES = tuple(re.compile(rf"(?:{form})[\s.]*$", re.I) for form in _DATE_FORMS)
_WHOLE_DATES = tuple(re.compile(form, re.I) for form in _DATE_FORMS)
_DATE_PREFIX = re.compile(
    r"^(?:(?:published|posted|date|dated|first published)(?:\s+on)?\s*:?\s*|on\s+"
    r"|(?:تاریخ انتشار|تاريخ انتشار|تاریخ|تاريخ|تاريخ النشر|نشر في)\s*:?\s*)",
    re.I,
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A date found in a line: its ISO form and where it starts in the line."""

    iso: str
    start: int


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    year = int(groups["year"])
    mnum = groups.get("mnum")
    month = int(mnum) if mnum else _MONTHS[groups["month"][:3].lower()]
    if not 1800 <= year <= 2200:
        return None
    if groups.get("day") is None:
        return f"{year:04d}-{month:02d}"
    try:
        return datetime.date(year, month, int(groups["day"])).isoformat()
    except ValueError:
        return None


def trailing_date(text: str) -> FoundDate | None:
    """The Gregorian date that ends ``text`` (``..., March 3, 2016``), if any."""
    if len(text) > MAX_META_LINE:
        return None
    text = ascii_digits(text)
    for pattern in _TRAILING_DATES:
        match = pattern.search(text)
        if match is not None:
            iso = _iso(match)
            if iso is not None:
                return FoundDate(iso, match.start())
    return None


def date_line(line: str) -> str | None:
    """The ISO date of a line that is only a date, or ``Published: <date>``; else None."""
    if len(line) > 80:
        return None
    line = ascii_digits(line)
    if _YEAR.search(line) is None:
        return None
    prefix = _DATE_PREFIX.match(line)
    body = (line[prefix.end() :] if prefix else line).strip().rstrip(".")
    for pattern in _WHOLE_DATES:
        match = pattern.fullmatch(body)
        if match is not None:
            return _iso(match)
    return None


# --- bylines -----------------------------------------------------------------------------------

_BYLINE_PREFIX = re.compile(
    r"^(?:(?:by|written by|words by|posted by)\s+|(?:authors?|written by|by)\s*:\s*"
    r"|(?:—|–|―|--)\s*"
    # Legacy Persian pages use Arabic yeh and kaf (windows-1256 has no Persian forms).
    r"|(?:نویسنده|نویسندگان|نوشته|به قلم|بقلم|الکاتب|الکاتبة|کتبه|تألیف)\s*:?\s+)".replace(
        "ی", "[یي]"
    ).replace("ک", "[کك]"),
    re.I,
)
_NAME_SPLIT = re.compile(r"\s*(?:,\s*and\s+|\s+and\s+|\s*,\s*|\s+&\s+|\s+و\s+|\s*،\s*)\s*", re.I)
_PARTICLES = frozenset(
    {"de", "del", "della", "der", "den", "di", "da", "dos", "du", "van", "von", "la", "le"}
    | {"al", "el", "bin", "ibn", "y", "ten", "ter", "zu"}
)
_LATIN_TOKEN = re.compile(r"^(?:[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]*|[A-Z]\.|(?:al|el|d|o)[-'’][\w'’.-]+)$")
_ARABIC_TOKEN = re.compile(r"^[\u0600-\u06ff\u0750-\u077f\u200c\ufb50-\ufdff\ufe70-\ufeff.-]+$")
_SEPARATORS = " \t|,;·•—–-/"


@dataclass(frozen=True, slots=True)
class Byline:
    """The authors (and the date, when the byline carries one) of a byline line."""

    authors: tuple[str, ...]
    published: str | None


def _is_name(name: str) -> bool:
    tokens = name.split()
    if not 1 <= len(tokens) <= 6 or len(name) > 60:
        return False
    if all(_ARABIC_TOKEN.match(token) for token in tokens):
        return True
    if not _LATIN_TOKEN.match(tokens[0]):
        return False
    return all(_LATIN_TOKEN.match(t) or t.lower() in _PARTICLES for t in tokens[1:])


def parse_byline(line: str) -> Byline | None:
    """The byline in ``line`` (``By A and B | March 3, 2016``, ``— A``, ``نویسنده: A``)."""
    if len(line) > MAX_META_LINE:
        return None
    match = _BYLINE_PREFIX.match(line)
    if match is None:
        return None
    rest = line[match.end() :].strip()
    published = None
    found = trailing_date(rest)
    if found is not None:
        published = found.iso
        rest = rest[: found.start].rstrip()
        rest = re.sub(r"(?:\s+(?:on|published|posted))?[\s|,;·•—–/-]*$", "", rest, flags=re.I)
    rest = rest.split(" | ")[0].strip(_SEPARATORS)
    names = [name.strip(_SEPARATORS) for name in _NAME_SPLIT.split(rest)]
    names = [name for name in names if name]
    if not names or len(names) > 8 or not all(_is_name(name) for name in names):
        return None
    return Byline(tuple(names), published)


# --- breadcrumbs -------------------------------------------------------------------------------

_CRUMB_SPLIT = re.compile(r"\s*[»›«‹]\s*|\s+[>/\\]\s+")
_HOME_WORDS = frozenset(
    ["home", "start", "main", "خانه", "صفحه اصلی", "صفحه نخست", "الرئيسية", "الصفحة الرئيسية"]
)


def parse_breadcrumb(line: str) -> list[str] | None:
    """The parts of a breadcrumb-shaped line (``Home » Section » Title``), or None.

    Two parts that do not start at ``Home`` make a breadcrumb only if the title follows; the
    caller checks that.
    """
    if len(line) > MAX_META_LINE:
        return None
    parts = [part.strip() for part in _CRUMB_SPLIT.split(line)]
    if len(parts) < 2 or any(not part or len(part) > 150 for part in parts):
        return None
    return parts


def is_home(part: str) -> bool:
    """True for the site-root crumb (``Home``, ``خانه``, ...)."""
    return fold_arabic(part.lower()) in {fold_arabic(word) for word in _HOME_WORDS}


# --- language ----------------------------------------------------------------------------------

_ARABIC_LETTER = re.compile(
    r"[\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]"
)
_PERSIAN_LETTER = re.compile(r"[پچژگیک]")
_SAMPLE = 20_000
"""Characters of the text the detector reads: past a few thousand, more changes nothing."""
# CLD2 refuses a whole text ("invalid UTF-8") over one C0/C1 control or lone surrogate; none of
# them carries language, so they are blanked before it reads.
_UNREADABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def guess_language(text: str) -> str | None:
    """The BCP 47 code of the text's language (``en``, ``fa``, ``zh``, ``zh-hant``), or None.

    CLD2 (pycld2) decides: it was chosen over py3langid, langdetect and lingua for telling
    Persian from Arabic and Chinese from Japanese as well as they did on long texts, at a
    fraction of their size, memory and start-up time (tests/bench/bench_language.py). When it
    cannot tell (a few words, numbers only), Arabic script still says ``fa`` or ``ar``.
    """
    return _detect(text)[0]


def settle_language(declared: str | None, text: str) -> str | None:
    """The page's declared language, unless the text is plainly in another script.

    Themes ship ``<html lang="en">`` whatever the site writes in, so a Chinese or Bengali
    article came out as ``en``. The declaration is kept whenever it could be right: only a
    reliable detection in a different writing system (Han for a declared ``en``, Latin for a
    declared ``ru``) overrides it. Between languages of one script the page is believed.
    """
    if declared is None:
        return guess_language(text)
    detected, reliable = _detect(text)
    if detected is None or not reliable:
        return declared
    if _script(detected) != _script(declared):
        return detected
    return declared


_SCRIPTS = {
    **dict.fromkeys(("ar", "fa", "ur", "ps", "ckb", "sd", "ug"), "Arab"),
    **dict.fromkeys(("zh", "ja"), "Hani"),
    **dict.fromkeys(("ru", "uk", "bg", "sr", "be", "mk", "kk", "ky", "mn", "tg"), "Cyrl"),
    **dict.fromkeys(("he", "iw", "yi"), "Hebr"),
    **dict.fromkeys(("hi", "mr", "ne", "sa"), "Deva"),
    "ko": "Hang", "el": "Grek", "bn": "Beng", "th": "Thai", "ka": "Geor", "hy": "Armn",
    "ta": "Taml", "te": "Telu", "kn": "Knda", "ml": "Mlym", "gu": "Gujr", "pa": "Guru",
    "si": "Sinh", "km": "Khmr", "lo": "Laoo", "my": "Mymr", "am": "Ethi", "dv": "Thaa",
}  # fmt: skip
"""The writing system of languages not written in Latin letters; every other one is Latin."""


def _script(code: str) -> str:
    return _SCRIPTS.get(code.lower().split("-")[0], "Latn")


_MIN_RELIABLE = 200
"""Characters of text below which a detection never overrides what the page declares."""


def _detect(text: str) -> tuple[str | None, bool]:
    sample = _UNREADABLE.sub(" ", text[:_SAMPLE])
    try:
        reliable, _read, found = pycld2.detect(sample, isPlainText=True)
    except pycld2.error:
        reliable, found = False, ()
    code = found[0][1] if found else "un"
    if code not in ("un", "xxx") and not code.startswith("xx-"):
        return code.lower(), bool(reliable) and len(sample.strip()) >= _MIN_RELIABLE
    if _ARABIC_LETTER.search(sample):
        return ("fa" if _PERSIAN_LETTER.search(sample) else "ar"), False
    return None, False
