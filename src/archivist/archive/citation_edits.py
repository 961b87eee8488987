"""The ``citation_edits`` table: hand corrections of citations, read and written as a whole."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, cast

from archivist.annotate.citations import article_metadata, rematch
from archivist.archive import codec
from archivist.archive.base import utc_now
from archivist.archive.stored_listing import listing_fields
from archivist.model import ArticleId, CitationEdit, CslItem, Footnote, FootnoteKind

if TYPE_CHECKING:  # reading commands open the archive without loading sqlite-utils
    from sqlite_utils import Database

_COLUMNS = "article_id, label, csl_json, kind, refers_to, note_text, edited_at, lost"
_INSERT = (
    f"INSERT INTO citation_edits ({_COLUMNS}, listing_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


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

    def article_items(self, ids: Sequence[int] | None = None) -> dict[ArticleId, CslItem]:
        """The corrected own items of these articles (all corrected ones when None), by id."""
        sql = "SELECT article_id, csl_json FROM citation_edits WHERE label IS NULL AND lost = 0"
        found: dict[ArticleId, CslItem] = {}
        chunks = [None] if ids is None else [ids[i : i + 500] for i in range(0, len(ids), 500)]
        for chunk in chunks:
            where = "" if chunk is None else f" AND article_id IN ({','.join('?' * len(chunk))})"
            for article_id, csl in self._db.execute(sql + where, list(chunk or [])):
                if csl is not None:
                    found[ArticleId(article_id)] = json.loads(csl)
        return found

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
        self._db.execute(_INSERT, _values(stored))
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
        self._db.conn.executemany(_INSERT, [_values(e) for e in after])
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
        listing_fields(edit.csl) if edit.label is None and edit.csl is not None else None,
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


class _Listed(Protocol):
    @property
    def id(self) -> ArticleId: ...


Listed = TypeVar("Listed", bound=_Listed)


def with_corrected_metadata(
    db: Database, rows: list[Listed], fields: Sequence[str]
) -> list[Listed]:
    """Listing rows (dataclasses with an ``id``) whose ``fields`` (``title``, ``authors``,
    ``published``, ``site``) read as the article's corrected own item gives them."""
    if not rows:
        return rows
    edits = CitationEdits(db)
    # One query either way: by id for a page of rows, the whole (small) table for a long list.
    items = edits.article_items(None if len(rows) > 500 else [r.id for r in rows])
    if not items:
        return rows
    out = []
    for row in rows:
        item = items.get(row.id)
        if item is None:
            out.append(row)
            continue
        meta = article_metadata(item)
        values = {name: getattr(meta, name) for name in fields}
        if not values.get("title", True):
            values.pop("title")
        out.append(dataclasses.replace(row, **values))  # type: ignore[type-var]
    return out
