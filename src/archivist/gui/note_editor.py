"""Writing notes: a Markdown editor with preview that saves itself, and a target's note list."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archivist.gui.noteactions import NoteActions, Target
from archivist.gui.sealed import SealedBrowser
from archivist.model import Note, NoteId
from archivist.text import one_line

AUTOSAVE_MS = 400
"""Typing pauses this long before a note is written (and on leaving the editor at once)."""


class NoteEditor(QTabWidget):
    """Markdown editing with a preview; saves itself a moment after typing stops."""

    saveRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.edit = QPlainTextEdit(self)
        self.edit.setPlaceholderText(self.tr("Write a note (Markdown)…"))
        self.edit.setObjectName("NoteEdit")
        self.edit.setAccessibleName(self.tr("Note (Markdown)"))
        self.preview = SealedBrowser(self)  # a note's Markdown may name any file or URL
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Note preview"))
        self.addTab(self.edit, self.tr("Write"))
        self.addTab(self.preview, self.tr("Preview"))
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.flush)
        self.edit.textChanged.connect(self._typed)
        self.currentChanged.connect(self._show_preview)
        self._loading = False
        self._pending = False

    def set_text(self, text: str) -> None:
        """Show a note's text without treating it as an edit."""
        self._loading = True
        self.timer.stop()
        self.edit.setPlainText(text)
        self._loading = False
        self._show_preview()

    def text(self) -> str:
        """The text being written."""
        return self.edit.toPlainText()

    def flush(self) -> None:
        """Save now if anything is waiting."""
        if self.timer.isActive() or self._pending:
            self.timer.stop()
            self._pending = False
            self.saveRequested.emit(self.edit.toPlainText())

    def _typed(self) -> None:
        if not self._loading:
            self._pending = True
            self.timer.start()

    def _show_preview(self, _index: int = 0) -> None:
        if self.currentWidget() is self.preview:
            self.preview.setMarkdown(self.edit.toPlainText())


class NotesBox(QWidget):
    """The notes on one target: a list, an editor for the chosen (or a new) note, delete."""

    def __init__(self, actions: NoteActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = actions
        self.target: Target | None = None
        self.note_id: NoteId | None = None
        self._lost_note_id: NoteId | None = None
        self.list = QListWidget(self)
        self.list.setMaximumHeight(110)
        # Each note wraps to the pane's width (a line cut at the edge, or a sideways scrollbar,
        # hid the end of every note in a narrow pane).
        self.list.setWordWrap(True)
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setAccessibleName(self.tr("Notes"))
        self.list.itemSelectionChanged.connect(self._choose)
        self.editor = NoteEditor(self)
        self.editor.saveRequested.connect(self._save)
        self.new_button = QPushButton(self.tr("New note"), self)
        self.new_button.clicked.connect(self.new_note)
        self.delete_button = QPushButton(self.tr("Delete note"), self)
        self.delete_button.clicked.connect(self._delete)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addWidget(self.editor, 1)
        layout.addLayout(buttons)

    def set_notes(self, target: Target | None, notes: Sequence[Note]) -> None:
        """Show ``notes`` of ``target``; an edit in progress on the same note is kept."""
        same_target = target == self.target
        if not same_target:
            self.editor.flush()
        self.target = target
        self.setEnabled(target is not None)
        if same_target and self.note_id is None and not self.editor.text():
            # A note taken away by undo and brought back by redo comes back into the editor.
            self.note_id = next((n.id for n in notes if n.id == self._lost_note_id), None)
        self.list.blockSignals(True)
        self.list.clear()
        for note in notes:
            item = QListWidgetItem(one_line(note.text, 80))
            item.setData(Qt.ItemDataRole.UserRole, note.id)
            item.setToolTip(note.text)
            self.list.addItem(item)
            if same_target and note.id == self.note_id:
                item.setSelected(True)
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        current = next((n for n in notes if same_target and n.id == self.note_id), None)
        if current is None:
            if same_target and self.note_id is not None:
                self._lost_note_id = self.note_id
            self.note_id = None
            if not (same_target and self.editor.timer.isActive()):
                self.editor.set_text("")
        elif current.text != self.editor.text() and not self.editor.timer.isActive():
            self.editor.set_text(current.text)
        self.delete_button.setEnabled(self.note_id is not None)

    def new_note(self) -> None:
        """Start writing a new note on the target."""
        self.editor.flush()
        self.list.clearSelection()
        self.note_id = None
        self.editor.set_text("")
        self.editor.setCurrentIndex(0)
        self.editor.edit.setFocus()
        self.delete_button.setEnabled(False)

    def _choose(self) -> None:
        self.editor.flush()
        items = self.list.selectedItems()
        if not items:
            return
        self.note_id = NoteId(int(items[0].data(Qt.ItemDataRole.UserRole)))
        self.editor.set_text(items[0].toolTip())
        self.delete_button.setEnabled(True)

    def _save(self, text: str) -> None:
        if self.target is None or not text.strip():
            return
        saved = self.ops.save_note(self.target, self.note_id, text)
        if saved is not None:
            self.note_id = saved
            self.delete_button.setEnabled(True)

    def _delete(self) -> None:
        if self.note_id is not None:
            note_id, self.note_id = self.note_id, None
            self.editor.set_text("")
            self.ops.delete_note(note_id)
