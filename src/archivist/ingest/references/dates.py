"""Dates in reference strings: English, Persian and Arabic month names, Solar Hijri dates."""

from __future__ import annotations

import re
from typing import Any

from archivist.text import ARABIC_SCRIPT, has_arabic_script, to_ascii_digits

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


# Month names of the other languages references are written in, for dates inside a date
# segment (where the labeller has already said "this is the date"). English, Arabic and
# Persian Gregorian names are in MONTHS and _LOCAL_GREGORIAN above.
_WORLD_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            "janvier januar jänner enero gennaio janeiro januari stycznia styczeń января январь "
            "ocak 1月 jan. janv. ene. genn. gen.",
            "février fevrier februar febrero febbraio fevereiro februari lutego luty февраля "
            "февраль şubat 2月 feb. févr. fév. febr.",
            "mars märz maerz marzo março maart marca marzec марта март mart 3月 mär. mrz.",
            "avril april abril aprile kwietnia kwiecień апреля апрель nisan 4月 avr. abr.",
            "mai mayo maggio maio mei maja maj мая май mayıs 5月",
            "juin juni junio giugno junho czerwca czerwiec июня июнь haziran 6月 jun.",
            "juillet juli julio luglio julho lipca lipiec июля июль temmuz 7月 juil. jul.",
            "août aout august agosto augustus sierpnia sierpień августа август ağustos 8月 ago.",
            "septembre september septiembre setiembre settembre setembro września wrzesień "
            "сентября сентябрь eylül 9月 sept. sept set. sett.",
            "octobre oktober octubre ottobre outubro października październik октября октябрь "
            "ekim 10月 oct. okt. ott. out.",
            "novembre november noviembre novembro listopada listopad ноября ноябрь kasım 11月 nov.",
            "décembre decembre dezember diciembre dicembre dezembro december grudnia grudzień "
            "декабря декабрь aralık 12月 dez. déc. dic.",
        ),
        start=1,
    )
    for name in names.split()
}
_SEASONS = {
    "spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4, "printemps": 1, "été": 2,
    "automne": 3, "hiver": 4, "frühjahr": 1, "frühling": 1, "sommer": 2, "herbst": 3,
    "primavera": 1, "verano": 2, "otoño": 3, "invierno": 4, "estate": 2, "autunno": 3,
    "inverno": 4, "verão": 2, "outono": 3,
}  # fmt: skip
_LOCAL_SEASONS = ("بهار", "تابستان", "پاییز", "پائیز", "زمستان", "ربيع", "صيف", "خريف", "شتاء")
_NO_DATE = re.compile(
    r"^\W*(?:n\.?\s?d|s\.\s?d|o\.\s?j|sans date|no date|undated|bez daty|б\.\s?г|بی[\u200c ]?تا|"
    r"د\.\s?ت|بدون تاريخ)\W*$",
    re.I,
)
_SEGMENT_YEAR = re.compile(r"(?<![\d.])(1[5-9]\d\d|20\d\d)(?!\d|\.\d)")
"""A year, not the start of an arXiv id (1706.02582) nor a part of a longer number."""
_NUMERIC_DATE = re.compile(
    r"(?<!\d)(?:(?P<y1>1[5-9]\d\d|20\d\d)[-/.](?P<m1>\d{1,2})(?:[-/.](?P<d1>\d{1,2}))?"
    r"|(?P<d2>\d{1,2})\.\s?(?P<m2>\d{1,2})\.\s?(?P<y2>1[5-9]\d\d|20\d\d))(?!\d)"
)
_CJK_DATE = re.compile(r"(?P<y>\d{4})\s*年(?:\s*(?P<m>\d{1,2})\s*月(?:\s*(?P<d>\d{1,2})\s*日)?)?")
_LETTERS = re.compile(r"[^\W\d_]+\.?|\d+", re.UNICODE)
_ORDINAL_DAY = re.compile(r"(?<=\d)(?:st|nd|rd|th|er|e)\b", re.I)
_HIJRI_MARK = re.compile(r"\s?(?:ه\u0640?\s?\.?\s?ق|ه\u0640?|ق|ش)\.?")
_CIRCA = re.compile(r"\b(?:c|ca|circa)\.?\s*\d", re.I)


def segment_date(text: str) -> dict[str, Any] | None:
    """The CSL date of a date segment ("(2009a).", "15 March 2012", "Spring 2001", "۱۳۸۵").

    A Solar Hijri date with a day is converted; a Solar Hijri or lunar Hijri year or month
    without one is kept as written, as a literal (its calendar is not the Gregorian one).
    """
    text = text[:100]
    if _NO_DATE.match(text):
        return None
    digits = to_ascii_digits(text)
    cjk = _CJK_DATE.search(digits) if "年" in digits else None
    if cjk:
        parts = [int(p) for p in cjk.group("y", "m", "d") if p]
        return {"date-parts": [parts]} if _valid(parts) else None
    numeric = _NUMERIC_DATE.search(digits)
    if numeric:
        groups = numeric.groupdict()
        year, month, day = (
            (groups["y1"], groups["m1"], groups["d1"])
            if groups["y1"]
            else (groups["y2"], groups["m2"], groups["d2"])
        )
        parts = [int(p) for p in (year, month, day) if p]
        if _valid(parts):
            return {"date-parts": [parts]}
    years = _SEGMENT_YEAR.findall(digits)
    if not years:
        return _local_segment_date(text, digits) if has_arabic_script(text) else None
    if len(years) >= 2 and int(years[0]) < int(years[1]) and re.search(r"\d\s*[-–—/]\s*\d", digits):
        return {"date-parts": [[int(years[0])], [int(years[1])]]}
    if has_arabic_script(text):
        local = _LOCAL_DATE.search(digits)
        if local:
            parts = [int(local["year"]), _LOCAL_GREGORIAN[local["month"]]]
            parts += [int(local["day"])] if local["day"] else []
            if _valid(parts):
                return {"date-parts": [parts]}
    date = _word_date(digits, int(years[0]))
    if _CIRCA.search(digits):
        date["circa"] = True
    return date


def _word_date(digits: str, year: int) -> dict[str, Any]:
    """Year, month and day from the words around a Gregorian year."""
    words = _LETTERS.findall(_ORDINAL_DAY.sub("", digits.lower()))
    month = season = day = 0
    for i, word in enumerate(words):
        number = (
            MONTHS.get(word.rstrip("."))
            or _WORLD_MONTHS.get(word)
            or _WORLD_MONTHS.get(word.rstrip("."))
        )
        if number and not month:
            month = number
            for near in (words[i - 1] if i else "", words[i + 1] if i + 1 < len(words) else ""):
                if near.isdigit() and 1 <= int(near) <= 31 and not day:
                    day = int(near)
        elif word in _SEASONS and not season:
            season = _SEASONS[word]
    if month:
        parts = [year, month] + ([day] if day and _valid([year, month, day]) else [])
        return {"date-parts": [parts]}
    if season:
        return {"date-parts": [[year]], "season": season}
    return {"date-parts": [[year]]}


def _local_segment_date(text: str, digits: str) -> dict[str, Any] | None:
    """A Solar Hijri date (converted when it has a day) or a Hijri year kept as written."""
    jalali = _JALALI_DATE.search(digits)
    if jalali and jalali["day"] and 1 <= int(jalali["day"]) <= 31:
        year, month, day = int(jalali["year"]), _JALALI[jalali["month"]], int(jalali["day"])
        return {"date-parts": [list(jalali_to_gregorian(year, month, day))]}
    local = _LOCAL_YEAR.search(digits)
    if local is None:
        return None
    start = local.start()
    if jalali:
        start = min(start, jalali.start())
    for season in _LOCAL_SEASONS:
        found = text.find(season)
        if 0 <= found < start:
            start = found
    end = local.end()
    mark = _HIJRI_MARK.match(text, end)
    if mark:
        end = mark.end()
    written = " ".join(text[start:end].split()).strip(" ،,.()")
    return {"literal": written}
