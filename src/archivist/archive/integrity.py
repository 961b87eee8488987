"""A damaged archive: finding the damage, and rebuilding every readable row into a new file.

SQLite's own ``integrity_check`` tells what is wrong. A rebuild never writes into the
damaged file: a fresh archive is made beside it, each table is read row by row in rowid
order (stepping over the pages that cannot be read), the search index is rebuilt from the
recovered articles, and only then the two files change places. The damaged original is kept
as ``NAME.damaged-STAMP.sqlite3`` (with its ``-wal``), so nothing is ever thrown away.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from archivist.archive import connection, faults, stored_listing
from archivist.archive.base import ArchiveBase
from archivist.errors import ArchiveError
from archivist.safefiles import shown

BATCH_ROWS = 256
MAX_FINDINGS = 100
"""integrity_check stops after this many findings (a badly damaged file has thousands)."""
_SKIPPED_TABLES = ("_sqlite_migrations", "fts_queue", "article_listing")
"""Not copied: the fresh archive records its own migrations, and its triggers fill the search
queue and the stored listing from the recovered articles."""
_ROWID_MAX = 2**63 - 1


@dataclass(slots=True)
class Rebuilt:
    """What a rebuild recovered: rows per table, and the rowid stretches it could not read."""

    archive: Path
    damaged_copy: Path
    recovered: dict[str, int] = field(default_factory=dict)
    unreadable: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    dropped: int = 0
    """Recovered rows left pointing at rows that were lost (a highlight of a lost article)."""
    dropped_articles: list[int] = field(default_factory=list)
    """Articles read whole but left out because a row they need was lost (their source)."""

    def lost_article_ids(self) -> list[int]:
        """Article ids in an unreadable stretch (bounded by the rows read either side)."""
        ids: list[int] = list(self.dropped_articles)
        for low, high in self.unreadable.get("articles", []):
            ids.extend(range(low, high + 1))
        return sorted(set(ids))

    def summary(self) -> list[str]:
        """One line per fact, for the user."""
        lines = [
            f"recovered {self.recovered.get('articles', 0)} article(s), "
            f"{self.recovered.get('highlights', 0)} highlight(s), "
            f"{self.recovered.get('notes', 0)} note(s) into a new archive file",
            f"the damaged file is kept as {shown(str(self.damaged_copy))}",
        ]
        for table, stretches in sorted(self.unreadable.items()):
            spans = ", ".join(f"{a}" if a == b else f"{a}-{b}" for a, b in stretches[:10])
            more = f" and {len(stretches) - 10} more" if len(stretches) > 10 else ""
            lines.append(f"unreadable in {table}: row ids {spans}{more}")
        if self.dropped:
            lines.append(f"{self.dropped} recovered row(s) belonged to lost rows and were left out")
        return lines


def integrity_findings(path: Path) -> list[str]:
    """What ``PRAGMA integrity_check`` finds in the archive (empty when sound).

    Opened read-only and apart from Archivist's own opening, so a file too damaged to open
    as an archive is still examined. A file that is not SQLite at all raises ArchiveError.
    """
    try:
        conn = _read_only(path)
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"{shown(str(path))}: cannot be examined ({exc})") from exc
    try:
        rows = conn.execute(f"PRAGMA integrity_check({MAX_FINDINGS})").fetchall()
        findings = [str(r[0]) for r in rows if r[0] != "ok"]
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") == "SQLITE_NOTADB":
            raise ArchiveError(f"{shown(str(path))}: not an SQLite file") from exc
        findings = [" ".join(str(exc).split())]
    finally:
        conn.close()
    if findings:
        faults.mark_damaged(path, findings[0])
    else:
        faults.clear_damaged(path)
    return findings


def rebuild(path: Path, *, now: dt.datetime | None = None) -> Rebuilt:
    """Rebuild a damaged archive into a new file; keep the damaged one beside it."""
    now = now or dt.datetime.now(dt.UTC)
    stamp = f"{now:%Y%m%dT%H%M%SZ}"
    fresh_path = path.with_name(f"{path.stem}.rebuilding-{stamp}.sqlite3")
    kept = path.with_name(f"{path.stem}.damaged-{stamp}.sqlite3")
    if fresh_path.exists() or kept.exists():
        raise ArchiveError(f"{shown(str(path))}: a repair is already under way")
    try:
        ArchiveBase(fresh_path).close()  # today's schema, empty
        result = Rebuilt(path, kept)
        source = _read_only(path)
        try:
            _copy_all(source, fresh_path, result)
        finally:
            source.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            old = path.with_name(path.name + suffix)
            if old.exists():
                os.replace(old, kept.with_name(kept.name + suffix))
        os.replace(fresh_path, path)
    except (OSError, sqlite3.Error, ArchiveError) as exc:
        for suffix in ("", "-wal", "-shm"):
            fresh_path.with_name(fresh_path.name + suffix).unlink(missing_ok=True)
        if isinstance(exc, ArchiveError):
            raise
        fault = faults.archive_fault(exc, path)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(fault)
        raise ArchiveError(f"{shown(str(path))}: the repair failed ({reason})") from exc
    faults.clear_damaged(path)
    return result


def _read_only(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return conn


def _copy_all(source: sqlite3.Connection, fresh_path: Path, result: Rebuilt) -> None:
    target = sqlite3.connect(fresh_path)
    try:
        target.execute("PRAGMA foreign_keys = OFF")
        tables = [
            r[0]
            for r in target.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE 'articles_fts%' ORDER BY rowid"
            )
            if r[0] not in _SKIPPED_TABLES
        ]
        for table in tables:
            wanted = [r[1] for r in target.execute(f'PRAGMA table_info("{table}")')]
            try:
                present = {r[1] for r in source.execute(f'PRAGMA table_info("{table}")')}
            except sqlite3.DatabaseError:
                present = set()
            columns = [c for c in wanted if c in present]
            if not columns:
                continue
            names = ", ".join(f'"{c}"' for c in columns)
            insert = (
                f'INSERT OR IGNORE INTO "{table}" ({names}) VALUES '
                f"({', '.join('?' for _ in columns)})"
            )
            count = 0
            stretches: list[tuple[int, int]] = []
            for rows in _readable_rows(source, table, names, stretches):
                target.executemany(insert, rows)
                count += len(rows)
            result.recovered[table] = count
            if stretches:
                result.unreadable[table] = stretches
        result.dropped = _drop_dangling(target, result.dropped_articles)
        # Corrections recovered from an archive older than migration 0010 carry no listing
        # fields: the listing is written from them afresh, as check --repair would.
        stored_listing.rebuild(connection.connect(target))
        target.execute("DELETE FROM fts_queue")
        target.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        target.commit()
        verdict = target.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise ArchiveError(f"the rebuilt archive is not sound either ({verdict})")
    finally:
        target.close()


def _readable_rows(
    source: sqlite3.Connection, table: str, names: str, stretches: list[tuple[int, int]]
) -> Iterator[list[tuple[object, ...]]]:
    """Batches of rows in rowid order; unreadable rowid stretches are appended to ``stretches``."""
    batch = f'SELECT rowid, {names} FROM "{table}" WHERE rowid > ? ORDER BY rowid LIMIT ?'
    last = -_ROWID_MAX - 1
    size = BATCH_ROWS
    while True:
        try:
            rows = source.execute(batch, [last, size]).fetchall()
        except sqlite3.DatabaseError:
            if size > 1:
                size = 1  # read row by row up to the damage
                continue
            resume = _next_readable(source, table, last)
            if resume is None:
                _add_stretch(stretches, last + 1, _bound(source, table, last))
                return
            if resume - 1 >= last + 1:
                _add_stretch(stretches, last + 1, resume - 1)
            last = resume - 1
            size = BATCH_ROWS
            continue
        if not rows:
            return
        yield [tuple(r[1:]) for r in rows]
        last = int(rows[-1][0])


def _add_stretch(stretches: list[tuple[int, int]], low: int, high: int) -> None:
    if stretches and stretches[-1][1] + 1 >= low:
        stretches[-1] = (stretches[-1][0], max(high, stretches[-1][1]))
    else:
        stretches.append((low, high))


def _seek_ok(source: sqlite3.Connection, table: str, rowid: int) -> bool:
    """True when the row at or after ``rowid`` (if any) can be read whole."""
    try:
        source.execute(
            f'SELECT * FROM "{table}" WHERE rowid >= ? ORDER BY rowid LIMIT 1', [rowid]
        ).fetchall()
    except sqlite3.DatabaseError:
        return False
    return True


def _next_readable(source: sqlite3.Connection, table: str, last: int) -> int | None:
    """The least rowid after ``last`` from which reading works again, or None if none does."""
    step = 1
    while True:
        candidate = last + 1 + step
        if candidate > _ROWID_MAX:
            return None
        if _seek_ok(source, table, candidate):
            break
        step *= 2
    low, high = (
        last + 1 + step // 2,
        candidate,
    )  # seeking at low failed (or it is the row after last)
    while high - low > 1:
        middle = (low + high) // 2
        if _seek_ok(source, table, middle):
            high = middle
        else:
            low = middle
    return high


def _bound(source: sqlite3.Connection, table: str, last: int) -> int:
    with contextlib.suppress(sqlite3.DatabaseError):
        top = source.execute(f'SELECT max(rowid) FROM "{table}"').fetchone()[0]
        if isinstance(top, int) and top > last:
            return top
    return last + 1


def _drop_dangling(target: sqlite3.Connection, articles: list[int]) -> int:
    """Delete recovered rows whose parent row was lost, as ``check --repair`` does for orphans;
    the ids of articles dropped so are added to ``articles`` (the repair names them as lost)."""
    dropped = 0
    for _ in range(10):  # a dropped highlight can orphan its notes and tags in turn
        rows = target.execute("PRAGMA foreign_key_check").fetchall()
        if not rows:
            break
        for table, rowid, _parent, _fk in rows:
            target.execute(f'DELETE FROM "{table}" WHERE rowid = ?', [rowid])
            dropped += 1
            if table == "articles":
                articles.append(int(rowid))
    return dropped
