"""The citation editor: a footnote's CSL item, or the article's own, corrected by hand.

Each finished change (a field left, a type chosen, a creator row edited) is one command on
the window's undo stack, so the editor, the panel and every export show the corrected item
at once, and Undo takes it back like any other edit. "Reset to extracted" is a command too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from archivist.annotate.cslfields import (
    ITEM_TYPES,
    CitationInputError,
    Warnings,
    date_text,
)
from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.export.citestyles import STYLES, style_id
from archivist.export.corrections import (
    NAME_ROLES,
    Changes,
    CitationState,
    citation_state,
    corrected,
    entry_of,
    same_citation,
)
from archivist.export.dossier import STYLE_NAMES
from archivist.gui import undo
from archivist.gui.citation_commands import EditCitation, copy_citation
from archivist.gui.citation_creators import CitationCreators
from archivist.gui.citation_fields import _DATES, _FIELDS, _tr, type_name
from archivist.model import ArticleId, CitationEdit


class CitationEditor(CitationCreators):
    """Type, creators and fields of one citation, with a live preview in a citation style."""

    def __init__(
        self,
        archive: Callable[[], Archive],
        stack: QUndoStack,
        changes: undo.Changes,
        article_id: ArticleId,
        label: str | None,
        *,
        style: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("CitationEditor")
        self._archive = archive
        self.stack = stack
        self.changes = changes
        self.article_id = article_id
        self.label = label
        self._loading = False
        self._messages: list[str] = []
        self._loaded: dict[str, str] = {}
        self._loaded_names: dict[str, tuple[str, ...]] = {}
        self.state: CitationState = self._read()
        self.setWindowTitle(
            self.tr("Citation of note [{label}]").format(label=label)
            if label is not None
            else self.tr("Citation of the article")
        )
        self.source = QLabel(self)
        self.source.setWordWrap(True)
        self.source.setTextFormat(Qt.TextFormat.PlainText)
        self.source.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status = QLabel(self)
        self.type_box = QComboBox(self)
        for csl_type in sorted(ITEM_TYPES, key=type_name):
            self.type_box.addItem(type_name(csl_type), csl_type)
        self.type_box.currentIndexChanged.connect(self._type_chosen)
        self.kind_box = QComboBox(self)
        self.kind_box.addItem(self.tr("Citation (cites a work)"), "citation")
        self.kind_box.addItem(self.tr("Commentary (cites nothing)"), "note")
        self.kind_box.currentIndexChanged.connect(self._kind_chosen)
        self.refers_box = QComboBox(self)
        self.refers_box.currentIndexChanged.connect(self._refers_chosen)
        form = QFormLayout()
        form.addRow(self.tr("Type"), self.type_box)
        if label is not None:
            form.addRow(self.tr("Kind"), self.kind_box)
            form.addRow(self.tr("Refers back to"), self.refers_box)
        else:
            self.kind_box.hide()
            self.refers_box.hide()
        self.creators = QTableWidget(0, 4, self)
        self.creators.setObjectName("Creators")
        self.creators.setHorizontalHeaderLabels(
            [
                self.tr("Role"),
                self.tr("Family name or organisation"),
                self.tr("Given name"),
                self.tr("Organisation"),
            ]
        )
        self.creators.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.creators.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.creators.setColumnWidth(0, 110)
        self.creators.setColumnWidth(2, header.sectionSizeHint(2) + 60)
        # Never narrower than its headings, so "Family name or organisation" is read whole
        # (in any language); the family name's column takes the room left over.
        self.creators.setMinimumWidth(
            110
            + sum(header.sectionSizeHint(c) for c in (1, 3))
            + self.creators.columnWidth(2)
            + 2 * self.creators.frameWidth()
        )
        self.creators.verticalHeader().hide()
        self.creators.setMinimumHeight(120)
        self.creators.itemChanged.connect(lambda _item: self._names_done())
        rows = QHBoxLayout()
        for text, slot in (
            (self.tr("Add creator"), self.add_creator),
            (self.tr("Remove"), self._remove_creator),
            (self.tr("Move up"), lambda: self._move_creator(-1)),
            (self.tr("Move down"), lambda: self._move_creator(1)),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            rows.addWidget(button)
        rows.addStretch(1)
        form.addRow(self.tr("Creators"), self.creators)
        form.addRow("", rows)
        self.fields: dict[str, QLineEdit] = {}
        for variable, text in _FIELDS:
            line = QLineEdit(self)
            line.setObjectName(f"field-{variable}")
            if variable in _DATES:
                line.setPlaceholderText(self.tr("2016-09-10, 2016-09, 2016, Spring 2016, n.d."))
            line.editingFinished.connect(lambda v=variable: self._field_done(v))
            self.fields[variable] = line
            form.addRow(_tr("CitationEditor", text), line)
        self.style_box = QComboBox(self)
        for key in STYLES:
            self.style_box.addItem(STYLE_NAMES[key], key)
        self.style_box.setCurrentIndex(max(0, self.style_box.findData(style_id(style))))
        self.style_box.currentIndexChanged.connect(lambda _i: self._show_preview())
        self.preview = QLabel(self)
        self.preview.setObjectName("CitationPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.RichText)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setMinimumWidth(260)
        self.messages = QLabel(self)
        self.messages.setObjectName("CitationMessages")
        self.messages.setWordWrap(True)
        self.messages.setTextFormat(Qt.TextFormat.PlainText)
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Preview"), self))
        side.addWidget(self.style_box)
        side.addWidget(self.preview)
        side.addWidget(self.messages)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(form, 2)
        body.addLayout(side, 1)
        self.reset_button = QPushButton(self.tr("Reset to extracted"), self)
        self.reset_button.clicked.connect(self.reset)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.clicked.connect(stack.undo)
        self.redo_button = QPushButton(self.tr("Redo"), self)
        self.redo_button.clicked.connect(stack.redo)
        copy = QPushButton(self.tr("Copy citation"), self)
        copy.clicked.connect(self.copy)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.reset_button, self.undo_button, self.redo_button, copy):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.source)
        layout.addWidget(self.status)
        layout.addLayout(body, 1)
        layout.addLayout(buttons)
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, stack.undo),
            (QKeySequence.StandardKey.Redo, stack.redo),
        ):
            QShortcut(QKeySequence(keys), self, slot)
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        stack.canRedoChanged.connect(self.redo_button.setEnabled)
        changes.articlesChanged.connect(self._articles_changed)
        self.resize(1040, 660)
        self.load()

    # -- reading -------------------------------------------------------------------------

    def _read(self) -> CitationState:
        archive = self._archive()
        edits = archive.citations.edits.of_article(self.article_id, lost=False)
        return citation_state(archive.articles.get(self.article_id), edits, self.label)

    def _articles_changed(self, ids: list[int]) -> None:
        if self.article_id in ids:
            self.load()

    def load(self) -> None:
        """Show the citation as it now is in the archive."""
        try:
            self.state = self._read()
        except ArchivistError as exc:  # the note went away (a re-extraction, the trash)
            self.messages.setText(str(exc))
            self.setEnabled(False)
            return
        current = self.state.current
        item: Mapping[str, Any] = current.csl or {}
        self._loading = True
        self.source.setText(
            f"[{self.label}] {self.state.text}" if self.label is not None else self.state.text
        )
        self.status.setText(
            self.tr("Corrected by hand ({when}).").format(when=current.edited)
            if self.state.edit is not None
            else self.tr("As extracted.")
        )
        self.type_box.setCurrentIndex(
            max(0, self.type_box.findData(str(item.get("type") or "document")))
        )
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(current.kind or "citation")))
        self.refers_box.clear()
        self.refers_box.addItem(self.tr("(none)"), "")
        for fn in self.state.article.footnotes:
            if fn.label != self.label:
                self.refers_box.addItem(f"[{fn.label}] {fn.text[:50]}", fn.label)
        self.refers_box.setCurrentIndex(max(0, self.refers_box.findData(current.refers_to or "")))
        self._loaded = {}
        for variable, line in self.fields.items():
            value = item.get(variable)
            text = date_text(value) if variable in _DATES else str(value or "")
            line.setText(text)
            line.setCursorPosition(0)
            self._loaded[variable] = text
        self.creators.setRowCount(0)
        for role in NAME_ROLES:
            names = item.get(role)
            for name in names if isinstance(names, list) else []:
                if isinstance(name, Mapping):
                    self._add_row(role, name)
        self._loaded_names = self._typed_names()
        self._loading = False
        self.reset_button.setEnabled(self.state.edit is not None)
        self._stack_changed()
        self._show_preview()

    def _show_preview(self) -> None:
        style = str(self.style_box.currentData())
        formatted = entry_of(self.state.current.csl, style)
        if formatted is not None:
            self.preview.setText(formatted.markup())
        elif self.state.current.csl:
            self.preview.setText(self.tr("(this style lists no entry for such an item)"))
        else:
            self.preview.setText(self.tr("(no citation: a commentary note)"))
        self.messages.setText("\n".join(self._messages))

    def _stack_changed(self) -> None:
        self.undo_button.setEnabled(self.stack.canUndo())
        self.redo_button.setEnabled(self.stack.canRedo())

    # -- changes -------------------------------------------------------------------------

    def _field_done(self, variable: str) -> None:
        text = self.fields[variable].text()
        if not self._loading and text != self._loaded.get(variable, ""):
            self._commit(Changes(fields=((variable, text),)))

    def _type_chosen(self, _index: int) -> None:
        current = str((self.state.current.csl or {}).get("type") or "document")
        if not self._loading and self.type_box.currentData() != current:
            self._commit(Changes(type=str(self.type_box.currentData())))

    def _kind_chosen(self, _index: int) -> None:
        if not self._loading and self.kind_box.currentData() != self.state.current.kind:
            self._commit(Changes(kind=str(self.kind_box.currentData())))

    def _refers_chosen(self, _index: int) -> None:
        chosen = str(self.refers_box.currentData() or "") or None
        if not self._loading and chosen != self.state.current.refers_to:
            self._commit(Changes(refers_to=chosen))

    def _commit(self, changes: Changes) -> None:
        warnings = Warnings()
        try:
            new = corrected(self.state, changes, warnings)
        except CitationInputError as exc:
            self._messages = [str(exc)]
            self._show_preview()
            return
        if same_citation(new, self.state.current):
            return
        self._messages = warnings.messages
        # Changed back to what extraction gave: no correction is left to keep.
        self._push(None if same_citation(new, self.state.extracted) else new)

    def reset(self) -> None:
        """Back to what extraction produced (undoable)."""
        if self.state.edit is not None:
            self._messages = []
            self._push(None)

    def _push(self, new: CitationEdit | None) -> None:
        try:
            command = EditCitation(self._archive(), self.changes, self.article_id, self.label, new)
        except ArchivistError as exc:
            self._messages = [str(exc)]
            self._show_preview()
            return
        self.stack.push(command)

    def copy(self) -> None:
        """The formatted entry on the clipboard, in the preview's style."""
        copy_citation(self.state.current.csl, str(self.style_box.currentData()))
