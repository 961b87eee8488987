"""Hostile inputs issue #7 lists that test_hostile_input.py did not cover yet."""

from __future__ import annotations

import gzip
import os
import time
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.importer import MAX_FILE_BYTES
from factories import import_files

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def one(archive: Archive, path: Path) -> tuple[str, str | None, str]:
    """Import one file: its status, its error, and the article's title and text."""
    (result,) = import_files(archive, [str(path)])
    if result.id is None:
        return result.status, result.error, ""
    article = archive.articles.get(result.id)
    return result.status, result.error, article.title + "\n" + article.text


def test_file_over_the_default_size_limit_is_refused_unread(
    archive: Archive, tmp_path: Path
) -> None:
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk and no time
    started = time.monotonic()
    status, error, _ = one(archive, huge)
    assert status == "error" and error is not None and error.startswith("huge.txt:")
    assert "limit" in error and time.monotonic() - started < 2


def test_compressed_bomb_under_a_page_name_is_never_inflated(
    archive: Archive, tmp_path: Path
) -> None:
    bomb = tmp_path / "bomb.html"
    bomb.write_bytes(gzip.compress(b"\0" * (20 * 1024 * 1024), 9))
    started = time.monotonic()
    status, error, _ = one(archive, bomb)
    assert status == "error" and "gzip" in (error or "")
    assert time.monotonic() - started < 2


def test_thousands_of_nested_mhtml_parts_are_refused_at_once(
    archive: Archive, tmp_path: Path
) -> None:
    depth = 3000
    head = "".join(
        f'Content-Type: multipart/related; boundary="b{n}"\r\n\r\n--b{n}\r\n' for n in range(depth)
    )
    tail = "".join(f"\r\n--b{n}--\r\n" for n in reversed(range(depth)))
    page = "Content-Type: text/html\r\n\r\n<html><body><p>Deep down.</p></body></html>"
    nested = tmp_path / "nested.mhtml"
    nested.write_bytes(("MIME-Version: 1.0\r\n" + head + page + tail).encode())
    started = time.monotonic()
    status, error, _ = one(archive, nested)
    assert time.monotonic() - started < 2
    assert status == "error" and error is not None and "\n" not in error
    assert error.startswith("nested.mhtml: malformed MHTML: 3000 nested multipart sections")


def test_deeply_nested_xhtml_is_refused_in_one_line(archive: Archive, tmp_path: Path) -> None:
    page = tmp_path / "deep.xhtml"
    page.write_bytes(
        b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>Deep'
        b"</title></head><body><p>A top paragraph about the harbour.</p>"
        + b"<div>" * 5000
        + b"<p>Text at the bottom.</p>"
        + b"</div>" * 5000
        + b"<p>A tail paragraph.</p></body></html>"
    )
    status, error, text = one(archive, page)
    if status == "imported":
        assert "Text at the bottom" in text and "tail paragraph" in text
    else:
        assert error is not None and error.startswith("deep.xhtml:") and "\n" not in error


def test_bad_references_and_controls_in_html_never_reach_the_text(archive: Archive) -> None:
    status, _, text = one(archive, HOSTILE / "bad_chars.html")
    assert status == "imported" and "nothing else was lost" in text
    assert not any(ord(c) < 32 and c not in "\n\t" for c in text)
    assert not any("\ud800" <= c <= "\udfff" for c in text)
    assert not BIDI_CONTROLS & set(text.split("\n", 1)[0])


@pytest.mark.parametrize("suffix", [".html", ".txt"])
def test_one_bad_byte_in_utf8_keeps_every_other_character(
    archive: Archive, tmp_path: Path, suffix: str
) -> None:
    body = "The café by the harbour served tea to the pilots every morning of the year."
    page = tmp_path / f"cafe{suffix}"
    if suffix == ".html":
        head = '<html><head><meta charset="utf-8"><title>Café Notes</title></head><body><p>'
        page.write_bytes(head.encode() + body.encode() + b" \xff stray.</p></body></html>")
    else:
        page.write_bytes(f"Café Notes\n\n{body}".encode() + b" \xff stray.\n")
    status, _, text = one(archive, page)
    assert status == "imported" and "The café by the harbour" in text


def test_unclosed_embed_keeps_the_rest_of_the_article(archive: Archive) -> None:
    status, _, text = one(archive, HOSTILE / "embed_unclosed.html")
    assert status == "imported" and "logged every hour of fog" in text


@pytest.mark.parametrize(
    "name",
    [
        "\u200fمقاله\u200e تاریخ.txt",
        "--version.txt",
        "-",
        "tab\tand\u202bembedding\u202c.txt",
        "semi;colon|pipe&amp>gt.txt",
    ],
)
def test_more_awkward_file_names_import_by_folder(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    (folder / name).write_text("Odd Name\n\nA plain article saved under an awkward file name.\n")
    with Archive.open(str(tmp_path / "a.sqlite3")) as archive:
        results = import_files(archive, [str(folder)])
        supported = name.endswith(".txt")
        assert [r.status for r in results] == (["imported"] if supported else [])
        if supported:
            assert results[0].id is not None
            assert archive.articles.source(results[0].id).filename == name
    assert {n for n in os.listdir(tmp_path) if not n.startswith("a.sqlite3")} == {"saves"}


AWKWARD_NAMES = [
    "$(touch pwned);`id`.txt",
    "-rf --help.txt",
    "\u202eevil\u202c.txt",
    "\u200fمقاله\u200e تاریخ.txt",
]


@pytest.mark.parametrize("name", AWKWARD_NAMES)
def test_saved_files_with_awkward_names_import_under_their_exact_names(
    archive: Archive, name: str
) -> None:
    (result,) = import_files(archive, [str(HOSTILE / name)])
    assert result.status == "imported" and result.id is not None, result
    assert archive.articles.source(result.id).filename == name
    assert not (HOSTILE / "pwned").exists() and not Path("pwned").exists()


def test_the_saved_gzip_bomb_is_refused_without_inflating(archive: Archive) -> None:
    started = time.monotonic()
    status, error, _ = one(archive, HOSTILE / "gzip_bomb.html")
    assert time.monotonic() - started < 2
    assert status == "error" and error is not None and error.startswith("gzip_bomb.html: ")
