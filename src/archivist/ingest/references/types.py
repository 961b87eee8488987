"""The CSL type of a full citation, from the fields its labels gave.

A journal with a volume is an article-journal; a container with editors (or "In") a chapter;
a publisher or place without a container a book; a genre says report or thesis; a URL alone
a webpage; newspapers, magazines, blogs and encyclopedias by the words of their names; cases
and statutes by theirs. The words are the ones periodicals, publishers and courts use.
"""

from __future__ import annotations

import re
from typing import Any

from archivist.text import is_news_agency, is_organisation

_THESIS = re.compile(
    r"thesis|dissertation|diss\.|ph\.?\s?d|doctoral|master'?s|m\.?a\.|mémoire|thèse|tesis|tesi|"
    r"doktorarbeit|habilitation|پایان[\u200c ]?نامه|رسال[ةه]|أطروحة|学位论文|博士|修士",
    re.I,
)
_REPORT = re.compile(
    r"report|working paper|technical|briefing|policy brief|discussion paper|white paper|"
    r"fact sheet|press release|statement|bulletin|memo|occasional paper|research paper|"
    r"bericht|rapport|informe|گزارش|تقرير",
    re.I,
)
_INTERVIEW = re.compile(
    r"interview|conversation|entretien|gespräch|entrevista|مصاحبه|مقابلة|حوار", re.I
)
_PERSONAL = re.compile(
    r"personal communication|private communication|e-?mail to the author|letter to the author|"
    r"persönliche mitteilung|communication personnelle|comunicación personal|مکاتبه|مراسلة",
    re.I,
)
_FILM = re.compile(r"film|dvd|video|motion picture|documentary|youtube|vimeo", re.I)
_BROADCAST = re.compile(r"podcast|radio|television|tv|episode|broadcast", re.I)
_PROCEEDINGS = re.compile(
    r"proceedings|proc\.|conference|symposium|workshop|congress|colloqu|kongress|tagung|"
    r"actes|atti|actas|همایش|کنفرانس|مؤتمر|ندوة",
    re.I,
)
_ENCYCLOPEDIA = re.compile(
    r"encyclop|dictionary|lexikon|wörterbuch|handbuch der|dictionnaire|diccionario|"
    r"wikipedia|britannica|دانشنامه|دائرة ?المعارف|فرهنگ|موسوعة|百科",
    re.I,
)
_NEWSPAPER = re.compile(
    r"\b(?:times|post|news|herald|gazette|tribune|telegraph|guardian|daily|chronicle|monitor|"
    r"observer|standard|mail|express|independent|courier|sun|star|globe|dispatch|inquirer|"
    r"zeitung|allgemeine|spiegel|le monde|figaro|libération|el país|corriere|repubblica|"
    r"reuters|associated press|bbc|cnn|al jazeera|wire)\b|روزنامه|جريدة|صحيفة|خبرگزاری|وكالة|"
    r"新聞|日报|日報",
    re.I,
)
_MAGAZINE = re.compile(
    r"\b(?:magazine|monthly|the atlantic|the new yorker|the economist|newsweek|time|"
    r"foreign policy|foreign affairs|wired|vanity fair|rolling stone)\b|"
    r"مجله|ماهنامه|هفته[\u200c ]?نامه",
    re.I,
)
_JOURNAL = re.compile(
    r"\b(?:journal|journals|quarterly|review|annals|studies|transactions|letters|bulletin|"
    r"zeitschrift|revue|rivista|revista|tijdschrift|acta|archives)\b|\bj\.|فصلنامه|مجلة|"
    r"پژوهش|学报|学報|雑誌|紀要",
    re.I,
)
_BLOG = re.compile(r"\b(?:blog|blogspot|substack|medium|wordpress|tumblr)\b|وبلاگ", re.I)
_CASE = re.compile(r"\bv\.?\s|\bvs\.?\s|\bv\s", re.I)
_COURT_REPORTER = re.compile(
    r"^(?:U\.?\s?S\.?|S\.\s?Ct\.|L\.\s?Ed\.|F\.\s?(?:\d?d|Supp\.?)|A\.C\.|W\.L\.R\.|All E\.R\.|"
    r"Q\.B\.|E\.C\.R\.|EWCA|UKSC|UKHL|ECHR)",
)
_HOLDER = re.compile(
    r"\b(?:archives?|archiv|archivio|archivo|record office|records office|manuscripts?|"
    r"special collections)\b|بایگانی|آرشیو|سازمان اسناد|دار الوثائق|أرشيف",
    re.I,
)
_LEGISLATION = re.compile(
    r"\b(?:act|statute|regulation|ordinance|directive|code|bill|law|gesetz|loi|ley|decree)\b|"
    r"قانون|مصوبه|آیین[\u200c ]?نامه|نظام|مرسوم",
    re.I,
)


def item_type(item: dict[str, Any], labels: set[str]) -> str:
    """The CSL type a citation's fields and labels suggest."""
    container = str(item.get("container-title", ""))
    title = str(item.get("title", ""))
    genre = str(item.get("genre", ""))
    medium = str(item.get("medium", ""))
    has_volume = "volume" in item or "issue" in item
    if title and _CASE.search(title) and (not container or _COURT_REPORTER.match(container)):
        return "legal_case"
    if genre and _THESIS.search(genre):
        return "thesis"
    if "director" in item or (medium and _FILM.search(medium)) or (genre and _FILM.search(genre)):
        return "motion_picture"
    if (genre and _BROADCAST.search(genre)) or (medium and _BROADCAST.search(medium)):
        return "broadcast"
    if (genre and _INTERVIEW.search(genre)) or _INTERVIEW.match(title):
        return "interview"
    if _PERSONAL.search(" ".join((genre, title, str(item.get("note", ""))))):
        return "personal_communication"
    if item.get("_journal") or (container and has_volume and not _edited(item, labels)):
        return _periodical(container, default="article-journal")
    if container:
        if _ENCYCLOPEDIA.search(container):
            return "entry-encyclopedia"
        if _PROCEEDINGS.search(container):
            return "paper-conference"
        if _edited(item, labels) or "publisher" in item or "ISBN" in item:
            return "chapter"
        if _BLOG.search(container) or "blog" in str(item.get("URL", "")).lower():
            return "post-weblog"
        return _periodical(container, default="webpage" if "URL" in item else "article-newspaper")
    if genre and _REPORT.search(genre):
        return "report"
    published = "publisher" in item or "ISBN" in item
    if title and _LEGISLATION.search(title) and not published and _statute(title, item):
        return "legislation"
    if _HOLDER.search(str(item.get("publisher", ""))) and "ISBN" not in item:
        return "document"  # a record, set with the archive that holds it
    if "publisher" in item or "publisher-place" in item or "ISBN" in item or "edition" in item:
        authors = item.get("author", [])
        literal = [a.get("literal", "") for a in authors if "literal" in a]
        if literal and all(is_organisation(name) for name in literal) and "ISBN" not in item:
            return "report"
        return "book"
    authors = item.get("author", [])
    literal = [a["literal"] for a in authors if "literal" in a and a["literal"] != "et al."]
    if any(is_news_agency(name) for name in literal):
        return "article-newspaper"
    if "URL" in item:
        return "webpage"
    if any(is_organisation(name) for name in literal):
        return "report"
    if "DOI" in item:
        return "article-journal"
    return "book" if authors else "document"


def _statute(title: str, item: dict[str, Any]) -> bool:
    """A law's title names its year (Water Act 1991), or nobody signs it."""
    return re.search(r"\d{4}", title) is not None or not item.get("author")


def _edited(item: dict[str, Any], labels: set[str]) -> bool:
    return "editor" in item or "editor" in labels


def _periodical(container: str, default: str) -> str:
    """Which kind of periodical a container's name says it is."""
    if _NEWSPAPER.search(container):
        return "article-newspaper"
    if _MAGAZINE.search(container):
        return "article-magazine"
    if _JOURNAL.search(container):
        return "article-journal"
    if _BLOG.search(container):
        return "post-weblog"
    return default
