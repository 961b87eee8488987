"""Chicago notes (CMOS 18: a full note first, a short note after) and author-date citations.

Follows ``citation-notes-full`` and ``citation-notes-shortened-author-title`` of
``chicago-notes-bibliography.csl`` (short notes instead of ibid, as CMOS 18 14.34 prefers),
and the ``<citation>`` of ``chicago-author-date.csl`` (``(Marrow 2016b, 45–47)``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from archivist.export.chicago import Chicago, item_for
from archivist.export.citenames import NameStyle
from archivist.export.citetext import Piece, piece
from archivist.export.citetypes import ENTRY, LEGAL, NEWS, RETRIEVABLE, SERIAL


def full_note(c: Chicago) -> Piece | None:
    """``citation-notes-full``: ``Ilse Marrow, *The Salt Roads* (Calder Press, 2016), 12.``"""
    i = c.i
    if i.is_type(*LEGAL):
        body = c.o.join([c.s.legal(), c.s.accessed_url()], ", ")
    elif _unsigned_reference(c):
        body = c.o.join([_reference_note(c), c.s.monographic_locator()], ", ")
    else:
        body = c.o.join([c.author(), _title_and_source(c)], ", ")
    return c.o.end(body, ".")


def _unsigned_reference(c: Chicago) -> bool:
    """An unsigned entry in a printed reference work (CMOS 18 14.130: cited by its title)."""
    i = c.i
    return (
        i.is_type(*ENTRY)
        and not i.has_any("author", "editor", "translator", "DOI", "URL")
        and i.has("container-title")
    )


def _reference_note(c: Chicago) -> Piece | None:
    """``author-title-substitute-reference-note``: ``*Work*, vol. 2 (Pub, 2001), under “Fens,”``."""
    i = c.i
    container = i.consume(i.field("container-title", italic=True, case="title"), "container-title")
    head = c.o.join([container, c.s.source()], ", ")
    head = c.o.join([head, c.o.affix(_publication(c), "(", ")")], " ")
    entry = c.o.join([i.term("sub-verbo", "short"), c.title()], " ")
    return c.o.join([head, entry], ", ")


def _title_and_source(c: Chicago) -> Piece | None:
    """``title-and-source-note``."""
    i = c.i
    head = [c.title_and_descriptions(), c.s.source()]
    if i.is_type("chapter") and i.has("container-title", "genre"):
        inner = c.o.join([c.o.join(head, " ")], ", ")
    else:
        inner = c.o.join(head, ", ")
    publication = _publication(c)
    if c.bracketed():
        parenthesised = c.o.affix(publication, "(", ")")
        if i.date("issued").circa and not i.is_type(
            "book", "chapter", "report", "thesis", "interview", "paper-conference"
        ):
            parenthesised = publication
        body = c.o.join([inner, parenthesised], " ")
    else:
        body = c.o.join([inner, publication], ", ")
    locator = None
    if not (
        i.is_type(*SERIAL) or (i.is_type("interview", "paper-conference") and not i.has("editor"))
    ):
        locator = c.s.monographic_locator()
    return c.o.join([body, locator, c.medium(), c.s.accessed_url()], ", ")


def _publication(c: Chicago) -> Piece | None:
    """``source-monographic-publication-note``."""
    i = c.i
    if i.is_type("patent", *SERIAL):
        return None
    if i.is_type("interview", "paper-conference") and not i.has("editor"):
        return None
    return c.publication()


def short_note(c: Chicago) -> Piece | None:
    """``citation-notes-shortened-author-title``: ``Marrow, *The Salt Roads*, 45–47.``"""
    i = c.i
    author = _author_short(c)
    title = None
    if i.is_type(*ENTRY):
        under = ""
        if not i.has_any("DOI", "URL") and i.has("container-title", "title"):
            under = i.term("sub-verbo", "short")
        title = c.o.join([under, _title_and_descriptions_short(c)], " ")
    elif not i.is_type(*LEGAL):
        title = _title_and_descriptions_short(c)
    item = c.o.join([author, title], ", ")
    extra = None
    if not i.has_any(*RETRIEVABLE) and c.cite.position == "first":
        if i.is_type("interview"):
            extra = c.o.join([c.s.year(), c.medium()], ", ")
        elif i.is_type("personal_communication"):
            extra = c.medium()
    item = c.o.join([item, extra, _publication_short_unbracketed(c)], ", ")
    item = c.o.join([item, c.o.affix(_publication_short_bracketed(c), "(", ")")], " ")
    if item is None:
        # Nothing to shorten (no author, no title): citeproc-js prints an error; the full
        # note says at least what the work is.
        return full_note(Chicago(c.i.fresh(), note=True, cite=c.cite))
    return c.o.end(c.o.join([item, _locator_subsequent(c)], ", "), ".")


def _author_short(c: Chicago) -> Piece | None:
    """``author-short``: family names, or what stands in for them."""
    i = c.i
    if i.is_type(*LEGAL):
        return _title_and_descriptions_short(c)
    style = NameStyle(order="none", et_al_min=3, et_al_use_first=1, short=True)
    if i.is_type("interview", "personal_communication"):
        return _author_and_recipient(c)
    for variable in ("author", "editor", "translator"):
        names = i.names(variable, style)
        if names is not None:
            return piece(names)
    if i.is_type(*ENTRY) and not i.has_any("DOI", "URL") and i.has("container-title"):
        return i.consume(i.field("container-title", italic=True, case="title"), "container-title")
    if i.is_type("software", "webpage") and i.has("publisher"):
        return i.consume(i.field("publisher"), "publisher")
    container = _container_short(c)
    if container is not None:
        return container
    if i.has("title"):
        title = c.title(short=True)
        i.use("title")
        return title
    return None


def _container_short(c: Chicago) -> Piece | None:
    """``author-title-substitute-container-short``."""
    i = c.i
    if not i.has("container-title") or "container-title" in i.used:
        return None
    if i.is_type(*NEWS, *ENTRY):
        part = i.field("container-title", italic=True, case="title")
    elif i.is_type("webpage"):
        part = i.field("container-title", case="title")
    else:
        return None
    i.use("container-title")
    return part


def _author_and_recipient(c: Chicago) -> Piece | None:
    """``author-short-and-recipient``: the full name at first for a letter nobody can find."""
    i = c.i
    first = c.cite.position == "first" and not i.has_any(*RETRIEVABLE)
    style = NameStyle(
        order="none", et_al_min=3, et_al_use_first=1, short=not first, expand_first=c.expand
    )
    names = i.names("author", style)
    if names is not None:
        return piece(names)
    return i.consume(_title_and_descriptions_short(c), "title")


def _title_and_descriptions_short(c: Chicago) -> Piece | None:
    """``title-and-descriptions-short``: the short title, or a description."""
    i = c.i
    if i.has("title"):
        return c.title(short=True)
    if i.has("genre"):
        return i.field("genre")
    return None


def _publication_short_unbracketed(c: Chicago) -> Piece | None:
    """``source-monographic-publication-short-unbracketed`` (only when disambiguating)."""
    return None


def _publication_short_bracketed(c: Chicago) -> Piece | None:
    """``source-monographic-publication-short-bracketed`` (only when disambiguating)."""
    return None


def _locator_subsequent(c: Chicago) -> Piece | None:
    """``source-locator-subsequent``: the cited place (a volume's number before it)."""
    i = c.i
    if i.is_type(*SERIAL) or (i.is_type("interview", "paper-conference") and not i.has("editor")):
        return c.s.locator()
    if i.has("container-title"):
        return c.s.locator()
    if i.numeric("volume") and c.cite.locator and c.cite.label == "page":
        return c.o.join([c.s.volume(), c.s.locator()], ":")
    return c.o.join([c.s.label_volume(), c.s.locator()], ", ")


def author_date_citation(c: Chicago) -> Piece | None:
    """The author-date ``<citation>``: ``(Marrow 2016b, 45–47)``."""
    i = c.i
    author = _author_inline(c)
    if i.is_type("interview", "personal_communication") and not i.has_any(*RETRIEVABLE):
        parts: list[Piece | None] = [author, _title_and_descriptions_short(c)]
        if c.cite.position == "first":
            if i.is_type("interview"):
                parts.append(_date_short(c))
            parts.append(c.medium())
        item = c.o.join(parts, ", ")
    elif i.has("issued"):
        item = c.o.join([author, _date_short(c)], " ")
    else:
        item = c.o.join([author, _date_short(c)], ", ")
    return c.o.affix(c.o.join([item, _locator_author_date(c)], ", "), "(", ")")


def _locator_author_date(c: Chicago) -> Piece | None:
    """``source-locator-author-date``: an unsigned reference entry cited by its title."""
    i = c.i
    if i.is_type(*ENTRY) and not (i.has("author") or c.cite.locator):
        if not i.has("container-title", "title"):
            return None
        under = "" if i.has_any("DOI", "URL") else i.term("sub-verbo", "short")
        return c.o.join([under, c.o.quote(piece(i.title("title", case=False)))], " ")
    return c.s.locator()


def _author_inline(c: Chicago) -> Piece | None:
    """``author-inline``: family names (initials added where two authors share one)."""
    i = c.i
    if i.is_type(*LEGAL):
        return _title_and_descriptions_short(c)
    if i.is_type("interview", "personal_communication"):
        return _author_and_recipient(c)
    style = NameStyle(
        order="none", et_al_min=3, et_al_use_first=1, short=True, expand_first=c.expand
    )
    for variable in ("author", "editor", "translator"):
        names = i.names(variable, style)
        if names is not None:
            return piece(names)
    if i.is_type(*ENTRY) and i.has("container-title"):
        return i.consume(i.field("container-title", italic=True, case="title"), "container-title")
    if i.is_type("software", "webpage") and i.has("publisher"):
        return i.consume(i.field("publisher"), "publisher")
    container = _container_short(c)
    if container is not None:
        return container
    if i.has("title"):
        return c.title(short=True)
    return None


def _date_short(c: Chicago) -> Piece | None:
    """``date-short``: the year with its suffix, or ``n.d.``."""
    i = c.i
    if i.has("issued"):
        if i.is_type("interview", "personal_communication") and not i.has_any(*RETRIEVABLE):
            return c.o.cat(c.s.date_full(), c.year_suffix)
        return c.o.cat(c.s.date_year(), c.year_suffix)
    if i.is_type("interview", "personal_communication") and not i.has_any(*RETRIEVABLE):
        return None
    if i.is_type("classic", "collection", *ENTRY):
        return piece(c.year_suffix) if c.year_suffix else None
    suffix = f"-{c.year_suffix}" if c.year_suffix else ""
    return piece(i.term("no date", "short") + suffix)


def in_text_author(csl: Mapping[str, Any]) -> str:
    """What an author-date citation names the work by (its authors, or a stand-in)."""
    part = _author_inline(Chicago(item_for(csl), author_date=True))
    return part.plain() if part else ""
