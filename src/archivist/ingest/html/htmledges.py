"""The edges of the main content: what sits before its first line or after its last."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from archivist.ingest.html.htmldom import has_text, inner_text, remove, text_length
from archivist.ingest.html.htmltext import FOOTNOTE_TAG

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_WHOLE = frozenset({"p", "ul", "ol", "dl", "table", "blockquote", "pre", "figure", "address"})
"""Blocks judged as one piece: a list is kept or dropped whole."""
_CONTAINERS = frozenset({"div", "section", "header", "footer", "form", "span", "center"})
_UNITS = (*_HEADINGS, *_WHOLE, *_CONTAINERS)
_KEPT_TAGS = frozenset({"pre", "blockquote", "table", "figure"})
"""Code, quotations, data and pictures end articles too; they are never trimmed."""
_SENTENCE_END = ".!?…:;\"'”’»)]"
_LABEL_MAX = 80
_LABEL_WORDS = 5
"""Words of a label ending in a colon; a longer one is a sentence ("see the footage below:")."""
_LINK_SHARE = 0.5
_APART_MAX = 300
_BOX_MAX = 400
_APART_BODY = 2
_APART_SHARE = 0.5
"""Paragraphs and share of the text that make the box before a closing paragraph the body."""
TRIM_MAX = 0.25
"""At most this share of the content's text is trimmed, however furniture-like the tail."""


def trim_tail(article: etree._Element) -> None:
    """Drop the blocks after the article's last line of text: a heading that heads nothing,
    a block that is mostly links (lists of other articles, tags, "share" rows), and short
    labels outside any paragraph that are no sentence ("Schlagworte", "Kostenlose Beratung");
    a paragraph of the author's, however short ("Euer Hans"), stays. A short closing paragraph
    or a small box with a heading of its own, shaped unlike the paragraphs before it (a note
    from a side box, a newsletter box), goes too. Stops at the first block that reads as the
    article's own, at a footnote marker, and before a quarter of the text is gone."""
    whole = text_length(article)
    budget = TRIM_MAX * whole
    box: etree._Element | None = None
    for unit in _units(article, backwards=True):
        if box is not None and any(a is box for a in unit.iterancestors()):
            continue  # inside the box dropped whole
        text = inner_text(unit)
        if not text:
            continue
        if unit.find(f".//{FOOTNOTE_TAG}") is not None:
            return
        drop = unit
        if not (_furniture_tail(unit, text) or _set_apart(unit, text, article, whole)):
            box = _closing_box(unit, article)
            if box is None or box.find(f".//{FOOTNOTE_TAG}") is not None:
                return
            drop, text = box, inner_text(box)
        budget -= len(text)
        if budget < 0:
            return
        remove(drop)


def trim_head(article: etree._Element) -> None:
    """Drop the blocks before the article's first line: rows of links (breadcrumbs, section
    menus) and short labels outside any paragraph (a date, a category). Stops at the first
    heading, paragraph or list of points, at a footnote marker, and before a quarter of the
    text is gone."""
    budget = TRIM_MAX * text_length(article)
    for unit in _units(article):
        text = inner_text(unit)
        if not text:
            continue
        if (
            unit.find(f".//{FOOTNOTE_TAG}") is not None
            or _is_heading(unit, text)
            or not _furniture_tail(unit, text, at_end=False)
        ):
            return
        budget -= len(text)
        if budget < 0:
            return
        remove(unit)


def _units(article: etree._Element, *, backwards: bool = False) -> Iterator[etree._Element]:
    """The article's smallest blocks in page order (or from the end): headings, paragraphs,
    whole lists and tables, and containers that hold text but no block of their own. Lazy:
    a trim reads only the few at its edge."""
    blocks = list(article.iter(*_UNITS))
    for el in reversed(blocks) if backwards else blocks:
        if el is article or _inside_whole(el, article):
            continue
        if el.tag in _CONTAINERS and any(True for _ in el.iterdescendants(*_UNITS)):
            continue
        yield el


def _inside_whole(el: etree._Element, top: etree._Element) -> bool:
    """True when ``el`` sits in a block judged whole (a paragraph, list, heading) under ``top``."""
    for a in el.iterancestors():
        if a is top:
            return False
        if a.tag in _WHOLE or a.tag in _HEADINGS:
            return True
    return False


def _furniture_tail(unit: etree._Element, text: str, *, at_end: bool = True) -> bool:
    if unit.tag in _KEPT_TAGS:
        return False
    if _is_heading(unit, text):
        return True  # a heading with nothing kept after it heads furniture
    if _link_share(unit, text) > _LINK_SHARE:
        return True
    if at_end and text[-1] == ":" and len(text.split()) <= _LABEL_WORDS:
        return True  # a label for what was dropped ("Share:", "Support us via PayPal:")
    if unit.tag not in _CONTAINERS:
        return False  # a paragraph or a list of points, not links, is the article's own
    return len(text) <= _LABEL_MAX and text[-1] not in _SENTENCE_END


def _set_apart(unit: etree._Element, text: str, article: etree._Element, whole: int) -> bool:
    """A short paragraph closing the article in a box shaped unlike what comes before it: a
    lone paragraph boxed on its own after bare paragraphs, or a paragraph after the box that
    holds most of the article. A note run in from the page's footer or a side box (a licence,
    a call to get the app), not the article's own last paragraph."""
    if unit.tag != "p" or len(text) > _APART_MAX:
        return False
    box = unit
    parent = box.getparent()
    while parent is not None and parent is not article and _only_text_in(parent, box):
        box, parent = parent, parent.getparent()
    before = _previous_with_text(box)
    if before is None:
        return False
    if before.tag == "p":
        return box is not unit  # a paragraph boxed on its own after bare ones
    return (
        before.tag in _CONTAINERS
        and len(before.findall(".//p")) >= _APART_BODY
        and text_length(before) >= _APART_SHARE * whole
    )


def _closing_box(unit: etree._Element, article: etree._Element) -> etree._Element | None:
    """A box closing the article with a heading of its own and a line or two under it (a
    newsletter or a methods note), after the article's bare paragraphs and headings."""
    box = unit.getparent()
    if box is None or box is article:
        return None
    while True:
        before = _previous_with_text(box)
        parent = box.getparent()
        if before is not None or parent is None or parent is article:
            break
        box = parent
    if before is None or box.tag not in _CONTAINERS:
        return None
    if not (before.tag == "p" or before.tag in _HEADINGS) or text_length(box) > _BOX_MAX:
        return None
    first = next((u for u in box.iter(*_UNITS) if u is not box and has_text(u)), None)
    return box if first is not None and first.tag in _HEADINGS else None


def _previous_with_text(el: etree._Element) -> etree._Element | None:
    """The nearest sibling before ``el`` that holds text, or None."""
    before = el.getprevious()
    while before is not None and not has_text(before):
        before = before.getprevious()
    return before


def _only_text_in(parent: etree._Element, box: etree._Element) -> bool:
    """Whether ``box`` holds all the text of ``parent``."""
    if (parent.text or "").strip():
        return False
    return not any(
        (child.tail or "").strip() or (child is not box and has_text(child)) for child in parent
    )


def _is_heading(unit: etree._Element, text: str) -> bool:
    """A heading, or a box made a paragraph round nothing but a heading (the scoring turns a
    box without blocks inside into a paragraph, and a heading is no block to it)."""
    if unit.tag in _HEADINGS:
        return True
    inner = next(unit.iter(*_HEADINGS), None)
    return inner is not None and inner_text(inner) == text


def _link_share(el: etree._Element, text: str) -> float:
    linked = sum(len(inner_text(a)) for a in el.iter("a"))
    return linked / len(text)
