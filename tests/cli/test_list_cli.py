"""list --json: the contract's objects, in step with every change to the articles."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from factories import run_cli

DATA = Path(__file__).parents[1] / "data"
SAVES = [
    DATA / "annotations" / "harbour_notes.txt",
    DATA / "text" / "wordpress_breadcrumb.txt",
    DATA / "text" / "persian_utf8_digits.txt",
]
FIELDS = ("id", "title", "authors", "published", "site")


def listed(archive: str, *options: str) -> list[dict[str, object]]:
    status, out, err = run_cli("--archive", archive, "list", "--json", *options)
    assert status == 0 and err == ""
    rows: list[dict[str, object]] = json.loads(out)
    return rows


def shown(archive: str, *ids: int) -> list[dict[str, object]]:
    """What ``show`` says of each article, cut to the listing's fields: the expected rows."""
    status, out, err = run_cli("--archive", archive, "show", *map(str, ids), "--json")
    assert status == 0, err
    return [{k: doc[k] for k in FIELDS} for doc in map(json.loads, out.splitlines())]


@pytest.fixture
def archive(tmp_path: Path) -> str:
    path = str(tmp_path / "a.sqlite3")
    status, _, err = run_cli("--archive", path, "import", *map(str, SAVES))
    assert status == 0, err
    return path


def test_list_json_after_import_is_each_article_as_shown(archive: str) -> None:
    rows = listed(archive)
    assert [list(r) for r in rows] == [list(FIELDS)] * 3
    assert rows == shown(archive, 1, 2, 3)


def test_list_json_shows_a_corrected_title_and_byline(archive: str) -> None:
    status, _, err = run_cli("--archive", archive, "cite", "2", "--set", "title=Coal and Coin")
    assert status == 0, err
    status, _, err = run_cli("--archive", archive, "cite", "3", "--author", "Talebi, Mira")
    assert status == 0, err
    rows = listed(archive)
    assert rows[1]["title"] == "Coal and Coin" and rows[2]["authors"] == ["Mira Talebi"]
    assert rows == shown(archive, 1, 2, 3)
    run_cli("--archive", archive, "cite", "2", "--reset")
    assert listed(archive) == shown(archive, 1, 2, 3)


def test_list_json_leaves_out_a_trashed_article_until_it_is_restored(archive: str) -> None:
    status, _, err = run_cli("--archive", archive, "delete", "article", "2")
    assert status == 0, err
    assert listed(archive) == shown(archive, 1, 3)
    status, _, err = run_cli("--archive", archive, "restore", "article", "2")
    assert status == 0, err
    assert listed(archive) == shown(archive, 1, 2, 3)


def test_list_json_follows_a_reextraction(archive: str) -> None:
    with sqlite3.connect(archive) as conn:  # what an older importer made of article 2
        conn.execute("UPDATE articles SET title = 'Old title', importer_version = 0 WHERE id = 2")
    assert listed(archive)[1]["title"] == "Old title"
    status, out, err = run_cli("--archive", archive, "reextract", "2", "--json")
    assert status == 0 and json.loads(out)[0]["status"] == "changed", err
    rows = listed(archive)
    assert rows[1]["title"] != "Old title" and rows == shown(archive, 1, 2, 3)


@pytest.mark.parametrize(
    ("options", "ids"),
    [
        (("--limit", "2"), [1, 2]),
        (("--offset", "1"), [2, 3]),
        (("--limit", "1", "--offset", "1"), [2]),
        (("--limit", "0"), []),
        (("--offset", "5"), []),
    ],
)
def test_list_json_pages_with_limit_and_offset(
    archive: str, options: tuple[str, ...], ids: list[int]
) -> None:
    run_cli("--archive", archive, "cite", "2", "--set", "title=Coal and Coin")
    assert listed(archive, *options) == (shown(archive, *ids) if ids else [])
