"""Undo commands on a bare QUndoStack: each calls the core, undo and redo round-trip."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QUndoStack

from archivist.archive import Archive
from archivist.gui import undo


@pytest.fixture
def setup(filled) -> Iterator[tuple[Archive, QUndoStack, undo.Changes, dict]]:
    path, ids = filled
    archive = Archive.open(str(path))
    yield archive, QUndoStack(), undo.Changes(), ids
    archive.close()


def test_add_highlight_undo_and_redo(setup) -> None:
    archive, stack, changes, ids = setup
    stack.push(undo.AddHighlight(archive, changes, ids["en"], start=4, end=11, color="red"))
    assert [h.exact for h in archive.annotations.highlights(ids["en"])] == ["harbour"]
    stack.undo()
    assert archive.annotations.highlights(ids["en"]) == ()
    stack.redo()
    assert [h.color for h in archive.annotations.highlights(ids["en"])] == ["red"]


def test_note_edits_merge_into_one_step(setup) -> None:
    archive, stack, changes, ids = setup
    add = undo.AddNote(archive, changes, ids["en"], "first", footnote_label="1")
    stack.push(add)
    stack.push(undo.EditNote(archive, changes, add.note_id, "first draft"))
    stack.push(undo.EditNote(archive, changes, add.note_id, "first draft, done"))
    assert stack.count() == 2
    stack.undo()
    assert archive.annotations.note(add.note_id).text == "first"


def test_recolor_undo_restores_the_old_colour(setup) -> None:
    archive, stack, changes, ids = setup
    made = undo.AddHighlight(archive, changes, ids["en"], start=4, end=11, color="yellow")
    stack.push(made)
    stack.push(undo.RecolorHighlight(archive, changes, made.highlight_id, "blue"))
    stack.undo()
    assert archive.annotations.highlight(made.highlight_id).color == "yellow"


def test_trash_articles_and_undo(qtbot, setup) -> None:
    archive, stack, changes, ids = setup
    with qtbot.waitSignal(changes.libraryChanged):
        stack.push(undo.TrashArticles(archive, changes, [ids["en"]]))
    assert archive.articles.count() == 1
    stack.undo()
    assert archive.articles.count() == 2


def test_article_tags_undo(setup) -> None:
    archive, stack, changes, ids = setup
    stack.push(undo.SetArticleTags(archive, changes, [ids["fa"]], add=["gardens"]))
    assert archive.annotations.article_tags(ids["fa"]) == ("gardens",)
    stack.undo()
    assert archive.annotations.article_tags(ids["fa"]) == ()


def test_every_change_names_the_article(qtbot, setup) -> None:
    archive, stack, changes, ids = setup
    with qtbot.waitSignal(changes.articlesChanged) as signal:
        stack.push(undo.AddNote(archive, changes, ids["en"], "on the whole article"))
    assert signal.args == [[ids["en"]]]
