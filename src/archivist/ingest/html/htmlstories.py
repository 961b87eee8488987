"""The story under the page's title, when the pick holds the next stories or is one."""

from __future__ import annotations

from lxml import etree

from archivist.ingest.html.htmldom import link_density, text_length


def title_story(
    top: etree._Element, anchor: etree._Element | None, least: int
) -> etree._Element | None:
    """The one of like story blocks inside the pick, or beside it, that holds the page's
    title, when the pick holds several or is one of them (a page that appends the next
    stories below its own); for a pick apart from the title, else the nearest box round the
    title holding more text than the pick. ``anchor`` is where the title heading sat; a
    story holds at least ``least`` characters."""
    if anchor is None or anchor is top:
        return None
    if top not in anchor.iterancestors():
        beside = _story_beside(top, anchor, least)
        return beside if beside is not None else _title_block(top, anchor)
    own = [a for a in anchor.iterancestors("article") if top in a.iterancestors()]
    if own:  # the article round the title, if the pick holds other articles beside it
        home = own[0]
        others = [
            a
            for a in top.iter("article")
            if a is not home
            and home not in a.iterancestors()
            and a not in home.iterancestors()
            and text_length(a) >= least
        ]
        if others and text_length(home) >= least:
            return home
    story = anchor
    while story.getparent() is not top:
        story = story.getparent()  # type: ignore[assignment]
    if text_length(story) < least:
        return None
    alike = [
        c
        for c in top
        if c is not story
        and c.tag == story.tag
        and c.get("class") == story.get("class")
        and text_length(c) >= least
    ]
    return story if alike else None


def _story_beside(top: etree._Element, anchor: etree._Element, least: int) -> etree._Element | None:
    """The story that holds the page's title heading, when the pick lies in a like story
    beside it (the same tag and class under one container) and that story holds, where the
    pick stands in its own, a block of the same path of tags and classes with ``least``
    characters or more: the pick was the body of the next story the page appended."""
    around = set(anchor.iterancestors())
    path: list[etree._Element] = []
    story = top
    while (parent := story.getparent()) is not None and parent not in around:
        path.append(story)
        story = parent
    container = story.getparent()
    if container is None or container.tag in ("body", "html"):
        return None
    home = next((c for c in container if c in around), None)
    if home is None or home.tag != story.tag or home.get("class") != story.get("class"):
        return None
    twin = home
    for step in reversed(path):
        found = next(
            (c for c in twin if c.tag == step.tag and c.get("class") == step.get("class")),
            None,
        )
        if found is None:
            return None
        twin = found
    return home if text_length(twin) >= least else None


_BLOCK_LEVELS = 5
_BLOCK_TEXT_MIN = 100


def _title_block(top: etree._Element, anchor: etree._Element) -> etree._Element | None:
    """The nearest box round the title heading, apart from the pick, that holds more text
    outside links than the pick: a recipe's ingredients and steps under its title, against
    one long description elsewhere in the page. None when the boxes round the title hold
    the pick first."""
    for level, block in enumerate([anchor, *anchor.iterancestors()]):
        if level > _BLOCK_LEVELS or block.tag in ("body", "html"):
            return None
        length = text_length(block)
        if length < _BLOCK_TEXT_MIN:
            continue
        if block is top or block in top.iterancestors():
            return None
        if length * (1 - link_density(block)) >= text_length(top):
            return block
    return None
