"""The stores of one archive share its connection, its transactions and one existence check."""

from __future__ import annotations

import pytest

from archivist.archive import Archive
from archivist.errors import NotFoundError
from archivist.model import ArticleId
from factories import make_extraction


def test_stores_write_in_the_archives_one_transaction(archive: Archive) -> None:
    with pytest.raises(RuntimeError), archive.transaction():
        article_id = archive.articles.add(make_extraction(), b"x")
        archive.annotations.highlight_quote(article_id, "harbour")
        archive.dossiers.create("Ports", article_ids=[article_id])
        raise RuntimeError("undo all three")
    assert (archive.articles.count(), archive.dossiers.all()) == (0, ())


def test_an_unknown_article_is_unknown_to_every_store(archive: Archive) -> None:
    missing = ArticleId(99)
    dossier = archive.dossiers.create("Ports")
    for call in (
        lambda: archive.annotations.highlights(missing),
        lambda: archive.annotations.tag_article(missing, "x"),
        lambda: archive.citations.reset(missing, None),
        lambda: archive.dossiers.add(dossier.id, [missing]),
    ):
        with pytest.raises(NotFoundError, match="no article 99"):
            call()


def test_a_trashed_article_can_be_annotated_but_not_put_in_a_dossier(archive: Archive) -> None:
    article_id = archive.articles.add(make_extraction(), b"x")
    dossier = archive.dossiers.create("Ports")
    archive.trash.delete_article(article_id)
    note = archive.annotations.add_note(article_id, "kept for when it comes back")
    with pytest.raises(NotFoundError):
        archive.dossiers.add(dossier.id, [article_id])
    archive.trash.restore_article(article_id)
    assert archive.annotations.notes(article_id) == (note,)
    assert archive.dossiers.add(dossier.id, [article_id]).article_ids == (article_id,)
