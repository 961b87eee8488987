"""Rows to domain objects and back: the JSON columns of the archive's tables."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, cast

from archivist.model import (
    Block,
    BlockKind,
    Footnote,
    FootnoteKind,
    Mark,
    MarkKind,
    Uncited,
)

_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def _c_encoder() -> Callable[[object, int], Sequence[str]] | None:
    """json's C encoder made once, with _ENCODER's options; None where it is missing or differs.

    JSONEncoder.encode builds a new C encoder (and a Python closure) on every call: a third of
    the cost of encoding a footnote's CSL item, and an import encodes some 20 values an article.
    """
    make = getattr(json.encoder, "c_make_encoder", None)
    if make is None:
        return None
    try:
        # markers (None: no circular check), default, encoder, indent, key and item
        # separators, sort_keys, skipkeys, allow_nan: JSONEncoder.iterencode's call.
        encoder = make(
            None,
            _ENCODER.default,
            json.encoder.encode_basestring,
            None,
            ":",
            ",",
            False,
            False,
            True,
        )
        sample = {"a": [1, 2.5, None, True, 'ش\n"x'], "b": {"c": -0.0}}
        same = "".join(encoder(sample, 0)) == _ENCODER.encode(sample)
    except Exception:  # noqa: BLE001 - another Python's internals: use the public path
        return None
    return cast(Callable[[object, int], Sequence[str]], encoder) if same else None


_C_ENCODE = _c_encoder()


def dumps(value: object) -> str:
    """Compact JSON that keeps non-Latin text readable in the open archive format."""
    if _C_ENCODE is not None:
        return "".join(_C_ENCODE(value, 0))
    return _ENCODER.encode(value)


def _json_string(text: str) -> str:
    """``text`` as a JSON string, as ``dumps`` writes it."""
    if text.isalnum() and text.isascii():  # nothing to escape: most kinds and labels
        return '"' + text + '"'
    return json.encoder.encode_basestring(text)


def blocks_to_json(blocks: tuple[Block, ...]) -> str:
    """Blocks as a JSON array of objects (``kind``, ``start``, ``end``, optional level/ordered).

    Written out here rather than built as dicts for ``dumps``: half the time, for the blocks
    and marks of every imported article. A test holds both to ``dumps`` of the dicts.
    """
    items = []
    for block in blocks:
        item = f'{{"kind":{_json_string(block.kind)},"start":{block.start},"end":{block.end}'
        if block.level is not None:
            item += f',"level":{block.level}'
        if block.ordered:
            item += ',"ordered":true'
        items.append(item + "}")
    return "[" + ",".join(items) + "]"


def blocks_from_json(raw: str) -> tuple[Block, ...]:
    """The inverse of blocks_to_json."""
    return tuple(
        Block(
            kind=cast(BlockKind, item["kind"]),
            start=item["start"],
            end=item["end"],
            level=item.get("level"),
            ordered=bool(item.get("ordered", False)),
        )
        for item in json.loads(raw)
    )


def marks_to_json(marks: tuple[Mark, ...]) -> str:
    """Marks as a JSON array of objects (``kind``, ``start``, ``end``, optional href/label)."""
    items = []
    for mark in marks:
        item = f'{{"kind":{_json_string(mark.kind)},"start":{mark.start},"end":{mark.end}'
        if mark.href is not None:
            item += ',"href":' + _json_string(mark.href)
        if mark.label is not None:
            item += ',"label":' + _json_string(mark.label)
        items.append(item + "}")
    return "[" + ",".join(items) + "]"


def marks_from_json(raw: str) -> tuple[Mark, ...]:
    """The inverse of marks_to_json."""
    return tuple(
        Mark(
            kind=cast(MarkKind, item["kind"]),
            start=item["start"],
            end=item["end"],
            href=item.get("href"),
            label=item.get("label"),
        )
        for item in json.loads(raw)
    )


FOOTNOTE_COLUMNS = (
    "article_id", "seq", "label", "markers_json", "text", "kind", "refers_to", "csl_json",
    "locator", "uncited",
)  # fmt: skip


def footnote_values(article_id: int, seq: int, footnote: Footnote) -> tuple[Any, ...]:
    """A footnotes-table row for one footnote: the values of FOOTNOTE_COLUMNS, in order."""
    return (
        article_id,
        seq,
        footnote.label,
        "[" + ",".join(map(str, footnote.markers)) + "]",
        footnote.text,
        footnote.kind,
        footnote.refers_to,
        None if footnote.csl is None else dumps(footnote.csl),
        footnote.locator,
        footnote.uncited,
    )


def footnote_from_row(row: Mapping[str, Any]) -> Footnote:
    """A Footnote (without the user's notes) from a footnotes-table row."""
    csl = row["csl_json"]
    return Footnote(
        label=row["label"],
        markers=tuple(json.loads(row["markers_json"])),
        text=row["text"],
        kind=cast(FootnoteKind, row["kind"]),
        refers_to=row["refers_to"],
        csl=None if csl is None else json.loads(csl),
        locator=row.get("locator"),
        uncited=cast(Uncited | None, row.get("uncited")),
    )
