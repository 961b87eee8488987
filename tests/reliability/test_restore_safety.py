"""Issue 19, point 3: restore checks a backup before replacing anything; the safety copy works."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from clirun import cli, lines
from damage import archive_with_articles, article_ids


def test_a_backup_from_a_newer_archivist_is_refused_before_anything_is_replaced(
    tmp_path: Path,
) -> None:
    path = archive_with_articles(tmp_path, 3)
    backup = tmp_path / "newer.sqlite3"
    assert cli("--archive", path, "backup", "-o", backup).returncode == 0
    conn = sqlite3.connect(backup)
    conn.execute("PRAGMA user_version = 999")
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('archivist', '9999_from_the_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    done = cli("--archive", path, "restore", backup, "--yes")
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert (
        "newer version" in done.stderr.decode() and "nothing was replaced" in done.stderr.decode()
    )
    assert not list(tmp_path.glob("*.before-restore-*"))
    listing = cli("--archive", path, "list", "--json")
    assert listing.returncode == 0 and len(json.loads(listing.stdout)) == 3


def test_the_safety_copy_of_a_restore_restores_the_previous_content(tmp_path: Path) -> None:
    path = archive_with_articles(tmp_path, 2)
    backup = tmp_path / "two.sqlite3"
    assert cli("--archive", path, "backup", "-o", backup).returncode == 0
    extra = tmp_path / "third.txt"
    extra.write_text("Third\n\nA third article.\n")
    assert cli("--archive", path, "import", extra).returncode == 0
    assert len(article_ids(path)) == 3
    done = cli("--archive", path, "restore", backup, "--yes", "--json")
    assert done.returncode == 0, done.stderr
    safety = json.loads(done.stdout)["previous"]
    assert len(article_ids(path)) == 2
    back = cli("--archive", path, "restore", safety, "--yes")
    assert back.returncode == 0, back.stderr
    assert len(article_ids(path)) == 3


def test_restoring_something_that_is_not_an_archive_says_so_in_one_line(tmp_path: Path) -> None:
    path = archive_with_articles(tmp_path, 1)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    done = cli("--archive", path, "restore", junk, "--yes")
    assert done.returncode == 1 and len(lines(done.stderr)) == 1
    assert b"Traceback" not in done.stderr
    assert len(article_ids(path)) == 1
