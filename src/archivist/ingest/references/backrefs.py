"""Back references: ibid, Id., op. cit., همان and short forms that point to a full citation.

These are rules, not the model: their forms are few and fixed (``Ibid., 34.``, ``Slovin, op.
cit., 4.``, ``Marrow, Lights of the North, 88.``, ``(Kennedy 2007, 45)``), and what they point
to is decided by the notes before them, not by their own words.
"""

from __future__ import annotations

import re
from typing import Literal, NamedTuple

from archivist.ingest.references.dates import has_year
from archivist.ingest.references.names import name_like, surname_like
from archivist.text import has_arabic_script, to_ascii_digits

BackForm = Literal["ibid", "id", "op_cit", "short"]


class BackReference(NamedTuple):
    """An ibid, Id., op. cit. or short-form note pointing back to a full citation."""

    form: BackForm
    author: str | None = None
    title: str | None = None
    locator: str | None = None
    year: int | None = None
    """The year of an author-year short form (``Kennedy 2007``): the full citation's year."""


_DIGIT = "[0-9۰-۹٠-٩]"
_LOCATOR = (
    r"(?:[,،]?\s*(?:at\s+|pp?\.\s*|pages?\s+|ص\.?\s*|صص\.?\s*)?"
    rf"(?P<loc>{_DIGIT}[0-9۰-۹٠-٩\-–, ]*))?"
)
_IBID = re.compile(r"^(?:ibid|ibidem)\b\.?" + _LOCATOR, re.I)
_ID = re.compile(r"^[Ii]d\." + _LOCATOR)
_SAME = re.compile(
    r"^(?:همان(?:\u200c?جا)?|نفس المصدر|المصدر نفسه|المرجع نفسه|نفسه|المصدر السابق|"
    r"المرجع السابق)(?:\s|[،,.]|$)\s*" + _LOCATOR
)
_OP_CIT = re.compile(
    r"^(?:(?P<head>[^\d]{2,200}?)[,،]?\s*)?"
    r"(?:\bop\.?\s*cit\b\.?|\bsupra(?:\s+note\s+\d+)?|پیشین|المرجع السابق|المصدر السابق|م\.\s?س\.?)"
    + _LOCATOR,
    re.I,
)
_SHORT = re.compile(
    r"^(?P<author>[^,،\d]{2,60}?)[,،]\s*"
    r"(?:(?P<title>[“\"«‘][^”\"»’]{2,120}[”\"»’]|[^,،\d][^,،]{1,119}?)[,،]?\s*)?"
    r"(?:(?:pp?\.|at|ص\.?)\s*)?(?P<loc>[0-9۰-۹٠-٩][0-9۰-۹٠-٩\-–]*)\s*\.?\s*$"
)
_SHORT_BARE = re.compile(
    r"^(?P<author>[^,،\d“\"«]{2,60}?)[,،]\s*"
    r"(?P<title>[“\"«‘][^”\"»’]{2,120}[”\"»’]|[^,،“\"«]{2,80}?)\s*[.,،]?\s*$"
)
_AUTHOR_DATE = re.compile(
    r"^\(?(?P<author>[A-Z][\w'’\-]+(?:\s+(?:and|&)\s+[A-Z][\w'’\-]+)?)(?:\s+et al\.?)?,?\s+"
    r"\(?(?P<year>1[5-9]\d\d|20\d\d)[a-z]?\)?(?:[,:]\s*(?:pp?\.\s*)?(?P<loc>\d[\d\-–]*))?\)?\.?$"
)
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"the", "to", "with", "de", "la", "le", "du", "des", "van", "von"}
)


def back_reference(body: str) -> BackReference | None:
    """The back reference a note is, or None for anything else."""
    if body[:1] in "iIهنالم":
        for pattern, form in ((_IBID, "ibid"), (_ID, "id"), (_SAME, "ibid")):
            match = pattern.match(body)
            if match:
                return BackReference(form, locator=_locator(match.group("loc")))  # type: ignore[arg-type]
    lowered = body.lower()
    # Cheap tests first: the patterns below backtrack over the whole note.
    arabic_script = "پیشین" in body or "السابق" in body or "م." in body
    if "cit" in lowered or "supra" in lowered or arabic_script:
        back = _op_cit(body)
        if back is not None:
            return back
    if len(body) > 160 or "http" in lowered or "www." in lowered:
        return None
    tail = body.rstrip(" .)")[-1:]
    if tail.isdigit() and not has_year(body):
        back = _short_form(body)
        if back is not None:
            return back
    if tail.isdigit() and body.lstrip("(")[:1].isupper() and _author_date_shaped(body):
        match = _AUTHOR_DATE.match(body)
        if match:
            return BackReference(
                "short",
                author=match.group("author"),
                locator=_locator(match.group("loc")),
                year=int(match.group("year")),
            )
    if not tail.isdigit() and not has_year(body):
        return _bare_short_form(body)
    return None


def _author_date_shaped(body: str) -> bool:
    """What must hold for _AUTHOR_DATE to match: a name, then "and", "et al." or the year."""
    words = body.split(None, 2)
    second = words[1] if len(words) > 1 else ""
    return second in ("and", "&", "et") or second[:1] == "(" or second[:1].isdigit()


def _op_cit(body: str) -> BackReference | None:
    match = _OP_CIT.match(body)
    if not match:
        return None
    head = split_parts(match.group("head") or "")
    author = head[0] if head else None
    title = short_title(", ".join(head[1:])) if len(head) > 1 else None
    if author and not name_like(author, max_words=6, allow_joiners=True):
        return None
    return BackReference(
        "op_cit", author=author, title=title or None, locator=_locator(match["loc"])
    )


def _short_form(body: str) -> BackReference | None:
    """``Surname, Short Title, 88.`` or ``Surname, "Short Title," 88.``"""
    match = _SHORT.match(body)
    if not match:
        return None
    author = match.group("author").strip()
    raw_title = match.group("title") or ""
    title = short_title(raw_title)
    quoted = raw_title[:1] in '“"«‘'
    if len(title.split()) > 10 or not 1 <= len(author.split()) <= 4:
        return None
    if not name_like(author, max_words=4, allow_joiners=True):
        return None
    if title and not (quoted or has_arabic_script(title) or title[:1].isupper()):
        return None
    # "Marrow, 45." names the author only: the latest work by Marrow is meant.
    return BackReference(
        "short", author=author, title=title or None, locator=_locator(match.group("loc"))
    )


def _bare_short_form(body: str) -> BackReference | None:
    """``Surname, Short Title.`` without a page: a lone surname, a quoted or Title-Cased title."""
    match = _SHORT_BARE.match(body)
    if not match:
        return None
    author = match.group("author").strip()
    raw_title = match.group("title").strip()
    title = short_title(raw_title)
    quoted = raw_title[:1] in '“"«‘'
    if not title or len(title.split()) > 8 or not surname_like(author):
        return None
    if not (quoted or (not has_arabic_script(title) and _title_cased(title))):
        return None
    return BackReference("short", author=author, title=title)


def _title_cased(title: str) -> bool:
    words = title.split()
    if not words or not words[0][:1].isupper():
        return False
    return all(
        w[:1].isupper() or not w[:1].isalpha() or w.lower() in _SMALL_WORDS for w in words[1:]
    )


def _locator(raw: str | None) -> str | None:
    if not raw:
        return None
    value = to_ascii_digits(raw).strip(" ,.")
    return value or None


def split_parts(text: str) -> list[str]:
    """Comma-separated parts (Persian comma too), without their edge punctuation."""
    pieces = text.replace("،", ",").split(",")
    return [part for piece in pieces if (part := piece.strip().strip(" .;:"))]


def short_title(text: str) -> str:
    """A short form's title without quotes and closing punctuation."""
    title = text.strip().strip("“”\"«»‘’'").strip().rstrip(",،;:")
    if title.endswith(".") and not title.endswith(("..", "etc.")):
        title = title[:-1]
    return title.strip().strip("“”\"«»‘’'").strip()
