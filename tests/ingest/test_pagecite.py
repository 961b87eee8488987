"""Citation metadata the page carries (COinS, schema.org) wins over parsing the note's text."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from archivist.ingest.formats import html
from archivist.ingest.html.htmlparse import parse_html
from archivist.ingest.metadata.pagecite import coins_item
from archivist.ingest.metadata.pageschema import microdata, schema_item
from archivist.ingest.metadata.pagevalues import MAX_VALUE, csl_date, page_range
from archivist.model import Footnote

DATA = Path(__file__).parents[1] / "data" / "html"
JOURNAL = "rft_val_fmt=info:ofi/fmt:kev:mtx:journal"
BOOK = "rft_val_fmt=info:ofi/fmt:kev:mtx:book"


def coins(kev: str, cite_class: str | None = None) -> Any:
    """The item of a COinS title written as ``key=value&...`` (spaces as ``+``)."""
    return coins_item(f"ctx_ver=Z39.88-2004&{kev}", cite_class)


def notes(name: str) -> tuple[Footnote, ...]:
    return html.extract((DATA / name).read_bytes(), name).article.footnotes


# --- COinS: titles and types -------------------------------------------------------------------


def test_cite_web_with_a_website_is_a_webpage_in_that_website() -> None:
    kev = f"{JOURNAL}&rft.genre=unknown&rft.atitle=Dredging&rft.jtitle=The+Gazette"
    item = coins(kev, "citation web cs1")
    assert (item["type"], item["title"], item["container-title"]) == (
        "webpage", "Dredging", "The Gazette")  # fmt: skip


def test_cite_web_without_a_website_is_a_webpage_by_its_publisher() -> None:
    item = coins(f"{BOOK}&rft.genre=unknown&rft.btitle=Tides&rft.pub=Observatory", "citation web")
    assert (item["type"], item["title"], item["publisher"]) == ("webpage", "Tides", "Observatory")
    assert "container-title" not in item


@pytest.mark.parametrize(
    ("cite_class", "csl_type"),
    [
        ("citation news cs1", "article-newspaper"),
        ("citation journal", "article-journal"),
        ("citation magazine cs1", "article-magazine"),
        ("citation encyclopaedia", "entry-encyclopedia"),
        ("citation thesis", "thesis"),
        ("citation techreport", "report"),
        ("citation conference", "paper-conference"),
        ("citation audio-visual", "motion_picture"),
        ("citation podcast", "broadcast"),
        ("citation arxiv", "article"),
    ],
)
def test_the_template_named_in_the_cite_class_gives_the_type(
    cite_class: str, csl_type: str
) -> None:
    item = coins(f"{JOURNAL}&rft.genre=article&rft.atitle=A&rft.jtitle=B", cite_class)
    assert item["type"] == csl_type


@pytest.mark.parametrize(
    ("kev", "csl_type"),
    [
        (f"{JOURNAL}&rft.genre=article", "article-journal"),
        (f"{BOOK}&rft.genre=book", "book"),
        (f"{BOOK}&rft.genre=bookitem&rft.atitle=Chapter", "chapter"),
        (f"{BOOK}&rft.genre=proceeding", "paper-conference"),
        (f"{BOOK}&rft.genre=report", "report"),
        ("rft_val_fmt=info:ofi/fmt:kev:mtx:dissertation", "thesis"),
        ("rft.genre=preprint", "article"),
    ],
)
def test_without_a_template_the_format_and_genre_give_the_type(kev: str, csl_type: str) -> None:
    assert coins(f"{kev}&rft.btitle=T")["type"] == csl_type


def test_cite_book_with_a_chapter_is_a_chapter_of_the_book() -> None:
    item = coins(f"{BOOK}&rft.genre=bookitem&rft.atitle=Walls&rft.btitle=Works", "citation book")
    assert (item["type"], item["title"], item["container-title"]) == ("chapter", "Walls", "Works")


def test_press_release_is_a_report_whose_genre_says_so() -> None:
    item = coins(f"{BOOK}&rft.genre=unknown&rft.btitle=Wall+Done", "citation pressrelease")
    assert (item["type"], item["genre"]) == ("report", "Press release")


def test_dublin_core_blog_post_from_a_coins_plugin() -> None:
    kev = "rft_val_fmt=info:ofi/fmt:kev:mtx:dc&rft.title=Mai%26%238230%3B&rft.source=Blog"
    item = coins(f"{kev}&rft.type=blogPost")
    assert (item["type"], item["title"], item["container-title"]) == ("post-weblog", "Mai…", "Blog")


def test_coins_without_a_title_gives_nothing() -> None:
    assert coins(f"{JOURNAL}&rft.jtitle=&rft.date=2001", "citation web") is None


# --- COinS: names, dates, pages, identifiers ---------------------------------------------------


def test_aulast_aufirst_come_first_then_each_au_split_at_its_first_comma() -> None:
    kev = "rft.btitle=T&rft.aulast=Ash&rft.aufirst=Jon&rft.au=Okafor,+Ngozi&rft.au=Matt+Jones"
    assert coins(kev)["author"] == [
        {"family": "Ash", "given": "Jon"},
        {"family": "Okafor", "given": "Ngozi"},
        {"literal": "Matt Jones"},
    ]


def test_an_organisation_stays_one_literal_name_even_with_a_comma() -> None:
    item = coins("rft.btitle=T&rft.au=Ministry+of+Health,+Ghana&rft.au=Mozilla+Foundation")
    assert item["author"] == [
        {"literal": "Ministry of Health, Ghana"},
        {"literal": "Mozilla Foundation"},
    ]


def test_first_author_repeated_as_au_is_listed_once() -> None:
    kev = "rft.btitle=T&rft.aulast=Ash&rft.aufirst=Jon&rft.au=Jon+Ash&rft.au=Ash,+Jon"
    assert coins(kev)["author"] == [{"family": "Ash", "given": "Jon"}]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("2017", {"date-parts": [[2017]]}),
        ("2017-09", {"date-parts": [[2017, 9]]}),
        ("2017-09-26", {"date-parts": [[2017, 9, 26]]}),
        ("2017-09-26T10:00:00Z", {"date-parts": [[2017, 9, 26]]}),
        ("26 September 2017", {"date-parts": [[2017, 9, 26]]}),
        ("Spring 2001", {"literal": "Spring 2001"}),
        ("n.d.", None),
        ("", None),
    ],
)
def test_dates_become_date_parts_when_whole_else_literal(text: str, date: object) -> None:
    assert csl_date(text) == date


@pytest.mark.parametrize(
    ("text", "pages"), [("45-61", "45–61"), ("pp. 210 - 212", "210–212"), ("S1--S3", "S1–S3")]
)
def test_pages_become_an_en_dash_range(text: str, pages: str) -> None:
    assert page_range(text) == pages


def test_start_and_end_pages_make_a_range() -> None:
    assert coins("rft.btitle=T&rft.spage=12&rft.epage=19")["page"] == "12–19"


def test_doi_pmid_arxiv_and_url_ids_each_find_their_field() -> None:
    ids = "info:doi/10.5555/x.1", "info:pmid/123", "info:arxiv/2101.01234", "https://reach.example/"
    item = coins("rft.atitle=T&" + "&".join(f"rft_id={i}" for i in ids))
    assert (item["DOI"], item["PMID"], item["number"], item["URL"]) == (
        "10.5555/x.1", "123", "arXiv:2101.01234", "https://reach.example/")  # fmt: skip


def test_identifier_links_mediawiki_builds_are_not_the_works_url() -> None:
    pmc = "//www.ncbi.nlm.nih.gov/pmc/articles/PMC42%23id-name%3DPMC"
    item = coins(f"rft.atitle=T&rft_id=//www.jstor.org/stable/1%23id-name%3DJSTOR&rft_id={pmc}")
    assert "URL" not in item and item["PMCID"] == "PMC42"


def test_values_are_stripped_capped_and_lose_control_characters() -> None:
    item = coins(f"rft.btitle=+Tide%00+Tables%1B+%0A&rft.pub={'P' * 5000}")
    assert item["title"] == "Tide Tables"
    assert len(item["publisher"]) == MAX_VALUE


def test_malformed_percent_encoding_is_kept_as_written() -> None:
    assert coins("rft.btitle=100%+Cotton%zz&rft.pub=A%E9")["title"] == "100% Cotton%zz"


def test_hostile_coins_title_neither_raises_nor_hangs() -> None:
    huge = "&".join(f"rft.au=N{n}%00%ZZ%C3" for n in range(200_000))
    hostile = [huge, "rft.btitle=" + "%E2%80" * 100_000, "=&&==&" * 50_000, "\x00" * 1_000_000]
    started = time.perf_counter()
    for title in hostile:
        coins_item(title, "citation web")
    assert time.perf_counter() - started < 2


# --- schema.org ----------------------------------------------------------------------------------


ISSUE = {"issueNumber": "2", "isPartOf": {"volumeNumber": 13, "isPartOf": {"name": "J. Works"}}}


def test_json_ld_scholarly_article_walks_its_issue_volume_and_journal() -> None:
    item = schema_item({"@type": "ScholarlyArticle", "name": "Scour", "isPartOf": ISSUE})
    assert item is not None and item["type"] == "article-journal"
    assert (item["issue"], item["volume"], item["container-title"]) == ("2", "13", "J. Works")


def test_a_bare_link_or_a_text_citation_gives_nothing() -> None:
    assert schema_item({"@type": "CreativeWork", "url": "https://reach.example/"}) is None
    assert schema_item("Reach County Council. Minutes. 1913.") is None


def test_a_string_author_listing_people_splits_into_them() -> None:
    item = schema_item({"@type": "Book", "name": "T", "author": "NH. Shear, SP. Spielberg, "})
    assert item is not None
    assert item["author"] == [{"literal": "NH. Shear"}, {"literal": "SP. Spielberg"}]


BOOK_MICRODATA = (
    '<p itemprop="citation" itemscope itemtype="http://schema.org/Book"><i itemprop="name">Walls'
    '</i><span itemprop="author" itemscope><meta itemprop="familyName" content="Rowe"></span>'
    '<time itemprop="datePublished" datetime="2009-04-01">April</time></p>'
)


def test_microdata_reads_content_datetime_and_nested_people() -> None:
    item = schema_item(microdata(parse_html(BOOK_MICRODATA, "x").find(".//p")))
    assert item == {"type": "book", "title": "Walls", "author": [{"family": "Rowe"}],
                    "issued": {"date-parts": [[2009, 4, 1]]}}  # fmt: skip


# --- through the importer ----------------------------------------------------------------------


FIXTURE_TYPES = ["webpage", "article-newspaper", "article-journal", "book", "webpage", "article"]


def test_mediawiki_notes_take_their_coins_items_and_template_types() -> None:
    types = [(f.csl or {}).get("type") for f in notes("fn_coins_mediawiki.html")]
    assert types[:6] == FIXTURE_TYPES
    assert types[9:] == ["entry-encyclopedia", "report"]


def test_mediawiki_note_item_is_the_pages_metadata_and_its_text_is_unchanged() -> None:
    first = notes("fn_coins_mediawiki.html")[0]
    assert first.text.startswith('Talebi, Mira (4 March 2019). "Dredging the Bar, Again".')
    assert first.csl is not None and first.kind == "citation"
    assert (first.csl["container-title"], first.csl["accessed"]) == (
        "The Reach Gazette",
        {"date-parts": [[2021, 5, 12]]},
    )


def test_organisation_author_doi_and_arxiv_id_come_through() -> None:
    found = notes("fn_coins_mediawiki.html")
    assert found[2].csl is not None and found[2].csl["DOI"] == "10.5555/jew.2017.0312"
    assert found[3].csl is not None and found[3].csl["author"] == [
        {"literal": "Kelmscott Harbour Trust"}
    ]
    assert found[5].csl is not None and found[5].csl["number"] == "arXiv:2101.01234"


def test_bundled_note_takes_its_first_coins_and_keeps_both_citations_in_its_text() -> None:
    bundled = notes("fn_coins_mediawiki.html")[6]
    assert bundled.csl is not None and bundled.csl["title"] == "Coal and the Coast"
    assert "Coal at the Quay" in bundled.text


def test_note_without_coins_is_parsed_and_ibid_refers_back() -> None:
    found = notes("fn_coins_mediawiki.html")
    assert found[7].csl is not None and found[7].csl["title"] != "Coal and the Coast"
    assert found[8].refers_to == "8"


def test_json_ld_citations_attach_by_url_or_title_and_unmatched_ones_nowhere() -> None:
    found = notes("fn_schema_citation.html")
    assert found[0].csl is not None and found[0].csl["DOI"] == "10.5555/jew.2018.0101"
    assert found[1].csl is not None and found[1].csl["publisher"] == "Harbour Lane Books"
    titles = [(f.csl or {}).get("title") for f in found]
    assert "Gales Test the New Breakwater at Dunmore Point" not in titles


def test_json_ld_title_matches_only_the_first_note_naming_it() -> None:
    last = notes("fn_schema_citation.html")[5]
    assert last.csl is None or last.csl.get("publisher") != "Harbour Lane Books"


def test_microdata_in_a_note_and_a_cite_with_itemscope_give_items() -> None:
    found = notes("fn_schema_citation.html")
    assert found[3].csl is not None and found[3].csl["ISBN"] == "978-0-00-000002-6"
    assert found[4].csl is not None and found[4].csl["type"] == "webpage"


def test_a_cite_holding_a_person_is_not_a_citation() -> None:
    page = (
        '<p>Text.<sup><a href="#fn1">1</a></sup></p><ol class="footnotes"><li id="fn1"><cite '
        'itemscope itemtype="http://schema.org/Person"><b itemprop="name">Ines Varga</b></cite>, '
        "interview by the author, 2020.</li></ol>"
    )
    note = html.extract(page.encode(), "x.html").article.footnotes[0]
    assert note.csl is None or note.csl.get("title") != "Ines Varga"


def test_undecodable_coins_bytes_are_taken_as_the_note_shows_them() -> None:
    page = (
        '<p>Text.<sup><a href="#cite_note-1">[1]</a></sup></p><ol class="references">'
        '<li id="cite_note-1"><cite class="citation web">"cisco/openh264 · GitHub".</cite>'
        '<span class="Z3988" title="rft.btitle=cisco%2Fopenh264+%B7+GitHub"></span></li></ol>'
    )
    found = html.extract(page.encode(), "x.html").article.footnotes
    assert found[0].csl is not None and found[0].csl["title"] == "cisco/openh264 · GitHub"


def test_hostile_coins_in_a_page_neither_raises_nor_hangs() -> None:
    title = "&".join(f"rft.au%{n % 99}=%ZZ%01{n}&rft.btitle=%E2%80" for n in range(50_000))
    page = (
        '<p>Text.<sup><a href="#cite_note-1">[1]</a></sup></p><ol class="references">'
        f'<li id="cite_note-1">A note.<span class="Z3988" title="{title}"></span></li></ol>'
    )
    started = time.perf_counter()
    assert html.extract(page.encode(), "x.html").article.footnotes[0].text == "A note."
    assert time.perf_counter() - started < 2


def test_a_template_without_coins_types_the_parsed_citation() -> None:
    page = (
        b"<html><body><article><p>The ferry stopped in 2011.<sup id='cite_ref-1'>"
        b"<a href='#cite_note-1'>[1]</a></sup></p><ol class='references'><li id='cite_note-1'>"
        b"<span class='reference-text'><cite class='citation web cs1'>Lindqvist, Frida "
        b'(15 November 2012). "Ferry Line Closes". Harbour Daily.</cite></span></li></ol>'
        b"</article></body></html>"
    )
    (note,) = html.extract(page, "fn_template_only.html").article.footnotes
    assert note.csl is not None and note.csl["type"] == "webpage"
    assert note.csl["title"] == "Ferry Line Closes"
