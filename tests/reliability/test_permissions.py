"""Issue 19, points 5-7: read-only archives and folders, and where an archive may be made."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

from clirun import cli, lines
from damage import archive_with_articles
from smalldisk import read_only


def test_a_read_only_archive_file_reads_and_writes_say_why(tmp_path: Path) -> None:
    archive = archive_with_articles(tmp_path, 2)
    with read_only(archive):
        listing = cli("--archive", archive, "list", "--json")
        assert listing.returncode == 0, listing.stderr
        assert len(json.loads(listing.stdout)) == 2
        write = cli("--archive", archive, "tag", "1", "harbour")
        assert write.returncode == 1 and b"Traceback" not in write.stderr
        assert lines(write.stderr) == [
            f"archivist: {archive}: the archive file is read-only, so nothing can be changed"
        ]
        check = cli("--archive", archive, "check")
        assert check.returncode == 0, check.stderr
        assert "out of step" not in check.stderr.decode()
        assert "read-only" in check.stderr.decode() and lines(check.stdout) == ["archive is sound"]


def test_an_archive_in_a_read_only_folder_still_lists_and_searches(tmp_path: Path) -> None:
    folder = tmp_path / "shelf"
    folder.mkdir()
    archive = archive_with_articles(folder, 2)
    shutil.rmtree(folder / "saves-a.sqlite3")
    more = tmp_path / "more.txt"
    more.write_text("More\n\nOne more article.\n")
    with read_only(folder):
        listing = cli("--archive", archive, "list", "--json")
        assert listing.returncode == 0, listing.stderr
        assert len(json.loads(listing.stdout)) == 2
        found = cli("--archive", archive, "search", "harbour", "--json")
        assert found.returncode == 0 and len(json.loads(found.stdout)) == 2
        write = cli("--archive", archive, "import", more)
        assert write.returncode == 1 and b"Traceback" not in write.stderr
        assert "read-only" in write.stderr.decode()


def test_exports_and_backups_into_a_read_only_folder_fail_in_one_line(tmp_path: Path) -> None:
    archive = archive_with_articles(tmp_path, 1)
    target = tmp_path / "out"
    target.mkdir()
    with read_only(target):
        for command in (
            ["export", "1", "-o", str(target / "out.pdf")],
            ["export", "1", "-o", str(target / "out.md"), "--format", "markdown"],
            ["backup", "-o", str(target / "b.sqlite3")],
        ):
            done = cli("--archive", archive, *command)
            assert done.returncode == 1 and b"Traceback" not in done.stderr, done.stderr
            assert len(lines(done.stderr)) == 1, done.stderr
    assert list(target.iterdir()) == []


def test_a_long_export_name_and_the_umask_are_respected(tmp_path: Path) -> None:
    archive = archive_with_articles(tmp_path, 1)
    name = "x" * 236 + ".pdf"  # 240 characters: valid, but no room for a longer temporary name
    done = cli("--archive", archive, "export", "1", "-o", tmp_path / name)
    assert done.returncode == 0, done.stderr
    mode = (tmp_path / name).stat().st_mode & 0o777
    assert mode == 0o666 & ~_umask()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_a_killed_exports_temporary_file_is_removed_by_the_next_export(tmp_path: Path) -> None:
    archive = archive_with_articles(tmp_path, 1)
    stale = tmp_path / ".out.md~999999999.partial"  # a process id no system hands out
    stale.write_text("half")
    done = cli(
        "--archive", archive, "export", "1", "-o", tmp_path / "out.md", "--format", "markdown"
    )
    assert done.returncode == 0, done.stderr
    assert not stale.exists()


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_a_mistyped_archive_path_makes_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "typo.sqlite3"
    for command in (["list"], ["check"], ["search", "x"], ["show", "1"]):
        done = cli("--archive", missing, *command)
        assert done.returncode == 1
        assert lines(done.stderr) == [
            f"archivist: no archive at {missing} (`archivist init --archive PATH` makes one)"
        ]
    assert not missing.exists()
    made = cli("--archive", missing, "init")
    assert made.returncode == 0 and missing.is_file()
    assert cli("--archive", missing, "list").returncode == 0


def test_an_empty_file_and_a_file_as_folder_are_refused_in_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    done = cli("--archive", empty, "list")
    assert done.returncode == 1 and "empty file, not an archive" in done.stderr.decode()
    assert empty.stat().st_size == 0
    made = cli("--archive", empty, "init")
    assert made.returncode == 0 and "empty file" in made.stderr.decode()
    assert cli("--archive", empty, "list").returncode == 0
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    for command in (["list"], ["import", str(blocker)], ["init"]):
        done = cli("--archive", blocker / "a.sqlite3", *command)
        assert done.returncode == 1 and b"Traceback" not in done.stderr, done.stderr
        assert len(lines(done.stderr)) == 1
