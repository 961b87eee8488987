"""Metadata from each source a page may use: meta tags, JSON-LD, the document itself."""

from __future__ import annotations

import pytest

from archivist.ingest.html.htmlparse import parse_html
from archivist.ingest.metadata.pagemeta import Metadata, iso_date, read_metadata, split_authors


def meta(head: str = "", body: str = "", lang: str = "") -> Metadata:
    attr = f' lang="{lang}"' if lang else ""
    return read_metadata(
        parse_html(f"<html{attr}><head>{head}</head><body>{body}</body></html>", "x")
    )


LD = (
    '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
    '{"@type": "WebSite", "name": "Ignored"}, {"@type": "NewsArticle", "headline": "LD Headline",'
    ' "author": [{"@type": "Person", "name": "Mira Talebi"}, {"name": "Jon Ash"}],'
    ' "datePublished": "2021-03-04T10:00:00Z", "publisher": {"name": "The Reach Gazette"},'
    ' "articleSection": "Harbours"}]}</script>'
)


def test_og_title_is_used() -> None:
    assert meta('<meta property="og:title" content="OG Title">').title == "OG Title"


def test_json_ld_headline_authors_date_site_and_section() -> None:
    m = meta(LD)
    assert (m.title, m.authors, m.published) == (
        "LD Headline",
        ("Mira Talebi", "Jon Ash"),
        "2021-03-04",
    )
    assert (m.site, m.section) == ("The Reach Gazette", "Harbours")


@pytest.mark.parametrize("depth", [990, 100_000])
def test_json_ld_nested_past_any_real_page_is_skipped_not_raised(depth: int) -> None:
    deep = f'<script type="application/ld+json">{"[" * depth}{"]" * depth}</script>'
    assert meta(deep + '<meta property="og:title" content="OG Title">').title == "OG Title"


def test_document_title_loses_the_site_suffix() -> None:
    m = meta("<title>The Long Wall of Kelmscott Reach | The Reach Gazette</title>")
    assert m.title == "The Long Wall of Kelmscott Reach"


def test_single_h1_replaces_a_too_short_document_title() -> None:
    assert meta("<title>Wall</title>", "<h1>The Long Wall of Kelmscott</h1>").title != ""


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="author" content="By Mira Talebi">',
        '<meta name="dc.creator" content="Mira Talebi">',
    ],
)
def test_author_from_meta_tags_without_by(head: str) -> None:
    assert meta(head).authors == ("Mira Talebi",)


@pytest.mark.parametrize(
    "body",
    [
        '<a rel="author" href="/m">Mira Talebi</a>',
        '<p class="byline">By Mira Talebi | March 4, 2021</p>',
        '<span itemprop="author">Mira Talebi</span>',
    ],
)
def test_author_from_byline_elements_without_by_or_date(body: str) -> None:
    assert meta(body=body).authors == ("Mira Talebi",)


@pytest.mark.parametrize(
    ("head", "body"),
    [
        ('<meta property="article:published_time" content="2021-03-04T09:00:00+01:00">', ""),
        ('<meta name="dcterms.date" content="2021-03-04">', ""),
        ("", '<time datetime="2021-03-04">4 March</time>'),
        ("", '<p class="byline">By Mira Talebi on March 4, 2021</p>'),
    ],
)
def test_published_date_from_each_source(head: str, body: str) -> None:
    assert meta(head, body).published == "2021-03-04"


def test_site_name_from_og() -> None:
    assert (
        meta('<meta property="og:site_name" content="The Reach Gazette">').site
        == "The Reach Gazette"
    )


def test_canonical_link_wins_over_og_url() -> None:
    head = '<link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y">'
    assert meta(head).url == "https://a.example/x"


def test_og_url_is_used_without_canonical() -> None:
    assert (
        meta('<meta property="og:url" content="https://b.example/y">').url == "https://b.example/y"
    )


def test_language_from_html_lang_then_content_language() -> None:
    assert meta(lang="fa-IR").language == "fa-ir"
    assert meta('<meta http-equiv="content-language" content="de">').language == "de"


def test_section_from_breadcrumb_skips_home_and_title() -> None:
    body = '<nav class="breadcrumbs"><a href="/">Home</a> » <a href="/h">Harbours</a></nav>'
    assert meta("<title>The Long Wall of Kelmscott Reach</title>", body).section == "Harbours"


def test_split_authors_handles_and_and_dates() -> None:
    assert split_authors("By Mira Talebi and Jon Ash, March 4, 2021") == ["Mira Talebi", "Jon Ash"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2021-03-04T10:00Z", "2021-03-04"),
        ("4 March 2021", "2021-03-04"),
        ("Mar. 4, 2021", "2021-03-04"),
    ],
)
def test_iso_date_reads_common_forms(text: str, iso: str) -> None:
    assert iso_date(text) == iso


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Mira Talebi January 18, 2017 11:00 PM PST", ["Mira Talebi"]),
        ("Last Updated: January 7, 2025", []),
        ("By Mira  Talebi, MA", ["Mira Talebi"]),
    ],
)
def test_split_authors_drops_glued_dates_and_credentials(byline: str, names: list[str]) -> None:
    assert split_authors(byline) == names


def test_og_title_loses_the_site_name_the_h1_confirms() -> None:
    m = meta('<meta property="og:title" content="Mozilla - Wikipedia">', "<h1>Mozilla</h1>")

    assert m.title == "Mozilla"


def test_underscore_joined_site_name_is_cut_when_og_site_name_names_it() -> None:
    head = '<meta property="og:title" content="Mozilla_百度百科">'
    head += '<meta property="og:site_name" content="百度百科">'

    assert meta(head).title == "Mozilla"


def test_site_name_first_is_cut_too() -> None:
    head = '<meta property="og:title" content="Reach Gazette :: Storm closes the harbour">'
    head += '<meta name="application-name" content="The Reach Gazette">'

    assert meta(head).title == "Storm closes the harbour"


def test_site_name_from_the_web_address_when_the_page_gives_none() -> None:
    head = '<meta property="og:title" content="Storm closes the harbour | Reach Gazette">'
    head += '<link rel="canonical" href="https://www.reachgazette.example/storm">'

    assert meta(head).title == "Storm closes the harbour"


@pytest.mark.parametrize(
    "title",
    [
        "Fish - a history of the harbour",  # nothing says "a history..." is a site
        "How we designed Reachgazette's index - a short tour",  # mentions the site, is not it
    ],
)
def test_unconfirmed_titles_stay_whole(title: str) -> None:
    head = f'<meta property="og:title" content="{title}">'
    head += '<meta property="og:site_name" content="Reach Gazette">'

    assert meta(head, "<h1>Reach Gazette</h1>").title == title


def test_a_title_that_is_the_sites_whole_name_stays_whole() -> None:
    head = '<meta property="og:title" content="Reach Gazette - Latest News">'
    head += '<meta name="application-name" content="Reach Gazette - Latest News">'

    assert meta(head, "<h1>Storm closes the harbour</h1>").title == "Reach Gazette - Latest News"
