"""Working without a mouse: the keyboard shortcuts sheet and the check that widgets are named."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAccessible, QAccessibleInterface, QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTableWidget,
    QTableWidgetItem,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from archivist.gui.i18n import QT_TRANSLATE_NOOP

KEYS_WITHOUT_MENU: tuple[tuple[str, str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Reader"),
        "1 … 6",
        QT_TRANSLATE_NOOP("Shortcuts", "Highlight the selected text in that colour"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Reader"),
        "Shift+Arrows",
        QT_TRANSLATE_NOOP("Shortcuts", "Select text (with caret browsing on, F7)"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Reader"),
        "Tab, Enter",
        QT_TRANSLATE_NOOP("Shortcuts", "Move to a footnote marker or link, follow it"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Find in article"),
        "Enter, Shift+Enter",
        QT_TRANSLATE_NOOP("Shortcuts", "Next match, previous match"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Find in article"),
        "Esc",
        QT_TRANSLATE_NOOP("Shortcuts", "Close the find bar"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Library"),
        "Enter",
        QT_TRANSLATE_NOOP("Shortcuts", "Read the selected article"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Library"),
        "Menu, Shift+F10",
        QT_TRANSLATE_NOOP("Shortcuts", "Open, tag, add to a dossier, re-extract, trash"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Dossier builder"),
        "Alt+Up, Alt+Down",
        QT_TRANSLATE_NOOP("Shortcuts", "Move the selected articles up or down"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"),
        "Tab, Shift+Tab",
        QT_TRANSLATE_NOOP("Shortcuts", "Next or previous control"),
    ),
    (
        QT_TRANSLATE_NOOP("Shortcuts", "Everywhere"),
        "Alt+letter",
        QT_TRANSLATE_NOOP("Shortcuts", "Open a menu, press a button (the underlined letter)"),
    ),
)
"""Keys handled by widgets rather than by menu actions: (where, keys, what they do)."""

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)
"""Widgets a user operates, which assistive technology must be able to name."""


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """Every menu action with a shortcut: (menu, shortcut in native text, action without '&')."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, title: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, title)
            elif not action.isSeparator() and not action.shortcut().isEmpty():
                texts = [
                    k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                ]
                keys = ", ".join(t for t in texts if typable(t)) or texts[0]
                rows.append((title, keys, plain(action.text())))

    for action in bar.actions():
        sub = action.menu()
        if isinstance(sub, QMenu):
            walk(sub, plain(action.text()))
    return rows


def typable(keys: str) -> bool:
    """Whether a shortcut is one a common keyboard has (not F13-F35 or a dedicated Undo key)."""
    if re.fullmatch(r"F(1[3-9]|[23]\d)", keys):
        return False
    return "+" in keys or len(keys) <= 3 or not keys.isalpha()


def plain(text: str) -> str:
    """A menu text without its mnemonic marker and trailing ellipsis."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class ShortcutSheet(QDialog):
    """Help → Keyboard shortcuts: every menu shortcut, then the keys widgets handle."""

    def __init__(self, bar: QMenuBar, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ShortcutSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = menu_shortcuts(bar) + [
            (
                QCoreApplication.translate("Shortcuts", where),
                keys,
                QCoreApplication.translate("Shortcuts", what),
            )
            for where, keys, what in KEYS_WITHOUT_MENU
        ]
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Keys"), self.tr("Does")])
        self.table.horizontalHeader().setAccessibleName(self.tr("Columns"))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def rows(self) -> list[list[str]]:
        """The sheet's rows as shown."""
        return [
            [item.text() if (item := self.table.item(r, c)) else "" for c in range(3)]
            for r in range(self.table.rowCount())
        ]


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology announces for ``widget`` (Qt's own derivation)."""
    interface: QAccessibleInterface | None = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return widget.accessibleName()
    return interface.text(QAccessible.Text.Name).strip()


def unnamed_widgets(root: QWidget) -> list[QWidget]:
    """Interactive widgets shown under ``root`` that a screen reader could not name.

    Qt's own parts (scroll bars, the pieces inside a combo box, line edit or spin box, and
    children named ``qt_...``) are Qt's to name and are skipped.
    """
    found: list[QWidget] = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QScrollBar):
            continue
        if not widget.isVisibleTo(root) or widget.objectName().startswith("qt_"):
            continue
        if _inside_composite(widget, root):
            continue
        if not accessible_name(widget):
            found.append(widget)
    return found


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not root:
        if isinstance(parent, QComboBox | QLineEdit | QAbstractSpinBox):
            return True
        parent = parent.parentWidget()
    return False


def describe(widget: QWidget) -> str:
    """A widget's class, object name and parents, to find it in the code."""
    parts = []
    node: QWidget | None = widget
    while node is not None:
        parts.append(f"{type(node).__name__}({node.objectName()})")
        node = node.parentWidget()
    return " < ".join(parts)


def shortcut_conflicts(actions: list[QAction]) -> dict[str, list[str]]:
    """Shortcuts given to more than one action (each key should do one thing)."""
    seen: dict[str, list[str]] = {}
    for action in actions:
        for key in action.shortcuts():
            if not key.isEmpty():
                seen.setdefault(key.toString(), []).append(plain(action.text()))
    return {k: v for k, v in seen.items() if len(v) > 1}
