"""Labelled references read from AnyStyle-shaped XML, and their fixed train/tune/check split."""

from __future__ import annotations

from pathlib import Path

from archivist.ingest.references.corpus import (
    ClassedNote,
    comment_sequence,
    fifth_of,
    read_classed,
    read_labelled,
)

XML = """<?xml version="1.0" encoding="UTF-8"?>
<dataset>
  <sequence>
    <author>Nichols, Bill.</author>
    <title>Getting to Know You,</title>
    <date>1993.</date>
  </sequence>
  <sequence><title>  </title></sequence>
</dataset>
"""


def test_segments_become_tokens_with_their_labels(tmp_path: Path) -> None:
    path = tmp_path / "refs.xml"
    path.write_text(XML, encoding="utf-8")
    (ref,) = read_labelled(path)
    assert ref.tokens == ("Nichols,", "Bill.", "Getting", "to", "Know", "You,", "1993.")
    assert ref.labels == ("author",) * 2 + ("title",) * 4 + ("date",)
    assert ref.text == "Nichols, Bill. Getting to Know You, 1993." and ref.source == "refs"


def test_the_part_depends_only_on_the_folded_text(tmp_path: Path) -> None:
    path = tmp_path / "refs.xml"
    path.write_text(XML, encoding="utf-8")
    (ref,) = read_labelled(path)
    note = ClassedNote("nichols,  bill. getting to know you, 1993.", "citation", None)
    assert ref.part == note.part and ref.part in {"train", "tune", "check"}


def test_the_split_is_about_seven_one_two() -> None:
    parts = [ClassedNote(f"Note number {i}.", "comment", None).part for i in range(3000)]
    assert 0.66 < parts.count("train") / 3000 < 0.74
    assert 0.17 < parts.count("check") / 3000 < 0.23


def test_a_comment_naming_a_work_labels_the_work() -> None:
    note = ClassedNote(
        "For the dispute see Ambrose, The Weavers' Petition, 41–58.",
        "comment",
        ("Ambrose", "The Weavers' Petition"),
    )
    sequence = comment_sequence(note)
    assert sequence.segments == (
        ("comment", "For the dispute see"),
        ("author", "Ambrose,"),
        ("title", "The Weavers' Petition,"),
        ("pages", "41–58."),
    )


def test_classed_notes_are_read_with_their_kind_and_names(tmp_path: Path) -> None:
    path = tmp_path / "notes.xml"
    path.write_text(
        '<notes><note kind="comment" names="Roe|Tides">See Roe, Tides, 4.</note>'
        '<note kind="citation">Roe, Tides, 1990.</note><note kind="other">x</note></notes>',
        encoding="utf-8",
    )
    notes = list(read_classed(path))
    assert [(n.kind, n.names) for n in notes] == [("comment", ("Roe", "Tides")), ("citation", None)]


def test_fifths_are_fixed_by_the_text_and_about_even() -> None:
    texts = [f"Note number {i}." for i in range(3000)]
    fifths = [fifth_of(t) for t in texts]
    assert fifths == [fifth_of(t) for t in texts]
    assert fifth_of("Note  number 7.") == fifth_of("note number 7.")
    assert all(0.17 < fifths.count(k) / 3000 < 0.23 for k in range(5))
