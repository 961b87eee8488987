"""What the notes pane asks of the window: the targets notes hang on and the actions it calls.

Both the pane (``notes``) and the note editor (``note_editor``) speak to the window through
this protocol; neither imports the other's module for it, and the window implements it
(``actions.ArticleActions``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from archivist.model import NoteId

Target = tuple[str, object]
"""What a note hangs on: ("article", None), ("highlight", HighlightId), ("footnote", label)."""


class NoteActions(Protocol):
    """What the pane asks of the window; each call becomes an undoable command."""

    def save_note(self, target: Target, note_id: NoteId | None, text: str) -> NoteId | None:
        """Create (note_id None) or edit a note; returns its id, None if it failed."""

    def delete_note(self, note_id: NoteId) -> None:
        """Move a note to the trash."""

    def recolor_highlight(self, highlight_id: int, color: str) -> None:
        """Change a highlight's colour."""

    def delete_highlight(self, highlight_id: int) -> None:
        """Move a highlight to the trash."""

    def set_highlight_tags(self, highlight_id: int, tags: Sequence[str]) -> None:
        """Replace a highlight's tags."""

    def set_article_tags(self, tags: Sequence[str]) -> None:
        """Replace the open article's tags."""

    def go_to_highlight(self, highlight_id: int) -> None:
        """Scroll the reader to a highlight."""

    def back_to_marker(self) -> None:
        """Return the reader to the marker last followed."""

    def edit_citation(self, label: str | None) -> object:
        """Open the citation editor on a footnote (None: the article's own item)."""

    def copy_citation(self, label: str | None, form: str = "entry") -> bool:
        """Copy a footnote's (None: the article's) citation: ``entry``, ``csl-json``, ``bibtex``."""
