"""What an article is found by: its searchable text by place, read from the archive, and
what a query means.

The index beside the archive (``search.py``) is built from these, split into words (and
pairs of common words) by the analysis at the end of this module; queries are parsed into
clauses of the same words; hits are marked against the text; and the archive's own FTS5
index is what search falls back on where that index cannot be opened.
"""

from __future__ import annotations

import itertools
import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from archivist.model import ArticleId, SearchHit
from archivist.snippets import first_match, fold_script, make_snippet, query_pattern

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
PREFIX_MIN = 3
"""A last word this long (or ending in ``*``) also matches as a prefix: search as you type."""
PREFIX_MAX = 40
"""Longer words are never words being typed (and their patterns grow past tantivy's limit)."""
_QUOTES = re.compile(r'"([^"]*)"?|«([^»]*)»?|“([^”]*)”?')
SNIPPET_PLACES = ("text", "highlight", "note", "footnote")
"""Where a hit's snippet is taken from, in this order (the first place the query matched)."""
PAIR_JOIN = "_"
"""Joins the two words of a pair: never inside an index word, which holds letters and digits."""
COMMON_SHARE = 0.05
"""A word in this share of the articles or more is common: a phrase of common words only is
searched as word pairs (a rarer word leads the positional phrase query quickly enough)."""
COMMON_MAX = 256
"""At most this many common words (the commonest): bounds the pairs' vocabulary."""
COMMON_SAMPLE = 2000
"""Articles read, evenly spread over the archive, to find the common words."""


@dataclass(frozen=True, slots=True)
class Clause:
    """One part of a query: a word, or a phrase (several words in a row)."""

    words: tuple[str, ...]
    prefix: bool = False
    """The last word also matches as the start of a longer word."""


def parse_query(query: str) -> tuple[Clause, ...]:
    """Clauses of ``query``, folded as the index folds text; every clause must match.

    Quoted text (``"..."``, ``«...»``, ``“...”``) is a phrase, and so is a bare word that the
    index splits (``x-ray``). Query syntax is never interpreted otherwise: any text is safe.
    """
    clauses: list[Clause] = []
    pos = 0
    chunks: list[tuple[str, bool]] = []
    for found in _QUOTES.finditer(query):
        chunks.extend((word, False) for word in query[pos : found.start()].split())
        phrase = next(g for g in found.groups() if g is not None)
        chunks.append((phrase, True))
        pos = found.end()
    chunks.extend((word, False) for word in query[pos:].split())
    for k, (chunk, quoted) in enumerate(chunks):
        words = tuple(analyze(chunk))
        if not words:
            continue
        last = k == len(chunks) - 1 and not quoted and len(words) == 1
        # The word being typed: the query ends in it (a space after it ends the word).
        typed = query.endswith("*") or (query[-1:].isalnum() and len(words[0]) >= PREFIX_MIN)
        prefix = last and typed and len(words[0]) <= PREFIX_MAX
        clauses.append(Clause(words, prefix))
    return tuple(clauses)


def analyze(text: str) -> list[str]:
    """The index's words for ``text``: split on non-letters, lower case, accents folded."""
    return list(analyzer().analyze(fold_script(text)))


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


# -- hits: what the index found, marked -----------------------------------------------


def hits(db: Any, ids: Sequence[int], query: str) -> list[SearchHit]:
    """Search hits for ``ids`` (in that order): title, a snippet with the matched words between
    ``**``, and where the article matched."""
    if not ids:
        return []
    prefix = any(c.prefix for c in parse_query(query))
    by_place = places(db, ids)
    result = []
    for article_id in ids:
        fields = by_place.get(article_id)
        if fields is None:
            continue
        where = tuple(p for p in PLACES if _matches(fields[p], query, prefix))
        source = next((p for p in SNIPPET_PLACES if p in where), "text")
        snippet = make_snippet(fields[source], query, prefix=prefix)
        result.append(SearchHit(ArticleId(article_id), fields["title"], snippet, where))
    return result


def _matches(text: str, query: str, prefix: bool) -> bool:
    pattern = query_pattern(query, prefix=prefix, plain=text.isascii()) if text else None
    return pattern is not None and first_match(text, query, pattern) is not None


def snippets(db: Any, ids: Sequence[int], query: str) -> dict[ArticleId, str]:
    """Snippets alone, by id (the library's column)."""
    return {h.id: h.snippet for h in hits(db, ids, query)}


# -- the index's fields and analysis (archive/search.py) ---------------------------------


def index_schema() -> Any:
    """The index's fields: an integer id, and for each place its words and its pairs of
    common words, both with positions."""
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=False, indexed=True, fast=True)
    for place in PLACES:
        builder.add_text_field(place, stored=False, tokenizer_name="archivist")
        builder.add_text_field(pair_field(place), stored=False, tokenizer_name="archivist-pairs")
    return builder.build()


def pair_field(place: str) -> str:
    """The index field holding ``place``'s pairs of common words."""
    return f"{place}_pairs"


def word_pairs(words: Sequence[str]) -> list[str]:
    """Each word joined to the next (``salt marsh`` -> ``salt_marsh``)."""
    return [f"{a}{PAIR_JOIN}{b}" for a, b in itertools.pairwise(words)]


def common_words(db: Any) -> tuple[frozenset[str], int]:
    """The archive's common words (in ``COMMON_SHARE`` of a sample of its articles or more,
    the commonest ``COMMON_MAX``) and its highest article id then.

    The sample is the articles at ``COMMON_SAMPLE`` ids spread evenly up to the highest:
    read by primary key, never by scanning the table."""
    top = int(db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])
    step = max(1, top // COMMON_SAMPLE)
    seen: dict[str, int] = {}
    analyze = analyzer().analyze
    read = 0
    for _, fields in documents(db, range(step, top + 1, step)):
        read += 1
        for word in set(analyze(" ".join(fields.values()))):
            seen[word] = seen.get(word, 0) + 1
    least = max(1.0, COMMON_SHARE * read)
    ranked = sorted((n, w) for w, n in seen.items() if n >= least)
    return frozenset(w for _, w in ranked[-COMMON_MAX:]), top


def index_document(article_id: int, fields: dict[str, str], common: frozenset[str]) -> Any:
    """The index's document for an article: each place's words, and beside them each pair of
    two common words in a row, at the position of the first (so pairs in a row are words in a
    row, and a phrase of pairs is the phrase of words)."""
    import tantivy

    document = tantivy.Document(id=article_id, **fields)
    analyze = analyzer().analyze
    token = tantivy.Token
    for place in PLACES:
        words = analyze(fields[place])
        marks = [w in common for w in words]
        pairs = [
            token(f"{words[i]}{PAIR_JOIN}{words[i + 1]}", i, 0, 0)
            for i in range(len(words) - 1)
            if marks[i] and marks[i + 1]
        ]
        if pairs:
            document.add_pre_tokenized_text(
                pair_field(place), tantivy.PreTokenizedString("", pairs)
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
    """The pair fields' analyzer, for queries; documents give their pairs already made."""
    import tantivy

    return tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build()
