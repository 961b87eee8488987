"""Page ranges by style: CMOS 9.64 (chicago-16), MLA 9 (minimal-two), APA (expanded)."""

from __future__ import annotations

import pytest

from archivist.export.pages import is_numeric, is_plural, page_range


@pytest.mark.parametrize(
    ("pages", "chicago"),
    [
        ("3-10", "3–10"),
        ("71-72", "71–72"),
        ("96-117", "96–117"),
        ("100-104", "100–104"),
        ("1100-1113", "1100–1113"),
        ("101-108", "101–8"),
        ("808-833", "808–33"),
        ("1002-1006", "1002–6"),
        ("321-328", "321–28"),
        ("498-532", "498–532"),
        ("1087-1089", "1087–89"),
        ("1496-1500", "1496–500"),
        ("11564-11615", "11564–615"),
        ("12991-13001", "12991–3001"),
    ],
)
def test_chicago_abbreviates_by_cmos_9_64(pages: str, chicago: str) -> None:
    assert page_range(pages, "chicago-16") == chicago


def test_mla_keeps_at_least_two_digits_and_apa_all() -> None:
    assert page_range("321–328", "minimal-two") == "321–28"
    assert page_range("100-104", "minimal-two") == "100–04"
    assert page_range("5-9", "minimal-two") == "5–9"
    assert page_range("321-8", "expanded") == "321–328"
    assert page_range("101–8", "expanded") == "101–108"


def test_a_range_the_source_abbreviated_is_read_in_full_first() -> None:
    assert page_range("1496-504", "expanded") == "1496–1504"
    assert page_range("321-8", "chicago-16") == "321–28"


def test_what_is_not_a_plain_number_is_kept() -> None:
    assert page_range("B2", "expanded") == "B2"
    assert page_range("e0123456", "chicago-16") == "e0123456"
    assert page_range("۲۳–۴۵", "expanded") == "۲۳-۴۵"
    assert page_range("12-19, 24-8", "expanded") == "12–19, 24–28"


def test_numbers_and_plurals_as_csl_reads_them() -> None:
    assert is_numeric("12") and is_numeric("2019-04") and is_numeric("3a")
    assert not is_numeric("CS-112") and not is_numeric("۴")
    assert is_plural("45-47") and not is_plural("45")
