"""The ``article_listing`` table: each live article's ``list --json`` object, kept by triggers.

``list --json`` of 100,000 articles spent about 100 ms making their JSON objects in SQLite on
every run. Migration 0010 keeps the object of each live article in ``article_listing``, so the
listing is read as stored, many thousand rows per ``group_concat``.

Triggers write it inside the writer's own transaction, whoever the writer is (an import, a
re-extraction, a move to the trash or out of it, a correction, a tool using plain SQL): on
``articles`` for the extracted title, byline, date and site, and on ``citation_edits`` for the
article's own item. What a corrected item shows (names joined, the date's parts, spaces
folded) is worked out in Python when the correction is stored, by the function ``list`` and
the library use (``article_metadata``), into ``citation_edits.listing_json``; the triggers only
lay those fields over the extracted ones.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

from archivist.annotate.citations import article_metadata
from archivist.archive import codec

if TYPE_CHECKING:
    from sqlite_utils import Database

OBJECT_SQL = (
    "CASE WHEN e.listing_json IS NULL THEN json_object('id', a.id, 'title', a.title, "
    "'authors', json(CASE WHEN json_valid(a.authors_json) THEN a.authors_json ELSE '[]' END), "
    "'published', a.published, 'site', a.site) "
    "ELSE json_object('id', a.id, 'title', coalesce(json_extract(e.listing_json, '$.title'), "
    "a.title), 'authors', json(json_extract(e.listing_json, '$.authors')), "
    "'published', json_extract(e.listing_json, '$.published'), "
    "'site', json_extract(e.listing_json, '$.site')) END"
)
"""The listing object of the article row ``a`` with its live own-item correction ``e`` (NULL
when none) joined by ``FROM_SQL``. An author list that is not JSON lists as ``[]`` rather than
failing the write that stored it. Migration 0010's triggers write the same text."""

FROM_SQL = (
    "FROM articles a LEFT JOIN citation_edits e ON e.article_id = a.id "
    "AND ifnull(e.label, '') = '' AND e.lost = 0 WHERE a.deleted_at IS NULL"
)
"""The live articles, each with its own item's correction (the unique index
``citation_edits_live`` allows one)."""


def listing_fields(item: Mapping[str, Any]) -> str:
    """What the listing shows of an article's corrected own item, as stored with it in
    ``listing_json``: its authors, date and site, and its title unless it has none (the
    extracted title then stays), as ``with_corrected_metadata`` lays them over a listing row.
    """
    meta = article_metadata(item)
    fields: dict[str, object] = {"title": meta.title} if meta.title else {}
    fields.update(authors=list(meta.authors), published=meta.published, site=meta.site)
    return codec.dumps(fields)


def json_pieces(
    db: Database, *, limit: int | None = None, offset: int = 0, chunk: int = 5000
) -> Iterator[str]:
    """The listing as one JSON array in pieces of ``chunk`` articles, in import order."""
    # A LIMIT keeps SQLite from flattening the ordered subquery into the aggregate, so each
    # piece is concatenated in id order.
    sql = (
        "SELECT group_concat(json, ', '), max(article_id), count(*) FROM (SELECT article_id, "
        "json FROM article_listing WHERE article_id > ? ORDER BY article_id LIMIT ? OFFSET ?)"
    )
    left = -1 if limit is None or limit < 0 else limit  # a negative LIMIT is none in SQLite
    after, skip, separator = -(2**63), offset, ""
    yield "["
    while left != 0:
        take = chunk if left < 0 else min(chunk, left)
        text, last, count = db.execute(sql, [after, take, skip]).fetchone()
        if not count:
            break
        yield separator + text
        separator = ", "
        if count < take:
            break
        after, skip = last, 0
        left = left - count if left > 0 else left
    yield "]"


def rebuild(db: Database) -> None:
    """Write the corrections' listing fields and the listing afresh (``check --repair``);
    inside the caller's transaction."""
    for edit_id, _, right in _stale_fields(db):
        db.execute("UPDATE citation_edits SET listing_json = ? WHERE id = ?", [right, edit_id])
    db.execute("DELETE FROM article_listing")
    db.execute(
        f"INSERT INTO article_listing (article_id, json) SELECT a.id, {OBJECT_SQL} {FROM_SQL}"
    )


def out_of_step(db: Database) -> int:
    """How many articles' listing rows (or the listing fields of their corrections) are
    missing, stale or left over: 0 in a sound archive."""
    ids = {
        r[0]
        for r in db.execute(
            f"SELECT id FROM (SELECT a.id, {OBJECT_SQL} {FROM_SQL} "
            "EXCEPT SELECT article_id, json FROM article_listing) "
            "UNION SELECT article_id FROM article_listing l WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.id = l.article_id AND a.deleted_at IS NULL)"
        )
    }
    return len(ids | {article_id for _, article_id, _ in _stale_fields(db)})


def _stale_fields(db: Database) -> list[tuple[int, int, str | None]]:
    """Own-item corrections whose stored listing fields are not what their item shows:
    (edit id, article id, the right fields)."""
    stale = []
    for edit_id, article_id, csl, stored in db.execute(
        "SELECT id, article_id, csl_json, listing_json FROM citation_edits WHERE label IS NULL"
    ).fetchall():
        try:
            item = None if csl is None else json.loads(csl)
        except ValueError:  # not JSON: what the listing shows of it is the extracted fields
            item = None
        right = listing_fields(item) if isinstance(item, dict) else None
        if right != stored:
            stale.append((edit_id, article_id, right))
    return stale
