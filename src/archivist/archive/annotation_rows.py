"""Rows of the annotation tables to domain objects, and the small writes the stores share."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any, cast

from archivist.annotate.anchoring import Anchor
from archivist.annotate.selectors import TextPositionSelector, TextQuoteSelector, describe
from archivist.archive.base import utc_now
from archivist.archive.store import Store
from archivist.errors import ArchivistError, NotFoundError
from archivist.model import (
    ArticleId,
    Highlight,
    HighlightId,
    Note,
    NoteId,
    NoteTarget,
    PaletteColor,
)

_HIGHLIGHT_COLUMNS = (
    'id, article_id, start, "end", exact, prefix, suffix, color, orphaned, created_at, updated_at'
)
_NOTE_COLUMNS = "id, article_id, target, body, highlight_id, footnote_label, created_at, updated_at"


class AnnotationRows(Store):
    """Reading and writing annotation rows, shared by the annotation, import and trash stores."""

    def palette(self) -> tuple[PaletteColor, ...]:
        """The highlight colours and their meanings, in the user's order."""
        rows = self._db.execute("SELECT color, meaning, position FROM palette ORDER BY position")
        return tuple(PaletteColor(r[0], r[1], r[2]) for r in rows)

    def text(self, article_id: ArticleId) -> str:
        row = self._db.execute("SELECT text FROM articles WHERE id = ?", [article_id]).fetchone()
        if row is None:
            raise NotFoundError(f"no article {article_id} in the archive")
        return str(row[0])

    def insert_highlight(
        self,
        article_id: ArticleId,
        position: TextPositionSelector,
        quote: TextQuoteSelector,
        color: str,
        *,
        orphaned: bool = False,
    ) -> HighlightId:
        now = utc_now()
        cursor = self._db.execute(
            'INSERT INTO highlights (article_id, start, "end", exact, prefix, suffix, color, '
            "orphaned, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                article_id,
                position.start,
                position.end,
                quote.exact,
                quote.prefix,
                quote.suffix,
                color,
                int(orphaned),
                now,
                now,
            ],
        )
        return HighlightId(cast(int, cursor.lastrowid))

    def move_highlight(self, highlight_id: HighlightId, text: str, found: Anchor) -> None:
        position, quote = describe(text, found.start, found.end)
        self._db.execute(
            'UPDATE highlights SET start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, '
            "orphaned = 0 WHERE id = ?",
            [position.start, position.end, quote.exact, quote.prefix, quote.suffix, highlight_id],
        )

    def color_exists(self, color: str) -> bool:
        found = self._db.execute("SELECT 1 FROM palette WHERE color = ?", [color.lower()])
        return found.fetchone() is not None

    def known_color(self, color: str) -> str:
        if not self.color_exists(color):
            names = ", ".join(c.color for c in self.palette())
            raise ArchivistError(f'unknown colour "{color}": the palette has {names}')
        return color.lower()

    def require_highlight(self, highlight_id: HighlightId) -> None:
        found = self._db.execute("SELECT 1 FROM highlights WHERE id = ?", [highlight_id])
        if found.fetchone() is None:
            raise NotFoundError(f"no highlight {highlight_id} in the archive")

    def tag_id(self, tag: str) -> int:
        name = clean_name(tag, "tag")
        self._db.execute("INSERT OR IGNORE INTO tags (name) VALUES (?)", [name])
        return int(self._db.execute("SELECT id FROM tags WHERE name = ?", [name]).fetchone()[0])

    def drop_unused_tags(self) -> None:
        self._db.execute(
            "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM article_tags "
            "UNION SELECT tag_id FROM highlight_tags)"
        )

    def highlight_rows(
        self, where: str, params: Sequence[Any], order: str = 'start, "end", id'
    ) -> list[tuple[Any, ...]]:
        sql = f"SELECT {_HIGHLIGHT_COLUMNS} FROM highlights WHERE {where} ORDER BY {order}"
        return [tuple(r) for r in self._db.execute(sql, list(params))]

    def highlights_from_rows(self, rows: Sequence[tuple[Any, ...]]) -> tuple[Highlight, ...]:
        ids = [r[0] for r in rows]
        notes: dict[int, list[Note]] = defaultdict(list)
        tags: dict[int, list[str]] = defaultdict(list)
        for chunk in _chunks(ids, 500):
            marks = ", ".join("?" * len(chunk))
            for note in self.note_rows(
                f"n.highlight_id IN ({marks}) AND n.deleted_at IS NULL", chunk
            ):
                notes[cast(int, note.highlight_id)].append(note)
            for hid, name in self._db.execute(
                f"SELECT ht.highlight_id, t.name FROM highlight_tags ht JOIN tags t "
                f"ON t.id = ht.tag_id WHERE ht.highlight_id IN ({marks}) "
                "ORDER BY t.name COLLATE NOCASE",
                chunk,
            ):
                tags[hid].append(name)
        return tuple(
            Highlight(
                id=HighlightId(r[0]),
                article_id=ArticleId(r[1]),
                start=r[2],
                end=r[3],
                exact=r[4],
                prefix=r[5],
                suffix=r[6],
                color=r[7],
                orphaned=bool(r[8]),
                created=r[9],
                edited=r[10],
                notes=tuple(notes.get(r[0], ())),
                tags=tuple(tags.get(r[0], ())),
            )
            for r in rows
        )

    def note_rows(self, where: str, params: Sequence[Any]) -> list[Note]:
        columns = ", ".join("n." + c.strip() for c in _NOTE_COLUMNS.split(","))
        sql = f"SELECT {columns} FROM notes n WHERE {where} ORDER BY n.created_at, n.id"
        return [
            Note(
                id=NoteId(r[0]),
                article_id=ArticleId(r[1]),
                target=cast(NoteTarget, r[2]),
                text=r[3],
                highlight_id=None if r[4] is None else HighlightId(r[4]),
                footnote_label=r[5],
                created=r[6],
                edited=r[7],
            )
            for r in self._db.execute(sql, list(params))
        ]


def clean_name(name: str, what: str) -> str:
    """A tag or colour name with its whitespace tidied; an empty one is refused."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ArchivistError(f"a {what} needs a name")
    return cleaned


def _chunks(items: Sequence[int], size: int) -> Iterable[Sequence[int]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]
