"""Reference tokens: whitespace words, glued punctuation cut, CJK cut at its marks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from archivist.ingest.references.tokens import tokenize, words


def test_words_are_whitespace_separated() -> None:
    assert words("Roe, J.  (2020). Ports.") == ["Roe,", "J.", "(2020).", "Ports."]


def test_a_comma_glued_to_the_next_word_is_cut() -> None:
    assert words("[2]Talebi, Mira,Salt Roads") == ["[2]", "Talebi,", "Mira,", "Salt", "Roads"]


def test_a_comma_inside_a_number_stays() -> None:
    assert words("pp. 1,234-1,240") == ["pp.", "1,234-1,240"]


def test_japanese_is_cut_at_its_brackets_and_commas() -> None:
    assert words("山田太郎「論文名」『雑誌名』、2010年。") == [
        "山田太郎",
        "「論文名」",
        "『雑誌名』、",
        "2010年。",
    ]


def test_offsets_point_into_the_text() -> None:
    text = " Roe,J. 2020 "
    assert [text[a:b] for a, b in tokenize(text)] == ["Roe,", "J.", "2020"]


def test_the_number_of_tokens_is_bounded() -> None:
    assert len(tokenize("word " * 10_000, limit=160)) == 160


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_tokens_cover_every_non_space_character_in_order(text: str) -> None:
    spans = tokenize(text, limit=10_000)
    assert all(a < b for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
    assert "".join(text[a:b] for a, b in spans) == "".join(text.split())


def test_every_glued_word_of_a_token_is_cut_where_it_is_glued() -> None:
    text = "Mira,Salt,Roads;Fen,1962"
    assert [text[a:b] for a, b in tokenize(text)] == ["Mira,", "Salt,", "Roads;", "Fen,1962"]
    assert [";A,¹"[a:b] for a, b in tokenize(";A,¹")] == [";", "A,", "¹"]
