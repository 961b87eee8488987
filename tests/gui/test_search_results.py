"""Why a library row matched: the snippet, where it matched, and the count in the status bar."""

from __future__ import annotations

from PySide6.QtGui import QPixmap

from archivist.gui.library import MATCH_ROLE
from archivist.gui.main_window import MainWindow
from archivist.gui.search_results import Match, lead_in, plain_snippet, snippet_html


def search(qtbot, window: MainWindow, text: str) -> None:
    window.library.search.setText(text)
    window.library.apply_filter()


def first_match(window: MainWindow) -> Match:
    match = window.library.model.data(window.library.model.index(0, 0), MATCH_ROLE)
    assert isinstance(match, Match)
    return match


def test_a_match_in_the_text_shows_the_words_around_it_marked(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "quay")
    match = first_match(window)
    assert match.where == "text"
    assert "**quay**" in match.snippet
    assert "<b>quay</b>" in snippet_html(match)
    assert snippet_html(match).startswith("<i>text</i>: ")


def test_a_match_in_the_title_says_so(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "tides")
    match = first_match(window)
    assert match == Match("title", "Ports and **Tides**")
    assert plain_snippet(match) == "title: Ports and Tides"


def test_the_status_bar_counts_the_matches(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "quay")
    assert window.statusBar().currentMessage() == "1 match · 2 articles"
    search(qtbot, window, "")
    assert window.statusBar().currentMessage() == "2 articles"


def test_rows_grow_a_second_line_while_searching(qtbot, window: MainWindow) -> None:
    one_line = window.library.table.rowHeight(0)
    search(qtbot, window, "quay")
    assert window.library.table.rowHeight(0) > one_line * 1.5
    search(qtbot, window, "")
    assert window.library.table.rowHeight(0) == one_line


def test_the_snippet_is_painted_under_the_title(qtbot, window: MainWindow) -> None:
    search(qtbot, window, "quay")
    window.library.table.viewport().update()
    picture = QPixmap(window.library.table.viewport().size())
    window.library.table.viewport().render(picture)
    assert not picture.isNull()


def test_markup_in_article_text_is_shown_as_text() -> None:
    match = Match("text", "a <img src=x> **quay** & more")
    assert snippet_html(match) == "<i>text</i>: a &lt;img src=x&gt; <b>quay</b> &amp; more"


def test_a_match_in_a_note_or_a_footnote_is_found_and_named(qtbot, window: MainWindow, filled):
    highlight = window.archive.annotations.highlight_quote(
        filled[1]["en"], "wooden pier", color="green"
    )
    window.archive.annotations.add_note(
        filled[1]["en"], "Compare the lighthouse keeper's log", highlight_id=highlight.id
    )
    search(qtbot, window, "lighthouse")
    assert first_match(window).where == "note"
    search(qtbot, window, "Annual Report")
    assert first_match(window).where == "footnote"


def test_a_narrow_cell_starts_the_snippet_just_before_the_match() -> None:
    assert lead_in("…one two three four **quay** five") == "…three four **quay** five"
    assert lead_in("two words **quay**") == "two words **quay**"
    assert lead_in("no match here") == "no match here"
