"""Main-content extraction: each kind of page furniture is dropped, the article kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from archivist.ingest import html
from archivist.ingest.content import find_content
from archivist.ingest.htmldom import inner_text
from archivist.ingest.htmlparse import parse_html

DATA = Path(__file__).parents[1] / "data" / "html"
KINDS = [
    "nav",
    "sidebar",
    "share",
    "subscribe",
    "comments",
    "related",
    "cookie",
    "edit_links",
    "citation_needed",
    "infobox",
    "tracking_pixel",
    "cookie_biggest",
    "layout_sidebar",
    "noscript",
    "inside_article",
    "caption_credit",
    "look_again",
]


@pytest.mark.parametrize("kind", KINDS)
def test_furniture_is_dropped_and_the_article_kept(kind: str) -> None:
    name = f"furniture_{kind}.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert "LEAK" not in text
    assert "citation needed" not in text
    assert text.startswith("The harbour at Kelmscott Reach was dredged")
    assert "the occasional cruise tender in the summer months." in text


def test_edit_link_heading_keeps_its_title() -> None:
    name = "furniture_edit_links.html"
    article = html.extract((DATA / name).read_bytes(), name).article
    heading = next(b for b in article.blocks if b.kind == "heading")
    assert article.text[heading.start : heading.end] == "The wall"


def test_densest_text_block_wins_over_link_lists() -> None:
    links = "".join(f'<li><a href="/{i}">Another story number {i}</a></li>' for i in range(30))
    story = "<p>" + "Sentences about the harbour, its wall, and its dredging. " * 12 + "</p>"
    page = f"<html><body><ul>{links}</ul><div class='post'>{story * 3}</div></body></html>"
    content = find_content(parse_html(page, "x"), "Harbour")
    text = inner_text(content.element)
    assert "Another story" not in text and text.startswith("Sentences about the harbour")


def test_byline_met_in_the_page_is_reported() -> None:
    story = "<p>" + "Sentences about the harbour, its wall, and its dredging. " * 12 + "</p>"
    page = (
        f"<html><body><article><p class='byline'>By Mira Talebi</p>{story}</article></body></html>"
    )
    content = find_content(parse_html(page, "x"), "Harbour")
    assert content.byline == "By Mira Talebi"
    assert "Mira" not in etree.tostring(content.element, encoding=str)
