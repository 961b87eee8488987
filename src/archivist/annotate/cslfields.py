"""The CSL 1.0.2 vocabulary (item types, variables) and the reading of values a user types.

A correction typed by hand (in the citation editor or ``archivist cite --set``) is checked
here once, for the CLI and the GUI alike: an unknown variable or an impossible date is an
error; a value that is odd but storable (an open page range, markup characters, an empty
title) is stored with a warning the user sees.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from archivist.errors import ArchivistError


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


ITEM_TYPES: tuple[str, ...] = _words(
    """article article-journal article-magazine article-newspaper bill book broadcast chapter
    classic collection dataset document entry entry-dictionary entry-encyclopedia event figure
    graphic hearing interview legal_case legislation manuscript map motion_picture
    musical_score pamphlet paper-conference patent performance periodical
    personal_communication post post-weblog regulation report review review-book software song
    speech standard thesis treaty webpage"""
)
"""The item types of CSL 1.0.2 (Appendix III of the specification)."""

NAME_VARIABLES: tuple[str, ...] = _words(
    """author chair collection-editor compiler composer container-author contributor curator
    director editor editorial-director editor-translator executive-producer guest host
    illustrator interviewer narrator organizer original-author performer producer recipient
    reviewed-author script-writer series-creator translator"""
)
DATE_VARIABLES: tuple[str, ...] = _words(
    "accessed available-date event-date issued original-date submitted"
)
TEXT_VARIABLES: tuple[str, ...] = _words(
    """abstract annote archive archive_collection archive_location archive-place authority
    call-number chapter-number citation-key citation-label collection-number collection-title
    container-title container-title-short dimensions division DOI edition event event-title
    event-place genre ISBN ISSN issue jurisdiction keyword language medium note number
    number-of-pages number-of-volumes original-publisher original-publisher-place
    original-title page page-first part-number part-title PMCID PMID printing-number publisher
    publisher-place references reviewed-genre reviewed-title scale section source status
    supplement-number title title-short URL version volume volume-title volume-title-short
    year-suffix"""
)
"""The standard and number variables of CSL 1.0.2 (Appendix IV), plus CSL-JSON's
``language``. Variables a processor sets itself (``citation-number``, ``locator``,
``first-reference-note-number``) are not the item's to hold."""

VARIABLES = frozenset((*TEXT_VARIABLES, *DATE_VARIABLES, *NAME_VARIABLES))
_BY_FOLDED = {v.casefold(): v for v in VARIABLES}

MAX_FIELD = 4000
"""The longest value a field takes; longer is pasted by mistake, not a citation."""

_SEASONS = {
    "spring": 1,
    "summer": 2,
    "autumn": 3,
    "fall": 3,
    "winter": 4,
}
_NO_DATE = frozenset(["n.d.", "n.d", "nd", "no date", "undated", "s.d.", "s.d"])
_NUMERIC_DATE = re.compile(r"^(\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?(~|\?|%)?$")
_MARKUP = re.compile(r"<[a-zA-Z/][^>]*>|&[a-zA-Z#][\w#]*;")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class CitationInputError(ArchivistError):
    """A correction that cannot be stored: an unknown variable, an impossible date, ..."""


@dataclass(slots=True)
class Warnings:
    """Odd but storable values met while reading a correction, as sentences."""

    messages: list[str] = field(default_factory=list)

    def add(self, message: str) -> None:
        """Record one warning (once)."""
        if message not in self.messages:
            self.messages.append(message)


def variable_name(name: str) -> str:
    """The CSL variable a user means (``url`` → ``URL``); CitationInputError when none."""
    cleaned = name.strip()
    known = _BY_FOLDED.get(cleaned.casefold())
    if known is not None:
        return known
    if cleaned == "type":
        raise CitationInputError("the item type is set with --type, not --set type=")
    near = _close(cleaned.casefold(), list(_BY_FOLDED), 0.75)
    hint = f" (did you mean {_BY_FOLDED[near[0]]}?)" if near else ""
    raise CitationInputError(f"{cleaned!r} is not a CSL variable{hint}")


def _close(word: str, known: list[str], cutoff: float) -> list[str]:
    import difflib  # only for a mistyped name: the archive opens without it

    return difflib.get_close_matches(word, known, n=1, cutoff=cutoff)


def item_type(name: str) -> str:
    """A CSL item type (``Book`` → ``book``); CitationInputError for anything else."""
    cleaned = name.strip().casefold().replace(" ", "-")
    if cleaned in ITEM_TYPES:
        return cleaned
    if cleaned.replace("-", "_") in ITEM_TYPES:
        return cleaned.replace("-", "_")
    near = _close(cleaned, list(ITEM_TYPES), 0.6)
    hint = f" (did you mean {near[0]}?)" if near else ""
    raise CitationInputError(f"{name.strip()!r} is not a CSL item type{hint}")


def clean_text(variable: str, value: str, warnings: Warnings) -> str:
    """A text value as stored: control characters dropped, spaces collapsed, length checked."""
    text = " ".join(_CONTROL.sub("", value).split())
    if len(text) > MAX_FIELD:
        raise CitationInputError(
            f"{variable} is {len(text):,} characters long; a field holds at most {MAX_FIELD:,}"
        )
    if _MARKUP.search(text):
        warnings.add(f"{variable}: markup characters are kept as plain text")
    return text


def parse_date(variable: str, value: str, warnings: Warnings) -> dict[str, Any] | None:
    """A date as typed, as a CSL date: ``2016-09-10``, ``2016-09``, ``2016``, ``Spring 2016``,
    EDTF ``2016-21`` (a season), ``2016~`` (circa), ``2016/2017``; "n.d." is no date (None).

    A number that cannot be a date (``2012-13-45``) is an error; other text is kept as a
    literal date, with a warning.
    """
    text = clean_text(variable, value, warnings)
    if not text or text.casefold() in _NO_DATE:
        return None
    if "/" in text and not text.startswith("/"):
        first, _, second = text.partition("/")
        start = _numeric_date(variable, first.strip())
        end = _numeric_date(variable, second.strip())
        if start is not None and end is not None:
            return {"date-parts": [start["date-parts"][0], end["date-parts"][0]]}
    numeric = _numeric_date(variable, text)
    if numeric is not None:
        return numeric
    words = text.replace(",", " ").split()
    seasons = [w for w in words if w.casefold() in _SEASONS]
    years = [w for w in words if re.fullmatch(r"\d{3,4}", w)]
    if len(words) == 2 and len(seasons) == 1 and len(years) == 1:
        return {"date-parts": [[int(years[0])]], "season": _SEASONS[seasons[0].casefold()]}
    circa = re.fullmatch(r"(?:c\.|ca\.|circa)\s*(\d{3,4})", text, re.I)
    if circa:
        return {"date-parts": [[int(circa.group(1))]], "circa": True}
    warnings.add(f"{variable}: {text!r} is not a date Archivist can read; kept as written")
    return {"literal": text}


def _numeric_date(variable: str, text: str) -> dict[str, Any] | None:
    match = _NUMERIC_DATE.match(text)
    if match is None:
        return None
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    date: dict[str, Any] = {}
    if month is not None and 21 <= month <= 24 and day is None:  # EDTF seasons
        date = {"date-parts": [[year]], "season": month - 20}
    else:
        if month is not None and not 1 <= month <= 12:
            raise CitationInputError(f"{variable}={text}: {month} is not a month (1-12)")
        if month is not None and day is not None and not 1 <= day <= _days_in(year, month):
            raise CitationInputError(f"{variable}={text}: month {month} has no day {day}")
        date = {"date-parts": [[p for p in (year, month, day) if p is not None]]}
    if match.group(4) in ("~", "%"):
        date["circa"] = True
    return date


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def date_text(value: Any) -> str:
    """A CSL date as the user would type it back (``2016-09-10``, ``Spring 2016``, ``n.d.``)."""
    if not isinstance(value, Mapping):
        return ""
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        ends = [_parts_text(p) for p in parts[:2] if isinstance(p, list) and p]
        text = "/".join(e for e in ends if e)
        season = value.get("season")
        names = {1: "Spring", 2: "Summer", 3: "Autumn", 4: "Winter"}
        if isinstance(season, int) and season in names and "/" not in text:
            text = f"{names[season]} {text}"
        if value.get("circa") and text:
            text += "~"
        return text
    return str(value.get("literal") or value.get("raw") or "")


def _parts_text(parts: Sequence[Any]) -> str:
    out = []
    for n, part in enumerate(parts[:3]):
        try:
            number = int(part)
        except (TypeError, ValueError):
            break
        out.append(f"{number:04d}" if n == 0 else f"{number:02d}")
    return "-".join(out)


def parse_name(variable: str, value: str, warnings: Warnings) -> dict[str, str]:
    """A name as typed: ``Family, Given``, or ``=Organisation Name`` kept whole."""
    text = clean_text(variable, value, warnings)
    if text.startswith("="):
        literal = text[1:].strip()
        if not literal:
            raise CitationInputError(f"{variable}: '=' needs an organisation's name after it")
        return {"literal": literal}
    if not text:
        raise CitationInputError(f"{variable}: an empty name")
    family, comma, given = (p.strip() for p in text.partition(","))
    if not comma:
        warnings.add(
            f"{variable}: {text!r} has no comma, so it is kept as one name "
            "(write 'Family, Given' to split it)"
        )
        return {"literal": text}
    if not family:
        raise CitationInputError(f"{variable}: {text!r} has no family name before the comma")
    return {"family": family, "given": given} if given else {"family": family}


def name_text(name: Mapping[str, Any]) -> str:
    """A CSL name as the user would type it back (``Family, Given`` or ``=Organisation``)."""
    if name.get("literal"):
        return "=" + str(name["literal"])
    family = str(name.get("family") or "")
    particle = str(name.get("non-dropping-particle") or "")
    if particle:
        family = f"{particle} {family}"
    given = str(name.get("given") or "")
    return f"{family}, {given}" if given else family


def set_field(item: dict[str, Any], variable: str, value: str, warnings: Warnings) -> None:
    """Set one variable of ``item`` from typed text (an empty value removes it)."""
    name = variable_name(variable)
    if name in NAME_VARIABLES:
        if value.strip():
            raise CitationInputError(
                f"{name} is a list of names: give each with --author/--editor/--translator "
                "('Family, Given' or '=Organisation')"
            )
        item.pop(name, None)
        return
    if name in DATE_VARIABLES:
        date = parse_date(name, value, warnings)
        if date is None:
            item.pop(name, None)
        else:
            item[name] = date
        return
    text = clean_text(name, value, warnings)
    if not text:
        item.pop(name, None)
        if name == "title":
            warnings.add("title: the item has no title now")
        return
    if name in ("page", "volume", "issue") and re.search(r"[-–—]$", text):
        warnings.add(f"{name}: {text!r} is an open range")
    item[name] = text


def check_item(item: Mapping[str, Any], warnings: Warnings) -> None:
    """Warnings for an item as a whole (no title, no type)."""
    if not str(item.get("title") or "").strip():
        warnings.add("title: the item has no title")
    if item.get("type") not in ITEM_TYPES:
        warnings.add(f"type: {item.get('type')!r} is not a CSL item type")
