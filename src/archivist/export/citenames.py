"""Names in citations: inverted or not, initials, particles, and lists with "and" and et al.

A CSL name is ``{family, given}`` (with a ``suffix`` or particles) or ``{literal}`` (an
organisation, a Persian or Arabic name kept whole). A family name starting with lower-case
words (``van der Berg``) carries them as its particle, as citeproc-js reads it: Chicago
inverts it to ``Berg, Pieter van der``, APA and MLA keep ``van der Berg``. A list the source
cut short with a last ``{"literal": "et al."}`` ends with the style's et al.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from archivist.export.citelocale import Locale

Name = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class NameStyle:
    """How a style prints a list of names (the attributes of CSL ``cs:name``)."""

    order: Literal["first", "all", "none"] = "none"
    """Which names are inverted (``Family, Given``): CSL name-as-sort-order."""
    initials: bool = False
    """Given names as initials (``J.-L.``)."""
    conjunction: Literal["text", "symbol", "none"] = "text"
    comma_before_last: Literal["always", "never", "contextual"] = "contextual"
    comma_before_et_al: Literal["always", "contextual"] = "contextual"
    et_al_min: int = 0
    et_al_use_first: int = 1
    et_al_use_last: bool = False
    demote_particle: bool = True
    """Chicago's ``Berg, Pieter van der`` (else ``van der Berg, Pieter``)."""
    short: bool = False
    """Family names only (short notes, in-text citations)."""
    expand_first: int = 0
    """In short form, the first name with initials (1) or given names (2): ``W. Orme``."""


@dataclass(frozen=True, slots=True)
class Parts:
    """A person's name read into its parts."""

    family: str
    given: str
    particle: str
    suffix: str
    literal: str


def parts(name: Name) -> Parts:
    """A CSL name's parts, the family name's leading lower-case words as its particle."""
    literal = " ".join(str(name.get("literal") or "").split())
    family = " ".join(str(name.get("family") or "").split())
    given = " ".join(str(name.get("given") or "").split())
    particle = " ".join(
        str(name.get("non-dropping-particle") or name.get("dropping-particle") or "").split()
    )
    if not particle:
        words = family.split(" ")
        lead = 0
        while lead < len(words) - 1 and words[lead][:1].islower():
            lead += 1
        particle, family = " ".join(words[:lead]), " ".join(words[lead:])
    suffix = " ".join(str(name.get("suffix") or "").split())
    if not (family or given) and not literal:
        literal = particle
    return Parts(family, given, particle, suffix, literal)


def is_et_al(name: Name) -> bool:
    """The marker a source's "et al." left at the end of a name list."""
    return str(name.get("literal", "")).strip().lower() in ("et al.", "et al", "et. al.")


def real_names(names: Sequence[Name] | None) -> tuple[list[Name], bool]:
    """The names to print, and whether the source cut the list short (a last "et al.")."""
    listed = [n for n in names or () if isinstance(n, Mapping)]
    real = [n for n in listed if not is_et_al(n)]
    return real, len(real) < len(listed)


def initials(given: str) -> str:
    """``Jean-Luc Marie`` → ``J.-L. M.``; initials already there are kept."""
    words = []
    for word in given.replace(".", ". ").split():
        pieces = [p for p in word.split("-") if p]
        words.append("-".join(f"{p[0]}." if p[0].isalpha() else p for p in pieces))
    return " ".join(words)


def one_name(name: Name, style: NameStyle, inverted: bool, *, expand: int = 0) -> str:
    """One name in a style, inverted (``Family, Given``) or not."""
    p = parts(name)
    if p.literal:
        return p.literal
    given = initials(p.given) if style.initials and p.given else p.given
    if style.short:
        family = " ".join(x for x in (p.particle, p.family) if x)
        if expand and p.given and family:
            return f"{initials(p.given) if expand == 1 else p.given} {family}"
        return family or given
    if not inverted:
        return " ".join(x for x in (given, p.particle, p.family, p.suffix) if x)
    if style.demote_particle:
        head, tail = p.family, " ".join(x for x in (given, p.particle) if x)
    else:
        head, tail = " ".join(x for x in (p.particle, p.family) if x), given
    if not head:
        return " ".join(x for x in (tail, p.suffix) if x)
    out = ", ".join(x for x in (head, tail) if x)
    return f"{out}, {p.suffix}" if p.suffix else out


def name_list(names: Sequence[Name] | None, style: NameStyle, locale: Locale) -> str | None:
    """A list of names in a style (None when there are none)."""
    real, cut = real_names(names)
    if not real:
        return None
    delimiter = locale.punct(", ")
    shown = real
    et_al = cut
    last: Name | None = None
    if style.et_al_min and len(real) >= style.et_al_min:
        shown = real[: style.et_al_use_first]
        et_al = True
        if style.et_al_use_last and len(real) > style.et_al_use_first + 1:
            last = real[-1]
    out = [
        one_name(
            n,
            style,
            style.order == "all" or (style.order == "first" and i == 0),
            expand=style.expand_first if i == 0 else 0,
        )
        for i, n in enumerate(shown)
    ]
    if last is not None:
        return delimiter.join(out) + delimiter + "… " + one_name(last, style, style.order == "all")
    if et_al:
        term = locale.term("et-al")
        inverted = style.order != "none" and not style.short and not parts(shown[0]).literal
        if len(out) > 1 or style.comma_before_et_al == "always" or (cut and inverted):
            return delimiter.join(out) + delimiter + term
        return f"{out[0]} {term}"
    if len(out) == 1:
        return out[0]
    if style.conjunction == "none":
        return delimiter.join(out)
    # CSL's and="symbol" is the ampersand itself in every locale, not a term.
    conjunction = "&" if style.conjunction == "symbol" else locale.term("and")
    comma = len(out) > 2 and style.comma_before_last != "never"
    if len(out) == 2 and style.comma_before_last == "always":
        # citeproc-js: "Doe, Jane, and Ana Roe" but "Doe, Jane and Harbour Trust" (a
        # literal name last, as an organisation or a Persian name is, takes no comma).
        comma = not parts(shown[-1]).literal
    head = delimiter.join(out[:-1])
    return f"{head}{delimiter if comma else ' '}{conjunction} {out[-1]}"


def family_names(names: Sequence[Name] | None) -> list[str]:
    """The names' families (literal names whole), for sorting and keys."""
    real, _ = real_names(names)
    out = []
    for name in real:
        p = parts(name)
        out.append(p.literal or " ".join(x for x in (p.particle, p.family) if x) or p.given)
    return out


def sort_name(name: Name, demote_particle: bool) -> str:
    """A name as a sort key: family (after its particle unless demoted), then given names."""
    p = parts(name)
    if p.literal:
        return p.literal
    family = p.family if demote_particle else " ".join(x for x in (p.particle, p.family) if x)
    return " ".join(x for x in (family, p.given, p.particle if demote_particle else "") if x)


def has_names(item: Mapping[str, Any], variable: str) -> bool:
    """Whether the item has real names in a name variable (an "et al." alone is none)."""
    value = item.get(variable)
    if not isinstance(value, Sequence) or isinstance(value, str):
        return False
    return bool(real_names(value)[0])


_ORG = re.compile(r"\s+")


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two names are the same, ignoring case and spacing (author is publisher)."""
    if not a or not b:
        return False
    return _ORG.sub(" ", a).strip().casefold() == _ORG.sub(" ", b).strip().casefold()
