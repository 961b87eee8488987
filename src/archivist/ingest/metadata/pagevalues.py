"""Values a page's citation metadata gives, as CSL-JSON fields: text, names, dates, pages."""

from __future__ import annotations

import html
import re
from typing import Any

from archivist.ingest.references.dates import extract_date
from archivist.text import is_organisation, to_ascii_digits

MAX_VALUE = 1000
"""Characters kept of any one value; a title or a name past this is not one."""
MAX_DATE = 100

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
_ISO = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d{1,2})(?:-(?P<d>\d{1,2}))?)?"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
)
_NO_DATE = re.compile(r"n\.?\s?d\.?|no date|undated|s\.\s?d\.|o\.\s?j\.", re.I)
_LEFT_OVER = re.compile(r"[\W_]*")
_PAGE_PREFIX = re.compile(r"^(?:pp?\.|pages?)\s*", re.I)
_RANGE = re.compile(r"(?<=\w)\s*[-‐‑‒–—−]+\s*(?=\w)")


def clean(value: str) -> str:
    """A value as a CSL field: references decoded, controls dropped, spaces collapsed, capped."""
    value = value[: MAX_VALUE * 2]
    # Some generators escape a title twice ("Mai&#8230;"): the page shows the character.
    if "&" in value and ";" in value:
        value = html.unescape(value)
    return " ".join(_CONTROL.sub("", value).split())[:MAX_VALUE].strip()


def csl_date(text: str) -> dict[str, Any] | None:
    """A CSL date: ``date-parts`` from ISO forms and plain dates, else the text as ``literal``.

    "n.d." gives None; so does anything too long to be a date.
    """
    text = to_ascii_digits(clean(text))
    if not text or len(text) > MAX_DATE or _NO_DATE.fullmatch(text):
        return None
    iso = _ISO.fullmatch(text)
    if iso:
        parts = [int(p) for p in iso.group("y", "m", "d") if p]
        if _valid(parts):
            return {"date-parts": [parts]}
    found: dict[str, Any] = {}
    rest = extract_date(text, found)
    # Only a date that is the whole value: "Spring 2001" stays as written, not as 2001.
    if "issued" in found and _LEFT_OVER.fullmatch(rest):
        issued: dict[str, Any] = found["issued"]
        return issued
    return {"literal": text}


def _valid(parts: list[int]) -> bool:
    return (len(parts) < 2 or 1 <= parts[1] <= 12) and (len(parts) < 3 or 1 <= parts[2] <= 31)


def page_range(text: str) -> str:
    """Pages as CSL writes them: a range with an en dash, without "pp."."""
    return _RANGE.sub("–", _PAGE_PREFIX.sub("", clean(text)))


def person(text: str) -> dict[str, str]:
    """A CSL name: "Family, Given" split at the first comma, anything else kept literal.

    An organisation stays literal even with a comma ("Ministry of Health, Ghana").
    """
    text = clean(text)
    family, comma, given = text.partition(",")
    family, given = family.strip(), given.strip()
    if not comma or not family or is_organisation(text):
        return {"literal": text}
    return {"family": family, "given": given} if given else {"family": family}


def url_key(url: str) -> str | None:
    """A web address compared loosely: no scheme, host in lower case, no fragment or end slash."""
    url = url.strip()
    scheme, sep, rest = url.partition("//")
    if not sep or scheme.lower() not in ("", "http:", "https:"):
        return None
    rest = rest.partition("#")[0]
    host, slash, path = rest.partition("/")
    host = host.lower().removeprefix("www.")
    key = f"{host}{slash}{path}".rstrip("/")
    return key or None
