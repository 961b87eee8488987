"""Roles of a citation's parts and the CSL type they suggest."""

from __future__ import annotations

from typing import Any

import pytest

from archivist.ingest.reftypes import item_type, set_authors_from_segments, set_container

TYPES: list[tuple[dict[str, Any], str]] = [
    ({"container-title": "Harbour Studies", "volume": "4"}, "article-journal"),
    ({"publisher": "Greyhaven Press"}, "book"),
    ({"publisher": "Pier Press", "container-title": "Coastal Essays"}, "chapter"),
    ({"ISBN": "9780000000002"}, "book"),
    ({"genre": "report"}, "report"),
    ({"author": [{"literal": "Reuters"}]}, "article-newspaper"),
    ({"author": [{"literal": "Ministry of Water Resources"}]}, "report"),
    ({"container-title": "The Coastal Times", "URL": "https://x.example"}, "article-newspaper"),
    ({"container-title": "Harbour Notes", "URL": "https://x.example"}, "webpage"),
    ({"container-title": "Levant Blog"}, "post-weblog"),
    ({"container-title": "Harbour Magazine"}, "article-magazine"),
    ({"URL": "https://x.example"}, "webpage"),
    ({"author": [{"family": "Marrow", "given": "Ilse"}], "title": "Lights"}, "book"),
    ({"title": "Interview with a harbour pilot"}, "interview"),
]


@pytest.mark.parametrize(("item", "expected"), TYPES)
def test_item_type_follows_the_fields(item: dict[str, Any], expected: str) -> None:
    assert item_type(item) == expected


def test_inverted_name_takes_two_segments() -> None:
    item: dict[str, Any] = {}
    used = set_authors_from_segments(item, ["Marrow", "Ilse", "Lights of the North", "2001"])
    assert used == 2 and item["author"] == [{"family": "Marrow", "given": "Ilse"}]


def test_title_first_takes_no_author() -> None:
    item: dict[str, Any] = {}
    assert set_authors_from_segments(item, ["Storm hits the coast", "Harbour Post"]) == 0
    assert "author" not in item


def test_container_place_and_publisher_roles() -> None:
    item: dict[str, Any] = {}
    set_container(item, ["in Coastal Essays", "ed. Mark Hale", "Boston: Pier Press"])
    assert item == {
        "container-title": "Coastal Essays",
        "editor": [{"family": "Hale", "given": "Mark"}],
        "publisher-place": "Boston",
        "publisher": "Pier Press",
    }
