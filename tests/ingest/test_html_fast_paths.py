"""The HTML importer's tree walks give exactly what the XPath and text forms they replace give.

Each shortcut (a walk testing attribute names instead of an XPath predicate, a test that stops
at the first visible text, the main elements' ancestors found once) is checked against the
straightforward form on generated pages rich in what matters: attributes the importer reads,
blank and non-breaking space, nested boxes, footnote placeholders and detached subtrees.
"""

from __future__ import annotations

import copy

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from archivist.ingest.html import htmlconsent, htmlthreads
from archivist.ingest.html.content import _collapsed_length
from archivist.ingest.html.htmldom import (
    attributed,
    box_counts,
    has_text,
    holds_marker,
    inner_text,
    link_targets,
    remove,
    select,
    text_content,
    text_length,
    walk_page,
    without_content,
    wrap_every_child,
    wrap_phrasing,
)
from archivist.ingest.html.htmlfurniture import _Mains, holds_main
from archivist.ingest.html.htmlparse import parse_html
from archivist.ingest.html.htmltext import FOOTNOTE_TAG
from archivist.ingest.html.readability import _commas
from archivist.ingest.notes.notelists import _plain_entry_label, plain_entry_label_in_full

_OLD_ATTRIBUTED = etree.XPath(
    "//*[@class or @role or @rel or @itemprop or @itemtype or @data-type or @aria-label"
    " or @style or @hidden or @aria-hidden]"
)
_OLD_COMMAS = etree.XPath("string-length(.) - string-length(translate(., ',،，', ''))")

_TAGS = ["div", "p", "span", "main", "a", "button", "sup", "li", "section", "br", "img", "h2"]
_ATTRIBUTES = [
    "",
    ' class="x"',
    ' class=""',
    ' role="main"',
    ' role="menu"',
    ' itemprop="articleBody"',
    ' itemprop="author"',
    ' id="a"',
    ' id="a" class="b"',
    " hidden",
    ' aria-hidden="true"',
    ' style="display:none"',
    ' rel="author"',
    ' data-type="footnotes"',
    ' aria-label="x"',
    ' itemtype="x"',
    ' title="t"',
]
_TEXTS = [
    "",
    " ",
    "\n  ",
    "\xa0",
    "\u3000",
    "Reply",
    "[1] note",
    "[",
    "a, b",
    "،",
    "x" * 30,
    "OK",
    "Cookie",
    "co",
    "okie",
    "COOKIES",
    " a\tb ",
    "a  b",
    "a\r\nb",
]


@st.composite
def _fragment(draw: st.DrawFn, depth: int = 0) -> str:
    tag = draw(st.sampled_from(_TAGS))
    attrs = draw(st.sampled_from(_ATTRIBUTES))
    if tag in ("br", "img"):
        return f"<{tag}{attrs}>" + draw(st.sampled_from(_TEXTS))
    children = draw(st.lists(_fragment(depth + 1), max_size=3)) if depth < 3 else []
    marker = f"<{FOOTNOTE_TAG}>1</{FOOTNOTE_TAG}>" if draw(st.booleans()) and depth else ""
    lead, tail = draw(st.sampled_from(_TEXTS)), draw(st.sampled_from(_TEXTS))
    comment = "<!-- c -->" if draw(st.booleans()) else ""
    return f"<{tag}{attrs}>{lead}{comment}{''.join(children)}{marker}</{tag}>{tail}"


PAGES = st.lists(_fragment(), min_size=1, max_size=4).map(
    lambda parts: f"<html><body>{''.join(parts)}</body></html>"
)


def _tree(page: str) -> etree._Element:
    root = parse_html(page, "page.html")
    # The importer's own placeholders, as the footnote finder leaves them (parsing renames
    # any a page brings).
    for sup in list(root.iter("sup"))[::2]:
        sup.tag = FOOTNOTE_TAG
    return root


@settings(max_examples=150, deadline=None)
@given(PAGES)
def test_walks_match_their_xpath_and_text_forms(page: str) -> None:
    root = _tree(page)
    assert attributed(root) == select(_OLD_ATTRIBUTED, root)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        assert text_content(el) == el.xpath("string()")  # a leaf's text read directly
        assert text_length(el) == el.xpath("string-length(normalize-space(.))")
        visible = bool(text_content(el).strip())
        assert has_text(el) == visible == bool(inner_text(el))
        assert without_content(el) == (
            not visible and all(c.tag in ("br", "hr") for c in el if isinstance(c.tag, str))
        )
        assert holds_marker(el) == (el.find(f".//{FOOTNOTE_TAG}") is not None)
        assert _commas(el) == int(_OLD_COMMAS(el))  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None)
@given(PAGES, st.integers(min_value=0, max_value=40))
def test_main_holders_found_once_match_the_per_element_xpath(page: str, cut: int) -> None:
    root = _tree(page)
    marked, roled = attributed(root), walk_page(root).roled
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    if len(elements) > 2:  # detach a subtree: the marked lists still hold its elements
        remove(elements[2 + cut % (len(elements) - 2)])
    mains, narrow = _Mains(root, marked), _Mains(root, roled)
    for el in elements:
        assert mains.hold(el) == narrow.hold(el) == holds_main(el), etree.tostring(el)


@settings(max_examples=150, deadline=None)
@given(PAGES)
def test_reply_controls_found_by_walk_match_the_xpath(page: str) -> None:
    root = _tree(page)
    walked = htmlthreads.comment_thread(root)
    replies = [
        c
        for c in select(htmlthreads._CONTROLS, root)
        if htmlthreads._REPLY.fullmatch(" ".join(text_content(c).split()))
    ]
    expected = None
    if len(replies) >= 2:
        shared = set(replies[0].iterancestors())
        for control in replies[1:]:
            shared &= set(control.iterancestors())
        thread = next((a for a in replies[0].iterancestors() if a in shared), None)
        if not (
            thread is None
            or thread.tag in ("html", "body", "main")
            or thread.find(".//h1") is not None
        ):
            expected = thread
    assert walked is expected


_LEADS = st.sampled_from(["", " ", "\xa0", " [1] x", "[12]", "[۳] y", "[", "x [1]", "1", "\n"])
_FIRST_CHILDREN = st.sampled_from(
    ["", "<sup>2</sup>", "<sup><a>3</a></sup>", "<b>[4]</b>", "<i>x</i>", "<b> [5]</b>",
     "<b>\xa0</b>[6] x", "<b></b>[7]", "<a>1</a>", "<a><i>[8]</i></a>", "<a>x</a>[9]"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(_LEADS, _FIRST_CHILDREN)
def test_plain_entry_shortcut_matches_the_full_test(lead: str, child: str) -> None:
    root = parse_html(f"<html><body><p>{lead}{child} rest</p></body></html>", "p.html")
    p = root.find(".//p")
    assert p is not None
    assert _plain_entry_label(p) == plain_entry_label_in_full(p)


@settings(max_examples=300)
@given(st.text(alphabet=" \n\t\xa0ab,", max_size=60), st.integers(min_value=0, max_value=60))
def test_a_prefix_never_collapses_longer_than_the_whole(text: str, cut: int) -> None:
    assert _collapsed_length(text[:cut]) <= _collapsed_length(text)


@settings(max_examples=150, deadline=None)
@given(PAGES)
def test_wrapping_matches_moving_every_child(page: str) -> None:
    root = _tree(page)
    twin = copy.deepcopy(root)
    for ours, theirs in zip(list(root.iter("div")), list(twin.iter("div")), strict=True):
        wrap_phrasing(ours)
        wrap_every_child(theirs)
    assert etree.tostring(root) == etree.tostring(twin)


_NAME_PARTS = st.sampled_from(
    ["share", "SHARE", "Related", "comment", "ad", "-", "_", "--", " ", "x1", "hidden", "hid",
     "label", "main", "post", "Sidebar", "nav", "ſ", "K", "é", "ü", "author", "toc", "box",
    "Lead", "intro", "byline", "Breadcrumb", "deck"]
)  # fmt: skip
NAMES = st.lists(_NAME_PARTS, max_size=8).map("".join)


@settings(max_examples=500)
@given(NAMES)
def test_case_blind_fast_path_answers_as_the_case_blind_pattern(name: str) -> None:
    from archivist.ingest.html import htmlfurniture, htmlleads, readability
    from archivist.ingest.metadata import pagemeta

    pairs = [
        (readability._UNLIKELY, readability._UNLIKELY_FAST),
        (readability._MAYBE, readability._MAYBE_FAST),
        (readability._POSITIVE, readability._POSITIVE_FAST),
        (readability._NEGATIVE, readability._NEGATIVE_FAST),
        (readability._BYLINE, readability._BYLINE_FAST),
        (htmlfurniture._NEVER_THE_PAGE, htmlfurniture._NEVER_THE_PAGE_FAST),
        (htmlleads._LEAD, htmlleads._LEAD_FAST),
        (pagemeta._BYLINE_CLASS, pagemeta._BYLINE_CLASS_FAST),
        (pagemeta._CRUMB_CLASS, pagemeta._CRUMB_CLASS_FAST),
    ]
    for slow, fast in pairs:
        assert fast._lower is not None  # the fast path is really taken for these
        assert bool(slow.search(name)) == bool(fast.search(name))
        old, new = slow.search(name), fast.search(name)
        assert (old and old.span()) == (new and new.span())
    for token in name.split():
        furniture = htmlfurniture._FURNITURE_CLASS
        assert bool(furniture.match(token)) == bool(htmlfurniture._FURNITURE_FAST.match(token))


def test_case_blind_keeps_the_slow_form_where_lower_casing_would_differ() -> None:
    import re

    from archivist.ingest.text.caseblind import CaseBlind

    upper = CaseBlind(re.compile(r"Menu", re.I))
    assert upper._lower is None and upper.search("menu")
    inline = CaseBlind(re.compile(r"(?-i:menu)|x", re.I))
    assert inline._lower is None and not inline.search("MENU")
    long_s = CaseBlind(re.compile(r"ſhare", re.I))  # the long s matches an ASCII s
    assert long_s._lower is None and long_s.search("share")
    escaped = CaseBlind(re.compile(r"\Wmenu\S", re.I))  # escapes are not letters
    assert escaped._lower is not None and escaped.search("-MENU!")
    assert CaseBlind(re.compile(r"menu"))._lower is None  # case matters: kept as it is


@settings(max_examples=150, deadline=None)
@given(PAGES)
def test_the_cookie_precheck_never_misses_a_text_the_path_finds(page: str) -> None:
    root = _tree(page)
    for el in [root, *root.iter("p", "div")]:
        if htmlconsent._COOKIE_TEXT(el):
            assert htmlconsent.may_mention_cookies(el), page
    if "k" not in page.lower():  # no text can spell "cookie", however the nodes join
        assert not htmlconsent.may_mention_cookies(root)


def test_every_notes_container_class_says_notes_or_references() -> None:
    from archivist.ingest.notes import htmlfootnotes

    for name in [*htmlfootnotes._CONTAINER_CLASSES, "endnotes"]:
        assert "notes" in name or "references" in name, name
        assert htmlfootnotes._container_class(f"x {name} y")
    assert not htmlfootnotes._container_class("")
    assert not htmlfootnotes._container_class("notes-sidebar reference")


@settings(max_examples=150, deadline=None)
@given(PAGES)
def test_box_counts_in_one_walk_match_a_walk_per_kind(page: str) -> None:
    root = _tree(page)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        assert box_counts(el) == (
            sum(1 for _ in el.iter("p")),
            sum(1 for _ in el.iter("img")),
            sum(1 for _ in el.iter("li")),
            sum(1 for _ in el.iter("input")),
            sum(len(inner_text(h)) for h in el.iter("h1", "h2", "h3", "h4", "h5", "h6")),
            sum(1 for _ in el.iter("object", "embed", "iframe")),
        )


_OLD_ENTRY_FORMS = etree.XPath(
    "//form[.//textarea or .//input[not(@type) or @type='text' or @type='email'"
    " or @type='search' or @type='tel']]"
)


_FORM_PARTS = st.sampled_from(
    ["<form>", "</form>", "<div>", "</div>", "<textarea></textarea>", "<input>",
     '<input type="text">', '<input type="email">', '<input type="search">',
     '<input type="tel">', '<input type="submit">', '<input type="">', '<input type="TEXT">',
     "x"]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(_FORM_PARTS, max_size=12))
def test_entry_forms_found_by_walk_match_the_path(parts: list[str]) -> None:
    from archivist.ingest.html.htmlfurniture import _entry_forms

    root = parse_html(f"<html><body>{''.join(parts)}</body></html>", "f.html")
    assert _entry_forms(root) == select(_OLD_ENTRY_FORMS, root)


@settings(max_examples=200, deadline=None)
@given(PAGES)
def test_cookie_mentions_found_by_walk_match_the_text_path(page: str) -> None:
    root = _tree(page)
    by_path = [
        text.getparent()
        for text in htmlconsent._COOKIE_TEXT(root)  # type: ignore[union-attr]
        if isinstance(text, etree._ElementUnicodeResult)
    ]
    walked = htmlconsent._mentions(root)
    assert sorted(map(id, walked)) == sorted(map(id, by_path)), page


@settings(max_examples=150, deadline=None)
@given(PAGES, st.lists(st.sampled_from(["a", "b", ""]), max_size=4))
def test_marked_elements_and_link_targets_from_one_walk(page: str, names: list[str]) -> None:
    root = _tree(page)
    anchors = list(root.iter("a", "span"))
    for el, name in zip(anchors, names, strict=False):  # anchor names beside the ids
        el.set("name", name)
    root.set("id", "a")  # the top element is no target: the searches look below it
    walk = walk_page(root)
    assert walk.marked == attributed(root)
    assert walk.targets == link_targets(root)
    assert list(walk.targets) == list(link_targets(root))
    assert walk.with_ids == [el for el in root.iter() if el.get("id") is not None]
    assert walk.roled == [el for el in root.iter() if {"role", "itemprop"} & set(el.keys())]
