"""What a user does with a citation besides the editor: the undoable edit, and copying it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QGuiApplication

from archivist.archive import Archive
from archivist.export.bibliography import Reference, work_key
from archivist.export.corrections import entry_of
from archivist.export.formats import bibtex, csl_json
from archivist.gui import undo
from archivist.model import ArticleId, CitationEdit, CslItem


class EditCitation(undo.ArchiveCommand):
    """A note's or the article's citation corrected (``new``), or reset to extracted (None)."""

    def __init__(
        self,
        archive: Archive,
        changes: undo.Changes,
        article_id: ArticleId,
        label: str | None,
        new: CitationEdit | None,
    ) -> None:
        text = (
            QCoreApplication.translate("UndoCommand", "Reset citation")
            if new is None
            else QCoreApplication.translate("UndoCommand", "Edit citation")
        )
        super().__init__(archive, changes, text, [article_id])
        self.article_id = article_id
        self.label = label
        self.old = archive.citations.edits.get(article_id, label)
        self.new = self._set(new)

    def _set(self, edit: CitationEdit | None) -> CitationEdit | None:
        if edit is None:
            self.archive.citations.reset(self.article_id, self.label)
            return None
        return self.archive.citations.save(edit)

    def apply(self) -> None:
        """Correct it again, as it was corrected."""
        self._set(self.new)

    def revert(self) -> None:
        """Put back what was there before: the earlier correction, or extraction's item."""
        self._set(self.old)


def citation_mime(item: CslItem, style: str | None, form: str = "entry") -> QMimeData | None:
    """An item for the clipboard: the formatted entry as rich text and plain text, or its
    CSL-JSON or BibTeX (``form``); None when the style prints no entry for it."""
    data = QMimeData()
    if form == "entry":
        formatted = entry_of(item, style)
        if formatted is None:
            return None
        data.setHtml(formatted.markup())
        data.setText(formatted.plain())
        return data
    reference = Reference(work_key(item), item)
    data.setText(csl_json([reference]) if form == "csl-json" else bibtex([reference]))
    return data


def copy_citation(item: CslItem | None, style: str | None, form: str = "entry") -> bool:
    """Put an item on the clipboard (see ``citation_mime``); False when there is nothing."""
    data = citation_mime(item, style, form) if item else None
    if data is None:
        return False
    QGuiApplication.clipboard().setMimeData(data)
    return True
