"""The trained reference labeller: a reference's tokens labelled author, title, date ...

The model labels the first token of each segment ``B-title``, ``B-author`` ... and the rest
``title``, ``author``: two segments of one kind side by side stay two. A conditional random
field (CRFsuite, through python-crfsuite) trained by
``training/train_references.py`` on hand-labelled references; the model ships in
``archivist/resources/models/``. It is opened on first use, not at import (start-up never pays
for it), once per thread (a CRFsuite tagger holds the state of the sequence it is tagging).
"""

from __future__ import annotations

import functools
import threading
from importlib import resources
from typing import TYPE_CHECKING, NamedTuple

from archivist.ingest.references.features import sequence_features, use_known, use_lexicon
from archivist.ingest.references.tokens import MAX_TOKENS, tokenize

MAX_CHARS = 2_000
"""Characters of one note the labeller reads; what follows is ignored (a note is bounded)."""
if TYPE_CHECKING:
    import pycrfsuite

_MODEL = "models/references.crfsuite"
_local = threading.local()


class Segment(NamedTuple):
    """A run of tokens with one label: ``text[start:end]`` of the labelled text."""

    label: str
    start: int
    end: int


@functools.cache
def model_path() -> str:
    """The file of the shipped model (found once: asking importlib costs as much as tagging)."""
    return str(resources.files("archivist.resources").joinpath(_MODEL))


def read_lexicon(path: str) -> dict[str, str]:
    """A lexicon file: one ``word<TAB>fields`` line per word."""
    with open(path, encoding="utf-8") as handle:
        pairs = (line.rstrip("\n").split("\t", 1) for line in handle if "\t" in line)
        return {word: fields for word, fields in pairs}


def read_known(path: str) -> frozenset[str]:
    """The features a model has weights for: one per line."""
    with open(path, encoding="utf-8") as handle:
        return frozenset(line.rstrip("\n") for line in handle)


_vocabulary_lock = threading.Lock()
_vocabulary_read: list[str] = []
"""The model whose lexicon and features are in use (read once per process)."""


def _tagger() -> pycrfsuite.Tagger:
    """This thread's tagger, opening the model (and reading its vocabulary) on first use."""
    path = model_path()
    tagger: pycrfsuite.Tagger | None = getattr(_local, "tagger", None)
    if tagger is None or getattr(_local, "path", None) != path:
        with _vocabulary_lock:
            if _vocabulary_read != [path]:
                # The lexicon the model was trained with, and the features it has weights for.
                stem = path.removesuffix(".crfsuite")
                use_lexicon(read_lexicon(stem + ".lexicon"))
                use_known(read_known(stem + ".features"))
                _vocabulary_read[:] = [path]
        import pycrfsuite  # on first use: start-up never pays for it

        tagger = pycrfsuite.Tagger()
        tagger.open(path)
        _local.tagger, _local.path = tagger, path
    return tagger


def label(text: str) -> list[Segment]:
    """The labelled segments of one reference (at most MAX_CHARS and MAX_TOKENS of it)."""
    spans = tokenize(text[:MAX_CHARS], MAX_TOKENS)
    if not spans:
        return []
    tokens = [text[start:end] for start, end in spans]
    return joined(_tagger().tag(sequence_features(tokens)), spans)


def joined(labels: list[str], spans: list[tuple[int, int]]) -> list[Segment]:
    """The segments of labelled token spans: runs of one label, cut where the model marks one."""
    segments: list[Segment] = []
    first = 0
    name = _plain(labels[0])
    for i in range(1, len(labels) + 1):
        # A segment ends where the label changes, after a token the model marks as a segment's
        # last (``L-title``), or where it marks a new one begins (``B-title``).
        if (
            i < len(labels)
            and labels[i - 1][:2] != "L-"
            and labels[i][:2] != "B-"
            and _plain(labels[i]) == name
        ):
            continue
        segments.append(Segment(name, spans[first][0], spans[i - 1][1]))
        if i < len(labels):
            first, name = i, _plain(labels[i])
    return segments


def _plain(label: str) -> str:
    """A label without the model's mark of a segment's first or last token."""
    return label[2:] if label[:2] in ("B-", "L-") else label
