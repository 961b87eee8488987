"""Notes a page keeps at the marker itself: hover, tooltip and pop-up footnote plugins.

The note sits in a hidden element inside or beside the marker, in the marker's ``title`` or
``data-*`` attribute, or in the element its ``aria-describedby`` names. It is lifted out into
a footnote and the body keeps only the marker.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from lxml import etree

from archivist.ingest.html.htmldom import inner_text, remove, text_length
from archivist.ingest.notes.notedom import MAX_NOTE, Labels, glued, hidden, in_running_text
from archivist.ingest.notes.notemarks import marker_labels
from archivist.ingest.notes.notetext import FoundNote, replace_with_placeholders

_MARKERS = ("sup", "span", "a", "button", "small")
_HOLDERS = frozenset({"span", "small", "div", "aside", "p", "cite", "em", "i"})
_MIN_WORDS = 3
_MAX_MARKER = 24
"""Characters a marker's text holds at most (``[12]``, ``note 3``, ``*``)."""
_BLOCKS = ("h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "article", "section")
_MAX_PARTS = 3
"""Children of a marker that holds its note: the label, the note, perhaps a close button."""
_MAX_LABEL_DIGITS = 3
_NOT_PROSE = ("{", "[", "<", "http:", "https:", "/", "#")


def find_inline_notes(
    root: etree._Element, ids: Mapping[str | None, etree._Element], taken: Labels
) -> list[FoundNote]:
    """Lift notes kept at their markers out of the page; placeholders stay for the markers."""
    found: list[FoundNote] = []
    top = root.getroottree().getroot()
    for el in list(root.iter(*_MARKERS)):
        if el.tag == "a" and _to_elsewhere(el.get("href")):
            continue  # a link to another page is no marker (and most links are such)
        if el.getroottree().getroot() is not top or el.getparent() is None:
            continue  # inside a marker already replaced
        located = _inline_note(el, ids)
        kind = _link_kind(el, ids) if located is not None else "elsewhere"
        if located is None or kind == "elsewhere":
            continue
        marker, note, text, shown = located
        if kind == "in-page":
            # The marker also links to the note in the page's notes list: the copy kept for
            # hovering goes, and the link finder takes the marker and the listed note.
            if note is not None:
                remove(note)
            continue
        label = taken.take(shown)
        if note is not None:
            remove(note)
        replace_with_placeholders(_whole_marker(marker), [label])
        found.append(FoundNote(label, text))
    return found


def _inline_note(
    el: etree._Element, ids: Mapping[str | None, etree._Element]
) -> tuple[etree._Element, etree._Element | None, str, str] | None:
    """``(marker, note element or None, note text, label)`` when ``el`` carries a note."""
    length = text_length(el)
    if length <= _MAX_MARKER:
        located = _note_of_marker(el, ids)
    elif el.tag in ("sup", "span", "small") and 0 < len(el) <= _MAX_PARTS:
        located = _note_inside(el)
    else:
        return None
    return located if located is not None and in_running_text(el) else None


def _note_of_marker(
    el: etree._Element, ids: Mapping[str | None, etree._Element]
) -> tuple[etree._Element, etree._Element | None, str, str] | None:
    """The note a short marker keeps in an attribute, a described element or beside it."""
    # Where the note could be is asked first: it is cheap, and most short inline elements of
    # a page (a word in a span) have none, so their text is never read as a label.
    attributes = _note_attributes(el)
    described = ids.get(el.get("aria-describedby"))
    beside = el.getnext()
    if beside is not None and ((el.tail or "").strip() or not beside.attrib):
        beside = None
    if not attributes and described is None and beside is None:
        return None
    own = _label(inner_text(el))
    if not own or not glued(el):
        return None
    if attributes:
        return el, None, attributes[0], own
    if (
        described is not None
        and hidden(described)
        and _apart(el, described)
        and _note_sized(described)
        and _prose(inner_text(described))
    ):
        return el, described, inner_text(described), own
    if beside is not None and _note_beside(el, beside):
        return (el, beside, inner_text(beside), own) if _note_sized(beside) else None
    return None


def _note_inside(el: etree._Element) -> tuple[etree._Element, etree._Element, str, str] | None:
    """The note inside a marker: its text is a label once the note is set aside."""
    for child in el.iterdescendants():
        if not isinstance(child.tag, str) or child.tag == "a" or child.tag not in _HOLDERS:
            continue
        text = inner_text(child)
        if not _prose(text) or (child.find(".//a[@href]") is not None and not hidden(child)):
            continue
        if not _note_sized(child):
            return None
        label = _label(inner_text(el).replace(text, "", 1))
        return (el, child, text, label) if label and glued(el) else None
    return None


def _label(text: str) -> str:
    labels = marker_labels(text)
    if len(labels) != 1:
        return ""
    label = labels[0]
    if label.isalpha() and (len(label) > 1 or not label.islower()):
        return ""  # "UN", "A": an abbreviation or an initial, not a note's letter
    digits = sum(ch.isdigit() for ch in label)
    return label if digits <= _MAX_LABEL_DIGITS else ""


def _to_elsewhere(href: str | None) -> bool:
    if not href:
        return False
    href = href.strip()
    return bool(href) and href[0] != "#" and not href.lower().startswith("javascript:")


def _link_kind(
    el: etree._Element, ids: Mapping[str | None, etree._Element]
) -> Literal["none", "in-page", "elsewhere"]:
    """Whether the marker links nowhere, to a note in the page, or to another page."""
    kind: Literal["none", "in-page", "elsewhere"] = "none"
    for a in [el, *el.iterancestors("a"), *el.iterdescendants("a")]:
        if a.tag != "a":
            continue
        href = (a.get("href") or "").strip()
        if href.lower().startswith("javascript:") or href in ("", "#"):
            continue
        page, _, fragment = href.partition("#")
        if page:
            return "elsewhere"
        if fragment in ids:
            kind = "in-page"
    return kind


def _note_attributes(el: etree._Element) -> list[str]:
    """Prose the marker (or the link or sup wrapped round it) keeps in an attribute."""
    found: list[str] = []
    # Most markers looked at are leaves: no walk over their (absent) descendants is set up.
    for holder in [el, *el.iterdescendants("a", "span")] if len(el) else (el,):
        for name, value in holder.items():  # one list of pairs: no attribute proxy made
            text, key = str(value), str(name)
            if (key == "title" or key.startswith("data-")) and _prose(text):
                found.append(" ".join(text.split()))
    return found


def _note_beside(marker: etree._Element, beside: etree._Element) -> bool:
    """A note element right after its marker: hidden, or paired to it by attribute or class."""
    if not isinstance(beside.tag, str) or beside.tag not in _HOLDERS:
        return False
    if not _prose(inner_text(beside)):
        return False
    if hidden(beside):
        return True
    shared = {
        (name, value)
        for name, value in marker.attrib.items()
        if str(name).startswith("data-") and beside.get(name) == value
    }
    if shared:
        return True
    stems = (marker.get("class") or "").split()
    return any(
        token.startswith(stem) and token != stem
        for stem in stems
        for token in (beside.get("class") or "").split()
    )


def _note_sized(el: etree._Element) -> bool:
    """Short enough to be a note, and holding no block of the article (no heading, no list)."""
    return text_length(el) <= MAX_NOTE and next(el.iter(*_BLOCKS), None) is None


def _apart(marker: etree._Element, note: etree._Element) -> bool:
    """Neither inside the other: taking the note out leaves the marker in place."""
    return not any(a is note for a in marker.iterancestors()) and not any(
        d is marker for d in note.iterdescendants()
    )


def _prose(text: str) -> bool:
    text = text.strip()
    return len(text.split()) >= _MIN_WORDS and not text.startswith(_NOT_PROSE)


def _whole_marker(marker: etree._Element) -> etree._Element:
    """A sup or link wrapped round nothing but the marker is the marker as a whole."""
    parent = marker.getparent()
    while (
        parent is not None
        and parent.tag in ("sup", "a")
        and len(parent) == 1
        and not (parent.text or "").strip("[( ")
        and not (marker.tail or "").strip("]) ")
    ):
        marker, parent = parent, parent.getparent()
    return marker
