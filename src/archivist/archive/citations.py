"""Hand corrections of citations in the archive (``citation_edits``), apart from extraction."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping, Sequence
from typing import Any, cast

from sqlite_utils import Database

from archivist.annotate.citations import rematch
from archivist.annotate.cslfields import CitationInputError
from archivist.archive import codec
from archivist.archive.articles import ArticleStore
from archivist.archive.base import utc_now
from archivist.model import ArticleId, CitationEdit, CslItem, Footnote, FootnoteKind

_COLUMNS = "article_id, label, csl_json, kind, refers_to, note_text, edited_at, lost"


class CitationEdits:
    """The citation edits of one open archive; every write runs in the archive's transaction."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def of_article(self, article_id: ArticleId, *, lost: bool = True) -> tuple[CitationEdit, ...]:
        """An article's edits (the article's own first, then by label); lost ones too unless
        ``lost`` is False."""
        where = "" if lost else " AND lost = 0"
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM citation_edits WHERE article_id = ?{where} "
            "ORDER BY label IS NOT NULL, label, id",
            [article_id],
        ).fetchall()
        return tuple(_edit(r) for r in rows)

    def get(self, article_id: ArticleId, label: str | None) -> CitationEdit | None:
        """The live edit of a note (``label``) or of the article's own item (None)."""
        row = self._db.execute(
            f"SELECT {_COLUMNS} FROM citation_edits WHERE article_id = ? "
            "AND ifnull(label, '') = ifnull(?, '') AND lost = 0",
            [article_id, label],
        ).fetchone()
        return None if row is None else _edit(row)

    def lost(self) -> tuple[CitationEdit, ...]:
        """Edits whose note a re-extraction no longer found, across the archive."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM citation_edits WHERE lost = 1 ORDER BY article_id, label"
        ).fetchall()
        return tuple(_edit(r) for r in rows)

    def put(self, edit: CitationEdit) -> CitationEdit:
        """Store an edit, replacing the live edit of the same note; the time is now unless the
        edit carries one (an undone reset puts back the edit as it was)."""
        stored = edit if edit.edited else _with_time(edit, utc_now())
        self._db.execute(
            "DELETE FROM citation_edits WHERE article_id = ? "
            "AND ifnull(label, '') = ifnull(?, '') AND lost = 0",
            [edit.article_id, edit.label],
        )
        self._db.execute(
            f"INSERT INTO citation_edits ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            _values(stored),
        )
        return stored

    def delete(self, article_id: ArticleId, label: str | None) -> CitationEdit | None:
        """Drop the live edit of a note or of the article ("Reset to extracted"); returns it."""
        old = self.get(article_id, label)
        self._db.execute(
            "DELETE FROM citation_edits WHERE article_id = ? "
            "AND ifnull(label, '') = ifnull(?, '') AND lost = 0",
            [article_id, label],
        )
        return old

    def follow(self, article_id: ArticleId, footnotes: Sequence[Footnote]) -> tuple[str, ...]:
        """After a re-extraction: move each edit to the note it still matches, mark the rest
        lost; returns the labels of edits lost now (inside the caller's transaction)."""
        before = self.of_article(article_id)
        if not before:
            return ()
        after = rematch(before, footnotes)
        self._db.execute("DELETE FROM citation_edits WHERE article_id = ?", [article_id])
        self._db.conn.executemany(
            f"INSERT INTO citation_edits ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [_values(e) for e in after],
        )
        return tuple(str(e.label) for e in after if e.lost)


def _with_time(edit: CitationEdit, when: str) -> CitationEdit:
    return dataclasses.replace(edit, edited=when)


def _values(edit: CitationEdit) -> tuple[Any, ...]:
    return (
        edit.article_id,
        edit.label,
        None if edit.csl is None else codec.dumps(dict(edit.csl)),
        edit.kind,
        edit.refers_to,
        edit.note_text,
        edit.edited,
        int(edit.lost),
    )


def _edit(row: Sequence[Any]) -> CitationEdit:
    csl: CslItem | None = None if row[2] is None else json.loads(row[2])
    return CitationEdit(
        article_id=ArticleId(row[0]),
        label=row[1],
        csl=csl,
        kind=cast(FootnoteKind | None, row[3]),
        refers_to=row[4],
        note_text=row[5],
        edited=row[6],
        lost=bool(row[7]),
    )


class CitationStore(ArticleStore):
    """Correcting citations by hand: a note's kind, back reference and item, or the article's."""

    @property
    def citation_edits(self) -> CitationEdits:
        """The edits table of this archive."""
        return CitationEdits(self._db)

    def save_citation_edit(self, edit: CitationEdit) -> CitationEdit:
        """Store a correction (replacing the note's earlier one), checked against the article.

        CitationInputError for a label the article does not have, a back reference to no note
        or to the note itself, or a kind other than ``citation`` and ``note``.
        """
        with self.transaction():
            self._require_article(edit.article_id)
            footnotes = {fn.label: fn for fn in self.footnotes(edit.article_id)}
            note_text = ""
            if edit.label is not None:
                fn = footnotes.get(edit.label)
                if fn is None:
                    raise CitationInputError(
                        f"article {edit.article_id} has no footnote {edit.label!r}"
                        + (f" (its labels: {_some(footnotes)})" if footnotes else "")
                    )
                note_text = fn.text
                if edit.kind not in ("citation", "note"):
                    raise CitationInputError(f"kind {edit.kind!r}: give citation or note")
                if edit.refers_to is not None:
                    if edit.refers_to == edit.label:
                        raise CitationInputError(f"note {edit.label} cannot refer to itself")
                    if edit.refers_to not in footnotes:
                        raise CitationInputError(
                            f"article {edit.article_id} has no footnote {edit.refers_to!r} "
                            "to refer to"
                        )
            elif edit.csl is None:
                raise CitationInputError("the article's own item cannot be empty")
            return self.citation_edits.put(dataclasses.replace(edit, note_text=note_text))

    def reset_citation(self, article_id: ArticleId, label: str | None) -> CitationEdit | None:
        """Back to what extraction produced: drop the correction; returns it (None if none)."""
        with self.transaction():
            self._require_article(article_id)
            return self.citation_edits.delete(article_id, label)

    def drop_lost_citation(self, article_id: ArticleId, label: str | None) -> CitationEdit | None:
        """Drop the kept corrections of a note a re-extraction lost; returns one (None if none)."""
        with self.transaction() as db:
            self._require_article(article_id)
            found = [
                e for e in self.citation_edits.of_article(article_id) if e.lost and e.label == label
            ]
            db.execute(
                "DELETE FROM citation_edits WHERE article_id = ? AND label = ? AND lost = 1",
                [article_id, label],
            )
            return found[0] if found else None


def _some(footnotes: Mapping[str, object], shown: int = 8) -> str:
    labels = list(footnotes)
    more = f", … ({len(labels)} in all)" if len(labels) > shown else ""
    return ", ".join(labels[:shown]) + more
