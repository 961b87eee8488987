"""The trash: articles the user deleted, and everything deleted that can still come back."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, cast

from archivist.archive.annotation_rows import AnnotationRows
from archivist.archive.base import SOURCES_WITHOUT_ARTICLE, ArchiveBase
from archivist.archive.store import Store
from archivist.model import ArticleId
from archivist.text import one_line

TrashKind = Literal["article", "highlight", "note"]


@dataclass(frozen=True, slots=True)
class TrashItem:
    """Something the user deleted, restorable until the trash is emptied."""

    kind: TrashKind
    id: int
    label: str
    deleted: str


class TrashStore(Store):
    """Articles moved to the trash, the trash's contents, and emptying it (``archive.trash``).

    Highlights and notes go to the trash through ``archive.annotations``; this lists them
    and destroys them for good.
    """

    __slots__ = ("_rows",)

    def __init__(self, core: ArchiveBase) -> None:
        super().__init__(core)
        self._rows = AnnotationRows(core)

    def delete_article(self, article_id: ArticleId) -> None:
        """Move an article, with everything the user wrote on it, to the trash."""
        self._soft_delete("articles", article_id, "article")

    def restore_article(self, article_id: ArticleId) -> None:
        """Take an article out of the trash."""
        self._restore("articles", article_id, "article")

    def items(self) -> tuple[TrashItem, ...]:
        """What is in the trash, most recently deleted first.

        Items inside a trashed article (or notes of a trashed highlight) are not listed on
        their own: they come back with it.
        """
        sql = """
            SELECT 'article', id, title, deleted_at FROM articles WHERE deleted_at IS NOT NULL
            UNION ALL
            SELECT 'highlight', h.id, h.exact, h.deleted_at FROM highlights h
                JOIN articles a ON a.id = h.article_id
                WHERE h.deleted_at IS NOT NULL AND a.deleted_at IS NULL
            UNION ALL
            SELECT 'note', n.id, n.body, n.deleted_at FROM notes n
                JOIN articles a ON a.id = n.article_id
                LEFT JOIN highlights h ON h.id = n.highlight_id
                WHERE n.deleted_at IS NOT NULL AND a.deleted_at IS NULL
                AND h.deleted_at IS NULL
            ORDER BY 4 DESC, 1, 2 DESC
        """
        return tuple(
            TrashItem(cast(TrashKind, r[0]), r[1], one_line(r[2]), r[3])
            for r in self._db.execute(sql)
        )

    def empty(self) -> int:
        """Destroy what is in the trash for good; returns how many deleted items went."""
        with self._transaction() as db:
            count = 0
            for table in ("notes", "highlights", "articles"):
                count += db.execute(
                    f"SELECT count(*) FROM {table} WHERE deleted_at IS NOT NULL"
                ).fetchone()[0]
            db.execute("DELETE FROM notes WHERE deleted_at IS NOT NULL")
            db.execute("DELETE FROM highlights WHERE deleted_at IS NOT NULL")
            db.execute("DELETE FROM articles WHERE deleted_at IS NOT NULL")
            db.execute(f"DELETE FROM {SOURCES_WITHOUT_ARTICLE}")
            self._rows.drop_unused_tags()
        return int(count)
