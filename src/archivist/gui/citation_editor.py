"""The citation editor: a footnote's CSL item, or the article's own, corrected by hand.

Each finished change (a field left, a type chosen, a creator row edited) is one command on
the window's undo stack, so the editor, the panel and every export show the corrected item
at once, and Undo takes it back like any other edit. "Reset to extracted" is a command too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archivist.annotate.cslfields import (
    ITEM_TYPES,
    CitationInputError,
    Warnings,
    date_text,
    name_text,
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
from archivist.gui.i18n import QT_TRANSLATE_NOOP
from archivist.model import ArticleId, CitationEdit

_TYPE_NAMES = {
    "article": QT_TRANSLATE_NOOP("CitationType", "Article (preprint, working paper)"),
    "article-journal": QT_TRANSLATE_NOOP("CitationType", "Journal article"),
    "article-magazine": QT_TRANSLATE_NOOP("CitationType", "Magazine article"),
    "article-newspaper": QT_TRANSLATE_NOOP("CitationType", "Newspaper article"),
    "bill": QT_TRANSLATE_NOOP("CitationType", "Bill"),
    "book": QT_TRANSLATE_NOOP("CitationType", "Book"),
    "broadcast": QT_TRANSLATE_NOOP("CitationType", "Broadcast"),
    "chapter": QT_TRANSLATE_NOOP("CitationType", "Book chapter"),
    "classic": QT_TRANSLATE_NOOP("CitationType", "Classic work"),
    "collection": QT_TRANSLATE_NOOP("CitationType", "Archival collection"),
    "dataset": QT_TRANSLATE_NOOP("CitationType", "Dataset"),
    "document": QT_TRANSLATE_NOOP("CitationType", "Document"),
    "entry": QT_TRANSLATE_NOOP("CitationType", "Entry"),
    "entry-dictionary": QT_TRANSLATE_NOOP("CitationType", "Dictionary entry"),
    "entry-encyclopedia": QT_TRANSLATE_NOOP("CitationType", "Encyclopedia entry"),
    "event": QT_TRANSLATE_NOOP("CitationType", "Event"),
    "figure": QT_TRANSLATE_NOOP("CitationType", "Figure"),
    "graphic": QT_TRANSLATE_NOOP("CitationType", "Image or artwork"),
    "hearing": QT_TRANSLATE_NOOP("CitationType", "Hearing"),
    "interview": QT_TRANSLATE_NOOP("CitationType", "Interview"),
    "legal_case": QT_TRANSLATE_NOOP("CitationType", "Legal case"),
    "legislation": QT_TRANSLATE_NOOP("CitationType", "Legislation"),
    "manuscript": QT_TRANSLATE_NOOP("CitationType", "Manuscript"),
    "map": QT_TRANSLATE_NOOP("CitationType", "Map"),
    "motion_picture": QT_TRANSLATE_NOOP("CitationType", "Film"),
    "musical_score": QT_TRANSLATE_NOOP("CitationType", "Musical score"),
    "pamphlet": QT_TRANSLATE_NOOP("CitationType", "Pamphlet"),
    "paper-conference": QT_TRANSLATE_NOOP("CitationType", "Conference paper"),
    "patent": QT_TRANSLATE_NOOP("CitationType", "Patent"),
    "performance": QT_TRANSLATE_NOOP("CitationType", "Performance"),
    "periodical": QT_TRANSLATE_NOOP("CitationType", "Periodical"),
    "personal_communication": QT_TRANSLATE_NOOP("CitationType", "Letter or personal message"),
    "post": QT_TRANSLATE_NOOP("CitationType", "Forum or social media post"),
    "post-weblog": QT_TRANSLATE_NOOP("CitationType", "Blog post"),
    "regulation": QT_TRANSLATE_NOOP("CitationType", "Regulation"),
    "report": QT_TRANSLATE_NOOP("CitationType", "Report"),
    "review": QT_TRANSLATE_NOOP("CitationType", "Review"),
    "review-book": QT_TRANSLATE_NOOP("CitationType", "Book review"),
    "software": QT_TRANSLATE_NOOP("CitationType", "Software"),
    "song": QT_TRANSLATE_NOOP("CitationType", "Recording"),
    "speech": QT_TRANSLATE_NOOP("CitationType", "Speech or lecture"),
    "standard": QT_TRANSLATE_NOOP("CitationType", "Standard"),
    "thesis": QT_TRANSLATE_NOOP("CitationType", "Thesis"),
    "treaty": QT_TRANSLATE_NOOP("CitationType", "Treaty"),
    "webpage": QT_TRANSLATE_NOOP("CitationType", "Web page"),
}
_ROLE_NAMES = {
    "author": QT_TRANSLATE_NOOP("CitationEditor", "Author"),
    "editor": QT_TRANSLATE_NOOP("CitationEditor", "Editor"),
    "translator": QT_TRANSLATE_NOOP("CitationEditor", "Translator"),
}
_FIELDS = (
    ("title", QT_TRANSLATE_NOOP("CitationEditor", "Title")),
    ("container-title", QT_TRANSLATE_NOOP("CitationEditor", "In (journal, site, book)")),
    ("collection-title", QT_TRANSLATE_NOOP("CitationEditor", "Series")),
    ("issued", QT_TRANSLATE_NOOP("CitationEditor", "Date")),
    ("volume", QT_TRANSLATE_NOOP("CitationEditor", "Volume")),
    ("issue", QT_TRANSLATE_NOOP("CitationEditor", "Issue")),
    ("page", QT_TRANSLATE_NOOP("CitationEditor", "Pages")),
    ("edition", QT_TRANSLATE_NOOP("CitationEditor", "Edition")),
    ("publisher", QT_TRANSLATE_NOOP("CitationEditor", "Publisher")),
    ("publisher-place", QT_TRANSLATE_NOOP("CitationEditor", "Place")),
    ("URL", QT_TRANSLATE_NOOP("CitationEditor", "URL")),
    ("DOI", QT_TRANSLATE_NOOP("CitationEditor", "DOI")),
    ("ISBN", QT_TRANSLATE_NOOP("CitationEditor", "ISBN")),
    ("accessed", QT_TRANSLATE_NOOP("CitationEditor", "Accessed")),
    ("language", QT_TRANSLATE_NOOP("CitationEditor", "Language")),
)
_DATES = ("issued", "accessed")


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def type_name(csl_type: str) -> str:
    """A CSL item type by its readable, translated name."""
    return _tr("CitationType", _TYPE_NAMES.get(csl_type, csl_type))


class CitationEditor(QDialog):
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

    # -- creators ------------------------------------------------------------------------

    def _add_row(self, role: str, name: Mapping[str, Any]) -> None:
        row = self.creators.rowCount()
        self.creators.blockSignals(True)
        self.creators.insertRow(row)
        box = QComboBox(self.creators)
        for key in NAME_ROLES:
            box.addItem(_tr("CitationEditor", _ROLE_NAMES[key]), key)
        box.setCurrentIndex(max(0, box.findData(role)))
        box.currentIndexChanged.connect(lambda _i: self._names_done())
        self.creators.setCellWidget(row, 0, box)
        literal = bool(name.get("literal"))
        typed = name_text(name).removeprefix("=")
        family, _, given = typed.partition(", ") if not literal else (typed, "", "")
        self.creators.setItem(row, 1, QTableWidgetItem(family))
        self.creators.setItem(row, 2, QTableWidgetItem(given))
        check = QTableWidgetItem()
        check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        check.setCheckState(Qt.CheckState.Checked if literal else Qt.CheckState.Unchecked)
        self.creators.setItem(row, 3, check)
        self.creators.blockSignals(False)

    def add_creator(self) -> int:
        """A new empty creator row (stored once a name is typed in it); returns its row."""
        self._add_row("author", {})
        row = self.creators.rowCount() - 1
        self.creators.setCurrentCell(row, 1)
        return row

    def set_creator(
        self, row: int, *, role: str | None = None, family: str | None = None, given: str = ""
    ) -> None:
        """Change a creator row as a user would: its role, or its names."""
        if role is not None:
            box = self.creators.cellWidget(row, 0)
            if isinstance(box, QComboBox):
                box.setCurrentIndex(box.findData(role))
        if family is not None:
            self.creators.blockSignals(True)
            self.creators.setItem(row, 2, QTableWidgetItem(given))
            self.creators.blockSignals(False)
            cell = self.creators.item(row, 1)
            if cell is None:
                cell = QTableWidgetItem()
                self.creators.setItem(row, 1, cell)
            cell.setText(family)  # as typing in the cell does: itemChanged stores the names

    def _typed_names(self) -> dict[str, tuple[str, ...]]:
        typed: dict[str, list[str]] = {role: [] for role in NAME_ROLES}
        for row in range(self.creators.rowCount()):
            box = self.creators.cellWidget(row, 0)
            role = str(box.currentData()) if isinstance(box, QComboBox) else "author"
            family = (self.creators.item(row, 1) or QTableWidgetItem()).text().strip()
            given = (self.creators.item(row, 2) or QTableWidgetItem()).text().strip()
            check = self.creators.item(row, 3)
            organisation = check is not None and check.checkState() == Qt.CheckState.Checked
            if not family:
                continue
            if organisation:
                typed[role].append("=" + " ".join(p for p in (family, given) if p))
            else:
                typed[role].append(f"{family}, {given}" if given else f"{family},")
        return {role: tuple(names) for role, names in typed.items()}

    def _names_done(self) -> None:
        if self._loading:
            return
        typed = self._typed_names()
        if typed != self._loaded_names:
            self._commit(Changes(names=typed))

    def _remove_creator(self) -> None:
        row = self.creators.currentRow()
        if row >= 0:
            self.creators.removeRow(row)
            self._names_done()

    def _move_creator(self, step: int) -> None:
        row = self.creators.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.creators.rowCount():
            return
        names = self._rows()
        names[row], names[target] = names[target], names[row]
        self._loading = True
        self.creators.setRowCount(0)
        for role, name in names:
            self._add_row(role, name)
        self._loading = False
        self.creators.setCurrentCell(target, 1)
        self._names_done()

    def _rows(self) -> list[tuple[str, dict[str, str]]]:
        out = []
        for row in range(self.creators.rowCount()):
            box = self.creators.cellWidget(row, 0)
            role = str(box.currentData()) if isinstance(box, QComboBox) else "author"
            family = (self.creators.item(row, 1) or QTableWidgetItem()).text()
            given = (self.creators.item(row, 2) or QTableWidgetItem()).text()
            check = self.creators.item(row, 3)
            if check is not None and check.checkState() == Qt.CheckState.Checked:
                out.append((role, {"literal": family}))
            else:
                out.append((role, {"family": family, "given": given}))
        return out

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
