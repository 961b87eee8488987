"""Page ranges and numbers as each style prints them.

Chicago abbreviates inclusive numbers by CMOS 9.64 (CSL ``chicago-16``: 71–72, 100–104,
101–8, 321–28, 1496–504), MLA 9 gives at least the last two digits (``minimal-two``:
321–28, 100–04) and APA prints both numbers in full (``expanded``: 321–328). A range the
source abbreviated (``321-8``) is read as the full range first. Pages that are not plain
numbers (``B2``, ``e0123456``, Persian digits) are printed as written, a dash between them
as a hyphen, as citeproc-js does.
"""

from __future__ import annotations

import re
from typing import Literal

RangeFormat = Literal["chicago-16", "minimal-two", "expanded"]

_RANGE = re.compile(r"^\s*([0-9]+)\s*[-\u2010-\u2015]+\s*([0-9]+)\s*$")
_DASH = re.compile(r"\s*[\u2010-\u2015]\s*")
_NUMERIC = re.compile(
    r"^\s*(?:[A-Za-z]*[0-9]+[A-Za-z]*)(?:\s*(?:[-\u2010-\u2015,&]|and)\s*[A-Za-z]*[0-9]+[A-Za-z]*)*\s*$"
)
_MULTIPLE = re.compile(r"[0-9]\s*(?:[-\u2010-\u2015,&]|and)\s*\S")


def page_range(page: str, fmt: RangeFormat, delimiter: str = "–") -> str:
    """A page or list of page ranges in a style's format."""
    out = []
    for part in re.split(r"(\s*,\s*|\s*&\s*)", page):
        if re.fullmatch(r"\s*,\s*|\s*&\s*", part):
            out.append(part)
            continue
        out.append(_one_range(part, fmt, delimiter))
    return "".join(out)


def _one_range(part: str, fmt: RangeFormat, delimiter: str) -> str:
    match = _RANGE.match(part)
    if not match:
        return _DASH.sub("-", part)
    first, last = match.group(1), match.group(2)
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last  # 321-8 is 321-328
    if int(last) < int(first) or len(first) != len(last):
        return f"{first}{delimiter}{last}"
    if fmt == "expanded":
        return f"{first}{delimiter}{last}"
    if fmt == "minimal-two":
        return f"{first}{delimiter}{_changed(first, last, 2)}"
    number = int(first)
    if number < 100 or number % 100 == 0:
        return f"{first}{delimiter}{last}"
    if number % 100 < 10:
        return f"{first}{delimiter}{_changed(first, last, 1)}"
    return f"{first}{delimiter}{_changed(first, last, 2)}"


def _changed(first: str, last: str, least: int) -> str:
    """The digits of ``last`` from the first one that differs, at least ``least`` of them."""
    same = 0
    while same < len(first) and first[same] == last[same]:
        same += 1
    keep = max(len(last) - same, min(least, len(last)))
    return last[len(last) - keep :]


def is_numeric(value: str) -> bool:
    """CSL's is-numeric: digits, optionally with letters, or ranges and lists of them."""
    return bool(_NUMERIC.match(value))


def is_plural(value: str) -> bool:
    """Whether a number names more than one (a range or list: ``pp.``, ``nos.``)."""
    return bool(_MULTIPLE.search(value))


def number_text(value: str, delimiter: str = "–") -> str:
    """A numeric field as CSL prints it: a hyphen between two numbers becomes an en dash."""
    if is_numeric(value):
        return re.sub(r"([0-9])\s*-\s*(?=[A-Za-z]*[0-9])", rf"\1{delimiter}", value)
    return value


def ordinal(value: str, terms: dict[str, str]) -> str:
    """``2`` as ``2nd`` with the locale's ordinal suffixes (empty ones: the number alone)."""
    number = int(value)
    if 11 <= number % 100 <= 13:
        key = f"ordinal-{number % 100}"
    elif number % 10 in (1, 2, 3):
        key = f"ordinal-0{number % 10}"
    else:
        key = "ordinal"
    return f"{number}{terms.get(key, terms.get('ordinal', ''))}"
