"""A second look at the scoring's pick: an ancestor that scores as well and holds much more."""

from __future__ import annotations

from collections.abc import Callable, Container

from lxml import etree

from archivist.ingest.html.htmldom import text_length

AS_GOOD = 0.95
"""Share of the best candidate's score an ancestor must reach to stand for the same text."""
WIDER = 1.5
"""Times the pick's text an ancestor must hold to be worth taking: a little more is a byline
or a line under the post."""
_LEVELS = 4


def as_good_and_wider(
    top: etree._Element,
    best: float,
    scored: Container[etree._Element],
    score: Callable[[etree._Element], float],
) -> etree._Element:
    """The outermost of the pick's near ancestors that scored almost as well as the candidate
    the climb started from (``best``) and hold half as much text again as the pick, else the
    pick. An ancestor gets at most half the points of each paragraph below its child, so one
    that scores as well gathered them from much other text: the pick was a nested box of a
    long article (a post split into blocks, a recipe's lists and steps)."""
    own = text_length(top)
    for level, node in enumerate(top.iterancestors()):
        if level >= _LEVELS or node.tag in ("body", "html"):
            break
        if node in scored and score(node) >= AS_GOOD * best and text_length(node) >= WIDER * own:
            top = node
    return top
