"""The shipped reference labeller: it loads, labels, and stays bounded on any input."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from archivist.ingest.references import labeller
from archivist.ingest.references.features import sequence_features, use_known
from archivist.ingest.references.tokens import tokenize


def test_the_model_ships_with_its_vocabulary_and_notice() -> None:
    model = Path(labeller.model_path())
    for suffix in (".crfsuite", ".lexicon", ".features", ".json"):
        assert model.with_suffix(suffix).stat().st_size > 0
    assert model.stat().st_size < 10_000_000
    assert "BSD" in (model.parent / "NOTICE.md").read_text(encoding="utf-8")


def test_the_model_was_never_trained_on_the_check_part() -> None:
    manifest = json.loads(Path(labeller.model_path()).with_suffix(".json").read_text())
    assert manifest["parts"] == ["train", "tune"] and "ugly" not in manifest["sources"]


def test_a_full_citation_is_labelled_into_its_parts() -> None:
    text = "Ilse Marrow, Lights of the Northern Shore (Oslo: Greyhaven Press, 1987), 41."
    labels = {text[s.start : s.end]: s.label for s in labeller.label(text)}
    assert labels["Ilse Marrow,"] == "author"
    assert labels["Lights of the Northern Shore"] == "title"
    assert labels["Greyhaven Press,"] == "publisher"


def test_segments_are_in_order_and_inside_the_text() -> None:
    text = "Roe, J. (2020). Ports in decline. Maritime Review, 8(2), 100–120."
    segments = labeller.label(text)
    assert all(0 <= s.start < s.end <= len(text) for s in segments)
    assert all(a.end <= b.start for a, b in itertools.pairwise(segments))


def test_only_the_first_characters_of_a_huge_note_are_read() -> None:
    segments = labeller.label("Marrow, Ilse, " + "Lights of the Shore " * 5_000)
    assert segments[-1].end <= labeller.MAX_CHARS


def test_dropping_features_the_model_never_learned_changes_no_label() -> None:
    text = (
        "Belgado, B. S., Hatton, R. C. & Doering, P. L. Evaluation of drug information "
        "resources. Am J Health Syst Pharm 1997, 54, 2592–2596."
    )
    tokens = [text[a:b] for a, b in tokenize(text)]
    tagger = labeller._tagger()
    filtered = tagger.tag(sequence_features(tokens))
    known = labeller.read_known(labeller.model_path().removesuffix(".crfsuite") + ".features")
    use_known(None)
    try:
        unfiltered = tagger.tag(sequence_features(tokens))
    finally:
        use_known(known)
    assert filtered == unfiltered and "title" in filtered


def test_importing_the_parser_does_not_load_crfsuite() -> None:
    code = "import sys, archivist.ingest.references; print('pycrfsuite' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_labelled_without_error(text: str) -> None:
    for segment in labeller.label(text):
        assert 0 <= segment.start <= segment.end <= len(text)


def test_a_begin_mark_starts_a_new_segment_of_the_same_kind(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    class Tagger:
        def tag(self, _features: object) -> list[str]:
            return ["B-author", "author", "B-author", "B-title", "title"]

    monkeypatch.setattr(labeller, "_tagger", Tagger)
    text = "Roe, Jane, Doe. Harbour Tales"
    assert [(s.label, text[s.start : s.end]) for s in labeller.label(text)] == [
        ("author", "Roe, Jane,"),
        ("author", "Doe."),
        ("title", "Harbour Tales"),
    ]


def test_segments_are_cut_where_the_model_marks_a_first_or_last_token() -> None:
    spans = [(0, 4), (5, 9), (10, 14), (15, 19), (20, 24), (25, 29)]
    labels = ["B-author", "author", "B-title", "L-title", "title", "date"]
    assert [(s.label, s.start, s.end) for s in labeller.joined(labels, spans)] == [
        ("author", 0, 9),
        ("title", 10, 19),
        ("title", 20, 24),
        ("date", 25, 29),
    ]
    assert [s.label for s in labeller.joined(["L-title", "B-title"], spans[:2])] == [
        "title",
        "title",
    ]
