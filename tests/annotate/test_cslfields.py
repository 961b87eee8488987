"""Reading values typed into a citation: variables, types, dates and names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from archivist.annotate.cslfields import (
    CitationInputError,
    Warnings,
    date_text,
    item_type,
    name_text,
    parse_date,
    parse_name,
    set_field,
    variable_name,
)


@pytest.mark.parametrize(
    ("typed", "date"),
    [
        ("2016-09-10", {"date-parts": [[2016, 9, 10]]}),
        ("2016-09", {"date-parts": [[2016, 9]]}),
        ("2016", {"date-parts": [[2016]]}),
        ("Spring 2016", {"date-parts": [[2016]], "season": 1}),
        ("2016-23", {"date-parts": [[2016]], "season": 3}),
        ("2016~", {"date-parts": [[2016]], "circa": True}),
        ("1598/1671", {"date-parts": [[1598], [1671]]}),
        ("n.d.", None),
    ],
)
def test_dates_as_typed(typed: str, date: object) -> None:
    warnings = Warnings()
    assert parse_date("issued", typed, warnings) == date
    assert not warnings.messages


def test_an_impossible_date_is_refused() -> None:
    with pytest.raises(CitationInputError, match="13 is not a month"):
        parse_date("issued", "2012-13-45", Warnings())
    with pytest.raises(CitationInputError, match="no day 30"):
        parse_date("issued", "2015-02-30", Warnings())


def test_a_season_alone_is_kept_as_text_with_a_warning() -> None:
    warnings = Warnings()
    assert parse_date("issued", "Spring", warnings) == {"literal": "Spring"}
    assert "kept as written" in warnings.messages[0]


def test_dates_read_back_as_typed() -> None:
    for typed in ("2016-09-10", "Spring 2016", "1598/1671", "2016~"):
        assert date_text(parse_date("issued", typed, Warnings())) == typed


def test_variable_names_follow_csl() -> None:
    assert variable_name("url") == "URL" and variable_name("container-title") == "container-title"
    with pytest.raises(CitationInputError, match="did you mean container-title"):
        variable_name("container_title")
    with pytest.raises(CitationInputError, match="not a CSL variable"):
        variable_name("colour")


def test_item_types() -> None:
    assert item_type("Article-Journal") == "article-journal"
    assert item_type("legal case") == "legal_case"
    with pytest.raises(CitationInputError, match="not a CSL item type"):
        item_type("novel")


def test_names_as_typed_and_back() -> None:
    warnings = Warnings()
    assert parse_name("author", "Marrow, Jane", warnings) == {"family": "Marrow", "given": "Jane"}
    assert parse_name("author", "=Harbour Board", warnings) == {"literal": "Harbour Board"}
    assert name_text({"family": "Marrow", "given": "Jane"}) == "Marrow, Jane"
    assert name_text({"literal": "Harbour Board"}) == "=Harbour Board"
    assert not warnings.messages
    assert parse_name("author", "Plato", warnings) == {"literal": "Plato"} and warnings.messages


def test_odd_values_are_stored_with_a_warning() -> None:
    item: dict[str, object] = {"title": "T"}
    warnings = Warnings()
    set_field(item, "page", "12–", warnings)
    set_field(item, "container-title", "<i>Tides</i> & Co", warnings)
    set_field(item, "title", "", warnings)
    assert item == {"page": "12–", "container-title": "<i>Tides</i> & Co"}
    assert len(warnings.messages) == 3


def test_an_overlong_field_is_refused() -> None:
    with pytest.raises(CitationInputError, match="at most"):
        set_field({}, "title", "x" * 10_000, Warnings())


def test_names_are_not_set_as_text() -> None:
    with pytest.raises(CitationInputError, match="--author"):
        set_field({}, "author", "Marrow, Jane", Warnings())


@given(st.text(max_size=60), st.sampled_from(["issued", "title", "page", "URL", "author"]))
def test_any_typed_value_is_stored_or_refused_with_a_message(value: str, variable: str) -> None:
    item: dict[str, object] = {}
    try:
        set_field(item, variable, value, Warnings())
    except CitationInputError as exc:
        assert str(exc)
    else:
        assert set(item) <= {variable}


@given(st.text(max_size=40))
def test_any_typed_name_is_read_or_refused_with_a_message(value: str) -> None:
    try:
        name = parse_name("author", value, Warnings())
    except CitationInputError as exc:
        assert str(exc)
    else:
        assert name.get("literal") or name.get("family")
