"""Importing W3C Web Annotation JSON-LD into the archive, matched by SHA-256, else URL."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import cast

from archivist.annotate import w3c
from archivist.annotate.anchoring import Anchorer
from archivist.annotate.selectors import TextPositionSelector, TextQuoteSelector, describe
from archivist.archive.annotation_rows import AnnotationRows
from archivist.archive.articles import ArticleStore
from archivist.archive.base import ArchiveBase, utc_now
from archivist.model import ArticleId, HighlightId


@dataclass(frozen=True, slots=True)
class ImportReport:
    """What importing a W3C annotation file created, skipped and could not place."""

    highlights: int = 0
    notes: int = 0
    tags: int = 0
    orphaned: int = 0
    duplicates: int = 0
    unmatched: int = 0
    articles: tuple[ArticleId, ...] = ()


class AnnotationImporter:
    """Annotations read from JSON-LD recreated on the matching articles."""

    def __init__(self, core: ArchiveBase, rows: AnnotationRows, articles: ArticleStore) -> None:
        self._core = core
        self._rows = rows
        self._articles = articles
        self._db = core.db

    def run(self, data: object) -> ImportReport:
        """Recreate annotations from W3C JSON-LD on the matching articles (SHA-256, else URL).

        Highlights re-anchor in the current text (else arrive as orphans); an annotation
        already present (same place, same note, same tag) is not duplicated.
        """
        parsed = w3c.parse(data)
        counts: dict[str, int] = defaultdict(int)
        touched: list[ArticleId] = []
        with self._core.transaction():
            anchorers: dict[ArticleId, Anchorer] = {}
            for item in parsed:
                article_id = self._match_article(item.sha256, item.url)
                if article_id is None:
                    counts["unmatched"] += 1
                    continue
                if article_id not in touched:
                    touched.append(article_id)
                if article_id not in anchorers:
                    anchorers[article_id] = Anchorer(self._rows.text(article_id))
                self._import_one(article_id, item, anchorers[article_id], counts)
        return ImportReport(
            highlights=counts["highlights"],
            notes=counts["notes"],
            tags=counts["tags"],
            orphaned=counts["orphaned"],
            duplicates=counts["duplicates"],
            unmatched=counts["unmatched"],
            articles=tuple(touched),
        )

    def _import_one(
        self,
        article_id: ArticleId,
        item: w3c.ParsedAnnotation,
        anchorer: Anchorer,
        counts: dict[str, int],
    ) -> None:
        highlight_id: HighlightId | None = None
        if item.quote is not None:
            highlight_id = self._import_highlight(article_id, item, anchorer, counts)
        label = item.footnote if highlight_id is None else None
        for text in item.notes:
            target = "highlight" if highlight_id else ("footnote" if label else "article")
            exists = self._db.execute(
                "SELECT 1 FROM notes n WHERE article_id = ? AND target = ? AND body = ? "
                "AND highlight_id IS ? AND footnote_label IS ? AND deleted_at IS NULL",
                [article_id, target, text, highlight_id, label],
            ).fetchone()
            if exists:
                counts["duplicates"] += 1
                continue
            now = utc_now()
            self._db.execute(
                "INSERT INTO notes (article_id, target, highlight_id, footnote_label, body, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [article_id, target, highlight_id, label, text, now, now],
            )
            counts["notes"] += 1
        for tag in item.tags:
            table, column, owner = (
                ("highlight_tags", "highlight_id", highlight_id)
                if highlight_id is not None
                else ("article_tags", "article_id", article_id)
            )
            added = self._db.execute(
                f"INSERT OR IGNORE INTO {table} ({column}, tag_id) VALUES (?, ?)",
                [owner, self._rows.tag_id(tag)],
            ).rowcount
            counts["tags" if added else "duplicates"] += 1

    def _import_highlight(
        self,
        article_id: ArticleId,
        item: w3c.ParsedAnnotation,
        anchorer: Anchorer,
        counts: dict[str, int],
    ) -> HighlightId:
        quote = cast(TextQuoteSelector, item.quote)
        position = item.position or TextPositionSelector(0, 0)
        found = anchorer.anchor(position, quote)
        color = item.color if item.color and self._rows.color_exists(item.color) else "yellow"
        if found is not None:
            position, quote = describe(anchorer.text, found.start, found.end)
            existing = self._db.execute(
                'SELECT id FROM highlights WHERE article_id = ? AND start = ? AND "end" = ? '
                "AND deleted_at IS NULL AND orphaned = 0",
                [article_id, found.start, found.end],
            ).fetchone()
            if existing is not None:
                counts["duplicates"] += 1
                return HighlightId(existing[0])
        else:
            start = min(position.start, len(anchorer.text))
            position = TextPositionSelector(
                start, max(start, min(position.end, len(anchorer.text)))
            )
            counts["orphaned"] += 1
        counts["highlights"] += 1
        return self._rows.insert_highlight(
            article_id, position, quote, color, orphaned=found is None
        )

    def _match_article(self, sha256: str | None, url: str | None) -> ArticleId | None:
        if sha256:
            found = self._articles.find_source(sha256)
            if found is not None:
                return found
        if url:
            row = self._db.execute(
                "SELECT id FROM articles WHERE url = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
                [url],
            ).fetchone()
            if row is not None:
                return ArticleId(row[0])
        return None
