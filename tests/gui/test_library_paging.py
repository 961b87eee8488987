"""The library model over more articles than one page: ids listed a page at a time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt

from archivist.archive import Archive, listing
from archivist.archive.library import LibraryFilter
from archivist.gui import library
from archivist.gui.library import ID_ROLE, LibraryModel
from archivist.gui.library_view import LibraryPanel
from archivist.model import ArticleId
from factories import make_extraction

ARTICLES = 11
TITLES = ["Kelp", "alder", "Quay", "birch", "Mill", "Heron", "drift", "Ice", "fen", "Gull", "Jetty"]


@pytest.fixture
def paged(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[ArticleId]]:
    """Eleven articles, listed three at a time; article n mentions the marsh n times."""
    monkeypatch.setattr(library, "PAGE", 3)
    monkeypatch.setattr(library, "ROW_BATCH", 2)
    monkeypatch.setattr(listing, "FIRST_WINDOW", 2)
    ids = []
    for n, title in enumerate(TITLES):
        text = f"Notes on the {title.lower()}. " + "The marsh floods. " * n
        extraction = make_extraction(title, text, footnotes=(), filename=f"{title}.txt")
        ids.append(archive.articles.add(extraction, title.encode()))
    yield ids


def listed(model: LibraryModel) -> list[int]:
    return [model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())]


def fetch_all(model: LibraryModel) -> list[int]:
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    return listed(model)


def test_rows_are_listed_a_page_at_a_time(archive: Archive, paged: list[ArticleId]) -> None:
    model = LibraryModel(archive)
    model.refresh()
    assert model.rowCount() == 3 and model.total() == ARTICLES
    model.fetchMore(QModelIndex())
    assert model.rowCount() == 6 and model.canFetchMore(QModelIndex())
    assert fetch_all(model) == paged[::-1]  # newest first, each once
    assert not model.canFetchMore(QModelIndex())


def test_sorting_by_title_holds_across_pages(archive: Archive, paged: list[ArticleId]) -> None:
    model = LibraryModel(archive)
    model.refresh()
    fetch_all(model)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.rowCount() == 3
    titles = [model.data(model.index(r, 0)) for r in range(len(fetch_all(model)))]
    assert titles == sorted(TITLES, key=str.casefold, reverse=True)


def test_sorting_by_authors_lists_every_article(archive: Archive, paged: list[ArticleId]) -> None:
    model = LibraryModel(archive)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 3 and sorted(fetch_all(model)) == sorted(paged)


def test_search_pages_rank_every_match_best_first(archive: Archive, paged: list[ArticleId]) -> None:
    model = LibraryModel(archive)
    model.set_filter(LibraryFilter(query="marsh"))
    assert model.total() == ARTICLES - 1  # the first article never mentions it
    assert model.rowCount() == 3
    ranked = [hit.id for hit in archive.search.query("marsh", limit=ARTICLES)]
    assert fetch_all(model) == ranked
    assert ranked[0] == paged[-1]  # the most mentions


def test_search_with_a_filter_counts_and_pages_only_what_both_keep(
    archive: Archive, paged: list[ArticleId]
) -> None:
    archive.trash.delete_article(paged[-1])
    for article in paged[1:8]:
        archive.annotations.tag_article(article, "wet")
    model = LibraryModel(archive)
    model.set_filter(LibraryFilter(query="marsh", tag="wet"))
    assert model.total() == 7
    assert fetch_all(model) == [int(a) for a in paged[7:0:-1]]


def test_an_article_beyond_the_listed_rows_is_found_and_listed(
    archive: Archive, paged: list[ArticleId]
) -> None:
    model = LibraryModel(archive)
    model.refresh()
    oldest = paged[0]
    assert model.row_of(oldest) == -1 and model.contains(oldest)
    assert model.locate(oldest) == ARTICLES - 1
    assert model.article_id(ARTICLES - 1) == oldest
    archive.trash.delete_article(paged[1])
    model.refresh()
    assert not model.contains(paged[1]) and model.locate(paged[1]) == -1


def test_a_refresh_keeps_the_rows_the_user_scrolled_to(
    archive: Archive, paged: list[ArticleId]
) -> None:
    model = LibraryModel(archive)
    model.refresh()
    model.fetchMore(QModelIndex())
    model.fetchMore(QModelIndex())
    model.refresh(keep_rows=model.rowCount())
    assert model.rowCount() == 9 and model.row_of(paged[2]) == 8


def test_a_paged_model_passes_the_model_tester(
    qtmodeltester, archive: Archive, paged: list[ArticleId]
) -> None:
    model = LibraryModel(archive)
    model.set_filter(LibraryFilter(query="marsh"))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() > 3  # the tester fetched more pages


def test_select_all_selects_every_article_not_only_the_listed(
    qtbot, archive: Archive, paged: list[ArticleId]
) -> None:
    panel = LibraryPanel(archive)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 3
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert sorted(panel.selected_ids()) == sorted(paged)


def test_a_refresh_keeps_a_selection_on_a_later_page(
    qtbot, archive: Archive, paged: list[ArticleId]
) -> None:
    panel = LibraryPanel(archive)
    qtbot.addWidget(panel)
    panel.model.fetchMore(QModelIndex())
    panel.model.fetchMore(QModelIndex())
    panel.select_article(paged[3])  # row 7: on the third page
    for n in range(4):  # above every row, as another process might: past the rows listed
        extraction = make_extraction(f"Newer {n}", "Weirs.", footnotes=(), filename=f"{n}.txt")
        archive.articles.add(extraction, f"newer {n}".encode())
    panel.refresh_keeping_view()
    assert panel.selected_ids() == [paged[3]] and panel.model.row_of(paged[3]) == 11
