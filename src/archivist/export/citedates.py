"""Dates in citations: CSL date values read safely, and written as a locale writes them.

A CSL date is ``date-parts`` (a range when there are two), perhaps a ``season`` (1-4, or
months 13-16 as CSL-JSON writes seasons), ``circa``, or a ``literal`` kept as written (a
Solar Hijri year such as ``۱۳۹۸``). A ``raw`` date string is read as ``YYYY-MM-DD`` and
kept as written when it is not one. Parts that are no date (month 17, day 45) are dropped
rather than printed: ``2012-13-45`` is 2012.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from archivist.export.citelocale import Locale

_SEASON_NAMES = {"spring": 1, "summer": 2, "autumn": 3, "fall": 3, "winter": 4}
_ISO = re.compile(r"^\s*(-?\d{1,4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


@dataclass(frozen=True, slots=True)
class When:
    """A date read from a CSL date value."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: int | str | None = None
    end: tuple[int | None, int | None, int | None] | None = None
    """The end of a range (``[[1598], [1671]]``)."""
    literal: str | None = None
    circa: bool = False

    @property
    def empty(self) -> bool:
        """Whether there is nothing to print."""
        return self.year is None and not self.literal


def read_date(value: Any) -> When:
    """A CSL date value read without trusting it (anything unreadable is no date)."""
    if not isinstance(value, Mapping):
        return When()
    circa = bool(value.get("circa"))
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        year, month, day, season = _parts(parts[0])
        if year is not None:
            end = None
            if len(parts) > 1 and isinstance(parts[1], list) and parts[1]:
                e_year, e_month, e_day, _ = _parts(parts[1])
                if e_year is not None:
                    end = (e_year, e_month, e_day)
            named = _season(value.get("season"))
            return When(year, month, day, named or season, end, None, circa)
    literal = " ".join(str(value.get("literal") or "").split())
    if literal:
        return When(literal=literal, circa=circa)
    raw = " ".join(str(value.get("raw") or "").split())
    if raw:
        iso = _ISO.match(raw)
        if iso:
            year, month, _, _ = _parts([iso.group(1), None, None])
            month = int(iso.group(2)) if iso.group(2) else None
            day = int(iso.group(3)) if iso.group(3) else None
            if month is None or not 1 <= month <= 12:
                month, day = None, None
            if day is not None and not 1 <= day <= 31:
                day = None
            if year is not None:
                return When(year, month, day, circa=circa)
        return When(literal=raw, circa=circa)
    return When()


def _parts(values: list[Any]) -> tuple[int | None, int | None, int | None, int | None]:
    numbers: list[int | None] = []
    for v in values[:3]:
        text = str(v).strip() if v is not None else ""
        numbers.append(int(text) if re.fullmatch(r"-?\d{1,6}", text) else None)
    numbers += [None] * (3 - len(numbers))
    year, month, day = numbers
    season = None
    if month is not None and 13 <= month <= 16:
        season, month, day = month - 12, None, None
    elif month is not None and not 1 <= month <= 12:
        month, day = None, None
    if day is not None and (month is None or not 1 <= day <= 31):
        day = None
    if year == 0 and month is None:
        year = None
    return year, month, day, season


def _season(value: Any) -> int | str | None:
    if isinstance(value, int) and 1 <= value <= 4:
        return value
    text = str(value or "").strip()
    if text.isdigit() and 1 <= int(text) <= 4:
        return int(text)
    if text.lower() in _SEASON_NAMES:
        return _SEASON_NAMES[text.lower()]
    return text or None


def year_of(value: Any) -> int | None:
    """The (first) year of a date value, for sorting and keys."""
    return read_date(value).year


def year_text(when: When, *, full_range: bool = True) -> str | None:
    """The year, a range of years (``2006–2007``), or the literal date; None without one."""
    if when.literal:
        return when.literal
    if when.year is None:
        return None
    text = _year(when.year)
    if when.end and when.end[0] is not None and when.end[0] != when.year:
        text += "–" + _year(when.end[0])
    return text


def _year(year: int) -> str:
    return str(year) if year > 0 else f"{-year} BC"


def season_name(season: int | str | None, locale: Locale) -> str | None:
    """A season as a locale names it."""
    if isinstance(season, int):
        return locale.seasons[season - 1]
    return season or None


def text_date(when: When, locale: Locale, *, short_months: bool = False) -> str | None:
    """A date in the locale's text form: ``September 10, 2016`` or ``10 Sept. 2016``.

    ``short_months`` is MLA's form (day, abbreviated month, year); Persian and Arabic write
    day, month, year whatever the style (their locales set the order).
    """
    if when.literal:
        return when.literal
    if when.year is None:
        return None
    months = locale.months_short if short_months else locale.months
    day_first = short_months or locale.day_first
    start = _text((when.year, when.month, when.day, when.season), locale, months, day_first)
    if when.end and when.end[0] is not None:
        e_month, e_day = when.end[1], when.end[2]
        end = _text((when.end[0], e_month, e_day, None), locale, months, day_first)
        if end != start:
            return f"{start}–{end}"
    return start


def _text(
    parts: tuple[int, int | None, int | None, int | str | None],
    locale: Locale,
    months: tuple[str, ...],
    day_first: bool,
) -> str:
    year, month, day, season = parts
    y = _year(year)
    if month is None:
        name = season_name(season, locale)
        return f"{name} {y}" if name else y
    m = months[month - 1]
    if day is None:
        return f"{m}{locale.month_suffix}{y}" if locale.month_suffix.strip() else f"{m} {y}"
    if day_first:
        return f"{day} {m}{locale.month_suffix}{y}"
    return f"{m} {day}, {y}"


def month_day(when: When, locale: Locale) -> str | None:
    """The month and day without the year (``September 10``; a season alone)."""
    if when.year is None:
        return None
    if when.month is None:
        return season_name(when.season, locale)
    m = locale.months[when.month - 1]
    return f"{m} {when.day}" if when.day else m


def numeric_key(when: When, *, year_only: bool = False) -> str:
    """A sortable ``1YYYYMMDD`` key, as citeproc-js's (missing parts as zeros).

    ``year_only`` keeps the year alone (a style that sorts by ``date-parts="year"``).
    """
    if when.year is None:
        return ""
    season = when.season if isinstance(when.season, int) else 0
    month = when.month or (season + 20 if season else 0)
    day = when.day or 0
    if year_only:
        month = day = 0
    return f"1{when.year + 5000:05d}{month:02d}{day:02d}"
