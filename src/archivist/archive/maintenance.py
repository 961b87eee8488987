"""Keeping an archive healthy: rotating backups, restore, integrity and consistency checks."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from archivist.archive import stored_listing
from archivist.archive.base import SOURCES_WITHOUT_ARTICLE
from archivist.archive.store import Store
from archivist.errors import ArchiveError

BACKUP_INTERVAL = dt.timedelta(hours=12)
BACKUPS_KEPT = 10
LEGACY_PARTIAL_AGE_S = 3600
BACKUP_SPARE_BYTES = 16 * 1024 * 1024
"""Free space left over after an automatic backup, for the import that follows it."""
_STAMP = re.compile(r"-(\d{8}T\d{6}Z)\.sqlite3$")


@dataclass(frozen=True, slots=True)
class Problem:
    """One inconsistency found by ``check``; ``repairable`` when ``--repair`` can fix it safely."""

    kind: str
    message: str
    repairable: bool


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The result of ``check``: what was wrong, and what was repaired."""

    problems: tuple[Problem, ...]
    repaired: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    """What could not be checked, and why (not a problem of the archive)."""

    @property
    def ok(self) -> bool:
        """True when nothing is left wrong."""
        return not self.problems or (
            bool(self.repaired) and all(p.repairable for p in self.problems)
        )


class MaintenanceStore(Store):
    """Rotating backups, restoring one, checking and repairing the archive
    (``archive.maintenance``)."""

    @property
    def backup_folder(self) -> Path:
        """Where automatic backups of this archive are kept."""
        return self._core.path.parent / "backups"

    def backups(self) -> list[Path]:
        """Automatic backups of this archive, newest first."""
        if not self.backup_folder.is_dir():
            return []
        mine = [
            p
            for p in self.backup_folder.glob(f"{self._core.path.stem}-*.sqlite3")
            if _STAMP.search(p.name)
        ]
        return sorted(mine, key=lambda p: p.name, reverse=True)

    def rotate_backups(
        self,
        *,
        interval: dt.timedelta = BACKUP_INTERVAL,
        keep: int = BACKUPS_KEPT,
        now: dt.datetime | None = None,
    ) -> Path | None:
        """Make a backup if the newest is older than ``interval``; keep the newest ``keep``.

        Returns the new backup's path, or None when a recent one exists (or the archive is empty).
        """
        now = now or dt.datetime.now(dt.UTC)
        if not self._db.execute("SELECT 1 FROM articles LIMIT 1").fetchone():
            return None  # nothing the user made yet, nothing to protect
        existing = self.backups()
        if existing:
            match = _STAMP.search(existing[0].name)
            assert match is not None
            newest = dt.datetime.strptime(match.group(1), "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.UTC)
            if now - newest < interval:
                return None
        if self._core.read_only:
            return None  # an archive that cannot change needs no new backup
        try:
            self.backup_folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise ArchiveError(
                f"automatic backup skipped: cannot make {self.backup_folder} "
                f"({exc.strerror or exc})"
            ) from exc
        _remove_legacy_partials(self.backup_folder, self._core.path.stem, now)
        self._enough_space_for_backup()
        target = self.backup_folder / f"{self._core.path.stem}-{now:%Y%m%dT%H%M%SZ}.sqlite3"
        try:
            self._core.backup(target)
        except ArchiveError as exc:
            raise ArchiveError(f"automatic backup skipped: {exc}") from exc
        for old in self.backups()[max(keep, 1) :]:
            old.unlink(missing_ok=True)
        return target

    def _enough_space_for_backup(self) -> None:
        """Refuse to start a backup the disk cannot hold (a copy is at most the archive's size)."""
        needed = sum(
            p.stat().st_size
            for p in (self._core.path, self._core.path.with_name(self._core.path.name + "-wal"))
            if p.exists()
        )
        free = shutil.disk_usage(self.backup_folder).free
        if free < needed + BACKUP_SPARE_BYTES:
            mib = 1024 * 1024
            raise ArchiveError(
                f"automatic backup skipped: {free // mib} MB free in {self.backup_folder}, "
                f"about {(needed + BACKUP_SPARE_BYTES) // mib} MB needed"
            )

    def restore_from(self, backup: str | os.PathLike[str]) -> Path:
        """Replace this archive's content with a backup's, after backing up the current one.

        Uses SQLite's online backup API into the open connection, so other readers see the
        restored archive and no -wal file is ever copied. Returns the safety copy's path.
        """
        source_path = Path(backup)
        if not source_path.is_file():
            raise ArchiveError(f"{source_path}: no such backup file")
        try:
            source = sqlite3.connect(f"file:{source_path}?mode=ro", uri=True)
            try:
                verdict = source.execute("PRAGMA integrity_check").fetchone()[0]
                tables = {r[0] for r in source.execute("SELECT name FROM sqlite_master")}
            except sqlite3.DatabaseError as exc:
                raise ArchiveError(f"{source_path}: not an Archivist archive ({exc})") from exc
            if verdict != "ok" or "articles" not in tables or "_sqlite_migrations" not in tables:
                raise ArchiveError(f"{source_path}: not a sound Archivist archive ({verdict})")
            _check_restorable_version(source, source_path)
            if self._core.read_only:
                raise ArchiveError(
                    f"{self._core.path}: {self._core.read_only}; nothing was restored"
                )
            stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
            safety = self._core.backup(_free_name(self._core.path, f"before-restore-{stamp}"))
            source.backup(self._db.conn)
        finally:
            source.close()
        self._core.migrate()  # a backup from an older Archivist is upgraded like any old archive
        return safety

    def originals_without_article(self) -> list[tuple[int, str, bytes]]:
        """Stored files whose article is gone (lost to damage): source id, file name, bytes."""
        rows = self._db.execute(
            "SELECT s.id, s.filename, o.data FROM sources s JOIN originals o ON o.source_id = s.id "
            "WHERE s.id NOT IN (SELECT source_id FROM articles) ORDER BY s.id"
        ).fetchall()
        return [(int(r[0]), str(r[1]), bytes(r[2])) for r in rows]

    def forget_source(self, source_id: int) -> None:
        """Delete a stored file that has no article (with its original and resources)."""
        with self._transaction() as db:
            db.execute(
                f"DELETE FROM {SOURCES_WITHOUT_ARTICLE.replace('WHERE', 'WHERE id = ? AND')}",
                [source_id],
            )

    def check(self, *, repair: bool = False, integrity: bool = True) -> CheckReport:
        """SQLite's integrity check (unless the caller ran it) plus Archivist's own checks."""
        db = self._db
        problems: list[Problem] = []
        notes: list[str] = []
        if integrity:
            for (line,) in db.execute("PRAGMA integrity_check").fetchall():
                if line != "ok":
                    problems.append(Problem("integrity", str(line), False))
            if problems:
                return CheckReport(tuple(problems))  # the rest would only trip over the damage
        for row in db.execute("PRAGMA foreign_key_check").fetchall():
            problems.append(
                Problem("orphan", f"{row[0]} row {row[1]} points at a missing {row[2]}", True)
            )
        missing_original = db.execute(
            "SELECT count(*) FROM sources s LEFT JOIN originals o ON o.source_id = s.id "
            "WHERE o.source_id IS NULL"
        ).fetchone()[0]
        if missing_original:
            problems.append(
                Problem(
                    "original", f"{missing_original} source(s) without their original bytes", False
                )
            )
        unused = db.execute(f"SELECT count(*) FROM {SOURCES_WITHOUT_ARTICLE}").fetchone()[0]
        if unused:
            # Left by a tool outside Archivist: the file could never be imported again.
            problems.append(
                Problem("source", f"{unused} imported file(s) without an article", True)
            )
        outside = db.execute(
            "SELECT count(*) FROM highlights h JOIN articles a ON a.id = h.article_id "
            'WHERE h.orphaned = 0 AND (h."end" > length(a.text) OR h.start < 0 OR '
            'substr(a.text, h.start + 1, h."end" - h.start) != h.exact)'
        ).fetchone()[0]
        if outside:
            problems.append(
                Problem(
                    "highlight",
                    f"{outside} highlight(s) no longer match their article's text",
                    True,
                )
            )
        lost = db.execute(
            "SELECT article_id, group_concat(label, ', ') FROM citation_edits WHERE lost = 1 "
            "GROUP BY article_id ORDER BY article_id"
        ).fetchall()
        for article_id, labels in lost:
            # Never repaired: the user decides whether the correction still applies somewhere.
            problems.append(
                Problem(
                    "citation",
                    f"article {article_id}: corrected citations of notes {labels} match no "
                    "note since re-extraction (kept; `archivist cite ID` shows them, "
                    "`--footnote LABEL --reset` drops one)",
                    False,
                )
            )
        stale = stored_listing.out_of_step(db)
        if stale:
            problems.append(
                Problem(
                    "listing",
                    f"the stored listing of {stale} article(s) is out of step with the articles",
                    True,
                )
            )
        if self._core.read_only:
            # FTS5's own check is written as an INSERT, which a read-only archive refuses.
            notes.append(f"the search index was not checked: {self._core.read_only}")
        else:
            try:
                db.execute(
                    "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)"
                )
            except sqlite3.DatabaseError:
                problems.append(
                    Problem("search", "the full-text index is out of step with the articles", True)
                )
            problems.extend(self._search_index_problems())
        repaired: list[str] = []
        if repair and any(p.repairable for p in problems):
            repaired = self._repair(problems)
        rebuild = repair and any(p.kind == "search-index" for p in problems)
        if rebuild and self._core.search_index.sync(self._db, rebuild=True):
            repaired.append("rebuilt the search index from the archive")
        return CheckReport(tuple(problems), tuple(repaired), tuple(notes))

    def _search_index_problems(self) -> list[Problem]:
        """The ranked-search index (archive/search.py) must hold exactly the live articles."""
        if not self._core.search_index.sync(self._db):
            return [Problem("search-index", "the search index cannot be brought up to date", True)]
        live = self._db.execute(
            "SELECT count(*) FROM articles WHERE deleted_at IS NULL"
        ).fetchone()[0]
        held = self._core.search_index.count()
        if held != live:
            return [
                Problem(
                    "search-index",
                    f"the search index holds {held} article(s), the archive {live}",
                    True,
                )
            ]
        return []

    def _repair(self, problems: list[Problem]) -> list[str]:
        kinds = {p.kind for p in problems if p.repairable}
        done: list[str] = []
        with self._transaction() as db:
            if "orphan" in kinds:
                for table, parent, column in (
                    ("footnotes", "articles", "article_id"),
                    ("citation_edits", "articles", "article_id"),
                    ("highlights", "articles", "article_id"),
                    ("notes", "articles", "article_id"),
                    ("article_tags", "articles", "article_id"),
                    ("dossier_items", "articles", "article_id"),
                    ("highlight_tags", "highlights", "highlight_id"),
                ):
                    db.execute(
                        f"DELETE FROM {table} WHERE {column} NOT IN (SELECT id FROM {parent})"
                    )
                done.append("removed rows that pointed at missing articles or highlights")
            if "source" in kinds:
                # Their originals and resources go with them (ON DELETE CASCADE).
                db.execute(f"DELETE FROM {SOURCES_WITHOUT_ARTICLE}")
                done.append("removed imported files left without an article")
            if "highlight" in kinds:
                # Never drop a highlight: mark it orphaned, so it is listed and can re-anchor.
                db.execute(
                    "UPDATE highlights SET orphaned = 1 WHERE id IN (SELECT h.id FROM highlights h "
                    'JOIN articles a ON a.id = h.article_id WHERE h.orphaned = 0 AND (h."end" > '
                    "length(a.text) OR h.start < 0 OR "
                    'substr(a.text, h.start + 1, h."end" - h.start) != h.exact))'
                )
                done.append("marked highlights that no longer match as orphaned")
            if "listing" in kinds:
                stored_listing.rebuild(db)
                done.append("rewrote the stored listing from the articles")
            if "search" in kinds:
                db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
                db.execute("DELETE FROM fts_queue")  # the rebuild indexed them already
                done.append("rebuilt the full-text index")
        return done


def _check_restorable_version(source: sqlite3.Connection, path: Path) -> None:
    """Refuse, before anything is replaced, a backup this version of Archivist cannot open."""
    try:
        version = source.execute("PRAGMA user_version").fetchone()[0]
        names = {r[0] for r in source.execute("SELECT name FROM _sqlite_migrations")}
    except sqlite3.DatabaseError as exc:
        raise ArchiveError(f"{path}: not an Archivist archive ({exc})") from exc
    from archivist.archive import schema  # restoring only; reading commands never load it

    if version > schema.latest_version() or names - schema.known_names():
        raise ArchiveError(
            f"{path}: this backup was made by a newer version of Archivist; upgrade Archivist "
            "to restore it (nothing was replaced)"
        )


def _remove_legacy_partials(folder: Path, stem: str, now: dt.datetime) -> None:
    """Delete ``NAME-STAMP.sqlite3.partial`` files left by earlier versions' failed backups.

    They carry no process id (see safefiles.create_partial): one an hour old is no backup
    still being written, and a full disk once left a new empty one at every import.
    """
    for partial in folder.glob(f"{stem}-*.sqlite3.partial"):
        with contextlib.suppress(OSError):
            age = now.timestamp() - partial.stat().st_mtime
            if age > LEGACY_PARTIAL_AGE_S:
                partial.unlink()


def _free_name(archive: Path, tag: str) -> Path:
    """``NAME.TAG.sqlite3`` beside the archive, numbered when taken (two restores a second)."""
    for n in range(1, 1000):
        suffix = f"-{n}" if n > 1 else ""
        candidate = archive.with_name(f"{archive.stem}.{tag}{suffix}.sqlite3")
        if not candidate.exists():
            return candidate
    raise ArchiveError(f"{archive}: too many files named {archive.stem}.{tag}-N.sqlite3")
