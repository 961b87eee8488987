"""The window's appearance: light, dark or what the system prefers, as a Fusion palette."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


def dark_palette() -> QPalette:
    """A calm dark palette for the Fusion style."""
    p = QPalette()
    window, base, text = QColor(36, 37, 40), QColor(28, 29, 31), QColor(222, 222, 218)
    roles = {
        QPalette.ColorRole.Window: window,
        QPalette.ColorRole.WindowText: text,
        QPalette.ColorRole.Base: base,
        QPalette.ColorRole.AlternateBase: QColor(33, 34, 37),
        QPalette.ColorRole.Text: text,
        QPalette.ColorRole.Button: QColor(46, 47, 51),
        QPalette.ColorRole.ButtonText: text,
        QPalette.ColorRole.ToolTipBase: QColor(50, 51, 55),
        QPalette.ColorRole.ToolTipText: text,
        QPalette.ColorRole.PlaceholderText: QColor(140, 142, 146),
        QPalette.ColorRole.Highlight: QColor(64, 110, 170),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.Link: QColor(120, 170, 235),
        QPalette.ColorRole.Mid: QColor(60, 61, 65),
        QPalette.ColorRole.Midlight: QColor(70, 71, 75),
        QPalette.ColorRole.Light: QColor(80, 81, 85),
        QPalette.ColorRole.Dark: QColor(20, 20, 22),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(110, 110, 110))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(110, 110, 110))
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(110, 110, 110))
    return p


def light_palette() -> QPalette:
    """The Fusion light palette with a softer link colour and placeholder text."""
    app = QApplication.instance()
    p = app.style().standardPalette() if isinstance(app, QApplication) else QPalette()
    p.setColor(QPalette.ColorRole.Link, QColor(34, 90, 170))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor(115, 115, 120))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor(247, 247, 245))
    return p


def apply_appearance(mode: str) -> None:
    """Light, dark, or what the system prefers."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    dark = mode == "dark" or (
        mode not in ("light", "dark")
        and QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
    )
    app.setPalette(dark_palette() if dark else light_palette())
