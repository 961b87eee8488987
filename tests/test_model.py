"""The document model: frozen, slotted value objects whose kinds agree with their types."""

from __future__ import annotations

import dataclasses
from typing import get_args

import pytest

from archivist import model
from archivist.model import Article, Block, Footnote, Mark


def test_article_is_frozen() -> None:
    article = Article(title="T", text="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        article.title = "U"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("listed", "declared"),
    [(model.BLOCK_KINDS, model.BlockKind), (model.MARK_KINDS, model.MarkKind)],
)
def test_the_kind_lists_name_every_kind_the_types_allow(
    listed: tuple[str, ...], declared: object
) -> None:
    # The codec and the renderers iterate these tuples; a kind added to the type only would be
    # stored but never drawn.
    assert listed == get_args(declared)


def test_values_compare_and_hash_by_content() -> None:
    # Re-extraction compares old and new spans and footnotes as values, and sets of marks
    # de-duplicate them: both need value equality and hashing.
    one = Mark("link", 3, 9, href="https://example.org/")
    same = Mark("link", 3, 9, href="https://example.org/")
    note = Footnote("1", (4,), "Source.")
    assert one == same and len({one, same}) == 1
    assert note == dataclasses.replace(note) and note != dataclasses.replace(note, label="2")
    assert Block("paragraph", 0, 4) != Block("heading", 0, 4, level=2)


@pytest.mark.parametrize("kind", [Article, Block, Mark, Footnote, model.Highlight, model.Note])
def test_every_model_class_is_slotted(kind: type) -> None:
    # Archives hold tens of thousands of articles with thousands of spans each in memory.
    assert "__slots__" in vars(kind) and "__dict__" not in dir(kind)
