"""Names in reference strings: people as CSL family/given, organisations and agencies literal."""

from __future__ import annotations

import functools
import re

from archivist.ingest.refdates import has_arabic_script

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
    "School", "College", "Academy", "Laboratory", "Laboratories",
])  # fmt: skip
ORGANISATION_OPENINGS = frozenset([
    "وزارت", "سازمان", "خبرگزاری", "مرکز", "بنیاد", "دفتر", "وكالة", "وزارة", "منظمة", "مركز",
    "مؤسسة", "هيئة",
])  # fmt: skip
"""First words that make a Persian or Arabic name an organisation's (ministry, agency ...)."""
_WORD = re.compile(r"\w+")
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


PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "al", "el", "bin", "ibn", "la", "le"}
)
_JOINERS = frozenset({"and", "&", "و", "et", "al.", "al"})
_NAME_WORD = re.compile(
    r"^(?:[A-Z][\w'’.\-]*|[A-Z]\.|[\u0600-\u06ff\u200c]+|(?:al|el|ibn|bin)-\w+)$"
)


def name_like(text: str, *, max_words: int, allow_joiners: bool = False) -> bool:
    """True when every word is capitalised (or a particle, or Arabic script), within a count."""
    words = text.replace(",", " ").split()
    if not 1 <= len(words) <= max_words:
        return False
    for word in words:
        low = word.lower()
        if low in PARTICLES or (allow_joiners and low in _JOINERS):
            continue
        if not _NAME_WORD.match(word):
            return False
    return True


def surname_like(text: str) -> bool:
    """One family name, perhaps with particles or joined to a second by "and" / "&" / "و"."""
    parts = [p for p in _AND.split(text.strip()) if p]
    if not 1 <= len(parts) <= 3:
        return False
    for part in parts:
        words = [w for w in part.split() if w.lower() not in PARTICLES]
        if len(words) != 1 or not _NAME_WORD.match(words[0]) or words[0].endswith("."):
            return False
    return True


_FINAL_INITIAL = re.compile(r"\b[A-Z]\.$")
_LEADING_ROLE = re.compile(r"^(?:by|edited by|eds?\.)\s+", re.I)
_ET_AL = re.compile(r",?\s*(?:et al\.?|and others|و دیگران|وآخرون|و آخرون)$")
_ET_AL_ENDINGS = ("al", "al.", "others", "دیگران", "آخرون")
"""How every ending _ET_AL matches ends (a cheap test before the search)."""
_AND = re.compile(r"\s*(?:,?\s+and\s+|\s*&\s*|\s+و\s+|;\s*)\s*", re.I)


def parse_authors(text: str) -> list[dict[str, str]]:
    """CSL names from an author string: ``Surname, Given``, ``Given Surname``, several, et al."""
    return [dict(name) for name in _parsed_authors(text)]  # copies: callers may change them


@functools.lru_cache(maxsize=4096)  # an archive cites the same people again and again
def _parsed_authors(text: str) -> tuple[dict[str, str], ...]:
    text = text.strip(" ,،:;")
    if text.endswith(".") and not _FINAL_INITIAL.search(text):
        text = text[:-1]
    if text[:2].lower() in ("by", "ed"):
        text = _LEADING_ROLE.sub("", text, count=1)
    et_al = _ET_AL.search(text) if text.endswith(_ET_AL_ENDINGS) else None
    if et_al:
        text = text[: et_al.start()]
    if not text or len(text) > 200:
        return ()
    if is_organisation(text):
        return ({"literal": text},)
    names: list[dict[str, str]] = []
    lowered = text.lower()
    joined = "and" in lowered or "&" in text or "و" in text or ";" in text
    for part in (p for p in _AND.split(text) if p) if joined else (text,):
        pieces = [p.strip() for p in part.replace("،", ",").split(",") if p.strip()]
        while pieces:
            # "Surname, Given" or "Surname, J. K.": a one-word family name, then given names.
            if len(pieces) >= 2 and _family_like(pieces[0]) and _given_like(pieces[1]):
                names.append({"family": pieces[0], "given": pieces[1]})
                pieces = pieces[2:]
            else:
                names.append(_direct(pieces[0]))
                pieces = pieces[1:]
    if et_al:
        names.append({"literal": "et al."})
    return tuple(names)


_INITIALS = re.compile(r"^(?:[A-Z]\.\s?-?)+$")


def _family_like(text: str) -> bool:
    words = [w for w in text.split() if w.lower() not in PARTICLES]
    return len(words) == 1


def _given_like(text: str) -> bool:
    words = text.split()
    if has_arabic_script(text):
        return len(words) <= 2
    return bool(_INITIALS.match(text)) or (
        1 <= len(words) <= 3 and all(w[:1].isupper() for w in words)
    )


def _direct(name: str) -> dict[str, str]:
    words = name.split()
    if len(words) < 2 or has_arabic_script(name) or is_organisation(name):
        # Persian and Arabic names are kept whole: the family name is not reliably the last word.
        return {"literal": name}
    first_family = len(words) - 1
    while first_family > 1 and words[first_family - 1].lower() in PARTICLES:
        first_family -= 1
    return {"family": " ".join(words[first_family:]), "given": " ".join(words[:first_family])}
