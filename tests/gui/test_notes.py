"""The footnote panel: rows in the dossier's style that wrap, marks, and what follows a change."""

from __future__ import annotations

from archivist.archive import Archive
from archivist.gui.citation_commands import EditCitation
from archivist.gui.footnote_rows import HTML_ROLE, FootnoteModel, format_row
from archivist.gui.main_window import MainWindow
from archivist.model import ArticleId, CitationEdit, Footnote, Note, NoteId

BOOK = {
    "type": "book",
    "author": [{"family": "Penrith", "given": "Harold"}],
    "title": "The Marsh Parishes: A Survey",
    "publisher": "Fenland Record Press",
    "issued": {"date-parts": [[1962]]},
}


def book(label: str = "1", **kw: object) -> Footnote:
    return Footnote(label, (0,), "Penrith, Marsh Parishes, 1962.", "citation", csl=BOOK, **kw)  # type: ignore[arg-type]


def test_a_book_row_reads_in_the_style_with_its_title_in_italics() -> None:
    row = format_row(book(), "chicago-notes-bibliography")
    assert row.html.startswith("<b>[1]</b> Penrith, Harold. <i>The Marsh Parishes: A Survey</i>")
    assert "Fenland Record Press, 1962." in row.plain and "<i>" not in row.plain


def test_a_commentary_row_shows_its_own_text_as_text() -> None:
    row = format_row(Footnote("2", (0,), 'An aside <img src="x.png">.', "note"), None)
    assert "An aside &lt;img" in row.html and "<img" not in row.html


def test_a_back_reference_shows_its_text_and_the_note_it_points_to() -> None:
    row = format_row(Footnote("3", (0,), "Ibid., 14.", "citation", refers_to="1"), None)
    assert "Ibid., 14." in row.plain and "→ note [1]" in row.plain


def test_edited_and_uncited_footnotes_carry_small_marks() -> None:
    row = format_row(book(edited="2026-12-01 10:00", uncited="unlinked"), "apa")
    assert "✎" in row.html and "no marker in the text" in row.html


def test_the_model_formats_only_the_rows_asked_for(qtmodeltester) -> None:
    model = FootnoteModel()
    model.set_footnotes(tuple(book(str(n)) for n in range(1, 301)))
    assert not model.is_formatted(299)
    assert "<i>" in model.index(299).data(HTML_ROLE)
    assert model.is_formatted(299) and not model.is_formatted(298)
    qtmodeltester.check(model)


def test_an_uncited_footnote_says_why_and_offers_no_way_back_to_the_text(window) -> None:
    tab = window.notes.footnotes
    listed = Footnote("R1", (), "Marrow, Lights, 1987.", "citation", uncited="unlinked")
    cited = Footnote("1", (0,), "Harbour Board, Minutes, 1910.", "citation")
    tab.set_footnotes((cited, listed))

    tab.select("R1")

    assert "without a marker in the text" in tab.citation.text()
    assert tab.back.isHidden()
    tab.select("1")
    assert "marker" not in tab.citation.text()
    assert not tab.back.isHidden()


def test_rows_wrap_at_a_narrow_width_with_no_horizontal_scrollbar(qtbot, window) -> None:
    tab = window.notes.footnotes
    window.notes.setCurrentWidget(tab)
    long = Footnote("1", (0,), "A long aside about the parish ledgers " * 6, "note")
    tab.set_footnotes((long, book("2")))
    window.splitter.setSizes([400, 900, 220])
    qtbot.waitUntil(lambda: tab.list.viewport().width() < 260)
    tab.list.viewport().repaint()
    first, second = (tab.list.visualRect(tab.model.index(r)) for r in (0, 1))
    line = tab.list.fontMetrics().lineSpacing()
    assert first.height() > 3 * line  # the long aside runs over several lines
    assert first.width() <= tab.list.viewport().width()
    assert tab.list.horizontalScrollBar().maximum() == 0
    assert second.top() >= first.bottom()


def test_the_chosen_footnote_shows_its_entry_below_not_raw_fields(window) -> None:
    tab = window.notes.footnotes
    tab.set_footnotes((book(),))
    tab.select("1")
    assert "<i>The Marsh Parishes: A Survey</i>" in tab.citation.text()
    assert "[book]" not in tab.citation.text()
    assert tab.text.text() == "[1] Penrith, Marsh Parishes, 1962."


def test_an_edit_marks_the_row_and_undo_takes_the_mark_away(window: MainWindow, filled) -> None:
    article_id = filled[1]["en"]
    window.open_article(article_id)
    window.notes.show_footnote("1")
    model = window.notes.footnotes.model
    assert "✎" not in model.index(0).data(HTML_ROLE)
    edit = CitationEdit(article_id, "1", csl=BOOK, kind="citation")
    window.undo_stack.push(EditCitation(window.archive, window.changes, article_id, "1", edit))

    assert "✎" in model.index(0).data(HTML_ROLE)
    assert "<i>The Marsh Parishes: A Survey</i>" in model.index(0).data(HTML_ROLE)
    assert window.notes.footnotes.selected_label() == "1"
    window.undo_action.trigger()
    assert "✎" not in model.index(0).data(HTML_ROLE)
    assert "Harbour Board" in model.index(0).data(HTML_ROLE)
    window.redo_action.trigger()
    assert "✎" in model.index(0).data(HTML_ROLE)


def test_choosing_another_style_reformats_the_rows(window: MainWindow) -> None:
    tab = window.notes.footnotes
    tab.set_footnotes((book(),))
    tab.select("1")
    style_box = window.dossiers.style_box
    style_box.setCurrentIndex(style_box.findData("chicago-notes-bibliography"))
    assert "Penrith, Harold." in tab.model.index(0).data(HTML_ROLE)

    style_box.setCurrentIndex(style_box.findData("apa"))

    assert "Penrith, H. (1962)." in tab.model.index(0).data(HTML_ROLE)
    assert "Penrith, H. (1962)." in tab.citation.text()
    assert tab.selected_label() == "1"


def test_a_refresh_keeps_the_chosen_footnote_in_its_place(qtbot, window) -> None:
    tab = window.notes.footnotes
    window.notes.setCurrentWidget(tab)
    notes = tuple(book(str(n)) for n in range(1, 201))
    tab.set_footnotes(notes)
    for label in ("40", "80", "120", "150"):  # scrolled through: those rows are measured
        tab.select(label)
        tab.list.viewport().repaint()
    qtbot.wait(20)
    bar = tab.list.verticalScrollBar()
    before = (bar.value(), tab.list.visualRect(tab.list.currentIndex()))

    tab.set_footnotes(notes)  # the same notes again, as after another process's change
    tab.list.viewport().repaint()
    qtbot.wait(20)

    assert tab.selected_label() == "150"
    assert (bar.value(), tab.list.visualRect(tab.list.currentIndex())) == before


def test_a_correction_made_elsewhere_shows_after_the_refresh(window: MainWindow, filled) -> None:
    path, ids = filled
    window.open_article(ids["en"])
    window.notes.show_footnote("2")
    with Archive.open(str(path)) as other:  # another connection, as the CLI's would be
        other.citations.save(CitationEdit(ids["en"], "1", csl=BOOK, kind="citation"))

    window.archive_changed_elsewhere()

    row = window.notes.footnotes.model.index(0).data(HTML_ROLE)
    assert "✎" in row and "<i>The Marsh Parishes: A Survey</i>" in row
    assert window.notes.footnotes.selected_label() == "2"


def test_a_footnotes_own_notes_wrap_too(qtbot, window) -> None:
    box = window.notes.footnotes.notes
    long = "Compare this with the county record office copy of the ledger, " * 4
    box.set_notes(("footnote", "1"), (Note(NoteId(1), ArticleId(1), "footnote", long),))
    window.splitter.setSizes([400, 900, 220])
    qtbot.waitUntil(lambda: box.list.viewport().width() < 260)
    box.list.viewport().repaint()
    row = box.list.visualItemRect(box.list.item(0))
    assert row.height() > 2 * box.list.fontMetrics().lineSpacing()
    assert box.list.horizontalScrollBar().maximum() == 0
