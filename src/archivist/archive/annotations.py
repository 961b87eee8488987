"""The user's annotations in the archive: highlights, notes, tags, palette, re-anchoring."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from archivist.annotate.anchoring import Anchor, Anchorer, find_quote
from archivist.annotate.citations import apply_edits
from archivist.annotate.selectors import TextPositionSelector, TextQuoteSelector, describe
from archivist.archive.annotation_import import AnnotationImporter, ImportReport
from archivist.archive.annotation_rows import AnnotationRows, clean_name
from archivist.archive.articles import ArticleStore
from archivist.archive.base import ArchiveBase, utc_now
from archivist.archive.citation_edits import CitationEdits
from archivist.archive.store import Store
from archivist.errors import ArchivistError, NotFoundError, QuoteNotFoundError
from archivist.model import (
    Article,
    ArticleId,
    Extraction,
    Highlight,
    HighlightId,
    Note,
    NoteId,
    NoteTarget,
    PaletteColor,
)

_LIVE_NOTE = (
    "n.deleted_at IS NULL AND (n.highlight_id IS NULL OR n.highlight_id IN "
    "(SELECT id FROM highlights WHERE deleted_at IS NULL))"
)


@dataclass(frozen=True, slots=True)
class ReanchorReport:
    """How an article's highlights fared when its text changed."""

    kept: tuple[HighlightId, ...] = ()
    moved: tuple[HighlightId, ...] = ()
    fuzzy: tuple[HighlightId, ...] = ()
    orphaned: tuple[HighlightId, ...] = ()
    lost_citations: tuple[str, ...] = ()
    """Labels of notes with a hand-corrected citation that the new extraction no longer has."""


class AnnotationStore(Store):
    """Highlights, notes, tags and the palette (``archive.annotations``); deletion is soft
    (the trash) until emptied."""

    __slots__ = ("_articles", "_rows")

    def __init__(self, core: ArchiveBase, articles: ArticleStore) -> None:
        super().__init__(core)
        self._articles = articles
        self._rows = AnnotationRows(core)

    def import_annotations(self, data: object) -> ImportReport:
        """Recreate annotations from W3C JSON-LD on the matching articles (SHA-256, else URL).

        Highlights re-anchor in the current text (else arrive as orphans); an annotation
        already present (same place, same note, same tag) is not duplicated.
        """
        return AnnotationImporter(self._core, self._rows, self._articles).run(data)

    # -- palette ---------------------------------------------------------------------------

    def palette(self) -> tuple[PaletteColor, ...]:
        """The highlight colours and their meanings, in the user's order."""
        return self._rows.palette()

    def set_color_meaning(self, color: str, meaning: str) -> PaletteColor:
        """Name what a colour means; a colour not yet in the palette is added at the end."""
        color = clean_name(color, "colour").lower()
        with self._transaction() as db:
            db.execute(
                "INSERT INTO palette (color, meaning, position) VALUES "
                "(?, ?, (SELECT coalesce(max(position), -1) + 1 FROM palette)) "
                "ON CONFLICT (color) DO UPDATE SET meaning = excluded.meaning",
                [color, meaning.strip()],
            )
        row = self._db.execute(
            "SELECT color, meaning, position FROM palette WHERE color = ?", [color]
        ).fetchone()
        return PaletteColor(row[0], row[1], row[2])

    # -- highlights ------------------------------------------------------------------------

    def add_highlight(
        self, article_id: ArticleId, start: int, end: int, color: str = "yellow"
    ) -> Highlight:
        """Highlight ``[start, end)`` of the article's text."""
        text = self._rows.text(article_id)
        if not 0 <= start < end <= len(text) or not text[start:end].strip():
            raise ArchivistError(
                f"cannot highlight [{start}, {end}): article {article_id} has "
                f"{len(text)} characters and a highlight must cover some text"
            )
        position, quote = describe(text, start, end)
        with self._transaction():
            highlight_id = self._rows.insert_highlight(
                article_id, position, quote, self._rows.known_color(color)
            )
        return self.highlight(highlight_id)

    def highlight_quote(
        self, article_id: ArticleId, quote: str, occurrence: int = 1, color: str = "yellow"
    ) -> Highlight:
        """Highlight the n-th occurrence of ``quote`` (QuoteNotFoundError suggests a match)."""
        try:
            start, end = find_quote(self._rows.text(article_id), quote, occurrence)
        except QuoteNotFoundError as exc:
            raise QuoteNotFoundError(f"article {article_id}: {exc}", exc.suggestion) from None
        return self.add_highlight(article_id, start, end, color)

    def highlight(self, highlight_id: HighlightId) -> Highlight:
        """One highlight with its notes and tags (also when it is in the trash)."""
        rows = self._rows.highlight_rows("id = ?", [highlight_id])
        if not rows:
            raise NotFoundError(f"no highlight {highlight_id} in the archive")
        return self._rows.highlights_from_rows(rows)[0]

    def highlights(
        self, article_id: ArticleId, *, include_deleted: bool = False
    ) -> tuple[Highlight, ...]:
        """An article's highlights in text order, orphans included (flagged)."""
        self._require_article(article_id)
        where = "article_id = ?" + ("" if include_deleted else " AND deleted_at IS NULL")
        return self._rows.highlights_from_rows(self._rows.highlight_rows(where, [article_id]))

    def find_highlights(
        self,
        article_ids: Sequence[ArticleId] | None = None,
        *,
        color: str | None = None,
        tag: str | None = None,
        orphans: bool = False,
        since: str | None = None,
        until: str | None = None,
    ) -> tuple[Highlight, ...]:
        """Live highlights of live articles, filtered; ``tag`` matches the highlight's or its
        article's tags; ``since``/``until`` compare ISO creation times (prefixes work)."""
        where = [
            "deleted_at IS NULL",
            "article_id IN (SELECT id FROM articles WHERE deleted_at IS NULL)",
        ]
        params: list[Any] = []
        if article_ids is not None:
            where.append(f"article_id IN ({', '.join('?' * len(article_ids))})")
            params.extend(article_ids)
        if color is not None:
            where.append("color = ?")
            params.append(color.lower())
        if tag is not None:
            where.append(
                "(id IN (SELECT ht.highlight_id FROM highlight_tags ht JOIN tags t "
                "ON t.id = ht.tag_id WHERE t.name = ?) OR article_id IN (SELECT at.article_id "
                "FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?))"
            )
            params += [tag, tag]
        if orphans:
            where.append("orphaned = 1")
        if since is not None:
            where.append("created_at >= ?")
            params.append(since)
        if until is not None:
            where.append("substr(created_at, 1, length(?)) <= ?")
            params += [until, until]
        rows = self._rows.highlight_rows(" AND ".join(where), params, order="article_id, start")
        return self._rows.highlights_from_rows(rows)

    def annotated_article_ids(self) -> tuple[ArticleId, ...]:
        """Live articles with any live highlight, note or tag, oldest first."""
        rows = self._db.execute(
            "SELECT id FROM articles WHERE deleted_at IS NULL AND (id IN (SELECT article_id "
            "FROM highlights WHERE deleted_at IS NULL) OR id IN (SELECT article_id FROM notes "
            "WHERE deleted_at IS NULL) OR id IN (SELECT article_id FROM article_tags)) ORDER BY id"
        )
        return tuple(ArticleId(r[0]) for r in rows)

    def recolor_highlight(self, highlight_id: HighlightId, color: str) -> Highlight:
        """Give a highlight another colour of the palette."""
        color = self._rows.known_color(color)
        with self._transaction() as db:
            self._rows.require_highlight(highlight_id)
            db.execute(
                "UPDATE highlights SET color = ?, updated_at = ? WHERE id = ?",
                [color, utc_now(), highlight_id],
            )
        return self.highlight(highlight_id)

    def delete_highlight(self, highlight_id: HighlightId) -> None:
        """Move a highlight (and with it its notes) to the trash."""
        self._soft_delete("highlights", highlight_id, "highlight")

    def restore_highlight(self, highlight_id: HighlightId) -> Highlight:
        """Take a highlight (and its notes) out of the trash."""
        self._restore("highlights", highlight_id, "highlight")
        return self.highlight(highlight_id)

    # -- notes -----------------------------------------------------------------------------

    def add_note(
        self,
        article_id: ArticleId,
        text: str,
        *,
        highlight_id: HighlightId | None = None,
        footnote_label: str | None = None,
    ) -> Note:
        """Attach a Markdown note to a highlight, a footnote (by label) or the article."""
        if not text.strip():
            raise ArchivistError("a note needs some text")
        if highlight_id is not None and footnote_label is not None:
            raise ArchivistError("a note belongs to a highlight or to a footnote, not both")
        target: NoteTarget = "article"
        self._require_article(article_id)
        if highlight_id is not None:
            target = "highlight"
            owner = self._db.execute(
                "SELECT article_id FROM highlights WHERE id = ? AND deleted_at IS NULL",
                [highlight_id],
            ).fetchone()
            if owner is None or owner[0] != article_id:
                raise NotFoundError(f"article {article_id} has no highlight {highlight_id}")
        elif footnote_label is not None:
            target = "footnote"
            if not any(fn.label == footnote_label for fn in self._articles.footnotes(article_id)):
                raise NotFoundError(f"article {article_id} has no footnote [{footnote_label}]")
        now = utc_now()
        with self._transaction() as db:
            note_id = db.execute(
                "INSERT INTO notes (article_id, target, highlight_id, footnote_label, body, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [article_id, target, highlight_id, footnote_label, text, now, now],
            ).lastrowid
        return self.note(NoteId(cast(int, note_id)))

    def note(self, note_id: NoteId) -> Note:
        """One note (also when it is in the trash)."""
        rows = self._rows.note_rows("n.id = ?", [note_id])
        if not rows:
            raise NotFoundError(f"no note {note_id} in the archive")
        return rows[0]

    def edit_note(self, note_id: NoteId, text: str) -> Note:
        """Replace a note's text (read the old one first with ``note`` to undo)."""
        if not text.strip():
            raise ArchivistError("a note needs some text (delete the note instead)")
        with self._transaction() as db:
            self.note(note_id)
            db.execute(
                "UPDATE notes SET body = ?, updated_at = ? WHERE id = ?",
                [text, utc_now(), note_id],
            )
        return self.note(note_id)

    def delete_note(self, note_id: NoteId) -> None:
        """Move a note to the trash."""
        self._soft_delete("notes", note_id, "note")

    def restore_note(self, note_id: NoteId) -> Note:
        """Take a note out of the trash."""
        self._restore("notes", note_id, "note")
        return self.note(note_id)

    def notes(self, article_id: ArticleId) -> tuple[Note, ...]:
        """Every live note of the article, whatever it is attached to, oldest first."""
        self._require_article(article_id)
        return tuple(self._rows.note_rows(f"n.article_id = ? AND {_LIVE_NOTE}", [article_id]))

    # -- tags ------------------------------------------------------------------------------

    def tag_article(self, article_id: ArticleId, tag: str) -> tuple[str, ...]:
        """Tag an article; returns its tags."""
        self._require_article(article_id)
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO article_tags (article_id, tag_id) VALUES (?, ?)",
                [article_id, self._rows.tag_id(tag)],
            )
        return self.article_tags(article_id)

    def untag_article(self, article_id: ArticleId, tag: str) -> tuple[str, ...]:
        """Remove a tag from an article; returns its tags."""
        self._require_article(article_id)
        with self._transaction() as db:
            db.execute(
                "DELETE FROM article_tags WHERE article_id = ? AND tag_id IN "
                "(SELECT id FROM tags WHERE name = ?)",
                [article_id, tag.strip()],
            )
            self._rows.drop_unused_tags()
        return self.article_tags(article_id)

    def tag_highlight(self, highlight_id: HighlightId, tag: str) -> tuple[str, ...]:
        """Tag a highlight; returns its tags."""
        self._rows.require_highlight(highlight_id)
        with self._transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO highlight_tags (highlight_id, tag_id) VALUES (?, ?)",
                [highlight_id, self._rows.tag_id(tag)],
            )
        return self.highlight(highlight_id).tags

    def untag_highlight(self, highlight_id: HighlightId, tag: str) -> tuple[str, ...]:
        """Remove a tag from a highlight; returns its tags."""
        self._rows.require_highlight(highlight_id)
        with self._transaction() as db:
            db.execute(
                "DELETE FROM highlight_tags WHERE highlight_id = ? AND tag_id IN "
                "(SELECT id FROM tags WHERE name = ?)",
                [highlight_id, tag.strip()],
            )
            self._rows.drop_unused_tags()
        return self.highlight(highlight_id).tags

    def article_tags(self, article_id: ArticleId) -> tuple[str, ...]:
        """An article's tags, alphabetically."""
        rows = self._db.execute(
            "SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id "
            "WHERE at.article_id = ? ORDER BY t.name COLLATE NOCASE",
            [article_id],
        )
        return tuple(r[0] for r in rows)

    def tags(self) -> tuple[str, ...]:
        """Every tag name in use, alphabetically."""
        rows = self._db.execute(
            "SELECT name FROM tags WHERE id IN (SELECT tag_id FROM article_tags "
            "UNION SELECT tag_id FROM highlight_tags) ORDER BY name COLLATE NOCASE"
        )
        return tuple(r[0] for r in rows)

    # -- the annotated document, re-extraction -----------------------------------------------

    def document(self, article_id: ArticleId) -> Article:
        """The article with footnote notes, highlights (notes, tags), article notes and tags,
        and the user's corrections of its citations laid over extraction's."""
        article = apply_edits(
            self._articles.get(article_id),
            CitationEdits(self._db).of_article(article_id, lost=False),
        )
        by_label: dict[str, list[Note]] = defaultdict(list)
        article_notes: list[Note] = []
        labels = {fn.label for fn in article.footnotes}
        for note in self.notes(article_id):
            label = note.footnote_label
            if note.target == "footnote" and label is not None and label in labels:
                by_label[label].append(note)
            elif note.target != "highlight":
                # Includes notes on a footnote a re-extraction no longer finds: never hidden.
                article_notes.append(note)
        footnotes = tuple(
            dataclasses.replace(fn, notes=tuple(by_label.get(fn.label, ())))
            for fn in article.footnotes
        )
        return dataclasses.replace(
            article,
            footnotes=footnotes,
            highlights=self.highlights(article_id),
            notes=tuple(article_notes),
            tags=self.article_tags(article_id),
        )

    def reextract(self, article_id: ArticleId, extraction: Extraction) -> ReanchorReport:
        """Replace the article's extraction and re-anchor every highlight, in one transaction."""
        outcome: dict[str, list[HighlightId]] = defaultdict(list)
        with self._transaction() as db:
            rows = self._rows.highlight_rows("article_id = ?", [article_id])
            self._articles.replace_extraction(article_id, extraction)
            lost = CitationEdits(db).follow(article_id, extraction.article.footnotes)
            text = extraction.article.text
            anchorer = Anchorer(text)
            for row in rows:
                highlight_id = HighlightId(row[0])
                position = TextPositionSelector(row[2], row[3])
                quote = TextQuoteSelector(row[4], row[5], row[6])
                found = anchorer.anchor(position, quote)
                kind = _outcome(found, was_orphan=bool(row[8]))
                outcome[kind].append(highlight_id)
                if found is None:
                    start = min(row[2], len(text))
                    db.execute(
                        'UPDATE highlights SET orphaned = 1, start = ?, "end" = ? WHERE id = ?',
                        [start, max(start, min(row[3], len(text))), highlight_id],
                    )
                else:
                    self._rows.move_highlight(highlight_id, text, found)
        return ReanchorReport(
            kept=tuple(outcome["kept"]),
            moved=tuple(outcome["moved"]),
            fuzzy=tuple(outcome["fuzzy"]),
            orphaned=tuple(outcome["orphaned"]),
            lost_citations=lost,
        )


def _outcome(found: Anchor | None, *, was_orphan: bool) -> str:
    if found is None:
        return "orphaned"
    if found.method == "fuzzy":
        return "fuzzy"
    return "kept" if found.method == "position" and not was_orphan else "moved"


__all__ = ["AnnotationStore", "ImportReport", "ReanchorReport"]
