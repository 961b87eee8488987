"""The archive's connection: sqlite-utils' Database, made only when something needs more than SQL.

Importing sqlite-utils (with click and dateutil behind it) takes about 80 ms, more than half of
a reading command such as ``list``, ``search`` or ``show``, which only ever execute SQL. Those
statements run here the way ``Database.execute`` runs them; the first use of anything else
(``table``, ``atomic``, migrations) makes the Database over the same connection.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from sqlite_utils import Database

SCHEMA_VERSION = 11
"""How many migration steps schema.py holds (``PRAGMA user_version`` of an up-to-date archive);
tests/archive/test_schema.py keeps the two equal. An archive at this version opens without
loading the migrations."""

_CONTROL = ("BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE")


class LazyDatabase:
    """``execute`` and ``conn`` of a sqlite-utils Database; the rest from one made on first use."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self._database: Database | None = None
        # What Database() does on a connection, so statements behave the same before it exists.
        conn.execute("PRAGMA recursive_triggers=on;")

    def execute(
        self, sql: str, parameters: Sequence[Any] | dict[str, Any] | None = None
    ) -> sqlite3.Cursor:
        """Run one statement; a write outside a transaction is committed, as sqlite-utils does."""
        was_in_transaction = self.conn.in_transaction
        try:
            if parameters is not None:
                cursor = self.conn.execute(sql, parameters)
            else:
                cursor = self.conn.execute(sql)
        except Exception:
            if not was_in_transaction and self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if (
            not was_in_transaction
            and self.conn.in_transaction
            and cursor.description is None
            and sql.lstrip().split(None, 1)[0].upper() not in _CONTROL
        ):
            self.conn.execute("COMMIT")
        return cursor

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def database(self) -> Database:
        """The sqlite-utils Database over this connection (made, and imported, once)."""
        if self._database is None:
            from sqlite_utils import Database

            # recursive_triggers is already on; plugins are never run on an archive.
            self._database = Database(self.conn, recursive_triggers=False, execute_plugins=False)
        return self._database

    def __getattr__(self, name: str) -> Any:
        return getattr(self.database(), name)


def connect(conn: sqlite3.Connection) -> Database:
    """The archive's Database over ``conn``, typed as one (it acts as one everywhere)."""
    return cast("Database", LazyDatabase(conn))


def full_database(db: Database) -> Database:
    """A real sqlite-utils Database (for code that indexes it, such as Migrations)."""
    lazy: Any = db
    return lazy.database() if isinstance(lazy, LazyDatabase) else db


def up_to_date(db: Database) -> bool:
    """Whether the archive has every migration step and no other (two quick queries)."""
    if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
        return False
    try:
        applied = db.execute(
            "SELECT count(*) FROM _sqlite_migrations WHERE migration_set = 'archivist'"
        ).fetchone()[0]
    except sqlite3.OperationalError:
        return False
    return bool(applied == SCHEMA_VERSION)
