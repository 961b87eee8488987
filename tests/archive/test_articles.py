"""Adding, reading, listing and searching articles."""

from __future__ import annotations

import pytest

from archivist.archive import Archive
from archivist.errors import DuplicateError, NotFoundError
from archivist.model import ArticleId, Footnote
from factories import make_extraction


def test_added_article_reads_back_whole(archive: Archive) -> None:
    extraction = make_extraction()
    article_id = archive.articles.add(extraction, b"original bytes")
    article = archive.articles.get(article_id)
    assert article.text == extraction.article.text
    assert article.blocks == extraction.article.blocks
    assert article.marks == extraction.article.marks
    assert article.footnotes == extraction.article.footnotes
    assert article.authors == ("Mira Talebi",)
    assert article.source is not None and article.source.imported_at


def test_original_bytes_are_kept(archive: Archive) -> None:
    article_id = archive.articles.add(make_extraction(), b"\x00exact bytes\xff")
    assert archive.articles.original(article_id) == b"\x00exact bytes\xff"


def test_same_original_twice_is_a_duplicate(archive: Archive) -> None:
    first = archive.articles.add(make_extraction(), b"x")
    with pytest.raises(DuplicateError) as err:
        archive.articles.add(make_extraction(), b"x")
    assert err.value.existing_id == first
    assert archive.articles.count() == 1


def test_failed_add_leaves_nothing_behind(archive: Archive) -> None:
    bad = make_extraction(
        footnotes=(Footnote("1", (0,), "x", kind="bogus"),)  # type: ignore[arg-type]
    )
    with pytest.raises(Exception, match="CHECK constraint"):
        archive.articles.add(bad, b"x")
    assert archive.articles.count() == 0
    assert archive.articles.find_source(bad.article.source.sha256) is None  # type: ignore[union-attr]


def test_unknown_article_is_not_found(archive: Archive) -> None:
    with pytest.raises(NotFoundError):
        archive.articles.get(ArticleId(42))


def test_search_ranks_and_snippets(archive: Archive) -> None:
    archive.articles.add(
        make_extraction("Tides", "Tides and tides and more tides.", footnotes=()), b"1"
    )
    archive.articles.add(
        make_extraction("Ports", "A port. Tides once.", footnotes=(), filename="b"), b"2"
    )
    hits = archive.search.query("tides")
    assert [h.title for h in hits] == ["Tides", "Ports"]
    assert "**Tides**" in hits[1].snippet


@pytest.mark.parametrize(
    "query",
    [
        '"',
        'foo"',
        "AND",
        "OR NOT",
        "c++",
        "100%",
        "x-ray",
        "-foo",
        "title:foo",
        "*",
        "",
        "   ",
        "(",
        "NEAR(a b)",
        "a" * 10_000,
        "'",
        "\x00",
    ],
)
def test_any_search_text_is_safe(archive: Archive, query: str) -> None:
    article_id = archive.articles.add(make_extraction(), b"x")  # "Ports and Tides"
    # Operators and punctuation are plain text: only "AND" is a word of this article.
    expected = [article_id] if query == "AND" else []
    assert [hit.id for hit in archive.search.query(query)] == expected


def test_search_finds_authors_and_persian(archive: Archive) -> None:
    text = "این یک متن فارسی است. [1]"
    footnotes = (Footnote("1", (text.index("[1]"),), "منبع"),)
    archive.articles.add(
        make_extraction("عنوان", text, authors=("Kaveh Rahimi",), footnotes=footnotes), b"p"
    )
    assert archive.search.query("فارسی")[0].title == "عنوان"
    assert archive.search.query("rahimi")[0].title == "عنوان"


def test_listing_in_import_order(archive: Archive) -> None:
    archive.articles.add(make_extraction("First"), b"1")
    archive.articles.add(make_extraction("Second"), b"2")
    assert [r.title for r in archive.articles.listing()] == ["First", "Second"]
    assert archive.articles.count() == 2


def test_a_footnotes_locator_reads_back(archive: Archive) -> None:
    note = Footnote("1", (30,), "Ilse Marrow, Lights, Greyhaven Press, 1987, 61.", locator="61")
    extraction = make_extraction(footnotes=(note,))
    article = archive.articles.get(archive.articles.add(extraction, b"with a locator"))
    assert article.footnotes[0].locator == "61"


def test_why_a_footnote_is_uncited_reads_back(archive: Archive) -> None:
    listed = Footnote("R1", (), "Ilse Marrow, Lights, Greyhaven Press, 1987.", uncited="unlinked")
    dropped = Footnote("3", (), "Harbour Board, Minutes, 1910.", uncited="dropped")
    extraction = make_extraction(footnotes=(listed, dropped))
    article = archive.articles.get(archive.articles.add(extraction, b"with uncited notes"))
    assert [f.uncited for f in article.footnotes] == ["unlinked", "dropped"]


def test_big_original_bytes_written_in_place_are_kept_exactly(archive: Archive) -> None:
    big = bytes(range(256)) * (9 * 1024 * 1024 // 256 + 7)  # over two 4 MB writes, uneven
    article_id = archive.articles.add(make_extraction(), big)
    assert archive.articles.original(article_id) == big
