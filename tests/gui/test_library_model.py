"""The library table model: ids from SQL, rows on demand, search with snippets."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from archivist.archive import Archive
from archivist.archive.library import LibraryFilter
from archivist.gui.library import ID_ROLE, SNIPPET_ROLE, LibraryModel
from archivist.model import ArticleId


def open_model(path: Path) -> tuple[Archive, LibraryModel]:
    archive = Archive.open(str(path))
    model = LibraryModel(archive)
    model.refresh()
    return archive, model


def test_model_passes_the_model_tester(qtmodeltester, filled) -> None:
    archive, model = open_model(filled[0])
    qtmodeltester.check(model, force_py=True)
    archive.close()


def test_rows_show_title_and_authors(filled) -> None:
    archive, model = open_model(filled[0])
    titles = {model.data(model.index(r, 0)) for r in range(model.rowCount())}
    assert titles == {"Ports and Tides", "باغ‌های ایرانی"}
    archive.close()


def test_query_keeps_matches_and_gives_snippets(filled) -> None:
    archive, model = open_model(filled[0])
    model.set_filter(LibraryFilter(query="harbour"))
    assert model.rowCount() == 1
    assert model.data(model.index(0, 0), ID_ROLE) == filled[1]["en"]
    assert "**harbour**" in model.data(model.index(0, 0), SNIPPET_ROLE).lower()
    archive.close()


def test_sorting_by_title_happens_in_sql(filled) -> None:
    archive, model = open_model(filled[0])
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.article_id(0) == filled[1]["en"]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert model.article_id(0) == filled[1]["fa"]
    archive.close()


def test_changed_article_row_is_refetched(qtbot, filled) -> None:
    archive, model = open_model(filled[0])
    article_id: ArticleId = filled[1]["en"]
    row = model.row_of(article_id)
    assert model.data(model.index(row, 6)) == ""
    archive.annotations.tag_article(article_id, "ports")
    with qtbot.waitSignal(model.dataChanged):
        model.refresh_articles({article_id})
    assert model.data(model.index(row, 6)) == "ports"
    archive.close()


def test_unreadable_row_is_a_placeholder_not_an_error(filled) -> None:
    archive, model = open_model(filled[0])
    archive.close()
    assert model.data(model.index(0, 0)) == "(unreadable)"
