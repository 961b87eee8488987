"""The article's lead (standfirst, deck, intro): found before scoring, set back before the body."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from lxml import etree

from archivist.ingest.html.htmldom import (
    TITLE_LIKE,
    inner_text,
    link_density,
    select,
    similarity,
    text_content,
    text_length,
)
from archivist.ingest.text.caseblind import CaseBlind

_LEAD = re.compile(
    r"(?:^|[-_ ])(?:lead|intro|introtext|teaser|deck|standfirst|subtitle|sub-title|subheadline|"
    r"chapo|chapeau|leader|summary|entry-summary|excerpt|abstract|dek)(?:[-_ ]|$)",
    re.I,
)
_LEAD_MIN, _LEAD_MAX = 40, 800
_LINE_MAX = 120
"""Characters of a line under the title that, ending on no sentence mark, is passed over."""
_LEAD_LINKS = 0.3
_HOMES = ("article", "main")


@dataclass(frozen=True, slots=True)
class _Lead:
    element: etree._Element
    at: int
    home: etree._Element | None
    around: frozenset[etree._Element]


@dataclass(frozen=True, slots=True)
class Leads:
    """The page's lead-like elements as they stood before scoring removed anything: each
    with its place in page order and the article or main element it sits in."""

    found: tuple[_Lead, ...]
    order: dict[etree._Element, int]
    unmarked: etree._Element | None = None
    """The body, when the page has no article or main element: the home of what has none."""

    def before(self, top: etree._Element) -> list[etree._Element]:
        """The leads set before ``top`` in the same article or main element, outside it: a
        scoring pass that picked the body leaves them out (or dropped the header round
        them as unlikely to be content)."""
        place = self._place(top)
        home = _home(top)
        if home is None:
            home = self.unmarked
        if place is None or home is None:
            return []
        leads = []
        for lead in self.found:
            el = lead.element
            if any(a is top for a in el.iterancestors()):
                continue  # still in the body that was picked
            if (lead.at < place and lead.home is home) or top in lead.around:
                leads.append(el)  # before the body, or inside it until scoring dropped it
        return leads

    def _place(self, el: etree._Element) -> int | None:
        for node in (el, *el.iterancestors()):
            if node in self.order:
                return self.order[node]
        return None


def find_leads(body: etree._Element, title: str = "") -> Leads:
    """The outermost elements named as a lead, of a lead's length and mostly not links, and
    the lead under the title heading (the one repeating ``title`` when there are several)."""
    found: list[_Lead] = []
    taken: set[etree._Element] = set()  # the found elements, for one walk up from each element
    for el in body.iterdescendants():
        cls, ident = el.get("class"), el.get("id")  # each read once: this runs for every element
        if (cls is None and ident is None) or not _leadish(f"{cls or ''} {ident or ''}"):
            continue
        if taken and any(a in taken for a in el.iterancestors()):
            continue
        length = text_length(el)
        if _LEAD_MIN <= length <= _LEAD_MAX and link_density(el, length) < _LEAD_LINKS:
            found.append(_Lead(el, 0, _home(el), frozenset(el.iterancestors())))
            taken.add(el)
    unmarked = None if next(body.iter(*_HOMES), None) is not None else body
    title_lead = _after_title(body, title, unmarked)
    if title_lead is not None and not any(
        a is lead.element for lead in found for a in (title_lead, *title_lead.iterancestors())
    ):
        home = _home(title_lead)
        found.append(
            _Lead(
                title_lead,
                0,
                unmarked if home is None else home,
                frozenset(title_lead.iterancestors()),
            )
        )
    if not found:
        return Leads((), {})
    order = {el: at for at, el in enumerate(body.iter())}
    leads = tuple(_Lead(f.element, order[f.element], f.home, f.around) for f in found)
    return Leads(leads, order, unmarked)


_TITLE_HEADINGS = etree.XPath(".//h1")
_AFTER = etree.XPath("following::*[self::p or self::h2][position() <= 12]")
"""The paragraphs and deck headings after the title looked at for its lead."""
_LEAD_END = '.!?…"“”»'
_NOT_LEAD = ("figure", "figcaption", "blockquote", "li", "table", "form")


def _after_title(
    body: etree._Element, title: str, unmarked: etree._Element | None = None
) -> etree._Element | None:
    """The first paragraph (or deck heading) after the page's one title heading, in its
    article or main element, when it reads as a lead (a sentence or two, few links): whatever
    the page names it, the standfirst is the first prose under the title. Shorter lines on
    the way (a byline, a date) are passed over. Of several top-level headings (a site name
    for screen readers beside the title), the title's is the one inside an article or main
    element, or of several there, the one repeating the title. On a page that marks no
    article or main element (``unmarked``, its body), the one repeating the title."""
    headings = select(_TITLE_HEADINGS, body)
    if unmarked is not None:  # a heading in no home stands for the title if one holds the other
        headings = [h for h in headings if _home(h) is not None or _repeats(title, inner_text(h))]
    if len(headings) > 1:
        headings = [h for h in headings if _home(h) is not None]
    if len(headings) > 1:
        headings = [h for h in headings if similarity(title, inner_text(h)) > TITLE_LIKE]
    home = _home(headings[0]) if headings else None
    if home is None:
        home = unmarked
    if len(headings) != 1 or home is None:
        return None
    for el in select(_AFTER, headings[0]):
        length = text_length(el)
        if length < _LEAD_MIN:
            continue  # a label, a date, a byline
        text = text_content(el).strip()
        if length < _LINE_MAX and text and text[-1] not in _LEAD_END:
            continue  # a dateline or a byline with the site's name: no sentence
        if (
            length > _LEAD_MAX
            or _home(el) is not (home if home is not unmarked else None)
            or next(el.iterancestors(*_NOT_LEAD), None) is not None
            or link_density(el, length) >= _LEAD_LINKS
            or not text
            or text[-1] not in _LEAD_END
        ):
            return None
        return el
    return None


def _repeats(title: str, heading: str) -> bool:
    """True when the heading and the title share most of either's wording (a heading may
    add a kicker to the title, a title the site's name to the heading)."""
    return max(similarity(title, heading), similarity(heading, title)) > TITLE_LIKE


def _home(el: etree._Element) -> etree._Element | None:
    """The nearest article element round ``el``, else the main one."""
    article = next(el.iterancestors("article"), None)
    if article is not None or el.tag == "article":
        return el if el.tag == "article" else article
    if el.tag == "main" or el.get("role") == "main":
        return el
    return next((a for a in el.iterancestors() if a.tag == "main" or a.get("role") == "main"), None)


_LEAD_FAST = CaseBlind(_LEAD)  # the same pattern, faster over ASCII names


@functools.lru_cache(maxsize=8192)
def _leadish(match_string: str) -> bool:
    return bool(_LEAD_FAST.search(match_string))
