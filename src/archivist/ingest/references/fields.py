"""From labelled segments to a CSL-JSON item: each label's text read into its CSL variable.

The labeller says which words are the title, the date, the volume; this module reads them:
names into family and given, dates into date parts, "Vol. 12, no. 3" into volume and issue,
"pp. 45-67" into a page range, "3rd ed." into an edition, identifiers into DOI, ISBN, URL
and arXiv numbers. Pages that a footnote cites inside a whole work ("p. 61" of a book) are a
locator, kept apart from the item: they are not the work's page range.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, NamedTuple

from archivist.ingest.references.dates import segment_date
from archivist.ingest.references.features import lexicon_fields, lexicon_key
from archivist.ingest.references.mending import IN_WORD as _IN
from archivist.ingest.references.mending import mended
from archivist.ingest.references.names import parse_names
from archivist.text import to_ascii_digits

Segments = Sequence[tuple[str, str]]
"""``(label, text)`` pairs in reading order."""


class Reading(NamedTuple):
    """A full citation read from its segments: the CSL item and the page it pinpoints."""

    csl: dict[str, Any]
    locator: str | None


_EDGE = " \t,;:.،؛/·|–—-、，。：；"
_QUOTES = "\"'“”‘’«»„‚「」『』《》〈〉"
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"”»]+", re.I)
_DOI = re.compile(r"10\.\d{4,9}/[^\s\"”»<>]+", re.I)
_ISBN = re.compile(r"(?:97[89][-\s]?)?(?:\d[-\s]?){9}[\dXx]")
_ARXIV = re.compile(r"arxiv:\s*(?P<id>\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[A-Z]{2})?/\d{7})", re.I)
_PMID = re.compile(r"\bPMID:?\s*(?P<id>\d{1,9})\b", re.I)
_PAGE_RANGE = re.compile(
    r"(?P<first>[A-Za-z]?\d+[A-Za-z]?)(?:\s*(?:[-–—‐]+|\bto\b|تا)\s*(?P<last>[A-Za-z]?\d+[A-Za-z]?))?"
)
_PAGE_WORD = re.compile(
    r"^\W*(?:(?:pp?|pgs?)\.?\s*|(?:pages?|ss?|seiten?|str|с|стр)(?:\.\s*|\s+)|"
    r"(?:ص+|صفحه|صص|第)\.?\s*)(?=\d)",
    re.I,
)
_PAGE_COUNT = re.compile(r"^\s*(?P<n>\d+)\s*(?:pp|p|pages|S|Seiten|ص)\.?\s*$", re.I)
_NUMBER = re.compile(r"\d+")
_ROMAN = re.compile(r"\b[IVXLC]{1,7}\b")
_DAY_FIRST = re.compile(r"^\s*(?P<day>\d{1,2})\s*;\s*(?=\d)")
_GLUED_VOLUME = re.compile(r";\s*\d+\s*(?:\(|:)")
_VOLUME_COLON_ISSUE = re.compile(r"^\s*(?P<volume>\d+)\s*:\s*(?P<issue>\d+)\s*:?\W*$")
_VOLUME_PAGES = re.compile(r"(?<=\))\s*:\s*(?P<pages>[A-Za-z]?\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?)\W*$")
_YEAR_FIRST = re.compile(r"^\D*?(?:1[5-9]\d\d|20\d\d)\s*[;:]\s*")
_ISSUE_WORD = re.compile(
    r"(?:\b(?:no|nr|n|issue|num|número|numero|heft|h|iss)\b\.?|nº|№|#|شماره(?:ٔ)?|العدد|عدد|第)"
    r"\s*(?P<issue>\d+(?:\s*[-–/]\s*\d+)?)",
    re.I,
)
_VOLUME_ISSUE = re.compile(r"(?P<volume>\d+)\s*\(\s*(?P<issue>[\w\-–/ ]{1,12}?)\s*\)")
_ORDINALS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
    "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10", "premier": "1", "première": "1",
    "deuxième": "2", "seconde": "2", "troisième": "3", "quatrième": "4", "erste": "1",
    "zweite": "2", "dritte": "3", "vierte": "4", "fünfte": "5", "segunda": "2", "tercera": "3",
    "seconda": "2", "terza": "3", "دوم": "2",
    "سوم": "3", "چهارم": "4", "پنجم": "5", "الثانية": "2", "الثالثة": "3", "الرابعة": "4",
    "الأولى": "1", "اول": "1", "نخست": "1",
}  # fmt: skip
_ACCESSED_WORDS = re.compile(
    r"accessed|retrieved|viewed|visited|consulted|abgerufen|zugegriffen|consulté|consultado|"
    r"consultato|geraadpleegd|dostęp|erişim|閲覧|访问|瀏覽|検索|دسترسی|بازیابی|الاطلاع|الزيارة|"
    r"تاريخ الدخول",
    re.I,
)
_CONTAINER_LABELS = ("journal", "container-title")
_TITLE_IN = re.compile(r"[.?!][”’\"»]?\s+In:?\s+(?=[\w“\"‘«])")
"""A title run on past its end into the work that holds it: ``… City.” In The Best …``."""


def read_fields(segments: Segments, text: str) -> Reading:
    """The CSL item of a full citation from its labelled segments (``text`` is the whole note)."""
    item: dict[str, Any] = {}
    pages: str | None = None
    journal = False
    second_title: str | None = None
    held = False  # whether what follows the first title reads as the work that holds it
    quoted = False
    numbered = ""
    for label, raw in mended(segments):
        value = raw.strip()
        if label in ("editor", "translator") and "title" in item:
            held = True
        if label in ("author", "editor", "translator", "director", "producer"):
            names = parse_names(value)
            if names:
                item.setdefault(label, []).extend(names)
        elif label == "title":
            if "title" not in item:
                cut = _title_end(value)
                if cut:  # "“The City.” In Stories of the Shore": the book that holds it
                    second_title = clean_title(value[cut[1] :])
                    value = value[: cut[0]]
                item["title"] = clean_title(value)
                held = quoted = value[:1] in _OPENING
            elif second_title is None and (held or _IN.match(value)):
                second_title = clean_title(_IN.sub("", value))
        elif label in _CONTAINER_LABELS and _NUMBER_ONLY.fullmatch(value):
            numbered = numbered or value  # "LXVIII," labelled a journal: a volume
        elif label in _CONTAINER_LABELS:
            journal = journal or label == "journal"
            if "container-title" not in item:
                container = _container(item, value)
                if container:
                    item["container-title"] = container
                else:  # a lone "In:": the title after it is the container
                    held = True
        elif label == "collection-title":
            item.setdefault("collection-title", clean_title(re.sub(r"^(?:of|in)\s+", "", value)))
        elif label == "date":
            pages = _read_date(item, value) or pages
        elif label == "volume":
            pages = _read_volume(item, value) or pages
        elif label == "pages":
            pages = pages or _read_pages(item, value)
        elif label in ("location", "publisher"):
            _read_imprint(item, label, value)
        elif label == "edition":
            item.setdefault("edition", _edition(value))
        elif label in ("genre", "medium"):
            item.setdefault(label, _plain(value.strip("[]()")))
        elif label == "note":
            _read_note(item, value)
        elif label == "source":
            item.setdefault("container-title", clean_title(value))
    if numbered and "volume" not in item:
        pages = _read_volume(item, numbered) or pages
    if second_title and "container-title" not in item:
        # A second title after a quoted one (an article's), after editors or opening with
        # "In" is the work that holds the first (a chapter's book). Any other second title
        # is the labeller splitting one title, or a volume's or series' title.
        item["container-title"] = second_title
    if (
        "container-title" not in item
        and "publisher" in item
        and ("publisher-place" not in item or "issue" in item)
        and "editor" not in item
        and not second_title
        and (quoted or "volume" in item)
        and pages
        and _PAGE_RANGE.fullmatch(pages.replace("–", "-"))
        and "–" in pages
    ):
        # A quoted title or a volume, a name and a page range: an article in the periodical
        # so named ("Cancers. 2010, 2, 1629-1641"), with its town too when it has an issue
        # ("Análise Social, Lisboa, v. 47, n. 203, p. 320-345").
        item["container-title"] = item.pop("publisher")
        journal = True
    held_in = str(item.get("container-title") or "").split()
    if (
        held_in
        and "volume" not in item
        and "publisher-place" not in item
        and all(_placed(w) for w in held_in)
    ):
        # "Helsinki" labelled a journal: a town alone is where the work was published.
        item["publisher-place"] = item.pop("container-title")
        journal = False
    _read_identifiers(item, text)
    for key in ("title", "container-title", "publisher", "publisher-place", "collection-title"):
        if key in item and not item[key]:
            del item[key]
    item["_journal"] = journal  # read by item_type, then dropped
    return Reading(item, pages)


_NUMBER_ONLY = re.compile(
    r"\W*(?:(?=[MDCLXVI])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})|\d{1,4})\W*"
)
"""A volume alone: a number or a Roman numeral (``LXVIII``, never ``ICCV``)."""
_QUOTED_THEN = re.compile(r"^(?P<open>[“«„\"])[^“”«»\"]{3,}(?P<close>[”»“\"])\s?[,.;]\s+(?=\w)")
"""A quoted title closed before its comma (``«Le botteghe», Strenna``): what follows is
another work's name. A comma inside the quotes (``“Monkey See,” The Influence``) does not
tell a subtitle from the next work."""


_CORNERED_THEN = re.compile(r"^「[^「」]{1,200}」[\s、，,]*(?=\S{2})")
"""A title in corner brackets and the name after it (``「会社概要」 株式会社みなと海運``): in
Japanese notes the brackets alone end the title."""


def _title_end(title: str) -> tuple[int, int] | None:
    """Where a title the labeller ran on into the work that holds it ends, and that work begins.

    ``“The City.” In Stories of the Shore``, and a quoted title followed by two words or more
    of another (``«Le botteghe storiche», Strenna storica bolognese``), or any name after a
    Japanese title in corner brackets.
    """
    inside = _TITLE_IN.search(title)
    if inside:
        return inside.start() + 1, inside.end()
    quoted = _QUOTED_THEN.match(title)
    if (
        quoted
        and _OPENING.get(quoted["open"]) == quoted["close"]
        and len(title[quoted.end() :].split()) >= 2
    ):
        return quoted.end("close"), quoted.end()
    cornered = _CORNERED_THEN.match(title)
    if cornered:
        return title.index("」") + 1, cornered.end()
    return None


_CONTAINER_YEAR = re.compile(r"\s*\(\s*(?P<year>(?:1[5-9]|20)\d\d)\s*\)\W*$")
_CONTAINER_VOLUME = re.compile(
    r"(?:[\s,;:.]+(?:vol|volume|bd|band|tome|jg|jahrgang)\.?\s*\d+\W*|"
    r"\s+\d+\s*\(\s*[\w\-–/]{1,8}\s*\)\W*)$",
    re.I,
)
_INNER_VOLUME = re.compile(r"[,;:.]\s*(?:vol|volume|bd|band|tome)\.?\s*\d+\b[\s,;:.]*", re.I)
_ROMAN_VOLUME = re.compile(r",\s*(?P<volume>(?:[IVXLC]\s?){1,8})[\s,.;:]*$")
_CONTAINER_TAIL = re.compile(
    r"\s+(?:(?:https?://|www\.)\S+|[\w-]+\.[a-z]{2,12}/\S*)$|"  # its address
    r"\s*\((?:newsletter|blog|podcast|online|website|web|print)\)\W*$|"  # its medium
    r"\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*\(?\d{1,2}\)?\W*$",  # date
    re.I,
)


def _container(item: dict[str, Any], value: str) -> str:
    """The container title, without the year, volume or address the labeller let run into it.

    A container's name never ends in a year in brackets (``In Automata, Languages, and
    Programming (1996)``), in its volume and issue (``SIGPLAN Notices 21(7)``, ``Journal of
    Law, Vol. 3``, ``Journal of Psychology, XLI``), its address or medium (``(blog)``), nor
    in a bracket it does not close: those are read as the date and the volume, or left out.
    A volume number inside it (``To Improve the Academy: Vol. 22. Resources for ...``) ends
    it; the words after it are the volume's or series' title.
    """
    title = _IN.sub("", value.strip(_EDGE) + " ").strip()
    title = _CONTAINER_TAIL.sub("", title)
    if title.count("(") > title.count(")"):
        title = title[: title.rindex("(")]
    year = _CONTAINER_YEAR.search(title)
    if year and "issued" not in item:
        item["issued"] = {"date-parts": [[int(year["year"])]]}
    if year:
        title = title[: year.start()]
    volume = _CONTAINER_VOLUME.search(title) or _ROMAN_VOLUME.search(title)
    inner = None if volume else _INNER_VOLUME.search(title)
    if inner and inner.start() > 0 and inner.end() < len(title):
        rest = clean_title(title[inner.end() :])
        if rest:
            item.setdefault("collection-title", rest)
        volume, title = inner, title[: inner.end()]
    if volume and volume.start() > 0:
        _read_volume(
            item, volume.group().replace(" ", "") if volume.re is _ROMAN_VOLUME else volume.group()
        )
        title = title[: volume.start()]
    return clean_title(title)


_OPENING = {"“": "”", '"': '"', "«": "»", "‘": "’", "„": "“", "「": "」", "『": "』"}


def clean_title(text: str) -> str:
    """A title without the quotes around it and the punctuation that ends its segment.

    A quoted title with its subtitle after the closing quote (``“They Took Our Boats”: Abuses
    at Sea``) loses the quotes and keeps the subtitle.
    """
    title = text.strip().rstrip(_EDGE.replace("-", "").replace(".", "")).strip()
    closing = _OPENING.get(title[:1])
    if closing and title.count(closing) == (2 if closing == title[:1] else 1):
        inner = title.find(closing, 1)
        if 0 < inner < len(title) - 1 and title[inner + 1 : inner + 2] in (":", " ", ",", "."):
            title = title[1:inner] + title[inner + 1 :]
    for _ in range(2):
        title = title.strip(_QUOTES).strip().rstrip(",;:،").strip()
    if title.endswith(".") and not title.endswith(("..", "etc.")) and not _initial_end(title):
        title = title[:-1].rstrip()
    return title.strip(_QUOTES).strip()


def _initial_end(title: str) -> bool:
    last = title.rsplit(None, 1)[-1]
    return len(last) == 2 and last[0].isupper()


_STATE = re.compile(r"^[A-Z]{2}\W*$|^[A-Z]\.\s?[A-Z]\.\W*$")


def _placed(word: str) -> bool:
    """Whether the training data saw a word as a place's and never as a publisher's."""
    fields = lexicon_fields(word)
    return "location" in fields and "publisher" not in fields


def _read_imprint(item: dict[str, Any], label: str, value: str) -> None:
    """A place or a publisher, with the other one the labeller ran into it split off.

    A publisher followed by its town ("Springer Berlin", "Westview Press Boulder, CO") or
    preceded by it ("London: Routledge"), and a place preceded by its publisher ("Steiner,
    Stuttgart"), are told apart by the words the training data saw as places and publishers.
    """
    words = value.split()
    if label == "publisher":
        head, colon, tail = value.partition(":")
        if (
            colon
            and head.strip()
            and tail.strip()
            and all(_placed(w) or _STATE.match(w) for w in head.split())
        ):
            item.setdefault("publisher-place", _plain(head))
            value = tail
        else:
            cut = len(words)
            if cut > 2 and _STATE.match(words[-1]) and words[-2].endswith(","):
                cut -= 1  # "Boulder, CO"
            while cut > 1 and _placed(words[cut - 1]):
                cut -= 1
            # What is left must end as publishers' names do: "Presses Universitaires de
            # France" and "Université Paris 7" are names, not a publisher and its town.
            last = words[cut - 1]
            if (
                "publisher-place" not in item
                and any(_placed(w) for w in words[cut:])
                and "publisher" in lexicon_fields(last)
                and not lexicon_key(last).startswith("univ")
            ):
                item.setdefault("publisher-place", _plain(" ".join(words[cut:])))
                value = " ".join(words[:cut])
        item.setdefault("publisher", _plain(value))
        return
    first, comma, rest = value.partition(",")
    names = first.strip(" ([").split()
    if (
        comma
        and "publisher" not in item
        and rest.strip()
        and any("publisher" in lexicon_fields(w) for w in names)
        and not any("location" in lexicon_fields(w) for w in names)
        and all(_placed(w) or _STATE.match(w) for w in rest.split())
        and any(_placed(w) and not _STATE.match(w) for w in rest.split())
    ):
        item["publisher"] = _plain(first)
        value = rest
    item.setdefault("publisher-place", _plain(value))


def _plain(text: str) -> str:
    return text.strip(_EDGE + "()[]").strip()


def _read_date(item: dict[str, Any], value: str) -> str | None:
    """The date; a Vancouver date glued to its volume (``2011;8(3):44-51``) gives both."""
    glued = _GLUED_VOLUME.search(value)
    pages = None
    if glued:
        pages = _read_volume(item, value[glued.start() + 1 :])
        value = value[: glued.start()]
    key = "accessed" if _ACCESSED_WORDS.search(value) else "issued"
    if key not in item:
        date = segment_date(value)
        if date is not None:
            item[key] = date
    return pages


def _read_note(item: dict[str, Any], value: str) -> None:
    """Access dates ("Retrieved 3 May 2019", "تاریخ دسترسی ..."); other notes say nothing."""
    if "accessed" not in item and _ACCESSED_WORDS.search(value):
        date = segment_date(value)
        if date is not None:
            item["accessed"] = date


def _read_volume(item: dict[str, Any], value: str) -> str | None:
    """``12``, ``Vol. 3, No. 2``, ``45(2):``, ``12, no. 3``, ``Bd. 4``, ``سال ۵، شمارهٔ ۳``.

    Vancouver writes volume, issue and pages as one word (``2018;45(2):12-19``): the pages
    in it are returned.
    """
    digits = _YEAR_FIRST.sub("", to_ascii_digits(value))  # Vancouver's "2013;122(2):"
    day = _DAY_FIRST.match(digits)
    if day:  # "3;45(2)": the day of a "2018 Mar 3" date
        digits = digits[day.end() :]
        parts = (item.get("issued") or {}).get("date-parts") or [[]]
        if len(parts[0]) == 2 and 1 <= int(day["day"]) <= 31:
            parts[0].append(int(day["day"]))
    pages = _VOLUME_PAGES.search(digits)
    found = None
    if pages:
        found = _read_pages(item, pages["pages"])
        digits = digits[: pages.start()]
    paired = _VOLUME_ISSUE.search(digits) or _VOLUME_COLON_ISSUE.match(digits)
    if paired:
        item.setdefault("volume", paired["volume"])
        item.setdefault("issue", paired["issue"].strip())
        return found
    issue = _ISSUE_WORD.search(digits)
    rest = digits
    if issue:
        item.setdefault("issue", issue["issue"].replace(" ", ""))
        rest = digits[: issue.start()] + " " + digits[issue.end() :]
    number = _NUMBER.search(rest) or _ROMAN.search(rest)
    if number:
        item.setdefault("volume", number.group())
    return found


def _read_pages(item: dict[str, Any], value: str) -> str | None:
    """The pages a segment names, as ``first–last``; a page count goes to number-of-pages."""
    digits = to_ascii_digits(value)
    count = _PAGE_COUNT.match(digits)
    if count:
        item.setdefault("number-of-pages", count["n"])
        return None
    found = _PAGE_RANGE.search(_PAGE_WORD.sub("", digits))
    if not found:
        return None
    first, last = found["first"], found["last"]
    return f"{first}–{last}" if last else first


def _edition(value: str) -> str:
    """``3rd ed.`` → ``3``, ``second edition`` → ``2``; any other wording as written."""
    text = to_ascii_digits(value).strip(_EDGE + "()[]")
    number = re.match(r"^(\d+)", text)
    if number:
        return number.group(1)
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if word in _ORDINALS:
            return _ORDINALS[word]
    return text


def _read_identifiers(item: dict[str, Any], text: str) -> None:
    """URL, DOI, ISBN, arXiv and PubMed ids, wherever the note has them (their forms are exact)."""
    low = text.lower()
    if "10." in text:
        doi = _DOI.search(text)
        if doi:
            item["DOI"] = doi.group().rstrip(".,;)]")
    if "http" in low or "www." in low:
        for url in _URL.finditer(text):
            value = url.group().rstrip(".,;)]")
            if "doi.org/" not in value.lower() or "DOI" not in item:
                item.setdefault("URL", value)
                break
    if "isbn" in low:
        isbn = _ISBN.search(text, low.index("isbn"))
        if isbn:
            item["ISBN"] = re.sub(r"[-\s]", "", isbn.group())
    if "arxiv" in low:
        arxiv = _ARXIV.search(text)
        if arxiv:
            item["number"] = f"arXiv:{arxiv['id']}"
    if "pmid" in low:
        pmid = _PMID.search(text)
        if pmid:
            item["PMID"] = pmid["id"]
