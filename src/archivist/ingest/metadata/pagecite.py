"""The citation metadata a page carries for its notes: COinS spans and the templates' types."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import parse_qsl

from lxml import etree

from archivist.ingest.html.htmldom import select, text_content
from archivist.ingest.metadata.pageschema import creative_type, ld_citations, microdata, schema_item
from archivist.ingest.metadata.pagevalues import clean, csl_date, page_range, person, url_key
from archivist.ingest.references.dates import extract_date
from archivist.model import CslItem
from archivist.text import fold

MAX_COINS = 16_384
"""Characters of a COinS title read; a real one, even with fifty authors, is under 4,000."""
MAX_NAMES = 100

# MediaWiki's CS1/CS2 templates name themselves in the <cite> class ("citation web cs1");
# each class is the template's CitationClass (Module:Citation/CS1/Configuration).
TEMPLATE_TYPES = {
    "web": "webpage",
    "news": "article-newspaper",
    "journal": "article-journal",
    "magazine": "article-magazine",
    "book": "book",
    "encyclopaedia": "entry-encyclopedia",
    "encyclopedia": "entry-encyclopedia",
    "thesis": "thesis",
    "report": "report",
    "techreport": "report",
    # CSL has no press release; a report carries its issuer as publisher and, in genre,
    # what it is, which is how APA and Chicago set one ("[Press release]").
    "pressrelease": "report",
    "conference": "paper-conference",
    "audio-visual": "motion_picture",
    "episode": "broadcast",
    "serial": "broadcast",
    "podcast": "broadcast",
    "interview": "interview",
    "map": "map",
    "speech": "speech",
    "mailinglist": "post",
    "newsgroup": "post",
    "tweet": "post",
    "document": "document",
    "patent": "patent",
    # Preprint servers: CSL 1.0.2 "article" is the preprint or working paper.
    "arxiv": "article",
    "biorxiv": "article",
    "medrxiv": "article",
    "ssrn": "article",
    "citeseerx": "article",
}
# What the ContextObject says without a template: its format, then its genre.
_FORMAT_GENRES = {
    ("journal", "article"): "article-journal",
    ("journal", "journal"): "periodical",
    ("journal", "issue"): "periodical",
    ("journal", "preprint"): "article",
    ("journal", "unknown"): "article",
    ("book", "book"): "book",
    ("book", "bookitem"): "chapter",
    ("book", "report"): "report",
    ("book", "document"): "document",
    ("book", "unknown"): "document",
}
_GENRES = {
    "article": "article-journal",
    "book": "book",
    "bookitem": "chapter",
    "proceeding": "paper-conference",
    "conference": "paper-conference",
    "report": "report",
    "preprint": "article",
    "document": "document",
}
_FORMATS = {
    "journal": "article-journal",
    "book": "book",
    "dissertation": "thesis",
    "patent": "patent",
}
_ID_PREFIXES = {"info:doi/": "DOI", "info:pmid/": "PMID", "info:arxiv/": "number"}
_MAX_UNDECODED = 4
_SHOWN_FIELDS = ("title", "container-title", "publisher", "collection-title")
_PMC = re.compile(r"PMC\d+")
_NOT_A_NAME = frozenset({"et al", "et al.", "others", "and others"})
_COINS = etree.XPath("//span[contains(concat(' ', normalize-space(@class), ' '), ' Z3988 ')]")
_SCOPES = etree.XPath(
    "//*[@itemscope and (contains(@itemprop, 'citation') or (self::cite and @itemtype))]"
)
_ACCESS_DATE = etree.XPath(".//*[contains(@class, 'reference-accessdate')]")


def note_items(
    root: etree._Element, notes: Sequence[etree._Element], texts: Sequence[str]
) -> list[CslItem | None]:
    """The CSL item the page's own metadata gives each note, in order; None where none.

    COinS inside a note comes first, then schema.org microdata inside it, then the page's
    JSON-LD citations matched to notes by URL or by title.
    """
    items: list[CslItem | None] = [None] * len(notes)
    if not notes:
        return items
    where = {note: n for n, note in enumerate(notes)}
    for span in select(_COINS, root):
        n = _owner(span, where)
        # A bundled note citing several works holds several spans: the first one stands for
        # the note, whose text still shows them all.
        if n is None or items[n] is not None:
            continue
        item = coins_item(span.get("title") or "", _cite_classes(span, notes[n]))
        if item is not None:
            items[n] = _with_access_date(_as_shown(item, texts[n]), notes[n])
    for scope in select(_SCOPES, root):
        n = _owner(scope, where)
        # A <cite> with an itemscope may hold a person or a place: only a work is cited.
        if scope.tag == "cite" and creative_type(scope.get("itemtype", "").split()) is None:
            continue
        if n is not None and items[n] is None:
            items[n] = schema_item(microdata(scope))
    if any(item is None for item in items):
        _match_ld_citations(root, notes, texts, items)
    for n, note in enumerate(notes):
        if items[n] is None:
            items[n] = _template_type(note)
    return items


def _template_type(note: etree._Element) -> CslItem | None:
    """``{"type": ...}`` when a note's ``<cite>`` names a citation template and nothing else
    describes it: the parsed item takes the type the page's author chose (a saved MediaWiki
    page without COinS still says "citation web")."""
    cite = note.find(".//cite")
    template = template_of(cite.get("class") if cite is not None else None)
    return {"type": TEMPLATE_TYPES[template]} if template else None


def coins_item(title_attr: str, cite_classes: str | None) -> dict[str, Any] | None:
    """A CSL-JSON item from a COinS ``title`` (a KEV ContextObject); None without a title.

    ``cite_classes`` is the class of the note's ``<cite>``, naming the template if known.
    """
    kev = _kev(title_attr)
    fmt = _one(kev, "rft_val_fmt").rpartition(":")[2].lower()
    genre = _one(kev, "rft.genre").lower()
    template = template_of(cite_classes)
    item: dict[str, Any] = {}
    _titles(kev, fmt, item)
    if "title" not in item:
        return None
    item["type"] = _coins_type(template, fmt, genre, kev, item)
    if template == "pressrelease":
        item["genre"] = "Press release"
    elif degree := _one(kev, "rft.degree"):
        item["genre"] = degree
    if authors := _authors(kev):
        item["author"] = authors
    if issued := csl_date(_one(kev, "rft.date")):
        item["issued"] = issued
    if pages := _pages(kev):
        item["page"] = pages
    for key, field in _PLAIN_FIELDS:
        if field not in item and (value := _one(kev, key)):
            item[field] = value
    _identifiers(kev, item)
    return item


_PLAIN_FIELDS = (
    ("rft.volume", "volume"),
    ("rft.issue", "issue"),
    ("rft.pub", "publisher"),
    ("rft.publisher", "publisher"),
    ("rft.inst", "publisher"),
    ("rft.place", "publisher-place"),
    ("rft.edition", "edition"),
    ("rft.series", "collection-title"),
    ("rft.isbn", "ISBN"),
    ("rft.issn", "ISSN"),
    ("rft.eissn", "ISSN"),
)


def template_of(cite_classes: str | None) -> str | None:
    """The MediaWiki template a ``<cite>`` class names (``web`` for "citation web cs1")."""
    tokens = (cite_classes or "").lower().split()
    if "citation" not in tokens:
        return None
    return next((t for t in tokens if t in TEMPLATE_TYPES), None)


def _kev(title_attr: str) -> dict[str, list[str]]:
    """The keys and values of a ContextObject, read from a bounded prefix of the attribute."""
    kev: dict[str, list[str]] = {}
    for key, value in parse_qsl(title_attr[:MAX_COINS], errors="replace"):
        # A title escaped twice reads "&amp;rft.title=...": the key keeps the "amp;".
        name = key.strip().lower().removeprefix("amp;")
        values = kev.setdefault(name, [])
        if len(values) < MAX_NAMES:
            values.append(value)
    return kev


def _one(kev: dict[str, list[str]], key: str) -> str:
    """The first non-empty value of a key, cleaned; empty when there is none."""
    for value in kev.get(key, ()):
        if cleaned := clean(value):
            return cleaned
    return ""


def _titles(kev: dict[str, list[str]], fmt: str, item: dict[str, Any]) -> None:
    """Title and container: with ``atitle`` the work is a part, of ``jtitle`` or ``btitle``."""
    atitle, btitle, jtitle = (
        _one(kev, "rft.atitle"),
        _one(kev, "rft.btitle"),
        _one(kev, "rft.jtitle"),
    )
    # In Dublin Core ``title`` is the work's own; in journal and book formats (OpenURL 0.1)
    # it is the container's.
    title = _one(kev, "rft.title")
    short = _one(kev, "rft.stitle")
    if atitle:
        item["title"] = atitle
        container = jtitle or btitle or (title if fmt != "dc" else "")
    else:
        item["title"] = btitle or title or jtitle
        container = _one(kev, "rft.source") if fmt == "dc" else ""
    if not item["title"]:
        del item["title"]
    if container or short:
        item["container-title"] = container or short
    if container and short and short != container:
        item["container-title-short"] = short


def _coins_type(
    template: str | None, fmt: str, genre: str, kev: dict[str, list[str]], item: dict[str, Any]
) -> str:
    """The template's type where the page names one, else what the ContextObject says."""
    if template is not None:
        kind = TEMPLATE_TYPES[template]
        # cite book with |chapter= is a chapter of the book it names.
        if kind == "book" and genre == "bookitem" and "container-title" in item:
            return "chapter"
        return kind
    if fmt == "dc":
        dc_type = _one(kev, "rft.type").lower()
        if "blog" in dc_type:
            return "post-weblog"
        return "webpage" if _one(kev, "rft.identifier").startswith("http") else "document"
    if (fmt, genre) in _FORMAT_GENRES:
        return _FORMAT_GENRES[fmt, genre]
    return _GENRES.get(genre) or _FORMATS.get(fmt) or "document"


def _authors(kev: dict[str, list[str]]) -> list[dict[str, str]]:
    """``aulast``/``aufirst`` first, then each ``au``, ``aucorp`` and Dublin Core ``creator``."""
    names: list[dict[str, str]] = []
    last = _one(kev, "rft.aulast")
    first = _one(kev, "rft.aufirst") or _one(kev, "rft.auinit") or _initials(kev)
    seen: set[str] = set()
    if last:
        names.append(person(f"{last}, {first}" if first else last))
        seen = {fold(f"{last} {first}"), fold(f"{first} {last}")}
        if suffix := _one(kev, "rft.ausuffix"):
            names[0] = {**names[0], "suffix": suffix}
    for key in ("rft.au", "rft.creator", "rft.aucorp"):
        for raw in kev.get(key, ()):
            text = clean(raw)
            if not text or text.lower() in _NOT_A_NAME or fold(text) in seen:
                continue
            seen.add(fold(text))
            names.append({"literal": text} if key == "rft.aucorp" else person(text))
    return names[:MAX_NAMES]


def _initials(kev: dict[str, list[str]]) -> str:
    return " ".join(i for i in (_one(kev, "rft.auinit1"), _one(kev, "rft.auinitm")) if i)


def _pages(kev: dict[str, list[str]]) -> str:
    if pages := _one(kev, "rft.pages"):
        return page_range(pages)
    start, end = _one(kev, "rft.spage"), _one(kev, "rft.epage")
    return page_range(f"{start}-{end}") if start and end else start


def _identifiers(kev: dict[str, list[str]], item: dict[str, Any]) -> None:
    """DOI, PMID, PMCID, an arXiv id as ``number``, and the work's own URL."""
    for raw in (*kev.get("rft_id", ()), *kev.get("rft.identifier", ())):
        value = clean(raw)
        for prefix, field in _ID_PREFIXES.items():
            if value.lower().startswith(prefix) and field not in item:
                ident = value[len(prefix) :]
                # CSL has DOI and PMID but no arXiv variable; "number" is where CSL-JSON
                # from Zotero and arXiv itself put a preprint's id, "arXiv:" and all.
                item[field] = f"arXiv:{ident}" if field == "number" else ident
        if "#id-name=" in value:
            # Identifier links MediaWiki builds (JSTOR, PMC, S2CID ...), not the work's URL.
            if value.endswith("#id-name=PMC") and (pmc := _PMC.search(value)):
                item.setdefault("PMCID", pmc.group())
        elif value.lower().startswith(("http://", "https://")):
            item.setdefault("URL", value)


def _owner(el: etree._Element, where: dict[etree._Element, int]) -> int | None:
    """The index of the note an element is in (or is), if any."""
    if el in where:
        return where[el]
    return next((where[a] for a in el.iterancestors() if a in where), None)


def _cite_classes(span: etree._Element, note: etree._Element) -> str | None:
    """The class of the ``<cite>`` a COinS span follows, else of the note's first ``<cite>``."""
    previous = span.getprevious()
    if previous is not None and previous.tag == "cite":
        return previous.get("class")
    cite = note.find(".//cite")
    return cite.get("class") if cite is not None else None


def _as_shown(item: dict[str, Any], text: str) -> dict[str, Any]:
    """Values whose bytes were not UTF-8 (decoded as "�"), taken as the note shows them."""
    for field in _SHOWN_FIELDS:
        value = item.get(field)
        if not isinstance(value, str) or "\ufffd" not in value:
            continue
        parts = re.split("\ufffd+", value)
        # Each undecodable run stands for one to three characters the note shows; a value
        # with more runs is left as it is (each run multiplies the ways a search can fail).
        if len(parts) <= _MAX_UNDECODED + 1:
            pattern = ".{1,3}?".join(re.escape(part) for part in parts)
            if shown := re.search(pattern, text):
                item[field] = shown.group()
    return item


def _with_access_date(item: dict[str, Any], note: etree._Element) -> dict[str, Any]:
    """The date MediaWiki shows as "Retrieved ..." (COinS does not carry it) as ``accessed``."""
    for span in select(_ACCESS_DATE, note)[:1]:
        found: dict[str, Any] = {}
        extract_date(clean(text_content(span)), found)
        if "accessed" in found:
            item["accessed"] = found["accessed"]
    return item


def _match_ld_citations(
    root: etree._Element,
    notes: Sequence[etree._Element],
    texts: Sequence[str],
    items: list[CslItem | None],
) -> None:
    """Give notes without an item the JSON-LD citation they link to or name by title.

    A URL may be cited by several notes; a title is matched to the first note naming it
    only, as later ones are likely short forms pointing back to it.
    """
    citations = ld_citations(root)
    if not citations:
        return
    matched_by_title: set[int] = set()
    for n, note in enumerate(notes):
        if items[n] is not None:
            continue
        links = {url_key(a.get("href") or "") for a in note.iter("a")}
        found = next((c for c in citations if c.urls & links), None)
        if found is None:
            text = f" {fold(texts[n])} "
            number = next(
                (
                    i
                    for i, c in enumerate(citations)
                    if c.title and i not in matched_by_title and f" {c.title} " in text
                ),
                None,
            )
            if number is not None:
                matched_by_title.add(number)
                found = citations[number]
        if found is not None:
            items[n] = found.item
