"""Labelled references (AnyStyle's XML shape) as token and label sequences, and their split.

Used by the training script and the benchmark, never at import time. Each ``<sequence>`` is
one reference, each child one labelled segment in reading order; joining the segments with
spaces gives the reference. Which part a reference belongs to is fixed by a hash of its
folded text, so the split needs no list of ids, stays the same when files are appended to,
and puts repeats of one reference on the same side.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from lxml import etree

from archivist.ingest.references.tokens import words

Part = Literal["train", "tune", "check"]


@dataclass(frozen=True, slots=True)
class Labelled:
    """One hand-labelled reference: its segments, and its tokens with their labels."""

    segments: tuple[tuple[str, str], ...]
    """``(label, text)`` in reading order."""
    tokens: tuple[str, ...]
    labels: tuple[str, ...]
    source: str
    """The file it came from, without folder or extension (``core``, ``web-notes`` ...)."""

    @property
    def text(self) -> str:
        """The reference as printed: its segments joined with spaces."""
        return " ".join(text for _, text in self.segments)

    @property
    def part(self) -> Part:
        """Train on seven tenths, tune on one, check on two (by a hash of the folded text)."""
        return part_of(self.text)


def part_of(text: str) -> Part:
    """The part a reference or note belongs to, by a hash of its folded text."""
    folded = " ".join(text.split()).lower().encode("utf-8")
    bucket = int(hashlib.sha1(folded).hexdigest()[:8], 16) % 10
    return "check" if bucket < 2 else "tune" if bucket == 2 else "train"


FIFTHS = 5


def fifth_of(text: str) -> int:
    """Which fifth of its part a reference is in (0-4), by another slice of the same hash.

    Experiments on the training algorithm hold out one fifth of the train part in turn, train
    on the other four, and score the fifth: the tune part alone (a tenth) is too small to tell
    a change of a few references from noise.
    """
    folded = " ".join(text.split()).lower().encode("utf-8")
    return int(hashlib.sha1(folded).hexdigest()[8:16], 16) % FIFTHS


def read_labelled(path: Path) -> Iterator[Labelled]:
    """The references of one labelled XML file (entities are never resolved)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.parse(str(path), parser).getroot()
    for sequence in root.iter("sequence"):
        segments: list[tuple[str, str]] = []
        tokens: list[str] = []
        labels: list[str] = []
        for segment in sequence:
            if not isinstance(segment.tag, str):
                continue
            text = " ".join("".join(map(str, segment.itertext())).split())
            if not text:
                continue
            cut = words(text)
            segments.append((segment.tag, text))
            tokens += cut
            labels += [segment.tag] * len(cut)
        if tokens:
            yield Labelled(tuple(segments), tuple(tokens), tuple(labels), path.stem)


@dataclass(frozen=True, slots=True)
class ClassedNote:
    """A footnote classed by hand as commentary or citation; a comment may name a work."""

    text: str
    kind: Literal["comment", "citation"]
    names: tuple[str, str] | None
    """``(surname, title words)`` of the work a comment names, as the note writes them."""

    @property
    def part(self) -> Part:
        """The same hash split as the labelled references."""
        return part_of(self.text)


def read_classed(path: Path) -> Iterator[ClassedNote]:
    """The notes of a classed-notes file (``<note kind="comment" names="Surname|Title">``)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    root = etree.parse(str(path), parser).getroot()
    for note in root.iter("note"):
        text = " ".join("".join(map(str, note.itertext())).split())
        kind = note.get("kind")
        if not text or kind not in ("comment", "citation"):
            continue
        names = note.get("names")
        surname, _, title = (names or "").partition("|")
        yield ClassedNote(text, kind, (surname, title) if names else None)  # type: ignore[arg-type]


_YEAR_TOKEN = re.compile(r"^\(?(?:1[5-9]\d\d|20\d\d)\)?[,.;:)]*$")
_PAGE_TOKEN = re.compile(r"^\(?(?:pp?\.|S\.|ص)?\s*[0-9۰-۹٠-٩]+(?:[-–][0-9۰-۹٠-٩]+)?[),.;:]*$")


def comment_sequence(note: ClassedNote) -> Labelled:
    """A comment as a labelled sequence: its prose ``comment``, the work it names labelled.

    The named work's surname is ``author``, its title words ``title`` and the pages right
    after them ``pages``, found by matching the tokens against the note's ``names``.
    """
    tokens = words(note.text)
    labels = ["comment"] * len(tokens)
    if note.names:
        surname, title = note.names
        _mark(tokens, labels, surname, "author")
        end = _mark(tokens, labels, title, "title")
        while end is not None and end < len(tokens) and _PAGE_TOKEN.match(tokens[end]):
            labels[end] = "date" if _YEAR_TOKEN.match(tokens[end]) else "pages"
            end += 1
    segments: list[tuple[str, str]] = []
    for token, label in zip(tokens, labels, strict=True):
        if segments and segments[-1][0] == label:
            segments[-1] = (label, f"{segments[-1][1]} {token}")
        else:
            segments.append((label, token))
    return Labelled(tuple(segments), tuple(tokens), tuple(labels), "commentary-notes")


def _mark(tokens: list[str], labels: list[str], phrase: str, label: str) -> int | None:
    """Label the first run of tokens that spells ``phrase``; return the index after it."""
    wanted = [w for w in _fold(phrase).split() if w]
    if not wanted:
        return None
    folded = [_fold(t) for t in tokens]
    for start in range(len(tokens)):
        got: list[str] = []
        end = start
        while end < len(tokens) and len(got) < len(wanted):
            got += folded[end].split()
            end += 1
        if got[: len(wanted)] == wanted and folded[start]:
            for i in range(start, end):
                labels[i] = label
            return end
    return None


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
