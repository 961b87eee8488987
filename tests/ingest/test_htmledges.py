"""The tail of the main content: furniture after the article's last line goes, its lines stay."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from archivist.ingest.formats.html import extract
from archivist.ingest.html.htmldom import inner_text
from archivist.ingest.html.htmledges import trim_head, trim_tail
from archivist.ingest.html.htmlparse import parse_html

DATA = Path(__file__).resolve().parents[1] / "data" / "html"
STORY = "<p>" + "The harbour wall took six years to build, and it still holds the channel. " * 4
STORY += "</p>"


def _trimmed(inner: str) -> str:
    root = parse_html(f"<html><body><div id='a'>{STORY * 3}{inner}</div></body></html>", "x")
    article = root.find(".//div[@id='a']")
    assert isinstance(article, etree._Element)
    trim_tail(article)
    return inner_text(article)


def test_a_heading_over_a_list_of_links_at_the_end_goes() -> None:
    links = "".join(f'<li><a href="/s{i}">Another story {i}</a></li>' for i in range(4))
    text = _trimmed(f"<h3>More from the coast</h3><ul>{links}</ul>")
    assert text.endswith("holds the channel.")


def test_short_labels_outside_any_paragraph_go() -> None:
    text = _trimmed("<div><span>Tags</span></div><div>Harbours</div>")
    assert text.endswith("holds the channel.")


def test_a_short_closing_paragraph_of_the_author_stays() -> None:
    assert _trimmed("<p>Yours, Hans</p>").endswith("Yours, Hans")


def test_a_closing_list_of_points_without_links_stays() -> None:
    assert _trimmed("<ul><li>Stone</li> <li>Timber</li></ul>").endswith("Stone Timber")


def test_a_footnote_marker_stops_the_trim() -> None:
    # A short line holding a marker is a line of the article's, whatever it looks like.
    root = parse_html(f"<html><body><div id='a'>{STORY}<div>Coda</div></div></body></html>", "x")
    article = root.find(".//div[@id='a']")
    assert isinstance(article, etree._Element)
    marker = etree.SubElement(article[-1], "archivist-fn")
    marker.text = "1"
    trim_tail(article)
    assert inner_text(article).endswith("Coda1")


def test_never_more_than_a_quarter_of_the_text_is_trimmed() -> None:
    links = "".join(
        f'<li><a href="/s{i}">Another story about the harbour {i}</a></li>' for i in range(40)
    )
    text = _trimmed(f"<ul>{links}</ul>")
    assert "Another story about the harbour 39" in text


def test_labels_and_link_rows_before_the_first_line_go_and_a_heading_stops_the_trim() -> None:
    crumbs = '<div><a href="/">Home</a> <a href="/coast">Coast</a></div>'
    root = parse_html(
        f"<html><body><div id='a'>{crumbs}<div>12 May 2014</div><h2>Walls</h2>"
        f"<div>Kept label</div>{STORY * 3}</div></body></html>",
        "x",
    )
    article = root.find(".//div[@id='a']")
    assert isinstance(article, etree._Element)
    trim_head(article)
    assert inner_text(article).startswith("WallsKept label")


def test_labels_ending_in_a_colon_after_the_last_line_go() -> None:
    # What they introduced (share buttons, a payment form) was dropped: no article ends so.
    data = (DATA / "edge_colon_labels.html").read_bytes()
    text = extract(data, "edge_colon_labels.html").article.text
    assert "Share this article" not in text and "PayPal" not in text
    assert text.endswith("grinds flour for the village bakery in the summer.")


def test_a_closing_paragraph_boxed_on_its_own_after_bare_ones_goes() -> None:
    # Shaped unlike the article's paragraphs: a note run in from a side box, not its last line.
    data = (DATA / "edge_closing_box.html").read_bytes()
    text = extract(data, "edge_closing_box.html").article.text
    assert "Courier app" not in text
    assert text.endswith("the hour and more it took under sail.")


def test_a_closing_paragraph_after_the_box_of_the_body_goes() -> None:
    note = "<p>Unless stated otherwise, this page is licensed for reuse.</p>"
    page = f"<html><body><div id='a'><div>{STORY * 3}</div>{note}</div></body></html>"
    root = parse_html(page, "x")
    article = root.find(".//div[@id='a']")
    assert isinstance(article, etree._Element)
    trim_tail(article)
    assert inner_text(article).endswith("holds the channel.")


def test_a_closing_paragraph_boxed_like_the_ones_before_it_stays() -> None:
    boxed = "".join(f"<div>{STORY}</div>" for _ in range(2)) + "<div><p>Yours, Hans</p></div>"
    assert _trimmed(boxed).endswith("Yours, Hans")


def test_a_closing_box_with_a_heading_of_its_own_after_bare_paragraphs_goes() -> None:
    data = (DATA / "edge_closing_section_box.html").read_bytes()
    text = extract(data, "edge_closing_section_box.html").article.text
    assert "Never miss a story" not in text and "weekly letter" not in text
    assert text.endswith("on the whole length of the river that winter.")


def test_a_closing_section_set_as_bare_heading_and_paragraph_stays() -> None:
    text = _trimmed("<h2>Coda</h2><p>The wall was listed in 1971.</p>")
    assert "Coda" in text and text.endswith("The wall was listed in 1971.")


def test_a_sentence_ending_in_a_colon_at_the_end_stays() -> None:
    line = "To see the mill at work, watch the footage we took below:"
    assert _trimmed(f"<p>{line}</p>").endswith(line)


def test_a_label_ending_in_a_colon_before_the_first_line_stays() -> None:
    root = parse_html(
        f"<html><body><div id='a'><p>Blind readers:</p>{STORY}</div></body></html>", "x"
    )
    article = root.find(".//div[@id='a']")
    assert isinstance(article, etree._Element)
    trim_head(article)
    assert inner_text(article).startswith("Blind readers:")


def _wrapped_heading(where: str) -> etree._Element:
    box = "<div id='w'><h2>More on this from our archive</h2></div>"
    inner = f"{box}{STORY}" if where == "head" else f"{STORY * 3}{box}"
    root = parse_html(f"<html><body><div id='a'>{inner}</div></body></html>", "x")
    wrapper = root.find(".//div[@id='w']")
    assert isinstance(wrapper, etree._Element)
    wrapper.tag = "p"  # as the scoring does with a box holding no block it knows
    article = root.find(".//div[@id='a']")
    assert isinstance(article, etree._Element)
    return article


def test_a_heading_the_scoring_wrapped_as_a_paragraph_at_the_end_goes() -> None:
    article = _wrapped_heading("tail")
    trim_tail(article)
    assert inner_text(article).endswith("holds the channel.")


def test_a_wrapped_heading_at_the_head_stops_the_trim() -> None:
    article = _wrapped_heading("head")
    trim_head(article)
    assert inner_text(article).startswith("More on this from our archive")
