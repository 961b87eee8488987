"""Small lxml helpers shared by the HTML importer: selection, text measures, removal."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from archivist.ingest.html.htmltext import FOOTNOTE_TAG

_PHRASING = frozenset(
    {
        "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn",
        "em", "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript",
        "object", "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span",
        "strong", "sub", "sup", "textarea", "time", "var", "wbr", "a", "del", "ins", "u", "s",
        "font", "tt", "big", FOOTNOTE_TAG,
    }
)  # fmt: skip
_MEANINGFUL = frozenset(
    {"class", "role", "rel", "itemprop", "itemtype", "data-type", "aria-label", "style",
     "hidden", "aria-hidden", "aria-modal"}
)  # fmt: skip
"""Attributes the importer reads meaning from."""
_STRING = etree.XPath("string()")


def is_element(el: etree._Element) -> bool:
    """False for comments and processing instructions, whose tags are not strings."""
    return isinstance(el.tag, str)


def attributed(root: etree._Element) -> list[etree._Element]:
    """The elements of ``root``'s document, in document order, carrying any attribute the
    importer reads meaning from. A walk testing attribute names in Python: the XPath
    predicate with ten attribute tests took three times as long."""
    return [
        el for el in root.getroottree().getroot().iter() if not _MEANINGFUL.isdisjoint(el.keys())
    ]


Targets = dict[str | None, etree._Element]
"""The elements in-page links reach, by anchor name or id."""


def link_targets(root: etree._Element) -> Targets:
    """The elements an in-page link can reach, by the ``name`` of an anchor and by id (an id
    winning over a name), among ``root``'s descendants."""
    targets = {el.get("name"): el for el in root.iterfind(".//a[@name]")}
    targets.update({el.get("id"): el for el in root.iterfind(".//*[@id]")})
    return targets


@dataclass(frozen=True, slots=True)
class PageWalk:
    """What one walk over a page's elements gathers for the steps after it."""

    marked: list[etree._Element]
    """``attributed(root)``."""
    targets: Targets
    """``link_targets(root)``."""
    with_ids: list[etree._Element]
    """The elements with an id, in document order."""
    roled: list[etree._Element]
    """The elements with a role or an itemprop, in document order."""


def walk_page(root: etree._Element) -> PageWalk:
    """``attributed(root)``, ``link_targets(root)`` and the elements with an id, a role or an
    itemprop, found in one walk: the searches for each went over every element again."""
    top = root.getroottree().getroot()
    marked: list[etree._Element] = []
    with_ids: list[etree._Element] = []
    roled: list[etree._Element] = []
    names: Targets = {}
    ids: Targets = {}
    for el in top.iter():
        keys = el.keys()
        if not keys:
            continue
        if not _MEANINGFUL.isdisjoint(keys):
            marked.append(el)
            if "role" in keys or "itemprop" in keys:
                roled.append(el)
        if "id" in keys:
            with_ids.append(el)
        if el is not root:  # the targets are descendants
            if "id" in keys:
                ids[el.get("id")] = el
            if "name" in keys and el.tag == "a":
                names[el.get("name")] = el
    names.update(ids)
    return PageWalk(marked, names if root is top else link_targets(root), with_ids, roled)


def select(path: etree.XPath, root: etree._Element) -> list[etree._Element]:
    """The elements an XPath selects (any text or attribute results are left out)."""
    result = path(root)
    return (
        [el for el in result if isinstance(el, etree._Element)] if isinstance(result, list) else []
    )


def text_content(el: etree._Element) -> str:
    """All the text inside an element."""
    if not len(el):  # a leaf (most links, spans, labels): its own text, without the XPath call
        return el.text or ""
    return str(_STRING(el))


_TEXT_LEN = etree.XPath("string-length(normalize-space(.))")


def text_length(el: etree._Element) -> int:
    """Length of the element's whitespace-collapsed text, measured without building it."""
    if not len(el):  # a leaf: its own text, when it has no white space to collapse
        text = el.text
        if not text:
            return 0
        if not (
            "  " in text
            or "\n" in text
            or "\t" in text
            or "\r" in text
            or " " in (text[0], text[-1])
        ):
            return len(text)
    return int(_TEXT_LEN(el))  # type: ignore[arg-type]


def inner_text(el: etree._Element) -> str:
    """The element's text with whitespace collapsed, as a reader would see it."""
    return " ".join(text_content(el).split())


def remove(el: etree._Element) -> None:
    """Detach an element from its tree, keeping the text that follows it."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        previous = el.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def wrap_phrasing(div: etree._Element) -> None:
    """Wrap runs of loose text and inline elements in a div into paragraphs, as Readability does."""
    lead = div.text if div.text and div.text.strip() else None
    children = list(div)
    if lead is None and not any(
        (isinstance(c.tag, str) and c.tag in _PHRASING) or (c.tail and c.tail.strip())
        for c in children
    ):
        # Only blocks and blank space (most boxes): nothing to wrap, so the children stay in
        # place and only their blank tails go, as below, without moving every child twice.
        for child in children:
            child.tail = None
        return
    wrap_every_child(div)


def wrap_every_child(div: etree._Element) -> None:
    """``wrap_phrasing`` without its shortcut: every child is moved into its new place."""
    run: list[etree._Element] = []
    lead = div.text if div.text and div.text.strip() else None
    children = list(div)
    if lead is not None:
        div.text = None
    new_children: list[etree._Element] = []

    def close() -> None:
        nonlocal lead, run
        if lead is None and not run:
            return
        if (
            lead is not None
            or any(c.tag != "br" for c in run)
            or any((c.tail or "").strip() for c in run)
        ):
            p = etree.Element("p")
            p.text = lead
            for c in run:
                p.append(c)
            new_children.append(p)
        else:
            new_children.extend(run)
        lead, run = None, []

    for child in children:
        div.remove(child)
        if isinstance(child.tag, str) and child.tag in _PHRASING:
            run.append(child)
            continue
        close()
        tail = child.tail
        child.tail = None
        new_children.append(child)
        if tail and tail.strip():
            lead = tail
    close()
    for position, child in enumerate(new_children):
        div.insert(position, child)


# Commas in Latin, Arabic-script and full-width text all mark a clause (as in Readability).
_COMMA_MARKS = (",", "،", "，")
_NUMBER_COMMA = re.compile(r",\s?\d")


def clause_commas(text: str) -> int:
    """The commas of ``text`` that mark a clause: one before a digit belongs to a date
    ("Jan 30, 2020") or a number, and a list of dated links is no prose."""
    commas = sum(text.count(mark) for mark in _COMMA_MARKS)
    return commas - len(_NUMBER_COMMA.findall(text)) if commas else 0


def similarity(a: str, b: str) -> float:
    """How much of ``b``'s wording ``a`` shares, 0 to 1 (Readability's text similarity)."""
    tokens_a = [t for t in re.split(r"\W+", a.lower()) if t]
    tokens_b = [t for t in re.split(r"\W+", b.lower()) if t]
    if not tokens_a or not tokens_b:
        return 0.0
    unique_b = [t for t in tokens_b if t not in tokens_a]
    distance = len(" ".join(unique_b)) / len(" ".join(tokens_b))
    return 1 - distance


TITLE_LIKE = 0.75
"""How much of a heading's wording the page's title must share to be its heading."""


def title_heading(root: etree._Element, title: str) -> etree._Element | None:
    """The first h1 or h2 in ``root`` that repeats the page's title, or None."""
    if not title:
        return None
    return next(
        (h for h in root.iter("h1", "h2") if similarity(title, inner_text(h)) > TITLE_LIKE), None
    )


_LINK_TEXT = etree.XPath(".//a//text()", smart_strings=False)
_HASH_LINK_TEXT = etree.XPath(
    ".//a[starts-with(@href, '#') and string-length(@href) > 1]//text()", smart_strings=False
)


def has_ancestor(el: etree._Element, tags: tuple[str, ...]) -> bool:
    """Whether ``el`` sits inside an element with one of ``tags``."""
    return any(True for _ in el.iterancestors(*tags))


def holds_marker(el: etree._Element) -> bool:
    """Whether a footnote marker placeholder sits inside ``el`` (``.//archivist-fn``), found
    by a walk by tag, nearly twice as fast as the path search; a leaf holds none."""
    return len(el) > 0 and next(el.iterdescendants(FOOTNOTE_TAG), None) is not None


def has_text(el: etree._Element) -> bool:
    """Whether any text inside ``el`` is not blank; stops at the first that is not, where
    building the whole text (of every nested box tested) cost the most. A leaf's text is
    read directly."""
    if not len(el):
        text = el.text or ""
        return bool(text) and not text.isspace()
    return any(text and not text.isspace() for text in el.itertext())


def without_content(el: etree._Element) -> bool:
    """Whether ``el`` holds no text and no child but line breaks and rules."""
    # The children first: a box holding any other element is settled without reading text.
    if not all(c.tag in ("br", "hr") for c in el if isinstance(c.tag, str)):
        return False
    return not has_text(el)


def link_density(el: etree._Element, text_len: int | None = None) -> float:
    """The share of ``el``'s text inside links, in-page (#) links counting for less;
    ``text_len`` is ``text_length(el)`` when the caller has it already."""
    if text_len is None:
        text_len = text_length(el)
    if not text_len:
        return 0.0
    linked = len(" ".join("".join(_LINK_TEXT(el)).split()))  # type: ignore[arg-type]
    if not linked:
        return 0.0
    hashed = len(" ".join("".join(_HASH_LINK_TEXT(el)).split()))  # type: ignore[arg-type]
    return (linked - 0.7 * hashed) / text_len


def is_data_table(table: etree._Element) -> bool:
    """Whether a table holds data (Readability's test) rather than laying out the page."""
    if table.get("role") == "presentation" or table.get("datatable") == "0":
        return False
    if table.get("summary") or table.find("caption") is not None:
        return True
    if any(True for _ in table.iter("col", "colgroup", "tfoot", "thead", "th")):
        return True
    if table.find(".//table") is not None:
        return False
    rows = sum(1 for _ in table.iter("tr"))
    columns = max(
        (len(tr.findall("td")) + len(tr.findall("th")) for tr in table.iter("tr")), default=0
    )
    return rows >= 10 or columns > 4 or rows * columns > 10


_COUNTED = (
    "p",
    "img",
    "li",
    "input",
    "object",
    "embed",
    "iframe",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
)
_EMBEDS = frozenset({"object", "embed", "iframe"})


def box_counts(el: etree._Element) -> tuple[int, int, int, int, int, int]:
    """Readability's counts for a box (itself included): paragraphs, images, list items,
    inputs, characters of headings, and embeds; one walk, not one for each kind."""
    paragraphs = images = items = inputs = headings = embeds = 0
    for node in el.iter(*_COUNTED):
        tag = node.tag
        if tag == "p":
            paragraphs += 1
        elif tag == "li":
            items += 1
        elif tag == "img":
            images += 1
        elif tag == "input":
            inputs += 1
        elif tag in _EMBEDS:
            embeds += 1
        else:
            headings += len(inner_text(node))
    return paragraphs, images, items, inputs, headings, embeds
