"""Plain-text notes: numbered lists are notes only where notes stand; code is not cited."""

from __future__ import annotations

from pathlib import Path

from archivist.ingest import extract
from archivist.model import Article

DATA = Path(__file__).parents[1] / "data" / "text"


def article(name: str) -> Article:
    return extract((DATA / name).read_bytes(), name).article


def test_numbered_list_in_the_body_is_not_taken_for_notes() -> None:
    a = article("numbered_list_in_body.txt")
    assert a.footnotes == ()
    assert "Boil the water for three minutes at least." in a.text


def test_numbered_list_under_a_notes_heading_is_the_notes() -> None:
    a = article("numbered_list_under_notes.txt")
    assert [f.label for f in a.footnotes] == ["1", "2"]
    assert a.footnotes[0].text.startswith("Harbour Board")
    assert "Weigh the coal at the quay." in a.text
    assert all(len(f.markers) == 1 for f in a.footnotes)


def test_bracketed_number_in_a_formula_is_not_a_marker() -> None:
    a = article("formula_brackets.txt")
    (note,) = a.footnotes
    assert len(note.markers) == 1
    assert a.text[: note.markers[0]].endswith("one a day. ")
    assert "x[2] is the height" in a.text
    assert "h = x[1] + x[2]" in a.text
    assert [m.start for m in a.marks if m.kind == "footnote"] == list(note.markers)
