"""Commentary told from citation: a remark gets no CSL item."""

from __future__ import annotations

import pytest

from archivist.ingest.references import parse_reference

NOTES = [
    "The author spoke to the group in 2014.",
    "See the discussion above.",
    "This figure includes seasonal workers, who were not counted before the reform of the port.",
    "Emphasis added.",
    "In an earlier version of this article the date of the strike was given wrongly.",
    "نویسنده این گفت‌وگو را در تابستان انجام داده است.",
    "Translation by the author.",
    "This was confirmed by two officials who asked not to be named.",
    "نویسنده در سال ۱۳۹۵ با او گفت‌وگو کرد.",
    "این نکته در بخش دوم توضیح داده شده است.",
    "وقد أكد ذلك مسؤول في الميناء عام ٢٠١٥.",
    "In 2016, the port handled three million tonnes.",
    "",
]


@pytest.mark.parametrize("text", NOTES)
def test_explanatory_notes_cite_nothing(text: str) -> None:
    parsed = parse_reference(text)
    assert parsed.kind == "note" and parsed.csl is None and parsed.back is None


def test_commentary_gets_no_item() -> None:
    parsed = parse_reference(
        "The harbour master later withdrew this figure, which had been given to the council twice."
    )
    assert parsed.kind == "note" and parsed.csl is None
