"""The thread a pick belongs to: like post bodies spread over the page, taken together."""

from __future__ import annotations

import re

from lxml import etree

from archivist.ingest.html.htmldom import link_density, text_length

TEASER = re.compile(r"slide|carousel|swiper|teaser|card|tile", re.I)
"""Like blocks named so are other stories or a slideshow, not a thread."""
POST_MIN = 100
"""Characters of text a post body holds (a teaser line or a label is no post)."""
_POSTS_MIN = 2
"""Like posts beside the pick that make it one of a thread (a question and its answers)."""
_SIZE_RATIO = 5
"""A pick this many times the posts' mean size is one story above short excerpts."""
_POSTS_SHARE = 0.4
"""Share of the thread's container the posts hold: less, and it is the page round them."""


def widen_to_posts(top: etree._Element, title_at: etree._Element | None) -> etree._Element:
    """The nearest container of the pick and of the blocks like it elsewhere in the page (the
    same tag and the same class, each with text of its own and few links), when there are a
    few of a size with it and they make up much of that container: a question and its answers
    each sit in a post body of their own, under different headers, and the pick is only the
    post that scored best. ``title_at`` is where the page's title heading sat: a thread runs
    under its title, and like boxes with no title over them are a slideshow or a row of
    promotions. ``top`` itself otherwise."""
    cls = top.get("class")
    if not cls or title_at is None or TEASER.search(cls):
        return top
    root = top.getroottree().getroot()
    around = set(top.iterancestors())
    like = [
        el
        for el in root.iter(top.tag)
        if el is not top
        and el.get("class") == cls
        and el not in around
        and top not in el.iterancestors()
        and text_length(el) >= POST_MIN
        and link_density(el) < 0.3
    ]
    if len(like) < _POSTS_MIN:
        return top
    sizes = [text_length(el) for el in like]
    if text_length(top) > _SIZE_RATIO * sum(sizes) / len(sizes):
        return top
    shared = around
    for el in like:
        shared = shared & set(el.iterancestors())
    container = next((a for a in top.iterancestors() if a in shared), None)
    if container is None or container.tag in ("body", "html"):
        return top
    held = text_length(top) + sum(sizes)
    if held < _POSTS_SHARE * text_length(container) or not _after(title_at, container):
        return top
    return container


def _after(anchor: etree._Element, el: etree._Element) -> bool:
    """True when ``el`` sits inside ``anchor`` or after it in page order."""
    if el is anchor or anchor in el.iterancestors():
        return True
    for node in anchor.getroottree().getroot().iter():
        if node is anchor:
            return True
        if node is el:
            return False
    return False
