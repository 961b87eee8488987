"""Render the application icon SVG to the PNG sizes desktops want (run by hand)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "src" / "archivist" / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> None:
    """Write archivist-SIZE.png beside the SVG for each size."""
    app = QGuiApplication(sys.argv)
    renderer = QSvgRenderer(str(ICONS / "archivist.svg"))
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"archivist-{size}.png"))
    del app


if __name__ == "__main__":
    main()
