"""Footnote text to CSL-JSON: a trained labeller reads full citations, rules link the rest.

One path for every note: numbering and "See" are stripped; ibid, Id., op. cit., همان and short
forms are recognised by rule (``backrefs``) and linked to the full citation they point to;
every other note is labelled token by token by a conditional random field trained on
hand-labelled references (``labeller``), its segments read into a CSL-JSON item (``fields``)
and typed (``types``). A note the labelling finds nothing bibliographic in, or that reads as a
sentence of prose, is commentary: it gets no item, and when it names a work cited earlier it
is linked to that work's full citation. Metadata a page gave for a note (COinS, schema.org)
wins over all of this.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any, NamedTuple

from archivist.ingest.references.backrefs import BackReference, back_reference
from archivist.ingest.references.commentary import is_commentary, named_work
from archivist.ingest.references.fields import clean_title, read_fields
from archivist.ingest.references.labeller import label
from archivist.ingest.references.names import name_like
from archivist.ingest.references.types import item_type
from archivist.model import CslItem, Footnote, FootnoteKind, Note
from archivist.text import fold, fold_words, has_arabic_script

__all__ = [
    "BackReference",
    "NoteParts",
    "ParsedReference",
    "link_footnotes",
    "make_footnotes",
    "parse_reference",
    "strip_numbering",
]


class ParsedReference(NamedTuple):
    """One footnote's parse: its kind, its CSL item if it is a full citation, or its back link.

    ``locator`` is the page a full citation pinpoints inside a whole work ("p. 61" of a book),
    which is not the work's page range and so is not in the item.
    """

    kind: FootnoteKind
    csl: dict[str, Any] | None
    back: BackReference | None
    locator: str | None = None


_NUMBERING = re.compile(r"^\s*(?:\[\s*[0-9۰-۹٠-٩]{1,4}\s*\]|[0-9۰-۹٠-٩]{1,4}[.)](?!\d))\s*")
_SEE = re.compile(
    r"^(?:(?:see|see also|cf\.|compare|quoted in|cited in|as cited in|vgl\.|voir|siehe)[,:]?\s+|"
    r"(?:ر\.?\s?ک\.?|نک\.?|نگاه کنید به|انظر)[:：]?\s*)",
    re.I,
)
_SEE_AFTER_LEAD = (
    r"[,;:،؛]\s+(?:(?:see|cf\.|vgl\.|voir|siehe)(?: also)?|انظر|بنگرید به|نگاه کنید به|ر\.?\s?ک\.?)"
)
_SEE_INSIDE = re.compile(r"^(?P<lead>[^,;:،؛\d“\"«]{3,80})" + _SEE_AFTER_LEAD + r"[:：]?\s+", re.I)
"""A lead-in before the work it points to: "For more on this, see …", "للاطلاع …، انظر: …"."""
_SEE_WORD = re.compile(_SEE_AFTER_LEAD, re.I)
"""Whether a note has a "see" after a comma at all (most have none: the lead is not sought)."""
_WHOLE_WORK = frozenset(
    {"book", "report", "thesis", "document", "webpage", "legislation", "motion_picture"}
)


_FUNCTION_WORDS = frozenset(
    ["على", "في", "من", "إلى", "عن", "مع", "برای", "در", "به", "از", "که", "با"]
)
"""Words of Arabic and Persian prose that no name holds ("For the opposing view" is no author)."""


def _names_a_person(lead: str) -> bool:
    """Whether the words before "see" are a name ("Marrow, see also …") rather than prose."""
    if not name_like(lead, max_words=8, allow_joiners=True):
        return False
    return not (has_arabic_script(lead) and _FUNCTION_WORDS.intersection(lead.split()))


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
    lead = _SEE_INSIDE.match(body) if _SEE_WORD.search(body) else None
    if lead and not _names_a_person(lead.group("lead")):
        body = body[lead.end() :]  # "For more on this, see Marrow, ...": the citation follows
    if not body:
        return ParsedReference("note", None, None)
    back = back_reference(body)
    if back is not None:
        return ParsedReference("citation", None, back)
    segments = label(body)
    parts = [(s.label, body[s.start : s.end]) for s in segments]
    if is_commentary(parts):
        return ParsedReference("note", None, named_work(parts))
    reading = read_fields(parts, body)
    item = reading.csl
    if "title" not in item and "container-title" not in item:
        if item.get("genre"):
            # "Interview with a port official, Basra, 2018": the description is its name.
            item["title"] = item.pop("genre")
        elif item.get("author") and parts[0][0] == "author":
            # A work is always called something: when nothing was labelled its title, the
            # leading part taken for a name is ("Brennick Parish Accounts, 1598-1671, ...").
            item["title"] = clean_title(parts[0][1])
            del item["author"]
    item["type"] = item_type(item, {name for name, _ in parts})
    del item["_journal"]
    locator: str | None = None
    if reading.locator:
        ranged = "–" in reading.locator
        if item["type"] in _WHOLE_WORK or ("container-title" in item and not ranged):
            locator = reading.locator  # a page of a whole work, or one page of an article
        else:
            item["page"] = reading.locator
    if not ({"title", "container-title", "URL", "DOI", "ISBN"} & item.keys() or _signed(item)):
        return ParsedReference("note", None, None)
    return ParsedReference("citation", item, None, locator)


def _signed(item: dict[str, Any]) -> bool:
    """An author and a date: a work, whatever its labels missed."""
    return bool(item.get("author")) and "issued" in item


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
    for label_, markers, text, user_notes, page_csl in notes:
        parsed = _parse_with_page(text, page_csl)
        refers_to: str | None = None
        if parsed.back is not None:
            refers_to = _resolve(parsed.back, fulls, previous_full)
            if parsed.kind == "citation" or refers_to is not None:
                previous_full = refers_to
        elif parsed.csl is not None:
            fulls.append(_Full(label_, parsed.csl))
            previous_full = label_
        if refers_to is None and parsed.kind == "note" and fulls:
            refers_to = _mentioned(text, fulls)  # commentary naming a work cited before
        linked.append(
            Footnote(
                label=label_,
                markers=markers,
                text=text,
                kind=parsed.kind,
                refers_to=refers_to,
                csl=parsed.csl,
                notes=user_notes,
                locator=parsed.locator or (parsed.back.locator if parsed.back else None),
            )
        )
    return tuple(linked)


def _parse_with_page(text: str, page_csl: CslItem | None) -> ParsedReference:
    """The page's item when it has a title; its type alone refines the parse otherwise."""
    if page_csl is not None and page_csl.get("title"):
        return ParsedReference("citation", dict(page_csl), None)
    parsed = parse_reference(text)
    if page_csl is not None and parsed.csl is not None and page_csl.get("type"):
        # The template the page used (a MediaWiki "cite web") knows the type better.
        parsed.csl["type"] = page_csl["type"]
    return parsed


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
        self._fold_names()
        assert self._names is not None
        return family in self._names or not self._lasts.isdisjoint(words)

    def _fold_names(self) -> None:
        if self._names is None:
            authors = self.csl.get("author") or self.csl.get("editor") or []
            names = (str(a.get("family") or a.get("literal") or "") for a in authors)
            folded = [name for name in map(_fold_name, names) if name]
            self._names = frozenset(folded)
            self._lasts = frozenset(name.split()[-1] for name in folded)

    @property
    def lasts(self) -> frozenset[str]:
        """The last word of each author's folded family name."""
        self._fold_names()
        return self._lasts

    @property
    def title(self) -> tuple[str, ...]:
        """The title's folded words."""
        if self._title is None:
            self._title = tuple(fold_words(str(self.csl.get("title", ""))))
        return self._title

    @property
    def year(self) -> int | None:
        """The year of issue, when the item has a Gregorian one."""
        parts = (self.csl.get("issued") or {}).get("date-parts") or [[None]]
        year = parts[0][0] if parts and parts[0] else None
        return year if isinstance(year, int) else None


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
    if back.year is not None:
        # "Kennedy 2007": the Kennedy of 2007, never another Kennedy.
        return next((full.label for full in candidates if full.year == back.year), None)
    if back.title:
        wanted = fold_words(back.title)
        for full in candidates:
            title = list(full.title)
            if wanted and (title[: len(wanted)] == wanted or _contains(title, wanted)):
                return full.label
        if back.form == "short":
            return None
    return candidates[0].label if candidates else None


def _contains(words: Sequence[str], wanted: Sequence[str]) -> bool:
    n = len(wanted)
    return any(list(words[i : i + n]) == list(wanted) for i in range(len(words) - n + 1))


_PAGE = re.compile(r"(?<![\d/.])[0-9۰-۹٠-٩]{1,4}(?:\s*[-–]\s*[0-9۰-۹٠-٩]{1,4})?(?![\d/])")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_TITLE_WORDS = 2
"""Title words, in order, a note must repeat to name a work (all of them when it has fewer)."""


def _mentioned(text: str, fulls: list[_Full]) -> str | None:
    """The full citation a commentary note names: its author's name and its title or a page."""
    words = fold_words(text)
    present = set(words)
    for full in reversed(fulls):
        if full.lasts.isdisjoint(present):
            continue
        title = [w for w in full.title if w not in {"the", "a", "an"}]
        wanted = title[:_TITLE_WORDS]
        if wanted and _contains(words, wanted):
            return full.label
        if any(not _YEAR.fullmatch(page.group()) for page in _PAGE.finditer(text)):
            return full.label  # "See Marrow's discussion, 45–47": the author and a page
    return None
