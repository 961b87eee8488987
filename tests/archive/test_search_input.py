"""Any text typed into search returns hits or nothing, never an error: Archive API and CLI alike."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.archive.library import LibraryFilter
from archivist.model import Footnote
from factories import make_extraction, run_cli

SRC = Path(__file__).resolve().parents[2] / "src"
HOSTILE_QUERIES = [
    '"harbour',
    'harbour"',
    '"harbour quay',
    "harbour AND",
    "AND harbour",
    "harbour OR NOT quay",
    "NEAR(harbour quay)",
    "NEAR(harbour quay, 2)",
    "harb*",
    "*",
    "-harbour",
    "harbour -quay",
    "c++",
    "C++ compilers",
    "title:harbour",
    "text:quay",
    "{title}:harbour",
    "",
    " ",
    "\t\n",
    "harbour " * 1250,
    "x" * 10_000,
    "^harbour",
    "harbour)",
    "(",
]
"""FTS5 syntax, broken syntax, empty input and 10,000 characters; words inside still search."""
FOUND = {
    '"harbour': "Harbour Notes",
    'harbour"': "Harbour Notes",
    "c++": "Compiler Notes",
    "-harbour": "Harbour Notes",
    "title:harbour": None,
    "C++ compilers": "Compiler Notes",
}
"""Queries whose words must still find an article (None: must find nothing, not an error)."""


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """An archive of two articles: one on a harbour, one on C++."""
    path = tmp_path / "a.sqlite3"
    harbour = "The harbour opened in spring. [1]\n\nShips came back to the quay in autumn."
    code = "Notes on C++ compilers. [1]\n\nTemplates made the c++ build slow."
    with Archive.open(str(path)) as archive:
        archive.articles.add(make_extraction("Harbour Notes", harbour, filename="h.txt"), b"h")
        # Footnotes are searched too: this one must not mention the harbour.
        note = (Footnote("1", (code.index("[1]"),), "Stroustrup, The Design of C++, 1994."),)
        archive.articles.add(
            make_extraction("Compiler Notes", code, filename="c.txt", footnotes=note), b"c"
        )
    return path


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_archive_search_never_raises(filled: Path, query: str) -> None:
    with Archive.open(str(filled)) as archive:
        hits = archive.search.query(query)
        listed = archive.library.ids("relevance", where=LibraryFilter(query=query))
        ordered = archive.library.ids("title", where=LibraryFilter(query=query))
    assert sorted(listed) == sorted(ordered)
    if query.strip():  # the app's search box and `archivist search` find the same articles
        assert sorted(listed) == sorted(hit.id for hit in hits)
    else:  # an empty box filters nothing; an empty search finds nothing
        assert (len(listed), hits) == (2, [])
    if query in FOUND:
        assert [hit.title for hit in hits] == ([FOUND[query]] if FOUND[query] else [])


@pytest.mark.parametrize(("query", "title"), FOUND.items())
def test_words_inside_search_syntax_still_find_the_article(
    filled: Path, query: str, title: str | None
) -> None:
    with Archive.open(str(filled)) as archive:
        hits = [h.title for h in archive.search.query(query)]
    assert hits == ([title] if title else [])


@pytest.mark.parametrize("query", ["", " ", "*", '"', "x" * 10_000])
def test_queries_with_no_words_find_nothing(filled: Path, query: str) -> None:
    with Archive.open(str(filled)) as archive:
        assert archive.search.query(query) == []


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_cli_search_never_fails(filled: Path, query: str) -> None:
    status, out, err = run_cli("--archive", str(filled), "search", "--json", "--", query)
    assert (status, err) == (0, "")
    hits = json.loads(out)
    assert all(set(h) == {"id", "title", "snippet", "where"} for h in hits)
    with Archive.open(str(filled)) as archive:
        assert [h["id"] for h in hits] == [hit.id for hit in archive.search.query(query)]


def test_cli_search_finds_words_inside_syntax(filled: Path) -> None:
    status, out, _ = run_cli("--archive", str(filled), "search", "--json", "--", "-harbour")
    assert status == 0 and [h["title"] for h in json.loads(out)] == ["Harbour Notes"]


@pytest.mark.parametrize("query", ['"harbour', "c++", "", "y" * 10_000])
def test_cli_search_in_a_real_process_prints_json_only(filled: Path, query: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-m", "archivist", "--archive", str(filled), "search", "--json", query],
        capture_output=True,
        check=False,
        text=True,
        env=env,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    titles = [hit["title"] for hit in json.loads(done.stdout)]
    found = {'"harbour': ["Harbour Notes"], "c++": ["Compiler Notes"]}
    assert titles == found.get(query, [])
