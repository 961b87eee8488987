"""CSL dates read without trusting them, written in a locale's words."""

from __future__ import annotations

from archivist.export.citedates import When, month_day, read_date, text_date, year_text
from archivist.export.citelocale import AR, EN_US, FA_IR


def test_full_dates_by_locale() -> None:
    when = read_date({"date-parts": [[2016, 9, 10]]})
    assert text_date(when, EN_US) == "September 10, 2016"
    assert text_date(when, EN_US, short_months=True) == "10 Sept. 2016"
    assert text_date(when, FA_IR) == "10 سپتامبر 2016"
    assert text_date(when, AR) == "10 سبتمبر، 2016"
    assert month_day(when, EN_US) == "September 10"


def test_seasons_from_the_season_field_or_months_13_to_16() -> None:
    assert text_date(read_date({"date-parts": [[2001]], "season": 1}), EN_US) == "Spring 2001"
    assert text_date(read_date({"date-parts": [[2019, 16]]}), EN_US) == "Winter 2019"


def test_parts_that_are_no_date_are_dropped() -> None:
    assert read_date({"date-parts": [[2012, 13, 45]]}) == When(2012, season=1)
    assert read_date({"date-parts": [[2012, 2, 45]]}) == When(2012, 2)
    assert read_date({"raw": "2012-13-45"}) == When(2012)
    assert read_date({"raw": "Spring"}) == When(literal="Spring")
    assert read_date({"date-parts": [["x"]]}).empty
    assert read_date("2012").empty


def test_literal_dates_and_ranges_are_kept_as_written() -> None:
    assert year_text(read_date({"literal": "۱۳۹۸"})) == "۱۳۹۸"
    assert year_text(read_date({"date-parts": [[2006], [2007]]})) == "2006–2007"
    assert read_date({"date-parts": [[1850]], "circa": True}).circa
