"""schema.org citations (JSON-LD and microdata) as CSL-JSON items."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from archivist.ingest.html.htmldom import is_element, text_content
from archivist.ingest.metadata.pagemeta import json_ld
from archivist.ingest.metadata.pagevalues import clean, csl_date, page_range, person, url_key
from archivist.text import fold

MAX_DEPTH = 6
"""Objects nest no deeper than this in a real citation (article, issue, volume, periodical)."""
MAX_NODES = 20_000
"""JSON values or microdata elements looked at per page or item; the rest is not read."""
MAX_NAMES = 100
MIN_TITLE_WORDS = 3
"""A JSON-LD citation is matched by title only when its title is at least this long."""

# schema.org types (lower case, without their namespace) as CSL types.
SCHEMA_TYPES = {
    "scholarlyarticle": "article-journal",
    "medicalscholarlyarticle": "article-journal",
    "newsarticle": "article-newspaper",
    "blogposting": "post-weblog",
    "liveblogposting": "post-weblog",
    "socialmediaposting": "post",
    "discussionforumposting": "post",
    "article": "article",
    "techarticle": "article",
    "report": "report",
    "webpage": "webpage",
    "website": "webpage",
    "book": "book",
    "chapter": "chapter",
    "thesis": "thesis",
    "dataset": "dataset",
    "softwaresourcecode": "software",
    "softwareapplication": "software",
    "movie": "motion_picture",
    "videoobject": "motion_picture",
    "audioobject": "song",
    "musicrecording": "song",
    "podcastepisode": "broadcast",
    "episode": "broadcast",
    "tvepisode": "broadcast",
    "radioepisode": "broadcast",
    "map": "map",
    "legislation": "legislation",
    "periodical": "periodical",
    "publicationissue": "periodical",
    "photograph": "graphic",
    "imageobject": "graphic",
    "visualartwork": "graphic",
    "patent": "patent",
    "review": "review",
    "manuscript": "manuscript",
    "creativework": "document",
}
_DOI = re.compile(r"\b10\.\d{4,9}/\S+")
_LANGUAGE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")
_URL_PROPS = frozenset({"a", "area", "link"})
_SRC_PROPS = frozenset({"img", "audio", "video", "source", "embed", "iframe", "track"})


@dataclass(frozen=True, slots=True)
class LdCitation:
    """A citation of the page's JSON-LD, with what a note is matched by."""

    item: dict[str, Any]
    urls: frozenset[str]
    title: str
    """The folded title; empty when too short to match a note by."""


def schema_item(obj: Any) -> dict[str, Any] | None:
    """A CSL-JSON item from a schema.org CreativeWork (parsed JSON-LD or microdata).

    None when it has no name: a bare link or a text citation says less than the note.
    """
    if not isinstance(obj, dict):
        return None
    title = _text(obj.get("name")) or _text(obj.get("headline"))
    if not title:
        return None
    item: dict[str, Any] = {"type": creative_type(obj.get("@type")) or "document", "title": title}
    if authors := _names(obj.get("author")) or _names(obj.get("creator")):
        item["author"] = authors
    if editors := _names(obj.get("editor")):
        item["editor"] = editors
    for key in ("datePublished", "dateCreated", "copyrightYear"):
        if issued := csl_date(_text(obj.get(key))):
            item["issued"] = issued
            break
    _container(obj.get("isPartOf"), item)
    _plain_fields(obj, item)
    _identifiers(obj, item)
    return item


def creative_type(value: Any) -> str | None:
    """The CSL type of a schema.org ``@type`` or ``itemtype`` naming a creative work, else None."""
    for kind in value if isinstance(value, list) else [value]:
        if isinstance(kind, str):
            name = re.split(r"[/:#]", kind)[-1].lower()
            if name in SCHEMA_TYPES:
                return SCHEMA_TYPES[name]
            if name.endswith("newsarticle"):
                return "article-newspaper"
            if name.endswith("page"):
                return "webpage"
    return None


def _text(value: Any, depth: int = 0) -> str:
    """The text of a property: a string or number, an object's name or value, a list's first."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, bool) or depth > MAX_DEPTH:
        return ""
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, dict):
        return _text(value.get("name"), depth + 1) or _text(value.get("@value"), depth + 1)
    if isinstance(value, list) and value:
        return _text(value[0], depth + 1)
    return ""


def _names(value: Any) -> list[dict[str, str]]:
    """Person and Organization objects, or strings, as CSL names."""
    values = value if isinstance(value, list) else [value]
    names: list[dict[str, str]] = []
    for one in values[:MAX_NAMES]:
        if isinstance(one, dict):
            family, given = _text(one.get("familyName")), _text(one.get("givenName"))
            if family:
                names.append({"family": family, "given": given} if given else {"family": family})
            elif name := _text(one.get("name")):
                kind = str(one.get("@type", "")).lower()
                names.append({"literal": name} if "organization" in kind else person(name))
        elif isinstance(one, str):
            names.extend(_name_list(one))
    return names[:MAX_NAMES]


def _name_list(text: str) -> list[dict[str, str]]:
    """One string naming people: split at ";", and at "," when every part is a whole name.

    "Shear NH, Spielberg SP" names two people; "Shear, Nancy" names one, inverted.
    """
    names: list[dict[str, str]] = []
    for part in clean(text).split(";"):
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        if len(pieces) > 1 and all(len(p.split()) > 1 for p in pieces):
            names.extend({"literal": p} for p in pieces)
        elif pieces:
            names.append(person(part.strip().strip(",")))
    return names


def _container(value: Any, item: dict[str, Any]) -> None:
    """Container title, volume and issue from an ``isPartOf`` chain (issue, volume, journal)."""
    for _ in range(MAX_DEPTH):
        if isinstance(value, str):
            if name := clean(value):
                item.setdefault("container-title", name)
            return
        if not isinstance(value, dict):
            return
        if volume := _text(value.get("volumeNumber")):
            item.setdefault("volume", volume)
        if issue := _text(value.get("issueNumber")):
            item.setdefault("issue", issue)
        if issn := _text(value.get("issn")):
            item.setdefault("ISSN", issn)
        if name := _text(value.get("name")):
            # The outermost name wins: a journal's, not its issue's.
            item["container-title"] = name
        value = value.get("isPartOf")


def _plain_fields(obj: dict[str, Any], item: dict[str, Any]) -> None:
    if publisher := _text(obj.get("publisher")):
        item["publisher"] = publisher
    if volume := _text(obj.get("volumeNumber")):
        item["volume"] = volume
    if issue := _text(obj.get("issueNumber")):
        item["issue"] = issue
    if pages := _text(obj.get("pagination")):
        item["page"] = page_range(pages)
    elif start := _text(obj.get("pageStart")):
        end = _text(obj.get("pageEnd"))
        item["page"] = page_range(f"{start}-{end}") if end else start
    if edition := _text(obj.get("bookEdition")):
        item["edition"] = edition
    if isbn := _text(obj.get("isbn")):
        item["ISBN"] = isbn
    language = _text(obj.get("inLanguage"))
    if _LANGUAGE.fullmatch(language):
        item["language"] = language


def _identifiers(obj: dict[str, Any], item: dict[str, Any]) -> None:
    """URL from ``url``; a DOI from ``doi``, ``identifier`` or a doi.org ``sameAs``."""
    url = _text(obj.get("url"))
    if url.lower().startswith(("http://", "https://")):
        item["URL"] = url
    for key in ("doi", "identifier", "sameAs"):
        values = obj.get(key)
        for value in values if isinstance(values, list) else [values]:
            text = _text(value.get("value") if isinstance(value, dict) else value)
            if doi := _DOI.search(text):
                item.setdefault("DOI", doi.group())


def ld_citations(root: etree._Element) -> list[LdCitation]:
    """The ``citation`` values of the page's JSON-LD that name a work, in page order."""
    found: list[LdCitation] = []
    for data in json_ld(root, containing='"citation"'):
        for value in _citation_values(data):
            item = schema_item(value)
            if item is None:
                continue
            urls = {url_key(u) for u in (_text(value.get("url")), *_same_as(value))}
            title = fold(item["title"])
            found.append(
                LdCitation(
                    item,
                    frozenset(u for u in urls if u),
                    title if len(title.split()) >= MIN_TITLE_WORDS else "",
                )
            )
    return found


def _citation_values(data: Any) -> Iterator[Any]:
    """Every value of a ``citation`` property, anywhere in a JSON-LD block (bounded walk)."""
    stack: list[tuple[Any, int]] = [(data, 0)]
    seen = 0
    while stack and seen < MAX_NODES:
        value, depth = stack.pop()
        seen += 1
        if depth > MAX_DEPTH:
            continue
        if isinstance(value, list):
            stack.extend((v, depth + 1) for v in reversed(value))
        elif isinstance(value, dict):
            cited = value.get("citation")
            if cited is not None:
                yield from cited if isinstance(cited, list) else [cited]
            stack.extend((v, depth + 1) for k, v in reversed(value.items()) if k != "citation")


def _same_as(value: dict[str, Any]) -> list[str]:
    same = value.get("sameAs")
    return [s for s in (same if isinstance(same, list) else [same]) if isinstance(s, str)]


def microdata(scope: etree._Element) -> dict[str, Any]:
    """A microdata item as JSON-LD would give it: ``@type`` and each ``itemprop``'s values."""
    return _scope(scope, 0, [0])


def _scope(scope: etree._Element, depth: int, seen: list[int]) -> dict[str, Any]:
    obj: dict[str, Any] = {"@type": (scope.get("itemtype") or "").split()}
    stack = list(reversed(scope))
    while stack and seen[0] < MAX_NODES:
        el = stack.pop()
        seen[0] += 1
        if not is_element(el):
            continue
        props = (el.get("itemprop") or "").split()
        nested = el.get("itemscope") is not None
        if props:
            value: Any = (
                _scope(el, depth + 1, seen) if nested and depth < MAX_DEPTH else _prop_value(el)
            )
            for prop in props:
                obj.setdefault(prop, []).append(value)
        if not nested:
            stack.extend(reversed(el))
    # A property given once is a value, as in JSON-LD; given several times, a list.
    return {k: v[0] if isinstance(v, list) and len(v) == 1 else v for k, v in obj.items()}


def _prop_value(el: etree._Element) -> str:
    """A microdata property's value: ``content``, a link's target, a time's datetime, the text."""
    if el.get("content") is not None:
        return el.get("content") or ""
    tag = el.tag
    if tag in _URL_PROPS:
        return el.get("href") or ""
    if tag in _SRC_PROPS:
        return el.get("src") or ""
    if tag == "time" and el.get("datetime"):
        return el.get("datetime") or ""
    if tag in ("data", "meter") and el.get("value") is not None:
        return el.get("value") or ""
    return text_content(el)
