"""Hostile and broken files: each imports cleanly or is refused in one line, harmlessly."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.cli import main
from archivist.document import article_document
from archivist.importer import FileResult
from factories import import_files, make_extraction

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
BIDI_CONTROLS = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


run_import = import_files


@pytest.fixture
def seeded(archive: Archive) -> tuple[Archive, dict[str, object]]:
    """An archive already holding one article, and that article's document."""
    article_id = archive.articles.add(make_extraction(), b"already here")
    return archive, article_document(archive.articles.get(article_id))


def test_whole_hostile_folder_goes_through_without_harm(
    seeded: tuple[Archive, dict[str, object]],
) -> None:
    archive, before = seeded
    results = run_import(archive, [str(HOSTILE)])
    assert len(results) == len(list(HOSTILE.iterdir()))
    for r in results:
        assert r.status in {"imported", "error"}, r
        if r.status == "error":
            assert r.error is not None and "\n" not in r.error
            assert r.error.startswith(os.path.basename(r.path) + ":"), r.error
            assert "Traceback" not in r.error and "internal error" not in r.error
    assert article_document(archive.articles.get(before["id"])) == before  # type: ignore[arg-type]
    assert archive.maintenance.check().ok


def imported(archive: Archive, name: str) -> tuple[FileResult, str]:
    (result,) = run_import(archive, [str(HOSTILE / name)])
    text = "" if result.id is None else archive.articles.get(result.id).text
    return result, text


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("binary_named.txt", "PNG"),
        ("binary_named.html", "executable"),
        ("empty.txt", "empty"),
        ("whitespace_only.txt", "empty"),
        ("malformed_boundary.mhtml", "boundary"),
        ("no_html_part.mhtml", "HTML"),
    ],
)
def test_refused_with_the_reason(archive: Archive, name: str, reason: str) -> None:
    result, _ = imported(archive, name)
    assert result.status == "error" and reason.lower() in (result.error or "").lower()


def test_entities_are_never_expanded(archive: Archive) -> None:
    result, text = imported(archive, "billion_laughs.xhtml")
    assert result.status in {"imported", "error"}
    assert "lollollol" not in text and len(text) < 10_000


def test_external_entities_are_never_resolved(archive: Archive) -> None:
    result, text = imported(archive, "xxe_file.xhtml")
    assert result.status in {"imported", "error"}
    assert "root:" not in text


def test_deep_nesting_is_kept_whole_or_refused(archive: Archive) -> None:
    result, text = imported(archive, "deep_nesting.html")
    if result.status == "imported":
        assert "Text at the bottom" in text
    else:
        assert "nest" in (result.error or "")


def test_invalid_utf8_keeps_the_rest(archive: Archive) -> None:
    result, text = imported(archive, "invalid_utf8.txt")
    assert result.status == "imported" and "nothing else was lost" in text


@pytest.mark.parametrize("name", ["control_chars.txt", "nul_bytes.txt"])
def test_control_characters_never_reach_the_text(archive: Archive, name: str) -> None:
    result, text = imported(archive, name)
    if result.status == "imported":
        assert not any(ord(c) < 32 and c not in "\n\t" for c in text)


def test_lone_surrogates_never_reach_the_archive(archive: Archive) -> None:
    result, text = imported(archive, "lone_surrogate_utf16.txt")
    assert result.status in {"imported", "error"}
    text.encode("utf-8")  # raises on a lone surrogate


def test_bidi_overrides_are_dropped_from_titles(archive: Archive) -> None:
    result, _ = imported(archive, "bidi_override_title.txt")
    assert result.id is not None
    assert not BIDI_CONTROLS & set(archive.articles.get(result.id).title)


def test_remote_content_is_never_fetched(archive: Archive, no_network: list[str]) -> None:
    result, text = imported(archive, "remote_content.html")
    assert result.status == "imported" and "none may be fetched" in text
    assert "fetch(" not in text and "beacon" not in text
    assert no_network == []


def test_size_limit_refuses_with_a_clear_message(archive: Archive) -> None:
    (result,) = run_import(archive, [str(HOSTILE / "reportlab_markup.txt")], max_bytes=100)
    assert result.status == "error" and "limit" in (result.error or "")


def test_huge_text_node_is_kept_whole_or_refused(archive: Archive, tmp_path: Path) -> None:
    word = "tidewater "
    body = word * (11 * 1024 * 1024 // len(word))
    page = tmp_path / "huge.html"
    page.write_text(f"<html><head><title>Huge</title></head><body><p>{body}</p></body></html>")
    (result,) = run_import(archive, [str(page)])
    if result.status == "imported":
        assert result.id is not None
        assert len(archive.articles.get(result.id).text) >= len(body.strip())
    else:
        assert result.error and result.error.startswith("huge.html:")


@pytest.mark.parametrize(
    "name",
    [
        "$(touch pwned);`id`.txt",
        "-rf --help.txt",
        "new\nline.txt",
        "\u202eevil\u202c.txt",
        "a b'c\"d.txt",
    ],
)
def test_awkward_file_names_import_and_are_recorded_exactly(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Odd Name\n\nA plain article saved under an awkward file name.\n")
    out, err = io.StringIO(), io.StringIO()
    status = main(
        ["--archive", str(tmp_path / "a.sqlite3"), "import", "--", str(path)],
        stdout=out,
        stderr=err,
    )
    assert status == 0, err.getvalue()
    with Archive.open(str(tmp_path / "a.sqlite3")) as archive:
        (summary,) = archive.articles.listing()
        assert archive.articles.source(summary.id).filename == name
    assert not (tmp_path / "pwned").exists()


def test_symlink_loops_are_not_followed(archive: Archive, tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    (folder / "inner").mkdir(parents=True)
    (folder / "inner" / "one.txt").write_text("Loop Test\n\nThe only article in a looping tree.\n")
    os.symlink(folder, folder / "inner" / "up")
    os.symlink(folder / "inner" / "one.txt", folder / "alias.txt")
    results = run_import(archive, [str(folder)])
    assert [r.status for r in results] == ["imported"]
