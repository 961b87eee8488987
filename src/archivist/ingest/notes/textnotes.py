"""Lines of a plain-text save, classified, and the reference list found among them."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Literal, NamedTuple

from archivist.ingest.notes.notemarks import is_notes_heading
from archivist.ingest.text.furniture import is_advert, is_title_like, is_trigger
from archivist.ingest.text.textmeta import Byline, ascii_digits, date_line, parse_byline

_D = "0-9۰-۹٠-٩"
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
SUPERSCRIPT_DIGITS = str.maketrans(SUPERSCRIPTS, "1234567890")
_ENTRY = re.compile(
    rf"(?:\[ ?([{_D}]{{1,4}}) ?\]|([{_D}]{{1,4}})[.)](?= )|([{SUPERSCRIPTS}]{{1,4}})"
    rf"|([۰-۹٠-٩]{{1,4}}) ?[-–](?= ))"
)
_CITES = re.compile(rf"\[ ?[{_D}]{{1,4}} ?\]|\w[{SUPERSCRIPTS}]")
_MAX_UNNUMBERED_ENTRY = 500
_ENTRY_STYLES = ("bracket", "dot", "superscript", "dash")


class Entry(NamedTuple):
    """A numbered reference line: its label in ASCII digits, numbering style and text.

    A named tuple: one is made for most lines of a reference list, and a tuple is made in
    half the time of a frozen dataclass.
    """

    label: str
    style: str
    text: str


class Line:
    """One non-blank source line, whitespace-normalised, with what it could be.

    What every line is asked (a numbered entry? furniture? a reference heading?) is found at
    once. Whether it is a byline, a date or title-like is asked only of lines near the head
    and the tail of a save, so it is found when first asked.
    """

    __slots__ = (
        "_byline",
        "_date",
        "_title_like",
        "advert",
        "entry",
        "gap",
        "indented",
        "ref_heading",
        "text",
        "trigger",
    )

    def __init__(self, text: str, *, gap: bool, indented: bool) -> None:
        self.text = text
        self.gap = gap  # a blank line comes before it
        self.indented = indented
        self.entry = parse_entry(text)
        self.trigger = is_trigger(text)
        self.advert = is_advert(text)
        self.ref_heading = is_ref_heading(text)
        self._byline: Byline | Literal[False] | None = False  # False: not yet looked at
        self._date: str | Literal[False] | None = False
        self._title_like: bool | None = None

    @property
    def byline(self) -> Byline | None:
        """The byline the line is, if it is one."""
        if self._byline is False:
            self._byline = parse_byline(self.text)  # bounded: long lines are refused at once
        return self._byline

    @property
    def date(self) -> str | None:
        """The ISO date of a line that is only a date (or ``Published: <date>``)."""
        if self._date is False:
            self._date = date_line(self.text)
        return self._date

    @property
    def title_like(self) -> bool:
        """A short line without final punctuation, such as a related post's title."""
        if self._title_like is None:
            self._title_like = is_title_like(self.text)
        return self._title_like

    @property
    def tail_ok(self) -> bool:
        """True when the line may belong to trailing site furniture."""
        return (
            self.trigger
            or self.advert
            or self.title_like
            or self.byline is not None
            or self.date is not None
        )


def parse_entry(text: str) -> Entry | None:
    """The numbered reference entry ``text`` starts (``[1] ...``, ``1. ...``, ``¹ ...``)."""
    first = text[:1]
    if first == "[":
        # "[12]" and "[ 12 ]" with ASCII digits (most entries) without the pattern.
        close = text.find("]", 1, 8)
        number = text[1:close] if close > 0 else ""
        number = number[1:] if number[:1] == " " else number
        number = number[:-1] if number[-1:] == " " else number
        if 0 < len(number) <= 4 and number.isascii() and number.isdigit():
            return _entry(number, "bracket", text[close + 1 :])
    # Every form starts with "[" or a digit (superscripts are digits to str.isdigit too).
    match = _ENTRY.match(text) if first == "[" or first.isdigit() else None
    if match is None:
        return None
    index = match.lastindex or 1  # the alternatives' groups: exactly one took part
    number = ascii_digits(match.group(index).translate(SUPERSCRIPT_DIGITS))
    return _entry(number, _ENTRY_STYLES[index - 1], text[match.end() :])


def _entry(number: str, style: str, rest: str) -> Entry | None:
    rest = rest.lstrip()
    value = int(number)
    return Entry(str(value), style, rest) if rest and value else None


def is_ref_heading(text: str) -> bool:
    """True for a heading that opens a reference list (``Notes``, ``References``, ``منابع``)."""
    return len(text) <= 40 and is_notes_heading(text)


@dataclass(frozen=True, slots=True)
class RefBlock:
    """The reference list: the lines it takes from the body and its entries in order."""

    lines: frozenset[int]
    entries: tuple[tuple[str | None, str], ...]
    """``(label, text)``; label None when the list under a heading is not numbered."""
    heading: str | None


def find_reference_block(
    lines: Sequence[Line], start: int, cited: Callable[[], Collection[str]]
) -> RefBlock | None:
    """The reference list among ``lines[start:]``: under a heading, else a trailing entry run.

    ``cited`` gives the labels the text's markers use; it is only called when needed.
    """
    for index in range(len(lines) - 1, start - 1, -1):
        if lines[index].ref_heading:
            block = _under_heading(lines, index)
            if block is not None:
                return block
            break
    return _trailing_run(lines, start, cited)


def _under_heading(lines: Sequence[Line], heading: int) -> RefBlock | None:
    members: list[int] = []
    for index in range(heading + 1, len(lines)):
        line = lines[index]
        if line.advert:
            continue
        if line.trigger or (line.byline is not None and line.entry is None):
            break
        members.append(index)
    numbered = [index for index in members if lines[index].entry is not None]
    if numbered:
        members = members[members.index(numbered[0]) :]
        entries = _join_entries(lines, members)
    elif members and not any(_body_like(lines[index].text) for index in members):
        entries = _unnumbered(lines, members)
    else:
        return None
    return RefBlock(frozenset([heading, *members]), tuple(entries), lines[heading].text)


def _body_like(text: str) -> bool:
    # A "Sources" section heading inside the article, followed by prose that cites notes, is
    # not an unnumbered reference list.
    return len(text) > _MAX_UNNUMBERED_ENTRY or _CITES.search(text) is not None


def _join_entries(lines: Sequence[Line], members: Sequence[int]) -> list[tuple[str | None, str]]:
    entries: list[tuple[str | None, str]] = []
    parts: list[str] = []
    label: str | None = None
    for index in members:
        entry = lines[index].entry
        if entry is not None:
            if parts:
                entries.append((label, " ".join(parts)))
            label, parts = entry.label, [entry.text]
        else:
            parts.append(lines[index].text)
    if parts:
        entries.append((label, " ".join(parts)))
    return entries


def _unnumbered(lines: Sequence[Line], members: Sequence[int]) -> list[tuple[str | None, str]]:
    gaps = [lines[index].gap for index in members[1:]]
    # Blank lines between some lines but not others: the blank lines separate entries and the
    # lines between them are one wrapped entry; otherwise each line is an entry.
    grouped = any(gaps) and not all(gaps)
    entries: list[tuple[str | None, str]] = []
    for position, index in enumerate(members):
        text = lines[index].text
        if grouped and position > 0 and not lines[index].gap:
            entries[-1] = (None, f"{entries[-1][1]} {text}")
        else:
            entries.append((None, text))
    return entries


def _trailing_run(
    lines: Sequence[Line], start: int, cited: Callable[[], Collection[str]]
) -> RefBlock | None:
    count = len(lines)
    attached = [False] * count
    for index in range(start, count):
        line = lines[index]
        attached[index] = line.entry is not None or (
            index > start
            and attached[index - 1]
            and not line.gap
            and not (line.trigger or line.advert or line.byline or line.ref_heading)
        )
    end = count - 1
    while end >= start and not attached[end]:
        if not lines[end].tail_ok:
            return None
        end -= 1
    if end < start:
        return None
    top = _chain_top(lines, end)
    while True:
        above = top - 1
        while above >= start and not attached[above] and top - above <= 3:
            above -= 1
        if above < start or not attached[above]:
            break
        between = range(above + 1, top)
        previous = _chain_top(lines, above)
        label = _label(lines, top)
        if between and (
            _label(lines, previous) != str(int(label) - 1)
            or any(lines[i].trigger or lines[i].byline or lines[i].advert for i in between)
        ):
            break
        top = previous
    members = list(range(top, end + 1))
    entries = _join_entries(lines, members)
    styles = {line.entry.style for line in (lines[i] for i in members) if line.entry}
    # A numbered list ("1. ...") at the end of an article is a list, unless the text cites
    # most of its items and no sentence ending in a colon introduces it.
    if styles == {"dot"}:
        labels = cited()
        hits = sum(1 for label, _ in entries if label in labels)
        introduced = top > start and lines[top - 1].text.endswith((":", "："))
        if introduced or hits * 2 <= len(entries):
            return None
    return RefBlock(frozenset(members), tuple(entries), None)


def _chain_top(lines: Sequence[Line], index: int) -> int:
    while lines[index].entry is None:
        index -= 1
    return index


def _label(lines: Sequence[Line], index: int) -> str:
    entry = lines[index].entry
    assert entry is not None
    return entry.label
