"""The citeproc-js fixtures: the items, what citeproc-js printed for them, and how to compare.

``data/citeproc_items.json`` holds CSL items written for Archivist; ``data/citeproc_expected.json``
is what citeproc-js printed for them with the official styles (``tools/citeproc_oracle``
regenerates it, Node is not needed to read it). Entries compare as segments of text and
italics, with whitespace at the edge of an italic run counted as roman: citeproc's html and
Archivist's segments cut runs in different places around spaces.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).parent / "data"
ITEMS = DATA / "citeproc_items.json"
EXPECTED = DATA / "citeproc_expected.json"

Segments = tuple[tuple[str, bool], ...]


@cache
def fixture() -> dict[str, Any]:
    """The items file: ``items`` (CSL items with ids) and ``notes`` (cites per article)."""
    return json.loads(ITEMS.read_text(encoding="utf-8"))


@cache
def expected() -> dict[str, Any]:
    """citeproc-js's output per style: ``order``, ``entries`` by id, ``notes`` in order."""
    return json.loads(EXPECTED.read_text(encoding="utf-8"))


def items() -> list[dict[str, Any]]:
    """The fixture's CSL items, without the keys meant for people (``_about``)."""
    return [{k: v for k, v in item.items() if not k.startswith("_")} for item in fixture()["items"]]


def canonical(segments: Iterable[Sequence[Any]]) -> Segments:
    """Segments merged where the style is the same, edge spaces of italic runs made roman."""
    out: list[list[Any]] = []

    def push(text: str, italic: bool) -> None:
        if not text:
            return
        if out and out[-1][1] == italic:
            out[-1][0] += text
        else:
            out.append([text, italic])

    for seg in segments:
        text, italic = str(seg[0]), bool(seg[1])
        if italic:
            core = text.strip(" ")
            if not core:
                push(text, False)
                continue
            lead = text[: len(text) - len(text.lstrip(" "))]
            trail = text[len(text.rstrip(" ")) :]
            push(lead, False)
            push(core, True)
            push(trail, False)
        else:
            push(text, False)
    return tuple((t, i) for t, i in out)


def starred(segments: Segments | None) -> str:
    """Segments as one readable string, italics between asterisks (for failure messages)."""
    if segments is None:
        return "(no entry)"
    return "".join(f"*{t}*" if i else t for t, i in segments)


@dataclass(frozen=True, slots=True)
class Agreement:
    """How many of a style's entries are identical to citeproc-js's, and which are not."""

    style: str
    same: int
    total: int
    differing: tuple[tuple[str, str, str], ...]
    """``(id, citeproc-js, ours)`` for each entry that differs."""

    @property
    def share(self) -> float:
        """The part of the entries that agree."""
        return self.same / self.total if self.total else 1.0


def agreement(style: str, ours: dict[str, Segments | None], skip: Iterable[str] = ()) -> Agreement:
    """Compare our entries (by item id; None for no entry) with citeproc-js's for a style."""
    theirs = expected()["styles"][style]["entries"]
    skipped = set(skip)
    same, differing = 0, []
    for item in fixture()["items"]:
        key = item["id"]
        if key in skipped:
            continue
        want = theirs.get(key)
        want_c = None if want is None else canonical(want)
        got = ours.get(key)
        if want_c == got:
            same += 1
        else:
            differing.append((key, starred(want_c), starred(got)))
    return Agreement(style, same, same + len(differing), tuple(differing))
