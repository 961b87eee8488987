"""The citation styles Archivist formats, by their CSL ids, and one entry point for each use.

Chicago notes-bibliography (the default), Chicago author-date, APA 7 and MLA 9, each as its
official CSL style prints it (checked entry by entry against citeproc-js), except the
differences docs/formats.md lists with the manuals' rules. ``entry`` gives a bibliography
entry (None when the style leaves the work out, as Chicago does an unsigned encyclopedia
article), ``citation`` a note or an in-text citation, ``sort_key`` the style's order.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from archivist.errors import ArchivistError
from archivist.export import apa, chicago, chicagonotes, mla
from archivist.export.citeitem import Cite
from archivist.export.citelocale import locale_for
from archivist.export.citeparts import Entry
from archivist.export.citetext import Piece
from archivist.export.headline import capitalize_first

CHICAGO_NB = "chicago-notes-bibliography"
CHICAGO_AD = "chicago-author-date"
APA = "apa"
MLA = "modern-language-association"
STYLES = (CHICAGO_NB, CHICAGO_AD, APA, MLA)
"""The styles Archivist formats, by their CSL ids; Chicago notes-bibliography is the default."""
AUTHOR_DATE = (CHICAGO_AD, APA)
"""Styles that tell works by the same authors in the same year apart (2016a, 2016b)."""

_ALIASES = {
    "chicago": CHICAGO_NB,
    "chicago-nb": CHICAGO_NB,
    "chicago-notes": CHICAGO_NB,
    "chicago-ad": CHICAGO_AD,
    "apa7": APA,
    "apa-7th-edition": APA,
    "mla": MLA,
    "mla9": MLA,
    "modern-language-association-9th-edition": MLA,
}

__all__ = [
    "APA",
    "AUTHOR_DATE",
    "CHICAGO_AD",
    "CHICAGO_NB",
    "MLA",
    "STYLES",
    "Cite",
    "Disambiguation",
    "UnknownStyleError",
    "citation",
    "entry",
    "sort_key",
    "style_id",
]


class UnknownStyleError(ArchivistError):
    """A citation style Archivist does not format."""


def style_id(name: str | None) -> str:
    """The canonical CSL id of a style name or alias (default: Chicago notes-bibliography)."""
    if not name:
        return CHICAGO_NB
    key = name.strip().lower()
    key = re.sub(r"-(?:1[6-8])th-edition$", "", key)
    if key in STYLES:
        return key
    if key in _ALIASES:
        return _ALIASES[key]
    raise UnknownStyleError(f"unknown citation style {name!r} (use one of: {', '.join(STYLES)})")


@dataclass(frozen=True, slots=True)
class Disambiguation:
    """What a citation adds to tell one work from another in the same dossier."""

    year_suffix: str = ""
    """``a`` in 2016a."""
    expand_name: int = 0
    """The first author with initials (1) or given names (2): ``W. Orme``."""
    add_title: bool = False
    """MLA's short title after the author, for one author's several works."""


def entry(
    item: Mapping[str, Any], style: str, key: str = "", year_suffix: str = ""
) -> Entry | None:
    """One bibliography entry in a style (None when the style leaves the item out)."""
    style = style_id(style)
    part: Piece | None
    if style in (CHICAGO_NB, CHICAGO_AD):
        c = chicago.Chicago(
            chicago.item_for(item), author_date=style == CHICAGO_AD, year_suffix=year_suffix
        )
        if not c.in_bibliography():
            return None
        part = c.bibliography()
    elif style == APA:
        part = apa.entry(item, year_suffix=year_suffix)
    else:
        part = mla.entry(item)
    return None if part is None else Entry(key, _leading_term(part, item).segments)


def citation(
    item: Mapping[str, Any],
    style: str,
    cite: Cite | None = None,
    disambiguation: Disambiguation | None = None,
    key: str = "",
) -> Entry:
    """A note (Chicago: full at first, short after) or an in-text citation for a work."""
    style = style_id(style)
    cite = cite or Cite()
    d = disambiguation or Disambiguation()
    part: Piece | None
    if style in (CHICAGO_NB, CHICAGO_AD):
        c = chicago.Chicago(
            chicago.item_for(item),
            note=style == CHICAGO_NB,
            author_date=style == CHICAGO_AD,
            cite=cite,
            year_suffix=d.year_suffix,
            expand=d.expand_name,
        )
        if style == CHICAGO_AD:
            part = chicagonotes.author_date_citation(c)
        else:
            note = (
                chicagonotes.full_note(c)
                if cite.position == "first"
                else chicagonotes.short_note(c)
            )
            part = None if note is None else _leading_term(note, item)
    elif style == APA:
        part = apa.citation(item, cite, year_suffix=d.year_suffix, expand=d.expand_name)
    else:
        part = mla.citation(item, cite, expand=d.expand_name, add_title=d.add_title)
    return Entry(key, part.segments if part else ())


def _leading_term(part: Piece, item: Mapping[str, Any]) -> Piece:
    """An entry or note that begins with "n.d." begins with "N.d." (as citeproc-js does).

    citeproc-js capitalises a term that opens a bibliography entry or a note (not an in-text
    citation): an item with no author and no title starts with its "no date".
    """
    if not part.segments:
        return part
    term = locale_for(item).term("no date", "short")
    first = part.segments[0]
    start = 1 if first.text.startswith("(") else 0
    if not term or not first.text[start:].startswith(term):
        return part
    text = first.text[:start] + capitalize_first(first.text[start:])
    return replace(part, segments=(replace(first, text=text), *part.segments[1:]))


def sort_key(item: Mapping[str, Any], style: str) -> tuple[Any, ...]:
    """The key the style sorts its bibliography by (citeproc-js's order)."""
    style = style_id(style)
    if style in (CHICAGO_NB, CHICAGO_AD):
        return chicago.sort_key(item, author_date=style == CHICAGO_AD)
    if style == APA:
        return apa.sort_key(item)
    return mla.sort_key(item)
