"""Main-content extraction: each kind of page furniture is dropped, the article kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from archivist.ingest.formats import html
from archivist.ingest.html.content import (
    find_content,
    gather_prose,
    schema_article_body,
    title_block,
    widest_region,
)
from archivist.ingest.html.htmlasides import strip_asides
from archivist.ingest.html.htmldom import inner_text, text_length
from archivist.ingest.html.htmlleads import find_leads
from archivist.ingest.html.htmlparse import parse_html
from archivist.ingest.html.htmlpick import as_good_and_wider
from archivist.ingest.html.htmlposts import widen_to_posts
from archivist.ingest.html.readability import _widen_to_repeats

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
    "schema_body",
    "menu_overlay",
    "consent_unnamed",
    "teaser_list",
    "teaser_list_mixed",
    "card_row",
    "rel_tags",
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


STORY = "<p>" + "Sentences about the harbour, its wall, and its dredging, in full. " * 8 + "</p>"
OTHER = "<p>" + "A different story about the ferry, its crews, and its timetable. " * 8 + "</p>"


def test_the_lead_set_before_the_body_is_kept() -> None:
    page = (
        "<html><body><article><header><h1>Harbour</h1>"
        "<p class='article-lead'>The town's long fight with its silting channel, told from "
        "the harbour board's minutes.</p></header>"
        f"<div class='body'>{STORY * 3}</div></article></body></html>"
    )
    text = inner_text(find_content(parse_html(page, "x"), "Harbour").element)
    assert text.startswith("The town's long fight") and "Sentences about the harbour" in text


def test_a_lead_in_an_intro_header_outside_the_article_element_is_kept() -> None:
    page = (
        "<html><body><main><header class='m-intro'><h1>Harbour</h1>"
        "<div class='lead'><p>The town's long fight with its silting channel, told from "
        "the harbour board's minutes.</p></div></header>"
        f"<div class='body'>{STORY * 3}</div></main></body></html>"
    )
    text = inner_text(find_content(parse_html(page, "x"), "Harbour").element)
    assert text.startswith("The town's long fight") and "Sentences about the harbour" in text


def test_a_lead_in_a_header_scoring_drops_as_unlikely_is_set_back() -> None:
    page = (
        "<html><body><article class='entry'><div class='entry__header'><h1>Harbour</h1>"
        "<p class='entry__subtitle'>The town's long fight with its silting channel, told "
        f"from the harbour board's minutes.</p></div>{STORY * 3}</article></body></html>"
    )
    text = inner_text(find_content(parse_html(page, "x"), "Harbour").element)
    assert text.startswith("The town's long fight") and "Sentences about the harbour" in text


def test_a_teaser_after_the_body_is_not_set_before_it() -> None:
    page = (
        f"<html><body><main><div class='body'>{STORY * 3}</div>"
        "<p class='teaser'>Next week: the ferry, its crews and the new timetable, in full."
        "</p></main></body></html>"
    )
    text = inner_text(find_content(parse_html(page, "x"), "Harbour").element)
    assert text.startswith("Sentences about the harbour")


def test_the_article_headed_by_the_title_wins_when_the_next_stories_sit_beside_it() -> None:
    # An endless-scroll page: the next stories are appended inside the same wrapper.
    page = (
        "<html><body><main><div class='feed'>"
        f"<article><header><h1>The harbour wall at Kelmscott</h1></header>{STORY * 2}</article>"
        f"<article><header><h1>Ferry timetables</h1></header>{OTHER * 2}</article>"
        f"<article><header><h1>Ferry crews</h1></header>{OTHER * 2}</article>"
        "</div></main></body></html>"
    )
    text = inner_text(find_content(parse_html(page, "x"), "The harbour wall at Kelmscott").element)
    assert text.startswith("Sentences about the harbour") and "ferry" not in text


def test_the_story_block_holding_the_title_wins_over_like_blocks_beside_it() -> None:
    page = (
        "<html><body><div class='feed'>"
        f"<div class='story'><h1>The harbour wall at Kelmscott</h1>{STORY * 2}</div>"
        + "".join(f"<div class='story'><h1>Ferry {n}</h1>{OTHER * 2}</div>" for n in range(4))
        + "</div></body></html>"
    )
    text = inner_text(find_content(parse_html(page, "x"), "The harbour wall at Kelmscott").element)
    assert text.startswith("Sentences about the harbour") and "ferry" not in text


def test_an_intro_block_holding_the_title_does_not_stand_for_the_whole_article() -> None:
    page = (
        "<html><body><div class='entry'>"
        f"<div class='intro'><h1>The harbour wall at Kelmscott</h1>{STORY}</div>"
        f"<div class='body'>{OTHER * 4}</div></div></body></html>"
    )
    text = inner_text(find_content(parse_html(page, "x"), "The harbour wall at Kelmscott").element)
    assert "Sentences about the harbour" in text and "ferry" in text


def test_the_article_headed_by_the_page_title_wins_over_the_next_story() -> None:
    page = (
        "<html><body><main>"
        f"<article class='entry'><h1>The harbour wall at Kelmscott</h1>{STORY * 2}</article>"
        f"<article class='entry'><h1>Ferry timetables</h1>{OTHER * 4}</article>"
        "</main></body></html>"
    )
    text = inner_text(find_content(parse_html(page, "x"), "The harbour wall at Kelmscott").element)
    assert text.startswith("Sentences about the harbour") and "ferry" not in text


def test_a_thread_of_like_posts_is_taken_whole() -> None:
    posts = "".join(
        f"<article class='message'><div class='user'>user{i}</div><div class='main'>"
        f"<div class='text'><p>{f'Post {i} on the harbour, and its wall. ' * (3 + 14 * (i == 1))}"
        "</p><p>Another line of the same post, with a comma.</p></div></div></article>"
        for i in range(4)
    )
    page = f"<html><body><div class='thread'>{posts}</div></body></html>"
    text = inner_text(find_content(parse_html(page, "x"), "Harbour thread").element)
    assert all(f"Post {i} " in text for i in range(4))


def test_a_row_of_teaser_cards_is_not_taken_for_a_thread() -> None:
    cards = "".join(
        f"<div class='card'><p>{f'Teaser {i} about another story entirely. ' * 4}</p></div>"
        for i in range(4)
    )
    page = (
        f"<html><body><div class='main'><div>{STORY * 3}</div><div>{cards}</div></div>"
        "</body></html>"
    )
    text = inner_text(find_content(parse_html(page, "x"), "Harbour").element)
    assert text.startswith("Sentences about the harbour") and "Teaser" not in text


def test_short_teasers_below_a_story_are_not_taken_for_a_thread() -> None:
    teasers = "".join(
        f"<div class='story'><p>{f'Teaser {i} of another story, short. ' * 4}</p></div>"
        for i in range(3)
    )
    page = f"<html><body><div class='stories'><div class='story'>{STORY * 8}</div>{teasers}"
    root = parse_html(page + "</div></body></html>", "x")
    story = root.find(".//div[@class='story']")
    assert story is not None
    assert _widen_to_repeats(story) is story
    posts = root.find(".//div[@class='stories']")
    assert posts is not None
    posts[0][0].text = "A post as short as the others. " * 4  # now a thread of like posts
    for extra in posts[0][1:]:
        posts[0].remove(extra)
    assert _widen_to_repeats(posts[0]) is posts


def test_schema_article_body_skips_broken_and_too_deeply_nested_json() -> None:
    deep = "[" * 5000 + '{"articleBody": "Deep body."}' + "]" * 5000
    page = (
        "<html><head><script type='application/ld+json'>{\"articleBody\": broken</script>"
        f"<script type='application/ld+json'>{deep}</script></head><body></body></html>"
    )
    assert schema_article_body(parse_html(page, "x")) == ""
    shallow = page.replace(deep, '[[{"articleBody": "Body."}]]')
    assert schema_article_body(parse_html(shallow, "x")) == "Body."


def test_a_page_spread_over_sections_is_gathered_when_the_pick_is_a_fragment() -> None:
    name = "spread_sections.html"
    root = parse_html((DATA / name).read_text("utf-8"), name)
    gathered = gather_prose(root, 150)
    assert gathered is not None
    blocks = [inner_text(block) for block in gathered]
    # every section's heading and text, the quote between them, in the page's order
    assert blocks[:2] == ["Kelmscott Reach Harbour Board", "About the harbour board"]
    assert blocks.index("What we do") > next(
        i for i, b in enumerate(blocks) if "good neighbour" in b
    )
    assert blocks[-1].endswith("may be read there.") and len(blocks) == 1 + 6 * 3 + 1


def test_a_pick_holding_a_tenth_of_the_prose_is_not_replaced() -> None:
    name = "spread_sections.html"
    root = parse_html((DATA / name).read_text("utf-8"), name)
    assert gather_prose(root, text_length(root) // 9) is None


def test_link_lists_and_interface_labels_are_not_gathered() -> None:
    story = "<p>" + "Sentences about the harbour, its wall, and its dredging. " * 4 + "</p>"
    links = "".join(f'<li><a href="/{i}">Another story number {i}</a></li>' for i in range(5))
    sections = "".join(f"<section><div><div>{story}</div></div></section>" for _ in range(6))
    page = f"<html><body><ul>{links}</ul><div><div>Kontakt</div></div>{sections}</body></html>"
    gathered = gather_prose(parse_html(page, "x"), 100)
    assert gathered is not None
    text = inner_text(gathered)
    assert "Another story" not in text and "Kontakt" not in text
    assert text.count("Sentences about the harbour") == 24


def test_the_widest_region_is_the_main_element_when_the_page_marks_one() -> None:
    root = parse_html(
        "<html><body><div><p>Menu text that is long enough to count.</p></div>"
        "<main><h2>Notes</h2><p>The quay handles grain.</p></main></body></html>",
        "x",
    )
    region = widest_region(root)
    assert region is not None
    assert inner_text(region).endswith("The quay handles grain.")
    assert "Menu" not in inner_text(region)


def test_the_widest_region_gathers_the_prose_of_a_page_without_a_main_element() -> None:
    story = "<p>" + "The harbour wall took six years to build, and it still holds. " * 9 + "</p>"
    root = parse_html(f"<html><body><div>{story}</div><div>{story}</div></body></html>", "x")
    region = widest_region(root)
    assert region is not None
    assert inner_text(region).count("The harbour wall") == 18


def test_the_title_block_is_the_prose_round_the_heading_that_repeats_the_title() -> None:
    # A page of one paragraph above a list of links, its classes telling nothing.
    name = "title_one_paragraph.html"
    root = parse_html((DATA / name).read_text("utf-8"), name)
    block = title_block(root, "Tide tables for the reach")
    assert block is not None
    text = inner_text(block)
    assert text.startswith("Tide tables for the reach")
    assert "anyone tracing a voyage." in text
    assert "January tide table" not in text and "Powered by" not in text
    assert "Home" not in text
    assert title_block(root, "The harbour wall and its builders") is None
    assert title_block(root, "") is None


def test_the_lead_under_the_title_is_kept_whatever_the_page_names_it() -> None:
    name = "lead_after_title.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert text.startswith("A stone training wall, six years in the building,")
    assert text.count("A stone training wall") == 1
    assert "Mira Talebi" not in text and "All rights reserved" not in text
    assert "the occasional cruise tender in the summer months." in text


@pytest.mark.parametrize(
    "under_title",
    [
        "<p>Updated 2 March 2024, 10:40, with a correction to the costs</p>",  # no sentence
        "<p><a href='/a'>The wall</a> and <a href='/b'>the dredging of the channel</a>.</p>",
        "<figure><p>The training wall at low water, seen from the quay.</p></figure>",
    ],
)
def test_a_line_under_the_title_that_is_no_lead_is_not_taken(under_title: str) -> None:
    body = parse_html(
        f"<html><body><main><h1>The wall</h1>{under_title}<div><p>Body.</p></div></main>"
        "</body></html>",
        "x",
    ).find("body")
    assert body is not None
    assert find_leads(body).found == ()
    lead = "<p>A stone wall ended a century of silting at the reach.</p>"
    body = parse_html(
        f"<html><body><main><h1>The wall</h1>{lead}<div><p>Body.</p></div></main></body></html>",
        "x",
    ).find("body")
    assert body is not None
    assert [inner_text(f.element) for f in find_leads(body).found] == [lead[3:-4]]


def test_a_list_of_the_articles_own_links_is_not_a_teaser_list() -> None:
    items = "".join(
        f"<li><a href='/people/{n}'>{n}</a> worked on the wall from 1911 to 1917.</li>"
        for n in ("Ames", "Boyd", "Carew")
    )
    cut = items.replace("1917.</li>", "1917 and then...</li>")
    for listing, kept in ((items, True), (cut, False)):
        article = parse_html(f"<html><body><div><ul>{listing}</ul></div></body></html>", "x")
        div = article.find("body/div")
        assert div is not None
        strip_asides(div)
        assert (div.find("ul") is not None) is kept


def test_a_box_named_like_media_that_holds_most_of_the_article_is_kept() -> None:
    # "media" counts against a box in the scoring; the box holding the article's paragraphs
    # beside its picture stays all the same.
    name = "furniture_named_media_body.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert "eleven ferries in 1900" in text and "gulls following astern" in text


def test_a_question_and_its_answers_in_like_post_bodies_are_taken_together() -> None:
    # The question's body and each answer's sit under different headers, all with the same
    # class; the answer that scores best is only one post of the thread under the title.
    name = "thread_question_answers.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    for post in ("QUESTION", "ANSWER ONE", "ANSWER TWO", "ANSWER THREE"):
        assert post in text
    assert "licence" not in text


def test_like_boxes_with_no_title_heading_over_them_are_not_widened() -> None:
    boxes = "".join(f'<div class="s"><div class="b">{STORY}</div></div>' for _ in range(3))
    root = parse_html(f"<html><body><div>{boxes}</div></body></html>", "x")
    first = root.find(".//div[@class='b']")
    assert widen_to_posts(first, None) is first
    anchor = root.find("body")
    assert widen_to_posts(first, anchor) is root.find("body/div")


def test_a_short_text_under_the_title_wins_over_a_tiny_box_from_elsewhere() -> None:
    # The page's text is two sentences under its title; a notice at the end holds a little more.
    name = "title_short_description.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert "LEAK" not in text
    assert "rose a metre above the forecast" in text


def _nested_post(extra: str) -> etree._Element:
    root = parse_html(
        f'<html><body><div id="a"><div id="b"><div id="c">{STORY}</div></div>{extra}</div>'
        "</body></html>",
        "x",
    )
    return root


def test_an_ancestor_scoring_as_well_as_the_pick_and_holding_much_more_is_taken() -> None:
    # The pick is a nested box of a long post; its grandparent gathered as many points from
    # the rest of the post's paragraphs.
    root = _nested_post(STORY)
    a, c = root.find(".//div[@id='a']"), root.find(".//div[@id='c']")
    scores = {a: 97.0, c: 100.0}
    assert as_good_and_wider(c, 100.0, scores, scores.__getitem__) is a


def test_an_ancestor_adding_a_line_or_scoring_less_is_not_taken() -> None:
    root = _nested_post("<p>Originally published elsewhere.</p>")
    a, c = root.find(".//div[@id='a']"), root.find(".//div[@id='c']")
    scores = {a: 97.0, c: 100.0}
    assert as_good_and_wider(c, 100.0, scores, scores.__getitem__) is c
    root = _nested_post(STORY)
    a, c = root.find(".//div[@id='a']"), root.find(".//div[@id='c']")
    scores = {a: 60.0, c: 100.0}
    assert as_good_and_wider(c, 100.0, scores, scores.__getitem__) is c


def test_a_post_half_of_which_sits_in_a_nested_box_is_taken_whole() -> None:
    # The nested box scores best by a hair; the post round it scores almost as well and holds
    # twice the text, but the climb from the box stops at the weak wrappers between them.
    name = "nested_post_half.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert "DIRECT 0." in text and "DIRECT 8." in text and "NESTED 9." in text


def test_boxes_of_the_articles_own_sections_are_not_a_row_of_cards() -> None:
    # Each box points to a different page more than once, or holds more than a card's text.
    boxes = "".join(
        f"<div><h3>Part {i}</h3>{STORY}<a href='/source/{i}'>source</a></div>" for i in range(3)
    )
    root = parse_html(f"<html><body><div>{boxes}</div></body></html>", "x")
    div = root.find("body/div")
    assert div is not None
    strip_asides(div)
    assert inner_text(div).count("Sentences about the harbour") == 24


def test_the_lead_under_the_title_past_a_dateline_and_beside_a_site_heading_is_kept() -> None:
    # The page has two top-level headings (the site's, the article's); a dateline ending on
    # the site's name, no sentence, sits between the title and the lead.
    name = "lead_after_dateline.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert "LEAD Twenty years after" in text
    assert "the village shop and the inn." in text


def test_a_dateline_between_the_title_and_the_lead_is_passed_over() -> None:
    lead = "<p>The marsh came back in twenty years, and richer than anyone dared hope.</p>"
    root = parse_html(
        "<html><body><article><h1>The Salt Marsh</h1>"
        f"<p>Published 3 February 2022 by Jane Roe, Coastal Review</p>{lead}{STORY}"
        "</article></body></html>",
        "x",
    )
    body = root.find("body")
    assert body is not None
    assert [inner_text(f.element) for f in find_leads(body).found] == [lead[3:-4]]


def test_a_tag_link_in_a_sentence_stays_with_it() -> None:
    name = "furniture_rel_tags.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert "so the harbour board, short of money" in text


def test_a_long_list_of_dated_links_beside_the_story_does_not_outscore_it() -> None:
    # The commas of "Jan 8, 2019" are a date's, not a sentence's: a box holding the story
    # and a long archive list of dated links beside it is not the better candidate.
    name = "archive_dated_links.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert "STORY" in text
    assert "Gulls at dawn" not in text


def test_a_short_post_under_the_title_wins_over_all_the_prose_of_a_spread_page() -> None:
    # No element marks the main text and the first look found a tiny notice: the text round
    # the title's heading is the page's, before all its prose (sidebar boxes) gathered.
    name = "title_short_post_spread_page.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert "POST The poster contest" in text
    assert "SIDEBAR" not in text and "NOTICE" not in text


def test_a_parent_scoring_far_below_the_pick_and_holding_much_more_is_not_climbed_to() -> None:
    # The post's box sits a few levels deep; the box round it and a comment beside it scores
    # more than the step below it, but far below the post, from the comment's text.
    name = "comments_beside_nested_post.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert "STORY ONE" in text and "STORY FOUR" in text
    assert "COMMENT" not in text


def test_the_lead_under_the_title_is_kept_on_a_page_without_article_or_main_elements() -> None:
    # The standfirst sits in the title's box, the body in another; no element marks the
    # article, so the page's body stands as the home of both.
    name = "lead_unmarked_page.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert text.startswith("LEAD After four months")
    assert "BODY The ferry" in text


def test_the_lead_is_kept_under_a_title_heading_that_adds_a_kicker_to_the_title() -> None:
    # No article or main element; the heading holds the page's title and a kicker before it.
    name = "lead_unmarked_kicker.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert "LEAD After four months" in text
    assert "BODY The ferry" in text
