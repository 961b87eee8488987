"""Rows of teaser cards for other pages, found by their shape whatever the site names them."""

from __future__ import annotations

from lxml import etree

from archivist.ingest.html.htmldom import remove, text_length

CARD_MAX = 300
"""Characters of text a teaser card holds: a heading, a line or two, a call to read on."""
_CARDS_MIN = 3
_BOXES = frozenset({"article", "div", "li", "section"})
_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


def drop_card_rows(article: etree._Element) -> None:
    """Drop rows of three or more sibling boxes that are each a card for one other page: a
    heading and a short text whose links all lead to that one page (picture, title and "Read
    more" alike). The article's own sections keep their headings and paragraphs side by side,
    not each in a box of its own pointing away."""
    rows = []
    for parent in article.iter(*_BOXES, "ul", "ol"):
        kids = [c for c in parent if isinstance(c.tag, str)]
        if len(kids) < _CARDS_MIN:
            continue
        cards = [c for c in kids if _card(c)]
        if len(cards) >= _CARDS_MIN and 2 * len(cards) >= len(kids):
            rows.append(cards)
    for cards in rows:
        for card in cards:
            remove(card)


def _card(el: etree._Element) -> bool:
    if el.tag not in _BOXES or next(el.iter(*_HEADINGS), None) is None:
        return False
    pages = set()
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        if href and not href.startswith(("#", "javascript:")):
            pages.add(href)
    return len(pages) == 1 and text_length(el) <= CARD_MAX
