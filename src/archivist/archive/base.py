"""The archive file: opening, migrations, WAL, and write transactions that wait their turn."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import os
import sqlite3
import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Self

from archivist.archive import connection, faults, searchtext
from archivist.archive.search import SearchIndex, queue_is_long
from archivist.errors import ArchiveError, ArchiveVersionError
from archivist.safefiles import create_partial, remove_stale_partials, shown

if TYPE_CHECKING:
    from sqlite_utils import Database

    from archivist.model import Progress

# archive/schema.py (and with it sqlite-utils) is imported where an archive is written or
# upgraded, never to read an up-to-date archive: see archive/connection.py.

BUSY_TIMEOUT_S = 10.0
"""How long a statement waits for the archive when another connection has it locked."""
WRITE_WAIT_S = 60.0
"""How long starting a write waits for another's before telling the user the archive is busy."""


SOURCES_WITHOUT_ARTICLE = "sources WHERE id NOT IN (SELECT source_id FROM articles)"
"""Imported files whose article is gone: emptying the trash and ``check --repair`` drop them."""


def utc_now() -> str:
    """The current time as ISO 8601 UTC with seconds, as stored in every timestamp column."""
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class ArchiveBase:
    """One open archive file: its connection, write transactions, upgrades, search index and
    backups. Every SQL statement of Archivist runs through it or a store over it."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self.read_only: str | None = read_only_reason(self.path)
        """Why this archive cannot be written (file or folder permissions), or None."""
        self._search = SearchIndex(self.path)
        self._search_behind = False
        """Whether this connection queued articles the search index has not applied yet."""
        self._migrating = True
        """Indexing a whole archive for search waits for its first search, not its opening."""
        self._db = _connect(self.path)
        try:
            self.migrate()
        except BaseException as exc:
            self._db.close()
            fault = faults.archive_fault(exc, self.path)
            if fault is None or fault is exc:
                raise
            raise fault from exc
        self._migrating = False

    @property
    def db(self) -> Database:
        """The connection every store of this archive works through."""
        return self._db

    @property
    def search_index(self) -> SearchIndex:
        """The archive's search index (kept beside the archive file)."""
        return self._search

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by SQLite when the last one closes).

        Changes this connection made are applied to the search index first, so the next
        search starts with nothing to catch up on.
        """
        if self._search_behind:
            self._search.sync(self._db)
        self._db.close()

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version``: it changes when another connection commits.

        A window polls it to notice what another process (the CLI, a second window) wrote;
        its own commits leave it as it is.
        """
        return int(self._db.execute("PRAGMA data_version").fetchone()[0])

    def update_search_index(self) -> bool:
        """Apply every change waiting for the search index (all articles after an upgrade).

        Searches do this first anyway; a desktop app can call it from a background job (on
        its own connection) so that the first search after an upgrade need not wait.
        False when another process is writing the index or the archive is read-only.
        """
        return self._search.sync(self._db)

    def search_index_behind(self) -> bool:
        """Whether the next search would first index many articles (a lost or outdated index
        folder, an upgrade, a long queue): worth doing as a job with progress first."""
        return not self.read_only and self._search.behind(self._db)

    def update_search_index_steps(self) -> Generator[Progress, None, bool]:
        """``update_search_index`` as a job: a Progress step per batch of articles indexed."""
        return self._search.sync_steps(self._db, renew=True)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """A write transaction begun with BEGIN IMMEDIATE, committed on success, else rolled back.

        Articles written in it are added to the search index just before the commit, in one
        statement (see schema migration 0002).

        Taking the write lock up front means a read inside the transaction can never be
        invalidated by another process's commit (SQLITE_BUSY_SNAPSHOT cannot be retried). If
        another connection holds the lock, this waits up to WRITE_WAIT_S for it.
        """
        conn = self._db.conn
        if conn.in_transaction:
            with self._db.atomic():
                yield self._db
            return
        if self.read_only:
            raise faults.ArchiveReadOnlyError(
                f"{shown(str(self.path))}: {self.read_only}, so nothing can be changed"
            )
        faults.refuse_if_damaged(self.path)
        _begin_immediate(conn, self.path)
        try:
            yield self._db
            searchtext.index_queued(self._db)
            conn.execute("COMMIT")
        except BaseException as exc:
            _rollback(conn)  # a no-op when an error already ended the transaction
            fault = faults.archive_fault(exc, self.path)
            if isinstance(fault, faults.ArchiveFullError):
                # The rolled-back transaction's pages stay in the WAL, filling the disk: give
                # that space back, so what the user does next (a note, a delete) can be saved.
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            if fault is None or fault is exc:
                raise
            raise fault from exc
        else:
            self._search_behind = not self._migrating
            if self._search_behind and queue_is_long(self._db):
                self._search.sync(self._db)

    def backup(self, destination: str | os.PathLike[str]) -> Path:
        """Write a consistent copy of the archive with VACUUM INTO (never a file copy)."""
        target = Path(destination)
        if target.exists():
            raise ArchiveError(f"{shown(str(target))}: a file of that name already exists")
        folder = target.parent if str(target.parent) else Path(".")
        remove_stale_partials(folder)
        try:
            partial = create_partial(target)
        except OSError as exc:
            raise _write_error(target, exc) from exc
        try:
            self._db.execute("VACUUM INTO ?", [str(partial)])
            os.replace(partial, target)
        except (OSError, sqlite3.Error) as exc:
            partial.unlink(missing_ok=True)
            damage = faults.archive_fault(exc, self.path) if faults.is_corruption(exc) else None
            if damage is not None:  # the archive being read is damaged, not the copy
                raise damage from exc
            raise _write_error(target, exc) from exc
        return target

    def migrate(self) -> None:
        """Upgrade the archive to the current schema (a backup of an older one is kept)."""
        db = self._db
        if connection.up_to_date(db):
            if db.execute("SELECT EXISTS (SELECT 1 FROM fts_queue)").fetchone()[0]:
                with self.transaction():
                    pass  # indexes articles another tool wrote into the archive's tables
            return
        from archivist.archive import schema

        db = connection.full_database(self._db)
        applied = [m.name for m in schema.migrations.applied(db)]
        unknown = set(applied) - schema.known_names()
        user_version = db.execute("PRAGMA user_version").fetchone()[0]
        if unknown or user_version > schema.latest_version():
            raise ArchiveVersionError(
                f"{self.path}: this archive was made by a newer version of Archivist; "
                "upgrade Archivist to open it"
            )
        if not schema.migrations.pending(db):
            if searchtext.search_queue_waiting(db) and not self.read_only:
                with self.transaction():
                    pass  # indexes articles another tool wrote into the archive's tables
            return
        if self.read_only:
            raise faults.ArchiveReadOnlyError(
                f"{shown(str(self.path))}: {self.read_only}, and it needs an upgrade by this "
                "version of Archivist; make it writable once"
            )
        if applied:
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            self.backup(self.path.with_name(f"{self.path.stem}.before-upgrade-{stamp}.sqlite3"))
        elif db.table_names():
            raise ArchiveError(f"{self.path}: this is an SQLite file but not an Archivist archive")
        with self.transaction():
            schema.migrations.apply(db)
            db.execute(f"PRAGMA user_version = {schema.latest_version()}")


def _rollback(conn: sqlite3.Connection) -> None:
    # The disk may fail under the rollback too; SQLite then rolls back on the next open.
    with contextlib.suppress(sqlite3.Error):
        conn.rollback()


def _write_error(target: Path, exc: BaseException) -> ArchiveError:
    """A backup that could not be written, in one line."""
    fault = faults.archive_fault(exc, target)
    if isinstance(fault, faults.ArchiveFullError):
        return ArchiveError(f"{shown(str(target))}: the disk is full; no backup was written")
    reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
    return ArchiveError(f"{shown(str(target))}: cannot write the backup ({reason})")


def _connect(path: Path) -> Database:
    if path.exists() and path.is_dir():
        raise ArchiveError(f"{shown(str(path))}: is a folder, not an archive file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArchiveError(
            f"{shown(str(path))}: cannot make the archive's folder ({exc.strerror or exc})"
        ) from exc
    if not path.parent.is_dir():
        raise ArchiveError(f"{shown(str(path))}: {shown(str(path.parent))} is not a folder")
    if read_only_reason(path):
        return _connect_read_only(path)
    # The file is never opened other than through SQLite, not even to peek at its header:
    # closing any descriptor of a database file drops every POSIX lock this process holds on
    # it, including those of this process's other open connections, and another process can
    # then checkpoint and delete the WAL under them (SQLite's "How To Corrupt", 2.2).
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_S)
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"{shown(str(path))}: cannot open the archive ({exc})") from exc
    try:
        db = connection.connect(conn)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        # FULL: a commit is on disk when it returns, so nothing acknowledged is lost on power loss.
        db.execute("PRAGMA synchronous = FULL")
    except sqlite3.DatabaseError as exc:
        conn.close()
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise ArchiveError(f"{path}: not an Archivist archive (not an SQLite file)") from exc
        raise faults.archive_fault(exc, path) or ArchiveError(f"{path}: {exc}") from exc
    return db


def read_only_reason(path: Path) -> str | None:
    """Why an existing archive cannot be written, or None when it can (or does not exist)."""
    if not path.is_file():
        return None
    if not os.access(path, os.W_OK):
        return "the archive file is read-only"
    if not os.access(path.parent, os.W_OK):
        return "the archive's folder is read-only"
    return None


def _connect_read_only(path: Path) -> Database:
    """Open for reading only (``mode=ro``): reads work, a write fails with SQLITE_READONLY.

    In a folder that cannot be written SQLite cannot make the WAL index (``-shm``); when no
    ``-wal`` is left either, no one can be writing, and the file is opened as immutable.
    """
    uri = path.resolve().as_uri() + "?mode=ro"
    wal = path.with_name(path.name + "-wal")
    if not os.access(path.parent, os.W_OK) and not wal.exists():
        uri += "&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)
        db = connection.connect(conn)
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        fault = faults.archive_fault(exc, path)
        raise (fault or ArchiveError(f"{path}: cannot open the archive ({exc})")) from exc
    return db


def _begin_immediate(conn: sqlite3.Connection, path: Path) -> None:
    """Begin a write transaction, waiting up to WRITE_WAIT_S for another writer to finish.

    SQLite's own busy handler sleeps 1, 2, 5, 10, 15, 20, 25 ms... between tries, so a writer
    queued behind a 20 ms import chunk slept on for up to 13 ms after the lock was free (lock
    waits were 5-8% of an import worker's time). Here the lock is tried every half
    millisecond at first, then less often; a failed try costs microseconds.
    """
    deadline = time.monotonic() + WRITE_WAIT_S
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        for attempt in itertools.count():
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _is_busy(exc):
                    raise ArchiveError(f"{path}: cannot write to the archive ({exc})") from exc
                if time.monotonic() > deadline:
                    raise ArchiveError(
                        f"{path}: the archive is busy (is another Archivist writing to it?)"
                    ) from exc
            time.sleep(0.0005 if attempt < 100 else 0.005 if attempt < 1000 else 0.05)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    name = getattr(exc, "sqlite_errorname", "")
    return name.startswith("SQLITE_BUSY") or "locked" in str(exc)
