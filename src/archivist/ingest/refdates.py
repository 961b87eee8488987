"""Dates in reference strings: English, Persian and Arabic month names, Solar Hijri dates."""

from __future__ import annotations

import re
from typing import Any

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


def has_arabic_script(text: str) -> bool:
    """True when the text has Arabic-script characters (Persian, Arabic, Urdu)."""
    # The ASCII test runs at memory speed; most notes and names are ASCII.
    return not text.isascii() and ARABIC_SCRIPT.search(text) is not None


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits as ASCII digits (one for one, so offsets hold)."""
    # str.translate with a table walks the string in Python-level lookups; ASCII has nothing.
    return text if text.isascii() else text.translate(_DIGITS)


MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Gregorian months as written in Arabic (Egyptian/Gulf and Levantine names) and in Persian.
_LOCAL_GREGORIAN = {
    name: number
    for number, names in enumerate(
        (
            ("يناير", "كانون الثاني", "ژانویه"),
            ("فبراير", "شباط", "فوریه"),
            ("مارس", "آذار"),
            ("أبريل", "ابريل", "إبريل", "نيسان", "آوریل"),
            ("مايو", "أيار", "ايار", "مه", "می"),
            ("يونيو", "يونيه", "حزيران", "ژوئن"),
            ("يوليو", "يوليه", "تموز", "ژوئیه", "جولای"),
            ("أغسطس", "اغسطس", "آب", "اوت", "آگوست"),
            ("سبتمبر", "أيلول", "ايلول", "سپتامبر"),
            ("أكتوبر", "اكتوبر", "تشرين الأول", "اکتبر"),
            ("نوفمبر", "تشرين الثاني", "نوامبر"),
            ("ديسمبر", "كانون الأول", "دسامبر"),
        ),
        start=1,
    )
    for name in names
}
# Solar Hijri (Persian calendar) months.
_JALALI = {
    name: number
    for number, name in enumerate(
        (
            "فروردین",
            "اردیبهشت",
            "خرداد",
            "تیر",
            "مرداد",
            "شهریور",
            "مهر",
            "آبان",
            "آذر",
            "دی",
            "بهمن",
            "اسفند",
        ),
        start=1,
    )
}


def _alternation(names: dict[str, int]) -> str:
    # Longest first, so "كانون الثاني" wins over a shorter name sharing its start.
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


# Spelled out per month (first letter either case) rather than one IGNORECASE alternation of
# thirty names: the latter cost about 11 microseconds per note, the importer's hottest spot.
_MONTH = (
    r"\b(?P<month>[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|[Mm]ay|"
    r"[Jj]un(?:e)?|[Jj]ul(?:y)?|[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|"
    r"[Nn]ov(?:ember)?|[Dd]ec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\b\.?"
)
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_DATE_PATTERNS = (
    re.compile(r"(?P<iso>(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>\d\d)(?:-(?P<d>\d\d))?)(?![\d-])"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+" + _YEAR),
    re.compile(r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+" + _YEAR),
    re.compile(_MONTH + r",?\s+" + _YEAR),
    re.compile(r"\(?" + _YEAR + r"\)?(?![\d/])"),
)
_PATTERN_KINDS = ("iso", "named", "named", "named", "year")
_BARE_YEAR = _DATE_PATTERNS[-1]
_MONTH_NAME = re.compile(_MONTH)
_MONTH_STEM = re.compile("jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec")
_LOCAL_DATE = re.compile(
    r"(?:(?P<day>\d{1,2})\s+)?(?<![\u0600-\u06ff])(?P<month>"
    + _alternation(_LOCAL_GREGORIAN)
    + r")(?![\u0600-\u06ff])\s*[،,]?\s*"
    + _YEAR
)
_JALALI_DATE = re.compile(
    r"(?:(?P<day>\d{1,2})\s+)?(?<![\u0600-\u06ff])(?P<month>"
    + _alternation(_JALALI)
    + r")(?![\u0600-\u06ff])\s*[،,]?\s*(?P<year>1[34]\d\d)(?!\d)"
)
# A Solar Hijri or lunar Hijri year alone, as Persian and Arabic references write them.
_LOCAL_YEAR = re.compile(r"(?<!\d)(?P<year>1[34]\d\d)(?!\d)")
_ANY_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
# A year not inside a longer number. Written to start with "[12]" rather than the lookbehind:
# a pattern that starts with a character class is searched for that class first, five times
# faster than trying the lookbehind at every position.
_LONE_YEAR = re.compile(r"[12](?<!\d[12])(?:(?<=1)[5-9]|(?<=2)0)\d\d(?!\d)")
_YEAR_RANGE = re.compile(
    r"(?<![\d\-–/])(?P<start>1[5-9]\d\d|20\d\d)\s*[-–]\s*(?P<end>1[5-9]\d\d|20\d\d)(?![\d\-–/])"
)
_ACCESSED = re.compile(
    r"[,.;]?\s*\(?(?:accessed|retrieved|viewed|last visited)(?: on)?:?\s+"
    r"(?P<date>[A-Za-z]+\.?\s+\d{1,2},\s*\d{4}|[^,;)]{4,30})\)?",
    re.I,
)


def jalali_to_gregorian(year: int, month: int, day: int) -> tuple[int, int, int]:
    """The Gregorian date of a Solar Hijri date (the 33-year arithmetic rule, exact 1244-1403)."""
    jy = year + 1595
    days = -355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + day
    days += (month - 1) * 31 if month < 7 else (month - 7) * 30 + 186
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    gd = days + 1
    leap = gy % 4 == 0 and (gy % 100 != 0 or gy % 400 == 0)
    lengths = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    gm = 0
    while gm < 11 and gd > lengths[gm]:
        gd -= lengths[gm]
        gm += 1
    return gy, gm + 1, gd


def _valid(parts: list[int]) -> bool:
    return (len(parts) < 2 or 1 <= parts[1] <= 12) and (len(parts) < 3 or 1 <= parts[2] <= 31)


def _parse_date(text: str) -> tuple[dict[str, Any], tuple[int, int]] | None:
    """The last Gregorian date in ``text`` (ASCII digits) as a CSL date, with its span."""
    last = _last_any_year(text)
    if last is None:
        return None  # every pattern needs a year
    # Only the text around the last year can hold the date: scanning the whole note with the
    # month patterns at every position was the importer's hottest spot.
    window = (max(0, last[0] - 24), min(len(text), last[1] + 6))
    if not text.isascii() and ARABIC_SCRIPT.search(text, *window):
        local = _last(_LOCAL_DATE, text, window)
        if local:
            groups = local.groupdict()
            parts = [int(groups["year"]), _LOCAL_GREGORIAN[groups["month"]]]
            parts += [int(groups["day"])] if groups.get("day") else []
            if _valid(parts):
                return {"date-parts": [parts]}, local.span()
    # Cheap tests first: most notes end in a bare year, and each pattern scan costs microseconds.
    near = text[window[0] : window[1]]
    dashed = "-" in near or "–" in near
    span = _last(_YEAR_RANGE, text, window) if dashed else None
    if span and int(span["start"]) < int(span["end"]):
        # "1598-1671": the span of an archival series or a multi-year work, not a year and pages.
        return {"date-parts": [[int(span["start"])], [int(span["end"])]]}, span.span()
    # Every month name holds one of these stems: a fast test before the slow search.
    named = _MONTH_STEM.search(near.lower()) is not None and _MONTH_NAME.search(near) is not None
    if not (dashed or named):
        # A bare year, the common case: only the last pattern can match.
        return _last_bare_year(text, window)
    for kind, pattern in zip(_PATTERN_KINDS, _DATE_PATTERNS, strict=True):
        if (kind == "iso" and not dashed) or (kind == "named" and not named):
            continue
        match = _last(pattern, text, window)
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("iso"):
            parts = [int(groups["y"]), int(groups["m"])]
            parts += [int(groups["d"])] if groups.get("d") else []
        else:
            parts = [int(groups["year"])]
            if groups.get("month"):
                parts.append(MONTHS[groups["month"].lower().rstrip(".")])
                if groups.get("day"):
                    parts.append(int(groups["day"]))
        if _valid(parts):
            return {"date-parts": [parts]}, match.span()
    return None


def _last(pattern: re.Pattern[str], text: str, window: tuple[int, int]) -> re.Match[str] | None:
    found = None
    for found in pattern.finditer(text, *window):  # noqa: B007 - the last one is wanted
        pass
    return found


# The same years, found from the end: a greedy ".*" backs off one character at a time from
# the end of the text, so the year nearest the end is met first. Scanning forward for every
# match and keeping the last cost 1.5 to 1.8 microseconds a note; this costs a quarter of it.
# Built from the patterns they stand for; _BARE_YEAR's optional "(" is left out and added
# back by _last_bare_year.
_FINAL_YEAR = re.compile(f"(?s:.*)({_ANY_YEAR.pattern})")
_FINAL_BARE_YEAR = re.compile("(?s:.*)" + _BARE_YEAR.pattern.removeprefix(r"\(?"))


def _last_any_year(text: str) -> tuple[int, int] | None:
    """The span of the last match of _ANY_YEAR, as ``_last`` finds it, without a forward scan."""
    final = _FINAL_YEAR.match(text)
    if final is None:
        return None
    start, end = final.span(1)
    # Years only overlap inside a longer run of digits, where the forward scan's last match
    # need not be the one nearest the end ("192019": 1920): scan that run forwards.
    if (start and text[start - 1].isdecimal()) or text[end : end + 1].isdecimal():
        while start and text[start - 1].isdecimal():
            start -= 1
        while end < len(text) and text[end].isdecimal():
            end += 1
        last = _last(_ANY_YEAR, text, (start, end))
        return None if last is None else last.span()
    return start, end


def _last_bare_year(
    text: str, window: tuple[int, int]
) -> tuple[dict[str, Any], tuple[int, int]] | None:
    """What the last match of _BARE_YEAR in ``window`` gives, without a forward scan.

    Its year must not be followed by a digit, so two matches never share a digit and the
    forward scan's last match holds the year nearest the end; it starts at the "(" before
    that year when there is one.
    """
    final = _FINAL_BARE_YEAR.match(text, *window)
    if final is None:
        return None
    start = final.start("year")
    if start > window[0] and text[start - 1] == "(":
        start -= 1
    return {"date-parts": [[int(final["year"])]]}, (start, final.end())


def _parse_local_date(text: str) -> tuple[dict[str, Any], tuple[int, int]] | None:
    """A Solar Hijri date (converted when it has a day) or a bare Hijri year (kept literal)."""
    jalali = _last(_JALALI_DATE, text, (0, len(text)))
    if jalali:
        year, month = int(jalali.group("year")), _JALALI[jalali.group("month")]
        if jalali.group("day") and 1 <= int(jalali.group("day")) <= 31:
            return {
                "date-parts": [list(jalali_to_gregorian(year, month, int(jalali.group("day"))))]
            }, jalali.span()
        # A Solar Hijri month straddles two Gregorian months: keep it as written.
        return {"literal": f"{jalali.group('month')} {year}"}, jalali.span()
    local = _last(_LOCAL_YEAR, text, (0, len(text)))
    if local:
        return {"literal": local.group("year")}, local.span()
    return None


def extract_date(text: str, item: dict[str, Any]) -> str:
    """Set ``issued`` (and ``accessed``) from the text; return the text without them."""
    lowered = text.lower()
    wanted = "accessed" in lowered or "retrieved" in lowered or "visited" in lowered
    accessed = _ACCESSED.search(text) if wanted or "viewed" in lowered else None
    if accessed:
        found = _parse_date(to_ascii_digits(accessed.group("date")))
        if found:
            item["accessed"] = found[0]
        text = text[: accessed.start()] + text[accessed.end() :]
    ascii_text = to_ascii_digits(text)
    found = _parse_date(ascii_text)
    if not found and has_arabic_script(text):
        found = _parse_local_date(ascii_text)
    if not found:
        return text
    item["issued"] = found[0]
    start, end = found[1]
    return (text[:start] + text[end:]).strip(" ,،.;")


def has_year(text: str) -> bool:
    """True when the text names a Gregorian, Solar Hijri or Hijri year."""
    ascii_text = to_ascii_digits(text)
    if _LONE_YEAR.search(ascii_text):
        return True
    return has_arabic_script(text) and _LOCAL_YEAR.search(ascii_text) is not None
