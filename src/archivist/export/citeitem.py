"""One CSL item as a style reads it: its fields cleaned, typographic, in its own locale.

Every field is read without trusting it (any JSON value, markup characters kept as text,
runs of spaces collapsed) and given typographic quotation marks and apostrophes as
citeproc-js gives them. Titles are put in headline case only for English items. A variable
a style has used in place of a missing author (CSL ``substitute``) reads as empty for the
rest of the entry, as CSL requires.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from archivist.export.citedates import When, read_date
from archivist.export.citelocale import Locale, Term, is_english, locale_for
from archivist.export.citenames import Name, NameStyle, has_names, name_list, real_names
from archivist.export.citetext import Out, Piece, piece
from archivist.export.headline import CHICAGO_SMALL_WORDS, capitalize_first, title_case
from archivist.export.pages import RangeFormat, is_numeric, number_text, ordinal, page_range

_OPEN_DOUBLE = re.compile(r'(^|[\s(\[{—–-])"')
_OPEN_SINGLE = re.compile(r"(^|[\s(\[{—–-])'(?=\w)")


def typographic(text: str) -> str:
    """Straight quotation marks and apostrophes as curly ones (``d'Opale`` → ``d’Opale``)."""
    text = _OPEN_DOUBLE.sub(r"\1“", text).replace('"', "”")
    opened = _OPEN_SINGLE.sub(r"\1‘", text)
    if opened.count("‘") and "'" in opened:
        text = opened
    return text.replace("'", "’")


@dataclass(frozen=True, slots=True)
class Cite:
    """Where a citation stands: first or later, and the page (or other place) it cites."""

    position: str = "first"
    """``first`` or ``subsequent``."""
    locator: str | None = None
    label: str = "page"


class Item:
    """A CSL item for one style: fields, names, dates and the joins of its locale."""

    def __init__(
        self,
        csl: Mapping[str, Any],
        *,
        overrides: Mapping[str, Term] | None = None,
        small_words: frozenset[str] = CHICAGO_SMALL_WORDS,
        page_format: RangeFormat = "chicago-16",
        locale: Locale | None = None,
    ) -> None:
        self.csl = csl
        base = locale or locale_for(csl)
        self.locale = base.styled(overrides or {})
        self.out = Out(self.locale)
        self.english = is_english(csl)
        self.small_words = small_words
        self.page_format: RangeFormat = page_format
        self.used: set[str] = set()
        """Variables a substitute used; they read as empty from then on."""

    def fresh(self) -> Item:
        """The same item with nothing used yet (to render it again from the start)."""
        other = Item.__new__(Item)
        other.__dict__.update(self.__dict__)
        other.used = set()
        return other

    @property
    def type(self) -> str:
        """The CSL type (``document`` when the item gives none)."""
        return str(self.csl.get("type") or "document")

    def is_type(self, *types: str) -> bool:
        """Whether the item is of one of the types."""
        return self.type in types

    def has(self, *variables: str) -> bool:
        """Whether every variable has a value (CSL ``variable="a b"``)."""
        return all(self._present(v) for v in variables)

    def has_any(self, *variables: str) -> bool:
        """Whether some variable has a value (CSL ``match="any"``)."""
        return any(self._present(v) for v in variables)

    def _present(self, variable: str) -> bool:
        # Conditions test the item as it came (citeproc-js): a variable a substitute used
        # still counts as present; it only prints nothing.
        if variable in ("author", "editor", "translator", "container-author", "interviewer"):
            return has_names(self.csl, variable)
        if variable in ("issued", "accessed"):
            return not read_date(self.csl.get(variable)).empty
        value = self.csl.get(variable)
        if value is None or isinstance(value, (Mapping, list, tuple, bool)):
            return False
        return bool(str(value).strip())

    def text(self, variable: str) -> str | None:
        """A text field, spaces collapsed and quotation marks typographic (None if empty)."""
        cleaned = self.raw(variable)
        return typographic(cleaned) if cleaned else None

    def raw(self, variable: str) -> str | None:
        """A field as written, spaces collapsed (URLs, DOIs: no typographic marks)."""
        if variable in self.used:
            return None
        value = self.csl.get(variable)
        if value is None or isinstance(value, (Mapping, list, tuple, bool)):
            return None
        cleaned = " ".join(str(value).split())
        return cleaned or None

    def title(self, variable: str = "title", *, case: bool = True) -> str | None:
        """A title, in headline case when the style asks and the item is English.

        A ``title-short`` stands in for the title where a style asks for the short form.
        """
        text = self.raw(variable)
        if text is None:
            return None
        if case and self.english:
            text = title_case(text, self.small_words)
        return typographic(text)

    def field(
        self,
        variable: str,
        *,
        italic: bool = False,
        quotes: bool = False,
        case: str | None = None,
    ) -> Piece | None:
        """A field as a piece: ``case`` is ``title`` or ``capitalize-first``."""
        if case == "title":
            text = self.title(variable)
        else:
            text = self.text(variable)
            if text is not None and case == "capitalize-first":
                text = capitalize_first(text)
        part = piece(text, italic=italic)
        return self.out.quote(part) if quotes else part

    def number(self, variable: str) -> str | None:
        """A number field as CSL prints it (``2019-04`` as a range ``2019–04``)."""
        value = self.text(variable)
        return number_text(value) if value else None

    def numeric(self, variable: str) -> bool:
        """CSL is-numeric."""
        value = self.text(variable)
        return bool(value) and is_numeric(value or "")

    def pages(self, variable: str = "page") -> str | None:
        """The page range in the style's format."""
        value = self.text(variable)
        return page_range(value, self.page_format) if value else None

    def page_first(self) -> str | None:
        """The first page (CSL ``page-first``)."""
        value = self.text("page")
        if not value:
            return None
        return re.split(r"\s*[-\u2010-\u2015,&]\s*", value)[0] or None

    def url(self) -> str | None:
        """The DOI as an https://doi.org/ link, else the URL."""
        doi = self.raw("DOI")
        if doi:
            doi = re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", doi, flags=re.I)
            return f"https://doi.org/{doi}"
        return self.raw("URL")

    def date(self, variable: str = "issued") -> When:
        """A date variable read safely."""
        if variable in self.used:
            return When()
        return read_date(self.csl.get(variable))

    def names(self, variable: str, style: NameStyle) -> str | None:
        """A name variable in a style (None when it has no names)."""
        if variable in self.used:
            return None
        value = self.csl.get(variable)
        if not isinstance(value, Sequence) or isinstance(value, str):
            return None
        text = name_list(value, style, self.locale)
        return typographic(text) if text else None

    def name_count(self, variable: str) -> int:
        """How many names a variable has (for singular or plural labels)."""
        value = self.csl.get(variable)
        if not isinstance(value, Sequence) or isinstance(value, str):
            return 0
        return len(real_names(value)[0])

    def first_names(self, variable: str) -> list[Name]:
        """The names of a variable (without a trailing "et al." marker)."""
        value = self.csl.get(variable)
        if not isinstance(value, Sequence) or isinstance(value, str):
            return []
        return real_names(value)[0]

    def ordinal(self, value: str) -> str:
        """``2`` as ``2nd``, with the locale's suffixes (none in Persian and Arabic)."""
        names = ("ordinal", "ordinal-01", "ordinal-02", "ordinal-03")
        terms = {k: self.term(k) for k in (*names, "ordinal-11", "ordinal-12", "ordinal-13")}
        return ordinal(value, terms)

    def term(self, name: str, form: str = "long", *, plural: bool = False) -> str:
        """A term of the item's locale."""
        return self.locale.term(name, form, plural=plural)

    def use(self, *variables: str) -> None:
        """Mark variables as used by a substitute: empty for the rest of the entry."""
        self.used.update(variables)

    def consume(self, part: Piece | None, *variables: str) -> Piece | None:
        """A substitute's rendering, its variables marked used (``i.consume(field, var)``)."""
        self.use(*variables)
        return part
