"""Lists under a notes heading in many languages, cited by plain markers or by nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.ingest.formats import html
from archivist.model import Article

DATA = Path(__file__).parents[1] / "data" / "html"


def article(name: str) -> Article:
    return html.extract((DATA / name).read_bytes(), name).article


@pytest.mark.parametrize(
    ("name", "heading", "first"),
    [
        ("fn_heading_zh.html", "参考资料", "Harbour Board, Minutes of the Levy Committee, 1910."),
        ("fn_heading_de.html", "Einzelnachweise", "Harbour Board, Minutes of the Levy Committee"),
        ("fn_heading_fa.html", "پانویس", "هیئت بندر، صورت‌جلسهٔ کمیتهٔ عوارض، ۱۹۱۰."),
        ("fn_heading_ar.html", "المراجع", "مجلس الميناء، محضر لجنة الرسوم، ١٩١٠."),
    ],
)
def test_list_under_a_notes_heading_is_the_notes(name: str, heading: str, first: str) -> None:
    a = article(name)
    assert [f.label for f in a.footnotes] == ["1", "2"]
    assert a.footnotes[0].text.startswith(first)
    assert heading not in a.text
    assert a.text[: a.footnotes[0].markers[0]].endswith("a penny a ton.")
    assert a.text[: a.footnotes[1].markers[0]].endswith("before the war.")
    assert all(a.text[m : m + 3] == f"[{f.label}]" for f in a.footnotes for m in f.markers)


def test_journal_reference_list_without_links_is_notes_without_markers() -> None:
    a = article("fn_journal_reflist.html")
    assert [f.label for f in a.footnotes] == ["1", "2", "3"]
    assert all(f.markers == () and f.uncited == "unlinked" for f in a.footnotes)
    assert a.footnotes[0].text == (
        "Harbour Board. Minutes of the Levy Committee. Port Rec. 1910;12:33-41."
    )
    assert all("Crossref" not in f.text and "Scholar" not in f.text for f in a.footnotes)
    assert "References" not in a.text and "Crossref" not in a.text
    assert a.footnotes[0].kind == "citation"


def test_bracketed_numbers_in_code_are_not_markers() -> None:
    a = article("fn_code_brackets.html")
    (note,) = a.footnotes
    assert note.markers == (a.text.index("[1]"),)
    assert "x[2] is the third day" in a.text and "h = x[1] + x[2]" in a.text
    assert "Notes" not in a.text


def test_notes_numbered_alike_under_two_tables_go_to_their_own_markers() -> None:
    a = article("fn_repeated_numbers.html")
    levy, tonnage = a.footnotes
    assert (levy.label, tonnage.label) == ("1", "1-2")
    assert levy.text.startswith("Harbour Board") and tonnage.text.startswith("County Engineer")
    assert a.text[: levy.markers[0]].endswith("Levy")
    assert a.text[: tonnage.markers[0]].endswith("Tonnage")


def test_unlinked_range_markers_cite_each_note_of_a_list_under_a_wrapped_heading() -> None:
    a = article("fn_plain_ranges.html")
    assert [f.label for f in a.footnotes] == ["1", "2", "3"]
    assert [len(f.markers) for f in a.footnotes] == [1, 1, 1]
    start = a.footnotes[0].markers[0]
    assert a.text[start : start + 6] == "[1][2]"
    assert "参考资料" not in a.text and "Harbour Board" not in a.text
