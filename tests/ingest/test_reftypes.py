"""The CSL type of a citation, from the fields its labels gave."""

from __future__ import annotations

from typing import Any

import pytest

from archivist.ingest.references.types import item_type

CASES: list[tuple[dict[str, Any], set[str], str]] = [
    ({"title": "T", "container-title": "Marine Ledger", "volume": "4"}, set(), "article-journal"),
    ({"title": "T", "container-title": "Essays", "editor": [{"family": "Hale"}]}, set(),
     "chapter"),
    ({"title": "T", "publisher": "Greyhaven Press"}, set(), "book"),
    ({"title": "T", "genre": "PhD dissertation"}, set(), "thesis"),
    ({"title": "T", "genre": "working paper"}, set(), "report"),
    ({"title": "T", "URL": "https://example.org/a"}, set(), "webpage"),
    ({"title": "T", "container-title": "The Coastal Times"}, set(), "article-newspaper"),
    ({"title": "T", "container-title": "Harbour Monthly"}, set(), "article-magazine"),
    ({"title": "T", "container-title": "Levant Blog", "URL": "https://x.example"}, set(),
     "post-weblog"),
    ({"title": "T", "container-title": "Encyclopedia of the Sea"}, set(), "entry-encyclopedia"),
    ({"title": "T", "container-title": "Proceedings of the Harbour Conference"}, set(),
     "paper-conference"),
    ({"title": "Interview with a port official"}, set(), "interview"),
    ({"title": "Roe v. Wade"}, set(), "legal_case"),
    ({"title": "Harbours Act 1964"}, set(), "legislation"),
    ({"title": "T", "author": [{"literal": "Reuters"}]}, set(), "article-newspaper"),
    ({"title": "T", "author": [{"literal": "Ministry of Water"}]}, set(), "report"),
    ({"title": "T", "genre": "personal communication"}, set(), "personal_communication"),
    ({"title": "Parish Accounts", "publisher": "county archive"}, set(), "document"),
    ({"title": "T", "_journal": True, "container-title": "Tides"}, {"journal"},
     "article-journal"),
]  # fmt: skip


@pytest.mark.parametrize(("item", "labels", "expected"), CASES)
def test_type_follows_the_fields(item: dict[str, Any], labels: set[str], expected: str) -> None:
    assert item_type(item, labels) == expected
