"""The notes pane: an article's highlights, footnotes (with citations) and notes, in tabs."""

from __future__ import annotations

import functools
import html

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archivist.gui.footnote_rows import LABEL_ROLE, footnote_view, uncited_text
from archivist.gui.i18n import color_label, meaning_label, number, phrases, split_list
from archivist.gui.note_editor import NotesBox
from archivist.gui.noteactions import NoteActions
from archivist.gui.reader import color_icon
from archivist.gui.render import highlight_color
from archivist.model import Article, Footnote, Highlight, PaletteColor
from archivist.text import one_line


def citation_menu(parent: QWidget, actions: NoteActions, label: str | None, at: QPoint) -> None:
    """The context menu of a citation: edit it, copy it formatted, as CSL-JSON or BibTeX."""
    menu = QMenu(parent)
    menu.addAction(
        QCoreApplication.translate("CitationMenu", "Edit citation…"),
        lambda: actions.edit_citation(label),
    )
    menu.addSeparator()
    for text, form in (
        (QCoreApplication.translate("CitationMenu", "Copy citation"), "entry"),
        (QCoreApplication.translate("CitationMenu", "Copy as CSL-JSON"), "csl-json"),
        (QCoreApplication.translate("CitationMenu", "Copy as BibTeX"), "bibtex"),
    ):
        menu.addAction(text, functools.partial(actions.copy_citation, label, form))
    menu.popup(at)


class HighlightsTab(QWidget):
    """The article's highlights in text order; the chosen one's colour, tags and notes."""

    def __init__(self, actions: NoteActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = actions
        self.highlights: tuple[Highlight, ...] = ()
        self.legend = QLabel(self)
        self.legend.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Highlights"))
        self.list.setWordWrap(True)
        self.list.itemSelectionChanged.connect(self._chosen)
        self.list.itemActivated.connect(
            lambda item: self.ops.go_to_highlight(int(item.data(Qt.ItemDataRole.UserRole)))
        )
        self.quote = QLabel(self)
        self.quote.setWordWrap(True)
        # Article text is shown as written: Qt's rich-text guess would render "<img src=...>"
        # in a quote or footnote and load the file it names.
        self.quote.setTextFormat(Qt.TextFormat.PlainText)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.colors = QHBoxLayout()
        self.colors.setSpacing(2)
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags.setAccessibleName(self.tr("Tags of the highlight"))
        self.tags.editingFinished.connect(self._tags_edited)
        self.delete = QPushButton(self.tr("Delete highlight"), self)
        self.delete.clicked.connect(self._delete)
        self.notes = NotesBox(actions, self)
        row = QHBoxLayout()
        row.addLayout(self.colors)
        row.addStretch(1)
        row.addWidget(self.delete)
        self.detail = QWidget(self)
        detail = QVBoxLayout(self.detail)
        detail.setContentsMargins(0, 0, 0, 0)
        detail.addWidget(self.quote)
        detail.addLayout(row)
        detail.addWidget(self.tags)
        detail.addWidget(self.notes, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.legend)
        layout.addWidget(self.list, 2)
        layout.addWidget(self.detail, 3)
        self.hint = QLabel(
            self.tr("Select text in the article and pick a colour (or press 1–6) to highlight it."),
            self,
        )
        self.hint.setWordWrap(True)
        self.hint.setObjectName("Hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.hint, 3)
        self.detail.hide()

    def set_palette_colors(self, colors: tuple[PaletteColor, ...]) -> None:
        """Colour buttons and the legend of meanings."""
        while (item := self.colors.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        chips = []
        for pc in colors:
            button = QToolButton(self)
            button.setIcon(color_icon(pc.color))
            button.setAutoRaise(True)
            button.setToolTip(
                f"{color_label(pc.color)}: {meaning_label(pc.meaning)}"
                if pc.meaning
                else color_label(pc.color)
            )
            button.setObjectName(f"recolor-{pc.color}")
            button.setAccessibleName(self.tr("Recolour {color}").format(color=button.toolTip()))
            button.clicked.connect(lambda _=False, c=pc.color: self._recolor(c))
            self.colors.addWidget(button)
            # A meaning of several words stays on one line beside its swatch.
            shown = meaning_label(pc.meaning) if pc.meaning else color_label(pc.color)
            chips.append(
                f'<span style="background:{highlight_color(pc.color, 255).name()}">&nbsp;&nbsp;'
                f"&nbsp;</span>&nbsp;{html.escape(shown).replace(' ', '&nbsp;')}"
            )
        self.legend.setText("&nbsp;&nbsp; ".join(chips))

    def set_highlights(self, highlights: tuple[Highlight, ...]) -> None:
        """Show these highlights, keeping the selection."""
        chosen = self.selected_id()
        self.highlights = highlights
        self.list.blockSignals(True)
        self.list.clear()
        for h in highlights:
            extra = f"  · {phrases().notes(len(h.notes))}" if h.notes else ""
            flag = "  " + self.tr("(lost its place)") if h.orphaned else ""
            item = QListWidgetItem(color_icon(h.color), one_line(h.exact, 120) + extra + flag)
            item.setData(Qt.ItemDataRole.UserRole, h.id)
            self.list.addItem(item)
            if h.id == chosen:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self._chosen()

    def select(self, highlight_id: int) -> None:
        """Choose a highlight in the list."""
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == highlight_id:
                self.list.setCurrentItem(item)

    def selected_id(self) -> int | None:
        """The chosen highlight's id."""
        item = self.list.currentItem()
        return None if item is None else int(item.data(Qt.ItemDataRole.UserRole))

    def _current(self) -> Highlight | None:
        chosen = self.selected_id()
        return next((h for h in self.highlights if h.id == chosen), None)

    def _chosen(self) -> None:
        h = self._current()
        self.detail.setVisible(h is not None)
        self.hint.setVisible(h is None)
        if h is None:
            self.quote.clear()
            self.tags.clear()
            self.notes.set_notes(None, ())
            return
        self.quote.setText(f"“{one_line(h.exact, 600)}”")
        if not self.tags.hasFocus():
            self.tags.setText(", ".join(h.tags))
        self.notes.set_notes(("highlight", h.id), h.notes)

    def _recolor(self, color: str) -> None:
        h = self._current()
        if h is not None and h.id is not None and h.color != color:
            self.ops.recolor_highlight(h.id, color)

    def _tags_edited(self) -> None:
        h = self._current()
        if h is not None and h.id is not None:
            tags = split_list(self.tags.text())
            if sorted(tags) != sorted(h.tags):
                self.ops.set_highlight_tags(h.id, tags)

    def _delete(self) -> None:
        h = self._current()
        if h is not None and h.id is not None:
            self.ops.delete_highlight(h.id)


class FootnotesTab(QWidget):
    """The article's footnotes as wrapped rows in the dossier's citation style; below the
    chosen one, its text as the page wrote it, its entry, and the user's notes on it."""

    def __init__(self, actions: NoteActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = actions
        self.list, self.model = footnote_view(self)
        self.list.setAccessibleName(self.tr("Footnotes"))
        self.list.selectionModel().currentChanged.connect(lambda _now, _before: self._chosen())
        self.list.doubleClicked.connect(
            lambda index: actions.edit_citation(str(index.data(LABEL_ROLE)))
        )
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._menu)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        # Article text is shown as written: Qt's rich-text guess would render "<img src=...>".
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.citation = QLabel(self)
        self.citation.setWordWrap(True)
        # Rich text built here from escaped parts: the entry's italics, nothing from the page.
        self.citation.setTextFormat(Qt.TextFormat.RichText)
        self.citation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.citation.setObjectName("Citation")
        self.back = QPushButton(self.tr("Back to text"), self)
        self.back.clicked.connect(actions.back_to_marker)
        self.edit = QPushButton(self.tr("Edit citation…"), self)
        self.edit.setObjectName("EditCitation")
        self.edit.clicked.connect(self._edit)
        self.notes = NotesBox(actions, self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back)
        buttons.addWidget(self.edit)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 3)
        layout.addWidget(self.text)
        layout.addWidget(self.citation)
        layout.addLayout(buttons)
        layout.addWidget(self.notes, 2)

    @property
    def footnotes(self) -> tuple[Footnote, ...]:
        """The footnotes shown."""
        return self.model.footnotes

    def set_footnotes(self, footnotes: tuple[Footnote, ...]) -> None:
        """Show these footnotes, keeping the selection (and the scroll position while the
        article's notes stay the same ones)."""
        chosen = self.selected_label()
        self.list.selectionModel().blockSignals(True)
        self.model.set_footnotes(footnotes)
        row = self.model.row_of(chosen) if chosen is not None else -1
        if row >= 0 and self.list.currentIndex().row() != row:
            self.list.setCurrentIndex(self.model.index(row))
        self.list.selectionModel().blockSignals(False)
        self._chosen()

    def set_style(self, style: str | None) -> None:
        """Show the entries in another citation style (the dossier's)."""
        self.model.set_style(style)
        if self.list.currentIndex().isValid():
            self.list.scrollTo(self.list.currentIndex())
        self._chosen()

    def select(self, label: str) -> None:
        """Choose a footnote by its label."""
        row = self.model.row_of(label)
        if row >= 0:
            index = self.model.index(row)
            self.list.setCurrentIndex(index)
            self.list.scrollTo(index)

    def selected_label(self) -> str | None:
        """The chosen footnote's label."""
        index = self.list.currentIndex()
        return str(index.data(LABEL_ROLE)) if index.isValid() else None

    def _chosen(self) -> None:
        row = self.list.currentIndex().row()
        fn = self.footnotes[row] if 0 <= row < len(self.footnotes) else None
        for widget in (self.text, self.citation, self.back, self.edit, self.notes):
            widget.setVisible(fn is not None)
        if fn is None:
            self.text.clear()
            self.citation.clear()
            self.notes.set_notes(None, ())
            return
        self.text.setText(f"[{fn.label}] {fn.text}")
        lines = []
        if fn.csl:
            lines.append(self.model.row(row).entry)
        if fn.refers_to:
            lines.append(
                html.escape(self.tr("Refers to note [{label}]").format(label=fn.refers_to))
            )
        if fn.edited:
            lines.append(html.escape(self.tr("(corrected by hand)")))
        if fn.uncited:
            lines.append(html.escape(uncited_text(fn)))
        if not fn.csl and not fn.refers_to:
            lines.append(html.escape(self.tr("No citation parsed (an explanatory note).")))
        self.citation.setText("<br>".join(lines))
        self.back.setVisible(bool(fn.markers))
        self.notes.set_notes(("footnote", fn.label), fn.notes)

    def _edit(self) -> None:
        label = self.selected_label()
        if label is not None:
            self.ops.edit_citation(label)

    def _menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        if index.isValid():
            self.list.setCurrentIndex(index)
            label = str(index.data(LABEL_ROLE))
            citation_menu(self, self.ops, label, self.list.viewport().mapToGlobal(pos))


class ArticleTab(QWidget):
    """The article's own notes and tags."""

    def __init__(self, actions: NoteActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ops = actions
        self.current_tags: tuple[str, ...] = ()
        self.tags = QLineEdit(self)
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.tags.setAccessibleName(self.tr("Tags of the article"))
        self.tags.editingFinished.connect(self._tags_edited)
        self.notes = NotesBox(actions, self)
        self.citation = QLabel(self)
        self.citation.setObjectName("ArticleCitation")
        self.citation.setWordWrap(True)
        self.citation.setTextFormat(Qt.TextFormat.PlainText)
        self.citation.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.citation.customContextMenuRequested.connect(
            lambda pos: citation_menu(self, actions, None, self.citation.mapToGlobal(pos))
        )
        self.edit = QPushButton(self.tr("Edit article citation…"), self)
        self.edit.setObjectName("EditArticleCitation")
        self.edit.clicked.connect(lambda: actions.edit_citation(None))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Citation"), self))
        layout.addWidget(self.citation)
        layout.addWidget(self.edit, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("Tags"), self))
        layout.addWidget(self.tags)
        layout.addWidget(QLabel(self.tr("Notes on the article"), self))
        layout.addWidget(self.notes, 1)

    def set_article(self, article: Article | None) -> None:
        """Show the article's tags and notes."""
        self.setEnabled(article is not None)
        shown = ""
        if article is not None:
            byline = ", ".join(article.authors)
            parts = [byline, f"“{article.title}”", article.site or "", article.published or ""]
            shown = ". ".join(p for p in parts if p)
            if article.csl_edited:
                shown += "\n" + self.tr("(corrected by hand)")
        self.citation.setText(shown)
        self.current_tags = article.tags if article else ()
        if not self.tags.hasFocus():
            self.tags.setText(", ".join(self.current_tags))
        self.notes.set_notes(
            ("article", None) if article else None, article.notes if article else ()
        )

    def _tags_edited(self) -> None:
        tags = split_list(self.tags.text())
        if sorted(tags) != sorted(self.current_tags):
            self.ops.set_article_tags(tags)


class NotesPanel(QTabWidget):
    """Highlights, footnotes and article notes of the open article."""

    def __init__(self, actions: NoteActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("NotesPanel")
        self.setDocumentMode(True)
        self.highlights = HighlightsTab(actions, self)
        self.footnotes = FootnotesTab(actions, self)
        self.article_tab = ArticleTab(actions, self)
        self.addTab(self.highlights, self.tr("Highlights"))
        self.addTab(self.footnotes, self.tr("Footnotes"))
        self.addTab(self.article_tab, self.tr("Article"))

    def set_style(self, style: str | None) -> None:
        """Format the footnotes' entries in this citation style (the dossier's)."""
        self.footnotes.set_style(style)

    def set_document(self, article: Article | None) -> None:
        """Show the annotations of ``article`` (an annotated document), or nothing."""
        self.highlights.set_highlights(article.highlights if article else ())
        self.footnotes.set_footnotes(article.footnotes if article else ())
        self.article_tab.set_article(article)
        if article is None:
            self.setTabText(0, self.tr("Highlights"))
            self.setTabText(1, self.tr("Footnotes"))
        else:
            count = number(len(article.highlights))
            self.setTabText(0, self.tr("Highlights ({count})").format(count=count))
            count = number(len(article.footnotes))
            self.setTabText(1, self.tr("Footnotes ({count})").format(count=count))

    def show_highlight(self, highlight_id: int) -> None:
        """Bring a highlight forward."""
        self.setCurrentWidget(self.highlights)
        self.highlights.select(highlight_id)

    def citation_label(self) -> str | None:
        """The footnote whose citation a copy takes: the chosen one while the Footnotes tab
        is shown, else None (the article's own)."""
        if self.currentWidget() is self.footnotes:
            return self.footnotes.selected_label()
        return None

    def show_footnote(self, label: str) -> None:
        """Bring a footnote forward."""
        self.setCurrentWidget(self.footnotes)
        self.footnotes.select(label)
