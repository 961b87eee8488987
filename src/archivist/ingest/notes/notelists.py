"""Notes no link reaches: ``[n]`` paragraphs, and lists under a notes heading, cited or not."""

from __future__ import annotations

import dataclasses
import re

from lxml import etree

from archivist.ingest.html.htmldom import inner_text, is_element, text_content
from archivist.ingest.html.htmltext import FOOTNOTE_TAG
from archivist.ingest.notes.notedom import MAX_NOTE, Labels, list_position
from archivist.ingest.notes.notemarks import is_notes_heading, is_subscript, marker_labels
from archivist.ingest.notes.notetext import (
    LEADING_NUMBER,
    FoundNote,
    found_notes,
    remove_with_empty_parents,
    replace_with_placeholders,
)
from archivist.ingest.text.textmeta import ascii_digits

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PLAIN_NOTE = re.compile(r"^\s*\[([0-9٠-٩۰-۹]{1,3})\]\s*")
_PLAIN_MARKER = re.compile(r"\[\s*([0-9٠-٩۰-۹]{1,3})\s*\]")
_NOT_TEXT = frozenset({"script", "style", "pre", "code", "kbd", "samp", "var", "math", "tt"})
_YEAR = re.compile(r"(?<!\d)(?:1[5-9]\d\d|20\d\d)(?!\d)")
_MAX_ENTRIES = 20000
_MEAN_ENTRY = 600
"""Entries longer than this on average are the article's paragraphs, not references."""


def plain_notes(root: etree._Element, taken: Labels) -> list[FoundNote]:
    """Paragraphs opening ``[n]`` or ``<sup>n</sup>`` from 1 on, cited by the same marks."""
    entries: list[tuple[etree._Element, str]] = []
    for p in root.iter("p", "li"):
        label = _plain_entry_label(p)
        if label is not None:
            entries.append((p, label))
    if not entries or entries[0][1] != "1":
        return []
    return _take(root, [p for p, _ in entries], [label for _, label in entries], taken)


def find_listed_notes(root: etree._Element, taken: Labels) -> list[FoundNote]:
    """The entries of lists under notes headings (``References``, ``参考资料``, ``پانویس``).

    Cited by plain markers (``[2]``, ``<sup>2</sup>``) they are notes with markers; cited by
    nothing, they are a reference list (journals, works cited): notes without markers.
    """
    found: list[FoundNote] = []
    for heading in list(root.iter(*_HEADINGS)):
        if heading.getparent() is None or not is_notes_heading(inner_text(heading)):
            continue
        entries = _entries_after(heading)
        if not entries:
            continue
        shown = [_shown_number(entry) for entry in entries]
        numbered = all(shown)
        if not numbered and not _reference_like(entries):
            continue
        if numbered and not _reference_like(entries) and not _cited_anywhere(root, set(shown)):
            continue
        if numbered:
            found += _take(root, entries, shown, taken)
        else:
            # Unnumbered references take R1, R2... after any the page already gave out.
            prefix = "R" if taken.taken else ""
            labels = [taken.next(prefix) for _ in entries]
            found += found_notes(root, entries, labels, ())
            for entry in entries:
                remove_with_empty_parents(entry)
    return found


def _take(
    root: etree._Element, entries: list[etree._Element], shown: list[str], taken: Labels
) -> list[FoundNote]:
    """Lift entries out as notes and link the plain markers citing them, by shown label."""
    labels = [taken.take(label) for label in shown]
    notes = found_notes(root, entries, labels, ())
    for entry in entries:
        remove_with_empty_parents(entry)
    body = root.find("body")
    scope = body if body is not None else root
    wanted = _Copies()
    for number, label in zip(shown, labels, strict=True):
        wanted.copies.setdefault(number, []).append(label)
    cited = _mark_plain_markers(scope, wanted)
    return [dataclasses.replace(note, cited=note.label in cited) for note in notes]


def _plain_entry_label(p: etree._Element) -> str | None:
    lead = p.text
    if lead and not lead.isspace():
        if not lead.lstrip().startswith("["):
            # Most paragraphs: their own text opens with a word, so neither shape below can
            # fit (one opens "[n]", the other has no text before its <sup>); the text is not
            # built.
            return None
    elif len(p) and p[0].tag != "sup" and not len(p[0]):
        # Most list items: a link or a label of plain text opens them, which says whether
        # the whole text opens with "[" as well.
        opening = p[0].text
        if opening and not opening.isspace() and not opening.lstrip().startswith("["):
            return None
    return plain_entry_label_in_full(p)


def plain_entry_label_in_full(p: etree._Element) -> str | None:
    """``_plain_entry_label`` without its shortcut for paragraphs opening with a word."""
    match = _PLAIN_NOTE.match(text_content(p))
    if match:
        return ascii_digits(match.group(1))
    first = p[0] if len(p) else None
    if first is not None and first.tag == "sup" and not (p.text or "").strip():
        label = text_content(first).strip()
        if label.isdigit() and len(label) <= 3 and first.find(".//a") is None:
            return ascii_digits(label)
    return None


def _shown_number(entry: etree._Element) -> str:
    match = LEADING_NUMBER.match(inner_text(entry))
    if match:
        number = match.group(1) or match.group(2) or ""
        if number.isdigit() and len(number) <= 4:
            return ascii_digits(number)
    return list_position(entry) if entry.tag == "li" else ""


def _entries_after(heading: etree._Element) -> list[etree._Element]:
    """The items of the list (or the blocks) that follow a heading, up to the next heading."""
    level = int(heading.tag[1])
    start = heading
    # A heading wrapped alone in a div (with an "edit" link, say) leads the wrapper's section.
    while start.getnext() is None and start.getparent() is not None:
        parent = start.getparent()
        assert parent is not None
        if parent.tag in ("body", "html") or inner_text(parent) != inner_text(start):
            break
        start = parent
    entries: list[etree._Element] = []
    for sibling in start.itersiblings():
        if not is_element(sibling):
            continue
        if sibling.tag in _HEADINGS:
            if int(sibling.tag[1]) <= level:
                break
            continue
        if next(sibling.iter(*_HEADINGS), None) is not None:
            break
        entries += _blocks_of(sibling)
        if len(entries) > _MAX_ENTRIES:
            break
    return [e for e in entries if inner_text(e)]


def _blocks_of(el: etree._Element) -> list[etree._Element]:
    if el.tag in ("ol", "ul"):
        return [li for li in el.iterchildren("li")]
    items = [li for li in el.iter("li") if not any(a.tag == "li" for a in li.iterancestors())]
    if items:
        return items
    if el.tag in ("div", "section") and len(el):
        children = [c for c in el if isinstance(c.tag, str) and c.tag in ("p", "div")]
        if len(children) >= 2:
            return children
    return [el] if el.tag in ("p", "div", "dd") else []


def _reference_like(entries: list[etree._Element]) -> bool:
    """Entries that read as references: short, and most of them dated.

    A dated entry is what a journal's references and a works-cited list share; a list of bare
    links under "References" (a blog's sidebar) is left to the body extractor.
    """
    texts = [inner_text(e) for e in entries]
    if sum(map(len, texts)) > _MEAN_ENTRY * len(texts) or max(map(len, texts)) > MAX_NOTE:
        return False
    return sum(1 for t in texts if _YEAR.search(t)) * 2 > len(texts)


def _cited_anywhere(root: etree._Element, labels: set[str]) -> bool:
    body = root.find("body")
    scope = body if body is not None else root
    for el in scope.iter():
        if not isinstance(el.tag, str) or el.tag in _NOT_TEXT:
            continue
        plain_sup = el.tag == "sup" and el.find(".//a") is None
        if plain_sup and set(marker_labels(inner_text(el))) & labels:
            return True
        for text in (el.text, el.tail):
            if text and "[" in text:
                for match in _PLAIN_MARKER.finditer(text):
                    if ascii_digits(match.group(1)) in labels:
                        return True
    return False


def drop_empty_notes_headings(root: etree._Element) -> None:
    """Take out the notes headings whose notes were lifted out, leaving nothing under them."""
    for heading in list(root.iter(*_HEADINGS)):
        if heading.getparent() is None or not is_notes_heading(inner_text(heading)):
            continue
        level = int(heading.tag[1])
        empty = True
        for sibling in heading.itersiblings():
            if is_element(sibling) and sibling.tag in _HEADINGS and int(sibling.tag[1]) <= level:
                break
            if text_content(sibling).strip():
                empty = False
                break
        if empty:
            remove_with_empty_parents(heading)


class _Copies:
    """Labels by the number the page shows; markers of a number used twice (two tables' notes
    both numbered 1) go to its notes in document order, the last taking any further ones."""

    def __init__(self) -> None:
        self.copies: dict[str, list[str]] = {}
        self.used: dict[str, int] = {}

    def __contains__(self, number: object) -> bool:
        return number in self.copies

    def __getitem__(self, number: str) -> str:
        copies = self.copies[number]
        seen = self.used.get(number, 0)
        self.used[number] = seen + 1
        return copies[min(seen, len(copies) - 1)]


def _mark_plain_markers(scope: etree._Element, wanted: _Copies) -> set[str]:
    """Replace ``[n]`` and ``<sup>n</sup>`` naming a wanted label by placeholders; the labels."""
    marked: set[str] = set()
    for sup in list(scope.iter("sup")):
        if sup.getparent() is None or sup.find(".//a") is not None:
            continue
        labels = [wanted[s] for s in marker_labels(inner_text(sup)) if s in wanted]
        if labels:
            replace_with_placeholders(sup, labels)
            marked.update(labels)
    for el in list(scope.iter()):
        if not isinstance(el.tag, str) or el.tag in _NOT_TEXT:
            continue
        if any(a.tag in _NOT_TEXT for a in el.iterancestors()):
            continue
        if el.text and "[" in el.text:
            pieces = _split(el.text, wanted, marked)
            if pieces is not None:
                el.text = pieces[0]
                for i, (label, tail) in enumerate(pieces[1]):
                    placeholder = etree.Element(FOOTNOTE_TAG, label=label)
                    placeholder.tail = tail
                    el.insert(i, placeholder)
        parent = el.getparent()
        if el.tail and "[" in el.tail and parent is not None and parent.tag not in _NOT_TEXT:
            pieces = _split(el.tail, wanted, marked)
            if pieces is not None:
                el.tail = pieces[0]
                anchor = el
                for label, tail in pieces[1]:
                    placeholder = etree.Element(FOOTNOTE_TAG, label=label)
                    placeholder.tail = tail
                    anchor.addnext(placeholder)
                    anchor = placeholder
    return marked


def _split(
    text: str, wanted: _Copies, marked: set[str]
) -> tuple[str, list[tuple[str, str]]] | None:
    matches = [
        m
        for m in _PLAIN_MARKER.finditer(text)
        if ascii_digits(m.group(1)) in wanted and not is_subscript(text, m.start(), m.end())
    ]
    if not matches:
        return None
    head = text[: matches[0].start()].rstrip(" ")
    rest: list[tuple[str, str]] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        label = wanted[ascii_digits(m.group(1))]
        marked.add(label)
        rest.append((label, text[m.end() : end]))
    return head, rest
