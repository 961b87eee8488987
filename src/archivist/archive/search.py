"""Search ranked over every match: the one search of the CLI and the library.

The ranking is BM25 over every matching article, computed by tantivy (block-max WAND), kept in
a folder beside the archive file (``ARCHIVE-search``). SQLite's FTS5 had to read every match's
position list and document size to rank them: 190-260 ms for a word found in most of a
100,000-article archive, and 40-60 ms merely to list those matches unranked, so no FTS5 query
plan reaches 20 ms; tantivy ranks the same query in under 1 ms (docs/search.md has the figures).

The archive stays the truth. Every change that alters what an article is found by (its text,
title or authors, a footnote, a highlight, a note, trashing) queues the article in
``search_outbox`` by trigger, inside the same SQLite transaction (migration 0005). The queue is
applied to the search index before a search, on close, and after a write that leaves many
articles queued; its rows are taken out only after the index committed them, so a crash at any
point leaves work to redo, never a silent gap. ``search_state`` holds a token and a version that
the index folder repeats; a folder that disagrees (a restored backup, a copied archive, a lost
folder) is rebuilt from the archive, as ``check --repair`` does.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Generator, Iterable, Sequence
from pathlib import Path
from typing import Any

from archivist.archive.searchtext import (
    PLACES,
    PREFIX_MAX,
    PREFIX_MIN,
    WEIGHTS,
    Clause,
    analyze,
    analyzer,
    common_words,
    documents,
    index_document,
    index_schema,
    pair_analyzer,
    pair_field,
    parse_query,
    word_pairs,
)
from archivist.model import Progress

__all__ = ["PREFIX_MAX", "PREFIX_MIN", "SearchIndex", "analyze", "parse_query"]

INDEX_FORMAT = 2
"""Raised whenever the index's fields or analysis change: an index of another format is rebuilt.

2: beside each place's words, its pairs of common words in a row (``text_pairs``...), where a
phrase of common words is searched; the common words are listed in the folder."""
RENEW_FROM = 2000
"""An index whose common words were found in a smaller archive than this is rebuilt (as a job)
once the archive has grown ``RENEW_GROWTH`` times bigger: its common words are the new
archive's, and its phrases of them fast again."""
RENEW_GROWTH = 4
PREFIX_WEIGHT = 0.05
"""The score a prefix-only match adds: below any whole-word match, so those rank first."""
SYNC_BATCH = 2000
"""Articles read from the archive per step when the index catches up."""
SYNC_AFTER_WRITE = 512
"""A write leaving this many articles queued applies them at once (bounds a later search)."""
WRITER_HEAP = 20_000_000
"""Bytes tantivy's writer buffers before it writes a segment: at 64 MB an import's peak memory
grew by a third; 20 MB only makes more small segments, which tantivy merges."""


class SearchIndex:
    """The tantivy index beside one archive file, brought up to date from the archive's queue."""

    def __init__(self, archive_path: Path) -> None:
        self.folder = Path(str(archive_path) + "-search")
        self._index: Any = None
        self._schema: Any = None
        self._seen = -1
        """The version of the archive's search state this process's reader last loaded."""
        self._common: frozenset[str] = frozenset()
        """The words whose pairs the index holds (found when the folder was made)."""

    # -- keeping in step ------------------------------------------------------------------

    def sync(self, db: Any, *, rebuild: bool = False, renew: bool = False) -> bool:
        """Apply the queued changes (everything, if the folder is stale); False when it could not.

        It cannot while another process writes the index (it will apply them) or when the
        archive or the folder is read-only; searches then use the index as it is.
        """
        steps = self.sync_steps(db, rebuild=rebuild, renew=renew)
        while True:
            try:
                next(steps)
            except StopIteration as stop:
                return bool(stop.value)

    def sync_steps(
        self, db: Any, *, rebuild: bool = False, renew: bool = False
    ) -> Generator[Progress, None, bool]:
        """``sync`` as a job: a Progress step per batch of articles indexed (a whole archive
        after an upgrade of the index's format takes minutes at 1,000,000 articles). Stopped
        early, nothing is lost: what it wrote is rolled back and stays queued. With ``renew``,
        an index whose common words an archive has outgrown is rebuilt too."""
        try:
            token, version = _state(db)
        except sqlite3.OperationalError:
            return False  # an archive from before migration 0005, opened read-only
        try:
            stale = rebuild or self._stamp() != (token, version) or not self._open()
            if stale or (renew and self._outgrown(db)):
                self._reset(db)
                if self._index is None:
                    return False  # another process is rebuilding the folder: it applies all
                _queue_all(db)
            elif self._seen != version:
                self._index.reload()  # another process applied changes since this one looked
                # It may have made the folder afresh, with other common words: a pair this
                # process thought held could be missing, and a phrase find too little.
                self._common = self._read_common()[0]
                self._seen = version
            if not _has_queue(db):
                return True
            return (yield from self._apply(db))
        except (OSError, ValueError, sqlite3.OperationalError):
            return False

    def behind(self, db: Any) -> bool:
        """Whether the next search would first index many articles: the folder is stale (lost,
        of an older format, another archive's) or a long queue waits."""
        try:
            token, version = _state(db)
        except sqlite3.OperationalError:
            return False
        if self._stamp() != (token, version):
            many = "SELECT 1 FROM articles LIMIT 1 OFFSET ?"
            return db.execute(many, [SYNC_AFTER_WRITE - 1]).fetchone() is not None
        return queue_is_long(db) or self._outgrown(db)

    def _outgrown(self, db: Any) -> bool:
        """Whether the archive grew ``RENEW_GROWTH`` times past the one the common words were
        found in (ids only grow: the highest id measures it in a step of the primary key)."""
        top = int(db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()[0])
        return top >= RENEW_FROM and top > RENEW_GROWTH * self._read_common()[1]

    def _apply(self, db: Any) -> Generator[Progress, None, bool]:

        try:
            writer = self._index.writer(WRITER_HEAP, 1)
        except ValueError:
            return False  # another process holds the writer: it applies the queue
        done: list[tuple[int, int]] = []
        total = int(db.execute("SELECT count(*) FROM search_outbox").fetchone()[0])
        try:
            after = -1
            while True:
                batch = db.execute(
                    "SELECT article_id, stamp FROM search_outbox WHERE article_id > ? "
                    "ORDER BY article_id LIMIT ?",
                    [after, SYNC_BATCH],
                ).fetchall()
                if not batch:
                    break
                after = batch[-1][0]
                ids = [r[0] for r in batch]
                for article_id in ids:
                    writer.delete_documents_by_term("id", article_id)
                for article_id, fields in documents(db, ids):
                    writer.add_document(index_document(article_id, fields, self._common))
                done.extend((r[0], r[1]) for r in batch)
                yield Progress(min(len(done), total), total, "indexing for search")
            writer.commit()
            writer.wait_merging_threads()
        except BaseException:
            writer.rollback()
            raise
        finally:
            del writer  # releases the index's writer lock
        version = _dequeue(db, done)
        self._write_stamp(db, version)
        self._index.reload()
        self._seen = version
        return True

    def _reset(self, db: Any) -> None:
        import shutil  # with bz2 and lzma behind it: only to rebuild

        self._index = None
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True)
        words, top = common_words(db)
        (self.folder / "common.json").write_text(
            json.dumps({"top_id": top, "words": sorted(words)}, ensure_ascii=False), "utf-8"
        )
        self._open()

    def _read_common(self) -> tuple[frozenset[str], int]:
        """The folder's common words and the highest article id when they were found."""
        try:
            data = json.loads((self.folder / "common.json").read_text("utf-8"))
            return frozenset(map(str, data["words"])), int(data["top_id"])
        except (OSError, ValueError, KeyError, TypeError):
            return frozenset(), 0  # no pairs held: every phrase is read from positions

    def _open(self) -> bool:
        if self._index is not None:
            return True
        import tantivy

        self.folder.mkdir(parents=True, exist_ok=True)
        try:
            self._schema = index_schema()
            index = tantivy.Index(self._schema, path=str(self.folder), reuse=True)
        except (OSError, ValueError):
            return False
        index.register_tokenizer("archivist", analyzer())
        index.register_tokenizer("archivist-pairs", pair_analyzer())
        self._common = self._read_common()[0]
        self._index = index
        return True

    def _stamp(self) -> tuple[str, int] | None:
        try:
            data = json.loads((self.folder / "archivist.json").read_text("utf-8"))
        except (OSError, ValueError):
            return None
        if data.get("format") != INDEX_FORMAT:
            return None
        return str(data.get("token")), int(data.get("version", -1))

    def _write_stamp(self, db: Any, version: int) -> None:
        token, _ = _state(db)
        target = self.folder / "archivist.json"
        partial = target.with_suffix(".partial")
        partial.write_text(
            json.dumps({"format": INDEX_FORMAT, "token": token, "version": version}), "utf-8"
        )
        os.replace(partial, target)

    # -- searching ------------------------------------------------------------------------

    def ranked(
        self, clauses: Sequence[Clause], limit: int | None, *, within: Sequence[int] | None = None
    ) -> list[tuple[int, float]]:
        """(article id, score) of the best ``limit`` matches (every match if None), best first.

        Equal scores go newest first, so the order never depends on the index's segments.
        """
        return self._top(clauses, limit, count=False, within=within)[0]

    def top(
        self, clauses: Sequence[Clause], limit: int, *, within: Sequence[int] | None = None
    ) -> tuple[list[tuple[int, float]], int]:
        """The best ``limit`` matches (as ``ranked``) and how many articles match in all.

        One pass does both: counting alongside ranking costs a few milliseconds more than
        ranking alone, half of a second pass over a million matches. ``within`` keeps only
        those articles (the ones another filter of the library chose).
        """
        return self._top(clauses, limit, count=True, within=within)

    def _top(
        self,
        clauses: Sequence[Clause],
        limit: int | None,
        *,
        count: bool,
        within: Sequence[int] | None,
    ) -> tuple[list[tuple[int, float]], int]:
        if not clauses or not self._open():
            return [], 0
        searcher = self._index.searcher()
        total = searcher.num_docs
        if total == 0:
            return [], 0
        query = self._query(clauses, within)
        want = total if limit is None else min(total, max(limit, 0))
        if want == 0:
            return [], 0
        # Fetching a few past the limit lets ties at the edge be ordered like a full ranking.
        result = searcher.search(query, min(total, want + 16), count=count)
        scores, addresses = zip(*result.hits, strict=True) if result.hits else ((), ())
        ids = searcher.fast_field_values("id", list(addresses))
        # Sorted on (negated score, negated id) tuples: C comparisons, no key function.
        ranked = sorted(zip(map(float.__neg__, scores), map(int.__neg__, ids), strict=True))
        return [(-i, -s) for s, i in ranked[:want]], int(result.count or 0) if count else 0

    def matches(self, clauses: Sequence[Clause], article_id: int) -> bool:
        """Whether one article matches the clauses (without ranking the others)."""
        if not clauses or not self._open():
            return False
        query = self._query(clauses, [article_id])
        return bool(self._index.searcher().search(query, 1, count=False).hits)

    def by_id(
        self,
        clauses: Sequence[Clause],
        offset: int,
        limit: int,
        *,
        newest_first: bool = True,
        within: Sequence[int] | None = None,
    ) -> tuple[list[int], int]:
        """Matches ``offset`` to ``offset + limit`` in the order of their ids (newest first, or
        oldest), and how many articles match: a page of the library sorted by date imported."""
        import tantivy

        if not clauses or limit <= 0 or not self._open():
            return [], 0
        searcher = self._index.searcher()
        order = tantivy.Order.Desc if newest_first else tantivy.Order.Asc
        result = searcher.search(
            self._query(clauses, within),
            limit,
            count=True,
            order_by_field="id",
            offset=max(0, offset),
            order=order,
        )
        return [int(key) for key, _ in result.hits], int(result.count or 0)

    def available(self) -> bool:
        """Whether the index can be opened (not in a folder this process cannot write)."""
        return self._open()

    def matching(
        self, clauses: Sequence[Clause], *, within: Sequence[int] | None = None
    ) -> list[int]:
        """Every matching article id (of ``within``, if given), newest first (no scoring: a
        third of ranking's cost)."""
        if not clauses or not self._open():
            return []
        searcher = self._index.searcher()
        limit = searcher.num_docs if within is None else min(searcher.num_docs, len(within))
        if limit == 0:
            return []
        result = searcher.search(
            self._query(clauses, within), limit, count=False, order_by_field="id"
        )
        return [int(key) for key, _ in result.hits]

    def count(self) -> int:
        """How many articles the index holds."""
        if not self._open():
            return 0
        self._index.reload()
        return int(self._index.searcher().num_docs)

    def _query(self, clauses: Sequence[Clause], within: Sequence[int] | None = None) -> Any:
        import tantivy

        q = tantivy.Query
        must = []
        for clause in clauses:
            should = []
            pairs = word_pairs(clause.words)
            paired = all(w in self._common for w in clause.words)
            for place in PLACES:
                if not pairs:
                    part = q.term_query(self._schema, place, clause.words[0])
                elif not paired:
                    # A rarer word leads tantivy's intersection: positions are read only in
                    # the few articles holding it.
                    part = q.phrase_query(self._schema, place, list(clause.words))
                elif len(pairs) == 1:
                    # A phrase of two words is one term: ranked by block-max WAND, counted
                    # from one posting list, instead of checking the positions of both words
                    # in every article holding them.
                    part = q.term_query(self._schema, pair_field(place), pairs[0])
                else:
                    # Longer: its pairs in a row, positions checked only where every pair is.
                    part = q.phrase_query(self._schema, pair_field(place), list(pairs))
                should.append((tantivy.Occur.Should, q.boost_query(part, WEIGHTS[place])))
                if clause.prefix:
                    # tantivy's phrase-prefix query, which expands the word to the first 50
                    # index words beginning with it, as Lucene's does: every longer word took
                    # 38 ms for a three-letter start common in a 100,000-article archive.
                    loose = q.phrase_prefix_query(self._schema, place, [clause.words[-1]])
                    should.append((tantivy.Occur.Should, q.boost_query(loose, PREFIX_WEIGHT)))
            must.append((tantivy.Occur.Must, q.boolean_query(should)))
        if within is not None:
            # Scored 0, so a filtered ranking keeps the scores (and the order) of the full one.
            chosen = q.term_set_query(self._schema, "id", list(within))
            must.append((tantivy.Occur.Must, q.const_score_query(chosen, 0.0)))
        return must[0][1] if len(must) == 1 else q.boolean_query(must)


# -- the archive side ---------------------------------------------------------------------


def _state(db: Any) -> tuple[str, int]:
    row = db.execute("SELECT token, version FROM search_state WHERE id = 1").fetchone()
    return str(row[0]), int(row[1])


def _has_queue(db: Any) -> bool:
    return bool(db.execute("SELECT EXISTS (SELECT 1 FROM search_outbox)").fetchone()[0])


def queue_is_long(db: Any) -> bool:
    """Whether enough articles wait that a write should apply them now."""
    try:
        row = db.execute(
            "SELECT 1 FROM search_outbox LIMIT 1 OFFSET ?", [SYNC_AFTER_WRITE - 1]
        ).fetchone()
    except sqlite3.OperationalError:
        return False  # no queue: an archive not yet upgraded
    return row is not None


def _queue_all(db: Any) -> None:
    _write(
        db,
        "INSERT INTO search_outbox (article_id, stamp) SELECT id, 0 FROM articles WHERE true "
        "ON CONFLICT (article_id) DO NOTHING",
    )


def _dequeue(db: Any, done: Iterable[tuple[int, int]]) -> int:
    """Take applied rows out of the queue (unless re-queued since) and bump the version."""
    conn: sqlite3.Connection = db.conn
    own = not conn.in_transaction
    if own:
        conn.execute("BEGIN IMMEDIATE")
    try:
        conn.executemany("DELETE FROM search_outbox WHERE article_id = ? AND stamp = ?", list(done))
        conn.execute("UPDATE search_state SET version = version + 1 WHERE id = 1")
        version = int(conn.execute("SELECT version FROM search_state WHERE id = 1").fetchone()[0])
    except BaseException:
        if own:
            conn.rollback()
        raise
    if own:
        conn.execute("COMMIT")
    return version


def _write(db: Any, sql: str) -> None:
    conn: sqlite3.Connection = db.conn
    if conn.in_transaction:
        conn.execute(sql)
        return
    with contextlib.closing(conn.cursor()) as cur:
        cur.execute("BEGIN IMMEDIATE")
        try:
            cur.execute(sql)
        except BaseException:
            conn.rollback()
            raise
        cur.execute("COMMIT")
