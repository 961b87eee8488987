"""Bibliographies and notes against citeproc-js, entry by entry, in the four styles.

The fixture (``data/citeproc_items.json``) is rendered by Archivist and compared with what
citeproc-js printed (``data/citeproc_expected.json``): every entry and note not on the
deviation list (``citeproc_deviations``) must be identical in text and italics, and every
one on it must read as the list says. The agreement per style is printed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
from citeproc_deviations import RULES, expect
from citeproc_fixture import Segments, canonical, expected, fixture, items, starred

from archivist.export.bibliography import Reference, render, year_suffixes
from archivist.export.citenotes import Cited, style_notes
from archivist.export.citestyles import STYLES, sort_key

_TYPES = {
    "book",
    "chapter",
    "article-journal",
    "article-newspaper",
    "article-magazine",
    "webpage",
    "post-weblog",
    "report",
    "thesis",
    "entry-encyclopedia",
    "legislation",
    "document",
    "legal_case",
    "personal_communication",
    "interview",
    "article",
}


def _bibliography(style: str) -> tuple[list[str], dict[str, Segments]]:
    entries = render([Reference(item["id"], item) for item in items()], style)
    return [e.key for e in entries], {
        e.key: canonical((s.text, s.italic) for s in e.segments) for e in entries
    }


def _notes(style: str) -> list[Segments]:
    by_id = {item["id"]: item for item in items()}
    ordered = sorted(items(), key=lambda item: sort_key(item, style))
    suffixes = dict(zip((i["id"] for i in ordered), year_suffixes(ordered, style), strict=True))
    articles = [
        [Cited(c["id"], by_id[c["id"]], c.get("locator"), c.get("label", "page")) for c in cites]
        for cites in fixture()["notes"]
    ]
    return [
        canonical((s.text, s.italic) for s in note.segments)
        for article in style_notes(articles, style, suffixes)
        for note in article
    ]


def _compared(
    style: str,
) -> Iterator[tuple[str, str, Segments | None, Segments | None, str | None]]:
    """``(id, where, wanted, got, rule)`` for every entry and note of a style."""
    theirs = expected()["styles"][style]
    _, entries = _bibliography(style)
    by_id = {item["id"]: item for item in fixture()["items"]}
    for item in fixture()["items"]:
        want, rule = expect(style, item, "entry", theirs["entries"].get(item["id"]))
        yield item["id"], "entry", want, entries.get(item["id"]), rule
    cites = [c for cites in fixture()["notes"] for c in cites]
    for n, (cite, note) in enumerate(zip(cites, _notes(style), strict=True)):
        where = f"note {n}"
        want, rule = expect(style, by_id[cite["id"]], where, theirs["notes"][n])
        yield cite["id"], where, want, note, rule


@pytest.mark.parametrize("style", STYLES)
def test_every_entry_and_note_is_citeprocs_or_on_the_deviation_list(
    style: str, capsys: pytest.CaptureFixture[str]
) -> None:
    same = {"entry": 0, "note": 0}
    total = {"entry": 0, "note": 0}
    rules: Counter[str] = Counter()
    wrong = []
    for key, where, want, got, rule in _compared(style):
        kind = where.split()[0]
        if want is None and got is None:
            continue
        total[kind] += 1
        if got != want:
            wrong.append(f"{key} {where}\n  want {starred(want)}\n  got  {starred(got)}")
        elif rule is None:
            same[kind] += 1
        else:
            rules[rule] += 1
    with capsys.disabled():
        print(
            f"\n{style}: entries identical to citeproc-js {same['entry']}/{total['entry']}, "
            f"notes {same['note']}/{total['note']}; the rest as the deviation list says "
            f"({', '.join(f'{r} {n}' for r, n in sorted(rules.items()))})"
        )
    assert not wrong, "\n".join(wrong[:20])


@pytest.mark.parametrize("style", STYLES)
def test_bibliography_is_in_citeprocs_order(style: str) -> None:
    ours, _ = _bibliography(style)
    theirs = list(expected()["styles"][style]["order"])
    # A work that names its organisation once (MLA) is sorted by its title: it moves.
    moved = {key for key, where, _, _, rule in _compared(style) if rule == "name-once"}
    assert [k for k in ours if k not in moved] == [k for k in theirs if k not in moved]


def test_every_rule_on_the_list_is_written_down_in_the_docs() -> None:
    from pathlib import Path

    docs = (Path(__file__).parents[2] / "docs" / "formats.md").read_text(encoding="utf-8")
    missing = [rule for rule in RULES if f"`{rule}`" not in docs]
    assert not missing


def test_the_fixture_covers_what_footnotes_cite() -> None:
    all_items = fixture()["items"]
    assert len(all_items) >= 150
    assert {item["type"] for item in all_items} >= _TYPES
    counts = {len(item.get("author", [])) for item in all_items}
    assert {0, 1, 2, 3, 4, 7, 11} <= counts
    assert any(len(item.get("author", [])) >= 100 for item in all_items)
    fields = {field for item in all_items for field in item}
    assert {"editor", "translator", "edition", "URL", "DOI", "number", "genre"} <= fields
    assert {"number-of-pages", "language", "accessed", "collection-title"} <= fields
    dates = [item.get("issued", {}) for item in all_items]
    assert any("season" in d for d in dates) and any("literal" in d for d in dates)
    assert any(item.get("language") == "fa" for item in all_items)
    assert any(item.get("language") == "ar" for item in all_items)
