"""Read a saved page's metadata: title, authors, date, site, URL, language and section."""

from __future__ import annotations

import functools
import itertools
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from lxml import etree

from archivist.ingest.html.htmldom import attributed, similarity, text_content
from archivist.ingest.text.caseblind import CaseBlind

_ARTICLE_TYPES = re.compile(r"article|posting|report|blog|news|webpage|creativework", re.I)
_BY = re.compile(r"^\s*(?:by|von|par|por|door|di|av)\s*[:\s]\s*", re.I)
_MONTH_NAME = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_TAIL = re.compile(
    r"\s*(?:[|,·•—–-]|\bon\b|\bupdated\b|\bpublished\b)?\s*"
    rf"(?:{_MONTH_NAME} \d{{1,2}}\b|\d{{1,2}} {_MONTH_NAME} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    r"\d{1,2}/\d{1,2}/\d{2,4}).*$",
    re.I,
)
_NOT_A_NAME = re.compile(
    r"^(?:(?:last )?updated|published|posted|staff|editor|ma|md|phd|msc|rn|mph|jr\.?|sr\.?)"
    r"\b",
    re.I,
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")
_MONTHS = {
    m: i
    for i, names in enumerate(
        (
            ("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
            ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
            ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for m in names
}  # fmt: skip
_WRITTEN_DATE = re.compile(
    r"\b(?:(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})|([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4}))\b"
)
_SEPARATORS = re.compile(r" [|\-\\/>»–—·] ")
_HIERARCHY = re.compile(r" [\\/>»] ")
_BYLINE_CLASS = re.compile(r"byline|author-name|p-author", re.I)
_CRUMB_CLASS = re.compile(r"breadcrumb", re.I)
_BYLINE_CLASS_FAST, _CRUMB_CLASS_FAST = CaseBlind(_BYLINE_CLASS), CaseBlind(_CRUMB_CLASS)
"""The same patterns, faster over ASCII class names (see caseblind)."""
_LD_DEPTH = 8
"""Lists and graphs nest no deeper than this in real JSON-LD; a deeper block is not read."""
_HOME = re.compile(r"^(home|start|main page|accueil|inicio|خانه|صفحه اصلی|الرئيسية)$", re.I)


@dataclass(frozen=True, slots=True)
class Metadata:
    """What a page says about itself; None where it says nothing."""

    title: str
    authors: tuple[str, ...]
    published: str | None
    site: str | None
    url: str | None
    language: str | None
    section: str | None


def read_metadata(root: etree._Element, marked: list[etree._Element] | None = None) -> Metadata:
    """The page's metadata from meta tags, JSON-LD, and the document itself.

    ``marked`` is ``attributed(root)`` when the caller already has it.
    """
    meta = _meta_values(root)
    ld = _json_ld_article(root)
    if marked is None:
        marked = attributed(root)
    bylines: list[etree._Element] = []
    crumbs: list[etree._Element] = []
    for el in marked:  # one pass over many elements: cheap checks first
        kind = _class_kind(el.get("class"))
        if kind == _BYLINE or el.get("rel") == "author" or "author" in el.get("itemprop", ""):
            bylines.append(el)
        elif (
            kind == _CRUMB
            or el.get("aria-label", "").lower() == "breadcrumb"
            or "BreadcrumbList" in el.get("itemtype", "")
        ):
            crumbs.append(el)
    sites = [
        name
        for name in (
            meta.get("og:site_name"),
            _name(ld.get("publisher")),
            meta.get("application-name"),
        )
        if isinstance(name, str) and name.strip()
    ]
    url = _url(root, meta)
    headings = [" ".join(text_content(h).split()) for h in itertools.islice(root.iter("h1"), 4)]
    title = strip_site_name(_title(root, meta, ld), sites, headings, url)
    return Metadata(
        title=title,
        authors=_authors(bylines, meta, ld),
        published=_published(root, bylines, meta, ld),
        site=_first(*sites),
        url=url,
        language=_language(root, meta),
        section=_section(crumbs, meta, ld, title),
    )


def _first(*values: object) -> str | None:
    for value in values:
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _meta_values(root: etree._Element) -> dict[str, str]:
    values: dict[str, str] = {}
    for el in root.iter("meta"):
        content = el.get("content")
        if content is None:
            continue
        for key in (el.get("property"), el.get("name"), el.get("itemprop"), el.get("http-equiv")):
            if key:
                for part in key.lower().split():
                    values.setdefault(part.strip(), content)
    return values


def json_ld(root: etree._Element, containing: str = "") -> Iterator[Any]:
    """Each JSON-LD block of the page, parsed; blocks without ``containing`` are not parsed.

    A block that is not JSON, or nests too deep for the parser, is skipped.
    """
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip().removeprefix("<![CDATA[").removesuffix("]]>")
        if containing not in raw:
            continue
        try:
            yield json.loads(raw)
        except (ValueError, RecursionError):
            continue


def _json_ld_article(root: etree._Element) -> dict[str, Any]:
    for data in json_ld(root):
        for item in _ld_items(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds) and (
                "headline" in item or "name" in item or "author" in item
            ):
                return item
    return {}


def _ld_items(data: Any, depth: int = 0) -> Iterator[dict[str, Any]]:
    if depth > _LD_DEPTH:
        return
    if isinstance(data, list):
        for item in data:
            yield from _ld_items(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _ld_items(data["@graph"], depth + 1)


def _name(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    if isinstance(value, list) and value:
        return _name(value[0])
    return None


def _title(root: etree._Element, meta: dict[str, str], ld: dict[str, Any]) -> str:
    found = _first(
        _ld_title(root, ld),
        meta.get("dc:title"),
        meta.get("dcterm:title"),
        meta.get("og:title"),
        meta.get("weibo:article:title"),
        meta.get("title"),
        meta.get("twitter:title"),
    )
    return found or _document_title(root)


# Where a page title joins its own title and the site's name. "_" is Baidu's ("…_百度百科") and
# needs no spaces; the others do, so a hyphenated word or "x|y" is never split.
_SITE_SEPARATOR = re.compile(r"\s+(?:[-|–—·»•]|::)\s+|_")
_NOT_WORD = re.compile(r"[\W_]+")


def strip_site_name(
    title: str, sites: list[str], headings: list[str], url: str | None = None
) -> str:
    """``title`` without the site's name joined to it ("Mozilla - Wikipedia" → "Mozilla").

    A part is taken off only when something confirms it: the other part is the page's own
    heading, or the part names the site (its og:site_name or application-name, or the name in
    its web address). Unconfirmed, the title stays whole: "Fish - a history" keeps its tail.
    """
    known = [_folded(h) for h in headings if h]
    names = [_folded(s) for s in sites] + _host_names(url)
    names = [n for n in names if len(n) >= 3]
    if _folded(title) in names:
        return title  # a page titled as its site ("Yahoo News - Latest News"): nothing to cut
    for _ in range(3):  # "Title - Section - Site" loses at most a few parts
        shorter = _strip_one(title, known, names)
        if shorter == title:
            break
        title = shorter
    return title


def _strip_one(title: str, known: list[str], names: list[str]) -> str:
    cuts = list(_SITE_SEPARATOR.finditer(title))
    if not cuts or _folded(title) in known:
        return title
    # Site last (the usual "Title | Site"), then site first ("Site | Title").
    for cut, keep_head in ((cuts[-1], True), (cuts[0], False)):
        head, tail = title[: cut.start()].strip(), title[cut.end() :].strip()
        kept, dropped = (head, tail) if keep_head else (tail, head)
        if not kept or not dropped or _is_site(_folded(kept), names):
            continue  # never keep the site's name (a blog's logo is often its h1)
        if _folded(kept) in known or _is_site(_folded(dropped), names):
            return kept
    return title


def _folded(text: str) -> str:
    return _NOT_WORD.sub("", text.casefold())


def _is_site(part: str, names: list[str]) -> bool:
    """Whether a title part is the site's name: the same, or mostly it ("The Reach Gazette"
    for "Reach Gazette"), never a longer phrase that merely mentions it ("How we designed
    Dropbox's ATF" is not the site "dropbox")."""
    if len(part) < 3:
        return False
    return any(
        part == name
        or (name in part and len(name) >= 0.6 * len(part))
        or (part in name and len(part) >= 0.6 * len(name))
        for name in names
    )


def _host_names(url: str | None) -> list[str]:
    """The names in a web address's host that could be the site's ("wikipedia" of en.…org)."""
    if not url:
        return []
    host = url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0].lower()
    labels = host.split(".")[:-1]  # never the top-level domain
    return [
        _folded(label) for label in labels if label not in {"www", "m", "en", "de", "fr", "amp"}
    ]


def _ld_title(root: etree._Element, ld: dict[str, Any]) -> str | None:
    """JSON-LD ``name``, or ``headline`` when only it matches the document title."""
    name, headline = ld.get("name"), ld.get("headline")
    if isinstance(name, str) and isinstance(headline, str) and name.strip() != headline.strip():
        title = _document_title(root)
        if similarity(headline, title) > 0.75 and similarity(name, title) <= 0.75:
            return headline
        return name
    for value in (name, headline):
        if isinstance(value, str) and value.strip():
            return value
    return None


def _document_title(root: etree._Element) -> str:
    """The ``<title>`` minus the site's suffix or prefix (Readability's rules)."""
    element = root.find(".//title")
    original = " ".join(text_content(element).split()) if element is not None else ""
    title = original
    hierarchical = False
    if _SEPARATORS.search(original):
        hierarchical = bool(_HIERARCHY.search(original))
        title = re.sub(r"(.*)[|\-\\/>»–—·] .*", r"\1", original).strip()
        if _words(title) < 3:
            title = re.sub(r"^[^|\-\\/>»–—·]*[|\-\\/>»–—·]", "", original).strip()
    elif ": " in original:
        headings = [" ".join(text_content(h).split()) for h in root.iter("h1", "h2")]
        if original not in headings:
            title = original[original.rfind(":") + 1 :].strip()
            if _words(title) < 3:
                title = original[original.find(":") + 1 :].strip()
            elif _words(original[: original.find(":")]) > 5:
                title = original
    elif len(original) > 150 or len(original) < 15:
        h1s = list(root.iter("h1"))
        if len(h1s) == 1:
            title = " ".join(text_content(h1s[0]).split())
    count = _words(title)
    if count <= 4 and (not hierarchical or count != _words(_SEPARATORS.sub(" ", original)) - 1):
        title = original
    return title


def _words(text: str) -> int:
    return len(text.split())


_BYLINE, _CRUMB = 1, 2


@functools.lru_cache(maxsize=8192)
def _class_kind(classes: str | None) -> int:
    if not classes:
        return 0
    if _BYLINE_CLASS_FAST.search(classes):
        return _BYLINE
    return _CRUMB if _CRUMB_CLASS_FAST.search(classes) else 0


def _authors(
    bylines: list[etree._Element], meta: dict[str, str], ld: dict[str, Any]
) -> tuple[str, ...]:
    names: list[str] = []
    author = ld.get("author") or ld.get("creator")
    for item in author if isinstance(author, list) else [author]:
        name = _name(item)
        if name:
            names.append(name)
    if not names:
        raw = _first(
            meta.get("dc:creator"),
            meta.get("dc.creator"),
            meta.get("dcterm:creator"),
            meta.get("author"),
            meta.get("parsely-author"),
            meta.get("article:author"),
        )
        if raw and not raw.startswith(("http://", "https://")):
            names = [raw]
    if not names:
        for el in bylines:
            text = " ".join(text_content(el).split())
            if 0 < len(text) < 100:
                names = [text]
                break
    cleaned: list[str] = []
    for name in names:
        for part in split_authors(name):
            if part not in cleaned:
                cleaned.append(part)
    return tuple(cleaned)


def split_authors(byline: str) -> list[str]:
    """Names in a byline, without "By" or a trailing date."""
    text = _DATE_TAIL.sub("", _BY.sub("", " ".join(byline.split())))
    text = _BY.sub("", text).strip(" ,|·-")
    parts = re.split(r"\s*(?:,|&|\band\b|\bund\b|\bet\b|\by\b| و )\s*", text)
    return [
        p.strip()
        for p in parts
        if p.strip() and not p.strip().isdigit() and not _NOT_A_NAME.match(p.strip())
    ]


def _published(
    root: etree._Element, bylines: list[etree._Element], meta: dict[str, str], ld: dict[str, Any]
) -> str | None:
    for value in (
        meta.get("article:published_time"),
        ld.get("datePublished"),
        meta.get("dcterms.date"),
        meta.get("dc.date"),
        meta.get("dc.date.issued"),
        meta.get("date"),
        meta.get("pubdate"),
        meta.get("publish-date"),
        meta.get("sailthru.date"),
        meta.get("parsely-pub-date"),
        ld.get("dateCreated"),
    ):
        if isinstance(value, str) and (date := iso_date(value)):
            return date
    for time_el in root.iter("time"):
        if date := iso_date(time_el.get("datetime") or text_content(time_el)):
            return date
    for el in bylines:
        if date := iso_date(text_content(el)):
            return date
    return None


def iso_date(text: str) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``) from an ISO timestamp or a written date, else None."""
    match = _ISO_DATE.search(text)
    if match and 1 <= int(match.group(2)) <= 12:
        day = match.group(3)
        if day is None:
            return f"{match.group(1)}-{match.group(2)}"
        if 1 <= int(day) <= 31:
            return f"{match.group(1)}-{match.group(2)}-{day}"
    written = _WRITTEN_DATE.search(text)
    if written:
        day, month, year = (
            (written.group(1), written.group(2), written.group(3))
            if written.group(1)
            else (written.group(5), written.group(4), written.group(6))
        )
        number = _MONTHS.get(month.lower())
        if number and 1 <= int(day) <= 31:
            return f"{year}-{number:02d}-{int(day):02d}"
    return None


def _url(root: etree._Element, meta: dict[str, str]) -> str | None:
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            href = (link.get("href") or "").strip()
            if href.startswith(("http://", "https://")):
                return href
    og = (meta.get("og:url") or "").strip()
    return og if og.startswith(("http://", "https://")) else None


def _language(root: etree._Element, meta: dict[str, str]) -> str | None:
    value = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    value = value or root.get("xml:lang") or meta.get("content-language") or meta.get("language")
    if not value:
        return None
    code = value.strip().split(",")[0].strip().replace("_", "-")
    return code.lower() if re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*", code) else None


def _section(
    elements: list[etree._Element], meta: dict[str, str], ld: dict[str, Any], title: str
) -> str | None:
    crumbs: list[str] = []
    for el in elements:
        parts = list(el.iter("a")) or list(el.iter("li"))
        crumbs = [" ".join(text_content(a).split()).strip("»›>/| ") for a in parts]
        crumbs = [c for c in dict.fromkeys(crumbs) if c and not _HOME.match(c) and len(c) < 80]
        if crumbs:
            break
    crumbs = [c for c in crumbs if c != title and c not in title]
    if crumbs:
        return crumbs[-1]
    section = ld.get("articleSection")
    if isinstance(section, list):
        section = section[0] if section else None
    return _first(section, meta.get("article:section"))
