"""Notes in the chosen style: each citing footnote of a dossier as the style would write it.

In Chicago notes-bibliography a work's first citation in an article is a full note and later
ones are short notes (CMOS 18 14.29: each article starts afresh, as a chapter does; 14.34:
short notes rather than ibid). In the author-date styles every citation is the in-text
form, ``(Marrow 2016b, 45–47)``, with the same year letters as the bibliography and, where
two cited authors share a family name, their initials (``W. Orme``); MLA adds a short title
where one author has several works (``(Penrith, “The Marsh in Spring” 233)``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from archivist.export.bibliography import Reference, year_letters
from archivist.export.citeitem import Cite
from archivist.export.citelocale import EN_US
from archivist.export.citenames import NameStyle, name_list, parts, real_names
from archivist.export.citeparts import Entry
from archivist.export.citestyles import (
    APA,
    CHICAGO_AD,
    CHICAGO_NB,
    MLA,
    Disambiguation,
    citation,
    style_id,
)
from archivist.model import Article, ArticleId, Footnote
from archivist.text import digits_as_in, fold_case


@dataclass(frozen=True, slots=True)
class Cited:
    """One citation in a footnote: the work (its key and CSL item) and the place cited."""

    key: str
    item: Mapping[str, Any]
    locator: str | None = None
    label: str = "page"


def style_notes(
    articles: Sequence[Sequence[Cited]],
    style: str | None,
    year_suffixes: Mapping[str, str] | None = None,
) -> list[list[Entry]]:
    """Each article's citations as notes in a style (one Entry per citation, in order).

    ``year_suffixes`` are the bibliography's letters by work key (2016a), so citations and
    entries agree; they matter only in author-date styles.
    """
    style = style_id(style)
    works = _works(articles)
    names = _name_expansion(works, style)
    titles = _mla_titles(works, names) if style == MLA else set()
    suffixes = year_suffixes or {}
    out: list[list[Entry]] = []
    for article in articles:
        seen: set[str] = set()
        notes: list[Entry] = []
        for cited in article:
            position = "subsequent" if cited.key in seen else "first"
            seen.add(cited.key)
            d = Disambiguation(
                year_suffix=suffixes.get(cited.key, "") if style in (APA, CHICAGO_AD) else "",
                expand_name=names.get(cited.key, 0),
                add_title=cited.key in titles,
            )
            cite = Cite(position, cited.locator, cited.label)
            notes.append(citation(cited.item, style, cite, d, cited.key))
        out.append(notes)
    return out


def _works(articles: Sequence[Sequence[Cited]]) -> dict[str, Mapping[str, Any]]:
    works: dict[str, Mapping[str, Any]] = {}
    for article in articles:
        for cited in article:
            works.setdefault(cited.key, cited.item)
    return works


def _key(text: str) -> str:
    return fold_case(text).strip()


def _first_person(item: Mapping[str, Any]) -> tuple[str, str] | None:
    names, _ = real_names(item.get("author") or item.get("editor") or item.get("translator"))
    if not names:
        return None
    p = parts(names[0])
    if p.literal or not p.family:
        return None
    return _key(f"{p.particle} {p.family}"), _key(p.given)


def _name_expansion(works: Mapping[str, Mapping[str, Any]], style: str) -> dict[str, int]:
    """Which works' first authors need initials (1) or given names (2) to be told apart.

    Two cited authors with one family name and different given names: initials, or the
    given names where the initials are the same too (not in APA, which keeps initials).
    """
    if style == CHICAGO_NB:
        return {}
    by_family: dict[str, set[str]] = {}
    first: dict[str, tuple[str, str]] = {}
    for key, item in works.items():
        person = _first_person(item)
        if person is not None:
            first[key] = person
            by_family.setdefault(person[0], set()).add(person[1])
    out: dict[str, int] = {}
    for key, (family, given) in first.items():
        givens = by_family[family]
        if len(givens) < 2:
            continue
        initial = _initials(given)
        clash = sum(1 for g in givens if _initials(g) == initial) > 1
        out[key] = 2 if clash and style != APA else 1
    return out


def _initials(given: str) -> str:
    return "".join(w[:1] for w in given.replace("-", " ").split())


def _mla_titles(works: Mapping[str, Mapping[str, Any]], names: Mapping[str, int]) -> set[str]:
    """MLA: works whose citation would read the same as another's get a short title."""
    seen: dict[str, list[str]] = {}
    for key, item in works.items():
        author = _mla_author(item, names.get(key, 0))
        if author:
            seen.setdefault(author, []).append(key)
    return {key for keys in seen.values() if len(keys) > 1 for key in keys}


def _mla_author(item: Mapping[str, Any], expand: int) -> str:
    style = NameStyle(order="none", et_al_min=3, et_al_use_first=1, short=True, expand_first=expand)
    for variable in ("author", "editor", "translator"):
        value = item.get(variable)
        if isinstance(value, Sequence) and not isinstance(value, str):
            text = name_list(value, style, EN_US)
            if text:
                return _key(text)
    return ""


def dossier_notes(
    articles: Sequence[Article], references: Sequence[Reference], style: str | None
) -> dict[tuple[ArticleId | None, str], Entry]:
    """Each citing footnote of a dossier as a note in the style, by (article id, label).

    A footnote cites the work its reference lists it under (an ibid or short form the work
    it points to), at the place its text names (``p. 61``, ``Ibid., 45–47``); commentary
    cites nothing and keeps its own words.
    """
    work_of: dict[tuple[ArticleId | None, str], Reference] = {}
    for ref in references:
        for cited in ref.citations:
            work_of[(cited.article_id, cited.label)] = ref
    plan: list[list[tuple[tuple[ArticleId | None, str], Cited]]] = []
    for article in articles:
        cites = []
        for fn in article.footnotes:
            work = work_of.get((article.id, fn.label))
            if work is not None:
                cites.append(((article.id, fn.label), Cited(work.key, work.csl, cited_place(fn))))
        plan.append(cites)
    notes = style_notes(
        [[c for _, c in cites] for cites in plan], style, year_letters(references, style)
    )
    # A work with nothing to cite it by gives an empty note: the footnote keeps its words.
    return {
        where: note
        for cites, rendered in zip(plan, notes, strict=True)
        for (where, _), note in zip(cites, rendered, strict=True)
        if note.plain().strip("() .")
    }


def cited_place(footnote: Footnote) -> str | None:
    """The page (or pages) a footnote cites: ``Ibid., 45–47`` → ``45–47``.

    The importer read it into the footnote's locator; it is written in the digits the footnote
    wrote: ``همان، ص ۴۱`` cites ``۴۱``, not ``41``.
    """
    if footnote.locator is None:
        return None
    return digits_as_in(footnote.locator, footnote.text)


__all__ = ["Cited", "cited_place", "dossier_notes", "style_notes"]
