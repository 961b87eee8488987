"""Saved dossiers: create, read, edit, order, remove, delete."""

from __future__ import annotations

import pytest

from archivist.archive import Archive
from archivist.archive.dossiers import DossierError
from archivist.errors import NotFoundError
from archivist.model import ArticleId, DossierId
from factories import make_extraction


def add_articles(archive: Archive, count: int) -> list[ArticleId]:
    ids = []
    for n in range(count):
        extraction = make_extraction(title=f"Article {n}", filename=f"a{n}.txt")
        ids.append(archive.articles.add(extraction, f"original {n}".encode()))
    return ids


def test_create_dossier_keeps_fields_and_order(archive: Archive) -> None:
    a, b = add_articles(archive, 2)
    dossier = archive.dossiers.create(
        "Ports", subtitle="A pack", compiler="R. Ames", article_ids=[b, a]
    )
    assert (dossier.title, dossier.subtitle, dossier.compiler) == ("Ports", "A pack", "R. Ames")
    assert dossier.article_ids == (b, a)


def test_dossiers_lists_every_live_dossier(archive: Archive) -> None:
    archive.dossiers.create("One")
    two = archive.dossiers.create("Two")
    assert [d.title for d in archive.dossiers.all()] == ["One", "Two"]
    assert two.id is not None
    archive.dossiers.delete(two.id)
    assert [d.title for d in archive.dossiers.all()] == ["One"]


def test_update_dossier_changes_fields_and_merges_options(archive: Archive) -> None:
    dossier = archive.dossiers.create("Draft", options={"style": "apa"})
    assert dossier.id is not None
    updated = archive.dossiers.update(
        dossier.id, title="Final", introduction="*Why*", options={"excerpts_only": True}
    )
    assert updated.title == "Final"
    assert updated.introduction == "*Why*"
    assert dict(updated.options) == {"style": "apa", "excerpts_only": True}


def test_update_dossier_option_none_removes_it(archive: Archive) -> None:
    dossier = archive.dossiers.create("D", options={"style": "apa"})
    assert dossier.id is not None
    assert dict(archive.dossiers.update(dossier.id, options={"style": None}).options) == {}


def test_unknown_option_is_refused(archive: Archive) -> None:
    with pytest.raises(DossierError, match="unknown dossier option 'colour'"):
        archive.dossiers.create("D", options={"colour": "red"})


def test_empty_title_is_refused(archive: Archive) -> None:
    with pytest.raises(DossierError):
        archive.dossiers.create("   ")


def test_add_to_dossier_inserts_at_position_and_skips_duplicates(archive: Archive) -> None:
    a, b, c = add_articles(archive, 3)
    dossier = archive.dossiers.create("D", article_ids=[a, b])
    assert dossier.id is not None
    assert archive.dossiers.add(dossier.id, [c, a], position=1).article_ids == (c, a, b)


def test_add_unknown_article_is_not_found(archive: Archive) -> None:
    dossier = archive.dossiers.create("D")
    assert dossier.id is not None
    with pytest.raises(NotFoundError):
        archive.dossiers.add(dossier.id, [ArticleId(99)])


def test_move_in_dossier_reorders(archive: Archive) -> None:
    a, b, c = add_articles(archive, 3)
    dossier = archive.dossiers.create("D", article_ids=[a, b, c])
    assert dossier.id is not None
    assert archive.dossiers.move(dossier.id, c, 1).article_ids == (c, a, b)
    assert archive.dossiers.move(dossier.id, c, 3).article_ids == (a, b, c)


def test_move_to_position_out_of_range_is_refused(archive: Archive) -> None:
    (a,) = add_articles(archive, 1)
    dossier = archive.dossiers.create("D", article_ids=[a])
    assert dossier.id is not None
    with pytest.raises(DossierError, match="out of range"):
        archive.dossiers.move(dossier.id, a, 5)


def test_remove_from_dossier_keeps_the_article(archive: Archive) -> None:
    a, b = add_articles(archive, 2)
    dossier = archive.dossiers.create("D", article_ids=[a, b])
    assert dossier.id is not None
    assert archive.dossiers.remove(dossier.id, [a]).article_ids == (b,)
    assert archive.articles.get(a).title == "Article 0"


def test_trashed_article_is_left_out_until_restored(archive: Archive) -> None:
    a, b = add_articles(archive, 2)
    dossier = archive.dossiers.create("D", article_ids=[a, b])
    assert dossier.id is not None
    archive.trash.delete_article(a)
    assert archive.dossiers.get(dossier.id).article_ids == (b,)
    archive.trash.restore_article(a)
    assert archive.dossiers.get(dossier.id).article_ids == (a, b)


def test_deleted_dossier_is_not_found_until_restored(archive: Archive) -> None:
    dossier = archive.dossiers.create("D")
    assert dossier.id is not None
    archive.dossiers.delete(dossier.id)
    with pytest.raises(NotFoundError):
        archive.dossiers.get(dossier.id)
    assert archive.dossiers.restore(dossier.id).title == "D"


def test_unknown_dossier_is_not_found(archive: Archive) -> None:
    with pytest.raises(NotFoundError):
        archive.dossiers.get(DossierId(7))


def test_set_dossier_articles_replaces_the_order_in_one_step(archive: Archive) -> None:
    a, b, c = add_articles(archive, 3)
    d = archive.dossiers.create("Pack", article_ids=[a, b])
    assert d.id is not None
    assert archive.dossiers.set_articles(d.id, [c, a, c]).article_ids == (c, a)
    with pytest.raises(NotFoundError):
        archive.dossiers.set_articles(d.id, [b, ArticleId(999)])
    assert archive.dossiers.get(d.id).article_ids == (c, a)  # the failed call changed nothing


def test_restore_dossier_state_brings_back_fields_options_and_articles(archive: Archive) -> None:
    a, b, c = add_articles(archive, 3)
    d = archive.dossiers.create("Pack", article_ids=[a, b])
    assert d.id is not None
    before = archive.dossiers.update(d.id, subtitle="First", options={"style": "apa"})
    archive.dossiers.update(d.id, title="Renamed", subtitle=None, options={"excerpts_only": True})
    archive.dossiers.set_articles(d.id, [c])
    restored = archive.dossiers.restore_state(before)
    assert (restored.title, restored.subtitle, restored.article_ids) == ("Pack", "First", (a, b))
    assert dict(restored.options) == {"style": "apa"}
