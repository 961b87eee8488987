"""What an article is found by: its searchable text by place, read from the archive.

The index beside the archive (``search.py``) is built from these; hits are marked against
them; and the archive's own FTS5 index is what search falls back on where that index cannot
be opened.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from archivist.snippets import fold_script

if TYPE_CHECKING:
    from sqlite_utils import Database

PLACES = ("title", "authors", "text", "highlight", "note", "footnote")
"""Where an article can match, in the order ``where`` lists them."""
WEIGHTS = {
    "title": 4.0,
    "authors": 2.0,
    "text": 1.0,
    "highlight": 1.5,
    "note": 1.5,
    "footnote": 0.7,
}
"""BM25 column weights: a word in the title says more about an article than one in a footnote."""


@dataclass(frozen=True, slots=True)
class Clause:
    """One part of a query: a word, or a phrase (several words in a row)."""

    words: tuple[str, ...]
    prefix: bool = False
    """The last word also matches as the start of a longer word."""


def fts_ranked(db: Any, clauses: Sequence[Clause], limit: int | None) -> list[tuple[int, float]]:
    """(article id, score), best first, from the archive's own FTS5 index of titles, authors
    and texts: what search falls back on when the index beside the archive cannot be opened
    (an archive in a read-only folder). Footnotes, highlights and notes are not in it, and
    Persian letter forms are not folded; every other rule of the query holds."""
    if not clauses:
        return []
    terms = []
    for clause in clauses:
        phrase = " ".join(w.replace('"', '""') for w in clause.words)
        terms.append(f'"{phrase}"' + ("*" if clause.prefix else ""))
    try:
        rows = db.execute(
            "SELECT f.rowid, bm25(articles_fts, ?, ?, ?) AS score FROM articles_fts f "
            "JOIN articles a ON a.id = f.rowid WHERE articles_fts MATCH ? "
            "AND a.deleted_at IS NULL ORDER BY score, f.rowid DESC LIMIT ?",
            [
                WEIGHTS["title"],
                WEIGHTS["authors"],
                WEIGHTS["text"],
                " AND ".join(terms),
                -1 if limit is None else limit,
            ],
        ).fetchall()
    except sqlite3.OperationalError:
        return []  # a query FTS5 still rejects matches nothing
    return [(int(r[0]), -float(r[1])) for r in rows]


def documents(db: Any, ids: Sequence[int]) -> Iterable[tuple[int, dict[str, str]]]:
    """What the index holds of each live article among ``ids``."""
    for article_id, fields in places(db, ids).items():
        yield article_id, {place: fold_script(fields[place]) for place in PLACES}


def places(db: Any, ids: Sequence[int]) -> dict[int, dict[str, str]]:
    """Each live article's searchable text by place (what is in the trash left out)."""
    found: dict[int, dict[str, str]] = {}
    for lo in range(0, len(ids), 500):
        batch = list(ids[lo : lo + 500])
        marks = ",".join("?" * len(batch))
        for r in db.execute(
            f"SELECT id, title, authors, text FROM articles WHERE id IN ({marks}) "
            "AND deleted_at IS NULL",
            batch,
        ):
            found[r[0]] = {
                "title": r[1],
                "authors": r[2],
                "text": r[3],
                "highlight": "",
                "note": "",
                "footnote": "",
            }
        for place, sql in (
            (
                "footnote",
                f"SELECT article_id, text FROM footnotes WHERE article_id IN ({marks}) "
                "ORDER BY article_id, seq",
            ),
            (
                "highlight",
                f"SELECT article_id, exact FROM highlights WHERE article_id IN ({marks}) "
                "AND deleted_at IS NULL ORDER BY article_id, start",
            ),
            (
                "note",
                f"SELECT article_id, body FROM notes WHERE article_id IN ({marks}) "
                "AND deleted_at IS NULL ORDER BY article_id, id",
            ),
        ):
            parts: dict[int, list[str]] = {}
            for article_id, value in db.execute(sql, batch):
                parts.setdefault(article_id, []).append(value)
            for article_id, values in parts.items():
                if article_id in found:
                    found[article_id][place] = "\n\n".join(values)
        _with_corrections(db, batch, marks, found)
    return found


def _with_corrections(
    db: Any, batch: list[int], marks: str, found: dict[int, dict[str, str]]
) -> None:
    """The title and authors the user corrected (``archivist cite ID``) are found as well as
    the extracted ones: a search for the right title finds the article, and so does the old."""
    from archivist.annotate.citations import article_metadata

    for article_id, csl_json in db.execute(
        f"SELECT article_id, csl_json FROM citation_edits WHERE article_id IN ({marks}) "
        "AND label IS NULL AND lost = 0 AND csl_json IS NOT NULL",
        batch,
    ):
        fields = found.get(article_id)
        if fields is None:
            continue
        try:
            item = json.loads(csl_json)
        except ValueError:
            continue
        meta = article_metadata(item if isinstance(item, dict) else {})
        if meta.title and meta.title != fields["title"]:
            fields["title"] = f"{meta.title}\n{fields['title']}"
        corrected = "; ".join(meta.authors)
        if corrected and corrected != fields["authors"]:
            fields["authors"] = f"{corrected}\n{fields['authors']}"


def search_queue_waiting(db: Database) -> bool:
    """Whether articles wait in ``fts_queue`` to be indexed for search."""
    return bool(db.execute("SELECT EXISTS (SELECT 1 FROM fts_queue)").fetchone()[0])


def index_queued(db: Database) -> None:
    """Index the articles queued in ``fts_queue`` and empty it; inside a write transaction."""
    if search_queue_waiting(db):
        db.execute(
            "INSERT INTO articles_fts (rowid, title, authors, text) "
            "SELECT a.id, a.title, a.authors, a.text FROM fts_queue q "
            "JOIN articles a ON a.id = q.article_id"
        )
        db.execute("DELETE FROM fts_queue")
