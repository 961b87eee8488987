"""APA 7 references and in-text citations, as the official ``apa.csl`` sets them.

Follows the style's macros (named in each docstring) for the variables Archivist's items
carry. Titles are kept as the source wrote them (the style cannot derive sentence case:
proper nouns); periodical names are in title case. Two deliberate differences from the
CSL style, with APA's rules (docs/formats.md): a group that is both author and publisher,
or author and website, is named once (APA 7 §9.29, §9.33: "omit the publisher/site name");
and an undated page with no retrieval date gives its URL alone, not "Retrieved" and a URL.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from archivist.export.apa_intext import ApaInText
from archivist.export.apa_source import ApaSource
from archivist.export.chicago import Chicago
from archivist.export.citedates import month_day, numeric_key, year_text
from archivist.export.citeitem import Cite, Item
from archivist.export.citelocale import Term
from archivist.export.citenames import NameStyle
from archivist.export.citetext import Piece, piece
from archivist.export.citetypes import (
    APA_FULL_DATE,
    APA_NO_MONOGRAPHIC,
    APA_YEAR_SORT,
    LEGAL,
    RETRIEVABLE,
    SERIAL,
)
from archivist.export.collation import sort_text
from archivist.export.headline import CHICAGO_SMALL_WORDS, capitalize_first
from archivist.export.pages import is_plural

OVERRIDES: dict[str, Term] = {
    "circa/short": "ca.",
    "legislation/short": "Pub. L.",
    "interviewer/short": ("interviewer", "interviewers"),
}
"""The terms ``apa.csl`` sets for English."""


def item_for(csl: Mapping[str, Any]) -> Item:
    """The item as APA reads it (full page ranges)."""
    return Item(csl, overrides=OVERRIDES, small_words=CHICAGO_SMALL_WORDS, page_format="expanded")


class Apa(ApaSource, ApaInText):
    """One item in APA 7."""

    def __init__(self, item: Item, *, year_suffix: str = "", cite: Cite | None = None) -> None:
        self.i = item
        self.o = item.out
        self.year_suffix = year_suffix
        self.cite = cite or Cite()

    # --- names -------------------------------------------------------------------------

    def author_names(self) -> NameStyle:
        """``Marrow, I., & Roe, A.`` (20 names; more: 19, an ellipsis and the last)."""
        return NameStyle(
            order="all",
            initials=True,
            conjunction="symbol",
            comma_before_last="always",
            et_al_min=21,
            et_al_use_first=19,
            et_al_use_last=True,
            demote_particle=False,
        )

    def author(self) -> Piece | None:
        """``author``: the author (editors with ``(Eds.)``), or what stands in for one."""
        i = self.i
        names = i.names("author", self.author_names())
        if names is not None:
            return piece(names)
        if i.is_type("entry-dictionary", "entry-encyclopedia") and i.has("publisher"):
            return i.consume(i.field("publisher"), "publisher")
        if i.has("container-title") and i.is_type(
            "book", "classic", "entry", "entry-dictionary", "entry-encyclopedia"
        ):
            return self._title_substitute()
        for variable in ("editor",):
            names = i.names(variable, self.author_names())
            if names is not None:
                i.use(variable)
                label = capitalize_first(
                    i.term(variable, "short", plural=i.name_count(variable) > 1)
                )
                return self.o.cat(piece(names), f" ({label})")
        if i.is_type("software", "webpage") and i.has("publisher"):
            return i.consume(i.field("publisher"), "publisher")
        return self._title_substitute()

    def _title_substitute(self) -> Piece | None:
        """``author-title-substitute``: the title (and its identifier) takes the author's place."""
        i = self.i
        if i.has("title"):
            part = self.o.join([self.title(), self.identifier()], " ")
            i.use("title")
            self._identifier_used = True
            return part
        return self.title_and_descriptions()

    # --- date --------------------------------------------------------------------------

    def date(self) -> Piece | None:
        """``date``: ``(2016a, September 10)``; ``(n.d.)``."""
        i = self.i
        when = i.date("issued")
        if i.has("issued"):
            year = year_text(when)
            if when.circa and year:
                year = f"{i.term('circa', 'short')} {year}"
            head = self.o.cat(piece(year), self.year_suffix)
            detail = None
            if i.is_type(*APA_FULL_DATE) or (
                i.is_type("interview", "paper-conference")
                and not i.has_any("editor", "issue", "page", "volume")
            ):
                detail = piece(month_day(when, i.locale))
            return self.o.affix(self.o.join([head, detail], ", "), "(", ")")
        term = i.term("no date", "short")
        return piece(f"({term}{'-' + self.year_suffix if self.year_suffix else ''})")

    # --- title and descriptions --------------------------------------------------------

    def title(self) -> Piece | None:
        """``title``: italic for works that stand alone, plain for parts of a container."""
        i = self.i
        text = piece(i.title("title", case=False))
        if i.is_type("post", "webpage"):
            return self.o.italic(text)
        if i.is_type(*SERIAL) or (
            i.is_type("interview", "paper-conference") and not i.has("editor")
        ):
            return text if i.has("container-title") else self.o.italic(text)
        return text if i.has("container-title") else self.o.italic(text)

    def title_and_descriptions(self) -> Piece | None:
        """``title-and-descriptions``: the title, its identifier, its description."""
        i = self.i
        if i.has("title"):
            identifier = None if getattr(self, "_identifier_used", False) else self.identifier()
            return self.o.join([self.title(), identifier, self.description()], " ")
        if i.is_type("bill", "report"):
            return self.o.join([self.number(), self.description(), self.identifier()], " ")
        return self.o.join([self.description(), self.identifier()], " ")

    def identifier(self) -> Piece | None:
        """``identifier``: ``(A. Abbott, Trans.; 2nd ed.)``."""
        i = self.i
        if i.is_type("post", "webpage"):
            parts = [self.contributors(), self.number(), self.monographic()]
        elif i.is_type("report") and i.has("container-title"):
            parts = [self.contributors()]
        elif i.is_type("report"):
            number = self.number() if i.has("title") else None
            parts = [self.contributors(), number, self.monographic()]
        elif i.has("container-title"):
            parts = [self.contributors()]
        else:
            parts = [self.contributors(), self.number(), self.monographic()]
        return self.o.affix(self.o.join(parts, "; "), "(", ")")

    def contributors(self) -> Piece | None:
        """``identifier-contributors``: ``A. Abbott, Trans.``; ``O. Penrith, Ed.``."""
        i = self.i
        if i.is_type(*SERIAL) or (
            i.is_type("interview", "paper-conference") and not i.has("editor")
        ):
            return self._labelled("translator")
        if i.has("container-title") and not i.is_type("post", "webpage"):
            return self._labelled("translator")
        return self.o.join([self._labelled("editor"), self._labelled("translator")], "; ")

    def _labelled(self, variable: str) -> Piece | None:
        i = self.i
        style = NameStyle(order="none", initials=True, conjunction="symbol")
        names = i.names(variable, style)
        if names is None:
            return None
        label = capitalize_first(i.term(variable, "short", plural=i.name_count(variable) > 1))
        return self.o.join([piece(names), label], ", ")

    def number(self) -> Piece | None:
        """``identifier-number``: ``Working Paper No. 12``."""
        i = self.i
        if not i.has("number"):
            return None
        genre = None
        if i.is_type("thesis") and i.has("genre"):
            genre = piece("Publication")
        elif i.has("genre"):
            genre = i.field("genre", case="title")
        value = i.number("number")
        label = ""
        if i.numeric("number") or i.is_type("legislation", "patent", "regulation"):
            plural = i.numeric("number") and is_plural(i.text("number") or "")
            label = capitalize_first(i.term("number", "short", plural=plural))
        numbered = self.o.join([label, piece(capitalize_first(value or ""))], " ")
        return self.o.join([genre, numbered], " ")

    def monographic(self) -> Piece | None:
        """``identifier-monographic``: edition, series, volume, pages of a whole work."""
        i = self.i
        if i.is_type(*APA_NO_MONOGRAPHIC) or (
            i.is_type("interview", "paper-conference") and not i.has("editor")
        ):
            return None
        return self.monographic_item()

    def monographic_item(self) -> Piece | None:
        """``identifier-monographic-item``: ``2nd ed., Vol. 2, pp. 45–67``."""
        i = self.i
        series = None
        if i.is_type("document", "report", "standard"):
            series = self.o.join(
                [i.field("collection-title", case="title"), i.field("collection-number")], " "
            )
        volume = None
        if i.numeric("volume"):
            label = capitalize_first(i.term("volume", "short"))
            volume = self.o.join([label, piece(i.number("volume"))], " ")
        pages = None
        if i.has("page"):
            text = i.text("page") or ""
            label = i.term("page", "short", plural=is_plural(text))
            pages = self.o.join([label, piece(i.pages())], " ")
        return self.o.join([self.edition(), series, volume, pages], ", ")

    def edition(self) -> Piece | None:
        """``label-edition``: ``2nd ed.``, or the edition as written."""
        i = self.i
        value = i.text("edition")
        if value is None:
            return None
        if value.isdigit():
            return self.o.join([piece(i.ordinal(value)), i.term("edition", "short")], " ")
        return i.field("edition")

    def description(self) -> Piece | None:
        """``description``: ``[PhD diss.]``, ``[Press release]``, ``[Interview]``."""
        i = self.i
        if i.is_type("interview", "personal_communication"):
            part = self._format()
        elif i.is_type("thesis"):
            publisher = i.field("publisher") if i.has_any("archive", "DOI", "URL") else None
            genre = i.field("genre", case="capitalize-first")
            part = self.o.join(
                [self.o.join([genre, publisher], ", "), i.field("medium", case="capitalize-first")],
                "; ",
            )
        elif i.is_type(*SERIAL) or not i.has("container-title"):
            part = self._format()
        elif i.is_type("document", "report", "software", "standard"):
            part = None
        else:
            part = self._format()
        return self.o.affix(part, "[", "]")

    def _format(self) -> Piece | None:
        """``description-format``: the genre or medium, else the type's own word."""
        i = self.i
        if i.has_any("genre", "medium"):
            genre = None if i.has("number") else i.field("genre", case="capitalize-first")
            return self.o.join([genre, i.field("medium", case="capitalize-first")], "; ")
        if i.is_type("interview", "personal_communication"):
            if not i.has_any(*RETRIEVABLE):
                return piece(capitalize_first(i.term("personal-communication")))
            term = "interview" if i.is_type("interview") else "letter"
            return piece(capitalize_first(i.term(term)))
        return None

    # --- the whole entry ---------------------------------------------------------------

    def entry(self) -> Piece | None:
        """``bibliography``: ``Author. (Date). Title [Description]. Source. DOI``."""
        i = self.i
        if i.is_type(*LEGAL):
            legal = Chicago(i).s.legal()
            return self.o.join([self.o.end(legal, "."), self.doi_url()], " ")
        body = self.o.join(
            [self.author(), self.date(), self.title_and_descriptions(), self.source()], ". "
        )
        return self.o.join([self.o.end(body, "."), self.doi_url()], " ")


def entry(csl: Mapping[str, Any], *, year_suffix: str = "") -> Piece | None:
    """An APA reference-list entry (None for a personal communication: APA 7 §8.9)."""
    apa = Apa(item_for(csl), year_suffix=year_suffix)
    i = apa.i
    if not i.has_any(*RETRIEVABLE) and i.is_type("interview", "personal_communication"):
        return None
    return apa.entry()


def citation(
    csl: Mapping[str, Any], cite: Cite, *, year_suffix: str = "", expand: int = 0
) -> Piece | None:
    """An APA in-text citation."""
    return Apa(item_for(csl), year_suffix=year_suffix, cite=cite).citation(expand)


def sort_key(csl: Mapping[str, Any]) -> tuple[Any, ...]:
    """APA's ``<sort>``: author, undated before dated, date, title, volume."""
    apa = Apa(item_for(csl))
    i = apa.i
    if i.is_type(*LEGAL):
        author = i.title("title")
    else:
        names = i.first_names("author") or i.first_names("editor")
        if names:
            style = NameStyle(order="all", initials=True, demote_particle=False)
            from archivist.export.citenames import one_name

            author = " ".join(one_name(n, style, True) for n in names[:20])
        else:
            part = apa.author()
            author = part.plain() if part else None
    when = i.date("issued")
    group = 1 if i.has("issued") else 0
    date = numeric_key(when, year_only=i.is_type(*APA_YEAR_SORT)) or (when.literal or "")
    title = Apa(item_for(csl)).title()
    return (
        *sort_text((author,)),
        group,
        *sort_text((date or None, title.plain() if title else None, i.text("volume"))),
    )


def in_text_author(csl: Mapping[str, Any]) -> str:
    """What an in-text citation names the work by (its authors, or a stand-in)."""
    part = Apa(item_for(csl)).author_short(0)
    return part.plain() if part else ""
