"""The ``article_listing`` table: each live article's ``list --json`` object, kept by triggers.

``list --json`` of 100,000 articles spent about 100 ms making their JSON objects in SQLite on
every run. Migration 0010 keeps the object of each live article in ``article_listing``,
written by triggers on ``articles`` inside the writer's own transaction (an import, a
re-extraction, a move to the trash or out of it, a tool writing with plain SQL), so the
listing is read as stored, a few thousand rows per ``group_concat``.

The rows hold the extracted title, byline, date and site. The user's corrections of an
article's own item are laid over them when the listing is read, by the same function as
``list`` and the library use (``with_corrected_metadata``): they are few, and what a
correction shows is worked out in Python, which a trigger cannot run.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

OBJECT_SQL = (
    "json_object('id', {a}.id, 'title', {a}.title, "
    "'authors', json(iif(json_valid({a}.authors_json), {a}.authors_json, '[]')), "
    "'published', {a}.published, 'site', {a}.site)"
)
"""An article row's listing object (``{a}`` names the row: ``new`` in a trigger). Migration
0010's triggers write the same text; an author list that is not JSON lists as ``[]`` rather
than failing the write that stored it."""

_FIRST_ID = -(2**63)
_CORRECTED = (
    "WITH c(id, json) AS MATERIALIZED (SELECT CAST(key AS INTEGER), value FROM json_each(?)) "
)


def json_pieces(
    db: Database,
    corrected: Mapping[int, str],
    *,
    limit: int | None = None,
    offset: int = 0,
    chunk: int = 20_000,
) -> Iterator[str]:
    """The listing as one JSON array in pieces, ``chunk`` articles a piece, in import order;
    ``corrected`` gives the objects of articles whose own item the user corrected."""
    if corrected:
        # The few corrected objects go in as one JSON parameter, joined by id (SQLite indexes
        # the materialized table for the join), so each piece is still one query.
        head = _CORRECTED + "SELECT group_concat(json, ', '), max(id), count(*) FROM ("
        rows = (
            "SELECT l.article_id AS id, coalesce(c.json, l.json) AS json "
            "FROM article_listing l LEFT JOIN c ON c.id = l.article_id"
        )
        first: list[object] = [json.dumps({str(k): v for k, v in corrected.items()})]
    else:
        head = "SELECT group_concat(json, ', '), max(id), count(*) FROM ("
        rows = "SELECT l.article_id AS id, l.json AS json FROM article_listing l"
        first = []
    # A LIMIT keeps SQLite from flattening the ordered subquery into the aggregate, so the
    # pieces are concatenated in id order.
    sql = head + rows + " WHERE l.article_id > ? ORDER BY l.article_id LIMIT ? OFFSET ?)"
    left = -1 if limit is None or limit < 0 else limit  # a negative LIMIT is none in SQLite
    after, skip, separator = _FIRST_ID, offset, ""
    yield "["
    while left != 0:
        take = chunk if left < 0 else min(chunk, left)
        text, last, count = db.execute(sql, [*first, after, take, skip]).fetchone()
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
    """Write the listing afresh from the articles (``check --repair``); in a transaction."""
    db.execute("DELETE FROM article_listing")
    db.execute(
        "INSERT INTO article_listing (article_id, json) "
        f"SELECT a.id, {OBJECT_SQL.format(a='a')} FROM articles a WHERE a.deleted_at IS NULL"
    )


def out_of_step(db: Database) -> int:
    """How many listing rows are missing, stale or left over (0 in a sound archive)."""
    row = db.execute(
        "SELECT (SELECT count(*) FROM ("
        f"SELECT a.id, {OBJECT_SQL.format(a='a')} FROM articles a WHERE a.deleted_at IS NULL "
        "EXCEPT SELECT article_id, json FROM article_listing)) + "
        "(SELECT count(*) FROM article_listing l WHERE NOT EXISTS "
        "(SELECT 1 FROM articles a WHERE a.id = l.article_id AND a.deleted_at IS NULL))"
    ).fetchone()
    return int(row[0])
