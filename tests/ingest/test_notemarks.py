"""Marker shapes, ranges, notes headings in many languages, and subscripts that are not markers."""

from __future__ import annotations

import pytest

from archivist.ingest.notes.notemarks import (
    MAX_RANGE,
    is_notes_heading,
    is_subscript,
    marker_labels,
)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("1", ["1"]),
        ("[12]", ["12"]),
        ("(3)", ["3"]),
        ("[۳]", ["3"]),
        ("٤", ["4"]),
        ("[a]", ["a"]),
        ("[n 3]", ["n 3"]),
        ("*", ["*"]),
        ("†", ["†"]),
        ("‡", ["‡"]),
        ("[1-3]", ["1", "2", "3"]),
        ("[1–2]", ["1", "2"]),
        ("[1,3]", ["1", "3"]),
        ("[1, 4–5]", ["1", "4", "5"]),
    ],
)
def test_marker_labels_of_short_markers(text: str, labels: list[str]) -> None:
    assert marker_labels(text) == labels


@pytest.mark.parametrize("text", ["Section 4", "Table 6-1", "citation needed", "", "[]", "2016-05"])
def test_text_that_is_no_marker_names_no_label(text: str) -> None:
    assert marker_labels(text) == []


def test_a_huge_range_is_not_expanded() -> None:
    assert marker_labels(f"[1-{MAX_RANGE + 5}]") == []


@pytest.mark.parametrize(
    "heading",
    [
        "Notes", "References", "Footnotes", "Sources", "Bibliography", "Works cited",
        "Anmerkungen", "Einzelnachweise", "Fußnoten", "Literatur", "Notes et références",
        "Notas", "Referencias", "Note", "Примечания", "Источники", "注釈", "脚注", "出典",
        "参考资料", "注释", "منابع", "پانویس", "پی‌نوشت", "یادداشت‌ها", "المراجع", "الهوامش",
        "References[edit]", "2. References", "Notes:",
    ],
)  # fmt: skip
def test_notes_headings_in_many_languages(heading: str) -> None:
    assert is_notes_heading(heading)


@pytest.mark.parametrize("heading", ["Further reading", "History", "Notes on the harbour wall"])
def test_other_headings_are_not_notes_headings(heading: str) -> None:
    assert not is_notes_heading(heading)


@pytest.mark.parametrize(
    ("text", "subscript"),
    [
        ("the entry x[2] is", True),
        ("h = x[1] + x[2]", True),
        ("total = [2] + 4", True),
        ("was stronger.[1] Then", False),
        ("was stronger[1] Then", False),
        ("in 1990[2] it", False),
        ("see [3] and", False),
    ],
)
def test_bracketed_number_beside_an_identifier_or_operator_is_a_subscript(
    text: str, subscript: bool
) -> None:
    start = text.index("[")
    assert is_subscript(text, start, text.index("]") + 1) is subscript
