"""Footnote text to CSL-JSON, and ibid / Id. / op. cit. / short forms linked to their full citation.

No offline library parses the free-text references of web articles (the research notes tried
refextract, refparse and others: they target physics papers or database exports), so this is a
heuristic parser tuned to the forms articles use: ``Author, Title, Container, Date`` with or
without quotes, agencies as authors, journals with volume and pages, books with place and
publisher, URLs, DOIs and ISBNs, in English, Persian and Arabic.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any, Literal, NamedTuple

from archivist.ingest.refdates import (
    MONTHS,
    extract_date,
    has_arabic_script,
    has_year,
    to_ascii_digits,
)
from archivist.ingest.refnames import name_like, parse_authors, surname_like
from archivist.ingest.refparts import (
    clean_title,
    extract_identifiers,
    extract_pages,
    fold,
    fold_words,
    looks_like_note,
    split_segments,
)
from archivist.ingest.reftypes import item_type, set_authors_from_segments, set_container
from archivist.model import CslItem, Footnote, FootnoteKind, Note

BackForm = Literal["ibid", "id", "op_cit", "short"]


class BackReference(NamedTuple):
    """An ibid, Id., op. cit. or short-form note pointing back to a full citation."""

    form: BackForm
    author: str | None = None
    title: str | None = None
    locator: str | None = None


class ParsedReference(NamedTuple):
    """One footnote's parse: its kind, its CSL item if it is a full citation, or its back link.

    Named tuples, this and BackReference: one is made for every footnote.
    """

    kind: FootnoteKind
    csl: dict[str, Any] | None
    back: BackReference | None


_NUMBERING = re.compile(r"^\s*(?:\[\s*[0-9۰-۹٠-٩]{1,4}\s*\]|[0-9۰-۹٠-٩]{1,4}[.)](?!\d))\s*")
_DIGIT = "[0-9۰-۹٠-٩]"
_LOCATOR = (
    r"(?:[,،]?\s*(?:at\s+|pp?\.\s*|pages?\s+|ص\.?\s*|صص\.?\s*)?"
    rf"(?P<loc>{_DIGIT}[0-9۰-۹٠-٩\-–, ]*))?"
)
_IBID = re.compile(r"^(?:ibid|ibidem)\b\.?" + _LOCATOR, re.I)
_ID = re.compile(r"^[Ii]d\." + _LOCATOR)
_SAME = re.compile(
    r"^(?:همان(?:\u200c?جا)?|نفس المصدر|المصدر نفسه|المرجع نفسه|المصدر السابق|المرجع السابق)"
    r"(?:\s|[،,.]|$)\s*" + _LOCATOR
)
_OP_CIT = re.compile(
    r"^(?:(?P<head>[^\d]{2,200}?)[,،]?\s*)?"
    r"(?:\bop\.?\s*cit\b\.?|\bsupra(?:\s+note\s+\d+)?|پیشین|المرجع السابق|المصدر السابق)"
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
    r"\(?(?:1[5-9]\d\d|20\d\d)[a-z]?\)?(?:[,:]\s*(?:pp?\.\s*)?(?P<loc>\d[\d\-–]*))?\)?\.?$"
)
_SEE = re.compile(
    r"^(?:(?:see|see also|cf\.|compare|quoted in|cited in|as cited in)[,:]?\s+|"
    r"(?:ر\.?\s?ک\.?|نک\.?|نگاه کنید به|انظر)[:：]?\s*)",
    re.I,
)
_SEE_INSIDE = re.compile(r"^(?P<lead>[^,;:\d“\"«]{3,80})[,;:]\s+(?:see|cf\.)(?: also)?\s+", re.I)
_QUOTED = re.compile(r"[“\"«‘](?P<title>[^”\"»’]{3,300})[”\"»’]")
_SMALL_WORDS = frozenset(
    {"a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"the", "to", "with", "de", "la", "le", "du", "des", "van", "von"}
)


def strip_numbering(text: str) -> str:
    """The note text without a leading ``[n]`` / ``n.`` number."""
    numbering = _NUMBERING.match(text)
    return (text[numbering.end() :] if numbering else text).strip()


def parse_reference(text: str) -> ParsedReference:
    """Classify and parse one footnote's text; never raises."""
    body = strip_numbering(" ".join(text.split()))
    see = _SEE.match(body)
    if see:
        body = body[see.end() :].strip()
    lead = _SEE_INSIDE.match(body) if " see " in body or " cf. " in body else None
    if lead and not name_like(lead.group("lead"), max_words=8, allow_joiners=True):
        body = body[lead.end() :]  # "For more on this, see Marrow, ...": the citation follows
    if not body:
        return ParsedReference("note", None, None)
    back = _back_reference(body)
    if back is not None:
        return ParsedReference("citation", None, back)
    if looks_like_note(body):
        return ParsedReference("note", None, None)
    csl = parse_citation(body)
    if csl is None:
        return ParsedReference("note", None, None)
    return ParsedReference("citation", csl, None)


def _back_reference(body: str) -> BackReference | None:
    if body[:1] in "iIهنا":
        for pattern, form in ((_IBID, "ibid"), (_ID, "id"), (_SAME, "ibid")):
            match = pattern.match(body)
            if match:
                return BackReference(form, locator=_locator(match.group("loc")))  # type: ignore[arg-type]
    lowered = body.lower()
    # Cheap tests first: the patterns below backtrack over the whole note.
    if "cit" in lowered or "supra" in lowered or "پیشین" in body or "السابق" in body:
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
                "short", author=match.group("author"), locator=_locator(match.group("loc"))
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
    head = split_segments(match.group("head") or "")
    author = head[0] if head else None
    title = clean_title(", ".join(head[1:])) if len(head) > 1 else None
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
    title = clean_title(raw_title)
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
    title = clean_title(raw_title)
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


def parse_citation(body: str) -> dict[str, Any] | None:
    """A CSL-JSON item for a full citation, or None when nothing bibliographic was found."""
    item: dict[str, Any] = {}
    apa = _APA.match(body) if "(" in body else None
    if apa:
        return _parse_apa(apa, item)
    vancouver = _VANCOUVER.match(body) if ";" in body else None
    if vancouver:
        return _parse_vancouver(vancouver, item)
    rest = extract_identifiers(body, item)
    facts = _PUBLICATION_FACTS.search(rest) if ":" in rest else None
    if facts:
        item["publisher-place"] = facts.group("place").strip()
        item["publisher"] = facts.group("publisher").strip()
        rest = rest[: facts.start()] + f", {facts.group('year')}" + rest[facts.end() :]
    rest = extract_pages(rest, item)
    rest = extract_date(rest, item)
    quoted = _QUOTED.search(rest)
    if quoted:
        before = rest[: quoted.start()].strip(" ,،:;")
        after = rest[quoted.end() :]
        title = clean_title(quoted.group("title"))
        subtitle = re.match(r"^\s*:\s*([^,،.]+)", after)
        if subtitle:
            # "They Took Our Boats": Abuses at Sea — the subtitle follows the closing quote.
            title = f"{title}: {subtitle.group(1).strip()}"
            after = after[subtitle.end() :]
        item["title"] = title
        if before:
            authors = parse_authors(before)
            if authors:
                item["author"] = authors
        set_container(item, split_segments(after.strip(" ,،.:;")))
    else:
        segments = split_segments(rest)
        used = set_authors_from_segments(item, segments) if len(segments) >= 2 else 0
        segments = segments[used:]
        if segments:
            item["title"] = clean_title(segments[0])
            set_container(item, segments[1:])
    if not item.get("title"):
        item.pop("title", None)
        if not ("URL" in item or "DOI" in item):
            return None
    item["type"] = item_type(item)
    return item


_APA = re.compile(
    r"^(?P<authors>[^()]{2,200}?)\s*\((?P<year>1[5-9]\d\d|20\d\d)[a-z]?"
    r"(?:,\s*(?P<when>[^)]{2,20}))?\)\.\s*(?P<rest>.+)$"
)
_PUBLICATION_FACTS = re.compile(
    r"\((?P<place>[^:()]{2,40}):\s*(?P<publisher>[^,()]{2,80}),\s*(?P<year>1[5-9]\d\d|20\d\d)\)"
)


def _parse_apa(match: re.Match[str], item: dict[str, Any]) -> dict[str, Any] | None:
    """An APA-style reference: ``Authors (Year). Title. Container, Vol(Issue), pages.``"""
    authors = parse_authors(match.group("authors").strip())
    if authors:
        item["author"] = authors
    extract_date(f"{match.group('when') or ''} {match.group('year')}", item)
    rest = extract_identifiers(match.group("rest"), item)
    rest = extract_pages(rest, item)
    sentences = [s.strip() for s in re.split(r"(?<=[.?!])\s+", rest) if s.strip(" .")]
    if not sentences:
        return None
    item["title"] = clean_title(sentences[0])
    if len(sentences) > 1:
        set_container(item, split_segments(" ".join(sentences[1:])))
    item["type"] = item_type(item)
    return item


_VANCOUVER = re.compile(
    r"^(?P<authors>[A-Z][\w'’\-]+ [A-Z]{1,3}(?:, [A-Z][\w'’\-]+ [A-Z]{1,3})*(?:, et al)?)\.\s+"
    r"(?P<title>[^.?!]{3,300}[.?!])\s+(?P<container>[^.;]{2,120})\.\s+"
    r"(?P<year>1[5-9]\d\d|20\d\d)(?:\s+(?P<month>[A-Z][a-z]{2})(?:\s+(?P<day>\d{1,2}))?)?;\s*"
    r"(?P<volume>\d{1,4})?(?:\((?P<issue>[\w\-]{1,6})\))?(?::\s*(?P<page>[\dA-Za-z\-–]{1,15}))?"
)


def _parse_vancouver(match: re.Match[str], item: dict[str, Any]) -> dict[str, Any]:
    """A Vancouver (medical) reference: ``Roe J, Doe K. Title. Journal. 2018;45(2):12-19.``"""
    authors: list[dict[str, str]] = []
    for name in match.group("authors").split(", "):
        family, _, initials = name.rpartition(" ")
        if name == "et al":
            authors.append({"literal": "et al."})
        elif family:
            authors.append({"family": family, "given": ". ".join(initials) + "."})
    item["author"] = authors
    item["title"] = clean_title(match.group("title"))
    item["container-title"] = match.group("container").strip()
    parts = [int(match.group("year"))]
    month = MONTHS.get((match.group("month") or "").lower())
    if month:
        parts.append(month)
        if match.group("day") and 1 <= int(match.group("day")) <= 31:
            parts.append(int(match.group("day")))
    item["issued"] = {"date-parts": [parts]}
    for key in ("volume", "issue"):
        if match.group(key):
            item[key] = match.group(key)
    if match.group("page"):
        item["page"] = match.group("page").replace("-", "–")
    extract_identifiers(match.string[match.end() :], item)
    item["type"] = "article-journal"
    return item


def link_footnotes(footnotes: Sequence[Footnote]) -> tuple[Footnote, ...]:
    """Parse every footnote (in document order) and fill kind, csl and refers_to.

    A footnote that arrives with ``csl`` set carries the metadata its page gave (COinS,
    schema.org): that item wins over parsing the text, and the note is a full citation.
    """
    return make_footnotes((f.label, f.markers, f.text, f.notes, f.csl) for f in footnotes)


NoteParts = tuple[str, tuple[int, ...], str, tuple[Note, ...], CslItem | None]
"""``(label, markers, text, user notes, CSL item from the page or None)`` of one footnote."""


def make_footnotes(notes: Iterable[NoteParts]) -> tuple[Footnote, ...]:
    """Footnotes from their parts (`NoteParts`) in document order, parsed and linked.

    An importer that has the parts builds each Footnote once, here, rather than twice.
    """
    linked: list[Footnote] = []
    fulls: list[_Full] = []
    previous_full: str | None = None
    for label, markers, text, user_notes, page_csl in notes:
        parsed = (
            parse_reference(text)
            if page_csl is None
            else ParsedReference("citation", dict(page_csl), None)
        )
        refers_to: str | None = None
        if parsed.back is not None:
            refers_to = _resolve(parsed.back, fulls, previous_full)
            previous_full = refers_to
        elif parsed.csl is not None:
            fulls.append(_Full(label, parsed.csl))
            previous_full = label
        linked.append(
            Footnote(
                label=label,
                markers=markers,
                text=text,
                kind=parsed.kind,
                refers_to=refers_to,
                csl=parsed.csl,
                notes=user_notes,
            )
        )
    return tuple(linked)


class _Full:
    """A full citation met so far; its names and title are folded for matching when first asked.

    Most articles never ask: only short forms and op. cit. notes are matched by name.
    """

    __slots__ = ("_lasts", "_names", "_title", "csl", "label")

    def __init__(self, label: str, csl: dict[str, Any]) -> None:
        self.label = label
        self.csl = csl
        self._names: frozenset[str] | None = None
        self._lasts: frozenset[str] = frozenset()
        self._title: tuple[str, ...] | None = None

    def names_match(self, family: str, words: set[str]) -> bool:
        """Whether an author's folded name is ``family`` or ends with one of ``words``."""
        if self._names is None:
            authors = self.csl.get("author", [])
            names = (str(a.get("family") or a.get("literal") or "") for a in authors)
            folded = [name for name in map(_fold_name, names) if name]
            self._names = frozenset(folded)
            self._lasts = frozenset(name.split()[-1] for name in folded)
        return family in self._names or not self._lasts.isdisjoint(words)

    @property
    def title(self) -> tuple[str, ...]:
        """The title's folded words."""
        if self._title is None:
            self._title = tuple(fold_words(str(self.csl.get("title", ""))))
        return self._title


_fold_name = functools.lru_cache(maxsize=4096)(fold)
"""fold() for names, remembered: the same names come back in note after note."""
_NAME_JOINERS = frozenset({"and", "et", "al", "و"})


def _resolve(back: BackReference, fulls: list[_Full], previous: str | None) -> str | None:
    """The label of the full citation a back reference names, or None."""
    if back.form in {"ibid", "id"} or (back.form == "op_cit" and not back.author):
        return previous
    family = fold(back.author or "")
    # The back reference's name is split once here, not once for every earlier citation.
    words = {w for w in family.split() if w not in _NAME_JOINERS}
    candidates = (
        [full for full in reversed(fulls) if full.names_match(family, words)] if family else []
    )
    if back.title:
        wanted = fold_words(back.title)
        for full in candidates:
            title = list(full.title)
            if wanted and (title[: len(wanted)] == wanted or _contains(title, wanted)):
                return full.label
        if back.form == "short":
            return None
    return candidates[0].label if candidates else None


def _contains(words: list[str], wanted: list[str]) -> bool:
    n = len(wanted)
    return any(words[i : i + n] == wanted for i in range(len(words) - n + 1))
