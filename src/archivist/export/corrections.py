"""A citation as extracted and as corrected, and a correction made from typed changes.

The CLI (``archivist cite``) and the GUI's citation editor both read a note's or an
article's citation through ``citation_state`` and turn what the user typed into a stored
edit through ``corrected``, so both check input alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from archivist.annotate.cslfields import (
    CitationInputError,
    Warnings,
    check_item,
    item_type,
    parse_name,
    set_field,
)
from archivist.export.bibliography import article_item
from archivist.export.citeparts import Entry
from archivist.export.citestyles import entry
from archivist.model import Article, CitationEdit, FootnoteKind

KINDS: Mapping[str, FootnoteKind] = {
    "citation": "citation",
    "note": "note",
    "comment": "note",
    "commentary": "note",
}
"""Words for a note's kind: a citation cites a work, a note (commentary) remarks."""
NAME_ROLES = ("author", "editor", "translator")
"""The creator roles the editor offers as rows (any CSL name variable is kept as it is)."""


@dataclass(frozen=True, slots=True)
class CitationState:
    """A note's (``label``) or the article's (None) citation: as extracted, and the edit."""

    article: Article
    """The article as extracted (no edits laid over)."""
    label: str | None
    extracted: CitationEdit
    edit: CitationEdit | None

    @property
    def current(self) -> CitationEdit:
        """What every export uses: the edit when there is one, else extraction's."""
        return self.edit or self.extracted

    @property
    def text(self) -> str:
        """The note as the source wrote it, or the article's title."""
        if self.label is None:
            return self.article.title
        return next(fn.text for fn in self.article.footnotes if fn.label == self.label)


def citation_state(
    article: Article, edits: Sequence[CitationEdit], label: str | None
) -> CitationState:
    """The citation of the article's note ``label`` (None: the article's own item).

    ``article`` is as extracted; ``edits`` are its live edits. CitationInputError for a
    label the article does not have.
    """
    assert article.id is not None
    edit = next((e for e in edits if e.label == label and not e.lost), None)
    if label is None:
        extracted = CitationEdit(article.id, None, article_item(article))
        return CitationState(article, None, extracted, edit)
    fn = next((f for f in article.footnotes if f.label == label), None)
    if fn is None:
        labels = ", ".join(f.label for f in article.footnotes[:8]) or "none"
        raise CitationInputError(
            f"article {article.id} has no footnote {label!r} (its labels: {labels})"
        )
    extracted = CitationEdit(article.id, label, fn.csl, fn.kind, fn.refers_to, fn.text)
    return CitationState(article, label, extracted, edit)


_UNSET = "\x00unset"


@dataclass(frozen=True, slots=True)
class Changes:
    """What the user asked to change; an empty Changes changes nothing."""

    type: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    """(variable, typed value) pairs; an empty value removes the variable."""
    names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    """Role (``author``, ``editor``, ``translator``) → the names typed; replaces the list."""
    kind: str | None = None
    refers_to: str | None = _UNSET
    """A label, None to clear the back reference, or left unset."""

    @property
    def empty(self) -> bool:
        """Whether nothing is asked."""
        return not (self.type or self.fields or self.names or self.kind or self.refers_to != _UNSET)


def corrected(state: CitationState, changes: Changes, warnings: Warnings) -> CitationEdit:
    """The edit ``changes`` make of the current citation (checked; nothing is stored)."""
    current = state.current
    item: dict[str, Any] = dict(current.csl or {})
    if changes.type is not None:
        item["type"] = item_type(changes.type)
    for variable, value in changes.fields:
        set_field(item, variable, value, warnings)
    for role, typed in changes.names.items():
        names = [parse_name(role, t, warnings) for t in typed if t.strip()]
        if names:
            item[role] = names
        else:
            item.pop(role, None)
    kind: FootnoteKind | None = current.kind
    if changes.kind is not None and state.label is None:
        raise CitationInputError("--kind needs --footnote: only a note is a citation or not")
    if changes.kind is not None:
        found = KINDS.get(changes.kind.strip().casefold())
        if found is None:
            raise CitationInputError(f"kind {changes.kind!r}: give citation or note (comment)")
        kind = found
    refers_to = current.refers_to
    if changes.refers_to != _UNSET:
        refers_to = changes.refers_to
        if refers_to is not None and state.label is None:
            raise CitationInputError("--refers-to needs --footnote: only a note refers to another")
    if state.label is not None and kind is None:
        kind = "citation"
    csl: dict[str, Any] | None = item
    if item:
        item.setdefault("type", "document")
        check_item(item, warnings)
        if kind == "note" and item != (current.csl or {}):
            warnings.add(
                f"note {state.label} is commentary, so its item stays out of the bibliography "
                "(make it a citation to list it)"
            )
    elif state.label is not None:
        csl = None  # a note that cites nothing (commentary)
    return CitationEdit(
        current.article_id,
        state.label,
        csl,
        kind,
        refers_to,
        current.note_text,
    )


def same_citation(a: CitationEdit, b: CitationEdit) -> bool:
    """Whether two states cite alike (kind, back reference and item), whatever their times."""
    return (a.csl or None, a.kind, a.refers_to) == (b.csl or None, b.kind, b.refers_to)


def entry_of(item: Mapping[str, Any] | None, style: str | None) -> Entry | None:
    """One item as a bibliography entry in a style (None when there is no item to print)."""
    if not item:
        return None
    return entry(item, style or "")
