"""The documentation describes what exists: the archive schema page matches the live schema."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from archivist.archive import Archive

DOCS = Path(__file__).resolve().parents[1] / "docs"


def documented_columns() -> dict[str, set[str]]:
    """Table → columns, from the schema page's headings and column tables."""
    tables: dict[str, set[str]] = {}
    current: list[str] = []
    for line in (DOCS / "schema.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"### (.+)", line)
        if heading:
            current = [t.strip() for t in heading.group(1).split(",")]
            for table in current:
                tables.setdefault(table, set())
            continue
        row = re.match(r"\| ([a-z0-9_.]+) \|", line)
        if row and row.group(1) != "column" and current:
            name = row.group(1)
            table, _, column = name.rpartition(".")
            tables[table or current[0]].add(column)
    return tables


def live_columns(path: Path) -> dict[str, set[str]]:
    conn = sqlite3.connect(path)
    names = [
        r[0]
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not r[0].startswith(("_", "sqlite_", "articles_fts"))
    ]
    return {n: {c[1] for c in conn.execute(f"PRAGMA table_info({n})")} for n in names}


def test_schema_page_matches_the_live_schema(archive: Archive) -> None:
    documented = documented_columns()
    live = live_columns(archive.path)
    assert "articles_fts" in documented
    documented.pop("articles_fts")
    assert documented == live


def test_cli_reference_is_generated_from_the_parser() -> None:
    from archivist.cli.reference import render

    expected = render()
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == expected, (
        "docs/cli.md is stale: run python -m archivist.cli.reference > docs/cli.md"
    )


def test_the_architecture_page_names_only_files_that_exist() -> None:
    page = (DOCS / "architecture.md").read_text(encoding="utf-8")
    src = Path(__file__).resolve().parents[1] / "src" / "archivist"
    named = set(re.findall(r"`([\w/]+\.py)`", page))
    every = {p.relative_to(src).as_posix() for p in src.rglob("*.py")}
    tests = Path(__file__).resolve().parent
    missing = sorted(
        n
        for n in named
        if not (tests.parent / n).is_file()
        and not any(f == n or f.endswith("/" + n) for f in every)
    )
    assert len(named) > 10 and missing == []
