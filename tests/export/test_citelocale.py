"""The locale an item is set in, and its terms."""

from __future__ import annotations

from archivist.export.citelocale import AR, EN_US, FA_IR, locale_for


def test_the_items_language_decides_then_its_script() -> None:
    assert locale_for({"language": "fa-IR"}) is FA_IR
    assert locale_for({"language": "ar"}) is AR
    assert locale_for({"language": "de", "title": "چه کسی"}) is EN_US
    assert locale_for({"title": "تاریخ بندرهای خلیج فارس"}) is FA_IR
    assert locale_for({"title": "موانئ الخليج"}) is AR
    assert locale_for({"title": "The Salt Roads"}) is EN_US


def test_persian_terms_and_fallbacks() -> None:
    assert FA_IR.term("accessed") == "دسترسی"
    assert FA_IR.term("editor", "verb") == "ویراسته\u200cی"
    assert FA_IR.term("no date", "short") == "بدون تاریخ"
    assert AR.term("translator", "short") == "ترجمة"  # no short form: the long one
    assert FA_IR.term("retrieved") == "retrieved"  # the locale file's own English
    assert EN_US.term("page", "short", plural=True) == "pp."
