"""The dossier builder: saved dossiers, their ordered articles, options, and PDF export."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.export.dossier import STYLE_NAMES
from archivist.gui.dialogs import show_error
from archivist.gui.i18n import color_label, meaning_label, number, set_reading_margins, split_list
from archivist.gui.reader import color_icon
from archivist.gui.undo import Changes, DeleteDossier, EditDossier, same_dossier
from archivist.model import ArticleId, Dossier, DossierId

ARTICLE_IDS_MIME = "application/x-archivist-article-ids"
"""Drag payload of library rows: article ids, one per line."""


def article_ids_mime(ids: Sequence[int]) -> QMimeData:
    """Mime data carrying article ids (a drag from the library)."""
    data = QMimeData()
    data.setData(ARTICLE_IDS_MIME, "\n".join(str(i) for i in ids).encode())
    return data


def ids_from_mime(data: QMimeData) -> list[ArticleId]:
    """The article ids a drag carries (none if it is not ours)."""
    if not data.hasFormat(ARTICLE_IDS_MIME):
        return []
    raw = bytes(data.data(ARTICLE_IDS_MIME).data()).decode()
    return [ArticleId(int(x)) for x in raw.split() if x.isdigit()]


def heading(text: str, parent: QWidget) -> QLabel:
    """A column's title in the dossier builder."""
    label = QLabel(text, parent)
    label.setObjectName("ColumnHeading")  # bold by the application's style sheet
    return label


class DossierArticles(QListWidget):
    """The dossier's articles: drag to reorder, drop library rows to add."""

    reordered = Signal(list)
    dropped = Signal(list, int)
    """Article ids dropped from the library, and the 1-based position they were dropped at."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setAcceptDrops(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Alt+Up and Alt+Down move the selected articles (reordering without a mouse)."""
        keys = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
        if event.modifiers() == Qt.KeyboardModifier.AltModifier and event.key() in keys:
            self.move_selected(keys[Qt.Key(event.key())])
            return
        super().keyPressEvent(event)

    def move_selected(self, step: int) -> None:
        """Move the selected articles one place up (-1) or down (1), then announce the order."""
        order = self.order()
        chosen = {self.row(item) for item in self.selectedItems()}
        rows = sorted(chosen, reverse=step > 0)
        for row in rows:
            target = row + step
            if 0 <= target < len(order) and target not in chosen:
                order[row], order[target] = order[target], order[row]
                chosen.discard(row)
                chosen.add(target)
        if order != self.order():
            self.reordered.emit(order)

    def order(self) -> list[ArticleId]:
        """The ids top to bottom."""
        return [
            ArticleId(int(self.item(i).data(Qt.ItemDataRole.UserRole))) for i in range(self.count())
        ]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept library rows as well as our own items."""
        if event.mimeData().hasFormat(ARTICLE_IDS_MIME):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        """Accept library rows anywhere in the list."""
        if event.mimeData().hasFormat(ARTICLE_IDS_MIME):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        """Library rows are added where dropped; own items are moved, then the order saved."""
        ids = ids_from_mime(event.mimeData())
        if ids:
            row = self.indexAt(event.position().toPoint()).row()
            self.dropped.emit(ids, row + 1 if row >= 0 else self.count() + 1)
            event.acceptProposedAction()
            return
        super().dropEvent(event)
        self.reordered.emit(self.order())


class DossierPanel(QWidget):
    """List of dossiers; the chosen one's fields, articles, options and Export."""

    exportRequested = Signal(int)

    def __init__(
        self,
        archive: Callable[[], Archive],
        parent: QWidget | None = None,
        *,
        undo_stack: QUndoStack | None = None,
        changes: Changes | None = None,
    ) -> None:
        super().__init__(parent)
        self._archive = archive
        # With an undo stack, every edit is one undoable step (Ctrl+Z as for annotations).
        self._undo = undo_stack
        self._changes = changes
        if changes is not None:
            changes.dossierChanged.connect(self.show_changed)
        self._loading = False
        self._seen: tuple[Dossier, ...] = ()
        self.current: Dossier | None = None
        self.list = QListWidget(self)
        self.list.itemSelectionChanged.connect(self._chosen)
        self.list.setAccessibleName(self.tr("Dossiers"))
        new = QPushButton(self.tr("&New dossier"), self)
        new.clicked.connect(lambda: self.new_dossier(self.tr("New dossier")))
        delete = QPushButton(self.tr("Delete"), self)
        delete.setAccessibleName(self.tr("Delete dossier"))
        delete.clicked.connect(self._delete)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        set_reading_margins(top_layout, 8, 8, 4, 8)
        top_layout.addWidget(heading(self.tr("Dossiers"), top))
        top_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(new)
        buttons.addStretch(1)
        buttons.addWidget(delete)
        top_layout.addLayout(buttons)

        # The chosen dossier's title page and articles, then its export: disabled with none chosen.
        contents = QWidget(self)
        options = QWidget(self)
        self.editor = (contents, options)
        self.title = QLineEdit(contents)
        self.subtitle = QLineEdit(contents)
        self.compiler = QLineEdit(contents)
        self.introduction = QPlainTextEdit(contents)
        self.introduction.setMaximumHeight(110)
        self.introduction.setTabChangesFocus(True)
        self.intro_timer = QTimer(self)
        self.intro_timer.setSingleShot(True)
        self.intro_timer.setInterval(600)
        self.intro_timer.timeout.connect(self._save_fields)
        self.introduction.textChanged.connect(
            lambda: None if self._loading else self.intro_timer.start()
        )
        for field in (self.title, self.subtitle, self.compiler):
            field.editingFinished.connect(self._save_fields)
        self.articles = DossierArticles(contents)
        self.articles.setAccessibleName(self.tr("Articles of the dossier"))
        self.articles.setWordWrap(True)
        self.articles.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.articles.reordered.connect(self.reorder)
        self.articles.dropped.connect(lambda ids, at: self.add_articles(ids, position=at))
        remove = QPushButton(self.tr("&Remove from dossier"), contents)
        remove.clicked.connect(self._remove_selected)
        self.style_box = QComboBox(options)
        # Style names are long; the column, not the longest name, decides the box's width.
        self.style_box.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.style_box.setMinimumContentsLength(14)
        for key, name in STYLE_NAMES.items():
            self.style_box.addItem(name, key)
        self.style_box.currentIndexChanged.connect(lambda _i: self._save_options())
        self.colors = QListWidget(options)
        self.colors.setAccessibleName(self.tr("Colours to include"))
        self.colors.itemChanged.connect(lambda _item: self._save_options())
        self.tags = QLineEdit(options)
        self.tags.setPlaceholderText(self.tr("only highlights with these tags (commas)"))
        self.tags.editingFinished.connect(self._save_options)
        self.excerpts = QCheckBox(self.tr("Excerpts only (highlights, not the full text)"), options)
        self.excerpts.toggled.connect(lambda _on: self._save_options())
        self.styled_notes = QCheckBox(
            self.tr("Footnotes in the citation style (first in full, then short)"), options
        )
        self.styled_notes.setToolTip(
            self.tr(
                "Off: citing footnotes read as the source wrote them. "
                "On: they are written in the chosen style from their parsed citations."
            )
        )
        self.styled_notes.toggled.connect(lambda _on: self._save_options())
        self.export = QPushButton(self.tr("&Export PDF…"), options)
        self.export.setObjectName("ExportDossier")
        self.export.setDefault(True)
        self.export.clicked.connect(
            lambda: self.exportRequested.emit(int(self.current.id or 0) if self.current else 0)
        )

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Subtitle"), self.subtitle)
        form.addRow(self.tr("Compiler"), self.compiler)
        form.addRow(self.tr("Introduction"), self.introduction)
        contents_layout = QVBoxLayout(contents)
        set_reading_margins(contents_layout, 8, 8, 8, 8)
        contents_layout.addWidget(heading(self.tr("Contents"), contents))
        contents_layout.addLayout(form)
        articles_label = QLabel(
            self.tr("Articles (drag to reorder; drop from the library to add)"), contents
        )
        articles_label.setObjectName("Hint")
        articles_label.setWordWrap(True)
        articles_label.setBuddy(self.articles)
        contents_layout.addWidget(articles_label)
        contents_layout.addWidget(self.articles, 1)
        contents_layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeading)

        options_form = QFormLayout()
        options_form.setContentsMargins(0, 0, 0, 0)
        options_form.addRow(self.tr("Citation style"), self.style_box)
        options_form.addRow(self.styled_notes)
        options_form.addRow(self.tr("Colours"), self.colors)
        options_form.addRow(self.tr("Tags"), self.tags)
        options_form.addRow(self.excerpts)
        options_layout = QVBoxLayout(options)
        set_reading_margins(options_layout, 8, 8, 8, 8)
        options_layout.addWidget(heading(self.tr("Export"), options))
        options_layout.addLayout(options_form)
        options_layout.addStretch(1)
        options_layout.addWidget(self.export)

        self.columns = QSplitter(Qt.Orientation.Horizontal, self)
        self.columns.setObjectName("DossierColumns")
        self.columns.setChildrenCollapsible(False)
        self.columns.setHandleWidth(1)
        self.columns.addWidget(top)
        self.columns.addWidget(contents)
        self.columns.addWidget(options)
        self.columns.setStretchFactor(0, 2)
        self.columns.setStretchFactor(1, 5)
        self.columns.setStretchFactor(2, 4)
        self.columns.setSizes([200, 500, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.columns)
        self._loading = False
        self.reload()

    # -- the list of dossiers --------------------------------------------------------------

    def refresh(self) -> None:
        """Re-read the dossiers if they changed; if not, fields being typed in stay as they are."""
        if tuple(self._archive().dossiers.all()) != self._seen:
            self.reload()

    def reload(self) -> None:
        """Re-read the dossiers, keeping the chosen one."""
        chosen = self.current.id if self.current else None
        scroll = self.list.verticalScrollBar().value()
        self.list.blockSignals(True)
        self.list.clear()
        self._seen = tuple(self._archive().dossiers.all())
        for dossier in self._seen:
            item = QListWidgetItem(f"{dossier.title}  ({len(dossier.article_ids)})")
            item.setData(Qt.ItemDataRole.UserRole, dossier.id)
            self.list.addItem(item)
            if dossier.id == chosen:
                self.list.setCurrentItem(item)
        self.list.verticalScrollBar().setValue(scroll)
        self.list.blockSignals(False)
        self._chosen()

    def new_dossier(self, title: str, article_ids: Sequence[ArticleId] = ()) -> DossierId | None:
        """Create a dossier and choose it."""
        try:
            dossier = self._archive().dossiers.create(title, article_ids=article_ids)
        except ArchivistError as exc:
            show_error(self, str(exc))
            return None
        self.current = dossier
        self.reload()
        self.title.setFocus()
        self.title.selectAll()
        return dossier.id

    def show_changed(self, dossier_id: int) -> None:
        """Re-read after an undo or redo, showing the dossier it touched while it is live."""
        live = {d.id: d for d in self._archive().dossiers.all()}
        keep = self.current if self.current is not None and self.current.id in live else None
        self.current = live.get(DossierId(dossier_id), keep)
        self.reload()

    def choose(self, dossier_id: DossierId) -> None:
        """Show a dossier."""
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == dossier_id:
                self.list.setCurrentRow(row)

    def _chosen(self) -> None:
        item = self.list.currentItem() if self.list.currentRow() >= 0 else None
        if item is None:
            self.current = None
        else:
            try:
                self.current = self._archive().dossiers.get(
                    DossierId(int(item.data(Qt.ItemDataRole.UserRole)))
                )
            except ArchivistError:
                self.current = None
        for column in self.editor:
            column.setEnabled(self.current is not None)
        self._show()

    def _delete(self) -> None:
        if self.current is None or self.current.id is None:
            return
        if self._undo is not None and self._changes is not None:
            try:
                command = DeleteDossier(self._archive(), self._changes, self.current.id)
            except ArchivistError as exc:
                show_error(self, str(exc))
                return
            self._undo.push(command)
        else:
            self._call(lambda arc, d: arc.dossiers.delete(d))
        self.current = None
        self.reload()

    # -- the chosen dossier ------------------------------------------------------------------

    def _show(self) -> None:
        self._loading = True
        d = self.current
        self.title.setText(d.title if d else "")
        self.subtitle.setText(d.subtitle or "" if d else "")
        self.compiler.setText(d.compiler or "" if d else "")
        self.introduction.setPlainText(d.introduction or "" if d else "")
        selected = {
            int(item.data(Qt.ItemDataRole.UserRole)) for item in self.articles.selectedItems()
        }
        self.articles.clear()
        options = dict(d.options) if d else {}
        if d is not None:
            rows = {r.id: r for r in self._archive().library.rows(d.article_ids)}
            for n, article_id in enumerate(d.article_ids, start=1):
                row = rows.get(article_id)
                label = (
                    f"{number(n)}. {row.title}"
                    if row
                    else self.tr("{n}. article {id}").format(n=number(n), id=article_id)
                )
                if row and row.authors:
                    label += f" — {', '.join(row.authors)}"
                item = QListWidgetItem(label)
                item.setData(Qt.ItemDataRole.UserRole, int(article_id))
                self.articles.addItem(item)
                item.setSelected(int(article_id) in selected)
        index = self.style_box.findData(options.get("style", "chicago-notes-bibliography"))
        self.style_box.setCurrentIndex(max(0, index))
        # No list means every colour; an empty list, none (as the export reads it).
        listed = options.get("colors")
        chosen_colors = None if listed is None else set(listed)
        self.colors.clear()
        for pc in self._archive().annotations.palette():
            name = color_label(pc.color)
            item = QListWidgetItem(
                color_icon(pc.color),
                f"{name} — {meaning_label(pc.meaning)}" if pc.meaning else name,
            )
            item.setData(Qt.ItemDataRole.UserRole, pc.color)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = chosen_colors is None or pc.color in chosen_colors
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.colors.addItem(item)
        self.tags.setText(", ".join(options.get("tags") or []))
        self.excerpts.setChecked(bool(options.get("excerpts_only", False)))
        self.styled_notes.setChecked(bool(options.get("notes_in_style", False)))
        self._loading = False

    def _call(self, change: Callable[[Archive, DossierId], object], text: str = "") -> bool:
        """Run a change on the chosen dossier; with an undo stack, record it as one step."""
        if self.current is None or self.current.id is None:
            return False
        archive = self._archive()
        try:
            before = archive.dossiers.get(self.current.id)
            change(archive, self.current.id)
            after = archive.dossiers.get(self.current.id)
        except ArchivistError as exc:
            show_error(self, str(exc))
            return False
        if self._undo is not None and self._changes is not None and not same_dossier(before, after):
            label = text or self.tr("Edit dossier")
            self._undo.push(EditDossier(archive, self._changes, label, before, after))
        return True

    def _refresh_current(self) -> None:
        if self.current is not None and self.current.id is not None:
            self.current = self._archive().dossiers.get(self.current.id)
            self.reload()

    def _save_fields(self) -> None:
        if self._loading or self.current is None:
            return
        title = self.title.text()
        subtitle = self.subtitle.text().strip() or None
        compiler = self.compiler.text().strip() or None
        introduction = self.introduction.toPlainText().strip() or None
        if self._call(
            lambda arc, d: arc.dossiers.update(
                d, title=title, subtitle=subtitle, compiler=compiler, introduction=introduction
            ),
            self.tr("Edit dossier"),
        ):
            self._refresh_current()

    def _save_options(self) -> None:
        if self._loading or self.current is None:
            return
        colors = [
            str(self.colors.item(i).data(Qt.ItemDataRole.UserRole))
            for i in range(self.colors.count())
            if self.colors.item(i).checkState() == Qt.CheckState.Checked
        ]
        every = len(colors) == self.colors.count()
        options = {
            "style": str(self.style_box.currentData()),
            "colors": None if every else colors,
            "tags": split_list(self.tags.text()) or None,
            "excerpts_only": self.excerpts.isChecked(),
            "notes_in_style": self.styled_notes.isChecked(),
        }
        if self._call(
            lambda arc, d: arc.dossiers.update(d, options=options), self.tr("Dossier options")
        ):
            self._refresh_current()

    def add_articles(self, ids: Sequence[ArticleId], position: int | None = None) -> None:
        """Add articles (at a 1-based position, default the end)."""
        if self._call(
            lambda arc, d: arc.dossiers.add(d, ids, position=position), self.tr("Add to dossier")
        ):
            self._refresh_current()

    def reorder(self, order: Sequence[ArticleId]) -> None:
        """Save a new order of the dossier's articles."""

        def apply(arc: Archive, d: DossierId) -> None:
            arc.dossiers.set_articles(d, order)

        if self._call(apply, self.tr("Reorder dossier")):
            self._refresh_current()

    def _remove_selected(self) -> None:
        ids = [
            ArticleId(int(i.data(Qt.ItemDataRole.UserRole))) for i in self.articles.selectedItems()
        ]
        if ids and self._call(
            lambda arc, d: arc.dossiers.remove(d, ids), self.tr("Remove from dossier")
        ):
            self._refresh_current()
