"""The pieces of a reference string: dates, identifiers, pages, names, segments."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits as ASCII digits."""
    return text.translate(_DIGITS)


def fold(text: str) -> str:
    """Lower-case words without accents or punctuation, for comparing names and titles."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(re.findall(r"\w+", plain))


MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
# Spelled out per month (first letter either case) rather than one IGNORECASE alternation of
# thirty names: the latter cost about 11 microseconds per note, the importer's hottest spot.
_MONTH = (
    r"\b(?P<month>[Jj]an(?:uary)?|[Ff]eb(?:ruary)?|[Mm]ar(?:ch)?|[Aa]pr(?:il)?|[Mm]ay|"
    r"[Jj]un(?:e)?|[Jj]ul(?:y)?|[Aa]ug(?:ust)?|[Ss]ep(?:t(?:ember)?)?|[Oo]ct(?:ober)?|"
    r"[Nn]ov(?:ember)?|[Dd]ec(?:ember)?|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC)\b\.?"
)
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_DATE_PATTERNS = (
    re.compile(r"(?P<iso>(?P<y>1[5-9]\d\d|20\d\d)-(?P<m>\d\d)(?:-(?P<d>\d\d))?)"),
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2}),?\s+" + _YEAR),
    re.compile(r"(?P<day>\d{1,2})\s+" + _MONTH + r",?\s+" + _YEAR),
    re.compile(_MONTH + r",?\s+" + _YEAR),
    re.compile(r"\(?" + _YEAR + r"\)?(?![\d/])"),
)
_ACCESSED = re.compile(
    r"[,.;]?\s*\(?(?:accessed|retrieved|viewed)(?: on)?\s+"
    r"(?P<date>[A-Za-z]+\.?\s+\d{1,2},\s*\d{4}|[^,;)]{4,30})\)?",
    re.I,
)
# Solar Hijri and Hijri years written in Persian or Arabic references.
_LOCAL_YEAR = re.compile(r"(?<![\d۰-۹٠-٩])(?P<year>[۱١1][۳٣34][۰-۹٠-٩0-9]{2})(?![\d۰-۹٠-٩])")


_ANY_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")


def _parse_date(text: str) -> tuple[dict[str, Any], re.Match[str]] | None:
    """The last date in ``text`` as a CSL date, with its match."""
    years = list(_ANY_YEAR.finditer(text))
    if not years:
        return None  # every pattern needs a year
    # Only the text around the last year can hold the date: scanning the whole note with the
    # month patterns (thirty case-folded alternatives at every position) was the importer's
    # hottest spot.
    last = years[-1]
    window = (max(0, last.start() - 24), min(len(text), last.end() + 6))
    for pattern in _DATE_PATTERNS:
        matches = list(pattern.finditer(text, *window))
        if not matches:
            continue
        match = matches[-1]
        groups = match.groupdict()
        if groups.get("iso"):
            parts = [int(groups["y"]), int(groups["m"])] + (
                [int(groups["d"])] if groups.get("d") else []
            )
        else:
            parts = [int(groups["year"])]
            if groups.get("month"):
                parts.append(MONTHS[groups["month"].lower().rstrip(".")])
                if groups.get("day"):
                    parts.append(int(groups["day"]))
        if len(parts) >= 2 and not 1 <= parts[1] <= 12:
            continue
        if len(parts) == 3 and not 1 <= parts[2] <= 31:
            continue
        return {"date-parts": [parts]}, match
    return None


def extract_date(text: str, item: dict[str, Any]) -> str:
    """Set ``issued`` (and ``accessed``) from the text; return the text without them."""
    lowered = text.lower()
    accessed = (
        _ACCESSED.search(text)
        if "accessed" in lowered or "retrieved" in lowered or "viewed" in lowered
        else None
    )
    if accessed:
        found = _parse_date(accessed.group("date"))
        if found:
            item["accessed"] = found[0]
        text = text[: accessed.start()] + text[accessed.end() :]
    ascii_text = to_ascii_digits(text)
    found = _parse_date(ascii_text)
    if found:
        item["issued"] = found[0]
        match = found[1]
        return (text[: match.start()] + text[match.end() :]).strip(" ,،.;")
    local = list(_LOCAL_YEAR.finditer(text))
    if local and re.search(r"[\u0600-\u06ff]", text):
        match = local[-1]
        item["issued"] = {"literal": to_ascii_digits(match.group("year"))}
        return (text[: match.start()] + text[match.end() :]).strip(" ,،.;")
    return text


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
    return re.sub(r"\s+", " ", text).strip(" ,،.;")


_VOLUME = re.compile(r"(?:\b(?:vol\.?|volume)|دوره|المجلد)\s*(?P<volume>\d+)", re.I)
_ISSUE = re.compile(r"(?:\b(?:no\.?|issue|nr\.?)|شماره|العدد)\s*(?P<issue>\d+)", re.I)
_VOL_NO = re.compile(r"\b(?P<volume>\d{1,4}),?\s+(?:no\.|issue)\s*(?P<issue>\d{1,4})", re.I)
_VOL_ISSUE = re.compile(r"\b(?P<volume>\d{1,4})\s*\((?P<issue>\d{1,3})\)")
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
    match = _PAGES_EXPLICIT.search(text) or _trailing_pages(text)
    if match:
        item["page"] = re.sub(r"\s*[-–]\s*", "–", match.group("page"))
        text = text[: match.start()] + text[match.end() :]
    return re.sub(r"\s*,\s*,", ",", text).strip(" ,،.;")


def _trailing_pages(text: str) -> re.Match[str] | None:
    """Bare page numbers at the very end ("..., 14-19.") that are not a year."""
    match = _PAGES.search(text)
    if match and not re.fullmatch(r"1[5-9]\d\d|20\d\d", match.group("page")):
        return match
    return None


_SEPARATOR = re.compile(r"\s*[,،]\s*")


def split_segments(text: str) -> list[str]:
    """Comma-separated parts (Persian comma too), tolerating missing spaces after commas."""
    return [s.strip(" .;:") for s in _SEPARATOR.split(text) if s.strip(" .;:")]


def clean_title(text: str) -> str:
    """A title without surrounding quotes, trailing commas or a trailing full stop."""
    title = text.strip().strip("“”\"«»‘’'").strip()
    title = title.rstrip(",،;:")
    if title.endswith(".") and not title.endswith(("..", "etc.")):
        title = title[:-1]
    return title.strip().strip("“”\"«»‘’'").strip()


_ORGANISATION = re.compile(
    r"\b(?:Associated Press|Reuters|Agence France|AFP|AP|BBC|UN|UNHCR|UNICEF|NATO|EU|"
    r"Agency|Organi[sz]ation|Committee|Office|Council|Institute|Department|Ministry|News|"
    r"Press|Foundation|Commission|Centre|Center|Board|Bureau|Service|Watch|International|"
    r"Association|Society|Union|Government|Parliament|Court|Bank|Fund|Authority|Network|"
    r"Group|Corporation|Company|Trust|Archive|Library|Museum|University|Record Office)\b"
    r"|^(?:وزارت|سازمان|خبرگزاری|مرکز|وكالة|وزارة|منظمة)\s",
)


def is_organisation(text: str) -> bool:
    """True when a name is an agency or organisation (kept whole, never split into names)."""
    return bool(_ORGANISATION.search(text.strip()))


_AND = re.compile(r"\s*(?:,?\s+and\s+|\s*&\s*|\s+و\s+|;\s*)\s*", re.I)
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


def parse_authors(text: str) -> list[dict[str, str]]:
    """CSL names from an author string: ``Surname, Given``, ``Given Surname``, several, et al."""
    text = text.strip(" ,،:;")
    if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text):
        text = text[:-1]
    text = re.sub(r"^(?:by|edited by|ed\.)\s+", "", text, flags=re.I)
    et_al = re.search(r",?\s*et al\.?$", text)
    if et_al:
        text = text[: et_al.start()]
    if not text or len(text) > 200:
        return []
    if is_organisation(text):
        return [{"literal": text}]
    names: list[dict[str, str]] = []
    for part in (p for p in _AND.split(text) if p):
        pieces = [p.strip() for p in re.split(r"[,،]", part) if p.strip()]
        while pieces:
            # "Surname, Given" or "Surname, J. K.": a one-word family name, then given names.
            if len(pieces) >= 2 and len(pieces[0].split()) == 1 and _given_like(pieces[1]):
                names.append(_inverted(pieces[0], pieces[1]))
                pieces = pieces[2:]
            else:
                names.append(_direct(pieces[0]))
                pieces = pieces[1:]
    if et_al:
        names.append({"literal": "et al."})
    return names


_INITIALS = re.compile(r"^(?:[A-Z]\.\s?-?)+$")


def _given_like(text: str) -> bool:
    words = text.split()
    if _ARABIC_SCRIPT.search(text):
        return len(words) <= 2
    return bool(_INITIALS.match(text)) or (
        1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
    )


def _inverted(family: str, given: str) -> dict[str, str]:
    if not given:
        return {"literal": family}
    return {"family": family, "given": given}


def _direct(name: str) -> dict[str, str]:
    words = name.split()
    if len(words) < 2 or _ARABIC_SCRIPT.search(name) or is_organisation(name):
        # Persian and Arabic names are kept whole: the family name is not reliably the last word.
        return {"literal": name}
    particle = len(words) - 1
    while particle > 1 and words[particle - 1].lower() in {
        "de",
        "van",
        "von",
        "der",
        "da",
        "di",
        "al",
        "bin",
        "ibn",
        "la",
        "le",
        "du",
    }:
        particle -= 1
    return {"family": " ".join(words[particle:]), "given": " ".join(words[:particle])}


_NOTE_OPENINGS = re.compile(
    r"^(?:the author|the writer|this|these|that|it|he|she|they|we|i|in an?|in the|for an?|for the|"
    r"note|as|at the time|according to|on |an earlier|a later|original|translation|emphasis)\b",
    re.I,
)
_CITATION_SIGNS = re.compile(
    r"https?://|www\.|doi|isbn|\b(?:1[5-9]\d\d|20\d\d)\b|[“«\"].{3,}[”»\"]|\bpp?\.\s*\d|"
    r"\bvol\.|\bPress\b|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d",
    re.I,
)


def looks_like_note(body: str) -> bool:
    """True for explanatory remarks that cite nothing."""
    segments = split_segments(body)
    words = body.split()
    arabic = _ARABIC_SCRIPT.search(body)
    if not arabic and len(segments) >= 3 and len(words) <= 18 and not _NOTE_OPENINGS.match(body):
        return False  # a list of bibliographic parts; no need to count the signs (the slow part)
    signs = len(_CITATION_SIGNS.findall(body))
    if arabic:
        has_year = bool(
            _LOCAL_YEAR.search(body)
            or re.search(r"\b(?:1[5-9]\d\d|20\d\d)\b", to_ascii_digits(body))
        )
        return not (has_year or "«" in body or len(segments) >= 3)
    if signs == 0 and len(segments) < 3:
        return True
    if _NOTE_OPENINGS.match(body) and signs <= 1:
        return True
    # A long sentence with few commas is prose, not a list of bibliographic parts.
    return len(words) > 18 and len(segments) <= 2 and signs <= 1
