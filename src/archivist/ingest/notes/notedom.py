"""Where a page's markers and notes stand in its DOM: running text, note blocks, labels."""

from __future__ import annotations

import re

from lxml import etree

from archivist.ingest.html.htmldom import inner_text, text_length

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_RUNNING = frozenset({"p", "li", "td", "dd", "dt", "blockquote", "div", "section", "article"})
_NOTE_BLOCKS = frozenset({"li", "p", "div", "dd", "aside", "td", "span", "section", "cite"})
_NOT_IN_NOTE = ("h1", "h2", "h3", "h4", "h5", "h6", "form", "input", "textarea", "nav")
_MIN_SENTENCE = 30
MIN_NOTE = 12
"""Characters a note holds at least: less is a label or a back-link, not a note."""
MAX_NOTE = 3000
"""Characters a note holds at most: more is a section of the article, not a note."""


def in_running_text(el: etree._Element) -> bool:
    """Whether an inline element stands in a sentence: its block holds other words too."""
    node = el.getparent()
    while node is not None and node.tag not in _RUNNING:
        node = node.getparent()
    if node is None or next(node.iterancestors("nav", "header", "footer"), None) is not None:
        return False
    return text_length(node) - text_length(el) >= _MIN_SENTENCE


def glued(el: etree._Element) -> bool:
    """Whether an element follows a word or a mark without a space, as markers do."""
    previous = el.getprevious()
    before = previous.tail if previous is not None else None
    if before is None:
        parent = el.getparent()
        if parent is not None and not (parent.text or "").strip() and parent.tag in ("sup", "a"):
            return glued(parent)
        before = parent.text if parent is not None else None
        if before is None and previous is not None:
            before = inner_text(previous)
    return bool(before) and not before[-1].isspace()  # type: ignore[index]


def note_block(target: etree._Element) -> etree._Element | None:
    """The element holding a link target's note text, when the target is in a note-like block.

    The target itself when it holds the text, else its nearest block; never a heading, a
    section holding headings or forms, nor anything too short or too long to be a note.
    """
    node: etree._Element | None = target
    for _ in range(4):
        if node is None or node.tag in ("body", "html"):
            return None
        length = text_length(node)
        if length >= MIN_NOTE and (node is target or node.tag in _NOTE_BLOCKS):
            if length > MAX_NOTE or node.tag in _NOT_IN_NOTE:
                return None
            return node if next(node.iter(*_NOT_IN_NOTE), None) is None else None
        node = node.getparent()
    return None


def hidden(el: etree._Element) -> bool:
    """Whether the page hides an element until asked (hover, click, screen readers)."""
    return (
        el.get("hidden") is not None
        or el.get("aria-hidden") == "true"
        or el.get("role") == "tooltip"
        or bool(_HIDDEN_STYLE.search(el.get("style") or ""))
    )


def list_position(item: etree._Element) -> str:
    """The number an ordered list shows for an item (``start`` and ``value`` honoured)."""
    parent = item.getparent()
    if parent is None or parent.tag != "ol":
        return ""
    number = _integer(parent.get("start"), 1) - 1
    for sibling in parent.iterchildren("li"):
        number = _integer(sibling.get("value"), number + 1)
        if sibling is item:
            return str(number)
    return ""


def _integer(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


class Labels:
    """The labels given so far on a page; a repeated one is told apart as ``LABEL-2``."""

    def __init__(self) -> None:
        self.taken: set[str] = set()
        self.repeated: list[str] = []

    def take(self, label: str) -> str:
        """``label`` (a running number when empty) made unique on the page, and kept."""
        if not label:
            n = len(self.taken) + 1
            while str(n) in self.taken:
                n += 1
            label = str(n)
        elif label in self.taken:
            if label not in self.repeated:
                self.repeated.append(label)
            n = 2
            while f"{label}-{n}" in self.taken:
                n += 1
            label = f"{label}-{n}"
        self.taken.add(label)
        return label

    def next(self, prefix: str) -> str:
        """The first free label ``PREFIX1``, ``PREFIX2``... (for entries shown unnumbered)."""
        n = 1
        while f"{prefix}{n}" in self.taken:
            n += 1
        return self.take(f"{prefix}{n}")

    def __contains__(self, label: object) -> bool:
        return label in self.taken
