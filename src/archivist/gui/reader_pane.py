"""The reader pane: the article view with its find bar and the article's provenance above it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QVBoxLayout, QWidget

from archivist.gui.provenance import ProvenanceBar
from archivist.gui.reader import ReaderView
from archivist.model import Article


class FindBar(QWidget):
    """Find in article: Enter finds the next match, Shift+Enter the previous, Esc closes."""

    def __init__(self, reader: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find in article"))
        self.field.setAccessibleName(self.tr("Find in article"))
        self.field.setClearButtonEnabled(True)
        self.field.returnPressed.connect(self.find_next)
        self.field.textChanged.connect(lambda _t: self.find_next(from_start=True))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.field)
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(self.tr("Close"))
        close.setAccessibleName(self.tr("Close the find bar"))
        close.setAutoRaise(True)
        close.clicked.connect(self.close_bar)
        layout.addWidget(close)
        self.hide()

    def open_bar(self) -> None:
        """Show and focus the field."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide and give focus back to the reader."""
        self.hide()
        self.reader.setFocus()

    def find_next(self, *, from_start: bool = False, backward: bool = False) -> bool:
        """Select the next match; wraps around."""
        text = self.field.text()
        if not text:
            return False
        flags = QTextDocument.FindFlag.FindBackward if backward else QTextDocument.FindFlag(0)
        if from_start:
            cursor = self.reader.textCursor()
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            self.reader.setTextCursor(cursor)
        if self.reader.find(text, flags):
            return True
        cursor = self.reader.textCursor()
        cursor.movePosition(
            QTextCursor.MoveOperation.End if backward else QTextCursor.MoveOperation.Start
        )
        self.reader.setTextCursor(cursor)
        return self.reader.find(text, flags)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc closes; Shift+Enter searches backwards."""
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.find_next(backward=True)
            return
        super().keyPressEvent(event)


class ReaderPane(QWidget):
    """The reader with its find bar and the article's provenance above it."""

    originalRequested = Signal()
    """The user asked to see the stored original of the shown article."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = ReaderView(self)
        self.reader.setAccessibleName(self.tr("Article"))
        self.find_bar = FindBar(self.reader, self)
        self.provenance = ProvenanceBar(self.originalRequested.emit, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.provenance)
        layout.addWidget(self.reader)

    def set_article(self, article: Article | None, *, keep_position: bool = False) -> None:
        """Show ``article`` in the reader and its provenance in the header."""
        self.reader.set_article(article, keep_position=keep_position)
        self.provenance.set_article(article)
