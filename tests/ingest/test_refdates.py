"""Dates in reference strings: English, Persian and Arabic forms, Solar Hijri conversion."""

from __future__ import annotations

from typing import Any

import pytest

from archivist.ingest.references.dates import extract_date, has_year, jalali_to_gregorian
from archivist.text import to_ascii_digits

DATES: list[tuple[str, dict[str, Any]]] = [
    ("Harbour Weekly, September 10, 2016", {"date-parts": [[2016, 9, 10]]}),
    ("Harbour Weekly, Sept. 3, 2012", {"date-parts": [[2012, 9, 3]]}),
    ("Sea Letters, 12 January 2001", {"date-parts": [[2001, 1, 12]]}),
    ("Sea Letters, 3rd March 2015", {"date-parts": [[2015, 3, 3]]}),
    ("Coastal Review, May 2020", {"date-parts": [[2020, 5]]}),
    ("The Coastal Times, 2011-08-03", {"date-parts": [[2011, 8, 3]]}),
    ("Greyhaven Press, 1987", {"date-parts": [[1987]]}),
    ("جريدة الساحل، ١٥ مارس ٢٠١٦", {"date-parts": [[2016, 3, 15]]}),
    ("مجلة البحر، ٣ تشرين الأول ٢٠١٩", {"date-parts": [[2019, 10, 3]]}),
    ("روزنامه کرانه، ۱۲ اردیبهشت ۱۳۹۸", {"date-parts": [[2019, 5, 2]]}),
    ("روزنامه کرانه، ۵ ژوئن ۲۰۲۰", {"date-parts": [[2020, 6, 5]]}),
    ("روزنامه کرانه، اردیبهشت ۱۳۹۸", {"literal": "اردیبهشت 1398"}),
    ("نشر سپیده، ۱۳۹۰", {"literal": "1390"}),
]


@pytest.mark.parametrize(("text", "issued"), DATES)
def test_issued_date_is_read(text: str, issued: dict[str, Any]) -> None:
    item: dict[str, Any] = {}
    extract_date(text, item)
    assert item["issued"] == issued


def test_date_is_removed_from_the_text() -> None:
    item: dict[str, Any] = {}
    assert extract_date("Harbour Weekly, September 10, 2016.", item) == "Harbour Weekly"


def test_accessed_date_is_kept_apart_from_issued() -> None:
    item: dict[str, Any] = {}
    extract_date("Barge Quarterly, Sept. 3, 2012, accessed October 1, 2020", item)
    assert item["issued"] == {"date-parts": [[2012, 9, 3]]}
    assert item["accessed"] == {"date-parts": [[2020, 10, 1]]}


def test_impossible_day_is_not_a_date() -> None:
    item: dict[str, Any] = {}
    extract_date("Harbour Weekly, March 45, 2016", item)
    assert item["issued"] == {"date-parts": [[2016]]}


def test_text_without_a_year_sets_nothing() -> None:
    item: dict[str, Any] = {}
    assert extract_date("Harbour Weekly, page 12", item) == "Harbour Weekly, page 12"
    assert item == {}


@pytest.mark.parametrize(
    ("jalali", "gregorian"),
    [((1398, 1, 1), (2019, 3, 21)), ((1398, 2, 12), (2019, 5, 2)), ((1402, 12, 29), (2024, 3, 19))],
)
def test_solar_hijri_dates_convert(
    jalali: tuple[int, int, int], gregorian: tuple[int, int, int]
) -> None:
    assert jalali_to_gregorian(*jalali) == gregorian


def test_persian_and_arabic_digits_become_ascii() -> None:
    assert to_ascii_digits("ص ۱۲ و ٣٤") == "ص 12 و 34"


def test_has_year_sees_gregorian_and_hijri_years() -> None:
    assert has_year("Harbour Press, 1987") and has_year("نشر سپیده، ۱۳۹۰")
    assert not has_year("page 1234") and not has_year("Harbour Press, 88")
