"""APA 7 references: the source part of an entry (container, publisher, website, DOI or URL)."""

from __future__ import annotations

from collections.abc import Callable

from archivist.export.citedates import text_date
from archivist.export.citeitem import Item
from archivist.export.citenames import NameStyle, same_name
from archivist.export.citetext import Out, Piece, piece
from archivist.export.citetypes import SERIAL
from archivist.export.headline import capitalize_first


class ApaSource:
    """The ``source`` and ``source-DOI-URL`` macros of ``apa.csl`` for one item."""

    # The item and what the rest of the entry renders (see Apa).
    i: Item
    o: Out
    number: Callable[[], Piece | None]
    monographic_item: Callable[[], Piece | None]
    _format: Callable[[], Piece | None]

    # --- source ------------------------------------------------------------------------

    def source(self) -> Piece | None:
        """``source``: the periodical or book it is in, the publisher, the website."""
        i = self.i
        if i.is_type("post", "webpage"):
            container = None
        elif i.is_type(*SERIAL) or (
            i.is_type("interview", "paper-conference") and not i.has("editor")
        ):
            container = self.serial()
        else:
            container = self.monographic_source()
        return self.o.join([container, self.publisher(), self.website()], ". ")

    def serial(self) -> Piece | None:
        """``source-serial``: ``*Journal*, *12*(3), 321–328``."""
        i = self.i
        name = self.o.italic(
            self.o.join(
                [
                    i.field("container-title", case="title"),
                    i.field("collection-title", case="title"),
                ],
                ", ",
            )
        )
        numbers = self.o.cat(
            self.o.italic(piece(i.number("volume"))),
            self.o.affix(piece(i.number("issue")), "(", ")"),
        )
        if numbers is None and i.has("issue"):
            numbers = self.o.affix(piece(i.number("issue")), "(", ")")
        where = piece(i.pages())
        return self.o.join([name, numbers, where], ", ")

    def monographic_source(self) -> Piece | None:
        """``source-monographic``: ``In R. Quill & E. Thorne (Eds.), *Book* (pp. 45–67)``."""
        i = self.i
        if not i.has("container-title"):
            return None
        editors = None
        style = NameStyle(order="none", initials=True, conjunction="symbol")
        names = i.names("editor", style)
        if names is not None:
            label = capitalize_first(i.term("editor", "short", plural=i.name_count("editor") > 1))
            editors = self.o.cat(piece(names), f" ({label})")
        title = self.o.italic(i.field("container-title"))
        identifier = self.o.affix(
            self.o.join([self.number(), self.monographic_item()], "; "), "(", ")"
        )
        description = None
        if i.is_type("document", "report", "software", "standard", "event", "paper-conference"):
            description = self.o.affix(self._format(), "[", "]")
        head = self.o.join([editors, title], ", ")
        term = capitalize_first(i.term("in"))
        return self.o.join([self.o.cat(term + " ", head), identifier, description], " ")

    def publisher(self) -> Piece | None:
        """``source-publisher``; a publisher that is also the author is not repeated."""
        i = self.i
        if i.is_type(*SERIAL) or (i.is_type("paper-conference") and not i.has("editor")):
            return None
        if i.is_type("thesis") and i.has_any("archive", "DOI", "URL"):
            return None
        publisher = i.text("publisher")
        if publisher is None or self._is_author(publisher):
            return None
        return i.field("publisher")

    def website(self) -> Piece | None:
        """``source-website``; a site that is also the author is not repeated."""
        i = self.i
        if not i.is_type("post", "webpage"):
            return None
        site = i.text("container-title")
        if site is None or self._is_author(site):
            return None
        return i.field("container-title", case="title")

    def _is_author(self, name: str) -> bool:
        """Whether a group author is this name (APA 7 §9.29, §9.33: name it once)."""
        authors = self.i.first_names("author")
        return len(authors) == 1 and same_name(str(authors[0].get("literal") or ""), name)

    def doi_url(self) -> Piece | None:
        """``source-DOI-URL``: the DOI, or ``Retrieved <date>, from`` an undated page's URL."""
        i = self.i
        if i.has("DOI"):
            return piece(i.url())
        if not i.has("URL"):
            return None
        url = piece(i.raw("URL"))
        if i.has("issued") or not i.has("accessed"):
            return url
        when = piece(text_date(i.date("accessed"), i.locale))
        retrieved = capitalize_first(i.term("retrieved"))
        return self.o.join([retrieved, self.o.join([when, i.term("from")], ", "), url], " ")
