"""Find a page's main content with a Readability-style scoring pass over the lxml tree."""

from __future__ import annotations

import copy
import itertools
import json

from lxml import etree

from archivist.ingest.html.htmldom import (
    link_density,
    select,
    text_content,
    text_length,
    title_heading,
)
from archivist.ingest.html.readability import (
    CHAR_THRESHOLD,
    CLEAN_CONDITIONALLY,
    STRIP_UNLIKELY,
    WEIGHT_CLASSES,
    Content,
    Grabber,
)

_LD_SCRIPTS = etree.XPath("//script[@type='application/ld+json']")


def schema_article_body(root: etree._Element) -> str:
    """The longest schema.org ``articleBody`` in the page's JSON-LD, or an empty string."""
    best = ""
    for script in select(_LD_SCRIPTS, root):
        raw = script.text or ""
        if "articleBody" not in raw:
            continue
        try:
            stack: list[object] = [json.loads(raw)]
        except (ValueError, RecursionError):  # broken, or nested past what the parser takes
            continue
        while stack:  # a walk, not a recursion: the JSON may nest deeper than Python allows
            item = stack.pop()
            if isinstance(item, dict):
                body = item.get("articleBody")
                if isinstance(body, str) and len(body) > len(best):
                    best = body
                stack.extend(item.values())
            elif isinstance(item, list):
                stack.extend(item)
    return best


def find_content(root: etree._Element, title: str) -> Content:
    """The main content of a furniture-free tree; retries with looser rules like Readability."""
    attempts: list[tuple[int, Content]] = []
    flags = STRIP_UNLIKELY | WEIGHT_CLASSES | CLEAN_CONDITIONALLY
    if _is_large(root):
        # A page of tens of thousands of elements is an article of many times the threshold:
        # copying its tree for retries that never come doubled the import's peak memory.
        return Grabber(root, flags, title).grab()
    for drop in (0, STRIP_UNLIKELY, WEIGHT_CLASSES, CLEAN_CONDITIONALLY):
        flags &= ~drop
        work = copy.deepcopy(root)
        content = Grabber(work, flags, title).grab()
        text = text_content(content.element)
        # Words of a prefix are the text's first words, so its collapsed length is no more
        # than the whole text's: a long article is settled without splitting all of it.
        if _collapsed_length(text[: 4 * CHAR_THRESHOLD]) >= CHAR_THRESHOLD:
            return content
        length = _collapsed_length(text)
        if length >= CHAR_THRESHOLD:
            return content
        attempts.append((length, content))
    return max(attempts, key=lambda pair: pair[0])[1]


_PROSE_BLOCKS = ("p", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div")
_BLOCK_CHILDREN = frozenset(
    {"p", "div", "blockquote", "pre", "ul", "ol", "li", "table", "section", "article", "h1",
     "h2", "h3", "h4", "h5", "h6", "figure", "form", "dl", "header", "footer", "main", "aside"}
)  # fmt: skip
SPREAD_SHARE = 0.1
"""A pick holding less than a tenth of the page's prose is a fragment of a spread page."""
_SPREAD_MIN = 1000


_MAIN_REGIONS = etree.XPath(
    "//main | //article | //*[@role='main' or @itemprop='articleBody' or @itemprop='articlebody']"
)


def widest_region(root: etree._Element) -> etree._Element | None:
    """The last resort when every look found a fragment: the largest element the page marks
    as its main content or an article, else all the page's prose gathered; a copy, or None
    when the page has neither."""
    marked = marked_region(root)
    return marked if marked is not None else gather_prose(root, 0, share=1.0)


def marked_region(root: etree._Element) -> etree._Element | None:
    """A copy of the largest element with text that the page marks as its main content or
    an article, or None."""
    regions = select(_MAIN_REGIONS, root)
    if regions:
        best = max(regions, key=text_length)
        if text_length(best):
            twin = copy.deepcopy(best)
            twin.tail = None
            wrapper = etree.Element("div")
            wrapper.append(twin)
            return wrapper
    return None


TITLE_BLOCK_MAX = 5
"""Levels above the title heading looked at for the block that holds the page's text."""


def title_block(root: etree._Element, title: str) -> etree._Element | None:
    """The prose round the heading that repeats the page's title: the paragraphs (few links)
    of the nearest of its ancestors holding text beside the heading, gathered; or None.
    The text of a one-paragraph page sits there, whatever its classes are called."""
    heading = title_heading(root, title)
    if heading is None:
        return None
    own = text_length(heading)
    for level, block in enumerate(heading.iterancestors()):
        if level >= TITLE_BLOCK_MAX or block.tag in ("body", "html"):
            break
        if text_length(block) - own < _TITLE_TEXT_MIN:
            continue
        blocks, total = _prose_blocks(block)
        return _gathered(blocks) if total - own >= _TITLE_TEXT_MIN else None
    return None


_TITLE_TEXT_MIN = 100


def gather_prose(
    root: etree._Element, picked: int, *, share: float = SPREAD_SHARE
) -> etree._Element | None:
    """The page's prose blocks (paragraphs, headings, list items, text-only boxes with few
    links), gathered in page order into one element, when the page keeps its text in many
    separate sections and the pick (``picked`` characters) holds under a tenth of it: a
    landing or "about us" page has no one container for its text. None otherwise."""
    if _is_large(root):
        return None  # scored in place: the pick is no longer in the tree to compare with
    body = root.find("body")
    if body is None:
        body = root
    if text_length(body) * share <= picked:
        return None
    blocks, total = _prose_blocks(body)
    if total < _SPREAD_MIN or total * share <= picked:
        return None
    return _gathered(blocks)


def _prose_blocks(body: etree._Element) -> tuple[list[etree._Element], int]:
    """The prose blocks under ``body`` in page order, and their characters of text."""
    blocks: list[etree._Element] = []
    total = 0
    for el in body.iter(*_PROSE_BLOCKS):
        if blocks and blocks[-1] in el.iterancestors():
            continue  # inside a block already taken
        if el.tag == "div" and any(c.tag in _BLOCK_CHILDREN for c in el):
            continue  # a container: its blocks are met on their own
        length = text_length(el)
        if not length or link_density(el, length) >= 0.3:
            continue
        if el.tag in ("div", "li") and length < 25:
            continue  # a label of the interface ("Kontakt"), not a line of the page's text
        blocks.append(el)
        total += length
    return blocks, total


def _gathered(blocks: list[etree._Element]) -> etree._Element:
    """Copies of the blocks in one element, text-only boxes made paragraphs."""
    gathered = etree.Element("div")
    for el in blocks:
        twin = copy.deepcopy(el)
        twin.tail = None
        if twin.tag == "div":
            twin.tag = "p"
        gathered.append(twin)
    return gathered


LARGE_PAGE_ELEMENTS = 50_000
"""Pages with more elements than this are scored once, in place (see find_content)."""


def _collapsed_length(text: str) -> int:
    """The length of ``text`` with runs of white space made one space and the ends trimmed."""
    return len(" ".join(text.split()))


def _is_large(root: etree._Element) -> bool:
    return next(itertools.islice(root.iter(), LARGE_PAGE_ELEMENTS, None), None) is not None
