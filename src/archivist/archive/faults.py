"""SQLite's faults in the user's words: disk full, read-only, damaged, each one line.

A damaged archive is remembered in a small marker file beside it (``NAME.damaged``), so
that no later write goes into it until ``archivist check --repair`` has rebuilt it.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from pathlib import Path

from archivist.errors import ArchiveError, ArchivistError
from archivist.safefiles import shown

REPAIR_HINT = "run `archivist check --repair`"


class ArchiveDamagedError(ArchiveError):
    """The archive file is damaged (SQLite reports corruption); reads may work, writes don't."""


class ArchiveFullError(ArchiveError):
    """The disk holding the archive is full; the change was rolled back."""


class ArchiveReadOnlyError(ArchiveError):
    """The archive (or its folder) cannot be written; reading still works."""


def damage_marker(path: str | os.PathLike[str]) -> Path:
    """The file whose presence says this archive was found damaged."""
    p = Path(path)
    return p.with_name(p.name + ".damaged")


def mark_damaged(path: str | os.PathLike[str], detail: str) -> None:
    """Remember that the archive is damaged (best effort: a read-only folder keeps no marker)."""
    with contextlib.suppress(OSError):
        damage_marker(path).write_text(detail + "\n", encoding="utf-8")


def clear_damaged(path: str | os.PathLike[str]) -> None:
    """Forget the damage (after a repair)."""
    damage_marker(path).unlink(missing_ok=True)


def refuse_if_damaged(path: str | os.PathLike[str]) -> None:
    """Raise ArchiveDamagedError if the archive is known to be damaged."""
    marker = damage_marker(path)
    if marker.exists():
        raise ArchiveDamagedError(
            f"{shown(str(path))}: the archive is damaged, so nothing is written to it; "
            f"{REPAIR_HINT}"
        )


def is_corruption(exc: BaseException) -> bool:
    """True when SQLite says the file is damaged (or not a database at all)."""
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = str(exc)
    return name.startswith("SQLITE_CORRUPT") or "malformed" in text or "corrupt" in text.lower()


def archive_fault(exc: BaseException, path: str | os.PathLike[str]) -> ArchivistError | None:
    """The one-line error for an SQLite exception on the archive at ``path``; None if not one.

    An ArchivistError is returned unchanged. Corruption also leaves the damage marker.
    """
    if isinstance(exc, ArchivistError):
        return exc
    if isinstance(exc, OSError) and exc.errno == 28:  # ENOSPC, from a file write beside SQLite
        return ArchiveFullError(f"{shown(str(path))}: the disk is full; nothing was changed")
    if not isinstance(exc, sqlite3.Error):
        return None
    where = shown(str(path))
    name = getattr(exc, "sqlite_errorname", "") or ""
    text = " ".join(str(exc).split())
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return ArchiveFullError(
            f"{where}: the disk is full; this change was not saved (free some space and try again)"
        )
    if is_corruption(exc):
        mark_damaged(path, text)
        return ArchiveDamagedError(f"{where}: the archive is damaged ({text}); {REPAIR_HINT}")
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return ArchiveReadOnlyError(
            f"{where}: the archive is read-only (the file or its folder cannot be written); "
            "nothing was changed"
        )
    if name.startswith("SQLITE_IOERR"):
        return ArchiveError(f"{where}: the disk could not be read or written ({text})")
    if name.startswith("SQLITE_CANTOPEN"):
        return ArchiveError(f"{where}: cannot open the archive ({text})")
    if name.startswith("SQLITE_BUSY") or "locked" in text:
        return ArchiveError(f"{where}: the archive is busy (is another Archivist writing to it?)")
    return ArchiveError(f"{where}: {text}")
