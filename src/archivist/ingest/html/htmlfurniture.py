"""Drop page furniture (navigation, share and subscribe boxes, comments, banners, infoboxes)."""

from __future__ import annotations

import functools
import re

from lxml import etree

from archivist.ingest.html.htmlconsent import consent_notices
from archivist.ingest.html.htmldom import (
    PageWalk,
    link_density,
    remove,
    text_content,
    text_length,
    title_heading,
    walk_page,
)
from archivist.ingest.html.htmllogin import login_box
from archivist.ingest.html.htmlthreads import comment_thread
from archivist.ingest.text.caseblind import CaseBlind

# Matched against each class token whole, so "l-sidebar-fixed" layout classes are not furniture.
_FURNITURE_CLASS = re.compile(
    # "with-navigation", "has-sidebar", "no-comments": layout states of a wrapper, not furniture
    r"^(?!(?:with|has|no|is|without|show|hide)[-_])(?:[a-z0-9]{1,8}(?:-|_|--|__))?(?:share|sharing|social|subscribe|subscription|newsletter|signup|"
    r"comments?|comment-list|related|related-posts|recommended|cookie|cookies|consent|gdpr|"
    r"cc-banner|mw-editsection|navbox|vertical-navbox|infobox|sidebar|noprint|mw-jump-link|"
    r"catlinks|printfooter|ambox|hatnote|toc|breadcrumbs?|advert|ad-slot|promo|"
    # disclaimers, post metadata and author boxes, adverts, lists of other articles, dialogs
    r"disclaimer|disclosure|affiliate|postmetadata|post-?meta|entry-meta|entry-utility|"
    r"post-?ratings?|(?:post-?)?author(?:-|_|--|__)?(?:bio|info|box|details)|about-?(?:the-?)?author|adv|ads|advertisement|anzeige|"
    r"werbung|most-?read|popular-posts|trending|also-?read|further-?reading|"
    r"more-?articles|post-navigation|nav-links|tag-?cloud|tags|keywords|modal|dialog|login|"
    r"credits?|copyright|photo-?credit|image-?credit|"
    # menus and overlays in markup without <nav> or a role, teaser lists, app promotions
    r"nav|navigation|navbar|menu|menubar|mobile-?nav|mega-?menu|overlay|"
    r"related-?post|app-?(?:promo|banner|download|stores?)|appstores?|"
    # recommendation services, user cards, privacy placeholders of embedded media, paywalls
    r"outbrain|taboola|criteo|plista|syndication|most-?popular|more-?on|"
    r"(?:next|prev|previous)-?(?:posts?|articles?|stor(?:y|ies))|user-?(?:info|profile|card)|"
    r"timestamp|embedded|embed-?privacy|third-?party(?:-?services?)?|privacy-?(?:notice|banner)|paywall|"
    # the same furniture named in the languages of the pages the importer meets
    r"kommentare?|teilen|empfehlungen?|verwandte?|comentarios?|relacionad[oa]s?|compartir|"
    r"publicidad|commentaires?|partage|pubblicita|commenti|correlati|komentarze?|powiazane|"
    r"reklama|reclame|gerelateerd|delen)"
    r"(?:(?:-|_|--|__)?(?:box|bar|buttons?|links?|container|wrapper|section|area|list|widget|block|"
    r"module|tools|icons|banner|notice|form|popup|content|items|articles|posts|stories|text|"
    r"disclaimer|disclosure|placeholder|feed))?$",
    re.I,
)
_FURNITURE_ROLES = frozenset(
    {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"}
)
_MAIN_TAGS = ("article", "main")
_KEPT = frozenset({"html", "body", "article", "main"})
"""Tags never removed as furniture, whatever their names say."""
_TYPED_INPUTS = (None, "text", "email", "search", "tel")
"""The ``type`` of an input the reader types into (none given is text)."""
_FURNITURE_TAGS = ("nav", "aside", "footer", "button", "iframe", "object", "embed")
_DROP_TAGS = (
    "script",
    "style",
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
_NOT_ID_ONLY = frozenset({"class", "role", "style", "hidden", "aria-hidden"})
"""With one of these, an element's id was read with its other attributes already."""
_MAIN_CONTENT = etree.XPath(
    ".//main | .//*[@role='main' or @itemprop='articleBody' or @itemprop='articlebody']"
)
_BODY_PROPS = ("articleBody", "articlebody")
"""The itemprop values ``_MAIN_CONTENT`` selects."""
_NEVER_THE_PAGE = re.compile(
    r"cookie|consent|gdpr|cc-|newsletter|subscri|modal|dialog|popup|comment|related|recommend|"
    r"share|sharing|social|promo|advert|paywall",
    re.I,
)
"""Banners, dialogs, comments and lists of other articles are furniture however much of the
page's text they hold; only a layout wrapper ("has-sidebar") can hold the article."""
_CORE_SHARE = 0.5
"""An element holding more than this share of the page's text is the page, not furniture."""
_CITATION_NEEDED = re.compile(r"\[?\s*(citation|clarification) needed\s*\]?", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


def strip_furniture(
    root: etree._Element,
    walk: PageWalk | None = None,
    *,
    by_name: bool = True,
    title: str = "",
) -> None:
    """Drop navigation, share, subscribe, comment, related, cookie, edit and infobox furniture.

    ``walk`` is ``walk_page(root)`` when the caller already has it; elements in it that are
    no longer in the tree do no harm, and none gains an attribute in between. With
    ``by_name`` false, class and id names are not read: only tags, roles and hidden markers
    count. ``title`` is the page's title, whose heading tells a box hidden from the reader
    from a page shown by script.
    """
    if walk is None:
        walk = walk_page(root)
    entry_forms = _entry_forms(root)
    login = login_box(root)  # found by its fields, which go with the other controls
    for el in list(root.iter(*_DROP_TAGS)):
        remove(el)
    body = root.find("body")
    if body is None:
        body = root
    _drop_noscript(body)
    doomed: list[etree._Element] = list(root.iter(*_FURNITURE_TAGS))
    by_attribute: list[etree._Element] = []
    for el in walk.marked:  # each attribute read once: this runs for most elements of a page
        cls, ident, style = el.get("class"), el.get("id"), el.get("style")
        if (
            (by_name and cls and _furniture(cls))
            or (by_name and ident and _furniture(ident))
            or el.get("hidden") is not None
            or el.get("aria-hidden") == "true"
            or el.get("aria-modal") == "true"
            or el.get("role") in _FURNITURE_ROLES
            or (style and _HIDDEN_STYLE.search(style))
        ):
            by_attribute.append(el)
    # A dialog not open is not shown: a login or consent box waiting for a click.
    by_attribute.extend(d for d in root.iter("dialog") if d.get("open") is None)
    if by_name:
        by_attribute.extend(
            el
            for el in walk.with_ids
            if _NOT_ID_ONLY.isdisjoint(el.keys()) and _furniture(el.get("id", ""))
        )
    prose = _Prose(body)
    mains = _Mains(root, walk.roled)
    shown = _ShownTitle(root, title)
    if login is not None and not mains.hold(login) and not shown.inside(login):
        doomed.append(login)
    page = text_length(body) if by_attribute or entry_forms else 0  # measured once for both
    if by_attribute:
        # A box inside one already going goes with it, whatever it holds: it is not weighed.
        going = {el for el in doomed if el.tag not in _KEPT}
        for el in by_attribute:
            if going and any(a in going for a in el.iterancestors()):
                continue
            if (shown.outside(el) and prose.outside(el) >= _SHOWN_PROSE_MIN) or (
                not holds_the_page(el, page, mains) and not prose.held_by(el)
            ):
                doomed.append(el)
                if el.tag not in _KEPT:
                    going.add(el)
    if entry_forms:
        doomed.extend(
            f for f in entry_forms if not holds_the_page(f, page, mains) and not prose.held_by(f)
        )
    thread = comment_thread(root)
    if (
        thread is not None
        and not holds_main(thread)
        and (prose.outside(thread) >= _OUTSIDE_MIN or _headed_text_before(body, thread))
    ):
        doomed.append(thread)  # comments under an article; a forum thread is the page
    doomed.extend(
        notice
        for notice in consent_notices(root)
        if not holds_main(notice) and not any(True for _ in notice.iterancestors(*_MAIN_TAGS))
    )
    doomed.extend(
        img
        for img in root.iter("img")
        if img.get("width") in ("0", "1") or img.get("height") in ("0", "1")
    )
    doomed.extend(sup for sup in root.iter("sup") if _citation_needed(sup))
    for el in doomed:
        if el.tag not in _KEPT:
            remove(el)


def holds_the_page(el: etree._Element, page: int, mains: _Mains | None = None) -> bool:
    """True for a layout wrapper named like furniture ("has-sidebar", "one-sidebar") that
    holds the main content: most of the page's text (not links), or the element marked as the
    main one (``mains``, when given, answers that for the tree being stripped)."""
    if el.tag in ("html", "body"):
        return True
    if _NEVER_THE_PAGE_FAST.search(f"{el.get('class', '')} {el.get('id', '')}"):
        return False
    if mains.hold(el) if mains is not None else holds_main(el):
        return True
    # Most of the text, and mostly not links: a navigation box holding a short page is no wrapper.
    return text_length(el) > _CORE_SHARE * page and link_share(el) < 0.5


class _ShownTitle:
    """The heading that repeats the page's title, found once when first asked. A box hidden by
    its style that holds most of the text is the page when script shows it whole; beside a
    title shown outside it, it is text held back from the reader (a paywall's full text, a
    copy for search engines), never the article."""

    def __init__(self, root: etree._Element, title: str) -> None:
        self.root = root
        self.title = title
        self.looked = False
        self.heading: etree._Element | None = None

    def outside(self, el: etree._Element) -> bool:
        """True when ``el`` is hidden by its style and the title's heading sits outside it."""
        style = el.get("style")
        if not style or not self.title or not _HIDDEN_STYLE.search(style):
            return False
        heading = self._heading()
        return heading is not None and el not in heading.iterancestors()

    def inside(self, el: etree._Element) -> bool:
        """True when the title's heading sits inside ``el``."""
        heading = self._heading() if self.title else None
        return heading is not None and el in heading.iterancestors()

    def _heading(self) -> etree._Element | None:
        if not self.looked:
            self.looked = True
            self.heading = title_heading(self.root, self.title)
        return self.heading


_SHOWN_PROSE_MIN = 100
"""Prose the page shows outside a hidden box (a lead at least) for the box to be held back;
with none, the page is one whose script shows the box."""


class _Mains:
    """The elements holding the one the page marks as its main content, found once when first
    asked, rather than with one XPath over each asked-about element's subtree (a wrapper's is
    most of the page). ``marked`` holds every element with a role or itemprop. Valid while the
    tree does not change."""

    def __init__(self, root: etree._Element, marked: list[etree._Element]) -> None:
        self.root = root
        self.marked = marked
        self.around: set[etree._Element] | None = None

    def hold(self, el: etree._Element) -> bool:
        """``holds_main(el)``."""
        if self.around is None:
            mains = [
                *self.root.iter("main"),
                *(
                    m
                    for m in self.marked
                    if m.get("role") == "main" or m.get("itemprop") in _BODY_PROPS
                ),
            ]
            self.around = {a for main in mains for a in main.iterancestors()}
        if el in self.around:
            return True
        top = el
        while (parent := top.getparent()) is not None:
            top = parent
        # In the tree and round no main element: none inside. Out of the tree: ask it.
        return top is not self.root and holds_main(el)


class _Prose:
    """The page's running prose (paragraphs of a sentence or more, mostly not links), measured
    once and only when asked: a box named like furniture that holds most of it is the article's
    wrapper ("toc-content", "one-sidebar", "main-modal-content"), not furniture."""

    def __init__(self, body: etree._Element) -> None:
        self.body = body
        self.total: int | None = None

    def held_by(self, el: etree._Element) -> bool:
        """True when ``el`` holds more than half the page's prose and its name is one a
        layout wrapper can carry (never comments, dialogs, banners or related lists)."""
        if el.get("role") in _FURNITURE_ROLES or el.get("hidden") is not None:
            return False
        if _NEVER_THE_PAGE_FAST.search(f"{el.get('class', '')} {el.get('id', '')}"):
            return False
        length = text_length(el)
        # More than half of at least _PROSE_MIN: a box with less text is settled before the
        # page's prose is measured (which some pages then never need).
        if length <= _CORE_SHARE * _PROSE_MIN:
            return False
        if self.total is None:
            self.total = prose_length(self.body)
        if self.total < _PROSE_MIN:
            return False
        share = _CORE_SHARE * self.total
        # Prose is part of the text: a box with too little text is settled without counting.
        return length > share and prose_length(el) > share

    def outside(self, el: etree._Element) -> int:
        """Characters of the page's prose outside ``el``."""
        if self.total is None:
            self.total = prose_length(self.body)
        return self.total - prose_length(el)


_OUTSIDE_MIN = 500
"""Prose outside a comment thread that makes it the comments under an article."""
_PROSE_MIN = 200
_HEADINGS = frozenset({"h1", "h2", "h3"})
"""Below this much prose a page has no article for a wrapper to hold."""
_PROSE_PARAGRAPH = 40
_PROSE_LINKS = 0.3


def prose_length(el: etree._Element) -> int:
    """Characters of running prose under ``el``: paragraphs of some length, mostly not links."""
    total = 0
    for p in el.iter("p"):
        length = text_length(p)
        if length >= _PROSE_PARAGRAPH and link_density(p, length) < _PROSE_LINKS:
            total += length
    return total


def _entry_forms(root: etree._Element) -> list[etree._Element]:
    """Forms asking the reader to type: newsletter sign-ups, comment and search forms. A walk
    over the forms: the path search for them (``//form[...]``) visited every node of the page."""
    return [
        form
        for form in root.getroottree().getroot().iter("form")
        if next(form.iter("textarea"), None) is not None
        or any(field.get("type") in _TYPED_INPUTS for field in form.iter("input"))
    ]


def holds_main(el: etree._Element) -> bool:
    """True when the element holds the one the page marks as its main content."""
    return bool(_MAIN_CONTENT(el))


def _drop_noscript(body: etree._Element) -> None:
    """Drop ``<noscript>`` fallbacks, unless the page keeps its text in them (a page built by
    script whose saved copy has only the fallback): then their content is the page."""
    fallbacks = list(body.iter("noscript"))
    if not fallbacks:
        return
    # A fallback parsed as raw text (markup kept as characters) is never the page.
    parsed = [el for el in fallbacks if len(el) and not _has_ancestor(el, "noscript")]
    inside = sum(text_length(el) for el in parsed)
    outside = text_length(body) - sum(text_length(el) for el in fallbacks)
    keep = parsed if inside > outside else []
    for el in keep:
        el.tag = "div"
    for el in fallbacks:
        if el.tag == "noscript":
            remove(el)
    for el in list(body.getroottree().getroot().iter("noscript")):  # any left in the head
        remove(el)


def _has_ancestor(el: etree._Element, tag: str) -> bool:
    return any(True for _ in el.iterancestors(tag))


# The same patterns, run faster over ASCII names (see caseblind).
_FURNITURE_FAST, _NEVER_THE_PAGE_FAST = CaseBlind(_FURNITURE_CLASS), CaseBlind(_NEVER_THE_PAGE)
_RELATED_WORD = re.compile(r"(?:^|[-_])(?:[Rr]elated|RELATED)(?:$|[-_A-Z0-9])")
""""related" as a word of a BEM or camel-case name: "Chapter__RelatedDls", "relatedPost"."""


@functools.lru_cache(maxsize=8192)
def _furniture(cls: str) -> bool:
    # map() rather than a generator: this runs for each class a page shows for the first time.
    return any(map(_furniture_token, cls.split()))


@functools.lru_cache(maxsize=16384)
def _furniture_token(token: str) -> bool:
    # Cached by token: whole class strings vary from page to page, their tokens much less.
    return bool(_FURNITURE_FAST.match(token) or _RELATED_WORD.search(token))


def _citation_needed(sup: etree._Element) -> bool:
    text = text_content(sup)
    return len(text) < 40 and bool(_CITATION_NEEDED.fullmatch(text.strip()))


def _headed_text_before(body: etree._Element, thread: etree._Element) -> bool:
    """True when a heading before ``thread`` opens a block beside it holding an article's worth
    of text that is not links: a recipe or a how-to in lists and short lines, whose comments
    hold more prose than it does. A forum's title heading opens no such block."""
    around = set(thread.iterancestors())
    for el in body.iter():
        if el is thread:
            break
        if el.tag not in _HEADINGS:
            continue
        own = text_length(el)
        # The heading's block: its nearest ancestor holding more than the heading.
        block = next((a for a in el.iterancestors() if text_length(a) > own), None)
        if block is None or block in around:
            continue
        if text_length(block) * (1 - link_share(block)) >= _OUTSIDE_MIN:
            return True
    return False


def link_share(el: etree._Element) -> float:
    """The share of an element's text that sits inside links."""
    total = text_length(el)
    if not total:
        return 0.0
    return sum(text_length(a) for a in el.iter("a")) / total
