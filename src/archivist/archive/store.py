"""The base of every store: one concern of an open archive over the archive's connection."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from archivist.archive.base import utc_now
from archivist.errors import NotFoundError
from archivist.model import ArticleId

if TYPE_CHECKING:
    from sqlite_utils import Database

    from archivist.archive.base import ArchiveBase


class Store:
    """A store works through its archive: the connection, write transactions, the search index.

    Stores hold no state of their own, so any number may share one archive (as sqlite-utils'
    ``Table`` objects share their ``Database``).
    """

    __slots__ = ("_core",)

    def __init__(self, core: ArchiveBase) -> None:
        self._core = core

    @property
    def _db(self) -> Database:
        return self._core.db

    def _transaction(self) -> AbstractContextManager[Database]:
        return self._core.transaction()

    def _require_article(self, article_id: ArticleId, *, live: bool = False) -> None:
        """NotFoundError unless the archive has the article (and, with ``live``, not in the trash).

        The one existence check of every store. An article in the trash can still be read and
        annotated (restoring it brings back everything); only what would put it back in front
        of the user (adding it to a dossier) asks for a live one.
        """
        sql = "SELECT deleted_at FROM articles WHERE id = ?"
        row = self._db.execute(sql, [article_id]).fetchone()
        if row is None or (live and row[0] is not None):
            raise NotFoundError(f"no article {article_id} in the archive")

    def _soft_delete(self, table: str, item_id: int, kind: str) -> None:
        with self._transaction() as db:
            row = db.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", [item_id]).fetchone()
            if row is None:
                raise NotFoundError(f"no {kind} {item_id} in the archive")
            if row[0] is None:
                db.execute(f"UPDATE {table} SET deleted_at = ? WHERE id = ?", [utc_now(), item_id])

    def _restore(self, table: str, item_id: int, kind: str) -> None:
        with self._transaction() as db:
            row = db.execute(f"SELECT deleted_at FROM {table} WHERE id = ?", [item_id]).fetchone()
            if row is None:
                raise NotFoundError(f"no {kind} {item_id} in the archive (was the trash emptied?)")
            db.execute(f"UPDATE {table} SET deleted_at = NULL WHERE id = ?", [item_id])
