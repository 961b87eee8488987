"""The story under the page's title, when the pick holds the next stories beside it."""

from __future__ import annotations

from lxml import etree

from archivist.ingest.html.htmldom import text_length


def title_story(
    top: etree._Element, anchor: etree._Element | None, least: int
) -> etree._Element | None:
    """The one of like story blocks inside the pick that holds the page's title, when the
    pick holds several (a page that appends the next stories below its own). ``anchor`` is
    where the title heading sat; a story holds at least ``least`` characters."""
    if anchor is None or anchor is top or top not in anchor.iterancestors():
        return None
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
