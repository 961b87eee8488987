"""The importer's fast paths give exactly what the plain regular expressions they replace give.

Each shortcut (a cheap test before a search, a string split instead of a regex split, a
pattern rewritten to start with a character class) is checked against the straightforward
form on generated text rich in the characters that matter: digits, commas, brackets, spaces.
"""

from __future__ import annotations

import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from archivist.ingest.formats import textblocks
from archivist.ingest.notes.textnotes import _ENTRY, SUPERSCRIPT_DIGITS, Entry, parse_entry
from archivist.ingest.references import backrefs
from archivist.ingest.references import dates as refdates
from archivist.ingest.references.names import _AND
from archivist.ingest.text import decode
from archivist.ingest.text.furniture import _TRIGGER, is_trigger
from archivist.ingest.text.textmeta import ascii_digits, fold_arabic

ALPHABET = st.sampled_from(
    list("aAbpPgeJjnMmyrsd ,،.:;-–()[]\t\n")
    + list("0123456789")
    + list("¹²³۱۲٣")
    + ["19", "20", "1953", "2016", "pp. ", "page ", "Jan ", "March ", "  ", " and ", "&", "و"]
)
TEXT = st.lists(ALPHABET, max_size=40).map("".join)
LONG_TEXT = st.lists(ALPHABET, max_size=120).map("".join)

_OLD_LONE_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")


@settings(max_examples=400)
@given(TEXT)
def test_lone_year_pattern_matches_as_the_lookbehind_form(text: str) -> None:
    old, new = _OLD_LONE_YEAR.search(text), refdates._LONE_YEAR.search(text)
    assert (old and old.span()) == (new and new.span())


@settings(max_examples=600)
@given(LONG_TEXT)
def test_last_year_from_the_end_is_the_forward_scans_last(text: str) -> None:
    last = refdates._last(refdates._ANY_YEAR, text, (0, len(text)))
    assert refdates._last_any_year(text) == (last and last.span())


@settings(max_examples=600)
@given(LONG_TEXT, st.integers(0, 130), st.integers(0, 130))
@example("Greyhaven Press (1953), 12", 0, 200)
@example("(1953)", 1, 6)
@example("19531954 (2016/", 0, 200)
def test_last_bare_year_from_the_end_is_the_forward_scans_last(
    text: str, start: int, end: int
) -> None:
    window = (min(start, len(text)), min(max(start, end), len(text)))
    last = refdates._last(refdates._BARE_YEAR, text, window)
    expected = last and ({"date-parts": [[int(last["year"])]]}, last.span())
    assert refdates._last_bare_year(text, window) == expected


@settings(max_examples=400)
@given(LONG_TEXT)
def test_markers_in_ascii_text_are_found_as_the_full_pattern_finds_them(text: str) -> None:
    expected = [(m.span(), m.groups()) for m in textblocks.MARKER.finditer(text)]
    found = [(m.span(), m.groups()) for m in textblocks.find_markers(text)]
    assert found == expected


@settings(max_examples=300)
@given(TEXT)
def test_and_split_precheck_keeps_the_split(text: str) -> None:
    lowered = text.lower()
    joined = "and" in lowered or "&" in text or "و" in text or ";" in text
    if not joined:
        assert _AND.split(text) == [text]


@settings(max_examples=300)
@given(st.sampled_from(["[3] Ibid.", "«previous", "← previous post", "3 comments", "Share"]), TEXT)
def test_trigger_precheck_keeps_every_trigger(start: str, rest: str) -> None:
    line = start + rest
    assert is_trigger(line) == (len(line) <= 200 and _TRIGGER.match(fold_arabic(line)) is not None)


@settings(max_examples=400)
@given(
    st.sampled_from(["Marrow", "(Marrow", "Ilse Marrow", "Marrow and Feld", "Marrow et al."]),
    st.sampled_from(["", ",", " ,"]),
    TEXT,
)
def test_author_date_shape_test_never_skips_a_match(name: str, comma: str, rest: str) -> None:
    body = name + comma + " " + rest
    if backrefs._AUTHOR_DATE.match(body):
        assert backrefs._author_date_shaped(body)


# Printable, ASCII and not, beside what is dropped or kept although not printable: a no-break
# space, joiners, bidi controls, C0 and C1 controls, emoji, tags, private use, unassigned, BOM.
CLEAN_TEXT_CHARS = [*"ab \n\t»“”", "\xa0", "\u200c", "\u200b", "\u202e", "\x07", "\x85"]
CLEAN_TEXT_CHARS += ["😀", "\U000e0001", "\ue000", "\u0378", "\ufeff"]


@settings(max_examples=400)
@given(st.lists(st.sampled_from(CLEAN_TEXT_CHARS), max_size=60).map("".join))
def test_clean_text_line_by_line_is_the_whole_text_regex(text: str) -> None:
    text += "»"  # not ASCII: the regex path
    whole = decode._control_pattern().sub(decode._drop_controls, text)
    assert decode.clean_text(text) == unicodedata.normalize("NFC", whole)


@settings(max_examples=400)
@given(TEXT)
def test_entry_precheck_never_skips_an_entry(text: str) -> None:
    if _ENTRY.match(text):
        assert text[:1] == "[" or text[:1].isdigit()


def _entry_by_pattern(text: str) -> Entry | None:
    """parse_entry as the plain regular expression gives it."""
    match = _ENTRY.match(text)
    if match is None:
        return None
    index = next(i for i, group in enumerate(match.groups()) if group is not None)
    number = ascii_digits(match.group(index + 1).translate(SUPERSCRIPT_DIGITS))
    rest = text[match.end() :].lstrip()
    if not rest or int(number) == 0:
        return None
    return Entry(str(int(number)), ("bracket", "dot", "superscript", "dash")[index], rest)


@settings(max_examples=1500)
@given(st.lists(st.sampled_from([*"[] 0123456789.)-–x", "¹²", "۱۲", "٣", "12345"]), max_size=14))
def test_entry_fast_path_is_the_pattern(parts: list[str]) -> None:
    for text in ("".join(parts), "[" + "".join(parts)):  # the bracket form is the common one
        assert parse_entry(text) == _entry_by_pattern(text)
