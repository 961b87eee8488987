"""The search index follows the articles through every write, via the queue indexed at commit."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from archivist.archive import Archive, schema, searchtext
from archivist.errors import DuplicateError
from archivist.model import Footnote
from factories import make_extraction


def titles(archive: Archive, query: str) -> list[str]:
    return sorted(hit.title for hit in archive.search.query(query))


def queued(archive: Archive) -> int:
    with closing(sqlite3.connect(archive.path)) as conn:
        return int(conn.execute("SELECT count(*) FROM fts_queue").fetchone()[0])


def chunk(number: int) -> list[tuple[str, str]]:
    """(title, text) of articles that each have a word of their own and one in common."""
    return [(f"Ledger {n}", f"Common harbour word and unique{n}x here. [1]") for n in range(number)]


def test_articles_added_in_one_transaction_are_all_searchable(archive: Archive) -> None:
    with archive.transaction():
        for title, text in chunk(40):
            archive.articles.add(
                make_extraction(title, text, filename=f"{title}.txt"), text.encode()
            )
    assert len(archive.search.query("harbour", limit=100)) == 40
    assert titles(archive, "unique17x") == ["Ledger 17"]
    assert queued(archive) == 0
    assert archive.maintenance.check().ok


def test_a_failed_add_inside_a_batch_leaves_the_index_sound(archive: Archive) -> None:
    with archive.transaction():
        archive.articles.add(make_extraction("First", "Kestrel one. [1]", filename="a.txt"), b"a")
        with pytest.raises(DuplicateError):  # refused before its article row is written
            archive.articles.add(
                make_extraction("First", "Kestrel one. [1]", filename="a.txt"), b"a"
            )
        # Refused by the footnotes table's CHECK after its article row was written and queued.
        bad = make_extraction(
            "Bad",
            "Kestrel bad. [1]",
            footnotes=(Footnote("1", (13,), "x", kind="bogus"),),  # type: ignore[arg-type]
        )
        with pytest.raises(sqlite3.IntegrityError):
            archive.articles.add(bad, b"b")
        archive.articles.add(make_extraction("Second", "Kestrel two. [1]", filename="c.txt"), b"c")
    assert titles(archive, "kestrel") == ["First", "Second"]
    assert archive.maintenance.check().ok


def test_an_article_added_and_removed_in_one_transaction_leaves_no_trace(
    archive: Archive,
) -> None:
    kept = archive.articles.add(
        make_extraction("Kept", "Osprey stays. [1]", filename="k.txt"), b"k"
    )
    with archive.transaction():
        gone = archive.articles.add(
            make_extraction("Gone", "Osprey goes. [1]", filename="g.txt"), b"g"
        )
        archive.trash.delete_article(gone)
        assert archive.trash.empty() == 1
    assert [hit.id for hit in archive.search.query("osprey")] == [kept]
    assert archive.maintenance.check().ok


def test_a_removed_indexed_article_leaves_the_index(archive: Archive) -> None:
    gone = archive.articles.add(make_extraction("Gone", "Plover leaves. [1]"), b"g")
    archive.trash.delete_article(gone)
    archive.trash.empty()
    assert archive.search.query("plover") == []
    assert archive.maintenance.check().ok


def test_reextraction_replaces_the_indexed_words(archive: Archive) -> None:
    article_id = archive.articles.add(
        make_extraction("Old title", "Curlew in the old text. [1]"), b"x"
    )
    archive.annotations.reextract(
        article_id, make_extraction("New title", "Dunlin in the new text. [1]")
    )
    assert archive.search.query("curlew") == []
    assert titles(archive, "dunlin") == ["New title"]
    assert archive.maintenance.check().ok


def test_a_rolled_back_transaction_indexes_nothing(archive: Archive) -> None:
    with pytest.raises(RuntimeError), archive.transaction():
        archive.articles.add(make_extraction("Never", "Gannet never stored. [1]"), b"n")
        raise RuntimeError("stop")
    assert archive.search.query("gannet") == []
    assert queued(archive) == 0
    assert archive.maintenance.check().ok


def test_articles_written_by_another_tool_are_indexed_on_open(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as arc:
        arc.articles.add(make_extraction("Ours", "Heron of ours. [1]"), b"o")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute(
            "INSERT INTO sources (sha256, filename, format, encoding, size, imported_at) "
            "VALUES ('ff', 'x.txt', 'text', 'utf-8', 1, '2026-01-01T00:00:00Z')"
        )
        conn.execute("INSERT INTO originals (source_id, data) VALUES (last_insert_rowid(), 'x')")
        conn.execute(
            "INSERT INTO articles (source_id, title, text, importer_version, created_at, "
            "updated_at) VALUES ((SELECT max(id) FROM sources), 'Theirs', 'Heron of theirs.', 1, "
            "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"
        )
        conn.commit()
    with Archive.open(str(path)) as arc:
        assert titles(arc, "heron") == ["Ours", "Theirs"]
        assert queued(arc) == 0
        assert arc.maintenance.check().ok


def test_an_archive_from_before_the_queue_is_migrated_and_searchable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.sqlite3"
    first_step = schema.migrations._migrations[:1]
    with monkeypatch.context() as patch:
        # Archivist before the queue: one migration step, and nothing indexed at commit.
        patch.setattr(schema.migrations, "_migrations", first_step)
        patch.setattr(searchtext, "index_queued", lambda db: None)
        patch.setattr(searchtext, "search_queue_waiting", lambda db: False)
        with Archive.open(str(path)) as old:
            # The old archive's triggers indexed each article as it was written.
            # Without footnotes: the footnotes table of that version had fewer columns.
            old_id = old.articles.add(
                make_extraction("Old", "Sandpiper from before.", footnotes=()), b"o"
            )
            older = make_extraction("Older", "Sandpiper again.", footnotes=(), filename="b.txt")
            old.articles.add(older, b"p")
    with Archive.open(str(path)) as arc:
        assert list(tmp_path.glob("a.before-upgrade-*.sqlite3"))
        assert titles(arc, "sandpiper") == ["Old", "Older"]
        arc.articles.add(make_extraction("New", "Sandpiper after. [1]", filename="c.txt"), b"n")
        arc.annotations.reextract(old_id, make_extraction("Old", "Turnstone instead. [1]"))
        assert titles(arc, "sandpiper") == ["New", "Older"]
        assert titles(arc, "turnstone") == ["Old"]
        assert arc.maintenance.check().ok
