"""Backups, restore and the consistency check."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.errors import ArchiveError
from factories import make_extraction

T0 = dt.datetime(2026, 1, 1, 8, 0, tzinfo=dt.UTC)


def test_empty_archive_needs_no_backup(archive: Archive) -> None:
    assert archive.maintenance.rotate_backups(now=T0) is None


def test_backup_at_most_once_per_interval(archive: Archive) -> None:
    archive.articles.add(make_extraction(), b"x")
    first = archive.maintenance.rotate_backups(now=T0)
    assert first is not None and first.exists()
    assert archive.maintenance.rotate_backups(now=T0 + dt.timedelta(hours=11)) is None
    assert archive.maintenance.rotate_backups(now=T0 + dt.timedelta(hours=13)) is not None


def test_rotation_keeps_the_newest(archive: Archive) -> None:
    archive.articles.add(make_extraction(), b"x")
    made = [
        archive.maintenance.rotate_backups(now=T0 + dt.timedelta(days=d), keep=3) for d in range(5)
    ]
    assert archive.maintenance.backups() == list(reversed(made))[:3]


def test_restore_brings_back_the_backup(archive: Archive, tmp_path: Path) -> None:
    archive.articles.add(make_extraction("Kept"), b"1")
    copy = archive.backup(tmp_path / "copy.sqlite3")
    archive.articles.add(make_extraction("Later", filename="later.txt"), b"2")
    safety = archive.maintenance.restore_from(copy)
    assert [r.title for r in archive.articles.listing()] == ["Kept"]
    with Archive.open(str(safety)) as before:
        assert before.articles.count() == 2


def test_restore_refuses_a_non_archive(archive: Archive, tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(ArchiveError):
        archive.maintenance.restore_from(junk)
    assert archive.articles.count() == 0


def test_sound_archive_checks_ok(archive: Archive) -> None:
    archive.articles.add(make_extraction(), b"x")
    assert archive.maintenance.check().ok


def test_check_finds_and_repairs_a_stale_search_index(archive: Archive) -> None:
    article_id = archive.articles.add(make_extraction(), b"x")
    conn = sqlite3.connect(archive.path)
    conn.execute("DROP TRIGGER articles_au")
    conn.execute("UPDATE articles SET text = 'changed behind the index' WHERE id = ?", [article_id])
    conn.commit()
    report = archive.maintenance.check()
    assert [p.kind for p in report.problems] == ["search"]
    assert archive.maintenance.check(repair=True).repaired
    assert archive.maintenance.check().ok


def test_check_marks_mismatched_highlights_orphaned(archive: Archive) -> None:
    article_id = archive.articles.add(make_extraction(), b"x")
    conn = sqlite3.connect(archive.path)
    conn.execute(
        'INSERT INTO highlights (article_id, start, "end", exact, created_at, updated_at) '
        "VALUES (?, 0, 5, 'Nope!', 'now', 'now')",
        [article_id],
    )
    conn.commit()
    assert [p.kind for p in archive.maintenance.check().problems] == ["highlight"]
    archive.maintenance.check(repair=True)
    assert conn.execute("SELECT orphaned FROM highlights").fetchone()[0] == 1
    assert archive.maintenance.check().ok


def test_a_file_left_without_its_article_is_found_repaired_and_imports_again(
    archive: Archive,
) -> None:
    extraction = make_extraction()
    article_id = archive.articles.add(extraction, b"x")
    conn = sqlite3.connect(archive.path)
    conn.execute("PRAGMA foreign_keys = OFF")  # as a tool outside Archivist might
    conn.execute("DELETE FROM articles WHERE id = ?", [article_id])
    conn.commit()
    conn.close()
    with pytest.raises(ArchiveError, match="holds this file but no article"):
        archive.articles.add(extraction, b"x")
    # Its footnotes are left pointing at the missing article too.
    assert {p.kind for p in archive.maintenance.check().problems} == {"source", "orphan"}
    assert (
        "removed imported files left without an article"
        in archive.maintenance.check(repair=True).repaired
    )
    assert archive.maintenance.check().ok
    assert (
        archive.articles.get(archive.articles.add(extraction, b"x")).title
        == extraction.article.title
    )
