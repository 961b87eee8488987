"""The roles of a citation's comma-separated parts (authors, container, publisher) and its type."""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from archivist.ingest.refdates import has_arabic_script
from archivist.ingest.refnames import (
    PARTICLES,
    is_news_agency,
    is_organisation,
    name_like,
    parse_authors,
)

# "John Doe and Ana Ruiz": a second segment of full names joined by "and" / "&".
_NAME = r"[A-Z][\w'’\-]*\.?"
_JOINED_NAMES = re.compile(
    rf"^{_NAME}(?:\s+{_NAME}){{1,2}}(?:\s*,?\s+(?:and|&)\s+{_NAME}(?:\s+{_NAME}){{1,2}})+$"
)


def set_authors_from_segments(item: dict[str, Any], segments: list[str]) -> int:
    """Take the leading segments as authors when they look like names; return how many."""
    first = segments[0]
    second = segments[1] if len(segments) > 1 else ""
    if is_organisation(first):
        item["author"] = [{"literal": first}]
        return 1
    # "Surname, Given, Title, ..." : a one-word surname (particles aside) then given names.
    # Not for Persian and Arabic: their titles are often short, and names are kept whole.
    surname_words = [w for w in first.split() if w.lower() not in PARTICLES]
    if (
        len(segments) >= 3
        and not has_arabic_script(first)
        and len(surname_words) == 1
        and name_like(first, max_words=3)
        and name_like(second, max_words=3)
    ):
        if re.fullmatch(r"(?:[A-Z]\.\s?)*[A-Z]", second):
            second += "."  # the segment split took the full stop of the last initial
        authors = parse_authors(f"{first}, {second}")
        if authors:
            used = 2
            if len(segments) > 3 and segments[2].lower().startswith("et al"):
                authors.append({"literal": "et al."})
                used = 3
            item["author"] = authors
            return used
    described = len(first.split()) >= 3 and _lowercase_part(second)
    if name_like(first, max_words=8, allow_joiners=True) and not described:
        authors = parse_authors(first)
        if authors:
            used = 1
            joined = "and" in second or "&" in second
            if len(segments) >= 3 and joined and _JOINED_NAMES.match(second):
                authors += parse_authors(second)
                used = 2
            item["author"] = authors
            return used
    return 0


# After a capitalised first part of three words or more, a part in lower case ("Brennick Parish
# Accounts, county archive") is a holder or a description, not a title: the first part is the
# title, not a person. ("Ilse Marrow, harbour keeper, ..." stays a person.)
_ROLE_OPENING = re.compile(r"(?:in|eds?\.|edited|trans\.|translated|by|et al)\b")


def _lowercase_part(segment: str) -> bool:
    return segment[:1].isascii() and segment[:1].islower() and not _ROLE_OPENING.match(segment)


_GENRES = re.compile(
    r"^(?:report|working paper|briefing|press release|statement|policy brief|"
    r"research paper|discussion paper|fact sheet|white paper)$",
    re.I,
)
_PUBLISHER_WORDS = re.compile(
    r"\b(?:Press|Publishing|Publishers?|Books|University|Verlag|Editions?|Éditions|Presse|House|"
    r"Printer|Printing|Stationery Office)\b"
    r"|^(?:نشر|انتشارات|دار|منشورات)\s",
    re.I,
)
_PLACE_PUBLISHER = re.compile(r"^(?P<place>[^:]{2,40}):\s*(?P<publisher>.{2,80})$")
_EDITOR = re.compile(
    r"^(?P<role>eds?\.|edited by|trans\.|translated by)\s+(?P<names>.+)$",
    re.I,
)
_IN_CONTAINER = re.compile(r"^[Ii]n:?\s+(?P<container>[A-Z“\"«‘\u0600-\u06ff].*)$")
_BY = re.compile(r"^[Bb]y\s+(?P<names>.+)$")


def set_container(item: dict[str, Any], segments: list[str]) -> None:
    """Give each segment after the title its role: container, publisher, place, editor, genre."""
    for raw in segments:
        segment = raw.strip(" .").strip('“”"«»‘’').strip()
        if not segment:
            continue
        shape = _shape(segment)
        if shape.genre:
            item["genre"] = segment
            continue
        if _role_segment(item, shape):
            continue
        if shape.place is not None and "publisher" not in item:
            item["publisher-place"], item["publisher"] = shape.place
        elif shape.publisher_words and "publisher" not in item:
            item["publisher"] = segment
        elif "container-title" not in item and "publisher" not in item:
            item["container-title"] = segment
        elif "publisher" in item and "publisher-place" not in item and len(segment.split()) <= 3:
            item["publisher-place"] = segment


class _Shape(NamedTuple):
    """What a segment could be, by its form alone (its role also depends on the others)."""

    genre: bool
    editor: tuple[str, tuple[dict[str, str], ...]] | None
    """The CSL key ("editor" or "translator") and the names, for "ed. Name"."""
    container: str | None
    """The container of an "in Container" segment."""
    by: tuple[dict[str, str], ...] | None
    """The names of a "by Name" segment."""
    place: tuple[str, str] | None
    """Place and publisher of a "Place: Publisher" segment."""
    publisher_words: bool


@functools.lru_cache(maxsize=4096)  # containers and publishers come back in note after note
def _shape(segment: str) -> _Shape:
    editor = _EDITOR.match(segment)
    container = _IN_CONTAINER.match(segment)
    by = _BY.match(segment)
    place = _PLACE_PUBLISHER.match(segment)
    return _Shape(
        genre=_GENRES.match(segment) is not None,
        editor=None
        if editor is None
        else (
            "translator" if editor.group("role").lower().startswith("trans") else "editor",
            tuple(parse_authors(editor.group("names"))),
        ),
        container=None if container is None else container.group("container").strip('“”"«»‘’ '),
        by=None if by is None else tuple(parse_authors(by.group("names"))),
        place=None
        if place is None
        else (place.group("place").strip(), place.group("publisher").strip()),
        publisher_words=_PUBLISHER_WORDS.search(segment) is not None,
    )


def _role_segment(item: dict[str, Any], shape: _Shape) -> bool:
    """Editors ("ed. Name"), "in Container" and "by Name" segments; True when one was taken."""
    if shape.editor is not None:
        key, names = shape.editor
        if names:
            item.setdefault(key, [dict(name) for name in names])
        return True
    if shape.container is not None and "container-title" not in item:
        item["container-title"] = shape.container
        return True
    if shape.by and "author" not in item:
        item["author"] = [dict(name) for name in shape.by]
        return True
    return False


_NEWSPAPER = re.compile(
    r"\b(?:Times|Post|News|Herald|Gazette|Tribune|Telegraph|Guardian|Monitor|Observer|Daily|"
    r"Chronicle|Press|Standard|Mail|Express|Independent|Courier|Sun|Star|Globe|Dispatch|"
    r"Inquirer|Journal)\b|روزنامه|جريدة|صحيفة|خبرگزاری|وكالة",
    re.I,
)
_MAGAZINE = re.compile(
    r"\b(?:Magazine|Monthly|The Atlantic|The New Yorker|The Economist|Newsweek|"
    r"Foreign Policy|Foreign Affairs|Wired)\b|مجله|مجلة|هفته‌نامه|ماهنامه",
    re.I,
)
_JOURNAL = re.compile(r"\b(?:Journal of|Quarterly|Studies)\b|فصلنامه|دوفصلنامه|پژوهش", re.I)
_BLOG = re.compile(r"\b(?:blog|blogspot|substack|medium|wordpress|tumblr)\b|وبلاگ", re.I)
_HOLDER = re.compile(r"\b(?:archives?|record office|library|collections?)\b", re.I)
_INTERVIEW = re.compile(
    r"^(?:(?:the )?author(?:'s|’s)? interview|interview|conversation|personal interview)\b"
    r"|^(?:مصاحبه|گفت\u200c?وگو|مقابلة)",
    re.I,
)


def item_type(item: dict[str, Any]) -> str:
    """The CSL type a citation's fields suggest."""
    container = str(item.get("container-title", ""))
    authors: list[dict[str, str]] = item.get("author", [])
    if container and ("volume" in item or "issue" in item or "DOI" in item):
        return "article-journal"
    if item.get("genre"):
        return "report"
    if "publisher" in item or "ISBN" in item:
        return "chapter" if container else "book"
    if _INTERVIEW.match(str(item.get("title", ""))):
        return "interview"
    if container and (_BLOG.search(container) or "blog" in str(item.get("URL", "")).lower()):
        return "post-weblog"
    if container and _JOURNAL.search(container):
        return "article-journal"
    if container and _MAGAZINE.search(container):
        return "article-magazine"
    if container and _HOLDER.search(container):
        return "document"  # a record held by an archive or library, set with its holder
    literals = [a["literal"] for a in authors if "literal" in a and a["literal"] != "et al."]
    if any(is_news_agency(name) for name in literals):
        return "article-newspaper"
    if container:
        return (
            "article-newspaper" if _NEWSPAPER.search(container) or "URL" not in item else "webpage"
        )
    if any(is_organisation(name) for name in literals):
        return "report"
    if "URL" in item:
        return "webpage"
    if "DOI" in item:
        return "article-journal"
    return "book" if authors else "document"
