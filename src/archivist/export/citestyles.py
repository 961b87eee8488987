"""Bibliography entries in Chicago (notes-bibliography, author-date), APA 7 and MLA 9.

Each function turns one CSL-JSON item into an Entry following its manual's rules for the item
types footnotes of web articles cite: newspaper, magazine and web articles, blog posts, books,
reports, chapters and journal articles (anything else is set like a web page).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from archivist.errors import ArchivistError
from archivist.export.citeparts import (
    Builder,
    Entry,
    apa_name,
    date_parts,
    direct,
    doi_url,
    inverted,
    long_date,
    mla_date,
    quoted,
    split_et_al,
    text_field,
    year_text,
)

CHICAGO_NB = "chicago-notes-bibliography"
CHICAGO_AD = "chicago-author-date"
APA = "apa"
MLA = "modern-language-association"
STYLES = (CHICAGO_NB, CHICAGO_AD, APA, MLA)
"""The styles Archivist formats, by their CSL ids; Chicago notes-bibliography is the default."""

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
PERIODICAL = {"article-newspaper", "article-magazine"}
BOOKLIKE = {"book", "report", "thesis", "manuscript"}

Style = Callable[[Mapping[str, Any], str, str | None], Entry]


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


def format_entry(
    item: Mapping[str, Any], style: str, key: str = "", year_suffix: str | None = None
) -> Entry:
    """One bibliography entry for a CSL item in a style (``year_suffix``: 2016a, 2016b)."""
    return _FORMATTERS[style_id(style)](item, key, year_suffix)


def _kind(item: Mapping[str, Any]) -> str:
    kind = str(item.get("type") or "webpage")
    if kind in PERIODICAL | BOOKLIKE | {"chapter", "article-journal", "post-weblog"}:
        return kind
    return "webpage"


def _authors(item: Mapping[str, Any]) -> tuple[list[Mapping[str, Any]], bool]:
    names: Sequence[Mapping[str, Any]] = item.get("author") or ()
    return split_et_al(list(names))


def _chicago_names(item: Mapping[str, Any]) -> str | None:
    names, cut = _authors(item)
    if not names:
        return None
    first = inverted(names[0])
    rest = [direct(n) for n in names[1:]]
    if cut:
        return ", ".join([first, *rest]) + ", et al."
    if not rest:
        return first
    # "Ward, Geoffrey C., and Ken Burns": the inverted first name needs the comma before "and".
    joiner = ", and " if (len(rest) > 1 or "given" in names[0]) else " and "
    return ", ".join([first, *rest[:-1]]) + joiner + rest[-1]


def _apa_names(item: Mapping[str, Any]) -> str | None:
    names, cut = _authors(item)
    if not names:
        return None
    formatted = [apa_name(n) for n in names]
    if cut:
        return ", ".join(formatted) + ", et al."
    if len(formatted) == 1:
        return formatted[0]
    return ", ".join(formatted[:-1]) + ", & " + formatted[-1]


def _mla_names(item: Mapping[str, Any]) -> str | None:
    names, cut = _authors(item)
    if not names:
        return None
    first = inverted(names[0])
    if cut or len(names) > 2:
        return f"{first}, et al."
    if len(names) == 2:
        return (
            f"{first}, and {direct(names[1])}"
            if "given" in names[0]
            else (f"{first} and {direct(names[1])}")
        )
    return first


def mla_author_text(item: Mapping[str, Any]) -> str | None:
    """The author part of an MLA entry as it is printed (``Marrow, Ilse, and Ana Ruiz``)."""
    return _mla_names(item)


def _sole_literal_author(item: Mapping[str, Any]) -> str | None:
    names, _ = _authors(item)
    if len(names) == 1 and "literal" in names[0]:
        return str(names[0]["literal"])
    return None


def _journal_numbers(item: Mapping[str, Any]) -> tuple[str | None, str | None, str | None]:
    return text_field(item, "volume"), text_field(item, "issue"), text_field(item, "page")


def _chicago_place_publisher(item: Mapping[str, Any]) -> str | None:
    place, publisher = text_field(item, "publisher-place"), text_field(item, "publisher")
    if place and publisher:
        return f"{place}: {publisher}"
    return publisher or place


def _accessed(item: Mapping[str, Any], formatter: Callable[[Any], str | None]) -> str | None:
    if date_parts(item.get("issued"))[0] is not None or year_text(item.get("issued")):
        return None
    when = formatter(item.get("accessed"))
    return when


def _year(item: Mapping[str, Any], year_suffix: str | None) -> str:
    year = year_text(item.get("issued"))
    if year is None:
        return "n.d." if not year_suffix else f"n.d.-{year_suffix}"
    return year + (year_suffix or "")


def _chicago(item: Mapping[str, Any], key: str, year_suffix: str | None) -> Entry:
    return _chicago_entry(item, key, year_suffix, author_date=False)


def _chicago_ad(item: Mapping[str, Any], key: str, year_suffix: str | None) -> Entry:
    return _chicago_entry(item, key, year_suffix, author_date=True)


def _chicago_entry(
    item: Mapping[str, Any], key: str, year_suffix: str | None, *, author_date: bool
) -> Entry:
    kind = _kind(item)
    b = Builder()
    title = text_field(item, "title")
    italic_title = kind in BOOKLIKE
    container = text_field(item, "container-title")
    url = doi_url(text_field(item, "DOI")) or text_field(item, "URL")
    issued = item.get("issued")
    authors = _chicago_names(item)
    date = long_date(issued, with_year=not author_date)
    if author_date and kind in BOOKLIKE | {"article-journal", "chapter"}:
        date = None
    if authors:
        b.add(authors)
    else:
        b.add(title if italic_title else quoted(title), italic=italic_title)
        title = None
    if author_date:
        b.add(_year(item, year_suffix))
    b.add(title if italic_title else quoted(title), italic=italic_title)
    if kind == "article-journal":
        volume, issue, page = _journal_numbers(item)
        b.add(container, italic=True)
        if author_date and volume:
            b.add(volume + (f" ({issue})" if issue else ""), sep=" ")
        elif author_date:
            b.add(f"no. {issue}" if issue else None, sep=", ")
        else:
            b.add(volume, sep=" ")
            b.add(f"no. {issue}" if issue else None, sep=", ")
            b.add(f"({year_text(issued)})" if year_text(issued) else None, sep=" ")
        b.add(page, sep=": ")
    elif kind == "chapter":
        b.add("In ")
        b.add(container, italic=True, sep="")
        b.add(text_field(item, "page"), sep=", ")
        b.add(_chicago_place_publisher(item))
        if not author_date:
            b.add(year_text(issued), sep=", ")
    elif kind in BOOKLIKE:
        b.add(text_field(item, "genre"))
        b.add(_chicago_place_publisher(item))
        if not author_date:
            year = year_text(issued) or "n.d."
            b.add(year, sep=", " if _chicago_place_publisher(item) else ". ")
    else:
        if kind == "post-weblog" and container:
            b.add(container, italic=True)
            b.add("(blog)", sep=" ")
        else:
            b.add(container, italic=kind in PERIODICAL)
        b.add(date, sep=", " if container else ". ")
        accessed = _accessed(item, long_date)
        b.add(f"Accessed {accessed}" if accessed else None)
    b.add(url)
    b.end(".")
    return b.entry(key)


def _apa(item: Mapping[str, Any], key: str, year_suffix: str | None) -> Entry:
    kind = _kind(item)
    b = Builder()
    title = text_field(item, "title")
    container = text_field(item, "container-title")
    publisher = text_field(item, "publisher")
    sole = _sole_literal_author(item)
    url = doi_url(text_field(item, "DOI")) or text_field(item, "URL")
    issued = item.get("issued")
    italic_title = kind in BOOKLIKE or kind == "webpage"
    year = _year(item, year_suffix)
    if kind in PERIODICAL | {"webpage", "post-weblog"}:
        month_day = long_date(issued, with_year=False)
        when = f"({year}, {month_day})" if month_day and year[:1].isdigit() else f"({year})"
    else:
        when = f"({year})"
    authors = _apa_names(item)
    if authors:
        b.add(authors)
        b.add(when)
        b.add(title, italic=italic_title)
    else:
        b.add(title, italic=italic_title)
        b.add(when)
    if kind == "article-journal":
        volume, issue, page = _journal_numbers(item)
        b.add(container, italic=True)
        b.add(volume, italic=True, sep=", ")
        b.add(f"({issue})" if issue else None, sep="" if volume else ", ")
        b.add(page, sep=", ")
    elif kind == "chapter":
        b.add("In ")
        b.add(container, italic=True, sep="")
        page = text_field(item, "page")
        if page:
            b.add(f"({'pp.' if '–' in page or '-' in page else 'p.'} {page})", sep=" ")
        b.add(publisher if publisher != sole else None)
    elif kind in BOOKLIKE:
        genre = text_field(item, "genre")
        b.add(f"[{genre}]" if genre else None, sep=" ")
        b.add(publisher if publisher != sole else None)
    elif kind == "webpage":
        b.add(container if container != sole else None)
    else:
        b.add(container, italic=True)
    if url:
        b.end(".")
        b.add(url, sep=" ")
    else:
        b.end(".")
    return b.entry(key)


def _mla(item: Mapping[str, Any], key: str, year_suffix: str | None) -> Entry:
    kind = _kind(item)
    b = Builder()
    title = text_field(item, "title")
    container = text_field(item, "container-title")
    publisher = text_field(item, "publisher")
    sole = _sole_literal_author(item)
    url = doi_url(text_field(item, "DOI")) or text_field(item, "URL")
    if url and not text_field(item, "DOI"):
        url = re.sub(r"^https?://", "", url)
    issued = item.get("issued")
    italic_title = kind in BOOKLIKE
    authors = _mla_names(item)
    # An organisation that is both author and publisher is given only as publisher (MLA 9).
    if authors and not (sole and sole in (publisher, container)):
        b.add(authors)
    b.add(title if italic_title else quoted(title), italic=italic_title)
    in_container = True
    if kind == "article-journal":
        volume, issue, page = _journal_numbers(item)
        b.add(container, italic=True)
        b.add(f"vol. {volume}" if volume else None, sep=", ")
        b.add(f"no. {issue}" if issue else None, sep=", ")
        b.add(mla_date(issued), sep=", ")
        b.add(_mla_pages(page), sep=", ")
    elif kind == "chapter":
        b.add(container, italic=True)
        b.add(publisher, sep=", ")
        b.add(mla_date(issued), sep=", ")
        b.add(_mla_pages(text_field(item, "page")), sep=", ")
    elif kind in BOOKLIKE:
        b.add(publisher)
        b.add(mla_date(issued), sep=", " if publisher else ". ")
        in_container = bool(publisher or mla_date(issued))
    else:
        b.add(container, italic=True)
        b.add(mla_date(issued), sep=", " if container else ". ")
        in_container = bool(container or mla_date(issued))
    b.add(url, sep=", " if in_container else ". ")
    accessed = _accessed(item, mla_date) if kind not in BOOKLIKE else None
    b.add(f"Accessed {accessed}" if accessed else None)
    b.end(".")
    return b.entry(key)


def _mla_pages(page: str | None) -> str | None:
    if not page:
        return None
    return f"pp. {page}" if ("–" in page or "-" in page) else f"p. {page}"


_FORMATTERS: dict[str, Style] = {
    CHICAGO_NB: _chicago,
    CHICAGO_AD: _chicago_ad,
    APA: _apa,
    MLA: _mla,
}
