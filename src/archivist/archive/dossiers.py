"""Saved dossiers: a titled, ordered selection of articles with the options of its export."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from archivist.archive import codec
from archivist.archive.base import utc_now
from archivist.archive.store import Store
from archivist.errors import ArchivistError, NotFoundError
from archivist.model import ArticleId, Dossier, DossierId

OPTION_TYPES: Mapping[str, type | tuple[type, ...]] = {
    "style": str,
    "colors": list,
    "tags": list,
    "excerpts_only": bool,
    "include_article_notes": bool,
    "include_full_text": bool,
    "notes_in_style": bool,
}
"""The options a dossier can carry and the JSON type of each."""

_EDITABLE = ("title", "subtitle", "compiler", "introduction")


class DossierError(ArchivistError):
    """A dossier change that cannot be made (bad option, position out of range, empty title)."""


def check_options(options: Mapping[str, Any]) -> dict[str, Any]:
    """The options as a plain dict, or DossierError naming the first unknown or mistyped one."""
    checked: dict[str, Any] = {}
    for name, value in options.items():
        expected = OPTION_TYPES.get(name)
        if expected is None:
            known = ", ".join(OPTION_TYPES)
            raise DossierError(f"unknown dossier option {name!r} (known: {known})")
        if value is not None and not isinstance(value, expected):
            raise DossierError(f"dossier option {name!r} has the wrong type")
        if isinstance(value, list) and not all(isinstance(v, str) for v in value):
            raise DossierError(f"dossier option {name!r} must be a list of names")
        checked[name] = value
    return checked


class DossierStore(Store):
    """Saved dossiers: create, read, edit, order and delete them (``archive.dossiers``)."""

    def create(
        self,
        title: str,
        *,
        subtitle: str | None = None,
        compiler: str | None = None,
        introduction: str | None = None,
        article_ids: Iterable[ArticleId] = (),
        options: Mapping[str, Any] | None = None,
    ) -> Dossier:
        """Create a dossier (optionally with its first articles) and return it."""
        title = _clean_title(title)
        opts = check_options(options or {})
        now = utc_now()
        with self._transaction() as db:
            cursor = db.execute(
                "INSERT INTO dossiers (title, subtitle, compiler, introduction, options_json, "
                "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [title, subtitle, compiler, introduction, codec.dumps(opts), now, now],
            )
            assert cursor.lastrowid is not None
            dossier_id = DossierId(cursor.lastrowid)
            ids = list(article_ids)
            if ids:
                self._write_items(dossier_id, _unique(ids))
        return self.get(dossier_id)

    def get(self, dossier_id: DossierId) -> Dossier:
        """The dossier with its articles in order (articles in the trash are left out)."""
        row = self._db.execute(
            "SELECT id, title, subtitle, compiler, introduction, options_json, created_at, "
            "updated_at FROM dossiers WHERE id = ? AND deleted_at IS NULL",
            [dossier_id],
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no dossier {dossier_id} in the archive")
        items = self._db.execute(
            "SELECT i.article_id FROM dossier_items i JOIN articles a ON a.id = i.article_id "
            "WHERE i.dossier_id = ? AND a.deleted_at IS NULL ORDER BY i.position",
            [dossier_id],
        )
        return Dossier(
            id=DossierId(row[0]),
            title=row[1],
            subtitle=row[2],
            compiler=row[3],
            introduction=row[4],
            article_ids=tuple(ArticleId(r[0]) for r in items),
            options=json.loads(row[5]),
            created=row[6],
            edited=row[7],
        )

    def all(self) -> tuple[Dossier, ...]:
        """Every dossier not in the trash, oldest first."""
        rows = self._db.execute("SELECT id FROM dossiers WHERE deleted_at IS NULL ORDER BY id")
        return tuple(self.get(DossierId(r[0])) for r in rows.fetchall())

    def update(
        self,
        dossier_id: DossierId,
        *,
        options: Mapping[str, Any] | None = None,
        **fields: str | None,
    ) -> Dossier:
        """Change title, subtitle, compiler or introduction; ``options`` are merged in.

        An option given as None is removed (the export default applies again).
        """
        current = self.get(dossier_id)
        unknown = set(fields) - set(_EDITABLE)
        if unknown:
            raise DossierError(f"a dossier has no field {sorted(unknown)[0]!r}")
        changes: dict[str, Any] = dict(fields)
        if "title" in changes:
            changes["title"] = _clean_title(changes["title"] or "")
        if options is not None:
            merged = dict(current.options) | check_options(options)
            changes["options_json"] = codec.dumps(
                {k: v for k, v in merged.items() if v is not None}
            )
        if changes:
            changes["updated_at"] = utc_now()
            assignments = ", ".join(f"{name} = ?" for name in changes)
            with self._transaction() as db:
                db.execute(
                    f"UPDATE dossiers SET {assignments} WHERE id = ?",
                    [*changes.values(), dossier_id],
                )
        return self.get(dossier_id)

    def add(
        self,
        dossier_id: DossierId,
        article_ids: Iterable[ArticleId],
        *,
        position: int | None = None,
    ) -> Dossier:
        """Insert articles at a 1-based position (default: the end); ones already there stay."""
        current = list(self._item_ids(dossier_id))
        new = [a for a in _unique(list(article_ids)) if a not in current]
        for article_id in new:
            self._require_article(article_id, live=True)
        at = len(current) if position is None else _index(position, len(current) + 1)
        with self._transaction():
            self._write_items(dossier_id, current[:at] + new + current[at:])
        return self.get(dossier_id)

    def move(self, dossier_id: DossierId, article_id: ArticleId, position: int) -> Dossier:
        """Move one article of the dossier to a 1-based position."""
        current = list(self._item_ids(dossier_id))
        if article_id not in current:
            raise NotFoundError(f"article {article_id} is not in dossier {dossier_id}")
        current.remove(article_id)
        current.insert(_index(position, len(current) + 1), article_id)
        with self._transaction():
            self._write_items(dossier_id, current)
        return self.get(dossier_id)

    def remove(self, dossier_id: DossierId, article_ids: Iterable[ArticleId]) -> Dossier:
        """Take articles out of the dossier (the articles themselves stay in the archive)."""
        gone = set(article_ids)
        current = list(self._item_ids(dossier_id))
        missing = gone - set(current)
        if missing:
            raise NotFoundError(f"article {min(missing)} is not in dossier {dossier_id}")
        with self._transaction():
            self._write_items(dossier_id, [a for a in current if a not in gone])
        return self.get(dossier_id)

    def set_articles(self, dossier_id: DossierId, article_ids: Sequence[ArticleId]) -> Dossier:
        """Make the dossier's articles exactly these, in this order (one transaction)."""
        self.get(dossier_id)
        wanted = _unique(list(article_ids))
        for article_id in wanted:
            self._require_article(article_id, live=True)
        with self._transaction():
            self._write_items(dossier_id, wanted)
        return self.get(dossier_id)

    def restore_state(self, state: Dossier) -> Dossier:
        """Put a dossier back as ``state`` shows it: fields, options and articles (undo)."""
        if state.id is None:
            raise DossierError("a dossier without an id cannot be restored")
        current = self.get(state.id)
        keys = set(current.options) | set(state.options)
        with self._transaction():
            self.update(
                state.id,
                title=state.title,
                subtitle=state.subtitle,
                compiler=state.compiler,
                introduction=state.introduction,
                options={key: state.options.get(key) for key in keys},
            )
            self.set_articles(state.id, state.article_ids)
        return self.get(state.id)

    def delete(self, dossier_id: DossierId) -> None:
        """Move a dossier to the trash (its articles are untouched)."""
        self.get(dossier_id)
        with self._transaction() as db:
            db.execute("UPDATE dossiers SET deleted_at = ? WHERE id = ?", [utc_now(), dossier_id])

    def restore(self, dossier_id: DossierId) -> Dossier:
        """Bring a dossier back from the trash."""
        with self._transaction() as db:
            cursor = db.execute(
                "UPDATE dossiers SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL",
                [dossier_id],
            )
            if cursor.rowcount == 0:
                raise NotFoundError(f"no dossier {dossier_id} in the trash")
        return self.get(dossier_id)

    def _item_ids(self, dossier_id: DossierId) -> tuple[ArticleId, ...]:
        """Every article of the dossier in order, trashed ones included (they keep their place)."""
        self.get(dossier_id)
        rows = self._db.execute(
            "SELECT article_id FROM dossier_items WHERE dossier_id = ? ORDER BY position",
            [dossier_id],
        )
        return tuple(ArticleId(r[0]) for r in rows)

    def _write_items(self, dossier_id: DossierId, article_ids: list[ArticleId]) -> None:
        # Positions form the primary key, so renumbering in place would collide: rewrite all.
        db = self._db
        db.execute("DELETE FROM dossier_items WHERE dossier_id = ?", [dossier_id])
        db.conn.executemany(
            "INSERT INTO dossier_items (dossier_id, position, article_id) VALUES (?, ?, ?)",
            [(dossier_id, i, a) for i, a in enumerate(article_ids)],
        )
        db.execute("UPDATE dossiers SET updated_at = ? WHERE id = ?", [utc_now(), dossier_id])


def _clean_title(title: str) -> str:
    cleaned = " ".join(title.split())
    if not cleaned:
        raise DossierError("a dossier needs a title")
    return cleaned


def _unique(ids: list[ArticleId]) -> list[ArticleId]:
    return list(dict.fromkeys(ids))


def _index(position: int, slots: int) -> int:
    if not 1 <= position <= slots:
        raise DossierError(f"position {position} is out of range (1 to {slots})")
    return position - 1
