"""Commentary or citation, decided by the labelling, and the work a comment names.

The labeller is trained on hand-classed comments as well as references: it labels the words
of a remark ``comment``, and the surname, title and pages of a work a remark names as
``author``, ``title`` and ``pages``. A note is commentary when most of its words are labelled
``comment``, or when nothing in it is labelled as a part that makes a reference (a title, a
container, a date, an identifier).
"""

from __future__ import annotations

from collections.abc import Sequence

from archivist.ingest.references.backrefs import BackReference, short_title
from archivist.text import to_ascii_digits

_BIBLIOGRAPHIC = frozenset(
    {"title", "container-title", "journal", "date", "url", "doi", "isbn", "identifier"}
)
COMMENT_SHARE = 0.5
"""Share of a note's words labelled ``comment`` from which the note is commentary."""


def is_commentary(segments: Sequence[tuple[str, str]]) -> bool:
    """Whether a labelled note is commentary rather than a citation."""
    labels = {label for label, _ in segments}
    if not labels & _BIBLIOGRAPHIC:
        return True
    words = [len(text.split()) for _, text in segments]
    comment = sum(n for (label, _), n in zip(segments, words, strict=True) if label == "comment")
    return comment >= COMMENT_SHARE * sum(words)


def named_work(segments: Sequence[tuple[str, str]]) -> BackReference | None:
    """The work a comment names ("…see Ambrose, The Weavers' Petition, 41–58"), if any."""
    found = {label: text for label, text in reversed(segments) if label != "comment"}
    author = found.get("author", "").strip(" ,.;:()")
    if not author:
        return None
    if author.endswith(("'s", "’s")):
        author = author[:-2]
    title = short_title(found.get("title", "").strip("() ")) or None
    pages = to_ascii_digits(found.get("pages", "")).strip(" ,.;:()") or None
    return BackReference("short", author=author, title=title, locator=pages)
