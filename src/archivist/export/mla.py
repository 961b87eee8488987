"""MLA 9 works-cited entries and in-text citations, as the official CSL style sets them.

The entry is MLA's core elements in order (author, title, container with its contributors,
version, number, publisher, date and location, then supplemental elements), following the
macros of ``modern-language-association.csl`` (named in each docstring). Deliberate
differences from the CSL style, with MLA's rules (docs/formats.md): a work by an
organisation that is also its publisher begins with its title and names the organisation
once, as publisher; a
date of access is given only with a URL (MLA 9 5.111: it tells when an online source was
seen), never for a saved file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from archivist.export.citedates import text_date, year_text
from archivist.export.citeitem import Cite, Item
from archivist.export.citelocale import Term
from archivist.export.citenames import NameStyle, same_name, sort_name
from archivist.export.citetext import Piece, piece
from archivist.export.citetypes import SERIAL
from archivist.export.collation import sort_text
from archivist.export.headline import MLA_SMALL_WORDS, capitalize_first
from archivist.export.pages import is_plural

OVERRIDES: dict[str, Term] = {
    "chapter/short": ("ch.", "chs."),
    "original-work-published": "originally published",
    "paragraph/short": ("par.", "pars."),
    "version/short": "vers.",
}
"""The terms ``modern-language-association.csl`` sets for English."""

REPEATED = "———"
"""For the same authors as the entry before (the style's subsequent-author-substitute)."""


def item_for(csl: Mapping[str, Any]) -> Item:
    """The item as MLA reads it (page ranges to their last two digits, MLA's small words)."""
    return Item(csl, overrides=OVERRIDES, small_words=MLA_SMALL_WORDS, page_format="minimal-two")


class Mla:
    """One item in MLA 9."""

    def __init__(self, item: Item, *, cite: Cite | None = None) -> None:
        self.i = item
        self.o = item.out
        self.cite = cite or Cite()

    def serial(self) -> bool:
        """MLA's serial types (a conference paper or interview without editors too)."""
        i = self.i
        if i.is_type(*SERIAL):
            return True
        return i.is_type("interview", "paper-conference") and not i.has("editor")

    # --- author ------------------------------------------------------------------------

    def author_style(self) -> NameStyle:
        """``Doe, Jane, and Ana Roe``; three or more: ``Doe, Jane, et al.``."""
        return NameStyle(
            order="first",
            comma_before_last="always",
            comma_before_et_al="always",
            et_al_min=3,
            et_al_use_first=1,
            demote_particle=False,
        )

    def organisation_publishes(self) -> bool:
        """Whether the only author is an organisation that is also the publisher (MLA 9 5.7)."""
        i = self.i
        authors = i.first_names("author")
        if len(authors) != 1 or not authors[0].get("literal"):
            return False
        return same_name(str(authors[0]["literal"]), i.text("publisher"))

    def author_names(self) -> str | None:
        """The names the entry begins with (for the three dashes of a repeated author)."""
        i = self.i
        if self.organisation_publishes():
            return None
        for variable in ("author", "editor", "translator"):
            names = i.names(variable, self.author_style())
            if names is not None:
                return f"{variable}:{names}"
        return None

    def author(self, *, repeated: bool = False) -> Piece | None:
        """``author``: the names (editors with ``editors``), or the title in their place."""
        i = self.i
        if self.organisation_publishes():
            i.use("author")
            return None
        for variable in ("author", "editor", "translator"):
            names = i.names(variable, self.author_style())
            if names is None:
                continue
            i.use(variable)
            text = REPEATED if repeated else names
            if variable == "author":
                return piece(text)
            label = i.term(variable, "long", plural=i.name_count(variable) > 1)
            return self.o.join([piece(text), label], ", ")
        if i.has("title"):
            return i.consume(self.title(), "title")
        return None

    # --- title -------------------------------------------------------------------------

    def title(self, *, short: bool = False) -> Piece | None:
        """``title-primary``: italic for works that stand alone, quoted for parts."""
        i = self.i
        variable = "title-short" if short and i.raw("title-short") else "title"

        def text(case: bool) -> Piece | None:
            return piece(i.title(variable, case=case))

        if i.is_type("bill", "collection", "legislation", "regulation", "treaty"):
            return text(True)
        if i.is_type("legal_case"):
            return self.o.italic(text(False))
        if i.is_type("book", "classic", "graphic", "hearing", "map", "periodical"):
            return self.o.italic(text(True))
        if i.is_type("post"):
            return self.o.quote(text(False))
        if i.has("container-title") or i.is_type(
            "article",
            "dataset",
            "document",
            "interview",
            "manuscript",
            "paper-conference",
            "personal_communication",
            "speech",
        ):
            return self.o.quote(text(True))
        return self.o.italic(text(True))

    def generic_label(self) -> Piece | None:
        """``supplemental-generic-label``: a genre, unless a thesis's or a numbered one."""
        i = self.i
        if i.is_type("thesis") or i.has("number"):
            return None
        return i.field("genre", case="capitalize-first")

    # --- container ---------------------------------------------------------------------

    def container(self) -> Piece | None:
        """``container1``: title, contributors, version, number, publisher, date, location."""
        return self.o.join(
            [
                self.container_title(),
                self.contributors(),
                self.edition(),
                self.numbers(),
                self.publisher(),
                self.date(),
                self.location(),
            ],
            ", ",
        )

    def container_title(self) -> Piece | None:
        """``container1-title``: the periodical or book, in italics (a place in brackets)."""
        i = self.i
        title = i.field("container-title", italic=True, case="title")
        if self.serial():
            place = self.o.affix(i.field("publisher-place"), "[", "]")
            return self.o.join([title, place if title else None], " ")
        return title

    def contributors(self) -> Piece | None:
        """``container1-contributor``: ``edited by ...``, ``translated by ...``."""
        i = self.i
        capital = not i.has("container-title")
        parts = []
        for variable in ("editor", "translator"):
            names = i.names(variable, NameStyle(order="none", et_al_min=3, et_al_use_first=1))
            if names is None:
                continue
            label = i.term(variable, "verb", plural=i.name_count(variable) > 1)
            if capital:
                label = capitalize_first(label)
            parts.append(self.o.join([label, piece(names)], " "))
        return self.o.join(parts, ", ")

    def edition(self) -> Piece | None:
        """``label-edition-capitalized``: ``2nd ed.``, or the edition as written."""
        i = self.i
        value = i.text("edition")
        if value is None:
            return None
        if value.isdigit():
            return self.o.join([piece(i.ordinal(value)), i.term("edition", "short")], " ")
        return i.field("edition", case="capitalize-first")

    def numbers(self) -> Piece | None:
        """``container1-number``: ``vol. 12, no. 3``; a report's ``Working paper no. 12``."""
        i = self.i
        if self.serial():
            volume = self.o.join([i.field("collection-title"), self.label_volume(False)], ", ")
        elif i.has_any("editor", "edition", "container-title"):
            volume = self.label_volume(False)
        elif i.has("author"):
            volume = self.label_volume(i.has_any("editor", "translator") is False)
            if i.has_any("editor", "translator"):
                volume = self.label_volume(False)
        else:
            volume = self.label_volume(True)
        issue = None
        if i.has("issue"):
            issue = self.o.join(
                [
                    i.term("issue", "short", plural=is_plural(i.text("issue") or "")),
                    piece(i.number("issue")),
                ],
                " ",
            )
        number = None
        if i.has("number"):
            label = ""
            if i.numeric("number") and not i.is_type("standard"):
                label = i.term("number", "short", plural=is_plural(i.text("number") or ""))
            number = self.o.join([i.field("genre"), label, piece(i.number("number"))], " ")
        return self.o.join([volume, issue, number], ", ")

    def label_volume(self, capital: bool) -> Piece | None:
        """``label-volume(-capitalized)``: ``vol. 2`` (a volume that is no number bare)."""
        i = self.i
        value = i.number("volume")
        if value is None:
            return None
        if not i.numeric("volume"):
            return piece(capitalize_first(value) if capital else value)
        label = i.term("volume", "short", plural=is_plural(value))
        return self.o.join([capitalize_first(label) if capital else label, piece(value)], " ")

    def publisher(self) -> Piece | None:
        """``container1-publisher``: the publisher (else the place) of a monographic work."""
        i = self.i
        if i.is_type("thesis") or self.serial():
            return None
        return i.field("publisher") or i.field("publisher-place")

    def date(self) -> Piece | None:
        """``container1-publication-date``: a year for books, the full date for the rest."""
        i = self.i
        when = i.date("issued")
        if not i.has("issued"):
            return None
        short = i.locale.code.startswith("en")
        if i.is_type("book", "chapter", "motion_picture", "paper-conference", "thesis"):
            text = year_text(when)
            return piece(f"[{text}?]" if when.circa and text else text)
        if i.is_type("article-journal"):
            text = text_date(replace(when, day=None), i.locale, short_months=short)
            return piece(f"[{text}?]" if when.circa and text else text)
        if i.is_type("speech"):
            return None
        text = text_date(when, i.locale, short_months=short)
        if when.circa and text:
            return piece(f"{capitalize_first(i.term('circa'))} {text}")
        return piece(text)

    def location(self) -> Piece | None:
        """``container1-location``: ``pp. 45–67``, then the DOI or URL."""
        i = self.i
        pages = None
        if i.has("page"):
            label = i.term("page", "short", plural=is_plural(i.text("page") or ""))
            pages = self.o.join([label, piece(i.pages())], " ")
        return self.o.join([pages, piece(i.url())], ", ")

    # --- supplemental elements ---------------------------------------------------------

    def end(self) -> Piece | None:
        """``supplemental-element-end``: access date, medium, thesis, series."""
        i = self.i
        accessed = None
        if not i.has("issued") and i.has("accessed") and i.has("URL"):
            when = text_date(
                i.date("accessed"), i.locale, short_months=i.locale.code.startswith("en")
            )
            accessed = self.o.join([capitalize_first(i.term("accessed")), piece(when)], " ")
        movable: list[Piece | None] = []
        if not self.serial():
            if i.is_type("thesis"):
                movable.append(self.o.join([i.field("publisher"), i.field("genre")], ", "))
            series = i.field("collection-title", case="title")
            movable.append(self.o.join([series, i.field("collection-number")], " "))
        return self.o.join([accessed, i.field("medium", case="capitalize-first"), *movable], ", ")

    def entry(self, *, repeated: bool = False) -> Piece | None:
        """The works-cited entry, with its final period."""
        body = self.o.join(
            [
                self.author(repeated=repeated),
                self.title(),
                self.generic_label(),
                self.container(),
                self.end(),
            ],
            ". ",
        )
        return self.o.end(body, ".")

    # --- in-text -----------------------------------------------------------------------

    def citation(self, *, expand: int = 0, add_title: bool = False) -> Piece | None:
        """``(Penrith, “The Marsh in Spring” 233)``."""
        author = self.author_short(expand)
        if add_title and author is not None and "title" not in self.i.used:
            author = self.o.join([author, self.title(short=True)], ", ")
        locator = None
        if self.cite.locator:
            locator = piece(self.cite.locator)
            if self.cite.label not in ("page", "line", "timestamp"):
                label = self.i.term(self.cite.label, "short", plural=is_plural(self.cite.locator))
                locator = self.o.join([label, locator], " ")
                return self.o.affix(self.o.join([author, locator], ", "), "(", ")")
        return self.o.affix(self.o.join([author, locator], " "), "(", ")")

    def author_short(self, expand: int) -> Piece | None:
        """``author-short``: family names, or the short title in their place."""
        i = self.i
        style = NameStyle(
            order="none",
            et_al_min=3,
            et_al_use_first=1,
            short=True,
            expand_first=expand,
            initials=True,
        )
        for variable in ("author", "editor", "translator"):
            names = i.names(variable, style)
            if names is not None:
                return piece(names)
        if i.has("title"):
            return i.consume(self.title(short=True), "title")
        # Nothing to name the work by: what its entry begins with (MLA 9 6.4), where
        # citeproc-js prints an error.
        first = self.o.join([Mla(self.i.fresh()).entry()], "")
        return piece(first.plain().split(". ")[0].rstrip(".")) if first else None


def entry(csl: Mapping[str, Any], *, repeated: bool = False) -> Piece | None:
    """A works-cited entry (``repeated``: the same authors as the entry before it).

    None when the item has nothing to print (citeproc-js leaves such an entry out).
    """
    made = Mla(item_for(csl)).entry(repeated=repeated)
    return made if made is not None and made.plain().strip(". ") else None


def author_text(csl: Mapping[str, Any]) -> str | None:
    """The names an entry begins with, to compare with the entry before it."""
    return Mla(item_for(csl)).author_names()


def citation(
    csl: Mapping[str, Any], cite: Cite, *, expand: int = 0, add_title: bool = False
) -> Piece | None:
    """An MLA in-text citation."""
    return Mla(item_for(csl), cite=cite).citation(expand=expand, add_title=add_title)


def sort_key(csl: Mapping[str, Any]) -> tuple[Any, ...]:
    """MLA's ``<sort>``: author (the title for a work without one), title, container."""
    mla = Mla(item_for(csl))
    i = mla.i
    author: str | None = None
    if not mla.organisation_publishes():
        for variable in ("author", "editor", "translator"):
            names = i.first_names(variable)
            if names:
                shown = names[:1] if len(names) >= 3 else names
                author = " ".join(sort_name(n, demote_particle=False) for n in shown)
                break
    if author is None:
        title = Mla(item_for(csl)).title()
        author = title.plain() if title else None
    title = Mla(item_for(csl)).title()
    container = Mla(item_for(csl)).container()
    return sort_text(
        (author, title.plain() if title else None, container.plain() if container else None)
    )
