"""Drop page furniture (navigation, share and subscribe boxes, comments, banners, infoboxes)."""

from __future__ import annotations

import functools
import re

from lxml import etree

from archivist.ingest.htmldom import ATTRIBUTED, remove, select, text_content

# Matched against each class token whole, so "l-sidebar-fixed" layout classes are not furniture.
_FURNITURE_CLASS = re.compile(
    r"^(?:[a-z]{1,8}[-_])?(?:share|sharing|social|subscribe|subscription|newsletter|signup|"
    r"comments?|comment-list|related|related-posts|recommended|cookie|cookies|consent|gdpr|"
    r"cc-banner|mw-editsection|navbox|vertical-navbox|infobox|sidebar|noprint|mw-jump-link|"
    r"catlinks|printfooter|ambox|hatnote|toc|breadcrumbs?|advert|ad-slot|promo)"
    r"(?:[-_](?:box|bar|buttons?|links?|container|wrapper|section|area|list|widget|block|"
    r"module|tools|icons|banner|notice|form|popup))?$",
    re.I,
)
_FURNITURE_ROLES = frozenset(
    {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"}
)
_FURNITURE_TAGS = ("nav", "aside", "footer", "button", "iframe", "object", "embed")
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "link",
    "meta",
    "input",
    "select",
    "textarea",
    "svg",
    "canvas",
    "video",
    "audio",
)
_CITATION_NEEDED = re.compile(r"\[?\s*(citation|clarification) needed\s*\]?", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def strip_furniture(root: etree._Element, marked: list[etree._Element] | None = None) -> None:
    """Drop navigation, share, subscribe, comment, related, cookie, edit and infobox furniture.

    ``marked`` is ``select(ATTRIBUTED, root)`` when the caller already has it; elements in it
    that are no longer in the tree do no harm.
    """
    if marked is None:
        marked = select(ATTRIBUTED, root)
    for el in list(root.iter(*_DROP_TAGS)):
        remove(el)
    doomed: list[etree._Element] = list(root.iter(*_FURNITURE_TAGS))
    for el in marked:
        style = el.get("style")
        if (
            (el.get("class") and _furniture(el.get("class", "")))
            or el.get("hidden") is not None
            or el.get("aria-hidden") == "true"
            or el.get("role") in _FURNITURE_ROLES
            or (style and _HIDDEN_STYLE.search(style))
        ):
            doomed.append(el)
    doomed.extend(
        img
        for img in root.iter("img")
        if img.get("width") in ("0", "1") or img.get("height") in ("0", "1")
    )
    doomed.extend(sup for sup in root.iter("sup") if _citation_needed(sup))
    for el in doomed:
        if el.tag not in ("html", "body", "article"):
            remove(el)


@functools.lru_cache(maxsize=8192)
def _furniture(cls: str) -> bool:
    return any(_FURNITURE_CLASS.match(token) for token in cls.split())


def _citation_needed(sup: etree._Element) -> bool:
    text = text_content(sup)
    return len(text) < 40 and bool(_CITATION_NEEDED.fullmatch(text.strip()))
