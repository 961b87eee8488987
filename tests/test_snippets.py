"""Search snippets: words around the first match, matches marked, accents ignored."""

from __future__ import annotations

from archivist.snippets import make_snippet


def test_marks_the_match_in_a_short_window() -> None:
    text = "a " * 50 + "needle here " + "b " * 50
    snippet = make_snippet(text, "needle")
    assert "**needle**" in snippet
    assert snippet.startswith("…") and snippet.endswith("…")
    assert len(snippet.split()) <= 18


def test_accents_and_case_are_ignored() -> None:
    assert "**Café**" in make_snippet("Owners of the Café cheered.", "cafe")


def test_whole_words_only() -> None:
    assert make_snippet("Notcafe here, then cafe there", "cafe").count("**") == 2


def test_persian_match() -> None:
    assert "**فارسی**" in make_snippet("این یک متن فارسی است", "فارسی")


def test_no_match_gives_the_opening_words() -> None:
    assert make_snippet("The opening words of the text.", "zzz").startswith("The opening")


def test_query_without_words_gives_the_opening() -> None:
    assert make_snippet("Some text.", '"" ++') == "Some text."
