"""Find a page's footnotes in its original DOM, whatever convention the site used."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from lxml import etree

from archivist.ingest.htmldom import ATTRIBUTED, remove, select, text_content
from archivist.ingest.htmltext import FOOTNOTE_TAG
from archivist.ingest.pagecite import note_items

# Containers of notes: pandoc/kramdown/markdown-it `.footnotes`, MediaWiki `ol.references`,
# WordPress plugins (`.easy-footnotes-wrapper`, `.wp-block-footnotes`), O'Reilly `data-type`.
_CONTAINER_CLASSES = frozenset(
    {"footnotes", "references", "footnotes-list", "wp-block-footnotes", "easy-footnotes-wrapper"}
)
_CONTAINER_ROLES = frozenset({"doc-endnotes", "doc-footnotes"})
_NOTE_ID = re.compile(
    r"^(?:fn|footnote|note|cite|cite[_-]note|endnote|easy-footnote|ftn|_ftn|edn|_edn|en)[-_:.\d]",
    re.I,
)
_MARKER_HINT = re.compile(r"footnote|noteref|fnref|cite|reference|easy-footnote", re.I)
_BACKLINK_CLASS = re.compile(
    r"backref|backlink|reversefootnote|footnote-back|mw-cite-backlink|footnote-number|"
    r"easy-footnote-to-top",
    re.I,
)
_BACK_ARROWS = "↩↑^⤴︎\ufe0e\ufe0f"
_LEADING_NUMBER = re.compile(r"^\s*(?:\[\s*([\w.-]{1,8})\s*\]|(\w{1,8})[.)]?)\s*")
_LABEL_TEXT = re.compile(r"^\[?\s*([^\]\[]{1,12}?)\s*\]?$")
_PLAIN_NOTE = re.compile(r"^\s*\[(\d{1,3})\]\s*")
_PLAIN_MARKER = re.compile(r"\[(\d{1,3})\]")
_NOTE_BLOCKS = ("li", "p", "div", "aside", "dd")


@dataclass(frozen=True, slots=True)
class FoundNote:
    """One note: its label, its text without numbering or back-links, the page's item for it."""

    label: str
    text: str
    csl: Mapping[str, Any] | None = None
    """The CSL item the page's metadata gives (COinS, schema.org), which wins over parsing."""


def find_footnotes(
    root: etree._Element, marked: list[etree._Element] | None = None
) -> list[FoundNote]:
    """Find notes and markers, put placeholders where markers were, and take the notes out.

    ``marked`` is ``select(ATTRIBUTED, root)`` when the caller already has it.
    """
    if marked is None:
        marked = select(ATTRIBUTED, root)
    ids = {el.get("name"): el for el in root.iterfind(".//a[@name]")}
    ids.update((el.get("id"), el) for el in root.iterfind(".//*[@id]"))
    containers = [
        el
        for el in marked
        if _container_class(el.get("class"))
        or el.get("role") in _CONTAINER_ROLES
        or el.get("data-type") == "footnotes"
    ]
    in_container: dict[etree._Element, etree._Element] = {}
    for container in containers:
        for entry in _entries(container):
            in_container.setdefault(entry, container)
    strong: list[tuple[etree._Element, etree._Element]] = []
    weak: list[tuple[etree._Element, etree._Element]] = []
    for a in root.iterfind(".//a[@href]"):
        fragment = (a.get("href") or "").partition("#")[2]
        if not fragment:
            continue
        target = ids.get(unquote(fragment))
        if target is None or not isinstance(target.tag, str):
            continue
        located = _note_for(target, in_container)
        if located is None:
            continue
        note, sure = located
        if _inside(a, note) or any(_inside(a, c) for c in containers):
            continue
        if _looks_like_marker(a):
            (strong if sure else weak).append((a, note))
    # A block found only through an anchor's name is trusted least: never when the link sits
    # in a surer note (a back-link) or the block holds a surer marker (body text).
    sure_notes = {note for _, note in strong}
    markers = strong + [
        (a, note)
        for a, note in weak
        if not any(_inside(a, n) for n in sure_notes)
        and not any(_inside(m, note) for m, _ in strong)
    ]
    if not markers and not in_container:
        return _plain_notes(root)
    labels: dict[etree._Element, str] = {}
    for a, note in markers:
        if note not in labels:
            labels[note] = _unique(_marker_label(a) or str(len(labels) + 1), labels.values())
    notes_in_order = [n for n in root.iter() if n in in_container or n in labels]
    for note in notes_in_order:
        if note not in labels:
            labels[note] = _unique(_own_number(note) or str(len(labels) + 1), labels.values())
    found = _found(root, notes_in_order, [labels[note] for note in notes_in_order])
    for a, note in markers:
        _replace_marker(a, labels[note])
    for note in notes_in_order:
        _remove_with_empty_parents(note)
    for container in containers:
        if container.getparent() is not None and not text_content(container).strip():
            _remove_with_empty_parents(container)
    return found


def _found(root: etree._Element, notes: list[etree._Element], labels: list[str]) -> list[FoundNote]:
    """The notes with their texts and the items the page gives them, before they are taken out."""
    texts = [note_text(note, label) for note, label in zip(notes, labels, strict=True)]
    items = note_items(root, notes, texts)
    return [FoundNote(*parts) for parts in zip(labels, texts, items, strict=True)]


@functools.lru_cache(maxsize=4096)
def _container_class(classes: str | None) -> bool:
    if not classes:
        return False
    tokens = classes.split()
    return bool(_CONTAINER_CLASSES.intersection(tokens)) or any("endnotes" in t for t in tokens)


def note_text(note: etree._Element, label: str) -> str:
    """The text of a note without its number, back-links or arrows."""
    body = note.find(".//*[@class='reference-text']")
    if body is None:
        body = note.find(".//*[@class='footnote-content']")
    work = copy.deepcopy(body if body is not None else note)
    work.tail = None
    for el in list(work.iter()):
        if el is work or not isinstance(el.tag, str):
            continue
        if el.tag in ("style", "script", "noscript", "template") or _is_backlink(el):
            remove(el)
    text = " ".join(text_content(work).split())
    text = text.strip(_BACK_ARROWS + " ")
    match = _LEADING_NUMBER.match(text)
    if match and (match.group(1) or match.group(2)) == label:
        text = text[match.end() :]
    return text.strip(_BACK_ARROWS + " ")


def _entries(container: etree._Element) -> list[etree._Element]:
    items = container.findall(".//li")
    if items:
        return [li for li in items if getattr(li.getparent(), "tag", None) == "ol"] or items
    return [
        el
        for el in container.iter("p", "div", "aside")
        if el.get("data-type") == "footnote" or "footnote" in (el.get("class") or "").split()
    ]


def _note_for(
    target: etree._Element, in_container: dict[etree._Element, etree._Element]
) -> tuple[etree._Element, bool] | None:
    """The note a link target belongs to, and whether the note is surely one."""
    node: etree._Element | None = target
    for _ in range(3):
        if node is None:
            return None
        if node in in_container:
            return node, True
        node = node.getparent()
    # An anchor named like a note (``id="fn1"``, Word's ``name="_ftn1"``) marks its block.
    named = bool(_NOTE_ID.match(target.get("id") or target.get("name") or ""))
    node = target
    for _ in range(3):
        if node is None:
            break
        if node.tag in _NOTE_BLOCKS:
            own = bool(_NOTE_ID.match(node.get("id") or "")) or bool(
                {"footnote", "footnote-item", "endnote"} & set((node.get("class") or "").split())
            )
            if own or named:
                return node, own
        node = node.getparent()
    return None


def _inside(el: etree._Element, ancestor: etree._Element) -> bool:
    return el is ancestor or any(a is ancestor for a in el.iterancestors())


def _looks_like_marker(a: etree._Element) -> bool:
    parent = a.getparent()
    if (parent is not None and parent.tag == "sup") or a.find("sup") is not None:
        return True
    if a.get("role") == "doc-noteref" or a.get("data-type") == "noteref":
        return True
    hint = f"{a.get('class', '')} {a.get('id', '')} {a.get('rel', '')}"
    if _MARKER_HINT.search(hint):
        return True
    return bool(_LABEL_TEXT.match(" ".join(text_content(a).split())))


def _marker_label(a: etree._Element) -> str:
    match = _LABEL_TEXT.match(" ".join(text_content(a).split()))
    return match.group(1).strip() if match else ""


def _own_number(note: etree._Element) -> str:
    match = _LEADING_NUMBER.match(" ".join(text_content(note).split()))
    if match:
        label = match.group(1) or match.group(2)
        if label and label.isdigit():
            return label
    return ""


def _unique(label: str, taken: object) -> str:
    used = set(taken)  # type: ignore[call-overload]
    if label not in used:
        return label
    n = 2
    while f"{label}-{n}" in used:
        n += 1
    return f"{label}-{n}"


def _is_backlink(el: etree._Element) -> bool:
    if el.get("role") == "doc-backlink" or _BACKLINK_CLASS.search(el.get("class") or ""):
        return True
    if el.tag == "a":
        text = text_content(el).strip()
        if text and all(ch in _BACK_ARROWS for ch in text):
            return True
        href = el.get("href") or ""
        if href.startswith("#") and _LABEL_TEXT.match(text) and len(text) <= 6:
            return True
    return el.tag == "sup" and el.find("a") is not None and len(text_content(el).strip()) <= 6


def _replace_marker(a: etree._Element, label: str) -> None:
    target = a
    parent = a.getparent()
    # A sup wrapping only the link is the marker as a whole.
    if (
        parent is not None
        and parent.tag == "sup"
        and len(parent) == 1
        and not (parent.text or "").strip()
        and not (a.tail or "").strip()
    ):
        target = parent
    placeholder = etree.Element(FOOTNOTE_TAG, label=label)
    placeholder.tail = target.tail
    holder = target.getparent()
    if holder is not None:
        holder.replace(target, placeholder)


def _remove_with_empty_parents(el: etree._Element) -> None:
    parent = el.getparent()
    remove(el)
    while parent is not None and parent.tag not in ("body", "html", "article", "main"):
        if len(parent) or (parent.text or "").strip():
            break
        grand = parent.getparent()
        previous = parent.getprevious()
        remove(parent)
        if previous is not None and previous.tag in ("h2", "h3", "h4") and _notes_heading(previous):
            remove(previous)
        parent = grand


def _notes_heading(el: etree._Element) -> bool:
    return bool(
        re.match(
            r"^\W*(notes|footnotes|endnotes|references|sources|citations)\W*(edit\W*)?$",
            text_content(el),
            re.I,
        )
    )


def _plain_notes(root: etree._Element) -> list[FoundNote]:
    """Unlinked notes: paragraphs opening ``[n]`` or ``<sup>n</sup>``, cited the same way."""
    entries: list[tuple[etree._Element, str]] = []
    for p in root.iter("p", "li"):
        label = _plain_entry_label(p)
        if label is not None:
            entries.append((p, label))
    if not entries or entries[0][1] != "1":
        return []
    labels = {label for _, label in entries}
    notes = _found(root, [p for p, _ in entries], [label for _, label in entries])
    for p, _ in entries:
        _remove_with_empty_parents(p)
    body = root.find("body")
    scope = body if body is not None else root
    for sup in list(scope.iter("sup")):
        label = text_content(sup).strip()
        if label in labels and sup.find(".//a") is None and sup.getparent() is not None:
            placeholder = etree.Element(FOOTNOTE_TAG, label=label)
            placeholder.tail = sup.tail
            sup.getparent().replace(sup, placeholder)  # type: ignore[union-attr]
    _mark_plain_markers(scope, labels)
    return notes


def _plain_entry_label(p: etree._Element) -> str | None:
    match = _PLAIN_NOTE.match(text_content(p))
    if match:
        return match.group(1)
    first = p[0] if len(p) else None
    if first is not None and first.tag == "sup" and not (p.text or "").strip():
        label = text_content(first).strip()
        if label.isdigit() and len(label) <= 3 and first.find(".//a") is None:
            return label
    return None


def _mark_plain_markers(root: etree._Element, labels: set[str]) -> None:
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "pre", "code"):
            continue
        if el.text and "[" in el.text:
            pieces = _split(el.text, labels)
            if pieces is not None:
                el.text = pieces[0]
                for i, (label, tail) in enumerate(pieces[1]):
                    placeholder = etree.Element(FOOTNOTE_TAG, label=label)
                    placeholder.tail = tail
                    el.insert(i, placeholder)
        if el.tail and "[" in el.tail and el.getparent() is not None:
            pieces = _split(el.tail, labels)
            if pieces is not None:
                el.tail = pieces[0]
                anchor = el
                for label, tail in pieces[1]:
                    placeholder = etree.Element(FOOTNOTE_TAG, label=label)
                    placeholder.tail = tail
                    anchor.addnext(placeholder)
                    anchor = placeholder


def _split(text: str, labels: set[str]) -> tuple[str, list[tuple[str, str]]] | None:
    matches = [m for m in _PLAIN_MARKER.finditer(text) if m.group(1) in labels]
    if not matches:
        return None
    head = text[: matches[0].start()].rstrip(" ")
    rest: list[tuple[str, str]] = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        rest.append((m.group(1), text[m.end() : end]))
    return head, rest
