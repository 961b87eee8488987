"""The text under the page's title wins over like stories beside it and boxes above it."""

from __future__ import annotations

from pathlib import Path

from archivist.ingest.formats import html

DATA = Path(__file__).parents[1] / "data" / "html"


def test_the_story_under_the_title_wins_over_a_longer_like_story_beside_it() -> None:
    # The next story, appended below in a box of the same shape, has more text than the
    # page's own; the names say nothing and no article elements mark the stories.
    name = "stories_next_below_title.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert "TITLE STORY" in text
    assert "NEXT STORY" not in text


def test_a_notice_above_the_title_loses_to_the_text_under_the_title() -> None:
    # A browser notice of a few paragraphs opens the page and scores a little better than
    # the short report under the title's heading further down.
    name = "notice_above_title.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert "STORY" in text
    assert "NOTICE" not in text


def test_a_recipe_under_its_title_wins_over_one_long_description_further_down() -> None:
    # Short ingredient lines and steps in the box round the title hold more text than the
    # single long description paragraph below, which scores best on its own.
    name = "recipe_steps_under_title.html"
    text = html.extract((DATA / name).read_bytes(), name).article.text
    assert "INGREDIENT 500 g flour" in text
    assert "STEP Knead the flour" in text
