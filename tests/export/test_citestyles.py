"""Golden bibliography entries: 33 references in four styles, from the manuals' rules."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from archivist.export.citeparts import Entry
from archivist.export.citestyles import STYLES, UnknownStyleError, format_entry, style_id

GOLDEN = Path(__file__).parent / "golden_bibliography.md"


def golden_cases() -> list[tuple[str, str, dict[str, object], str]]:
    cases = []
    for section in GOLDEN.read_text(encoding="utf-8").split("\n## ")[1:]:
        name = section.splitlines()[0]
        item = json.loads(re.search(r"```json\n(.*?)\n```", section, re.S).group(1))
        for style, expected in re.findall(r"^- ([a-z-]+): (.*)$", section, re.M):
            cases.append((name, style, item, expected))
    return cases


def starred(entry: Entry) -> str:
    return "".join(f"*{s.text}*" if s.italic else s.text for s in entry.segments)


CASES = golden_cases()


def test_golden_file_covers_thirty_references_in_every_style() -> None:
    names = {c[0] for c in CASES}
    assert len(names) >= 30
    assert {c[1] for c in CASES} == set(STYLES)
    assert len(CASES) == 4 * len(names)


@pytest.mark.parametrize(
    ("name", "style", "item", "expected"), CASES, ids=[f"{c[0][:30]}-{c[1]}" for c in CASES]
)
def test_golden_entry(name: str, style: str, item: dict[str, object], expected: str) -> None:
    assert starred(format_entry(item, style)) == expected


def test_style_aliases_name_the_four_styles() -> None:
    assert style_id(None) == "chicago-notes-bibliography"
    assert style_id("MLA") == "modern-language-association"
    assert style_id("chicago-notes") == style_id("chicago") == "chicago-notes-bibliography"
    assert style_id("chicago-author-date-17th-edition") == "chicago-author-date"


def test_unknown_style_is_a_user_error() -> None:
    with pytest.raises(UnknownStyleError, match="unknown citation style 'harvard'"):
        style_id("harvard")


def test_markup_escapes_fields() -> None:
    item = {"type": "book", "title": "AT&T <font name=x>", "publisher": "P"}
    markup = format_entry(item, "chicago").markup()
    assert "<i>AT&amp;T &lt;font name=x&gt;</i>" in markup


def test_a_span_of_years_is_printed_as_a_range_in_every_style() -> None:
    item = {
        "type": "document",
        "title": "Brennick Parish Accounts",
        "container-title": "County archive",
        "issued": {"date-parts": [[1598], [1671]]},
    }
    for style in STYLES:
        assert "1598–1671" in format_entry(item, style).plain(), style
