"""reextract: re-run extraction from the stored original, report changes, re-anchor highlights."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from factories import run_cli

SAVE = Path(__file__).parents[1] / "data" / "text" / "wordpress_breadcrumb.txt"


run = run_cli


def test_unchanged_article_is_reported_unchanged(tmp_path: Path) -> None:
    archive = str(tmp_path / "a.sqlite3")
    run("--archive", archive, "import", str(SAVE))
    status, out, _ = run("--archive", archive, "reextract", "--all", "--json")
    (result,) = json.loads(out)
    assert status == 0 and result["status"] == "unchanged"


def test_stale_extraction_is_replaced_and_highlights_follow(tmp_path: Path) -> None:
    archive = str(tmp_path / "a.sqlite3")
    run("--archive", archive, "import", str(SAVE))
    quote = "paid him in coal as much as in coin"
    status, _, err = run("--archive", archive, "highlight", "1", "--quote", quote, "--json")
    assert status == 0, err
    conn = sqlite3.connect(archive)
    # An older importer's output: a different title and a paragraph missing at the top.
    conn.execute(
        "UPDATE articles SET title = 'Old title', importer_version = 0, "
        "text = substr(text, instr(text, 'The first keeper')) WHERE id = 1"
    )
    conn.execute(
        "UPDATE highlights SET start = start - (SELECT instr(text, 'The first keeper') - 1 "
        'FROM articles WHERE id = 1) + 0, "end" = "end" WHERE id = 1'
    )
    conn.commit()
    status, out, _ = run("--archive", archive, "reextract", "1", "--json")
    (result,) = json.loads(out)
    assert status == 0 and result["status"] == "changed"
    assert any(change.startswith("title:") for change in result["changes"])
    assert result["highlights"]["orphaned"] == 0
    status, out, _ = run("--archive", archive, "show", "1", "--json")
    doc = json.loads(out)
    (highlight,) = doc["highlights"]
    assert doc["text"][highlight["start"] : highlight["end"]] == quote
    assert doc["importer_version"] >= 1


def test_unknown_id_fails_alone(tmp_path: Path) -> None:
    archive = str(tmp_path / "a.sqlite3")
    run("--archive", archive, "import", str(SAVE))
    status, out, _ = run("--archive", archive, "reextract", "1", "7", "--json")
    results = {r["id"]: r["status"] for r in json.loads(out)}
    assert status == 1 and results == {1: "unchanged", 7: "error"}
