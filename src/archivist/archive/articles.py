"""Articles, their sources and footnotes in the archive: add, read, list."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, cast

from archivist.archive import codec, stored_listing
from archivist.archive.base import utc_now
from archivist.archive.citation_edits import with_corrected_metadata
from archivist.archive.store import Store
from archivist.errors import ArchiveError, DuplicateError, NotFoundError
from archivist.model import (
    Article,
    ArticleId,
    ArticleSummary,
    Extraction,
    Footnote,
    Resource,
    Source,
    SourceFormat,
    SourceId,
)

_INSERT_FOOTNOTE = (
    f"INSERT INTO footnotes ({', '.join(codec.FOOTNOTE_COLUMNS)}) "
    f"VALUES ({', '.join('?' * len(codec.FOOTNOTE_COLUMNS))})"
)


class ArticleStore(Store):
    """The articles of the archive: add, read and list them (``archive.articles``)."""

    def find_source(self, sha256: str) -> ArticleId | None:
        """The article made from the original with this SHA-256, if the archive has it."""
        return self.find_sources([sha256]).get(sha256)

    def find_sources(self, sha256s: Sequence[str]) -> dict[str, ArticleId]:
        """The articles made from the originals with these SHA-256s, by digest; one query."""
        found: dict[str, ArticleId] = {}
        for start in range(0, len(sha256s), 500):  # well under SQLite's limit on parameters
            part = sha256s[start : start + 500]
            rows = self._db.execute(
                "SELECT s.sha256, a.id FROM sources s JOIN articles a ON a.source_id = s.id "
                f"WHERE s.sha256 IN ({', '.join('?' * len(part))})",
                part,
            )
            found.update((digest, ArticleId(article_id)) for digest, article_id in rows)
        return found

    def add(self, extraction: Extraction, original: bytes) -> ArticleId:
        """Store one imported article and its original bytes in one transaction."""
        article = extraction.article
        source = article.source
        if source is None:
            raise ValueError("an extraction must carry its Source to be archived")
        now = utc_now()
        # Plain INSERTs rather than sqlite-utils' insert(): it re-reads the table's columns and
        # JSON-checks every value on each call, which was over a third of the cost of an import.
        with self._transaction() as db:
            # The UNIQUE sha256 tells a duplicate: a lookup first cost every new article a query.
            fields = [source.sha256, source.filename, source.format, source.encoding, source.size]
            try:
                source_id = db.execute(
                    "INSERT INTO sources (sha256, filename, format, encoding, size, imported_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    [*fields, now],
                ).lastrowid
            except sqlite3.IntegrityError as exc:
                existing = self.find_source(source.sha256)
                if existing is not None:
                    raise DuplicateError(
                        f"{source.filename}: already in the archive as article {existing}",
                        existing,
                    ) from None
                if "sources.sha256" in str(exc):  # a source row left without its article
                    raise ArchiveError(
                        f"{source.filename}: the archive holds this file but no article made "
                        "from it; run 'archivist check --repair'"
                    ) from exc
                raise
            assert source_id is not None
            _insert_original(db.conn, source_id, original)
            self._insert_resources(source_id, extraction.resources)
            row = _article_row(article)
            row.update(source_id=source_id, created_at=now, updated_at=now)
            columns = ", ".join(row)
            article_id = db.execute(
                f"INSERT INTO articles ({columns}) VALUES ({', '.join('?' * len(row))})",
                list(row.values()),
            ).lastrowid
            assert article_id is not None
            del row  # its JSON (tens of MB for a huge page) is not needed while FTS indexes
            self._insert_footnotes(article_id, article.footnotes)
            self._insert_tags(article_id, article.tags)
        return ArticleId(article_id)

    def add_many(self, items: Iterable[tuple[Extraction, bytes]], batch: int = 2000) -> int:
        """Archive many extractions, ``batch`` per transaction (bulk loads, benchmarks)."""
        count = 0
        pending: list[tuple[Extraction, bytes]] = []
        for item in items:
            pending.append(item)
            if len(pending) >= batch:
                count += self._add_batch(pending)
                pending = []
        if pending:
            count += self._add_batch(pending)
        return count

    def _add_batch(self, items: Sequence[tuple[Extraction, bytes]]) -> int:
        with self._transaction():
            for extraction, original in items:
                self.add(extraction, original)
        return len(items)

    def replace_extraction(self, article_id: ArticleId, extraction: Extraction) -> None:
        """Swap an article's extracted text, metadata and footnotes for a new extraction.

        The user's highlights, notes and tags stay; re-anchoring them is the caller's job,
        inside the same transaction (see ``AnnotationStore.reextract``).
        """
        self._require_article(article_id)
        row = _article_row(extraction.article)
        row["updated_at"] = utc_now()
        with self._transaction() as db:
            db.table("articles").update(article_id, row)
            db.execute("DELETE FROM footnotes WHERE article_id = ?", [article_id])
            self._insert_footnotes(article_id, extraction.article.footnotes)
            source = extraction.article.source
            if source is not None:
                # The same bytes may now be read as another format (a .md file imported
                # as plain text before Markdown saves were read as Markdown).
                db.execute(
                    "UPDATE sources SET format = ? WHERE id = ?",
                    [source.format, self._source_id(article_id)],
                )
            # Resources the new extraction does not supply stay: images read from a saved
            # page's folder at import time cannot be read again from the original bytes.
            source_id = self._source_id(article_id)
            for res in extraction.resources:
                db.execute(
                    "DELETE FROM resources WHERE source_id = ? AND location = ?",
                    [source_id, res.location],
                )
            self._insert_resources(source_id, extraction.resources)

    def get(self, article_id: ArticleId) -> Article:
        """The article with its footnotes (the user's annotations are added by the Archive)."""
        row = self._article_row(article_id)
        return _article_from_row(row, self.footnotes(article_id))

    def footnotes(self, article_id: ArticleId) -> tuple[Footnote, ...]:
        """An article's footnotes in document order."""
        rows = self._db.execute(
            "SELECT label, markers_json, text, kind, refers_to, csl_json, locator, uncited "
            "FROM footnotes WHERE article_id = ? ORDER BY seq",
            [article_id],
        )
        names = [d[0] for d in rows.description]
        return tuple(codec.footnote_from_row(dict(zip(names, r, strict=True))) for r in rows)

    def original(self, article_id: ArticleId) -> bytes:
        """The bytes of the file the article was imported from."""
        row = self._db.execute(
            "SELECT o.data FROM articles a JOIN originals o ON o.source_id = a.source_id "
            "WHERE a.id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no article {article_id} in the archive")
        return bytes(row[0])

    def resource(self, article_id: ArticleId, location: str) -> Resource | None:
        """A file archived with the article's page, by the location the page uses."""
        row = self._db.execute(
            "SELECT r.location, r.mime_type, r.data FROM articles a "
            "JOIN resources r ON r.source_id = a.source_id WHERE a.id = ? AND r.location = ?",
            [article_id, location],
        ).fetchone()
        return None if row is None else Resource(row[0], row[1], bytes(row[2]))

    def ids(self, *, include_deleted: bool = False) -> list[ArticleId]:
        """Every article id, oldest first."""
        where = "" if include_deleted else " WHERE deleted_at IS NULL"
        return [
            ArticleId(r[0]) for r in self._db.execute(f"SELECT id FROM articles{where} ORDER BY id")
        ]

    def count(self) -> int:
        """How many articles the archive holds, not counting those in the trash."""
        return int(
            self._db.execute("SELECT count(*) FROM articles WHERE deleted_at IS NULL").fetchone()[0]
        )

    def listing(self, *, limit: int | None = None, offset: int = 0) -> list[ArticleSummary]:
        """The archive listing, in import order."""
        sql = (
            "SELECT id, title, authors_json, published, site FROM articles "
            "WHERE deleted_at IS NULL ORDER BY id LIMIT ? OFFSET ?"
        )
        rows = self._db.execute(sql, [-1 if limit is None else limit, offset])
        listed = [
            ArticleSummary(ArticleId(r[0]), r[1], tuple(json.loads(r[2])), r[3], r[4]) for r in rows
        ]
        return with_corrected_metadata(self._db, listed, ("title", "authors", "published", "site"))

    def listing_json(
        self, *, limit: int | None = None, offset: int = 0, chunk: int = 5000
    ) -> Iterator[str]:
        """The listing as one JSON array, in pieces to write in turn (``list --json``).

        Each element is ``{"id", "title", "authors", "published", "site"}``, as ``listing``
        gives it, corrections included: read as stored in ``article_listing``
        (archive/stored_listing.py).
        """
        return stored_listing.json_pieces(self._db, limit=limit, offset=offset, chunk=chunk)

    def iterate(self, ids: Sequence[ArticleId] | None = None) -> Iterator[Article]:
        """Articles one at a time (bounded memory), all of them when ``ids`` is None."""
        for article_id in self.ids() if ids is None else ids:
            yield self.get(article_id)

    def source(self, article_id: ArticleId) -> Source:
        """The record of the original file an article came from."""
        row = self._db.execute(
            "SELECT s.id, s.filename, s.format, s.encoding, s.sha256, s.size, s.imported_at "
            "FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
            [article_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no article {article_id} in the archive")
        return Source(
            id=SourceId(row[0]),
            filename=row[1],
            format=cast(SourceFormat, row[2]),
            encoding=row[3],
            sha256=row[4],
            size=row[5],
            imported_at=row[6],
        )

    def _article_row(self, article_id: ArticleId) -> dict[str, Any]:
        cursor = self._db.execute(
            "SELECT a.*, s.filename AS s_filename, s.format AS s_format, s.encoding AS s_encoding, "
            "s.sha256 AS s_sha256, s.size AS s_size, s.imported_at AS s_imported_at "
            "FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = ?",
            [article_id],
        )
        row = cursor.fetchone()
        if row is None:
            raise NotFoundError(f"no article {article_id} in the archive")
        return dict(zip([d[0] for d in cursor.description], row, strict=True))

    def _source_id(self, article_id: ArticleId) -> int:
        return int(
            self._db.execute(
                "SELECT source_id FROM articles WHERE id = ?", [article_id]
            ).fetchone()[0]
        )

    def _insert_footnotes(self, article_id: int, footnotes: Sequence[Footnote]) -> None:
        if footnotes:
            self._db.conn.executemany(
                _INSERT_FOOTNOTE,
                [codec.footnote_values(article_id, seq, fn) for seq, fn in enumerate(footnotes)],
            )

    def _insert_tags(self, article_id: int, tags: Sequence[str]) -> None:
        """Tags the source itself gives (a Markdown save's front matter), at import only.

        Re-extraction never applies them again: by then the tags are the user's to change.
        """
        for tag in dict.fromkeys(" ".join(t.split()) for t in tags):
            if tag:
                self._db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [tag])
                self._db.execute(
                    "INSERT OR IGNORE INTO article_tags (article_id, tag_id) "
                    "SELECT ?, id FROM tags WHERE name = ?",
                    [article_id, tag],
                )

    def _insert_resources(self, source_id: object, resources: Sequence[Resource]) -> None:
        seen: set[str] = set()
        rows = []
        for res in resources:
            if res.location in seen:
                continue
            seen.add(res.location)
            rows.append(
                {
                    "source_id": source_id,
                    "location": res.location,
                    "mime_type": res.mime_type,
                    "sha256": hashlib.sha256(res.data).hexdigest(),
                    "data": res.data,
                }
            )
        if rows:
            self._db.table("resources").insert_all(rows)


BIG_ORIGINAL_BYTES = 4 * 1024 * 1024
"""Originals at least this big are written through a blob handle rather than bound."""


def _insert_original(conn: sqlite3.Connection, source_id: int, original: bytes) -> None:
    """Store a file's original bytes; a big one is written in place, never bound.

    A bound value is copied, and the copy stays with the cached statement until its next
    use: a 200 MB page's bytes were held twice more through the rest of its import.
    """
    if len(original) < BIG_ORIGINAL_BYTES:
        conn.execute("INSERT INTO originals (source_id, data) VALUES (?, ?)", [source_id, original])
        return
    conn.execute(
        "INSERT INTO originals (source_id, data) VALUES (?, zeroblob(?))",
        [source_id, len(original)],
    )
    view = memoryview(original)
    with conn.blobopen("originals", "data", source_id) as blob:
        for start in range(0, len(original), BIG_ORIGINAL_BYTES):
            blob.write(view[start : start + BIG_ORIGINAL_BYTES])


def _article_row(article: Article) -> dict[str, Any]:
    return {
        "title": article.title,
        "subtitle": article.subtitle,
        "authors": "; ".join(article.authors),
        "authors_json": codec.dumps(list(article.authors)),
        "published": article.published,
        "site": article.site,
        "section": article.section,
        "url": article.url,
        "language": article.language,
        "text": article.text,
        "blocks_json": codec.blocks_to_json(article.blocks),
        "marks_json": codec.marks_to_json(article.marks),
        "warnings_json": codec.dumps(list(article.warnings)),
        "importer_version": article.importer_version,
    }


def _article_from_row(row: dict[str, Any], footnotes: tuple[Footnote, ...]) -> Article:
    return Article(
        id=ArticleId(row["id"]),
        title=row["title"],
        subtitle=row["subtitle"],
        authors=tuple(json.loads(row["authors_json"])),
        published=row["published"],
        site=row["site"],
        section=row["section"],
        url=row["url"],
        language=row["language"],
        text=row["text"],
        blocks=codec.blocks_from_json(row["blocks_json"]),
        marks=codec.marks_from_json(row["marks_json"]),
        warnings=tuple(json.loads(row["warnings_json"])),
        importer_version=row["importer_version"],
        footnotes=footnotes,
        source=Source(
            id=SourceId(row["source_id"]),
            filename=row["s_filename"],
            format=cast(SourceFormat, row["s_format"]),
            encoding=row["s_encoding"],
            sha256=row["s_sha256"],
            size=row["s_size"],
            imported_at=row["s_imported_at"],
        ),
    )
