"""Issue 19, point 5: a full disk gives one line, the report of what was committed, no leftovers."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from clirun import cli, lines
from smalldisk import can_mount, small_disk

needs_tmpfs = pytest.mark.skipif(not can_mount(), reason="needs root to mount a small tmpfs")


def saves(folder: Path, count: int, words: int = 3000) -> Path:
    folder.mkdir()
    for i in range(count):
        body = " ".join(f"w{i}x{k}" for k in range(words))
        (folder / f"s{i:03d}.txt").write_text(f"Save {i}\n\n{body}\n")
    return folder


def committed(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


@needs_tmpfs
def test_import_onto_a_full_disk_reports_every_file_and_loses_nothing(tmp_path: Path) -> None:
    first = saves(tmp_path / "first", 3, words=500)
    folder = saves(tmp_path / "saves", 60)
    with small_disk(tmp_path / "disk", 1536) as disk:
        assert disk is not None
        archive = disk / "a.sqlite3"
        assert cli("--archive", archive, "import", first).returncode == 0
        done = cli("--archive", archive, "import", folder, "--json")
        assert b"Traceback" not in done.stderr, done.stderr
        assert done.returncode == 1
        results = json.loads(done.stdout)
        assert len(results) == 60
        imported = [r for r in results if r["status"] == "imported"]
        full = [r for r in results if r["status"] == "error"]
        assert full and all("disk is full" in r["error"] for r in full)
        assert committed(archive) == 3 + len(imported)  # all that was said, none lost
        assert not list(disk.rglob("*.partial"))
        # The space the failed transaction took is given back: a small change still fits.
        note = cli("--archive", archive, "tag", "1", "kept")
        assert note.returncode == 0, note.stderr
        again = cli("--archive", archive, "import", folder)
        err = lines(again.stderr)
        assert b"Traceback" not in again.stderr
        assert err[-1].endswith("failed") and all(
            line.startswith(("error:", "warning:")) for line in err[:-1]
        )


@needs_tmpfs
def test_automatic_backup_is_skipped_with_a_warning_when_space_is_short(tmp_path: Path) -> None:
    folder = saves(tmp_path / "saves", 3, words=2000)
    extra = tmp_path / "extra.txt"
    extra.write_text("Extra\n\nOne more article.\n")
    with small_disk(tmp_path / "disk", 2048) as disk:
        assert disk is not None
        archive = disk / "a.sqlite3"
        assert cli("--archive", archive, "import", folder).returncode == 0
        filler = disk / "filler"
        free = shutil.disk_usage(disk).free
        filler.write_bytes(b"\0" * max(0, free - 200 * 1024))
        done = cli("--archive", archive, "import", extra)
        err = lines(done.stderr)
        assert b"Traceback" not in done.stderr
        assert any(line.startswith("warning: automatic backup skipped") for line in err), err
        assert not list(disk.rglob("*.partial"))


@needs_tmpfs
def test_an_explicit_backup_onto_a_full_disk_leaves_no_partial_file(tmp_path: Path) -> None:
    folder = saves(tmp_path / "saves", 12, words=6000)
    archive = tmp_path / "a.sqlite3"
    assert cli("--archive", archive, "import", folder).returncode == 0
    with small_disk(tmp_path / "disk", 256) as disk:
        assert disk is not None
        done = cli("--archive", archive, "backup", "-o", disk / "b.sqlite3")
        assert done.returncode == 1 and b"Traceback" not in done.stderr
        assert "disk is full" in done.stderr.decode()
        assert list(disk.iterdir()) == []


def test_stale_partial_backups_are_removed_at_the_next_backup(tmp_path: Path) -> None:
    folder = saves(tmp_path / "saves", 2, words=50)
    archive = tmp_path / "a.sqlite3"
    assert cli("--archive", archive, "import", folder).returncode == 0
    backups = tmp_path / "backups"
    backups.mkdir(exist_ok=True)
    for old in backups.glob("*.sqlite3"):
        old.unlink()  # so that the next import makes a backup
    legacy = backups / "a-20200101T000000Z.sqlite3.partial"
    legacy.touch()
    os.utime(legacy, (0, 0))
    killed = backups / ".a-20200101T000000Z.sqlite3~999999999.partial"
    killed.touch()
    extra = tmp_path / "extra.txt"
    extra.write_text("Extra\n\nOne more article.\n")
    assert cli("--archive", archive, "import", extra).returncode == 0
    assert not legacy.exists() and not killed.exists()
    assert len(list(backups.glob("a-*.sqlite3"))) == 1
