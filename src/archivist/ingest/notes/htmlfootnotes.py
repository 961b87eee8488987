"""Find a page's footnotes in its original DOM, whatever convention the site used."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from urllib.parse import unquote

from lxml import etree

from archivist.ingest.html.htmldom import (
    Targets,
    attributed,
    inner_text,
    link_targets,
    text_content,
)
from archivist.ingest.notes.inlinenotes import find_inline_notes
from archivist.ingest.notes.notedom import Labels, in_running_text, list_position, note_block
from archivist.ingest.notes.notelists import (
    drop_empty_notes_headings,
    find_listed_notes,
    plain_notes,
)
from archivist.ingest.notes.notemarks import marker_labels
from archivist.ingest.notes.notetext import (
    LEADING_NUMBER,
    FoundNote,
    found_notes,
    remove_with_empty_parents,
    replace_with_placeholders,
)
from archivist.ingest.text.textmeta import ascii_digits

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
_LABEL_TEXT = re.compile(r"^\[?\s*([^\]\[]{1,12}?)\s*\]?$")
_MAX_WARNED = 5
_NOTE_BLOCKS = ("li", "p", "div", "aside", "dd")


@dataclass(frozen=True, slots=True)
class FoundNotes:
    """A page's notes in order, and what the reader should know about them."""

    notes: list[FoundNote]
    warnings: list[str]


def find_footnotes(
    root: etree._Element,
    marked: list[etree._Element] | None = None,
    targets: Targets | None = None,
) -> FoundNotes:
    """Find notes and markers, put placeholders where markers were, and take the notes out.

    ``marked`` is ``attributed(root)`` and ``targets`` is ``link_targets(root)`` when the
    caller already has them. Notes come
    from links between markers and notes (whatever attribute names the target), from notes a
    plugin keeps at the marker (hidden, ``title``, ``data-*``, ``aria-describedby``), and from
    lists under a notes heading, cited by plain ``[n]`` markers or not at all.
    """
    if marked is None:
        marked = attributed(root)
    ids = link_targets(root) if targets is None else targets
    taken = Labels()
    missing: list[str] = []
    inline = find_inline_notes(root, ids, taken)
    linked = _linked_notes(root, marked, ids, taken, missing)
    if linked is None:
        linked = plain_notes(root, taken)
    listed = find_listed_notes(root, taken)
    drop_empty_notes_headings(root)
    notes = inline + linked + listed
    warnings = [
        f"footnote label {label} is used more than once; the later ones are labelled {label}-2 on"
        for label in taken.repeated[:_MAX_WARNED]
    ]
    if missing:
        shown = ", ".join(f"[{label}]" for label in missing[:_MAX_WARNED])
        more = f" and {len(missing) - _MAX_WARNED} more" if len(missing) > _MAX_WARNED else ""
        warnings.append(f"footnote markers {shown}{more} point at notes missing from the page")
    return FoundNotes(notes, warnings)


def _linked_notes(
    root: etree._Element,
    marked: list[etree._Element],
    ids: dict[str | None, etree._Element],
    taken: Labels,
    missing: list[str],
) -> list[FoundNote] | None:
    """Notes reached by in-page links from markers; None when the page has no such links.

    The labels of markers whose target is not in the page are added to ``missing``.
    """
    containers = [
        el
        for el in marked
        if _container_class(el.get("class") or "")
        or el.get("role") in _CONTAINER_ROLES
        or el.get("data-type") == "footnotes"
    ]
    in_container: dict[etree._Element, etree._Element] = {}
    for container in containers:
        for entry in _entries(container):
            in_container.setdefault(entry, container)
    strong: list[tuple[etree._Element, etree._Element]] = []
    weak: list[tuple[etree._Element, etree._Element]] = []
    loose: list[tuple[etree._Element, etree._Element]] = []
    for a in root.iterfind(".//a[@href]"):
        fragment = (a.get("href") or "").partition("#")[2]
        if not fragment:
            continue
        target = ids.get(unquote(fragment))
        if target is None:
            shown = marker_labels(inner_text(a))
            if shown and _looks_like_marker(a) and (a.get("href") or "").startswith("#"):
                missing.append(shown[0])
            continue
        if not isinstance(target.tag, str) or target.getparent() is None:
            continue
        located = _note_for(target, in_container)
        if located is None:
            if marker_labels(inner_text(a)) and in_running_text(a):
                block = note_block(target)
                if block is not None and not _inside(a, block) and not _inside(block, a):
                    loose.append((a, block))
            continue
        note, sure = located
        if _inside(a, note) or any(_inside(a, c) for c in containers):
            continue
        if _looks_like_marker(a):
            (strong if sure else weak).append((a, note))
    if loose:
        weak += _forward(root, loose)
    # A block found only through an anchor's name is trusted least: never when the link sits
    # in a surer note (a back-link) or the block holds a surer marker (body text).
    sure_notes = {note for _, note in strong}
    holding_sure_markers = {block for m, _ in strong for block in m.iterancestors()}
    markers = strong + [
        (a, note)
        for a, note in weak
        if a not in sure_notes
        and not any(block in sure_notes for block in a.iterancestors())
        and note not in holding_sure_markers
    ]
    if not markers and not in_container:
        return None
    labels: dict[etree._Element, str] = {}
    for a, note in markers:
        if note not in labels:
            shown = marker_labels(inner_text(a))
            labels[note] = taken.take(shown[0] if shown else _own_number(note))
    cited = set(labels)
    notes_in_order = [n for n in root.iter() if n in in_container or n in labels]
    for note in notes_in_order:
        if note not in labels:
            labels[note] = taken.take(_own_number(note))
    found = found_notes(root, notes_in_order, [labels[note] for note in notes_in_order], cited)
    by_label = {label: note for note, label in labels.items()}
    for a, note in markers:
        named = [label for label in marker_labels(inner_text(a))[1:] if label in by_label]
        _replace_marker(a, [labels[note], *named])
    for note in notes_in_order:
        remove_with_empty_parents(note)
    for container in containers:
        if container.getparent() is not None and not text_content(container).strip():
            remove_with_empty_parents(container)
    return found


def _forward(
    root: etree._Element, pairs: list[tuple[etree._Element, etree._Element]]
) -> list[tuple[etree._Element, etree._Element]]:
    """The marker-to-note pairs among links found by shape alone: those that point ahead.

    A note's back-link points up at the block holding its marker; the marker points down.
    """
    order = {el: n for n, el in enumerate(root.iter())}
    return [(a, block) for a, block in pairs if order.get(block, -1) > order.get(a, -1)]


@functools.lru_cache(maxsize=4096)
def _container_tokens(classes: str) -> bool:
    tokens = classes.split()
    return bool(_CONTAINER_CLASSES.intersection(tokens)) or any("endnotes" in t for t in tokens)


def _container_class(classes: str) -> bool:
    """Whether a class attribute names a container of notes. Every container class says
    "notes" or "references" (a test checks): nearly every class of a page says neither, and
    is settled without splitting it or filling the cache with it."""
    return ("notes" in classes or "references" in classes) and _container_tokens(classes)


def _entries(container: etree._Element) -> list[etree._Element]:
    items = [li for li in container.iter("li") if li is not container and _can_be_note(li)]
    if items:
        return [li for li in items if getattr(li.getparent(), "tag", None) == "ol"] or items
    return [
        el
        for el in container.iter("p", "div", "aside")
        if (el.get("data-type") == "footnote" or "footnote" in (el.get("class") or "").split())
        and _can_be_note(el)
    ]


def _can_be_note(entry: etree._Element) -> bool:
    """A note never holds an article, a page's main part or its headings (broken markup can
    leave the whole article inside an unclosed item of a notes list)."""
    return next(entry.iter("article", "main", "h1", "h2"), None) is None


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


def _own_number(note: etree._Element) -> str:
    """The number a note shows: written before its text, else its place in a numbered list."""
    match = LEADING_NUMBER.match(inner_text(note))
    if match:
        label = match.group(1) or match.group(2)
        if label and label.isdigit():
            return ascii_digits(label)
    return list_position(note) if note.tag == "li" else ""


def _replace_marker(a: etree._Element, labels: list[str]) -> None:
    """Put placeholders for ``labels`` where a marker link stood, with its sup and brackets."""
    target = a
    parent = a.getparent()
    # A sup holding only the link (and brackets around it) is the marker as a whole.
    if (
        parent is not None
        and parent.tag == "sup"
        and len(parent) == 1
        and (parent.text or "").strip() in ("", "[", "(")
        and (a.tail or "").strip() in ("", "]", ")")
    ):
        target = parent
    else:
        _drop_brackets(target)
    replace_with_placeholders(target, labels)


def _drop_brackets(marker: etree._Element) -> None:
    """Take away the ``[`` and ``]`` a page wrote around a marker link, outside the link."""
    tail = marker.tail or ""
    if not tail.startswith(("]", ")")):
        return
    previous = marker.getprevious()
    parent = marker.getparent()
    before = previous.tail if previous is not None else (parent.text if parent is not None else "")
    if not before or before[-1] not in "[(":
        return
    if previous is not None:
        previous.tail = before[:-1]
    elif parent is not None:
        parent.text = before[:-1]
    marker.tail = tail[1:]
