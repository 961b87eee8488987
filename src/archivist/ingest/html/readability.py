"""Readability-style scoring of a page's lxml tree: one pass picks the main content element."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from lxml import etree

from archivist.ingest.html.htmldom import (
    TITLE_LIKE,
    box_counts,
    clause_commas,
    has_ancestor,
    has_text,
    inner_text,
    is_data_table,
    is_element,
    link_density,
    remove,
    similarity,
    text_content,
    text_length,
    without_content,
    wrap_phrasing,
)
from archivist.ingest.html.htmlfurniture import holds_main
from archivist.ingest.html.htmlleads import find_leads
from archivist.ingest.html.htmlpick import as_good_and_wider, title_side, worth_climbing
from archivist.ingest.html.htmlposts import TEASER, widen_to_posts
from archivist.ingest.html.htmlstories import title_story
from archivist.ingest.text.caseblind import CaseBlind

# Patterns follow Mozilla Readability's, since its judgement is what the benchmark corpus encodes.
_UNLIKELY = re.compile(
    r"-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|"
    r"gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|"
    r"sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
    re.I,
)
_MAYBE = re.compile(r"and|article|body|column|content|main|mathjax|shadow", re.I)
_POSITIVE = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story", re.I
)
_NEGATIVE = re.compile(
    # "hidden", but not "field--label-hidden": Drupal wraps article text in it.
    r"-ad-|(?:^|\s)hidden|(?<!label)[-_]hidden|^hid$| hid$| hid |^hid |banner|combx|comment|"
    r"com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|"
    r"sponsor|shopping|tags|widget",
    re.I,
)
_REPEAT_MIN = 100
_BYLINE = re.compile(r"byline|author|dateline|writtenby|p-author", re.I)
_SENTENCE_END = re.compile(r"\.( |$)")

_SCORED_TAGS = frozenset({"section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"})
_DIV_BLOCKS = frozenset({"blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul"})
_EMPTY_DROPPED = frozenset({"div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6"})
CHAR_THRESHOLD = 500
"""Characters of text an attempt must keep before Readability's rules are relaxed."""
_SHARE_MAX_TEXT = 500

# Readability's flags, dropped one by one when an attempt keeps too little text.
STRIP_UNLIKELY, WEIGHT_CLASSES, CLEAN_CONDITIONALLY = 1, 2, 4


@dataclass(frozen=True, slots=True)
class Content:
    """The chosen main content element and the byline text met on the way, if any."""

    element: etree._Element
    byline: str | None


def _match_string(el: etree._Element) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


class Grabber:
    """One scoring pass over a tree with a given set of Readability flags."""

    def __init__(self, root: etree._Element, flags: int, title: str) -> None:
        self.root = root
        self.flags = flags
        self.title = title
        self.scores: dict[etree._Element, float] = {}
        self.final: set[etree._Element] = set()
        self.byline: str | None = None
        self.title_home: etree._Element | None = None
        self.title_anchor: etree._Element | None = None

    def grab(self) -> Content:
        """Score, pick, gather and clean: the article element and any byline met."""
        body = self.root.find("body")
        if body is None:
            body = self.root
        leads = find_leads(body, self.title)
        to_score = self._prepare(body)
        top = self._pick(to_score)
        if top is None:
            article = etree.Element("div")
            article.extend(list(body))
            article.text = body.text
        elif (home := self._title_home(top)) is not None or (
            home := title_story(top, self.title_anchor, CHAR_THRESHOLD)
        ) is not None:
            article = etree.Element("div")
            article.append(home)
        else:
            top = widen_to_posts(_widen_to_repeats(top), self.title_anchor)
            before = leads.before(top)  # while top still sits in the page
            article = self._gather(top)
            for lead in reversed(before):
                if not any(a is article for a in lead.iterancestors()):
                    lead.tail = None
                    article.insert(0, lead)
        self._clean(article)
        return Content(article, self.byline)

    def _title_home(self, top: etree._Element) -> etree._Element | None:
        """The article element whose heading is the page's title, when the scoring picked
        another article element (a page that shows the next stories below its own)."""
        home = self.title_home
        if (
            home is None
            or home is top
            or home in top.iterancestors()
            or top in home.iterancestors()
            or text_length(home) < CHAR_THRESHOLD
            or (top.tag != "article" and next(top.iterancestors("article"), None) is None)
        ):
            return None
        return home

    # -- preparation ---------------------------------------------------------------------------

    def _prepare(self, body: etree._Element) -> list[etree._Element]:
        to_score: list[etree._Element] = []
        title_dropped = False
        stack = [body]
        while stack:
            el = stack.pop()
            if not is_element(el):
                continue
            tag = el.tag
            if el is not body:
                ms = _match_string(el)
                if self.byline is None and self._is_byline(el, ms):
                    continue
                if not title_dropped and tag in ("h1", "h2") and self._duplicates_title(el):
                    title_dropped = True
                    self.title_home = next(el.iterancestors("article"), None)
                    self.title_anchor = el.getparent()
                    remove(el)
                    continue
                if (
                    self.flags & STRIP_UNLIKELY
                    and tag not in ("a", "body", "article")
                    and _unlikely(ms)
                    and not has_ancestor(el, ("table", "code"))
                    and not holds_main(el)
                ):
                    remove(el)
                    continue
                if tag in _EMPTY_DROPPED and without_content(el):
                    remove(el)
                    continue
            if tag in _SCORED_TAGS:
                to_score.append(el)
            elif tag == "div":
                el = self._div_to_paragraphs(el, to_score)
            stack.extend(el.iterchildren(etree.Element, reversed=True))
        return to_score

    def _is_byline(self, el: etree._Element, ms: str) -> bool:
        if not (
            el.get("rel") == "author" or "author" in (el.get("itemprop") or "") or _bylineish(ms)
        ):
            return False
        text = inner_text(el)
        if not 0 < len(text) < 100:
            return False
        self.byline = text
        remove(el)
        return True

    def _duplicates_title(self, el: etree._Element) -> bool:
        heading = inner_text(el)
        if not heading or not self.title:
            return False
        return similarity(self.title, heading) > TITLE_LIKE

    def _div_to_paragraphs(
        self, div: etree._Element, to_score: list[etree._Element]
    ) -> etree._Element:
        children = [c for c in div if isinstance(c.tag, str)]
        if not any(c.tag in _DIV_BLOCKS for c in div.iter() if c is not div):
            div.tag = "p"
            to_score.append(div)
            return div
        if (
            len(children) == 1
            and children[0].tag == "p"
            and not (div.text or "").strip()
            and not (children[0].tail or "").strip()
            and link_density(children[0]) < 0.25
        ):
            only = children[0]
            div.getparent().replace(div, only)  # type: ignore[union-attr]
            to_score.append(only)
            return only
        wrap_phrasing(div)
        return div

    # -- scoring -------------------------------------------------------------------------------

    def score(self, el: etree._Element) -> float:
        """The element's content score, scaled by its link density once, on first use."""
        raw = self.scores.get(el)
        if raw is None:
            return 0.0
        if el not in self.final:
            self.final.add(el)
            self.scores[el] = raw * (1 - link_density(el))
        return self.scores[el]

    def _init_score(self, el: etree._Element) -> float:
        tag = el.tag
        score = 0.0
        if tag == "div":
            score = 5
        elif tag in ("pre", "td", "blockquote"):
            score = 3
        elif tag in ("address", "ol", "ul", "dl", "dd", "dt", "li", "form"):
            score = -3
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6", "th"):
            score = -5
        return score + self._class_weight(el)

    def _class_weight(self, el: etree._Element) -> int:
        if not self.flags & WEIGHT_CLASSES:
            return 0
        return _weight(el.get("class")) + _weight(el.get("id"))

    def _pick(self, to_score: list[etree._Element]) -> etree._Element | None:
        scores = self.scores
        candidates: list[etree._Element] = []
        for el in to_score:
            parent = el.getparent()
            if parent is None or not isinstance(parent.tag, str):
                continue
            length = text_length(el)
            if length < 25:
                continue
            points = 1 + _commas(el) + min(length // 100, 3)
            level = 0
            node: etree._Element | None = parent
            while node is not None and level < 5 and isinstance(node.tag, str):
                if node.getparent() is None:
                    break
                if node not in scores:
                    scores[node] = self._init_score(node)
                    candidates.append(node)
                divider = 1 if level == 0 else 2 if level == 1 else level * 3
                scores[node] += points / divider
                node = node.getparent()
                level += 1
        if not candidates:
            return None
        # Link density only lowers a score, so candidates are finalised best-raw-first and the
        # walk stops once no raw score can beat the fifth best final one.
        ranked: list[etree._Element] = []
        for el in sorted(candidates, key=scores.__getitem__, reverse=True):
            if len(ranked) == 5 and scores[el] <= self.score(ranked[-1]):
                break
            self.score(el)
            ranked = sorted([*ranked, el], key=self.score, reverse=True)[:5]
        top = ranked[0]
        if top.tag == "body":
            return None
        top = self._common_ancestor(top, ranked)
        best = self.score(top)
        top = as_good_and_wider(self._climb(top), best, self.scores, self.score)
        return title_side(top, self.title_anchor, ranked, self.score)

    def _common_ancestor(self, top: etree._Element, ranked: list[etree._Element]) -> etree._Element:
        best = self.score(top)
        alternatives = [
            set(el.iterancestors())
            for el in ranked[1:]
            if best > 0 and self.score(el) / best >= 0.75
        ]
        if len(alternatives) < 3:
            return top
        for parent in top.iterancestors():
            if parent.tag == "body":
                break
            if sum(1 for ancestors in alternatives if parent in ancestors) >= 3:
                if parent not in self.scores:
                    self.scores[parent] = self._init_score(parent)
                    self.final.add(parent)
                return parent
        return top

    def _climb(self, top: etree._Element) -> etree._Element:
        scores = self.scores
        last = self.score(top)
        threshold = last / 3
        parent = top.getparent()
        while parent is not None and parent.tag != "body":
            if parent not in scores:
                parent = parent.getparent()
                continue
            score = self.score(parent)
            if score < threshold:
                break
            if score > last and worth_climbing(score, 3 * threshold, parent, top):
                top = parent
                break
            last = score
            parent = parent.getparent()
        parent = top.getparent()
        while parent is not None and parent.tag != "body" and len(parent) == 1:
            top = parent
            parent = top.getparent()
        if top not in scores:
            scores[top] = self._init_score(top)
            self.final.add(top)
        return top

    def _gather(self, top: etree._Element) -> etree._Element:
        parent = top.getparent()
        article = etree.Element("div")
        if parent is None:
            article.append(top)
            return article
        top_score = self.score(top)
        threshold = max(10.0, top_score * 0.2)
        top_class = top.get("class", "")
        chosen: list[etree._Element] = []
        for sibling in parent:
            if not is_element(sibling):
                continue
            if sibling is top:
                chosen.append(sibling)
                continue
            bonus = top_score * 0.2 if top_class and sibling.get("class", "") == top_class else 0
            if sibling in self.scores and self.score(sibling) + bonus >= threshold:
                chosen.append(sibling)
            elif sibling.tag == "p":
                text = inner_text(sibling)
                density = link_density(sibling)
                if (len(text) > 80 and density < 0.25) or (
                    0 < len(text) <= 80 and density == 0 and _SENTENCE_END.search(text)
                ):
                    chosen.append(sibling)
        for el in chosen:
            el.tail = None
            article.append(el)
        return article

    # -- cleaning ------------------------------------------------------------------------------

    def _clean(self, article: etree._Element) -> None:
        for el in list(article.iter()):
            ms = _match_string(el)
            if (
                "share" in ms.lower()
                and len(inner_text(el)) < _SHARE_MAX_TEXT
                and el is not article
            ):
                remove(el)
        self._clean_conditionally(article, ("form", "fieldset"))
        for el in list(article.iter("h1", "h2")):
            if self._class_weight(el) < 0:
                remove(el)
        self._clean_conditionally(article, ("table", "ul", "div"))
        for el in list(article.iter("p")):
            if not has_text(el) and el.find(".//img") is None:
                remove(el)

    def _clean_conditionally(self, article: etree._Element, tags: Iterable[str]) -> None:
        if not self.flags & CLEAN_CONDITIONALLY:
            return
        length = text_length(article)
        for el in reversed(list(article.iter(*tags))):
            if el is article or el.getparent() is None:
                continue
            if el.tag == "table" and is_data_table(el):
                continue
            if has_ancestor(el, ("code",)) or any(
                a.tag == "table" and is_data_table(a) for a in el.iterancestors("table")
            ):
                continue
            if self._should_drop(el, length):
                remove(el)

    def _should_drop(self, el: etree._Element, article_length: int) -> bool:
        weight = self._class_weight(el)
        # A name ("media") never outweighs the text: a box holding most of the article stays.
        if weight + self.score(el) < 0 and text_length(el) * 2 <= article_length:
            return True
        # Commas are counted before the white space is collapsed (it never holds one): a
        # long box, which usually has ten, is settled without splitting all its text.
        whole = text_content(el)
        if whole.count(",") >= 10:
            return False
        text = " ".join(whole.split())
        del whole
        is_list = el.tag in ("ul", "ol")
        if not is_list and text:
            list_len = sum(len(inner_text(li)) for li in el.iter("ul", "ol"))
            is_list = list_len / len(text) > 0.9
        paragraphs, images, items, inputs, headings, embeds = box_counts(el)
        items -= 100
        heading_density = headings / len(text) if text else 0.0
        density = link_density(el)
        in_figure = has_ancestor(el, ("figure",))
        return bool(
            (images > 1 and paragraphs / images < 0.5 and not in_figure)
            or (not is_list and items > paragraphs)
            or (inputs > paragraphs // 3)
            or (
                not is_list
                and heading_density < 0.9
                and len(text) < 25
                and (images == 0 or images > 2)
                and density > 0
                and not in_figure
            )
            or (not is_list and weight < 25 and density > 0.2)
            or (weight >= 25 and density > 0.5)
            or (embeds == 1 and len(text) < 75)
            or embeds > 1
            or (images == 0 and not text and el.find(".//archivist-fn") is None)
        )


def _widen_to_repeats(top: etree._Element) -> etree._Element:
    """The container of a run of like posts (a forum thread, a page of paragraphs in like
    boxes) when the pick is one of them: siblings with the same tag and class, each with
    text of its own and few links."""
    node = top
    for _ in range(3):
        parent = node.getparent()
        if parent is None or parent.tag in ("body", "html"):
            break
        cls = node.get("class")
        if cls and not TEASER.search(cls):
            like = [
                length
                for sib in parent
                if sib is not node
                and sib.tag == node.tag
                and sib.get("class") == cls
                and (length := text_length(sib)) >= _REPEAT_MIN
                and link_density(sib, length) < 0.3
            ]
            # Posts of a thread are of a size; one story above short teasers is not a thread.
            if len(like) >= 2 and text_length(node) <= 5 * sum(like) / len(like):
                return parent
        node = parent
    return top


def _commas(el: etree._Element) -> int:
    # Counted in Python: an XPath string-length of a translate() built the text twice and
    # cost five times as much.
    return clause_commas(text_content(el))


# The same patterns, run faster over ASCII names (see caseblind).
_UNLIKELY_FAST, _MAYBE_FAST = CaseBlind(_UNLIKELY), CaseBlind(_MAYBE)
_POSITIVE_FAST, _NEGATIVE_FAST = CaseBlind(_POSITIVE), CaseBlind(_NEGATIVE)
_BYLINE_FAST = CaseBlind(_BYLINE)


@functools.lru_cache(maxsize=8192)
def _unlikely(match_string: str) -> bool:
    return bool(_UNLIKELY_FAST.search(match_string)) and not _MAYBE_FAST.search(match_string)


@functools.lru_cache(maxsize=8192)
def _bylineish(match_string: str) -> bool:
    return bool(_BYLINE_FAST.search(match_string))


@functools.lru_cache(maxsize=8192)
def _weight(value: str | None) -> int:
    if not value:
        return 0
    return (25 if _POSITIVE_FAST.search(value) else 0) - (25 if _NEGATIVE_FAST.search(value) else 0)
