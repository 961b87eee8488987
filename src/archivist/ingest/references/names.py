"""Names in reference strings: people as CSL family/given, organisations and agencies literal."""

from __future__ import annotations

import functools
import re

from archivist.text import has_arabic_script, is_organisation

PARTICLES = frozenset(
    {"de", "van", "von", "der", "den", "da", "di", "du", "al", "el", "bin", "ibn", "la", "le"}
    | {"del", "della", "dos", "das", "do", "ten", "ter", "vom", "zu", "zum", "zur", "y", "abu"}
    | {"st.", "d'", "l'", "ben"}
)
SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "jun.", "sen."})
_ROLE_BEFORE = re.compile(
    r"^(?:by|edited by|ed\.|eds\.|edd\.|in:?|trans\.|translated by|transl\.|hrsg\.(?: v(?:on|\.))?|"
    r"hg\.(?: v(?:on|\.))?|herausgegeben von|übers\.(?: v(?:on|\.))?|übersetzt von|éd\.|dir\.|"
    r"sous la direction de|a cura di|ed\. by|compiled by|with|mit|avec|"
    r"ترجمه(?:ٔ|‌ی)?:?|ترجمة:?|تعريب:?|مترجم:?|به کوشش|به اهتمام|تصحیح:?|ویراست(?:هٔ|ه):?|"
    r"زیر نظر|تحقيق:?|تح:|إعداد:?|مراجعة:?)\s+",
    re.I,
)
_ROLE_AFTER = re.compile(
    r"[\s,،]*(?:\((?:eds?|edd|hrsg|hg|dir|éds?|coords?|comps?|trans|orgs?)\.?\)|"
    r"(?<=[\s,،])(?:تحرير|محرر|ویراستار)|"
    r"\b(?:eds?|edd|editors?|hrsg|hg|comps?|compilers?|trans|translators?)\b\.?|"
    r"\(?(?:ed|eds)\.?\)?)[\s,.:]*$",
    re.I,
)
_EDITORS_AFTER = re.compile(
    r"(?:\((?i:eds?|edd|hrsg|hg|éds?|dir|coords?)\.?\)|"
    r",\s*(?:eds?\.|edd\.|editors?|hrsg\.|hg\.|éds?\.)|"
    r"[،,]\s*(?:تحرير|محرر|ویراستار))[\s,.:]*$"
)
"""Names followed by their role as editors: ``(Eds.)``, ``, eds.``, ``, editors``, ``، تحرير``.
A capital ``, Ed.`` may be a given name (``Smith, Ed.``) and is left alone."""


def names_editors(text: str) -> bool:
    """Whether a run of names ends in the role word of editors (they edited the work)."""
    return _EDITORS_AFTER.search(text) is not None


_ET_AL = re.compile(
    r"[\s,;]*(?:et\.? al(?:ii|\.)?|and others|u\.\s?a\.|y otros|e altri|"
    r"و (?:دیگران|همکاران)|وآخرون|و آخرون|等)\W*$",
    re.I,
)
_JOINER = re.compile(
    r"\s*,?\s+(?:and|&|und|et|y|e|i|и|ve|en)\s+(?!al\b)|\s*&\s*|\s*;\s*|\s*/\s+|\s+/\s*", re.I
)
"""Between two names: and, &, a semicolon, a spaced slash (``Schnell/ Sander / Federolf``)."""
_VANCOUVER = re.compile(r"^[^\W\d_][\w'’\-]+(?: [\w'’\-]+)? [A-Z]{1,3}(?:[,;.]|$)")
"""``Smith AP, Jones EU``: initials after the family name, never the AP or the EU."""
_ARABIC_JOINER = re.compile(r"\s+و\s+")
_NAME_SPLIT = re.compile(r"\s*[,،]\s*")
MAX_NAMES = 100


def parse_names(text: str) -> list[dict[str, str]]:
    """CSL names from a run of names in any common order.

    ``Last, First``, ``First Last``, ``F. M. Last``, ``Last, F., Last2, F. & Last3, F.``,
    Vancouver ``Last FM, Last2 FM``, ``Last F.``, with ``and``, ``&``, ``et al.``, particles
    (van, de, al-) and suffixes (Jr.); organisations stay whole, as literal names; Persian and
    Arabic names written first-name first stay whole too (which word is the family name is
    not reliably the last). Role words (ed., trans., به کوشش) are dropped.
    """
    return [dict(name) for name in _parsed_names(text)]  # copies: callers may change them


@functools.lru_cache(maxsize=4096)  # an archive cites the same people again and again
def _parsed_names(text: str) -> tuple[dict[str, str], ...]:
    text = " ".join(text.split())[:400]
    text = _ROLE_BEFORE.sub("", text.strip(" ,;:"), count=1)
    text = _ROLE_AFTER.sub("", text)
    et_al = _ET_AL.search(text)
    if et_al:
        text = text[: et_al.start()]
    text = text.strip(" ,;:،")
    if text.endswith(".") and not _ends_with_initial(text):
        text = text[:-1]
    if not text or not any(ch.isalpha() for ch in text):
        return ({"literal": "et al."},) if et_al else ()
    names: list[dict[str, str]] = []
    if is_organisation(text) and not _VANCOUVER.match(text):
        names.append({"literal": text})
    elif has_arabic_script(text):
        for part in _ARABIC_JOINER.split(text):
            names += _arabic_names(part)
    else:
        pieces = [p for p in _NAME_SPLIT.split(_JOINER.sub(", ", text)) if p.strip(" .")]
        names += _latin_names(pieces)
    names = names[:MAX_NAMES]
    if et_al:
        names.append({"literal": "et al."})
    return tuple(names)


def _ends_with_initial(text: str) -> bool:
    last = text.rsplit(None, 1)[-1].rstrip(".").rsplit(".", 1)[-1]
    return len(last) <= 2 and last[:1].isupper()


def _arabic_names(part: str) -> list[dict[str, str]]:
    """``Family، Given`` pairs, else whole names (Persian and Arabic, Latin names within)."""
    pieces = [p.strip(" .") for p in _NAME_SPLIT.split(part) if p.strip(" .")]
    if len(pieces) == 2 and " " not in pieces[0] and len(pieces[1].split()) <= 2:
        return [{"family": pieces[0], "given": pieces[1]}]
    return [{"literal": p} for p in pieces]


def _is_initials(piece: str) -> bool:
    """``J.``, ``J. K.``, ``J.-P.``, ``Th.``, ``JK`` (Vancouver, no stops)."""
    words = piece.replace(".", ". ").replace("-", " ").split()
    if not words:
        return False
    if len(words) == 1 and words[0].isalpha() and words[0].isupper() and len(words[0]) <= 3:
        return True
    return all(
        w.endswith(".") and 1 <= len(w) - 1 <= 2 and w[0].isupper() and w[:-1].isalpha()
        for w in words
    )


def _initials(piece: str) -> str:
    """Initials written with stops and spaces: ``JK`` and ``OA.`` → ``J. K.``, ``O. A.``."""
    out: list[str] = []
    for word in piece.split():
        core = word.rstrip(".")
        if core.isalpha() and core.isupper() and len(core) <= 3:
            out += [f"{ch}." for ch in core]
        else:
            out.append(word)
    return " ".join(out)


def _given_like(piece: str) -> bool:
    """A piece that can be the given names after ``Family,``: initials or capitalised words."""
    if _is_initials(piece):
        return True
    words = piece.split()
    return (
        1 <= len(words) <= 3
        and all(w[:1].isupper() for w in words)
        and not _trailing_initials(words)
    )


def _trailing_initials(words: list[str]) -> int:
    """How many of the last words are initials (``Heidegger M.``, ``Daugherty CK``)."""
    count = 0
    for word in reversed(words[1:]):
        if _is_initials(word):
            count += 1
        else:
            break
    return count if count < len(words) else 0


def _family_only(piece: str) -> bool:
    words = [w for w in piece.split() if w.lower() not in PARTICLES]
    return len(words) == 1 and not _is_initials(piece)


def _latin_names(pieces: list[str]) -> list[dict[str, str]]:
    names: list[dict[str, str]] = []
    i = 0
    while i < len(pieces) and len(names) < MAX_NAMES:
        piece = pieces[i].strip()
        following = pieces[i + 1].strip() if i + 1 < len(pieces) else ""
        if piece.lower() in SUFFIXES and names:
            names[-1]["suffix"] = piece
            i += 1
            continue
        if following and _family_only(piece) and _given_like(following):
            names.append({"family": _family_case(piece), "given": _given(following)})
            i += 2
            continue
        names.append(_one_name(piece))
        i += 1
    return names


def _one_name(piece: str) -> dict[str, str]:
    """One name written without a comma: ``F. M. Last``, ``Last FM``, ``Last F.``, ``Last``."""
    words = piece.split()
    if len(words) == 1:
        return {"literal": piece} if not _is_initials(piece) else {"given": _initials(piece)}
    initials = _trailing_initials(words)
    if initials:  # "Daugherty CK", "Heidegger M.", "de la Macorra JC"
        family = " ".join(words[: len(words) - initials])
        return {"family": _family_case(family), "given": _given(" ".join(words[-initials:]))}
    if words[0].isalpha() and words[0].isupper() and len(words[0]) > 1 and not words[-1].isupper():
        # "SEDLÁK Jan", "DUPONT Jean-Pierre": the family name in capitals comes first.
        return {"family": _family_case(words[0]), "given": " ".join(words[1:])}
    first_family = len(words) - 1
    while first_family > 1 and words[first_family - 1].lower() in PARTICLES:
        first_family -= 1
    return {
        "family": _family_case(" ".join(words[first_family:])),
        "given": _given(" ".join(words[:first_family])),
    }


def _given(text: str) -> str:
    return _initials(text) if _is_initials(text) else text


def _family_case(family: str) -> str:
    """A family name printed in capitals (``MOLONEY``) in the case it is read in."""
    if not family.isupper() or len(family.replace(" ", "")) <= 2:
        return family
    return re.sub(r"[^\W\d_]+", lambda m: m.group().capitalize(), family.lower())


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


_JOINERS = frozenset({"and", "&", "و", "et", "al.", "al"})
_NAME_WORD = re.compile(
    r"^(?:[A-Z][\w'’.\-]*|[A-Z]\.|[\u0600-\u06ff\u200c]+|(?:al|el|ibn|bin)-\w+)$"
)
_AND = re.compile(r"\s*(?:,?\s+and\s+|\s*&\s*|\s+و\s+|;\s*)\s*", re.I)
