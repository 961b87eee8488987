"""Identifiers, volume and pages, segments, titles and note detection in reference strings."""

from __future__ import annotations

from typing import Any

from archivist.ingest.refparts import (
    clean_title,
    extract_identifiers,
    extract_pages,
    fold,
    looks_like_note,
    split_segments,
)


def test_identifiers_are_taken_out() -> None:
    item: dict[str, Any] = {}
    rest = extract_identifiers("Salt, ISBN 978-0-00-000000-2, https://x.example/a.", item)
    assert item == {"ISBN": "9780000000002", "URL": "https://x.example/a"} and rest == "Salt"


def test_doi_url_gives_the_doi() -> None:
    item: dict[str, Any] = {}
    extract_identifiers("Tides, https://doi.org/10.1234/mr.2020.8", item)
    assert item["DOI"] == "10.1234/mr.2020.8"


def test_volume_issue_and_pages() -> None:
    item: dict[str, Any] = {}
    extract_pages("Harbour Studies 12, no. 3 (2019): 45-67.", item)
    assert (item["volume"], item["issue"], item["page"]) == ("12", "3", "45–67")


def test_volume_before_the_year_in_brackets() -> None:
    item: dict[str, Any] = {}
    extract_pages("Marine Ledger 45 (2018): 12-19", item)
    assert (item["volume"], item["page"]) == ("45", "12–19")


def test_trailing_year_is_not_a_page() -> None:
    item: dict[str, Any] = {}
    extract_pages("Greyhaven Press, 1987", item)
    assert "page" not in item


def test_segments_tolerate_missing_spaces_and_persian_commas() -> None:
    assert split_segments("Saadouin, Mustafa,What's Next?،  Site") == [
        "Saadouin",
        "Mustafa",
        "What's Next?",
        "Site",
    ]


def test_titles_lose_quotes_and_full_stop_but_keep_question_marks() -> None:
    assert clean_title("“Tides of Trade,”") == "Tides of Trade"
    assert clean_title("«بنادر جنوب».") == "بنادر جنوب"
    assert clean_title("What's Next?") == "What's Next?"


def test_fold_ignores_case_accents_and_punctuation() -> None:
    assert fold("Éclairs, of the North!") == "eclairs of the north"


def test_prose_is_a_note_and_parts_are_not() -> None:
    assert looks_like_note("The author spoke to the group in 2014.")
    assert not looks_like_note("Ilse Marrow, Lights of the North, Greyhaven Press, 1987")
