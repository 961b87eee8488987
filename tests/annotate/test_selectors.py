"""W3C selectors of a range, and the whitespace-collapsed view of a text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archivist.annotate.selectors import (
    CONTEXT_CHARS,
    NormalizedText,
    TextPositionSelector,
    collapse_space,
    describe,
)


def test_describe_keeps_32_characters_of_context_each_side() -> None:
    text = "a" * 50 + "QUOTE" + "b" * 50
    position, quote = describe(text, 50, 55)
    assert position == TextPositionSelector(50, 55)
    assert (quote.exact, quote.prefix, quote.suffix) == ("QUOTE", "a" * 32, "b" * 32)
    assert CONTEXT_CHARS == 32


def test_describe_near_the_edges_keeps_what_context_there_is() -> None:
    _, quote = describe("Hi there", 0, 2)
    assert (quote.prefix, quote.suffix) == ("", " there")


def test_describe_refuses_a_range_outside_the_text() -> None:
    with pytest.raises(ValueError):
        describe("short", 2, 9)


def test_collapse_space_turns_every_run_into_one_space() -> None:
    assert collapse_space("a \n\n b\tc") == "a b c"


def test_normalized_offsets_map_back_to_the_original() -> None:
    norm = NormalizedText("one  two\n\nthree")
    start = norm.text.index("two three")
    assert norm.text == "one two three"
    assert norm.span_to_original(start, start + len("two three")) == (5, 15)


def test_original_offsets_map_into_the_collapsed_text() -> None:
    norm = NormalizedText("one  two")
    assert norm.to_normalized(5) == norm.text.index("two")


def test_persian_text_with_zero_width_non_joiner_is_not_split() -> None:
    norm = NormalizedText("می\u200cخواهم  بروم")
    assert norm.text == "می\u200cخواهم بروم"


@given(st.text(alphabet=st.sampled_from("ab \n\t\u00a0\u200c"), max_size=60))
def test_every_collapsed_character_maps_back_to_its_original(text: str) -> None:
    norm = NormalizedText(text)
    for i, char in enumerate(norm.text):
        original = text[norm.to_original(i)]
        assert original == char or (char == " " and original.isspace())
        assert norm.to_normalized(norm.to_original(i)) == i
