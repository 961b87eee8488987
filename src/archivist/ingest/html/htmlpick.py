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


TITLE_SIDE_SHARE = 0.5
"""Share of the best candidate's score a block at the title must reach to be taken instead
of a pick that lies wholly before the title."""


def title_side(
    top: etree._Element,
    anchor: etree._Element | None,
    ranked: list[etree._Element],
    score: Callable[[etree._Element], float],
) -> etree._Element:
    """The best of the ranked candidates that holds the page's title heading (``anchor`` is
    where it sat) or follows it, when the pick lies wholly before the title and apart from
    that candidate, and the candidate scored at least half as well as the best: a notice or
    a teaser box above the page's title heading is not the text the title heads. The pick
    otherwise."""
    if anchor is None or not ranked or not _precedes(top, anchor):
        return top
    best = score(ranked[0])
    for el in ranked:
        if score(el) < TITLE_SIDE_SHARE * best:
            break
        if top in el.iterancestors() or el in top.iterancestors() or el is top:
            continue
        if el is anchor or el in anchor.iterancestors() or _precedes(anchor, el):
            return el
    return top


def _precedes(a: etree._Element, b: etree._Element) -> bool:
    """True when ``a`` ends before ``b`` begins in page order (neither holds the other)."""
    above_b = {id(x): x for x in [b, *b.iterancestors()]}
    child_a = a
    for node in a.iterancestors():
        if id(node) in above_b:
            if child_a is b or node is b:
                return False
            child_b = b
            while child_b.getparent() is not node:
                child_b = child_b.getparent()  # type: ignore[assignment]
            return node.index(child_a) < node.index(child_b)
        child_a = node
    return False


CLIMB_SHARE = 0.5
"""Share of the pick's score a parent holding much more text must reach to be climbed to."""
CLIMB_WIDER = 2
"""Times the pick's text that makes a parent hold much more."""


def worth_climbing(score: float, first: float, parent: etree._Element, top: etree._Element) -> bool:
    """Whether a parent whose ``score`` rose over its child's on the climb from the pick
    (which scored ``first``) is worth taking: it scores at least half as well as the pick,
    or holds little more text. A parent that gathered its points from a comment thread or
    a box of teasers beside the article scores far below the pick and holds much more."""
    return score >= CLIMB_SHARE * first or text_length(parent) < CLIMB_WIDER * text_length(top)
