"""Rewrite tests/export/data/citeproc_deviations.json after the oracle's output changed.

    PYTHONPATH=src python tools/citeproc_oracle/list_deviations.py

Renders the fixture with Archivist in the four styles and compares it with citeproc-js's
output (tests/export/data/citeproc_expected.json). Where they differ for an item that
REVIEWED below names under a rule, what Archivist prints is written to the deviations file;
any other difference is printed as UNEXPECTED and left out, so the agreement test fails
until it is fixed, or reviewed and named here. The rules are written down in
tests/export/citeproc_deviations.py and docs/formats.md.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

TESTS = Path(__file__).parents[2] / "tests" / "export"
sys.path.insert(0, str(TESTS))

import citeproc_deviations as dv  # noqa: E402
from citeproc_fixture import canonical, expected, fixture, items, starred  # noqa: E402

from archivist.export.bibliography import Reference, render, year_suffixes  # noqa: E402
from archivist.export.citenotes import Cited, style_notes  # noqa: E402
from archivist.export.citestyles import APA, MLA, STYLES, sort_key  # noqa: E402

CHICAGO = "chicago-notes-bibliography"
REVIEWED: dict[str, dict[str, set[str]]] = {
    "name-once": {
        APA: {"book-09", "book-23", "rep-01", "rep-05", "rep-06", "web-05", "web-06"},
        # rep-03: the entry before it (web-06) now begins with its title, so no dashes.
        MLA: {"book-09", "book-23", "rep-01", "rep-05", "rep-06", "web-06", "rep-03"},
    },
    "apa-retrieved": {APA: {"web-16", "web-18", "bad-01"}},
    "mla-accessed": {MLA: {"web-04"}},
    "mla-dashes": {MLA: {"book-20", "book-33", "jour-02", "blog-02"}},
    "et-al-marker": {style: {"book-35"} for style in STYLES},
    "bad-dates": {style: {"bad-05", "bad-08"} for style in STYLES},
    "markup-is-text": {style: {"bad-09"} for style in STYLES},
    "bare-items": {CHICAGO: {"bad-01", "bad-02"}, MLA: {"bad-01", "bad-02"}},
}


def rule_for(style: str, key: str) -> str | None:
    """The reviewed rule under which an item may differ in a style."""
    for rule, by_style in REVIEWED.items():
        if key in by_style.get(style, set()):
            return rule
    return None


def ours(style: str) -> tuple[dict[str, Any], list[Any]]:
    """Archivist's bibliography (by id) and notes (in order) for the fixture."""
    by_id = {item["id"]: item for item in items()}
    entries = {item["id"]: None for item in items()}
    for entry in render([Reference(item["id"], item) for item in items()], style):
        entries[entry.key] = canonical((s.text, s.italic) for s in entry.segments)
    ordered = sorted(items(), key=lambda item: sort_key(item, style))
    letters = dict(zip((i["id"] for i in ordered), year_suffixes(ordered, style), strict=True))
    articles = [
        [Cited(c["id"], by_id[c["id"]], c.get("locator"), c.get("label", "page")) for c in cites]
        for cites in fixture()["notes"]
    ]
    notes = [
        canonical((s.text, s.italic) for s in note.segments)
        for article in style_notes(articles, style, letters)
        for note in article
    ]
    return entries, notes


def main() -> int:
    listed: list[dict[str, Any]] = []
    unexpected = 0
    by_id = {item["id"]: item for item in fixture()["items"]}
    cites = [c for cites in fixture()["notes"] for c in cites]
    for style in STYLES:
        theirs = expected()["styles"][style]
        entries, notes = ours(style)
        compared = [(key, "entry", theirs["entries"].get(key), entries[key]) for key in entries] + [
            (c["id"], f"note {n}", theirs["notes"][n], note)
            for n, (c, note) in enumerate(zip(cites, notes, strict=True))
        ]
        for key, where, citeproc, got in compared:
            want, _ = dv.expect(style, by_id[key], where, citeproc, listed=False)
            if want == got:
                continue
            rule = rule_for(style, key)
            if rule is None:
                unexpected += 1
                print(f"UNEXPECTED {style} {key} {where}")
                print(f"  want {starred(want)}\n  got  {starred(got)}")
                continue
            segments = None if got is None else [list(s) for s in got]
            listed.append(
                {"rule": rule, "style": style, "id": key, "where": where, "ours": segments}
            )
    lines = ",\n".join("  " + json.dumps(d, ensure_ascii=False) for d in listed)
    (TESTS / "data" / "citeproc_deviations.json").write_text(
        '{\n "about": "Entries and notes where Archivist deliberately prints something other than '
        'citeproc-js, by rule (tests/export/citeproc_deviations.py, docs/formats.md).",\n'
        f' "deviations": [\n{lines}\n ]\n}}\n',
        encoding="utf-8",
    )
    print(f"{len(listed)} listed deviations, {unexpected} unexpected differences")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
