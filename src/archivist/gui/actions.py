"""User actions on the open article: each one pushes an undoable command that calls the core."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.export.bibliography import article_item, cited_work
from archivist.gui import undo
from archivist.gui.citation_commands import copy_citation
from archivist.gui.citation_editor import CitationEditor
from archivist.gui.dialogs import show_error
from archivist.gui.noteactions import Target
from archivist.model import ArticleId, CslItem, HighlightId, NoteId


class ArticleActions:
    """The notes pane's and reader's requests, turned into commands on one undo stack."""

    def __init__(
        self,
        archive: Callable[[], Archive],
        stack: QUndoStack,
        *,
        changes: undo.Changes,
        article: Callable[[], ArticleId | None],
        parent: QWidget,
        back: Callable[[], None],
        go_to: Callable[[int], None],
        style: Callable[[], str | None] = lambda: None,
    ) -> None:
        self._archive = archive
        self.stack = stack
        self.changes = changes
        self._article = article
        self._parent = parent
        self._back = back
        self._go_to = go_to
        self._style = style
        self.citation_editor: CitationEditor | None = None

    def _push(self, make: Callable[[], undo.ArchiveCommand]) -> undo.ArchiveCommand | None:
        try:
            command = make()
        except ArchivistError as exc:
            show_error(self._parent, str(exc))
            return None
        self.stack.push(command)
        return command

    def add_highlight(self, start: int, end: int, color: str) -> HighlightId | None:
        """Highlight a range of the open article."""
        article_id = self._article()
        if article_id is None:
            return None
        command = self._push(
            lambda: undo.AddHighlight(
                self._archive(), self.changes, article_id, start=start, end=end, color=color
            )
        )
        return command.highlight_id if isinstance(command, undo.AddHighlight) else None

    def save_note(self, target: Target, note_id: NoteId | None, text: str) -> NoteId | None:
        """Create or edit a note on the open article."""
        article_id = self._article()
        if article_id is None:
            return None
        if note_id is not None:
            if self._archive().annotations.note(note_id).text == text:
                return note_id
            command = self._push(
                lambda: undo.EditNote(self._archive(), self.changes, note_id, text)
            )
            return note_id if command else None
        kind, key = target
        made = self._push(
            lambda: undo.AddNote(
                self._archive(),
                self.changes,
                article_id,
                text,
                highlight_id=HighlightId(int(str(key))) if kind == "highlight" else None,
                footnote_label=str(key) if kind == "footnote" else None,
            )
        )
        return made.note_id if isinstance(made, undo.AddNote) else None

    def delete_note(self, note_id: NoteId) -> None:
        """Move a note to the trash."""
        self._push(lambda: undo.DeleteNote(self._archive(), self.changes, note_id))

    def recolor_highlight(self, highlight_id: int, color: str) -> None:
        """Change a highlight's colour."""
        self._push(
            lambda: undo.RecolorHighlight(
                self._archive(), self.changes, HighlightId(highlight_id), color
            )
        )

    def delete_highlight(self, highlight_id: int) -> None:
        """Move a highlight to the trash."""
        self._push(
            lambda: undo.DeleteHighlight(self._archive(), self.changes, HighlightId(highlight_id))
        )

    def set_highlight_tags(self, highlight_id: int, tags: Sequence[str]) -> None:
        """Replace a highlight's tags."""
        self._push(
            lambda: undo.SetHighlightTags(
                self._archive(), self.changes, HighlightId(highlight_id), tags
            )
        )

    def set_article_tags(self, tags: Sequence[str]) -> None:
        """Replace the open article's tags."""
        article_id = self._article()
        if article_id is None:
            return
        before = set(self._archive().annotations.article_tags(article_id))
        wanted = {t.strip() for t in tags if t.strip()}
        self._push(
            lambda: undo.SetArticleTags(
                self._archive(),
                self.changes,
                [article_id],
                add=sorted(wanted - before),
                remove=sorted(before - wanted),
            )
        )

    def tag_articles(self, article_ids: Sequence[ArticleId], tag: str) -> None:
        """Add one tag to several articles."""
        self._push(
            lambda: undo.SetArticleTags(self._archive(), self.changes, article_ids, add=[tag])
        )

    def trash_articles(self, article_ids: Sequence[ArticleId]) -> None:
        """Move articles to the trash."""
        if article_ids:
            self._push(lambda: undo.TrashArticles(self._archive(), self.changes, article_ids))

    def go_to_highlight(self, highlight_id: int) -> None:
        """Scroll the reader to a highlight."""
        self._go_to(highlight_id)

    def back_to_marker(self) -> None:
        """Return the reader to the marker last followed."""
        self._back()

    def edit_citation(self, label: str | None) -> CitationEditor | None:
        """Open the citation editor on a footnote of the open article (None: the article's
        own item); one editor at a time."""
        article_id = self._article()
        if article_id is None:
            return None
        if self.citation_editor is not None:
            self.citation_editor.close()
            self.citation_editor.deleteLater()
        try:
            editor = CitationEditor(
                self._archive,
                self.stack,
                self.changes,
                article_id,
                label,
                style=self._style(),
                parent=self._parent,
            )
        except ArchivistError as exc:
            show_error(self._parent, str(exc))
            return None
        self.citation_editor = editor
        editor.show()
        return editor

    def copy_citation(
        self, label: str | None, form: str = "entry", *, article_id: ArticleId | None = None
    ) -> bool:
        """Put a footnote's (or the article's) corrected citation on the clipboard: the entry
        in the current style as rich and plain text, or its CSL-JSON or BibTeX (``form``).
        The open article's, unless ``article_id`` names another."""
        article_id = article_id or self._article()
        if article_id is None:
            return False
        document = self._archive().annotations.document(article_id)
        item: CslItem | None = article_item(document) if label is None else None
        if label is not None:
            by_label = {fn.label: fn for fn in document.footnotes}
            fn = by_label.get(label)
            if fn is not None:
                # An ibid or short form is copied as the full citation it points back to.
                item = (cited_work(fn, by_label) or fn).csl
                if not item and fn.refers_to in by_label:
                    item = by_label[fn.refers_to].csl
        return copy_citation(item, self._style(), form)
