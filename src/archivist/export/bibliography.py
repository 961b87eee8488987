"""One bibliography for a dossier: every cited work once, plus the archived articles themselves.

The entries are set by ``citestyles`` as the official CSL styles set them (checked against
citeproc-js on ``tests/export/data``); this module decides which works enter, merges a work
cited twice, sorts as the style sorts, tells works by the same authors in the same year
apart (2016a, 2016b) and gives MLA's dashes for a repeated author.

What enters: a footnote that is a full citation (kind ``citation``, with its own CSL item),
and the work an ibid, op. cit. or short form points back to (``refers_to``). A commentary
note (kind ``note``) never adds a work, even when it carries an item from an older parse or
names a work cited before: that work is listed once, from its own full citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from archivist.export import apa, mla
from archivist.export import chicagonotes as ad
from archivist.export.citedates import read_date, year_text
from archivist.export.citenames import family_names, parts, real_names
from archivist.export.citeparts import Entry
from archivist.export.citestyles import APA, AUTHOR_DATE, MLA, entry, sort_key, style_id
from archivist.model import Article, ArticleId, Footnote
from archivist.text import ARABIC_SCRIPT, fold, is_organisation

_STOP_WORDS = frozenset(
    ["a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "with", "from"]
)
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
    names = family_names(item.get("author") or item.get("editor") or ())
    author = fold(names[0]) if names else ""
    words = [w for w in fold(str(item.get("title", ""))).split() if w not in _STOP_WORDS]
    year = year_text(read_date(item.get("issued"))) or ""
    return f"{author}|{' '.join(words[:_TITLE_WORDS])}|{year}"


def article_item(article: Article) -> dict[str, Any]:
    """The archived article as a CSL-JSON web source.

    The capture date is the access date only when the article has a URL: a plain-text save
    has none, and its import date says nothing about the page (CMOS 18 14.12). An item the
    user corrected by hand is taken as it is.
    """
    if article.csl is not None:
        return dict(article.csl)
    item: dict[str, Any] = {
        "type": "webpage",
        "title": article.title,
        "author": [author_name(a) for a in article.authors],
    }
    if article.site:
        item["container-title"] = article.site
    if article.url:
        item["URL"] = article.url
    if article.language:
        item["language"] = article.language
    if article.published:
        date_parts = [int(p) for p in article.published.split("-") if p.isdigit()]
        if date_parts:
            item["issued"] = {"date-parts": [date_parts]}
    captured = article.source.imported_at if article.source else None
    if article.url and captured and re.match(r"\d{4}-\d\d-\d\d", captured):
        item["accessed"] = {"date-parts": [[int(p) for p in captured[:10].split("-")]]}
    if not item["author"]:
        del item["author"]
    return item


def author_name(name: str) -> dict[str, str]:
    """A byline name as a CSL name: organisations and Persian/Arabic names kept whole."""
    name = " ".join(name.split())
    words = name.split()
    if len(words) < 2 or ARABIC_SCRIPT.search(name) or is_organisation(name):
        return {"literal": name}
    return {"family": words[-1], "given": " ".join(words[:-1])}


def cited_work(footnote: Footnote, by_label: Mapping[str, Footnote]) -> Footnote | None:
    """The footnote holding the full citation a footnote stands for, or None for commentary.

    A full citation stands for itself; an ibid or short form (kind ``citation`` with
    ``refers_to``) for the citation it points to; a commentary note for nothing.
    """
    if footnote.kind != "citation":
        return None
    seen: set[str] = set()
    current: Footnote | None = footnote
    while current is not None and current.refers_to and current.label not in seen:
        seen.add(current.label)
        current = by_label.get(current.refers_to)
    if current is None or current.kind != "citation" or not current.csl:
        return None
    return current


def collect_references(articles: Iterable[Article]) -> list[Reference]:
    """Every work cited in the articles' footnotes once, then each article as a source.

    The same work cited in two articles is merged by ``work_key`` (an undated citation
    joins a dated one of the same author and title), and so is a cited work that is itself
    one of the archived articles.
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
            work = cited_work(fn, by_label)
            if work is not None and work.csl:
                add(work.csl, Citation(article.id, fn.label), None)
    for article in article_list:
        add(article_item(article), None, article.id)
    return [
        Reference(key, item, tuple(citations[key]), archived.get(key))
        for key, item in merged.items()
    ]


def render(references: Sequence[Reference], style: str | None = None) -> list[Entry]:
    """The references as entries in a style, in the style's order.

    A work the style leaves out of its bibliography (Chicago: an unsigned encyclopedia
    entry, a letter nobody can consult) has no entry. Author-date styles tell apart works
    whose citations would read the same (2016a, 2016b; ``n.d.-a``), lettered in the
    bibliography's order; MLA gives three em dashes for the same authors again.
    """
    style = style_id(style)
    ordered = _ordered(references, style)
    suffixes = year_suffixes([r.csl for r in ordered], style)
    out: list[Entry] = []
    previous: str | None = None
    for ref, suffix in zip(ordered, suffixes, strict=True):
        if style == MLA:
            names = mla.author_text(ref.csl)
            rendered = mla.entry(ref.csl, repeated=bool(names) and names == previous)
            if rendered is None:
                continue
            previous = names
            out.append(Entry(ref.key, rendered.segments))
            continue
        made = entry(ref.csl, style, ref.key, suffix)
        if made is not None:
            out.append(made)
    return out


def _ordered(references: Sequence[Reference], style: str) -> list[Reference]:
    return sorted(references, key=lambda r: sort_key(r.csl, style))


def year_letters(references: Sequence[Reference], style: str | None) -> dict[str, str]:
    """Each reference's year letter in the bibliography (by key; empty when it has none)."""
    style = style_id(style)
    ordered = _ordered(references, style)
    letters = year_suffixes([r.csl for r in ordered], style)
    return {ref.key: letter for ref, letter in zip(ordered, letters, strict=True)}


def year_suffixes(items: Sequence[Mapping[str, Any]], style: str) -> list[str]:
    """The year suffix of each item (in bibliography order) in an author-date style.

    Works whose citations would read the same (the same authors, every one of them, and
    the same year or "n.d.") get a, b, c in the order given.
    """
    if style_id(style) not in AUTHOR_DATE:
        return ["" for _ in items]
    keys = [
        citation_key(item, style) if _cited_by_year(item) else (str(n),)
        for n, item in enumerate(items)
    ]
    counts: dict[tuple[str, ...], int] = {}
    for key in keys:
        counts[key] = counts.get(key, 0) + 1
    seen: dict[tuple[str, ...], int] = {}
    out = []
    for key in keys:
        if counts[key] > 1:
            n = seen.get(key, 0)
            seen[key] = n + 1
            out.append(_letters(n))
        else:
            out.append("")
    return out


_RETRIEVABLE = ("archive", "container-title", "DOI", "number", "publisher", "URL")


def _cited_by_year(item: Mapping[str, Any]) -> bool:
    """Whether the item's citation is author and year (a private letter's is not)."""
    if str(item.get("type")) in ("interview", "personal_communication"):
        return any(item.get(v) for v in _RETRIEVABLE)
    return True


def citation_key(item: Mapping[str, Any], style: str) -> tuple[str, ...]:
    """What an author-date citation of the item shows once names are spelled out in full.

    Works whose keys are equal would be cited alike, so they need year letters.
    """
    names, _ = real_names(item.get("author") or item.get("editor") or item.get("translator"))
    who: list[str] = []
    for name in names:
        p = parts(name)
        who.append(fold(p.literal or f"{p.particle} {p.family} {p.given}"))
    if not who:
        stand_in = apa.in_text_author(item) if style_id(style) == APA else ad.in_text_author(item)
        who = [fold(stand_in)]
    when = read_date(item.get("issued"))
    return (*who, year_text(when) or "")


def _letters(n: int) -> str:
    """0 → a, 25 → z, 26 → aa, as citeproc-js letters year suffixes."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out
