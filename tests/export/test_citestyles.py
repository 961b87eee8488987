"""The style entry points: names and aliases, escaping, Persian and Arabic items."""

from __future__ import annotations

import pytest

from archivist.export.citestyles import STYLES, Cite, UnknownStyleError, citation, entry, style_id

PERSIAN = {
    "type": "chapter",
    "title": "قنات‌های یزد",
    "author": [{"literal": "حسین کریمی"}],
    "editor": [{"literal": "مریم احمدی"}],
    "container-title": "آب در ایران",
    "URL": "https://example.ir/q",
    "accessed": {"date-parts": [[2024, 3, 5]]},
    "language": "fa",
}


def test_style_aliases_name_the_four_styles() -> None:
    assert style_id(None) == "chicago-notes-bibliography"
    assert style_id("MLA") == "modern-language-association"
    assert style_id("chicago-notes") == style_id("chicago") == "chicago-notes-bibliography"
    assert style_id("chicago-author-date-17th-edition") == "chicago-author-date"


def test_unknown_style_is_a_user_error() -> None:
    with pytest.raises(UnknownStyleError, match="unknown citation style 'harvard'"):
        style_id("harvard")


def test_markup_escapes_fields() -> None:
    item = {"type": "book", "title": "AT&T <font name=x>", "publisher": "P"}
    made = entry(item, "chicago")
    assert made is not None
    assert "<i>AT&amp;T &lt;font name=x&gt;</i>" in made.markup()


def test_a_span_of_years_is_printed_as_a_range_in_every_style() -> None:
    item = {
        "type": "document",
        "title": "Brennick Parish Accounts",
        "container-title": "County archive",
        "issued": {"date-parts": [[1598], [1671]]},
    }
    for style in STYLES:
        made = entry(item, style)
        assert made is not None and "1598–1671" in made.plain(), style


def test_a_persian_item_takes_persian_labels_and_punctuation() -> None:
    made = entry(PERSIAN, "chicago")
    assert made is not None
    text = made.plain()
    assert "در *" not in text and text.startswith("حسین کریمی. “قنات‌های یزد.” در آب در ایران، ")
    assert "ویراسته‌ی مریم احمدی" in text and "دسترسی 5 مارس 2024" in text
    assert "," not in text.replace("https://", "")


def test_persian_no_date_term_in_author_date() -> None:
    made = entry(PERSIAN, "chicago-author-date")
    assert made is not None and made.plain().startswith("حسین کریمی. بدون تاریخ.")


def test_a_note_cites_the_page_given() -> None:
    book = {
        "type": "book",
        "title": "the salt roads",
        "author": [{"family": "Marrow", "given": "Ilse"}],
        "publisher": "Calder Press",
        "issued": {"date-parts": [[2016]]},
    }
    first = citation(book, "chicago", Cite("first", "12"))
    later = citation(book, "chicago", Cite("subsequent", "45–47"))
    assert first.plain() == "Ilse Marrow, The Salt Roads (Calder Press, 2016), 12."
    assert later.plain() == "Marrow, The Salt Roads, 45–47."
    assert citation(book, "apa", Cite("first", "12")).plain() == "(Marrow, 2016, p. 12)"
    assert citation(book, "mla", Cite("first", "12")).plain() == "(Marrow 12)"
    assert citation(book, "chicago-author-date", Cite("first", "12")).plain() == "(Marrow 2016, 12)"
