"""Schema, migrations and the archive file's guards."""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from archivist.archive import Archive, base, connection, schema
from archivist.errors import ArchiveError, ArchiveVersionError
from factories import make_extraction


def test_new_archive_has_every_table(archive: Archive) -> None:
    names = set(Database(sqlite3.connect(archive.path)).table_names())
    expected = {"sources", "originals", "articles", "footnotes", "highlights", "notes", "tags"}
    assert expected | {"dossiers", "dossier_items", "articles_fts"} <= names


def test_new_archive_is_in_wal_mode(archive: Archive) -> None:
    mode = sqlite3.connect(archive.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_user_version_counts_migration_steps(archive: Archive) -> None:
    version = sqlite3.connect(archive.path).execute("PRAGMA user_version").fetchone()[0]
    assert version == schema.latest_version() >= 1


def test_reopening_applies_nothing_and_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    Archive.open(str(path)).close()
    with Archive.open(str(path)) as arc:
        assert arc.articles.count() == 0
    assert not list(tmp_path.glob("*before-upgrade*"))


def test_archive_from_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    Archive.open(str(path)).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('archivist', '9999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveVersionError, match="newer version"):
        Archive.open(str(path))


def test_older_archive_is_backed_up_then_migrated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as arc:
        arc.articles.add(make_extraction(), b"original")

    def add_column(db: Database) -> None:
        db.execute("ALTER TABLE articles ADD COLUMN test_extra TEXT")

    steps = [*schema.migrations._migrations, Migrations._Migration("9000_test", add_column)]
    monkeypatch.setattr(schema.migrations, "_migrations", steps)
    # A release with one more step also knows its number (archive/connection.py).
    monkeypatch.setattr(connection, "SCHEMA_VERSION", len(steps))
    with Archive.open(str(path)) as arc:
        assert arc.articles.count() == 1
    (backup,) = tmp_path.glob("a.before-upgrade-*.sqlite3")
    columns = {c.name for c in Database(sqlite3.connect(path)).table("articles").columns}
    backup_columns = {c.name for c in Database(sqlite3.connect(backup)).table("articles").columns}
    assert "test_extra" in columns and "test_extra" not in backup_columns


def test_archive_upgraded_to_markdown_sources_keeps_its_originals(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.sqlite3"
    every_step = list(schema.migrations._migrations)
    before = [m for m in every_step if m.name != "0007_markdown_sources"]
    monkeypatch.setattr(schema.migrations, "_migrations", before)
    with Archive.open(str(path)) as arc:
        first = arc.articles.add(make_extraction(), b"original")
    monkeypatch.setattr(schema.migrations, "_migrations", every_step)
    markdown = make_extraction(title="Tides", filename="tides.md")
    assert markdown.article.source is not None
    source = replace(markdown.article.source, format="markdown", sha256="0" * 64)
    markdown = replace(markdown, article=replace(markdown.article, source=source))

    with Archive.open(str(path)) as arc:
        second = arc.articles.add(markdown, b"# Tides")

        assert arc.articles.original(first) == b"original"
        assert arc.articles.get(second).source.format == "markdown"  # type: ignore[union-attr]
    check = sqlite3.connect(path).execute("PRAGMA integrity_check").fetchone()[0]
    assert check == "ok"


def test_non_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database")
    with pytest.raises(ArchiveError, match="not an Archivist archive"):
        Archive.open(str(path))


def test_foreign_sqlite_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="not an Archivist archive"):
        Archive.open(str(path))


def test_backup_is_a_consistent_copy(archive: Archive, tmp_path: Path) -> None:
    archive.articles.add(make_extraction(), b"original")
    copy = archive.backup(tmp_path / "copy.sqlite3")
    with Archive.open(str(copy)) as restored:
        assert restored.articles.count() == 1


def _hold_write_lock(path: Path, seconds: float, holding: threading.Event) -> None:
    with closing(sqlite3.connect(path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        holding.set()
        time.sleep(seconds)
        other.execute("COMMIT")


def test_a_write_starts_soon_after_another_connection_lets_go(archive: Archive) -> None:
    holding = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(archive.path, 0.3, holding))
    holder.start()
    holding.wait()
    started = time.monotonic()
    with archive.transaction() as db:  # waits for the other writer, then goes ahead
        waited = time.monotonic() - started
        db.execute("INSERT INTO tags (name) VALUES ('waited')")
    holder.join()
    assert waited > 0.1
    assert [row[0] for row in archive._db.execute("SELECT name FROM tags")] == ["waited"]
    # The connection's wait for locked reads is back to normal after the write began.
    (timeout,) = archive._db.execute("PRAGMA busy_timeout").fetchone()
    assert timeout == base.BUSY_TIMEOUT_S * 1000


def test_a_write_blocked_too_long_says_the_archive_is_busy(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(base, "WRITE_WAIT_S", 0.1)
    holding = threading.Event()
    holder = threading.Thread(target=_hold_write_lock, args=(archive.path, 1.0, holding))
    holder.start()
    holding.wait()
    with pytest.raises(ArchiveError, match="the archive is busy"), archive.transaction():
        pass
    holder.join()
    assert not archive._db.conn.in_transaction


def test_an_articles_footnotes_are_read_through_an_index(archive: Archive) -> None:
    article_id = archive.articles.add(make_extraction(), b"original")
    plan = " ".join(
        str(row[-1])
        for row in archive._db.execute(
            "EXPLAIN QUERY PLAN SELECT label FROM footnotes WHERE article_id = ? ORDER BY seq",
            [article_id],
        )
    )
    assert "USING INDEX" in plan and "TEMP B-TREE" not in plan


def test_data_version_moves_on_another_connections_commit_only(archive: Archive) -> None:
    before = archive.data_version()
    archive.articles.add(make_extraction(), b"own write")
    assert archive.data_version() == before
    with Archive.open(str(archive.path)) as other:
        other.articles.add(make_extraction("Another"), b"other write")
    assert archive.data_version() != before


def test_the_fast_opening_knows_every_migration_step() -> None:
    from archivist.archive import connection, schema

    assert schema.latest_version() == connection.SCHEMA_VERSION
