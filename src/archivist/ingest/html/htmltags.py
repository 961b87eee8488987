"""The article's tag and category links, found by the link type the page gives them."""

from __future__ import annotations

from lxml import etree

from archivist.ingest.html.htmldom import remove, select, text_length

_TAGGED = etree.XPath(
    ".//*[contains(concat(' ', translate(normalize-space(@rel), 'TAG', 'tag'), ' '), ' tag ')]"
)
"""Links, or script-driven spans standing for them, of the link type "tag"."""
_BLOCKS = frozenset({"ul", "ol", "li", "p", "div", "dl", "dd", "dt", "section", "span"})
_TAGS_SHARE = 0.5
"""Share of a box's text its tag links must make for the box to be a tag list."""


def drop_tag_lists(article: etree._Element) -> None:
    """Drop the boxes made of links the page marks ``rel="tag"`` (the post's tags and
    categories; a span clicked through by script counts as a link): the outermost block round
    each whose text is mostly such links, labels and separators aside. A tag link set in a
    sentence stays with its sentence."""
    links = select(_TAGGED, article)
    if not links:
        return
    tagged = set(links)
    boxes: list[etree._Element] = []
    for link in links:
        box = None
        for node in link.iterancestors():
            if node is article or node.tag not in _BLOCKS:
                break
            tags = sum(text_length(a) for a in node.iter() if a in tagged)
            if tags < _TAGS_SHARE * text_length(node):
                break
            box = node
        if box is not None and not any(b is box or b in box.iterancestors() for b in boxes):
            boxes = [b for b in boxes if box not in b.iterancestors()]
            boxes.append(box)
    for box in boxes:
        remove(box)
