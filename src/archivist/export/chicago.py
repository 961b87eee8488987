"""Chicago (CMOS 18): notes and bibliography, and author-date, as the official CSL styles set them.

The methods follow the macros of ``chicago-notes-bibliography.csl`` and
``chicago-author-date.csl`` (named in each docstring), for the variables Archivist's items
carry: names, titles, containers, series, publisher (no place: CMOS 18), dates, volume,
issue, pages, edition, genre, number, DOI and URL. Bibliography parts join with periods and
capitalise their labels; note parts join with commas; author-date puts the year after the
author. ``chicagonotes`` builds the notes and in-text citations from the same macros.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from archivist.export.chicagosource import Source
from archivist.export.citedates import numeric_key, year_text
from archivist.export.citeitem import Cite, Item
from archivist.export.citelocale import Term
from archivist.export.citenames import NameStyle, sort_name
from archivist.export.citetext import Piece, piece
from archivist.export.citetypes import (
    CHICAGO_BRACKETED,
    CHICAGO_QUOTED,
    ENTRY,
    LEGAL,
    NEWS,
    RETRIEVABLE,
    SERIAL,
)
from archivist.export.collation import sort_text
from archivist.export.headline import CHICAGO_SMALL_WORDS, capitalize_first
from archivist.export.pages import is_plural

OVERRIDES: dict[str, Term] = {
    "anonymous": "unsigned",
    "editor/verb-short": "ed.",
    "translator/verb-short": "trans.",
    "legislation/short": "Pub. L.",
    "collection-number/short": ("vol.", "vols."),
    "advance-online-publication": "ahead of print",
    "sub-verbo": "under",
    "sub-verbo/short": "under",
}
"""The terms both Chicago styles set for English (their ``<locale xml:lang="en">``)."""


def item_for(csl: Mapping[str, Any]) -> Item:
    """The item as the Chicago styles read it."""
    return Item(csl, overrides=OVERRIDES, small_words=CHICAGO_SMALL_WORDS)


class Chicago:
    """One item in a Chicago style: ``note`` for notes, ``author_date`` for author-date."""

    def __init__(
        self,
        item: Item,
        *,
        note: bool = False,
        author_date: bool = False,
        cite: Cite | None = None,
        year_suffix: str = "",
        expand: int = 0,
    ) -> None:
        self.i = item
        self.o = item.out
        self.note = note
        self.ad = author_date
        self.cite = cite or Cite()
        self.sep = ", " if note else ". "
        self.year_suffix = year_suffix
        self.expand = expand
        """The first author with initials (1) or given names (2) to tell namesakes apart."""
        self.s = Source(self)
        """The source, dates and legal parts of the rendering."""

    # --- the whole entry -------------------------------------------------------------------

    def in_bibliography(self) -> bool:
        """Whether the style lists the item (``<bibliography>``'s layout choose)."""
        i = self.i
        if i.is_type(*ENTRY):
            return i.has("author") or (self.ad and i.has_any("DOI", "URL"))
        if i.is_type("post"):
            return self.ad
        if i.has_any(*RETRIEVABLE):
            return True
        if i.is_type("interview", "personal_communication"):
            return False
        return self.ad or not i.is_type("document", "manuscript", "paper-conference", "speech")

    def bibliography(self) -> Piece | None:
        """``bibliography-notes`` / ``bibliography-author-date``, with its final period."""
        i = self.i
        if i.is_type(*LEGAL):
            body = self.o.join([self.s.legal(), self.s.accessed_url()], ". ")
        elif self.ad:
            body = self.o.join([self.author(), self.s.year(), self.title_and_source()], ". ")
        else:
            body = self.o.join([self.author(), self.title_and_source()], ". ")
        return self.o.end(body, ".")

    def title_and_source(self) -> Piece | None:
        """``title-and-source-bib``."""
        i = self.i
        head = [self.title_and_descriptions(), self.s.source()]
        if i.is_type("chapter") and i.has("container-title", "genre"):
            first: list[Piece | None] = [self.o.join(head, " ")]
        else:
            first = head
        return self.o.join(
            [*first, self.monographic_publication(), self.medium(), self.s.accessed_url()], ". "
        )

    def title_and_descriptions(self) -> Piece | None:
        """``title-and-descriptions-bib`` / ``-note``."""
        i = self.i
        if i.has("title"):
            parts = [self.title(), self.description(), self.identifier()]
        elif i.is_type("bill", "report"):
            parts = [self.number(), self.identifier(), self.description()]
        else:
            parts = [self.description(), self.identifier()]
        return self.o.join(parts, self.sep)

    # --- names -------------------------------------------------------------------------

    def names_style(self, *, inverted: bool = False, short: bool = False) -> NameStyle:
        """The names as bibliography (first inverted, 7+ as 3 et al.) or notes (3+ as 1)."""
        if self.note or short:
            return NameStyle(order="none", et_al_min=3, et_al_use_first=1, short=short)
        return NameStyle(
            order="first" if inverted else "none",
            comma_before_last="always" if inverted else "contextual",
            et_al_min=7,
            et_al_use_first=3,
        )

    def contributors_of(self, variable: str, form: str, *, capitalize: bool) -> Piece | None:
        """A name variable after its verb label: ``Edited by Oswin Penrith``."""
        names = self.i.names(variable, self.names_style())
        if names is None:
            return None
        label = self.i.term(variable, form, plural=self.i.name_count(variable) > 1)
        if capitalize:
            label = capitalize_first(label)
        return self.o.cat(label + " " if label else "", piece(names))

    def author(self) -> Piece | None:
        """``author-bib`` / ``author-note``: the author, or what stands in for one."""
        i = self.i
        style = self.names_style(inverted=True)
        names = i.names("author", style)
        if names is not None:
            return piece(names)
        if not self.note and i.is_type(*ENTRY) and i.has("container-title"):
            return i.consume(
                i.field("container-title", italic=True, case="title"), "container-title"
            )
        for variable in ("editor", "translator"):
            names = i.names(variable, style)
            if names is not None:
                i.use(variable)  # the names are already rendered
                label = i.term(variable, "short", plural=i.name_count(variable) > 1)
                return self.o.cat(piece(names), ", " + label if label else "")
        if not self.note and i.is_type("webpage") and i.has("publisher"):
            return i.consume(i.field("publisher"), "publisher")
        if self.note:
            if i.has("title"):
                return None
            if not i.is_type("webpage"):
                container = self.substitute_container()
                if container is not None:
                    return container
            return self.title_and_descriptions()
        container = self.substitute_container()
        if container is not None:
            return container
        if i.has("title"):
            title = self.title()
            i.use("title")
            return title
        return self.title_and_descriptions()

    def substitute_container(self) -> Piece | None:
        """``author-title-substitute-container``: a periodical or site names the work."""
        i = self.i
        if not i.has("container-title") or "container-title" in i.used:
            return None
        if i.is_type(*NEWS):
            part = self.s.serial_name()
        elif i.is_type(*ENTRY):
            part = i.field("container-title", italic=True, case="title")
        elif i.is_type("webpage"):
            part = i.field("container-title", case="title")
        else:
            return None
        i.use("container-title", "publisher-place")
        return part

    # --- titles ------------------------------------------------------------------------

    def title(self, *, short: bool = False) -> Piece | None:
        """``title-primary`` (``-short``): italic for whole works, quoted for parts."""
        i = self.i
        variable = "title-short" if short and i.raw("title-short") else "title"

        def text(case: bool) -> Piece | None:
            return piece(i.title(variable, case=case))

        if i.is_type("bill", "collection", "legislation", "regulation", "treaty"):
            return text(True)
        if i.is_type("legal_case"):
            return self.o.italic(text(False))
        if i.is_type("book", "classic", "graphic", "hearing", "map"):
            return self.o.italic(text(True))
        if i.is_type("entry-encyclopedia") and i.has("author", "container-title"):
            return self.o.quote(text(True))
        if i.is_type(*ENTRY) and i.has("container-title"):
            return self.o.quote(text(False))
        if i.is_type("post"):
            return self.o.quote(text(False))
        if i.has("container-title") or i.is_type(*CHICAGO_QUOTED):
            return self.o.quote(text(True))
        return self.o.italic(text(True))

    # --- descriptions and identifiers --------------------------------------------------

    def description(self) -> Piece | None:
        """``description-bib`` / ``description-note``."""
        i = self.i
        if i.is_type("thesis"):
            return None
        if i.is_type("interview", "personal_communication", *SERIAL):
            return self.description_format()
        if i.is_type("paper-conference") or not i.has("container-title"):
            return self.description_format()
        if i.is_type("document", "report", "software", "standard"):
            return None
        return self.description_format()

    def description_format(self) -> Piece | None:
        """``description-format-*``: a genre when no number goes with it."""
        i = self.i
        if i.has("genre", "number"):
            return None
        if i.has("genre"):
            return i.field("genre", case=None if self.note else "capitalize-first")
        if i.has_any(*RETRIEVABLE):
            return None
        if i.is_type("personal_communication"):
            term = i.term("personal-communication")
            return piece(term if self.note else capitalize_first(term))
        return None

    def number(self) -> Piece | None:
        """``identifier-number-*``: ``Working Paper No. 12``, ``Technical Report CS-112``."""
        i = self.i
        if i.is_type("thesis") or not i.has("number"):
            return None
        genre = i.field("genre", case=None if self.note else "title")
        return self.o.join([genre, self.label_number(capitalize=not self.note)], " ")

    def label_number(self, *, capitalize: bool) -> Piece | None:
        """``label-number(-capitalized)``: ``No. 12`` (a label only for a numeric number)."""
        i = self.i
        value = i.number("number")
        if value is None:
            return None
        if capitalize:
            value = capitalize_first(value)
        label = ""
        if i.numeric("number") or i.is_type("legislation", "regulation"):
            plural = i.numeric("number") and is_plural(i.text("number") or "")
            label = i.term("number", "short", plural=plural)
            if capitalize:
                label = capitalize_first(label)
        return self.o.join([label, piece(value)], " ")

    def edition(self, *, capitalize: bool) -> Piece | None:
        """``label-edition(-capitalized)``: ``2nd ed.``, or the edition as written."""
        i = self.i
        value = i.text("edition")
        if value is None:
            return None
        if value.isdigit():
            return self.o.join([piece(i.ordinal(value)), i.term("edition", "short")], " ")
        if i.is_type(*SERIAL, "interview", "paper-conference"):
            edition = i.field("edition", case="title" if capitalize else None)
            label = i.term("edition")
            return self.o.join([edition, capitalize_first(label) if capitalize else label], " ")
        return i.field("edition", case="capitalize-first" if capitalize else None)

    def identifier(self) -> Piece | None:
        """``identifier-bib`` / ``identifier-note``: number, edition, editors, translators."""
        i = self.i
        edition = self.edition(capitalize=not self.note)
        if i.is_type("report"):
            if i.has("container-title"):
                return self.contributors()
            number = self.number() if i.has("title") else None
            return self.o.join([number, edition, self.contributors()], self.sep)
        if i.is_type("post", "webpage"):
            return self.o.join([self.number(), edition, self.contributors()], self.sep)
        if i.has("container-title"):
            return self.contributors()
        return self.o.join([self.number(), edition, self.contributors()], self.sep)

    def contributors(self) -> Piece | None:
        """``identifier-contributors-*``: editors and translators of the work itself."""
        i = self.i
        form = "verb-short" if self.note else "verb"
        cap = not self.note
        if i.is_type(*SERIAL, "interview", "paper-conference"):
            return self.contributors_of("translator", form, capitalize=cap)
        if i.is_type("post", "webpage") or not i.has("container-title"):
            return self.o.join(
                [
                    self.contributors_of("editor", form, capitalize=cap),
                    self.contributors_of("translator", form, capitalize=cap),
                ],
                self.sep,
            )
        return None

    def medium(self) -> Piece | None:
        """``source-medium-*``."""
        return self.i.field("medium", case=None if self.note else "capitalize-first")

    # --- publication -------------------------------------------------------------------

    def publication(self) -> Piece | None:
        """``source-publication-and-date-*``: ``Publisher, 2016`` (a page's site first)."""
        i = self.i
        site = None
        if i.is_type("post", "webpage") and not (
            self.ad and not i.has("publisher") and i.has("container-title", "container-title-short")
        ):
            site = i.field("container-title", case="title")
        date = self.s.specific_date() if self.ad else self.s.date_or_status()
        return self.o.join([site, self.history(), date], ", ")

    def history(self) -> Piece | None:
        """``source-publication-history-*``: the description (preprint, thesis), publisher."""
        i = self.i
        description: Piece | None = None
        if i.is_type("article") and not i.has("genre"):
            term = i.term("article")
            description = piece(term if self.note else capitalize_first(term))
        elif i.is_type("thesis"):
            description = i.field("genre", case=None if self.note else "capitalize-first")
        case = None if self.note else "capitalize-first"
        publisher = i.field("publisher", case=case)
        if publisher is None and not i.has("publisher"):
            publisher = i.field("publisher-place", case=case)
        return self.o.join([description, publisher], ", ")

    def monographic_publication(self) -> Piece | None:
        """``source-monographic-publication-*``: none for periodicals, interviews, papers."""
        i = self.i
        if i.is_type("patent", *SERIAL):
            return None
        if i.is_type("interview", "paper-conference") and not i.has("editor"):
            return None
        return self.publication()

    def bracketed(self) -> bool:
        """Whether a note gives the publication in parentheses (books, chapters, reports)."""
        i = self.i
        if i.is_type(*CHICAGO_BRACKETED):
            return True
        if i.is_type("article") and i.has("genre", "publisher"):
            return True
        if i.is_type(*ENTRY):
            return i.has_any("publisher", "publisher-place") or not i.has_any("DOI", "URL")
        if i.is_type("personal_communication"):
            return i.has_any("editor", "issue", "page", "volume")
        return i.date("issued").circa


def sort_key(csl: Mapping[str, Any], *, author_date: bool) -> tuple[Any, ...]:
    """The bibliography's ``<sort>``: author, (date,) title, source, volume, date."""

    def fresh() -> Chicago:
        return Chicago(item_for(csl), author_date=author_date)

    c = fresh()
    i = c.i
    names = i.first_names("author") or i.first_names("editor") or i.first_names("translator")
    if i.is_type(*LEGAL):
        author = i.title("title")
    elif names:
        shown = names[:3] if len(names) >= 7 else names
        author = " ".join(sort_name(n, demote_particle=True) for n in shown)
    else:
        part = c.author()
        author = part.plain() if part else None
    title = fresh().title_and_descriptions()
    source = fresh().s.source()
    when = i.date("issued")
    date = numeric_key(when) or (when.literal or "")
    texts = sort_text(
        (
            author,
            title.plain() if title else None,
            source.plain() if source else None,
            i.text("volume"),
            date or None,
        )
    )
    if author_date:
        group = 0 if i.has("issued") else 1
        year = sort_text((year_text(when),))[0]
        return (texts[0], group, year, texts[1], texts[2], texts[3], texts[4])
    if not i.has("issued"):
        nd = fresh().s.date_or_status()
        texts = (*texts[:4], sort_text((nd.plain() if nd else None,))[0])
    return texts
