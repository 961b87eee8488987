"""Undoable annotation, dossier and trash actions: each stores ids and values, calls the core."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand

from archivist.archive import Archive
from archivist.gui.i18n import color_label, phrases
from archivist.model import ArticleId, Dossier, DossierId, HighlightId, NoteId

EDIT_NOTE_ID = 1001
"""Consecutive edits of one note merge into one undo step."""


class Changes(QObject):
    """Tells the views which articles an action touched (commands never touch widgets)."""

    articlesChanged = Signal(list)
    libraryChanged = Signal()
    dossierChanged = Signal(int)


class ArchiveCommand(QUndoCommand):
    """A command on the archive whose first redo() was already done by the caller.

    The action is run before the command is pushed, so a failure (an ArchivistError) reaches
    the user and nothing enters the stack; QUndoStack.push then calls redo(), which skips once.
    """

    def __init__(self, archive: Archive, changes: Changes, text: str, articles: Sequence[int]):
        super().__init__(text)
        self.archive = archive
        self.changes = changes
        self.articles = [ArticleId(a) for a in articles]
        self._fresh = True

    def redo(self) -> None:
        """Apply the change (skipped the first time: it was applied before the push)."""
        if self._fresh:
            self._fresh = False
        else:
            self.apply()
        self.changes.articlesChanged.emit(self.articles)

    def undo(self) -> None:
        """Revert the change."""
        self.revert()
        self.changes.articlesChanged.emit(self.articles)

    def apply(self) -> None:
        """Do the change again."""
        raise NotImplementedError

    def revert(self) -> None:
        """Undo the change."""
        raise NotImplementedError


class AddHighlight(ArchiveCommand):
    """A new highlight; undo sends it to the trash, redo restores it."""

    def __init__(
        self,
        archive: Archive,
        changes: Changes,
        article_id: ArticleId,
        *,
        start: int,
        end: int,
        color: str,
    ) -> None:
        text = QCoreApplication.translate("UndoCommand", "Highlight ({color})").format(
            color=color_label(color)
        )
        super().__init__(archive, changes, text, [article_id])
        self.highlight_id: HighlightId = archive.annotations.add_highlight(
            article_id, start, end, color
        ).id  # type: ignore[assignment]

    def apply(self) -> None:
        """Restore the highlight."""
        self.archive.annotations.restore_highlight(self.highlight_id)

    def revert(self) -> None:
        """Trash the highlight."""
        self.archive.annotations.delete_highlight(self.highlight_id)


class DeleteHighlight(ArchiveCommand):
    """A highlight moved to the trash (its notes with it)."""

    def __init__(self, archive: Archive, changes: Changes, highlight_id: HighlightId) -> None:
        article_id = archive.annotations.highlight(highlight_id).article_id
        super().__init__(
            archive,
            changes,
            QCoreApplication.translate("UndoCommand", "Delete highlight"),
            [article_id],
        )
        self.highlight_id = highlight_id
        archive.annotations.delete_highlight(highlight_id)

    def apply(self) -> None:
        """Trash it again."""
        self.archive.annotations.delete_highlight(self.highlight_id)

    def revert(self) -> None:
        """Bring it back."""
        self.archive.annotations.restore_highlight(self.highlight_id)


class RecolorHighlight(ArchiveCommand):
    """A highlight's colour changed."""

    def __init__(
        self, archive: Archive, changes: Changes, highlight_id: HighlightId, color: str
    ) -> None:
        old = archive.annotations.highlight(highlight_id)
        text = QCoreApplication.translate("UndoCommand", "Colour {color}").format(
            color=color_label(color)
        )
        super().__init__(archive, changes, text, [old.article_id])
        self.highlight_id, self.old, self.new = highlight_id, old.color, color
        archive.annotations.recolor_highlight(highlight_id, color)

    def apply(self) -> None:
        """Set the new colour."""
        self.archive.annotations.recolor_highlight(self.highlight_id, self.new)

    def revert(self) -> None:
        """Set the old colour."""
        self.archive.annotations.recolor_highlight(self.highlight_id, self.old)


class AddNote(ArchiveCommand):
    """A new note on an article, a highlight or a footnote."""

    def __init__(
        self,
        archive: Archive,
        changes: Changes,
        article_id: ArticleId,
        text: str,
        *,
        highlight_id: HighlightId | None = None,
        footnote_label: str | None = None,
    ) -> None:
        super().__init__(
            archive, changes, QCoreApplication.translate("UndoCommand", "Add note"), [article_id]
        )
        note = archive.annotations.add_note(
            article_id, text, highlight_id=highlight_id, footnote_label=footnote_label
        )
        self.note_id: NoteId = note.id  # type: ignore[assignment]

    def apply(self) -> None:
        """Restore the note."""
        self.archive.annotations.restore_note(self.note_id)

    def revert(self) -> None:
        """Trash the note."""
        self.archive.annotations.delete_note(self.note_id)


class EditNote(ArchiveCommand):
    """A note's text changed; typing in one note merges into one undo step."""

    def __init__(self, archive: Archive, changes: Changes, note_id: NoteId, text: str) -> None:
        old = archive.annotations.note(note_id)
        super().__init__(
            archive,
            changes,
            QCoreApplication.translate("UndoCommand", "Edit note"),
            [old.article_id or 0],
        )
        self.note_id, self.old, self.new = note_id, old.text, text
        archive.annotations.edit_note(note_id, text)

    def id(self) -> int:
        """Merge key for consecutive edits."""
        return EDIT_NOTE_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Absorb a following edit of the same note."""
        if not isinstance(other, EditNote) or other.note_id != self.note_id:
            return False
        self.new = other.new
        return True

    def apply(self) -> None:
        """Write the new text."""
        self.archive.annotations.edit_note(self.note_id, self.new)

    def revert(self) -> None:
        """Write the old text."""
        self.archive.annotations.edit_note(self.note_id, self.old)


class DeleteNote(ArchiveCommand):
    """A note moved to the trash."""

    def __init__(self, archive: Archive, changes: Changes, note_id: NoteId) -> None:
        article_id = archive.annotations.note(note_id).article_id or 0
        super().__init__(
            archive, changes, QCoreApplication.translate("UndoCommand", "Delete note"), [article_id]
        )
        self.note_id = note_id
        archive.annotations.delete_note(note_id)

    def apply(self) -> None:
        """Trash it again."""
        self.archive.annotations.delete_note(self.note_id)

    def revert(self) -> None:
        """Bring it back."""
        self.archive.annotations.restore_note(self.note_id)


class SetArticleTags(ArchiveCommand):
    """Tags added to and removed from articles."""

    def __init__(
        self,
        archive: Archive,
        changes: Changes,
        article_ids: Sequence[ArticleId],
        add: Sequence[str] = (),
        remove: Sequence[str] = (),
    ) -> None:
        super().__init__(
            archive, changes, QCoreApplication.translate("UndoCommand", "Tag"), list(article_ids)
        )
        self.add = [t for t in add if t.strip()]
        self.remove = [t for t in remove if t.strip()]
        self.before = {a: set(archive.annotations.article_tags(a)) for a in article_ids}
        self.apply()

    def apply(self) -> None:
        """Add and remove the tags."""
        for article_id in self.articles:
            for tag in self.add:
                self.archive.annotations.tag_article(article_id, tag)
            for tag in self.remove:
                self.archive.annotations.untag_article(article_id, tag)
        self.changes.libraryChanged.emit()

    def revert(self) -> None:
        """Put every article's tags back as they were."""
        for article_id in self.articles:
            now = set(self.archive.annotations.article_tags(article_id))
            for tag in now - self.before[article_id]:
                self.archive.annotations.untag_article(article_id, tag)
            for tag in self.before[article_id] - now:
                self.archive.annotations.tag_article(article_id, tag)
        self.changes.libraryChanged.emit()


class SetHighlightTags(ArchiveCommand):
    """A highlight's tags replaced by a new set."""

    def __init__(
        self, archive: Archive, changes: Changes, highlight_id: HighlightId, tags: Sequence[str]
    ) -> None:
        old = archive.annotations.highlight(highlight_id)
        super().__init__(
            archive,
            changes,
            QCoreApplication.translate("UndoCommand", "Tag highlight"),
            [old.article_id],
        )
        self.highlight_id = highlight_id
        self.old = set(old.tags)
        self.new = {t.strip() for t in tags if t.strip()}
        self._set(self.new)

    def _set(self, wanted: set[str]) -> None:
        now = set(self.archive.annotations.highlight(self.highlight_id).tags)
        for tag in now - wanted:
            self.archive.annotations.untag_highlight(self.highlight_id, tag)
        for tag in wanted - now:
            self.archive.annotations.tag_highlight(self.highlight_id, tag)

    def apply(self) -> None:
        """Set the new tags."""
        self._set(self.new)

    def revert(self) -> None:
        """Set the old tags."""
        self._set(self.old)


class TrashArticles(ArchiveCommand):
    """Articles moved to the trash; undo restores them."""

    def __init__(
        self, archive: Archive, changes: Changes, article_ids: Sequence[ArticleId]
    ) -> None:
        text = phrases().trash_articles(len(article_ids))
        super().__init__(archive, changes, text, article_ids)
        self.apply()

    def apply(self) -> None:
        """Trash them."""
        for article_id in self.articles:
            self.archive.trash.delete_article(article_id)
        self.changes.libraryChanged.emit()

    def revert(self) -> None:
        """Restore them."""
        for article_id in self.articles:
            self.archive.trash.restore_article(article_id)
        self.changes.libraryChanged.emit()


class EditDossier(ArchiveCommand):
    """A change to a dossier's fields, options or articles, undone by restoring its state."""

    def __init__(
        self, archive: Archive, changes: Changes, text: str, before: Dossier, after: Dossier
    ) -> None:
        super().__init__(archive, changes, text, [])
        self.before = before
        self.after = after

    def apply(self) -> None:
        """Put the dossier as it was after the change."""
        self._show(self.archive.dossiers.restore_state(self.after))

    def revert(self) -> None:
        """Put the dossier as it was before the change."""
        self._show(self.archive.dossiers.restore_state(self.before))

    def _show(self, dossier: Dossier) -> None:
        self.changes.dossierChanged.emit(int(dossier.id or 0))


class DeleteDossier(ArchiveCommand):
    """A dossier moved to the trash (its articles are untouched)."""

    def __init__(self, archive: Archive, changes: Changes, dossier_id: DossierId) -> None:
        super().__init__(
            archive, changes, QCoreApplication.translate("UndoCommand", "Delete dossier"), []
        )
        self.dossier_id = dossier_id
        archive.dossiers.delete(dossier_id)

    def apply(self) -> None:
        """Trash it again."""
        self.archive.dossiers.delete(self.dossier_id)
        self.changes.dossierChanged.emit(int(self.dossier_id))

    def revert(self) -> None:
        """Bring it back."""
        self.archive.dossiers.restore(self.dossier_id)
        self.changes.dossierChanged.emit(int(self.dossier_id))


def same_dossier(a: Dossier, b: Dossier) -> bool:
    """True when two states of a dossier differ in nothing the user sees (times aside)."""
    fields = ("title", "subtitle", "compiler", "introduction", "article_ids")
    same = all(getattr(a, name) == getattr(b, name) for name in fields)
    return same and dict(a.options) == dict(b.options)
