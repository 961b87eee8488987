"""The pieces of a reference string: identifiers, volume and pages, segments, titles, notes."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from archivist.ingest.refdates import has_arabic_script, has_year, to_ascii_digits


def fold(text: str) -> str:
    """Lower-case words without accents or punctuation, for comparing names and titles."""
    if text.isascii():
        return " ".join(_WORD.findall(text.lower()))
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(plain))


def fold_words(text: str) -> list[str]:
    """The words of ``fold(text)``."""
    if text.isascii():
        return _WORD.findall(text.lower())  # what fold() joins, without joining and splitting
    return fold(text).split()


_WORD = re.compile(r"\w+")
_DOUBLE_COMMA = re.compile(r"\s*,\s*,")
_COMMA_PAIR = re.compile(r",\s*,")
_WHITESPACE_RUN = re.compile(r"\s\s")
_YEAR_ONLY = re.compile(r"1[5-9]\d\d|20\d\d")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"”»]+", re.I)
_DOI = re.compile(
    r"(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?(?P<doi>10\.\d{4,9}/[^\s,;\"”»]+)", re.I
)
_ISBN = re.compile(r"ISBN(?:-1[03])?:?\s*(?P<isbn>[\d\-Xx ]{10,17}[\dXx])", re.I)


def extract_identifiers(text: str, item: dict[str, Any]) -> str:
    """Set DOI, ISBN and URL; return the text without them."""
    # Substring tests first: most notes have none of these, and each regex costs microseconds.
    lowered = text.lower()
    doi = _DOI.search(text) if "10." in text else None
    if doi:
        item["DOI"] = doi.group("doi").rstrip(".")
        text = text[: doi.start()] + text[doi.end() :]
    isbn = _ISBN.search(text) if "isbn" in lowered else None
    if isbn:
        item["ISBN"] = re.sub(r"[\s-]", "", isbn.group("isbn"))
        text = text[: isbn.start()] + text[isbn.end() :]
    url = _URL.search(text) if "http" in lowered or "www." in lowered else None
    if url:
        item["URL"] = url.group(0).rstrip(".,;)")
        text = text[: url.start()] + text[url.end() :]
    return " ".join(text.split()).strip(" ,،.;")


_VOLUME = re.compile(r"(?:\b(?:vol\.?|volume)|دوره|المجلد)\s*(?P<volume>\d+)", re.I)
_ISSUE = re.compile(r"(?:\b(?:no\.?|issue|nr\.?)|شماره|العدد)\s*(?P<issue>\d+)", re.I)
_VOL_NO = re.compile(r"\b(?P<volume>\d{1,4}),?\s+(?:no\.|issue)\s*(?P<issue>\d{1,4})", re.I)
_VOL_ISSUE = re.compile(r"\b(?P<volume>\d{1,4})\s*\((?P<issue>\d{1,3})\)")
# "Marine Policy 45 (2018): 12-19": a journal's volume just before its year in brackets.
_VOL_YEAR = re.compile(
    r"(?<=[^\W\d_])\.?\s+(?P<volume>\d{1,4})(?=\s*\((?:[A-Za-z]+\.?\s+)?(?:1[5-9]\d\d|20\d\d)\))"
)
_PAGES = re.compile(
    r"(?:\b(?:pp?\.|pages?)\s*|[:,]\s*)(?P<page>\d{1,5}(?:\s*[-–]\s*\d{1,5})?)\s*\.?\s*$", re.I
)
_PAGES_EXPLICIT = re.compile(r"\b(?:pp?\.|pages?)\s*(?P<page>\d{1,5}(?:\s*[-–]\s*\d{1,5})?)", re.I)


def extract_pages(text: str, item: dict[str, Any]) -> str:
    """Set volume, issue and page; return the text without them."""
    digits = to_ascii_digits(text)  # one for one, so offsets in ``digits`` hold in ``text``
    lowered = digits.lower()
    wanted = (
        ("no." in lowered or "issue" in lowered, _VOL_NO),
        ("(" in digits, _VOL_ISSUE),
        ("(" in digits, _VOL_YEAR),
        ("vol" in lowered or "دوره" in digits or "المجلد" in digits, _VOLUME),
        (
            "no" in lowered
            or "issue" in lowered
            or "nr" in lowered
            or "شماره" in digits
            or "العدد" in digits,
            _ISSUE,
        ),
    )
    for present, pattern in wanted:
        match = pattern.search(digits) if present else None
        if match:
            for key, value in match.groupdict().items():
                if value and key not in item:
                    item[key] = value
            text = text[: match.start()] + text[match.end() :]
            digits = digits[: match.start()] + digits[match.end() :]
    lowered = text.lower()
    explicit = "p." in lowered or "page" in lowered
    match = (_PAGES_EXPLICIT.search(text) if explicit else None) or _trailing_pages(text)
    if match:
        item["page"] = re.sub(r"\s*[-–]\s*", "–", match.group("page"))
        text = text[: match.start()] + text[match.end() :]
    if _COMMA_PAIR.search(text):  # a literal first character: a fast test for the sub's case
        text = _DOUBLE_COMMA.sub(",", text)
    return text.strip(" ,،.;")


def _trailing_pages(text: str) -> re.Match[str] | None:
    """Bare page numbers at the very end ("..., 14-19.") that are not a year."""
    end = text.rstrip()
    end = end[:-1].rstrip() if end.endswith(".") else end
    if not end[-1:].isdigit():
        return None  # the search below tries every position: only run it when it can match
    before = end.rstrip("0123456789")
    run = end[len(before) :]
    if _YEAR_ONLY.fullmatch(run) and not before[-1:].isdigit() and before.rstrip()[-1:] not in "-–":
        # A year ends the note (no range, no longer number): it is all a match could take as
        # the page, and a year is never taken as one.
        return None
    # A match ends the text and, with single spaces, spans under 30 characters: search the
    # tail only, unless whitespace runs there (a run may be long; then search everything).
    start = len(text) - 40
    whole = start <= 0 or _WHITESPACE_RUN.search(text, start - 1) is not None
    match = _PAGES.search(text, 0 if whole else start)
    if match and not _YEAR_ONLY.fullmatch(match.group("page")):
        return match
    return None


_SEPARATOR = re.compile(r"\s*[,،]\s*")


def split_segments(text: str) -> list[str]:
    """Comma-separated parts (Persian comma too), tolerating missing spaces after commas."""
    if text[:1].isspace() or text[-1:].isspace():
        pieces = _SEPARATOR.split(text)  # keeps the whitespace at the two ends, as it must
        return [segment for piece in pieces if (segment := piece.strip(" .;:"))]
    # The same split, several times faster: the regex, which cannot start with a literal, was
    # tried at every character of every note.
    pieces = text.replace("،", ",").split(",")
    return [segment for piece in pieces if (segment := piece.strip().strip(" .;:"))]


def clean_title(text: str) -> str:
    """A title without surrounding quotes, trailing commas or a trailing full stop."""
    title = text.strip().strip("“”\"«»‘’'").strip()
    title = title.rstrip(",،;:")
    if title.endswith(".") and not title.endswith(("..", "etc.")):
        title = title[:-1]
    return title.strip().strip("“”\"«»‘’'").strip()


_NOTE_OPENINGS = re.compile(
    r"^(?:the author|the writer|this|these|that|it|he|she|they|we|i|in|for an?|for the|"
    r"note|as|at the time|according to|on |an earlier|a later|original|translation|emphasis)\b",
    re.I,
)
_CITATION_SIGNS = re.compile(
    r"https?://|www\.|doi|isbn|\b(?:1[5-9]\d\d|20\d\d)\b|[“«\"].{3,}[”»\"]|\bpp?\.\s*\d|"
    r"\bvol\.|\bPress\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d",
    re.I,
)


_PERSIAN_VERB_END = re.compile(
    r"(?:است|بود|شد|کرد|کردند|کرده|دارد|داشت|گفت|نیست|باشد|می‌شود|شده|اند|ایم|كان|قال|ذكر)"
    r"[.!؟]?$"
)


def looks_like_note(body: str) -> bool:
    """True for explanatory remarks that cite nothing."""
    segments = split_segments(body)
    words = body.split()
    if has_arabic_script(body):
        if "«" in body or len(segments) >= 3:
            return False
        # A Persian or Arabic sentence ending on a verb is prose, whatever year it names.
        if len(segments) <= 1 or _PERSIAN_VERB_END.search(body.rstrip(" .")):
            return True
        return not has_year(body)
    if len(segments) >= 3 and len(words) <= 18 and not _NOTE_OPENINGS.match(body):
        return False  # a list of bibliographic parts; no need to count the signs (the slow part)
    signs = len(_CITATION_SIGNS.findall(body))
    if signs == 0 and len(segments) < 3:
        return True
    if _NOTE_OPENINGS.match(body) and signs <= 1:
        return True
    # A long sentence with few commas is prose, not a list of bibliographic parts.
    return len(words) > 18 and len(segments) <= 2 and signs <= 1
