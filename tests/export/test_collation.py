"""Sort keys in citeproc-js's order."""

from __future__ import annotations

from archivist.export.collation import collation_key as key


def test_words_end_before_letters_follow() -> None:
    assert key("Coast Monthly") < key("Coastal Press Agency")


def test_case_accents_and_punctuation_do_not_count() -> None:
    assert key("Duchêne") == key("duchene")
    assert key("Bell-Ringing Practice") < key("Bells Ring")
    assert key("O’Brien") == key("OBrien")


def test_numbers_compare_as_numbers_before_letters() -> None:
    assert key("vol 9") < key("vol 10") < key("vol a")


def test_latin_before_arabic_script_persian_letters_beside_their_neighbours() -> None:
    assert key("Zeller") < key("احمدی")
    assert key("بهار") < key("پاییز") < key("تابستان")
