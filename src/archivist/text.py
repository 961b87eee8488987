"""What Archivist knows of scripts and text, each fact defined once.

Below ingest, archive and export alike (it imports nothing of the project): which letters are
Arabic script, which way a text reads, Persian and Arabic-Indic digits, folding for comparison
(case, accents, punctuation, Arabic and Persian letter forms), shortening a text to one line,
and the words that make a name an organisation's.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# --- scripts and direction ------------------------------------------------------------------

ARABIC_LETTERS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
"""The Arabic-script blocks as a character-class body: Arabic, its supplement and extended-A,
and the presentation forms (what shaping produces and what some old pages hold)."""
ARABIC_SCRIPT = re.compile(f"[{ARABIC_LETTERS}]")
RTL_LANGUAGES = frozenset({"fa", "ar", "ur", "ps", "ckb", "he", "yi", "dv"})
"""Languages written right to left, by their ISO 639 codes."""
_STRONG_RTL = re.compile(r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
_STRONG_LTR = re.compile(r"[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]")


def has_arabic_script(text: str) -> bool:
    """True when the text has an Arabic-script letter (Persian, Arabic, Urdu ...)."""
    # The ASCII test runs at memory speed; most notes and names are ASCII.
    return not text.isascii() and ARABIC_SCRIPT.search(text) is not None


def is_rtl(text: str) -> bool:
    """True when the first strongly directional letter is right-to-left (Unicode rule P2)."""
    rtl = _STRONG_RTL.search(text)
    if rtl is None:
        return False
    ltr = _STRONG_LTR.search(text)
    return ltr is None or rtl.start() < ltr.start()


def reads_right_to_left(language: str | None, sample: str) -> bool:
    """Whether a text reads right to left: by its language when known, else by its letters
    (more right-to-left letters than Latin ones in ``sample``)."""
    if language:
        return language.split("-")[0].lower() in RTL_LANGUAGES
    rtl = len(_STRONG_RTL.findall(sample))
    latin = sum(1 for c in sample if c.isascii() and c.isalpha())
    return rtl > latin


# --- digits ---------------------------------------------------------------------------------

DIGITS = "0-9۰-۹٠-٩"
"""ASCII, Persian and Arabic-Indic digits as a character-class body."""
_PERSIAN_ZERO, _ARABIC_ZERO = "۰", "٠"
_TO_ASCII = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def to_ascii_digits(text: str) -> str:
    """Persian and Arabic-Indic digits as ASCII digits (one for one, so offsets hold)."""
    # str.translate walks the string in Python-level lookups; ASCII text has nothing to do.
    return text if text.isascii() else text.translate(_TO_ASCII)


def digits_as_in(text: str, sample: str) -> str:
    """``text``'s ASCII digits written as ``sample`` writes its own: Persian digits if it has
    any, else Arabic-Indic ones if it has any, else unchanged."""
    for zero in (_PERSIAN_ZERO, _ARABIC_ZERO):
        if any(zero <= ch <= chr(ord(zero) + 9) for ch in sample):
            return text.translate({ord("0") + n: ord(zero) + n for n in range(10)})
    return text


# --- folding --------------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


def fold_case(text: str) -> str:
    """Case-folded without accents (``Müller`` → ``muller``, ``Straße`` → ``strasse``),
    punctuation kept."""
    lowered = text.casefold()
    if lowered.isascii():
        return lowered
    decomposed = unicodedata.normalize("NFKD", lowered)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold_words(text: str) -> list[str]:
    """The words of a text, lower case, without accents or punctuation, for comparing names
    and titles (``“Salt, Roads”`` → ``["salt", "roads"]``)."""
    return _WORD.findall(fold_case(text))


def fold(text: str) -> str:
    """``fold_words`` joined by single spaces: a key under which spellings of a name meet."""
    return " ".join(fold_words(text))


def fold_persian(text: str) -> str:
    """Arabic yeh and kaf as their Persian forms, without zero-width non-joiners, so that the
    two spellings of a Persian word compare equal."""
    return text.replace("ي", "ی").replace("ك", "ک").replace("\u200c", "").replace("ى", "ی")


# --- shortening -----------------------------------------------------------------------------


def one_line(text: str, width: int = 60) -> str:
    """The text on one line (whitespace runs made single spaces), cut to ``width`` characters
    with an ellipsis when longer."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1] + "…"


# --- organisations --------------------------------------------------------------------------

# Words that make a name an organisation's. Looked up in the set of the name's words, which
# is what a search for any of them between word boundaries amounts to, several times faster.
ORGANISATION_WORDS = frozenset([
    "Reuters", "AFP", "AP", "BBC", "UN", "UNHCR", "UNICEF", "NATO", "EU", "IRNA", "ISNA", "Agency",
    "Organisation", "Organization", "Committee", "Office", "Council", "Institute", "Department",
    "Ministry", "News", "Press", "Foundation", "Commission", "Centre", "Center", "Board", "Bureau",
    "Service", "Watch", "International", "Association", "Society", "Union", "Government",
    "Parliament", "Court", "Bank", "Fund", "Authority", "Network", "Group", "Corporation",
    "Company", "Trust", "Archive", "Library", "Museum", "University", "Nations", "Programme",
    "Program", "Secretariat", "Embassy", "Forum", "Coalition", "Alliance", "County", "Borough",
    "Municipality", "Province", "Directorate", "Engineer", "Engineers", "Observatory", "Hospital",
    "School", "College", "Academy", "Laboratory", "Laboratories", "Ltd", "Inc", "Corp", "GmbH",
    "LLC", "Co", "Plc", "PLC", "Team", "Staff", "Editors", "Editorial", "Institut",
    "Ministerium", "Bundesamt", "Verein", "Stiftung", "Ministère", "Conseil", "Comité",
    "Gesellschaft", "Ministerio", "Instituto", "Consejo", "Universidad", "Université",
    "Universität", "Agentur", "Agence", "Bundesministerium", "Federal", "National", "Statistics",
    "Census", "Parliamentary", "Senate", "Congress", "Assembly",
])  # fmt: skip
ORGANISATION_OPENINGS = frozenset([
    "وزارت", "سازمان", "خبرگزاری", "مرکز", "بنیاد", "دفتر", "وكالة", "وزارة", "منظمة", "مركز",
    "مؤسسة", "هيئة",
])  # fmt: skip
"""First words that make a Persian or Arabic name an organisation's (ministry, agency ...)."""
_AGENCE_FRANCE = re.compile(r"\bAgence France\b")
# News agencies and broadcasters: what they sign is news, not a report.
_NEWS_AGENCY = re.compile(
    r"\b(?:Associated Press|AP|Reuters|AFP|Agence France[- ]Presse|BBC|CNN|Al Jazeera|"
    r"Xinhua|Anadolu|IRNA|ISNA|Fars|Tasnim|Mehr|News|Newswire|Press Agency|Wire)\b"
    r"|^(?:خبرگزاری|وكالة)\s",
)


@functools.lru_cache(maxsize=4096)  # the same names come back in note after note
def is_organisation(text: str) -> bool:
    """True when a name is an agency or organisation (kept whole, never split into names)."""
    text = text.strip()
    if not ORGANISATION_WORDS.isdisjoint(_WORD.findall(text)):
        return True
    if "Agence France" in text and _AGENCE_FRANCE.search(text):
        return True
    opening = text.split(None, 1)
    return len(opening) == 2 and opening[0] in ORGANISATION_OPENINGS


def is_news_agency(text: str) -> bool:
    """True for news agencies and broadcasters (AP, Reuters, AFP, BBC, خبرگزاری ...)."""
    return bool(_NEWS_AGENCY.search(text.strip()))
