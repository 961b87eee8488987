"""Make archives with articles, and damage one page of a table in them, as a bad disk would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from archivist.archive import Archive
from factories import import_files


def archive_with_articles(folder: Path, count: int, name: str = "a.sqlite3") -> Path:
    """An archive holding ``count`` text articles ("Article N" with 1 footnote each)."""
    saves = folder / f"saves-{name}"
    saves.mkdir()
    for i in range(count):
        body = " ".join(f"Sentence {k} of article {i} about the harbour." for k in range(60))
        (saves / f"a{i:04d}.txt").write_text(
            f"Article {i}\n\n{body} [1]\n\n[1] Ana Ruiz, Report {i}, Harbour Press, 2019.\n"
        )
    path = folder / name
    archive = Archive.open(str(path))
    try:
        results = import_files(archive, [str(saves)], workers=0)
    finally:
        archive.close()
    assert sum(r.status == "imported" for r in results) == count
    return path


def leaf_pages(path: Path, table: str) -> list[int]:
    """The leaf pages of a table (or index), in key order."""
    conn = sqlite3.connect(path)
    try:
        return [
            r[0]
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY path",
                [table],
            )
        ]
    finally:
        conn.close()


def damage_page(path: Path, page: int) -> None:
    """Overwrite one page with garbage (the archive must be closed and checkpointed)."""
    conn = sqlite3.connect(path)
    size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    with open(path, "r+b") as f:
        f.seek((page - 1) * size)
        f.write(bytes([0xDE, 0xAD]) * (size // 2))


def article_ids(path: Path) -> set[int]:
    """The ids of the articles an archive holds (read with plain SQLite)."""
    conn = sqlite3.connect(path)
    try:
        return {r[0] for r in conn.execute("SELECT id FROM articles")}
    finally:
        conn.close()
