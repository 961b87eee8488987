"""Room to work: the dossier builder as a view of its own, and sizes kept across a restart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QSettings, Qt

from archivist.gui.main_window import MainWindow


@pytest.fixture
def reopen(qtbot, filled, settings: QSettings) -> Iterator[object]:
    """Open a further window on the same archive and settings (as a restart would)."""
    opened: list[MainWindow] = []

    def make() -> MainWindow:
        win = MainWindow(filled[0], settings)
        qtbot.addWidget(win)
        win.resize(1400, 860)
        win.show()
        qtbot.waitExposed(win)
        opened.append(win)
        return win

    yield make
    for win in opened:
        win.close()
        win.archive.close()


def test_the_dossier_builder_sits_beside_the_library(window: MainWindow) -> None:
    window.show_dossiers()
    assert window.library.isVisible() and window.dossiers.isVisible()
    assert not window.reader.isVisible() and not window.notes.isVisible()
    columns = [window.dossiers.columns.widget(i) for i in range(3)]
    assert window.dossiers.list.parent() is columns[0]
    assert window.dossiers.articles.parent() is columns[1]
    assert window.dossiers.export.parent() is columns[2]
    lefts = [c.mapTo(window, c.rect().topLeft()).x() for c in columns]
    assert lefts == sorted(lefts)


def test_back_to_the_reader_restores_the_three_panes(window: MainWindow) -> None:
    sizes = window.splitter.sizes()
    window.show_dossiers()
    window.show_reader()
    assert window.library.parent() is window.splitter
    assert window.reader.isVisible() and window.notes.isVisible()
    assert window.splitter.sizes() == sizes


def test_selecting_a_library_row_keeps_the_builder_and_enter_opens_the_reader(
    qtbot, window: MainWindow, filled
) -> None:
    window.show_dossiers()
    window.library.select_article(filled[1]["fa"])
    assert window.showing_dossiers()
    window.library.table.setFocus()
    qtbot.keyClick(window.library.table, Qt.Key.Key_Return)
    assert not window.showing_dossiers()
    assert window.document is not None and window.document.id == filled[1]["fa"]


def test_alt_down_moves_an_article_in_the_dossier(qtbot, window: MainWindow, filled) -> None:
    ids = filled[1]
    dossier_id = window.dossiers.new_dossier("Water", [ids["en"], ids["fa"]])
    window.dossiers.articles.item(0).setSelected(True)
    qtbot.keyClick(window.dossiers.articles, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert window.archive.dossiers.get(dossier_id).article_ids == (ids["fa"], ids["en"])
    assert [i.text()[:2] for i in window.dossiers.articles.selectedItems()] == ["2."]


def test_panel_sizes_survive_a_restart(reopen) -> None:
    first = reopen()
    first.splitter.setSizes([300, 800, 300])
    desk = first.splitter.sizes()
    first.show_dossiers()
    first.dossier_splitter.setSizes([500, 900])
    first.dossiers.columns.setSizes([250, 350, 300])
    dossier, columns = first.dossier_splitter.sizes(), first.dossiers.columns.sizes()
    first.close()

    second = reopen()

    assert second.showing_dossiers()
    assert second.dossier_splitter.sizes() == dossier
    assert second.dossiers.columns.sizes() == columns
    second.show_reader()
    assert second.splitter.sizes() == desk


def test_a_restart_in_the_reader_keeps_the_reader(reopen) -> None:
    first = reopen()
    first.show_dossiers()
    first.show_reader()
    first.close()
    assert not reopen().showing_dossiers()


def test_the_view_is_remembered_in_the_settings_file(window: MainWindow, settings) -> None:
    window.show_dossiers()
    window.close()
    assert settings.value("window/view") == "dossiers"
    assert not settings.value("window/dossier_splitter").isEmpty()
