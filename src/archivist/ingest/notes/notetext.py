"""A found note's clean text, and taking notes and markers out of the page."""

from __future__ import annotations

import copy
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any

from lxml import etree

from archivist.ingest.html.htmldom import inner_text, remove, text_content
from archivist.ingest.html.htmltext import FOOTNOTE_TAG
from archivist.ingest.metadata.pagecite import note_items
from archivist.ingest.notes.notemarks import is_notes_heading, marker_labels
from archivist.ingest.text.textmeta import ascii_digits

_BACKLINK_CLASS = re.compile(
    r"backref|backlink|reversefootnote|footnote-back|mw-cite-backlink|footnote-number|"
    r"easy-footnote-to-top",
    re.I,
)
_BACK_ARROWS = "↩↑^⤴︎\ufe0e\ufe0f"
_EDGE = _BACK_ARROWS + "[]()（） ,.:"
LEADING_NUMBER = re.compile(r"^\s*(?:\[\s*([\w.-]{1,8})\s*\]|(\w{1,8})[.)]?)\s*")
_EMPTY_BRACKETS = re.compile(r"^(?:\s*(?:\[\s*\]|\(\s*\)))+\s*")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_PRECEDING_TEXT = etree.XPath("preceding::text()")
_FOLLOWING_TEXT = etree.XPath("following::text()")
_RESIDUE_WORDS = 3
_SEPARATORS = " \t\n|·•,;/"
_KEEP = ("body", "html", "article", "main")


@dataclass(frozen=True, slots=True)
class FoundNote:
    """One note: its label, its text without numbering or back-links, the page's item for it."""

    label: str
    text: str
    csl: Mapping[str, Any] | None = None
    """The CSL item the page's metadata gives (COinS, schema.org), which wins over parsing."""
    cited: bool = True
    """Whether the page cites the note by a marker (anywhere, kept in the text or not)."""


def found_notes(
    root: etree._Element,
    notes: list[etree._Element],
    labels: list[str],
    cited: Collection[etree._Element],
) -> list[FoundNote]:
    """The notes with their texts and the items the page gives them, before they are taken out."""
    texts = [note_text(note, label) for note, label in zip(notes, labels, strict=True)]
    items = note_items(root, notes, texts)
    return [
        FoundNote(label, text, item, note in cited)
        for note, label, text, item in zip(notes, labels, texts, items, strict=True)
    ]


def note_text(note: etree._Element, label: str) -> str:
    """The text of a note without its number, back-links, arrows or trailing link residue."""
    body = note.find(".//*[@class='reference-text']")
    if body is None:
        body = note.find(".//*[@class='footnote-content']")
    work = copy.deepcopy(body if body is not None else note)
    work.tail = None
    short_links: list[etree._Element] = []
    for el in list(work.iter()):
        if el is work or not isinstance(el.tag, str):
            continue
        if el.tag in ("style", "script", "noscript", "template") or _is_backlink(el):
            remove(el)
        elif (el.get("href") or "").startswith("#") and marker_labels(inner_text(el)):
            short_links.append(el)
    for link in short_links:
        # A number linking up from a note's edge is its back-link; in its sentence
        # ("see note 2") it is a cross-reference and stays.
        before = "".join(_texts(_PRECEDING_TEXT, link)).strip(_EDGE)
        after = "".join(_texts(_FOLLOWING_TEXT, link)).strip(_BACK_ARROWS + "[]() ")
        if not before or not after:
            remove(link)
    _drop_link_residue(work)
    text = " ".join(text_content(work).split())
    text = _EMPTY_BRACKETS.sub("", text.strip(_BACK_ARROWS + " "))
    match = LEADING_NUMBER.match(text)
    # A label told apart as "1-2" still shows "1" before its text.
    shown = label.partition("-")[0]
    if match and ascii_digits(match.group(1) or match.group(2)) in (label, shown):
        text = text[match.end() :]
    elif text.startswith(label) and text[len(label) : len(label) + 1] in (" ", ".", ")"):
        text = text[len(label) + 1 :]  # a symbol's note: "* The minutes..."
    return text.strip(_BACK_ARROWS + " ")


def _drop_link_residue(work: etree._Element) -> None:
    """Drop the short service links a reference list ends its entries with.

    "Crossref Medline Google Scholar" after a journal reference: two or more short links at
    the end of a note, or one in an element of its own at the end holding only links.
    """
    trailing: list[etree._Element] = []
    for link in reversed(list(work.iter("a"))):
        if not _short_service_link(link) or not _only_after(link, trailing):
            break
        trailing.append(link)
    if not trailing:
        return
    holder = trailing[0].getparent()
    apart = (
        holder is not None
        and holder is not work
        and not (holder.text or "").strip(_SEPARATORS)
        and all(child.tag == "a" and not (child.tail or "").strip(_SEPARATORS) for child in holder)
    )
    if len(trailing) >= 2 or apart:
        for link in trailing:
            remove(link)


def _only_after(link: etree._Element, trailing: list[etree._Element]) -> bool:
    """Whether nothing but separators and the ``trailing`` links follow ``link``."""
    for text in _texts(_FOLLOWING_TEXT, link):
        owner = text.getparent()
        inside = owner is not None and any(
            (owner is t and not text.is_tail) or (owner is not t and _inside(owner, t))
            for t in trailing
        )
        if not inside and str(text).strip(_SEPARATORS):
            return False
    return True


def _texts(path: etree.XPath, el: etree._Element) -> list[Any]:
    """The text nodes an XPath finds (lxml strings that know their element and place)."""
    result = path(el)
    return result if isinstance(result, list) else []


def _inside(el: etree._Element, ancestor: etree._Element) -> bool:
    return any(a is ancestor for a in el.iterancestors())


def _short_service_link(a: etree._Element) -> bool:
    text = inner_text(a)
    return (
        0 < len(text.split()) <= _RESIDUE_WORDS
        and not any(ch.isdigit() or ch in "/." for ch in text)
        and (a.get("href") or "")[:1] not in ("", "#")
    )


def _is_backlink(el: etree._Element) -> bool:
    if el.get("role") == "doc-backlink" or _BACKLINK_CLASS.search(el.get("class") or ""):
        return True
    if el.tag == "a":
        text = text_content(el).strip()
        if text and all(ch in _BACK_ARROWS for ch in text):
            return True
    return False


def replace_with_placeholders(el: etree._Element, labels: list[str]) -> None:
    """Replace an element by one footnote placeholder per label, keeping the text after it."""
    holder = el.getparent()
    if holder is None or not labels:
        return
    placeholders = [etree.Element(FOOTNOTE_TAG, label=label) for label in labels]
    placeholders[-1].tail = el.tail
    holder.replace(el, placeholders[0])
    anchor = placeholders[0]
    for placeholder in placeholders[1:]:
        anchor.addnext(placeholder)
        anchor = placeholder


def remove_with_empty_parents(el: etree._Element) -> None:
    """Take a note out of the page, with the wrappers and the notes heading it leaves empty."""
    parent = el.getparent()
    remove(el)
    while parent is not None and parent.tag not in _KEEP:
        if len(parent) or (parent.text or "").strip():
            break
        grand = parent.getparent()
        previous = parent.getprevious()
        remove(parent)
        if (
            previous is not None
            and previous.tag in _HEADINGS
            and is_notes_heading(inner_text(previous))
        ):
            remove(previous)
        parent = grand
