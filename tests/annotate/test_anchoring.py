"""Each path of re-anchoring: position, exact, nearest duplicate, context, fuzzy, orphan."""

from __future__ import annotations

import pytest

from archivist.annotate.anchoring import Anchorer, anchor, closest_match, find_quote
from archivist.annotate.selectors import describe
from archivist.errors import QuoteNotFoundError

TEXT = (
    "The harbour opened in spring. [1]\n\nShips came back in autumn, and the quay was "
    "rebuilt with stone from the northern quarry."
)


def selectors(text: str, quote: str, occurrence: int = 1):  # type: ignore[no-untyped-def]
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    return describe(text, start, start + len(quote))


def test_unchanged_text_keeps_the_highlight_in_place() -> None:
    found = anchor(TEXT, *selectors(TEXT, "Ships came back"))
    assert found is not None and found.method == "position"
    assert TEXT[found.start : found.end] == "Ships came back"


def test_text_inserted_before_moves_the_highlight_by_exact_search() -> None:
    new = "A new preface paragraph.\n\n" + TEXT
    found = anchor(new, *selectors(TEXT, "the quay was rebuilt"))
    assert found is not None and found.method == "exact"
    assert new[found.start : found.end] == "the quay was rebuilt"


def test_reflowed_whitespace_inside_the_quote_still_matches_exactly() -> None:
    new = TEXT.replace("\n\n", " ").replace("quay was rebuilt", "quay was\nrebuilt")
    found = anchor(new, *selectors(TEXT, "[1]\n\nShips came"))
    assert found is not None and found.method == "exact"
    assert new[found.start : found.end] == "[1] Ships came"


def test_duplicate_quote_is_placed_by_its_context() -> None:
    text = "red fox ran. The cat sat here. blue owl flew. The cat sat here. green elk."
    position, quote = selectors(text, "The cat sat here", occurrence=2)
    new = "Inserted words at the very start. " + text
    found = anchor(new, position, quote)
    assert found is not None
    assert new[found.start - 10 : found.start] == "owl flew. "


def test_duplicate_with_identical_context_goes_to_the_nearest_occurrence() -> None:
    text = "x " + "same words here " * 6
    position, quote = describe(text, 2 + 16 * 3, 2 + 16 * 3 + 10)
    new = text.replace("x ", "x  ", 1)
    found = anchor(new, position, quote)
    assert found is not None and found.start == 3 + 16 * 3


def test_slightly_changed_quote_is_found_by_fuzzy_match() -> None:
    new = TEXT.replace("rebuilt with stone", "re-built with stones")
    found = anchor(new, *selectors(TEXT, "the quay was rebuilt with stone from the"))
    assert found is not None and found.method == "fuzzy"
    assert "re-built with stone" in new[found.start : found.end]


def test_quote_rewritten_between_intact_context_is_found_by_its_context() -> None:
    text = (
        "Opening words of the piece. " + "alpha beta gamma delta" + " closing words of the piece."
    )
    position, quote = selectors(text, "alpha beta gamma delta")
    new = text.replace("alpha beta gamma delta", "alpha beta gama delta epsilon")
    found = anchor(new, position, quote)
    assert found is not None and found.method == "fuzzy"
    assert new[found.start : found.end] == "alpha beta gama delta epsilon"


def test_quote_gone_from_the_text_is_an_orphan() -> None:
    new = TEXT.replace("Ships came back in autumn, and ", "")
    assert anchor(new, *selectors(TEXT, "Ships came back in autumn")) is None


def test_short_quote_is_never_matched_fuzzily() -> None:
    assert anchor(TEXT.replace("quay", "pier"), *selectors(TEXT, "quay")) is None


def test_one_anchorer_serves_many_highlights_of_a_text() -> None:
    anchorer = Anchorer(TEXT.upper().lower())
    placed = [anchorer.anchor(*selectors(TEXT, q)) for q in ("harbour", "autumn", "quarry")]
    assert all(p is not None for p in placed)


def test_find_quote_ignores_whitespace_differences() -> None:
    start, end = find_quote(TEXT, "[1] Ships  came")
    assert TEXT[start:end] == "[1]\n\nShips came"


def test_find_quote_counts_occurrences() -> None:
    start, _ = find_quote("ab ab ab", "ab", occurrence=3)
    assert start == 6


def test_find_quote_says_how_often_a_quote_occurs() -> None:
    with pytest.raises(QuoteNotFoundError, match="occurs 1 time, not 2"):
        find_quote(TEXT, "harbour", occurrence=2)


def test_missing_quote_suggests_the_closest_passage() -> None:
    with pytest.raises(QuoteNotFoundError) as err:
        find_quote(TEXT, "ship came bak in autum")
    assert err.value.suggestion == "Ships came back in autumn,"
    assert "closest match" in str(err.value)


def test_nothing_close_gives_no_suggestion() -> None:
    assert closest_match(TEXT, "zzzzqqqq xxxxyyyy") is None
