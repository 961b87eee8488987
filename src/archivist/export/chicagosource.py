"""The source half of a Chicago entry or note: periodical or book, dates, legal citations.

Follows the ``source-*``, ``date-*`` and ``legal-*`` macros of the Chicago CSL styles (named in
each docstring). A ``Source`` belongs to one ``Chicago`` rendering and reads its item,
locale, note or bibliography setting and citation through it.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Protocol

from archivist.export.citedates import month_day, text_date, year_text
from archivist.export.citeitem import Cite, Item
from archivist.export.citetext import Out, Piece, piece
from archivist.export.citetypes import CHICAGO_FULL_DATE, ENTRY, NEWS, RETRIEVABLE, SERIAL
from archivist.export.headline import capitalize_first
from archivist.export.pages import is_plural


class Rendering(Protocol):
    """What a source part reads of the Chicago rendering it belongs to (``chicago.Chicago``)."""

    i: Item
    o: Out
    note: bool
    ad: bool
    cite: Cite
    sep: str
    year_suffix: str

    def contributors_of(self, variable: str, form: str, *, capitalize: bool) -> Piece | None: ...

    def number(self) -> Piece | None: ...

    def label_number(self, *, capitalize: bool) -> Piece | None: ...

    def edition(self, *, capitalize: bool) -> Piece | None: ...


class Source:
    """The periodical or book a work is in, its dates, and the Bluebook form of laws."""

    def __init__(self, c: Rendering) -> None:
        self.c = c
        self.i = c.i
        self.o = c.o
        self.note = c.note
        self.ad = c.ad
        self.cite = c.cite
        self.sep = c.sep
        self.year_suffix = c.year_suffix

    def serial_name(self) -> Piece | None:
        """``source-serial-name``: the periodical in italics (its place in parentheses)."""
        i = self.i
        name = i.field("container-title", italic=True, case="title")
        return self.o.join([name, self.o.affix(i.field("publisher-place"), "(", ")")], " ")

    def source(self) -> Piece | None:
        """``source-bib`` / ``source-note``."""
        i = self.i
        if i.is_type("patent", "post", "webpage"):
            return None
        if i.is_type(*SERIAL) or (
            i.is_type("interview", "paper-conference") and not i.has("editor")
        ):
            return self.source_serial()
        return self.source_monographic()

    def source_serial(self) -> Piece | None:
        """``source-serial-*``: ``*Journal* 12, no. 3 (2019): 321–28``."""
        i = self.i
        title = self.serial_title()
        ident = self.serial_identifier()
        if not i.is_type(*NEWS) and i.has("volume") and not i.has("collection-title"):
            return self.o.join([title, ident], " ")
        return self.o.join([title, ident], ", ")

    def serial_title(self) -> Piece | None:
        """``source-serial-title-*``: the periodical (``ahead of print`` for a bare DOI)."""
        i = self.i
        name = self.serial_name()
        ahead = None
        if (
            i.is_type("article-journal")
            and i.has("DOI", "issued")
            and not i.has_any("collection-title", "issue", "number", "page", "volume")
        ):
            ahead = i.term("advance-online-publication")
        return self.o.join([name, ahead], ", ")

    def serial_identifier(self) -> Piece | None:
        """``source-serial-identifier-*``: volume, issue, date and pages."""
        i = self.i
        if i.is_type(*NEWS):
            volume = self.o.join([i.field("collection-title"), self.serial_date()], ", ")
            volume = self.o.join([volume, self.c.edition(capitalize=not self.note)], self.sep)
            return self.o.join([volume, self.serial_locator()], ", ")
        if i.has_any("issue", "volume"):
            return self.o.join([self.serial_volume(), self.serial_locator()], ": ")
        plain = self.o.join(
            [
                i.field("collection-title"),
                i.field("publisher") if i.is_type("interview", "post-weblog") else None,
                self.serial_date(),
            ],
            ", ",
        )
        return self.o.join([plain, self.serial_locator()], ", ")

    def serial_date(self) -> Piece | None:
        """``source-serial-volume-status-*``: the date when no volume or issue carries it."""
        return self.specific_date() if self.ad else self.date_or_status()

    def serial_volume(self) -> Piece | None:
        """``source-serial-identifier-volume-*``: ``12, no. 3 (2019)``; author-date ``12 (3)``."""
        i = self.i
        if self.ad:
            if i.has("volume"):
                volume = self.label_volume() if i.has("collection-title") else self.volume()
                inner = self.o.join([volume, self.o.affix(piece(i.number("issue")), "(", ")")], " ")
            else:
                inner = self.label_issue()
            return self.o.join([i.field("collection-title"), inner], ", ")
        volume = self.label_volume() if i.has("collection-title") else self.volume()
        numbers = self.o.join([volume, self.label_issue()], ", ")
        date = self.o.affix(self.date_or_status(), "(", ")")
        return self.o.join([i.field("collection-title"), self.o.join([numbers, date], " ")], ", ")

    def volume(self) -> Piece | None:
        """The volume as written."""
        return piece(self.i.number("volume"))

    def label_volume(self) -> Piece | None:
        """``label-volume``: ``vol. 2`` (no label for a volume that is no number)."""
        i = self.i
        value = i.number("volume")
        if value is None:
            return None
        label = i.term("volume", "short", plural=is_plural(value)) if i.numeric("volume") else ""
        return self.o.join([label, piece(value)], " ")

    def label_issue(self) -> Piece | None:
        """``label-issue``: ``no. 3``."""
        i = self.i
        value = i.number("issue")
        if value is None:
            return None
        plural = i.numeric("issue") and is_plural(i.text("issue") or "")
        return self.o.join([i.term("issue", "short", plural=plural), piece(value)], " ")

    def serial_locator(self) -> Piece | None:
        """``source-serial-locator``: the cited page in a note, the pages in a bibliography."""
        i = self.i
        if self.cite.locator or i.has("number"):
            return self.o.join([self.locator(), i.field("number")], ", ")
        if i.is_type(*NEWS):
            return None
        return piece(i.pages())

    def source_monographic(self) -> Piece | None:
        """``source-monographic-*``: ``In *Book*, edited by ...``, then the series."""
        i = self.i
        inside = None
        if i.has("container-title"):
            container = i.field("container-title", italic=True, case="title")
            inside = self.o.join(
                [
                    self.o.join([self.preposition(), container], " "),
                    self.monographic_description(),
                    self.monographic_identifier(),
                    None if self.note else self.monographic_locator(),
                ],
                ", ",
            )
        series = i.field("collection-title", case="title")
        return self.o.join([inside, series], self.sep)

    def preposition(self) -> str:
        """``source-monographic-preposition-*``: ``In`` (``in`` in notes)."""
        i = self.i
        if i.is_type("broadcast", "motion_picture"):
            return ""
        if i.is_type(*ENTRY) and not i.has("author"):
            return ""
        term = i.term("in")
        return term if self.note else capitalize_first(term)

    def monographic_description(self) -> Piece | None:
        """``source-monographic-description``: a report's or paper's genre."""
        i = self.i
        if (
            (
                i.is_type("document", "report", "software", "standard")
                or (
                    not i.has_any("editor", "issue", "page", "volume")
                    and i.is_type("event", "paper-conference", "performance", "speech")
                )
            )
            and i.has("genre")
            and not i.has("number")
        ):
            return i.field("genre")
        return None

    def monographic_identifier(self) -> Piece | None:
        """``source-monographic-identifier-*``: number, edition and editors of the container."""
        i = self.i
        number = None
        if i.has("number") and not i.is_type("broadcast", "graphic", "map", "motion_picture"):
            number = self.c.number()
        verb = "verb-short" if self.note else "verb"
        editors = self.o.join(
            [
                self.c.contributors_of("editor", verb, capitalize=False),
                self.c.contributors_of("translator", verb, capitalize=False),
            ],
            ", ",
        )
        return self.o.join(
            [number, self.c.edition(capitalize=False), self.volume_note(), editors], ", "
        )

    def volume_note(self) -> Piece | None:
        """``identifier-volume-note``: ``vol. 2`` of a multivolume container."""
        i = self.i
        if not i.has("volume"):
            return None
        if i.numeric("volume") and (
            (self.cite.locator and self.cite.label == "page") or i.has("page")
        ):
            if i.has_any("editor", "translator") or (
                not (self.cite.locator and self.cite.label == "page") and i.has("container-title")
            ):
                return self.label_volume()
            return None
        return self.label_volume()

    def monographic_locator(self) -> Piece | None:
        """``source-monographic-locator``: the cited place, or the pages of a part."""
        i = self.i
        editors = ("editor", "translator") if not self.ad else ()
        if self.cite.locator:
            if i.numeric("volume") and self.cite.label == "page":
                volume = None if editors and i.has_any(*editors) else self.volume()
                return self.o.join([volume, self.locator()], ":")
            return self.locator()
        if i.has("container-title"):
            return None
        if i.numeric("volume") and i.has("page"):
            volume = None if editors and i.has_any(*editors) else self.volume()
            return self.o.join([volume, piece(i.pages())], ":")
        return piece(i.pages())

    def locator(self) -> Piece | None:
        """``label-locator``: a page bare, any other place with its label."""
        cite = self.cite
        if not cite.locator:
            return None
        # citeproc-js prints a locator as given (a page range the note wrote stays as it is).
        value = cite.locator
        if cite.label == "page":
            return piece(value)
        label = self.i.term(cite.label, "short", plural=is_plural(cite.locator))
        return self.o.join([label, piece(value)], " ")

    def _uncertain(self, text: str | None) -> Piece | None:
        if text and self.i.date("issued").circa:
            return piece(f"[{text}?]")
        return piece(text)

    def date_full(self) -> Piece | None:
        """``date-issued-full``: ``September 10, 2016`` (uncertain dates as ``[1850?]``)."""
        return self._uncertain(text_date(self.i.date("issued"), self.i.locale))

    def date_year(self) -> Piece | None:
        """``date-issued-year``."""
        return self._uncertain(year_text(self.i.date("issued")))

    def date_year_month(self) -> Piece | None:
        """``date-issued-year-month``."""
        when = self.i.date("issued")
        return self._uncertain(text_date(replace(when, day=None), self.i.locale))

    def date_or_status(self) -> Piece | None:
        """``source-date-issued-or-status``: the date as the type wants it, or ``n.d.``."""
        i = self.i
        if i.has("issued"):
            return self.issued_full()
        if i.is_type("interview", "personal_communication"):
            if i.has_any(*RETRIEVABLE):
                return piece(i.term("no date", "short"))
            return None
        if i.is_type("classic", "collection", *ENTRY, "webpage"):
            return None
        return piece(i.term("no date", "short"))

    def issued_full(self) -> Piece | None:
        """``source-date-issued-full``."""
        i = self.i
        if i.is_type(*ENTRY):
            return self.date_full() if i.has_any("DOI", "URL") else self.date_year()
        if i.is_type(*CHICAGO_FULL_DATE):
            return self.date_full()
        if i.is_type(*SERIAL) or (
            i.is_type("interview", "paper-conference") and not i.has("editor")
        ):
            if i.is_type(*NEWS):
                return self.date_full()
            if i.has("issue", "volume"):
                return self.date_year()
            if i.has_any("issue", "volume"):
                return self.date_year_month()
            return self.date_full()
        return self.date_year()

    def specific_date(self) -> Piece | None:
        """Author-date ``source-date-specific-title-first``: the month and day after the year."""
        i = self.i
        if not i.has("issued"):
            return None
        when = i.date("issued")
        if i.is_type("personal_communication"):
            return None
        if i.is_type(*ENTRY):
            return piece(month_day(when, i.locale)) if i.has_any("DOI", "URL") else None
        if i.is_type(*CHICAGO_FULL_DATE):
            return piece(month_day(when, i.locale))
        if i.is_type(*SERIAL) or (
            i.is_type("interview", "paper-conference") and not i.has("editor")
        ):
            if not i.is_type(*NEWS) and i.has_any("issue", "volume"):
                return piece(i.locale.months[when.month - 1]) if when.month else None
            return piece(month_day(when, i.locale))
        return None

    def year(self) -> Piece | None:
        """Author-date ``date``: the year with its suffix (2016a), or ``n.d.``."""
        i = self.i
        if i.has("issued"):
            return self.o.cat(self.date_year(), self.year_suffix)
        suffix = f"-{self.year_suffix}" if self.year_suffix else ""
        return piece(i.term("no date", "short") + suffix)

    def accessed_url(self) -> Piece | None:
        """``source-date-accessed-DOI-URL``: ``Accessed ...`` only for undated pages with a URL."""
        i = self.i
        accessed = None
        if not i.has("DOI") and not i.has("issued") and i.has("accessed", "URL"):
            term = i.term("accessed")
            when = text_date(i.date("accessed"), i.locale)
            label = term if self.note else capitalize_first(term)
            accessed = self.o.join([label, piece(when)], " ")
        return self.o.join([accessed, piece(i.url())], self.sep)

    def legal(self) -> Piece | None:
        """``legal-reference``: ``Marrow v. Harbour Trust, 412 F. Supp. 1134 (1976)``."""
        i = self.i
        title = i.field("title", case="title")
        head = self.o.join(
            [self.o.join([title, self.legal_source()], ", "), self.legal_date()], " "
        )
        locator = None
        if self.cite.locator:
            at = "at " if self.cite.label == "page" and i.has("page") else ""
            locator = self.o.cat(at, self.locator())
        return self.o.join([head, locator], ", ")

    def legal_source(self) -> Piece | None:
        """``legal-source-case`` / ``legal-source-legislation``."""
        i = self.i
        if i.is_type("legal_case"):
            if i.has("container-title"):
                first = i.page_first() or "___"
                parts = [self.volume(), i.field("container-title"), piece(first)]
                return self.o.join(parts, " ")
            return self.c.label_number(capitalize=True)
        if i.is_type("legislation"):
            tail = self.o.join(
                [self.volume(), i.field("container-title"), piece(i.page_first())], " "
            )
            if not i.has("number"):
                return tail
            kind = i.field("genre", case="capitalize-first") or capitalize_first(
                i.term("legislation", "short")
            )
            head = self.o.join([kind, self.c.label_number(capitalize=True)], " ")
            return self.o.join([head, tail], ", ")
        return None

    def legal_date(self) -> Piece | None:
        """``legal-date``: ``(1976)``."""
        i = self.i
        if i.is_type("legal_case"):
            date = self.date_year() if i.has("container-title") else self.date_full()
            return self.o.affix(self.o.join([i.field("authority"), date], " "), "(", ")")
        if i.is_type("bill", "hearing", "legislation", "regulation"):
            return self.o.affix(self.date_year(), "(", ")")
        return None
