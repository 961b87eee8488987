"""The dossier builder: create, add from the library, reorder, options, export a PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from archivist.gui import flows
from archivist.gui.dossier import ids_from_mime
from archivist.gui.main_window import MainWindow


def test_library_rows_drag_as_article_ids(window: MainWindow) -> None:
    model = window.library.model
    data = model.mimeData([model.index(0, 0), model.index(1, 0)])
    assert ids_from_mime(data) == [model.article_id(0), model.article_id(1)]


def test_new_dossier_from_selection_lists_articles(window: MainWindow, filled) -> None:
    ids = filled[1]
    dossier_id = window.dossiers.new_dossier("Water", [ids["en"], ids["fa"]])
    assert window.archive.dossiers.get(dossier_id).article_ids == (ids["en"], ids["fa"])
    assert window.dossiers.articles.order() == [ids["en"], ids["fa"]]


def test_reorder_is_saved(window: MainWindow, filled) -> None:
    ids = filled[1]
    dossier_id = window.dossiers.new_dossier("Water", [ids["en"], ids["fa"]])
    window.dossiers.reorder([ids["fa"], ids["en"]])
    assert window.archive.dossiers.get(dossier_id).article_ids == (ids["fa"], ids["en"])
    assert window.dossiers.articles.item(0).text().startswith("1. باغ")


def test_add_from_the_library_menu_path(window: MainWindow, filled) -> None:
    ids = filled[1]
    dossier_id = window.dossiers.new_dossier("Water")
    flows.add_to_dossier(window, dossier_id, [ids["fa"]])
    assert window.archive.dossiers.get(dossier_id).article_ids == (ids["fa"],)
    assert window.showing_dossiers() and window.dossiers.isVisible()


def test_options_are_saved(qtbot, window: MainWindow, filled) -> None:
    dossier_id = window.dossiers.new_dossier("Water", [filled[1]["en"]])
    window.dossiers.excerpts.setChecked(True)
    window.dossiers.colors.item(0).setCheckState(Qt.CheckState.Unchecked)
    options = window.archive.dossiers.get(dossier_id).options
    assert options["excerpts_only"] is True
    assert "yellow" not in options["colors"]


def test_export_writes_a_pdf_in_the_background(qtbot, window: MainWindow, filled, tmp_path: Path):
    dossier_id = window.dossiers.new_dossier("Water", [filled[1]["en"], filled[1]["fa"]])
    out = tmp_path / "water.pdf"
    with qtbot.waitSignal(window.jobs.ended, timeout=60000) as ended:
        flows.export_dossier_to(window, dossier_id, out)
    assert ended.args == ["finished"]
    assert out.read_bytes().startswith(b"%PDF")
    assert window.findChild(QMessageBox, "ExportDone") is not None


def test_reorder_rename_and_remove_are_undone_and_redone(window: MainWindow, filled) -> None:
    ids = filled[1]
    dossier_id = window.dossiers.new_dossier("Water", [ids["en"], ids["fa"]])
    window.dossiers.reorder([ids["fa"], ids["en"]])
    window.dossiers.title.setText("Water and gardens")
    window.dossiers.title.editingFinished.emit()
    window.dossiers.articles.item(1).setSelected(True)
    window.dossiers._remove_selected()
    assert window.archive.dossiers.get(dossier_id).article_ids == (ids["fa"],)
    stack = window.undo_stack
    stack.undo()
    assert window.archive.dossiers.get(dossier_id).article_ids == (ids["fa"], ids["en"])
    stack.undo()
    assert window.archive.dossiers.get(dossier_id).title == "Water"
    assert window.dossiers.title.text() == "Water"  # the builder shows the undone state
    stack.undo()
    assert window.archive.dossiers.get(dossier_id).article_ids == (ids["en"], ids["fa"])
    stack.redo()
    stack.redo()
    assert window.archive.dossiers.get(dossier_id).title == "Water and gardens"


def test_an_edit_that_changes_nothing_adds_no_undo_step(window: MainWindow, filled) -> None:
    window.dossiers.new_dossier("Water", [filled[1]["en"]])
    steps = window.undo_stack.count()
    window.dossiers.title.editingFinished.emit()
    assert window.undo_stack.count() == steps


def test_a_deleted_dossier_comes_back_with_undo(window: MainWindow, filled) -> None:
    dossier_id = window.dossiers.new_dossier("Water", [filled[1]["en"]])
    window.dossiers._delete()
    assert dossier_id not in [d.id for d in window.archive.dossiers.all()]
    window.undo_stack.undo()
    assert dossier_id in [d.id for d in window.archive.dossiers.all()]
    assert window.dossiers.current is not None and window.dossiers.current.id == dossier_id


def test_unticking_every_colour_is_shown_as_none_ticked(window: MainWindow, filled) -> None:
    dossier_id = window.dossiers.new_dossier("Water", [filled[1]["en"]])
    colors = window.dossiers.colors
    for row in range(colors.count()):
        colors.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert window.archive.dossiers.get(dossier_id).options["colors"] == []
    window.dossiers.reload()
    states = {colors.item(row).checkState() for row in range(colors.count())}
    assert states == {Qt.CheckState.Unchecked}


def test_notes_in_the_style_is_a_saved_option(qtbot, window: MainWindow, filled) -> None:
    dossier_id = window.dossiers.new_dossier("Water", [filled[1]["en"]])
    assert not window.dossiers.styled_notes.isChecked()
    window.dossiers.styled_notes.setChecked(True)
    assert window.archive.dossiers.get(dossier_id).options["notes_in_style"] is True
