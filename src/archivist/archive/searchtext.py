"""What an article is found by: its searchable text by place, read from the archive.

The index beside the archive (``search.py``) is built from these; hits are marked against
them; and the archive's own FTS5 index is what search falls back on where that index cannot
be opened.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from archivist.snippets import fold_script

if TYPE_CHECKING:
    import tantivy
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
PAIR_JOIN = "_"
"""Joins the two words of a pair: never inside an index word, which holds letters and digits."""
ITEM_BREAK = "\u2029"
"""Between two items of one place in what the index is given (two highlights, two notes, two
footnotes, a corrected title and the extracted one): a phrase never runs from one to the next."""


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
    """What the index holds of each live article among ``ids``: its places, folded, the items
    of a place separated by ``ITEM_BREAK``."""
    for article_id, fields in places(db, ids, between=ITEM_BREAK).items():
        yield article_id, {place: fold_script(fields[place]) for place in PLACES}


def places(db: Any, ids: Sequence[int], *, between: str | None = None) -> dict[int, dict[str, str]]:
    """Each live article's searchable text by place (what is in the trash left out).

    The items of one place (footnotes, highlights, notes; a corrected title or byline and the
    extracted one) are separated by ``between``, else by a blank line (a line break between
    titles), as they are shown.
    """
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
                    found[article_id][place] = (between or "\n\n").join(values)
        _with_corrections(db, batch, marks, found, between or "\n")
    return found


def _with_corrections(
    db: Any, batch: list[int], marks: str, found: dict[int, dict[str, str]], between: str
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
            fields["title"] = f"{meta.title}{between}{fields['title']}"
        corrected = "; ".join(meta.authors)
        if corrected and corrected != fields["authors"]:
            fields["authors"] = f"{corrected}{between}{fields['authors']}"


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


# -- the index's fields and analysis (archive/search.py) ---------------------------------


def index_schema() -> Any:
    """The index's fields: an integer id, and for each place its words and its word pairs."""
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=False, indexed=True, fast=True)
    for place in PLACES:
        # Words alone need no positions: every phrase is searched in the pair fields.
        builder.add_text_field(place, stored=False, tokenizer_name="archivist", index_option="freq")
        builder.add_text_field(pair_field(place), stored=False, tokenizer_name="archivist-pairs")
    return builder.build()


def pair_field(place: str) -> str:
    """The index field holding ``place``'s word pairs."""
    return f"{place}_pairs"


def word_pairs(words: Sequence[str]) -> list[str]:
    """Each word joined to the next (``salt marsh`` -> ``salt_marsh``): the pair at position
    ``i`` starts at word ``i``, so pairs in a row are exactly words in a row."""
    return list(map(PAIR_JOIN.join, itertools.pairwise(words)))


def with_pairs(fields: dict[str, str]) -> dict[str, str]:
    """An article's folded places and, beside each, its word pairs, space-separated, split into
    words by the index's own analyzer. Between two items of a place (``ITEM_BREAK``) stands a
    lone ``PAIR_JOIN``, a token no query asks for: no pair, and no phrase, spans two items."""
    analyze = analyzer().analyze
    document = dict(fields)
    for place in PLACES:
        items = fields[place].split(ITEM_BREAK)
        document[pair_field(place)] = f" {PAIR_JOIN} ".join(
            " ".join(word_pairs(analyze(item))) for item in items
        )
    return document


_ANALYZER: list[Any] = []


def analyzer() -> tantivy.TextAnalyzer:
    """The index's words: split on non-letters, lower case, accents folded."""
    if not _ANALYZER:
        import tantivy

        _ANALYZER.append(
            tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.ascii_fold())
            .build()
        )
    return _ANALYZER[0]  # type: ignore[no-any-return]


def pair_analyzer() -> tantivy.TextAnalyzer:
    """Pairs are written already folded and joined: split on spaces, nothing else."""
    import tantivy

    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
