"""The stored listing (``article_listing``): kept by triggers, read in pieces, checked, repaired."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from archivist.archive import Archive, schema
from archivist.model import CitationEdit
from factories import make_extraction


def expected(archive: Archive) -> list[dict[str, object]]:
    """The listing as ``list`` (Python, corrections laid over) gives it."""
    return [
        {
            "id": r.id,
            "title": r.title,
            "authors": list(r.authors),
            "published": r.published,
            "site": r.site,
        }
        for r in archive.articles.listing()
    ]


def listed(
    archive: Archive, *, limit: int | None = None, offset: int = 0, chunk: int = 5000
) -> list[dict[str, object]]:
    pieces = archive.articles.listing_json(limit=limit, offset=offset, chunk=chunk)
    rows: list[dict[str, object]] = json.loads("".join(pieces))
    return rows


def fill(archive: Archive, count: int) -> list[int]:
    return [
        archive.articles.add(
            make_extraction(f"Article {n}", f"Text {n}. [1]", filename=f"{n}.txt"), str(n).encode()
        )
        for n in range(count)
    ]


def test_an_archive_made_before_the_stored_listing_lists_as_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    every_step = list(schema.migrations._migrations)
    before = [m for m in every_step if m.name != "0010_article_listing"]
    monkeypatch.setattr(schema.migrations, "_migrations", before)
    with Archive.open(str(path)) as old:
        ids = fill(old, 4)
        old.trash.delete_article(ids[1])
    with sqlite3.connect(path) as conn:  # a correction as the version before stored it
        conn.execute(
            "INSERT INTO citation_edits (article_id, label, csl_json, note_text, edited_at) "
            "VALUES (?, NULL, ?, '', '2026-01-01T00:00:00Z')",
            [ids[2], json.dumps({"type": "webpage", "title": " Fixed  title ", "issued": "x"})],
        )
    monkeypatch.setattr(schema.migrations, "_migrations", every_step)

    with Archive.open(str(path)) as arc:
        assert listed(arc) == expected(arc)
        assert [r["id"] for r in listed(arc)] == [ids[0], ids[2], ids[3]]
        assert listed(arc)[1] == {
            "id": ids[2], "title": "Fixed title", "authors": [], "published": None, "site": None
        }  # fmt: skip
        assert arc.maintenance.check().problems == ()


@pytest.mark.parametrize("chunk", [1, 2, 3, 100])
@pytest.mark.parametrize(("limit", "offset"), [(None, 0), (3, 0), (3, 2), (None, 4), (0, 0)])
def test_pieces_of_any_size_make_the_same_page(
    archive: Archive, chunk: int, limit: int | None, offset: int
) -> None:
    ids = fill(archive, 7)
    archive.trash.delete_article(ids[3])
    archive.citations.save(CitationEdit(ids[4], None, {"type": "webpage", "title": "Fixed"}))
    every = expected(archive)
    end = None if limit is None else offset + limit
    assert listed(archive, chunk=chunk, limit=limit, offset=offset) == every[offset:end]


def test_a_tool_writing_articles_with_plain_sql_keeps_the_listing(archive: Archive) -> None:
    (first, second) = fill(archive, 2)
    with sqlite3.connect(archive.path) as conn:
        conn.execute(
            "UPDATE articles SET title = 'Renamed', authors_json = '[\"A. Tool\"]' WHERE id = ?",
            [first],
        )
        conn.execute(
            "UPDATE articles SET deleted_at = '2026-01-01T00:00:00Z' WHERE id = ?", [second]
        )
    assert listed(archive) == expected(archive)
    assert listed(archive) == [
        {"id": first, "title": "Renamed", "authors": ["A. Tool"], "published": None, "site": None}
    ]


def test_an_author_list_that_is_not_json_lists_as_none(archive: Archive) -> None:
    (article,) = fill(archive, 1)
    with sqlite3.connect(archive.path) as conn:  # a foreign tool's write is not refused
        conn.execute("UPDATE articles SET authors_json = 'Smith' WHERE id = ?", [article])
    assert listed(archive)[0]["authors"] == []


def test_emptying_the_trash_and_reimporting_leave_no_stale_row(archive: Archive) -> None:
    ids = fill(archive, 3)
    archive.trash.delete_article(ids[0])
    archive.trash.empty()
    fill(archive, 1)  # the same file again: a new article
    assert listed(archive) == expected(archive)
    assert archive.maintenance.check().problems == ()


def test_check_finds_a_listing_out_of_step_and_repair_rewrites_it(archive: Archive) -> None:
    ids = fill(archive, 3)
    with sqlite3.connect(archive.path) as conn:  # damage only a plain SQL write could do
        conn.execute("UPDATE article_listing SET json = '{}' WHERE article_id = ?", [ids[0]])
        conn.execute("DELETE FROM article_listing WHERE article_id = ?", [ids[1]])
        conn.execute("INSERT INTO article_listing VALUES (99, '{\"id\": 99}')")
    report = archive.maintenance.check()
    (problem,) = [p for p in report.problems if p.kind == "listing"]
    assert "3 article(s)" in problem.message and problem.repairable

    repaired = archive.maintenance.check(repair=True)
    assert "rewrote the stored listing from the articles" in repaired.repaired
    assert archive.maintenance.check().problems == ()
    assert listed(archive) == expected(archive)


def test_a_corrected_article_keeps_its_correction_through_trash_and_reextraction(
    archive: Archive,
) -> None:
    (article,) = fill(archive, 1)
    item = {"type": "webpage", "author": [{"literal": "Harbour Board"}], "container-title": "Log"}
    archive.citations.save(CitationEdit(article, None, item))  # no title: the extracted stays
    archive.trash.delete_article(article)
    assert listed(archive) == []
    archive.trash.restore_article(article)
    new = make_extraction("Re-extracted title", "Text 0. [1]", filename="0.txt")
    archive.articles.replace_extraction(article, new)
    assert listed(archive) == expected(archive)
    assert listed(archive) == [
        {"id": article, "title": "Re-extracted title", "authors": ["Harbour Board"],
         "published": None, "site": "Log"}
    ]  # fmt: skip
    archive.citations.reset(article, None)
    assert listed(archive)[0]["authors"] == ["Mira Talebi"]


def test_a_footnotes_correction_leaves_the_listing_alone(archive: Archive) -> None:
    (article,) = fill(archive, 1)
    before = listed(archive)
    archive.citations.save(
        CitationEdit(article, "1", {"type": "book", "title": "Other"}, kind="citation")
    )
    assert listed(archive) == before == expected(archive)


def test_check_finds_a_correction_stored_without_its_listing_fields(archive: Archive) -> None:
    (article,) = fill(archive, 1)
    with sqlite3.connect(archive.path) as conn:  # a tool storing a correction with plain SQL
        conn.execute(
            "INSERT INTO citation_edits (article_id, label, csl_json, note_text, edited_at) "
            'VALUES (?, NULL, \'{"type": "webpage", "title": "Tool"}\', \'\', \'now\')',
            [article],
        )
    assert listed(archive)[0]["title"] == "Article 0"  # not known to the listing yet
    (problem,) = archive.maintenance.check().problems
    assert problem.kind == "listing" and "1 article(s)" in problem.message

    archive.maintenance.check(repair=True)
    assert listed(archive) == expected(archive) and listed(archive)[0]["title"] == "Tool"
    assert archive.maintenance.check().problems == ()


def test_rebuilding_a_damaged_archive_lists_its_corrections(tmp_path: Path) -> None:
    from archivist.archive import integrity

    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as arc:
        (article,) = fill(arc, 1)
        arc.citations.save(CitationEdit(article, None, {"type": "webpage", "title": "Fixed"}))
    with sqlite3.connect(path) as conn:  # as recovered from an archive before 0010
        conn.execute("UPDATE citation_edits SET listing_json = NULL")
    integrity.rebuild(path)
    with Archive.open(str(path)) as rebuilt:
        assert listed(rebuilt)[0]["title"] == "Fixed"
        assert rebuilt.maintenance.check().problems == ()
