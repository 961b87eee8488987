"""Issue 19, point 12: short legacy Persian, UTF-16 without a BOM, a long internal DTD subset."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.ingest import extract

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"


def load(name: str) -> tuple[str, str, str]:
    extraction = extract((HOSTILE / name).read_bytes(), name)
    article = extraction.article
    assert article.source is not None
    return article.source.encoding, article.title, article.text


def test_a_few_lines_of_windows_1256_persian_are_read_as_persian() -> None:
    encoding, title, text = load("persian_cp1256_short.txt")
    assert encoding == "cp1256"
    assert title == "تاريخ بازار اصفهان"
    assert "\ufffd" not in text and "بازار بزرگ شهر" in text


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("french_cp1252_short.txt", "Le marché du port"),
        ("german_cp1252_short.txt", "Über den Hafen"),
    ],
)
def test_a_few_lines_of_western_windows_1252_stay_western(name: str, title: str) -> None:
    encoding, found, _ = load(name)
    assert encoding == "cp1252" and found == title


@pytest.mark.parametrize(
    ("name", "title", "phrase"),
    [
        ("utf16le_no_bom.txt", "The harbour ledger", "without a byte-order mark"),
        ("utf16be_no_bom_persian.txt", "دفتر بندر", "بدون نشانه ترتیب بایت"),
    ],
)
def test_utf16_without_a_byte_order_mark_is_text(name: str, title: str, phrase: str) -> None:
    encoding, found, text = load(name)
    assert encoding == "utf-16" and found == title and phrase in text


def test_an_internal_dtd_subset_longer_than_the_prescan_leaks_nothing() -> None:
    assert (HOSTILE / "long_internal_dtd.html").stat().st_size > 4096
    _, title, text = load("long_internal_dtd.html")
    assert title == "Long subset"
    assert text == "The body follows a DTD subset of more than four kilobytes."
