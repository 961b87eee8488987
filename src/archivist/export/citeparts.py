"""Pieces of a formatted reference: styled segments, punctuation joining, names and dates."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
MLA_MONTHS = [
    "Jan.",
    "Feb.",
    "Mar.",
    "Apr.",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
_TERMINAL = ".?!؟"
_CLOSING_QUOTE = "”"


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of reference text, in italics or not."""

    text: str
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
    """One formatted bibliography entry: its merge key and its styled text."""

    key: str
    segments: tuple[Segment, ...]

    def plain(self) -> str:
        """The entry as plain text."""
        return "".join(s.text for s in self.segments)

    def markup(self) -> str:
        """The entry as ReportLab paragraph markup, every field escaped."""
        return "".join(
            f"<i>{escape(s.text)}</i>" if s.italic else escape(s.text) for s in self.segments
        )

    def markdown(self) -> str:
        """The entry as Markdown (italics as ``*...*``)."""
        out = []
        for s in self.segments:
            text = re.sub(r"([\\`*_\[\]<>])", r"\\\1", s.text)
            out.append(
                f"*{text.strip()}*" + (" " if text.endswith(" ") else "") if s.italic else text
            )
        return "".join(out)


class Builder:
    """Joins pieces of an entry with punctuation the way US style manuals want.

    A period or comma after a closing quotation mark moves inside it; a period or comma after
    a question mark or exclamation point is dropped, and so is a period after a period.
    """

    def __init__(self) -> None:
        self.segments: list[Segment] = []

    def add(self, text: str | None, *, italic: bool = False, sep: str = ". ") -> None:
        """Append a piece after the separator (nothing happens for an empty piece)."""
        if not text:
            return
        if self.segments:
            mark = sep.rstrip()
            if mark:
                self._mark(mark)
            space = sep[len(mark) :]
            if space:
                self.segments.append(Segment(space))
        self.segments.append(Segment(text, italic))

    def end(self, mark: str = ".") -> None:
        """Close the entry with its final punctuation (none when ``mark`` is empty)."""
        if mark and self.segments:
            self._mark(mark)

    def entry(self, key: str) -> Entry:
        """The finished entry, adjacent segments of the same style merged."""
        merged: list[Segment] = []
        for seg in self.segments:
            if merged and merged[-1].italic == seg.italic:
                merged[-1] = Segment(merged[-1].text + seg.text, seg.italic)
            else:
                merged.append(seg)
        return Entry(key, tuple(merged))

    def _mark(self, mark: str) -> None:
        last = self.segments[-1]
        text = last.text
        if text.endswith(_CLOSING_QUOTE) and mark in ".,":
            inner = text[: -len(_CLOSING_QUOTE)]
            if not inner.endswith(tuple(_TERMINAL)):
                self.segments[-1] = Segment(inner + mark + _CLOSING_QUOTE, last.italic)
            return
        if mark in ".," and text.endswith(("?", "!", "؟")):
            return
        if mark == "." and text.endswith("."):
            return
        self.segments.append(Segment(mark))


def quoted(title: str | None) -> str | None:
    """A title in double quotation marks; quotation marks inside it become single ones."""
    if not title:
        return None
    inner = title.replace("“", "‘").replace("”", "’")
    inner = re.sub(r'"([^"]*)"', r"‘\1’", inner)
    return f"“{inner}”"


def is_arabic_script(text: str) -> bool:
    """True when the text has Arabic-script letters (Persian, Arabic, Urdu)."""
    return not text.isascii() and ARABIC_SCRIPT.search(text) is not None


def family_of(name: Mapping[str, Any]) -> str:
    """The name to sort and key by: the family name, or the whole literal name."""
    return str(name.get("family") or name.get("literal") or "")


def inverted(name: Mapping[str, Any]) -> str:
    """``Family, Given`` (literal names as written)."""
    if "literal" in name:
        return str(name["literal"])
    family, given = str(name.get("family", "")), str(name.get("given", ""))
    suffix = f", {name['suffix']}" if name.get("suffix") else ""
    return f"{family}, {given}{suffix}" if given and family else (family or given)


def direct(name: Mapping[str, Any]) -> str:
    """``Given Family`` (literal names as written)."""
    if "literal" in name:
        return str(name["literal"])
    parts = [str(name.get("given", "")), str(name.get("family", ""))]
    suffix = f", {name['suffix']}" if name.get("suffix") else ""
    return " ".join(p for p in parts if p) + suffix


def initials(given: str) -> str:
    """Given names as initials: ``Jean-Paul Marie`` → ``J.-P. M.``; Arabic script kept whole."""
    if is_arabic_script(given):
        return given
    words = []
    for word in given.replace(".", ". ").split():
        pieces = [p for p in word.split("-") if p]
        words.append("-".join(f"{p[0]}." for p in pieces))
    return " ".join(words)


def apa_name(name: Mapping[str, Any]) -> str:
    """``Family, G. M.`` for people, literal names as written, Arabic-script names whole."""
    if "literal" in name:
        return str(name["literal"])
    family, given = str(name.get("family", "")), str(name.get("given", ""))
    if not given:
        return family
    return f"{family}, {initials(given)}"


def split_et_al(names: Sequence[Mapping[str, Any]]) -> tuple[list[Mapping[str, Any]], bool]:
    """The named authors, and whether the source cut the list short with "et al."."""
    real = [n for n in names if str(n.get("literal", "")).strip().lower() != "et al."]
    return real, len(real) < len(names)


def date_parts(value: Mapping[str, Any] | None) -> tuple[int | None, int | None, int | None]:
    """Year, month and day of a CSL date (any missing part is None)."""
    if not value:
        return None, None, None
    parts = value.get("date-parts")
    if parts and parts[0]:
        first = [int(p) for p in parts[0] if str(p).strip().lstrip("-").isdigit()]
        first += [0] * (3 - len(first))
        year, month, day = first[:3]
        return year or None, (month if 1 <= month <= 12 else None), day or None
    return None, None, None


def year_text(value: Mapping[str, Any] | None) -> str | None:
    """The year of a date as written (a literal date, e.g. a Solar Hijri year, as is)."""
    year, _, _ = date_parts(value)
    parts = value.get("date-parts") if value else None
    if year is not None and parts and len(parts) == 2 and parts[1]:
        end = str(parts[1][0])
        return f"{year}–{end}" if end.isdigit() and int(end) != year else str(year)
    if year is not None:
        return str(year)
    if value and value.get("literal"):
        return str(value["literal"])
    if value and value.get("raw"):
        return str(value["raw"])
    return None


def long_date(value: Mapping[str, Any] | None, *, with_year: bool = True) -> str | None:
    """``September 10, 2016`` (Chicago, APA); without the year ``September 10``."""
    year, month, day = date_parts(value)
    if year is None:
        return year_text(value) if with_year else None
    if month is None:
        return year_text(value) if with_year else None
    month_day = f"{MONTHS[month - 1]} {day}" if day else MONTHS[month - 1]
    if not with_year:
        return month_day
    return f"{month_day}, {year}" if day else f"{month_day} {year}"


def mla_date(value: Mapping[str, Any] | None) -> str | None:
    """``10 Sept. 2016`` (MLA 9, months abbreviated)."""
    year, month, day = date_parts(value)
    if year is None:
        return year_text(value)
    if month is None:
        return year_text(value)
    return " ".join(p for p in (str(day) if day else "", MLA_MONTHS[month - 1], str(year)) if p)


def doi_url(doi: str | None) -> str | None:
    """A DOI as an https://doi.org/ link."""
    if not doi:
        return None
    doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi.strip(), flags=re.I)
    return f"https://doi.org/{doi}"


def text_field(item: Mapping[str, Any], name: str) -> str | None:
    """A CSL text field, whitespace-normalised, or None when absent or blank."""
    value = item.get(name)
    if value is None:
        return None
    cleaned = " ".join(str(value).split())
    return cleaned or None
