"""The document model: frozen value objects, text plus stand-off spans."""

from __future__ import annotations

import dataclasses

import pytest

from archivist.model import Article, Block, Footnote, Mark


def test_article_is_frozen() -> None:
    article = Article(title="T", text="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "U"  # type: ignore[misc]


def test_marker_offsets_point_at_bracketed_labels() -> None:
    text = "One claim. [1] Another. [2] Again. [1]"
    fn = Footnote("1", (text.index("[1]"), text.rindex("[1]")), "Source one.")
    assert all(text[m : m + 3] == "[1]" for m in fn.markers)


def test_spans_are_ranges_over_text() -> None:
    text = "Heading\n\nBody with *stress*."
    article = Article(
        title="T",
        text=text,
        blocks=(Block("heading", 0, 7, level=2), Block("paragraph", 9, len(text))),
        marks=(Mark("emphasis", text.index("stress"), text.index("stress") + 6),),
    )
    assert [text[b.start : b.end] for b in article.blocks] == ["Heading", "Body with *stress*."]
    assert text[article.marks[0].start : article.marks[0].end] == "stress"


def test_slots_keep_objects_small() -> None:
    assert not hasattr(Article(title="T", text="x"), "__dict__")
