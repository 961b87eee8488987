"""Issue 19, points 1-3: only regular files are read, and names of any bytes go through a batch."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from clirun import cli, lines

from archivist.errors import ArchivistError
from archivist.safefiles import json_text, read_regular, shown, storable


def article(path: Path | bytes, title: str) -> None:
    with open(path, "wb") as f:
        f.write(f"{title}\n\nA short body about the harbour, with one claim.\n".encode())


def test_pipes_and_devices_in_a_folder_are_skipped_with_one_line_each(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    article(folder / "a_first.txt", "First article")
    os.mkfifo(folder / "b_pipe.txt")
    os.mkfifo(folder / "c_page_files_pipe.html")
    if os.geteuid() == 0:
        os.mknod(folder / "d_zero.txt", 0o644 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero
    article(folder / "z_last.txt", "Last article")
    done = cli("--archive", tmp_path / "a.sqlite3", "import", folder, "--json")
    results = {Path(r["path"]).name: r for r in json.loads(done.stdout)}
    assert results["a_first.txt"]["status"] == results["z_last.txt"]["status"] == "imported"
    assert (
        results["b_pipe.txt"]["error"] == "b_pipe.txt: is a named pipe (FIFO), not a file; skipped"
    )
    if os.geteuid() == 0:
        assert "character device" in results["d_zero.txt"]["error"]
    assert done.returncode == 1 and b"Traceback" not in done.stderr


def test_a_pipe_in_a_saved_pages_folder_never_blocks_the_import(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><body><h1>Page</h1><p>Body text of the page.</p></body></html>")
    (tmp_path / "page_files").mkdir()
    os.mkfifo(tmp_path / "page_files" / "image.png")
    done = cli("--archive", tmp_path / "a.sqlite3", "import", page, "--json")
    assert json.loads(done.stdout)[0]["status"] == "imported", done.stderr


def test_the_size_limit_is_checked_before_reading_and_bounds_the_read(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(ArchivistError, match=r"big\.txt: 5000 bytes is over the 4096-byte limit"):
        read_regular(str(big), 4096)
    assert read_regular(str(big), 5000) == b"x" * 5000
    with pytest.raises(ArchivistError, match="is a folder"):
        read_regular(str(tmp_path), 4096)


def test_undecodable_names_import_and_print_escaped_and_json_keeps_their_bytes(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    raw_names = [b"ok_%02d.txt" % i for i in range(8)] + [b"bad\xff%02d.txt" % i for i in range(8)]
    for i, raw in enumerate(raw_names):
        article(os.fsencode(folder) + b"/" + raw, f"Article number {i}")
    done = cli("--archive", tmp_path / "a.sqlite3", "import", folder)
    assert done.returncode == 0, done.stderr
    out = lines(done.stdout)
    assert len(out) == 16 and sum("bad\\xff" in line for line in out) == 8
    again = cli("--archive", tmp_path / "a.sqlite3", "import", folder, "--json")
    paths = {os.fsencode(r["path"]).rsplit(b"/", 1)[1] for r in json.loads(again.stdout)}
    assert paths == set(raw_names)


def test_a_name_cannot_split_a_line_or_forge_an_error(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    (folder / "x\nerror: everything.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    article(folder / "fine.txt", "Fine")
    done = cli("--archive", tmp_path / "a.sqlite3", "import", folder)
    err = lines(done.stderr)
    errors = [line for line in err if line.startswith("error:")]
    assert errors == ["error: x\\nerror: everything.txt: this is a PNG image, not a saved article"]
    assert err[-1] == "1 imported, 0 already in the archive, 1 failed"


@pytest.mark.parametrize(
    "command",
    [
        ["search", b"harb\xffour"],
        ["note", "1", "--footnote", "1", "--text", b"a note \xfe\xff"],
        ["tag", "1", b"t\xffag"],
        ["dossier", "new", b"Brief \xff"],
    ],
)
def test_undecodable_argument_bytes_never_end_in_a_traceback(
    tmp_path: Path, command: list[str | bytes]
) -> None:
    source = tmp_path / "a.txt"
    source.write_text("Harbour\n\nThe harbour grew [1].\n\n[1] Ana Ruiz, Ports, 2019.\n")
    archive = tmp_path / "a.sqlite3"
    assert cli("--archive", archive, "import", source).returncode == 0
    done = cli("--archive", archive, *command)
    assert b"Traceback" not in done.stderr and done.returncode in (0, 1), done.stderr
    assert all(
        line.startswith(("archivist:", "no matches", "warning")) or done.returncode == 0
        for line in lines(done.stderr)
    )


def test_name_helpers_escape_store_and_round_trip() -> None:
    name = os.fsdecode(b"r\xe9sum\xe9\n\x1b[31m.txt")
    assert shown(name) == "r\\xe9sum\\xe9\\n\\x1b[31m.txt"
    assert storable(name) == "r\ufffdsum\ufffd\n\x1b[31m.txt"
    text = json_text(json.dumps({"path": name}, ensure_ascii=False))
    text.encode("utf-8")  # printable
    assert os.fsencode(json.loads(text)["path"]) == b"r\xe9sum\xe9\n\x1b[31m.txt"
