"""The CLI contract: global options, JSON on stdout only, exit statuses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archivist import __version__
from archivist.archive import Archive
from factories import make_extraction, run_cli

run = run_cli


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as arc:
        arc.articles.add(make_extraction("Tidal Ports", authors=("Mira Talebi", "Ian Vos")), b"1")
        arc.articles.add(make_extraction("Dry Docks", "Docks dry out. [1]", filename="d.txt"), b"2")
    return path


def test_list_json_is_the_contract(filled: Path) -> None:
    status, out, err = run("--archive", str(filled), "list", "--json")
    assert status == 0 and err == ""
    rows = json.loads(out)
    assert rows[0] == {
        "id": 1,
        "title": "Tidal Ports",
        "authors": ["Mira Talebi", "Ian Vos"],
        "published": None,
        "site": None,
    }


def test_archive_option_after_the_command(filled: Path) -> None:
    status, out, _ = run("list", "--json", "--archive", str(filled))
    assert status == 0 and len(json.loads(out)) == 2


def test_environment_variable_names_the_default_archive(
    filled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARCHIVIST_ARCHIVE", str(filled))
    status, out, _ = run("list", "--json")
    assert status == 0 and len(json.loads(out)) == 2


def test_show_prints_one_json_document_per_line(filled: Path) -> None:
    status, out, _ = run("--archive", str(filled), "show", "2", "1", "--json")
    docs = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and [d["id"] for d in docs] == [2, 1]
    doc = docs[0]
    assert doc["source"]["format"] == "text" and len(doc["source"]["sha256"]) == 64
    (fn,) = doc["footnotes"]
    assert doc["text"][fn["markers"][0] :].startswith("[1]")
    assert set(fn) >= {"label", "markers", "text", "kind", "refers_to", "csl", "notes"}


def test_show_unknown_id_exits_1_and_shows_the_rest(filled: Path) -> None:
    status, out, err = run("--archive", str(filled), "show", "1", "99", "--json")
    assert status == 1 and len(out.splitlines()) == 1 and "99" in err


def test_search_json_has_snippets(filled: Path) -> None:
    status, out, _ = run("--archive", str(filled), "search", "docks", "--json")
    (hit,) = json.loads(out)
    assert status == 0 and hit["title"] == "Dry Docks" and "**" in hit["snippet"]


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ('"', []),
        ("AND", []),  # a word no article has, not an operator joining nothing
        ("c++", []),
        ("", []),
        ("x-ray", []),
        ("title:x", []),
        ("*", []),
        ('"docks', ["Dry Docks"]),
    ],
)
def test_search_accepts_any_text(filled: Path, query: str, titles: list[str]) -> None:
    status, out, _ = run("--archive", str(filled), "search", query, "--json")
    assert (status, [hit["title"] for hit in json.loads(out)]) == (0, titles)


def test_usage_error_exits_2(filled: Path) -> None:
    with pytest.raises(SystemExit) as exc:
        run("--archive", str(filled), "show")
    assert exc.value.code == 2


def test_unusable_archive_is_one_line_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_text("not a database")
    status, out, err = run("--archive", str(bad), "list")
    assert status == 1 and out == ""
    assert err.count("\n") == 1 and "not an Archivist archive" in err


def test_backup_and_check(filled: Path, tmp_path: Path) -> None:
    status, out, _ = run("--archive", str(filled), "backup", "-o", str(tmp_path / "b.sqlite3"))
    assert status == 0 and Path(out.strip()).exists()
    status, out, _ = run("--archive", str(filled), "check", "--json")
    assert status == 0 and json.loads(out)["ok"] is True


def test_restore_without_confirmation_is_refused(filled: Path, tmp_path: Path) -> None:
    run("--archive", str(filled), "backup", "-o", str(tmp_path / "b.sqlite3"))
    status, _, err = run("--archive", str(filled), "restore", str(tmp_path / "b.sqlite3"))
    assert status == 1 and "--yes" in err


def test_module_and_console_script_report_the_version(tmp_path: Path) -> None:
    env = {**os.environ, "ARCHIVIST_ARCHIVE": str(tmp_path / "x.sqlite3")}
    out = subprocess.run(
        [sys.executable, "-m", "archivist", "--version"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert out.returncode == 0 and out.stdout.strip() == f"archivist {__version__}"


def test_restore_kind_id_takes_an_item_out_of_the_trash(filled: Path) -> None:
    assert run("--archive", str(filled), "delete", "article", "2")[0] == 0
    status, out, _ = run("--archive", str(filled), "list", "--json")
    assert [r["id"] for r in json.loads(out)] == [1]
    status, _, err = run("--archive", str(filled), "restore", "article", "2")
    assert status == 0, err
    _, out, _ = run("--archive", str(filled), "list", "--json")
    assert [r["id"] for r in json.loads(out)] == [1, 2]
