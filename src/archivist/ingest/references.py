"""Footnote text to CSL-JSON, and ibid / Id. / op. cit. / short forms linked to their full citation.

No offline library parses the free-text references of web articles (the research notes tried
refextract, refparse and others: they target physics papers or database exports), so this is a
heuristic parser tuned to the forms articles use: ``Author, Title, Container, Date`` with or
without quotes, agencies as authors, journals with volume and pages, books with place and
publisher, URLs, DOIs and ISBNs, in English, Persian and Arabic.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from archivist.ingest.refparts import (
    clean_title,
    extract_date,
    extract_identifiers,
    extract_pages,
    fold,
    is_organisation,
    looks_like_note,
    parse_authors,
    split_segments,
    to_ascii_digits,
)
from archivist.model import Footnote, FootnoteKind

BackForm = Literal["ibid", "id", "op_cit", "short"]


@dataclass(frozen=True, slots=True)
class BackReference:
    """An ibid, Id., op. cit. or short-form note pointing back to a full citation."""

    form: BackForm
    author: str | None = None
    title: str | None = None
    locator: str | None = None


@dataclass(frozen=True, slots=True)
class ParsedReference:
    """One footnote's parse: its kind, its CSL item if it is a full citation, or its back link."""

    kind: FootnoteKind
    csl: dict[str, Any] | None
    back: BackReference | None


_NUMBERING = re.compile(r"^\s*(?:\[\s*[0-9۰-۹٠-٩]{1,4}\s*\]|[0-9۰-۹٠-٩]{1,4}[.)])\s*")
_LOCATOR = (
    r"(?:,?\s*(?:at\s+|pp?\.\s*|page\s+|ص\.?\s*|صص\.?\s*)?(?P<loc>[0-9۰-۹٠-٩][0-9۰-۹٠-٩\-–, ]*))?"
)
_IBID = re.compile(r"^(?:ibid|ibidem)\b\.?" + _LOCATOR, re.I)
_ID = re.compile(r"^[Ii]d\." + _LOCATOR)
_SAME = re.compile(r"^(?:همان|نفس المصدر|المصدر نفسه)(?:\s|[،,.]|$)\s*" + _LOCATOR)
_OP_CIT = re.compile(
    r"^(?P<author>[^,،]{2,80}?)[,،]\s*(?:(?P<title>[^,،]{2,120}?)[,،]\s*)?op\.?\s*cit\.?"
    + _LOCATOR,
    re.I,
)
_SHORT = re.compile(
    r"^(?P<author>[^,،\d]{2,60}?)[,،]\s*"
    r"(?P<title>[“\"«‘][^”\"»’]{2,120}[”\"»’]|[^,،]{2,120}?)[,،]?\s*"
    r"(?:(?:pp?\.|at|ص\.?)\s*)?(?P<loc>[0-9۰-۹٠-٩][0-9۰-۹٠-٩\-–]*)\s*\.?\s*$"
)
_SEE = re.compile(r"^(?:see(?: also)?|cf\.|quoted in|cited in)\s+", re.I)
_QUOTED = re.compile(r"[“\"«‘](?P<title>[^”\"»’]{3,300})[”\"»’]")


def strip_numbering(text: str) -> str:
    """The note text without a leading ``[n]`` / ``n.`` number."""
    return _NUMBERING.sub("", text, count=1).strip()


def parse_reference(text: str) -> ParsedReference:
    """Classify and parse one footnote's text; never raises."""
    body = strip_numbering(" ".join(text.split()))
    if not body:
        return ParsedReference("note", None, None)
    back = _back_reference(body)
    if back is not None:
        return ParsedReference("citation", None, back)
    body = _SEE.sub("", body)
    if looks_like_note(body):
        return ParsedReference("note", None, None)
    csl = parse_citation(body)
    if csl is None:
        return ParsedReference("note", None, None)
    return ParsedReference("citation", csl, None)


def _back_reference(body: str) -> BackReference | None:
    first = body[:1]
    for pattern, form in ((_IBID, "ibid"), (_ID, "id"), (_SAME, "ibid")):
        if first not in "iIهنا":
            break
        match = pattern.match(body)
        if match:
            return BackReference(form, locator=_locator(match.group("loc")))  # type: ignore[arg-type]
    # Cheap tests first: the two patterns below backtrack over the whole note.
    match = _OP_CIT.match(body) if "cit" in body.lower() else None
    if match:
        return BackReference(
            "op_cit",
            author=match.group("author").strip(),
            title=(match.group("title") or "").strip() or None,
            locator=_locator(match.group("loc")),
        )
    short = len(body) < 160 and body.rstrip(" .")[-1:].isdigit()
    match = _SHORT.match(body) if short else None
    if match and not re.search(r"\b1[5-9]\d\d\b|\b20\d\d\b|https?://", body):
        author = match.group("author").strip()
        title = clean_title(match.group("title"))
        if 1 <= len(author.split()) <= 4 and title and len(title.split()) <= 10:
            return BackReference(
                "short", author=author, title=title, locator=_locator(match.group("loc"))
            )
    return None


def _locator(raw: str | None) -> str | None:
    if not raw:
        return None
    value = to_ascii_digits(raw).strip(" ,.")
    return value or None


def parse_citation(body: str) -> dict[str, Any] | None:
    """A CSL-JSON item for a full citation, or None when nothing bibliographic was found."""
    item: dict[str, Any] = {}
    apa = _APA.match(body)
    if apa:
        return _parse_apa(apa, item)
    rest = extract_identifiers(body, item)
    facts = _PUBLICATION_FACTS.search(rest)
    if facts:
        item["publisher-place"] = facts.group("place").strip()
        item["publisher"] = facts.group("publisher").strip()
        rest = rest[: facts.start()] + f", {facts.group('year')}" + rest[facts.end() :]
    rest = extract_pages(rest, item)
    rest = extract_date(rest, item)
    quoted = _QUOTED.search(rest)
    if quoted:
        before = rest[: quoted.start()].strip(" ,،.:;")
        after = rest[quoted.end() :].strip(" ,،.:;")
        item["title"] = clean_title(quoted.group("title"))
        if before:
            _set_authors(item, before)
        _set_container_and_publisher(item, split_segments(after))
    else:
        segments = split_segments(rest)
        if not segments:
            return None
        if len(segments) >= 2 and _set_authors_from_segments(item, segments):
            segments = segments[item.pop("_used") :]
        if segments:
            item["title"] = clean_title(segments[0])
            _set_container_and_publisher(item, segments[1:])
    if not item.get("title"):
        return None
    item["type"] = _item_type(item)
    return item


_APA = re.compile(
    r"^(?P<authors>[^()]{2,200}?)\s*\((?P<year>1[5-9]\d\d|20\d\d)[a-z]?(?:,\s*(?P<when>[^)]{2,20}))?\)\.\s*"
    r"(?P<rest>.+)$"
)
_PUBLICATION_FACTS = re.compile(
    r"\((?P<place>[^:()]{2,40}):\s*(?P<publisher>[^,()]{2,80}),\s*(?P<year>1[5-9]\d\d|20\d\d)\)"
)
_GENRES = re.compile(
    r"^(?:report|working paper|briefing|press release|statement|policy brief)$", re.I
)


def _parse_apa(match: re.Match[str], item: dict[str, Any]) -> dict[str, Any] | None:
    """An APA-style reference: ``Authors (Year). Title. Container, Vol(Issue), pages.``"""
    authors = parse_authors(match.group("authors").strip())
    if authors:
        item["author"] = authors
    date_text = f"{match.group('when') or ''} {match.group('year')}"
    extract_date(date_text, item)
    rest = extract_identifiers(match.group("rest"), item)
    rest = extract_pages(rest, item)
    sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+", rest) if s.strip(" .")]
    if not sentences:
        return None
    item["title"] = clean_title(sentences[0])
    if len(sentences) > 1:
        _set_container_and_publisher(item, split_segments(" ".join(sentences[1:])))
    item["type"] = _item_type(item)
    return item


def _set_authors(item: dict[str, Any], text: str) -> None:
    authors = parse_authors(text)
    if authors:
        item["author"] = authors


def _set_authors_from_segments(item: dict[str, Any], segments: list[str]) -> bool:
    """Take the leading segments as authors when they look like names; record how many."""
    first = segments[0]
    second = segments[1] if len(segments) > 1 else ""
    if is_organisation(first):
        item["author"] = [{"literal": first}]
        item["_used"] = 1
        return True
    # "Surname, Given, Title, ..." : a one-word surname (particles aside) then given names.
    # Not for Persian and Arabic: their titles are often short, and names are kept whole.
    surname_words = [w for w in first.split() if w.lower() not in _PARTICLES]
    if (
        len(segments) >= 3
        and not _ARABIC.search(first)
        and len(surname_words) == 1
        and _name_like(first, max_words=3)
        and _name_like(second, max_words=3)
    ):
        authors = parse_authors(f"{first}, {second}")
        if authors:
            used = 2
            if len(segments) > 3 and segments[2].lower().startswith("et al"):
                authors.append({"literal": "et al."})
                used = 3
            item["author"] = authors
            item["_used"] = used
            return True
    if _name_like(first, max_words=8, allow_joiners=True):
        authors = parse_authors(first)
        if authors:
            item["author"] = authors
            item["_used"] = 1
            return True
    return False


_ARABIC = re.compile(r"[\u0600-\u06ff]")
_PARTICLES = {
    "de",
    "van",
    "von",
    "der",
    "den",
    "da",
    "di",
    "du",
    "al",
    "el",
    "bin",
    "ibn",
    "la",
    "le",
}
_JOINERS = {"and", "&", "و", "et", "al.", "al"}
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.\-]*|[A-Z]\.|[\u0600-\u06ff\u200c]+|al-\w+|el-\w+)$")


def _name_like(text: str, *, max_words: int, allow_joiners: bool = False) -> bool:
    words = text.replace(",", " ").split()
    if not 1 <= len(words) <= max_words:
        return False
    for word in words:
        low = word.lower()
        if low in _PARTICLES or (allow_joiners and low in _JOINERS):
            continue
        if not _NAME_WORD.match(word):
            return False
    return True


_PUBLISHER_WORDS = re.compile(
    r"\b(?:Press|Publishing|Publishers?|Books|University|Verlag|Editions?|Éditions|Presse|House)\b"
    r"|^(?:نشر|انتشارات|دار)\s",
    re.I,
)
_PLACE_PUBLISHER = re.compile(r"^(?P<place>[^:]{2,40}):\s*(?P<publisher>.{2,80})$")


def _set_container_and_publisher(item: dict[str, Any], segments: list[str]) -> None:
    for raw in segments:
        segment = raw.strip(" .")
        if not segment:
            continue
        if _GENRES.match(segment):
            item["genre"] = segment
            continue
        place = _PLACE_PUBLISHER.match(segment)
        if place and "publisher" not in item:
            item["publisher-place"] = place.group("place").strip()
            item["publisher"] = place.group("publisher").strip()
        elif _PUBLISHER_WORDS.search(segment) and "publisher" not in item:
            item["publisher"] = segment
        elif "container-title" not in item and "publisher" not in item:
            item["container-title"] = segment
        elif "publisher" in item and "publisher-place" not in item and len(segment.split()) <= 3:
            item["publisher-place"] = segment


_NEWSPAPER = re.compile(
    r"\b(?:Times|Post|News|Herald|Gazette|Tribune|Telegraph|Guardian|Monitor|Observer|Daily|"
    r"Chronicle|Journal|Press|Review|Standard|Mail|Express|Independent|Weekly|Courier)\b",
    re.I,
)


def _item_type(item: dict[str, Any]) -> str:
    container = str(item.get("container-title", ""))
    if ("volume" in item or "issue" in item) and container:
        return "article-journal"
    if item.get("genre"):
        return "report"
    if "publisher" in item or "ISBN" in item:
        return "chapter" if container else "book"
    authors = item.get("author", [])
    if authors and all("literal" in a for a in authors) and not container:
        return "report"
    if container and _NEWSPAPER.search(container):
        return "article-newspaper"
    if "URL" in item:
        return "webpage"
    if container:
        return "article-newspaper"
    return "document"


def link_footnotes(footnotes: Sequence[Footnote]) -> tuple[Footnote, ...]:
    """Parse every footnote (in document order) and fill kind, csl and refers_to."""
    linked: list[Footnote] = []
    fulls: list[tuple[str, dict[str, Any]]] = []
    previous_full: str | None = None
    for footnote in footnotes:
        parsed = parse_reference(footnote.text)
        refers_to: str | None = None
        if parsed.back is not None:
            refers_to = _resolve(parsed.back, fulls, previous_full)
        elif parsed.csl is not None:
            fulls.append((footnote.label, parsed.csl))
        if parsed.kind == "citation":
            previous_full = refers_to if parsed.back is not None else footnote.label
        linked.append(replace(footnote, kind=parsed.kind, csl=parsed.csl, refers_to=refers_to))
    return tuple(linked)


def _resolve(
    back: BackReference, fulls: list[tuple[str, dict[str, Any]]], previous: str | None
) -> str | None:
    if back.form in {"ibid", "id"}:
        return previous
    family = fold(back.author or "")
    candidates = [(label, csl) for label, csl in reversed(fulls) if _author_matches(csl, family)]
    if back.title:
        wanted = fold(back.title).split()
        for label, csl in candidates:
            title = fold(str(csl.get("title", ""))).split()
            if wanted and (title[: len(wanted)] == wanted or _contains(title, wanted)):
                return str(label)
        if back.form == "short":
            return None
    return str(candidates[0][0]) if candidates else None


def _author_matches(csl: dict[str, Any], family: str) -> bool:
    if not family:
        return False
    for author in csl.get("author", []):
        name = fold(str(author.get("family") or author.get("literal") or ""))
        if name and (name == family or name.split()[-1:] == family.split()[-1:]):
            return True
    return False


def _contains(words: list[str], wanted: list[str]) -> bool:
    n = len(wanted)
    return any(words[i : i + n] == wanted for i in range(len(words) - n + 1))
