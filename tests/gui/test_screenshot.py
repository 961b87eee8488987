"""Staging the window for screenshots: size, left tab, highlight, footnote and dossier."""

from __future__ import annotations

import pytest

from archivist.gui.main_window import MainWindow
from archivist.gui.screenshot import Staging, stage, stage_open_window


@pytest.fixture
def window(window: MainWindow, filled) -> MainWindow:
    """The shared main window, with the English article open."""
    window.open_article(filled[1]["en"])
    return window


def test_size_resizes_the_window(window: MainWindow) -> None:
    stage(window, Staging(size=(1300, 900)))

    assert (window.width(), window.height()) == (1300, 900)


def test_tab_dossiers_shows_the_dossier_builder(window: MainWindow) -> None:
    stage(window, Staging(tab="dossiers"))

    assert window.showing_dossiers() and window.dossiers.isVisible()


def test_tab_library_shows_the_reader(window: MainWindow) -> None:
    window.show_dossiers()

    stage(window, Staging(tab="library"))

    assert not window.showing_dossiers() and window.reader_pane.isVisibleTo(window)


def test_footnote_opens_the_footnotes_tab_on_it(window: MainWindow) -> None:
    stage(window, Staging(footnote="2"))

    assert window.notes.currentWidget() is window.notes.footnotes
    assert window.notes.footnotes.selected_label() == "2"


def test_highlight_selects_it_in_the_notes_pane(window: MainWindow, filled) -> None:
    highlight = window.archive.annotations.highlight_quote(
        filled[1]["en"], "wooden pier", color="green"
    )
    window.open_article(filled[1]["en"])

    stage(window, Staging(highlight=highlight.id))

    assert window.notes.currentWidget() is window.notes.highlights
    assert window.notes.highlights.selected_id() == highlight.id


def test_dossier_is_chosen_in_the_builder(window: MainWindow, filled) -> None:
    dossier = window.archive.dossiers.create("Harbours", article_ids=[filled[1]["en"]])
    window.dossiers.reload()

    stage(window, Staging(dossier=dossier.id))

    assert window.showing_dossiers() and window.dossiers.isVisible()
    assert window.dossiers.current is not None and window.dossiers.current.id == dossier.id


def test_stage_open_window_finds_the_main_window(window: MainWindow) -> None:
    assert stage_open_window(Staging(tab="dossiers"))
    assert window.showing_dossiers() and window.dossiers.isVisible()
