"""The library queries: ids sorted and filtered in SQL, rows in batches, bulk adding."""

from __future__ import annotations

import dataclasses

import pytest

from archivist.archive import Archive
from archivist.archive.library import LibraryFilter
from archivist.model import ArticleId, Footnote
from factories import make_extraction


def add(archive: Archive, title: str, text: str, **meta: object) -> ArticleId:
    body = text + " [1]"
    # Footnotes are searched too: this one names nothing the tests search for.
    note = (Footnote("1", (body.index("[1]"),), "Ledger of the port, 1901."),)
    extraction = make_extraction(title, body, filename=f"{title}.txt", footnotes=note)
    article = dataclasses.replace(extraction.article, **meta)  # type: ignore[arg-type]
    return archive.articles.add(dataclasses.replace(extraction, article=article), title.encode())


@pytest.fixture
def three(archive: Archive) -> list[ArticleId]:
    return [
        add(
            archive,
            "Beta tides",
            "Harbour walls and tides.",
            site="sea.example",
            published="2019-05-01",
            authors=("Zed Alder",),
        ),
        add(
            archive,
            "alpha lamps",
            "Lamps of the lighthouse.",
            site="light.example",
            published="2021-01-10",
            authors=("Ann Birch",),
        ),
        add(
            archive,
            "Gamma ferries",
            "Ferries cross the harbour.",
            site="sea.example",
            published="2020-07-15",
            authors=("Mo Cedar",),
        ),
    ]


def test_ids_in_import_order_by_default(archive: Archive, three: list[ArticleId]) -> None:
    assert archive.library.ids() == three


def test_title_sort_ignores_case_and_can_descend(archive: Archive, three: list[ArticleId]) -> None:
    assert archive.library.ids("title") == [three[1], three[0], three[2]]
    assert archive.library.ids("title", descending=True) == [three[2], three[0], three[1]]


def test_published_sort(archive: Archive, three: list[ArticleId]) -> None:
    assert archive.library.ids("published") == [three[0], three[2], three[1]]


def test_highlight_count_sort(archive: Archive, three: list[ArticleId]) -> None:
    archive.annotations.highlight_quote(three[2], "Ferries")
    assert archive.library.ids("highlights", descending=True)[0] == three[2]


def test_highlight_sort_pages_the_highlighted_then_the_others(
    archive: Archive, three: list[ArticleId]
) -> None:
    archive.annotations.highlight_quote(three[1], "Lamps")
    archive.annotations.highlight_quote(three[1], "lighthouse")
    archive.annotations.highlight_quote(three[0], "Harbour")
    most = archive.library.listing("highlights", descending=True)
    assert most.total == 3 and most.page(0, 1) + most.page(1, 5) == [three[1], three[0], three[2]]
    fewest = archive.library.listing("highlights")
    assert fewest.page(0, 2) == [three[2], three[0]] and fewest.page(2, 2) == [three[1]]
    assert fewest.position(three[1]) == 2


def test_authors_and_site_sorts_ignore_case(archive: Archive, three: list[ArticleId]) -> None:
    lower = add(archive, "Delta", "Docks.", site="Light.example", authors=("ann Alder",))
    assert archive.library.ids("authors") == [lower, three[1], three[2], three[0]]
    assert archive.library.ids("site")[:2] == [three[1], lower]


def test_query_filters_by_full_text(archive: Archive, three: list[ArticleId]) -> None:
    found = archive.library.ids("title", where=LibraryFilter(query="harbour"))
    assert found == [three[0], three[2]]


def test_search_sorted_by_import_pages_from_the_index(
    archive: Archive, three: list[ArticleId]
) -> None:
    newest = archive.library.listing("imported", True, LibraryFilter(query="harbour"))
    assert newest.total == 2 and newest.page(0, 1) + newest.page(1, 1) == [three[2], three[0]]
    assert newest.position(three[0]) == 1 and not newest.contains(three[1])
    where = LibraryFilter(query="harbour", site="sea.example", published_from="2020")
    assert archive.library.ids("imported", where=where) == [three[2]]


def test_search_with_a_filter_ranks_and_counts_only_what_the_filter_keeps(
    archive: Archive, three: list[ArticleId]
) -> None:
    archive.annotations.tag_article(three[2], "boats")
    found = archive.library.listing("relevance", where=LibraryFilter(query="harbour", tag="boats"))
    assert found.total == 1 and found.page(0, 5) == [three[2]]
    assert found.contains(three[2]) and not found.contains(three[0])


@pytest.mark.parametrize(("share", "chunk"), [(0.0, 1), (1.1, 2000)])
def test_search_sorted_by_a_column_walks_or_sorts_the_matches(
    archive: Archive,
    three: list[ArticleId],
    monkeypatch: pytest.MonkeyPatch,
    share: float,
    chunk: int,
) -> None:
    # A common word walks the column's order a chunk at a time; a rare one is sorted whole.
    from archivist.archive import library, listing

    monkeypatch.setattr(library, "WALKED_SHARE", share)
    monkeypatch.setattr(listing, "CHUNK", chunk)
    by_author = archive.library.listing("authors", True, LibraryFilter(query="harbour"))
    assert by_author.total == 2
    assert by_author.page(0, 1) + by_author.page(1, 3) == [three[0], three[2]]
    assert by_author.position(three[2]) == 1 and not by_author.contains(three[1])
    where = LibraryFilter(query="harbour", published_to="2019")
    assert archive.library.ids("published", where=where) == [three[0]]


def test_relevance_sort_returns_only_matches(archive: Archive, three: list[ArticleId]) -> None:
    found = archive.library.ids("relevance", where=LibraryFilter(query="lighthouse"))
    assert found == [three[1]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [('"', []), ("AND", [0]), ("c++", []), ("*", []), ('"harbour', [0, 2]), ("   ", [0, 1, 2])],
)
def test_hostile_query_finds_its_words_and_never_raises(
    archive: Archive, three: list[ArticleId], query: str, expected: list[int]
) -> None:
    # "AND" is a word here, not an operator; a blank box filters nothing.
    assert archive.library.ids(where=LibraryFilter(query=query)) == [three[i] for i in expected]


def test_filters_by_site_and_date_range(archive: Archive, three: list[ArticleId]) -> None:
    where = LibraryFilter(site="sea.example", published_from="2020", published_to="2020")
    assert archive.library.ids(where=where) == [three[2]]


def test_filters_by_tag_and_colour(archive: Archive, three: list[ArticleId]) -> None:
    archive.annotations.tag_article(three[0], "ports")
    archive.annotations.highlight_quote(three[1], "Lamps", color="green")
    assert archive.library.ids(where=LibraryFilter(tag="ports")) == [three[0]]
    assert archive.library.ids(where=LibraryFilter(color="green")) == [three[1]]


def test_trashed_articles_are_not_listed(archive: Archive, three: list[ArticleId]) -> None:
    archive.trash.delete_article(three[0])
    assert archive.library.ids() == three[1:]


def test_rows_come_back_in_the_order_asked(archive: Archive, three: list[ArticleId]) -> None:
    archive.annotations.tag_article(three[2], "boats")
    archive.annotations.highlight_quote(three[2], "Ferries")
    rows = archive.library.rows([three[2], three[0]])
    assert [r.id for r in rows] == [three[2], three[0]]
    assert (rows[0].title, rows[0].authors, rows[0].highlights, rows[0].tags) == (
        "Gamma ferries",
        ("Mo Cedar",),
        1,
        ("boats",),
    )


def test_snippets_mark_the_match(archive: Archive, three: list[ArticleId]) -> None:
    snippets = archive.search.snippets([three[1]], "lighthouse")
    assert "**lighthouse**" in snippets[three[1]]


def test_sites_are_listed_once(archive: Archive, three: list[ArticleId]) -> None:
    assert archive.library.sites() == ("light.example", "sea.example")
    archive.trash.delete_article(three[1])
    assert archive.library.sites() == ("sea.example",)


def test_add_many_stores_every_item(archive: Archive) -> None:
    items = [
        (make_extraction(f"T{i}", f"Body {i}. [1]", filename=f"{i}.txt"), b"x%d" % i)
        for i in range(5)
    ]
    assert archive.articles.add_many(iter(items), batch=2) == 5
    assert archive.articles.count() == 5


def test_word_being_typed_matches_as_a_prefix(archive: Archive, three: list[ArticleId]) -> None:
    assert archive.library.ids(where=LibraryFilter(query="lightho")) == [three[1]]
    assert archive.library.ids(where=LibraryFilter(query="lightho ")) == []
