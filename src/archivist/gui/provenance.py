"""Where the open article came from: site, section, URL, dates, file; its original as text."""

from __future__ import annotations

import codecs
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from archivist.ingest.text.decode import clean_text
from archivist.model import Article

FSI, PDI = "\u2068", "\u2069"
"""Unicode first-strong isolate and its end: a value laid out in its own direction."""
ORIGINAL_LIMIT = 2_000_000
"""Bytes of the original shown at most (a larger file is shown up to here, and says so)."""


def readable_original(data: bytes, encoding: str, limit: int = ORIGINAL_LIMIT) -> tuple[str, bool]:
    """The original's first ``limit`` bytes as text, and whether it was cut.

    Decoded in the encoding the import found (bytes it cannot read become U+FFFD), with control
    characters dropped; the text is only ever shown as plain text, never parsed or rendered.
    """
    try:
        codec = codecs.lookup(encoding).name
    except (LookupError, TypeError):
        codec = "utf-8"
    cut = len(data) > limit
    text = data[:limit].decode(codec, errors="replace")
    return clean_text(text), cut


class ProvenanceBar(QFrame):
    """The reader's header: site, section, published, captured; the URL to copy; the file."""

    def __init__(self, show_original: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Provenance")
        self.facts = QLabel(self)
        self.facts.setObjectName("ProvenanceFacts")
        self.facts.setTextFormat(Qt.TextFormat.PlainText)
        self.facts.setWordWrap(True)
        self.facts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url = QLineEdit(self)
        self.url.setObjectName("SourceUrl")
        self.url.setReadOnly(True)
        self.url.setFrame(False)
        self.url.setAccessibleName(self.tr("Source URL"))
        self.url.setToolTip(self.tr("The address the article was saved from (never opened)"))
        self.copy = QToolButton(self)
        self.copy.setText(self.tr("Copy URL"))
        self.copy.setAccessibleName(self.tr("Copy the source URL"))
        self.copy.setAutoRaise(True)
        self.copy.clicked.connect(self.copy_url)
        self.file = QLabel(self)
        self.file.setObjectName("OriginalFile")
        self.file.setTextFormat(Qt.TextFormat.PlainText)
        self.file.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.original = QPushButton(self.tr("Show original"), self)
        self.original.setAccessibleName(self.tr("Show the original file as text"))
        self.original.clicked.connect(show_original)
        self.url_label = QLabel(self.tr("URL"), self)
        self.url_label.setBuddy(self.url)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 6, 12, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.facts, 0, 0, 1, 4)
        grid.addWidget(self.url_label, 1, 0)
        grid.addWidget(self.url, 1, 1)
        grid.addWidget(self.copy, 1, 2)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(self.original)
        grid.addLayout(row, 2, 0, 1, 4)
        grid.setColumnStretch(1, 1)
        self.set_article(None)

    def set_article(self, article: Article | None) -> None:
        """Show what the archive knows of the article's provenance (hidden with no article)."""
        self.setVisible(article is not None)
        if article is None:
            return
        source = article.source
        captured = (source.imported_at or "")[:10] if source else ""
        facts = [
            (self.tr("Site"), article.site),
            (self.tr("Section"), article.section),
            (self.tr("Published"), article.published),
            (self.tr("Captured"), captured),
        ]
        # Each value is isolated so a date keeps its order in a right-to-left window.
        self.facts.setText(
            "  ·  ".join(f"{name}: {FSI}{value}{PDI}" for name, value in facts if value)
        )
        self.facts.setVisible(any(value for _name, value in facts))
        self.url.setText(article.url or "")
        self.url.setCursorPosition(0)
        for widget in (self.url_label, self.url, self.copy):
            widget.setVisible(bool(article.url))
        self.file.setText(
            self.tr("Original file: {name}").format(name=FSI + source.filename + PDI)
            if source
            else ""
        )
        self.original.setEnabled(article.id is not None)

    def copy_url(self) -> None:
        """Put the source URL on the clipboard (the address is never opened here)."""
        if self.url.text():
            QGuiApplication.clipboard().setText(self.url.text())


class OriginalDialog(QDialog):
    """The stored original file, decoded and shown as plain text: nothing in it is run."""

    def __init__(
        self, title: str, filename: str, text: str, cut: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("OriginalDialog")
        self.setWindowTitle(self.tr("Original of “{title}”").format(title=title))
        heading = QLabel(filename, self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Original file"))
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(mono)
        self.text.setPlainText(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if cut:
            note = QLabel(
                self.tr("The file is long: its first {size} MB are shown.").format(
                    size=ORIGINAL_LIMIT // 1_000_000
                ),
                self,
            )
            note.setObjectName("Hint")
            layout.addWidget(note)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(820, 640)
