"""APA 7 in-text citations: ``(Marrow, 2016b, p. 45)``, the author and date they name."""

from __future__ import annotations

from collections.abc import Callable

from archivist.export.citedates import text_date, year_text
from archivist.export.citeitem import Cite, Item
from archivist.export.citenames import NameStyle
from archivist.export.citetext import Out, Piece, piece
from archivist.export.citetypes import LEGAL, RETRIEVABLE
from archivist.export.pages import is_plural


class ApaInText:
    """The ``citation`` layout of ``apa.csl`` for one item and its locator."""

    # The item, the cite and the description format the entry renders (see Apa).
    i: Item
    o: Out
    cite: Cite
    year_suffix: str
    _format: Callable[[], Piece | None]

    # --- in-text -----------------------------------------------------------------------

    def citation(self, expand: int = 0) -> Piece | None:
        """``(Marrow, 2016b, p. 45)``."""
        i = self.i
        author = self.author_short(expand)
        date = self.date_short()
        locator = None
        if self.cite.locator:
            value = self.cite.locator  # as given, as citeproc-js prints a locator
            label = i.term(self.cite.label, "short", plural=is_plural(self.cite.locator))
            locator = self.o.join([label, piece(value)], " ")
        return self.o.affix(self.o.join([author, date, locator], ", "), "(", ")")

    def author_short(self, expand: int) -> Piece | None:
        """``author-short``: family names (``Penrith et al.``, ``Doe & Roe``)."""
        i = self.i
        style = NameStyle(
            order="none",
            conjunction="symbol",
            et_al_min=3,
            et_al_use_first=1,
            short=True,
            expand_first=expand,
            initials=True,
        )
        if i.is_type(*LEGAL):
            return self.title_short()
        if i.is_type("interview", "personal_communication") and not i.has_any(*RETRIEVABLE):
            full = NameStyle(order="none", initials=True, conjunction="symbol")
            names = i.names("author", full)
            who = piece(names) if names else self.title_short()
            return self.o.join([who, i.term("personal-communication")], ", ")
        names = i.names("author", style)
        if names is not None:
            return piece(names)
        if i.is_type("entry-dictionary", "entry-encyclopedia") and i.has("publisher"):
            return i.field("publisher")
        if i.has("container-title") and i.is_type(
            "book", "classic", "entry", "entry-dictionary", "entry-encyclopedia"
        ):
            return self.title_short()
        names = i.names("editor", style)
        if names is not None:
            return piece(names)
        if i.is_type("software", "webpage") and i.has("publisher"):
            return i.field("publisher")
        return self.title_short()

    def title_short(self) -> Piece | None:
        """``title-short``: a work without author named by its title."""
        i = self.i
        variable = "title-short" if i.raw("title-short") else "title"
        if not i.has("title"):
            return self.o.affix(self._format(), "[", "]")
        if i.is_type("bill", "legislation", "regulation", "report", "treaty"):
            return piece(i.title(variable))
        if i.is_type("legal_case", "post"):
            return self.o.italic(piece(i.title(variable, case=False)))
        if i.is_type("hearing", "webpage"):
            return self.o.italic(piece(i.title(variable)))
        if i.has("container-title"):
            return self.o.quote(piece(i.title(variable)))
        return self.o.italic(piece(i.title(variable)))

    def date_short(self) -> Piece | None:
        """``date-short``: the year with its suffix; a private letter's full date."""
        i = self.i
        when = i.date("issued")
        if i.has("issued"):
            if i.is_type("interview", "personal_communication") and not i.has_any(*RETRIEVABLE):
                text = text_date(when, i.locale)
            else:
                text = year_text(when)
                if when.circa and text:
                    text = f"{i.term('circa', 'short')} {text}"
            return self.o.cat(piece(text), self.year_suffix)
        suffix = f"-{self.year_suffix}" if self.year_suffix else ""
        return piece(i.term("no date", "short") + suffix)
