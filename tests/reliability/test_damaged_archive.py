"""Issue 19, point 4: a damaged page gives one line naming the repair; the repair recovers all."""

from __future__ import annotations

import json
from pathlib import Path

from clirun import cli, lines
from damage import archive_with_articles, article_ids, damage_page, leaf_pages

from archivist.archive.faults import damage_marker


def damaged(tmp_path: Path, count: int = 40) -> Path:
    path = archive_with_articles(tmp_path, count)
    pages = leaf_pages(path, "articles")
    assert len(pages) >= 3
    damage_page(path, pages[len(pages) // 2])
    return path


def test_every_command_says_damaged_in_one_line_naming_the_repair(tmp_path: Path) -> None:
    path = damaged(tmp_path)
    extra = tmp_path / "new.txt"
    extra.write_text("New\n\nA new article.\n")
    for command in (
        ["list"],
        ["search", "harbour"],
        ["import", str(extra)],
        ["backup", "-o", str(tmp_path / "b.sqlite3")],
        ["reextract", "--all"],
    ):
        done = cli("--archive", path, *command)
        err = lines(done.stderr)
        assert b"Traceback" not in done.stderr, (command, done.stderr)
        assert done.returncode == 1, command
        assert any("check --repair" in line for line in err), (command, err)


def test_check_reports_the_damage_and_writes_are_refused_until_repaired(tmp_path: Path) -> None:
    path = damaged(tmp_path)
    done = cli("--archive", path, "check")
    assert done.returncode == 1 and b"Traceback" not in done.stderr
    assert any(line.startswith("integrity: ") for line in lines(done.stderr))
    assert "check --repair" in lines(done.stdout)[-1]
    assert damage_marker(path).exists()
    write = cli("--archive", path, "highlight", "1", "--quote", "Sentence 1 of article 0")
    assert write.returncode == 1 and "check --repair" in write.stderr.decode()
    assert "nothing is written" in write.stderr.decode()


def test_repair_rebuilds_every_readable_row_and_keeps_the_damaged_file(tmp_path: Path) -> None:
    path = archive_with_articles(tmp_path, 40)
    before = article_ids(path)
    assert (
        cli("--archive", path, "highlight", "1", "--quote", "Sentence 3 of article 0").returncode
        == 0
    )
    pages = leaf_pages(path, "articles")
    damage_page(path, pages[len(pages) // 2])
    done = cli("--archive", path, "check", "--repair", "--json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["ok"] is True
    assert any("re-extracted" in line for line in report["repaired"])
    kept = list(tmp_path.glob("a.damaged-*.sqlite3"))
    assert len(kept) == 1
    # Articles lost with the page come back from their stored originals: as many as before.
    assert len(article_ids(path)) == len(before)
    assert not damage_marker(path).exists()
    listing = json.loads(cli("--archive", path, "list", "--json").stdout)
    assert len(listing) == len(before)
    again = cli("--archive", path, "check")
    assert again.returncode == 0 and lines(again.stdout) == ["archive is sound"]
    # The highlight on an article outside the damaged page survived the rebuild.
    shown = json.loads(cli("--archive", path, "show", "1", "--json").stdout)
    assert [h["quote"] for h in shown["highlights"]] == ["Sentence 3 of article 0"]


def test_a_damaged_index_loses_nothing(tmp_path: Path) -> None:
    path = archive_with_articles(tmp_path, 40)
    before = article_ids(path)
    damage_page(path, leaf_pages(path, "articles_title")[0])
    done = cli("--archive", path, "check", "--repair")
    assert done.returncode == 0, done.stderr
    assert article_ids(path) == before


def test_an_article_whose_source_row_was_lost_is_named_as_lost(tmp_path: Path) -> None:
    import sqlite3

    from archivist.archive.integrity import Rebuilt, _drop_dangling

    db = sqlite3.connect(tmp_path / "t.sqlite3")
    db.executescript(
        "CREATE TABLE sources (id INTEGER PRIMARY KEY);"
        "CREATE TABLE articles (id INTEGER PRIMARY KEY, source_id INTEGER REFERENCES sources(id));"
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, article_id INTEGER REFERENCES articles(id));"
        "INSERT INTO sources VALUES (1);"
        "INSERT INTO articles VALUES (7, 1), (8, 2);"  # source 2 was on the damaged page
        "INSERT INTO notes VALUES (1, 8), (2, 7);"
    )
    result = Rebuilt(tmp_path / "a", tmp_path / "b")
    result.dropped = _drop_dangling(db, result.dropped_articles)
    assert result.lost_article_ids() == [8]
    assert [r[0] for r in db.execute("SELECT id FROM notes")] == [2]
