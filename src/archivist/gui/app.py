"""Starting the desktop app: language, fonts, palette, the main window; optionally a screenshot."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from archivist.errors import ArchivistError
from archivist.gui.appearance import apply_appearance
from archivist.gui.i18n import install_language
from archivist.model import ArticleId

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
STYLE_SHEET = """
QSplitter::handle { background: palette(mid); }
QSplitter::handle:horizontal { width: 1px; }
QTableView { border: none; }
QTableView::item { padding: 0 6px; }
QHeaderView::section { padding: 4px 6px; border: none; border-bottom: 1px solid palette(mid); }
QTabWidget::pane { border: none; }
QToolBar { border: none; spacing: 4px; padding: 2px 6px; }
QStatusBar { color: palette(placeholder-text); }
#HighlightBar { border: 1px solid palette(mid); border-radius: 6px; background: palette(window); }
#Citation, #Hint { color: palette(placeholder-text); }
#NotesPanel QListWidget { border: 1px solid palette(midlight); }
#Provenance { border-bottom: 1px solid palette(mid); }
#Provenance QLabel { color: palette(placeholder-text); }
#SourceUrl { background: transparent; }
#ColumnHeading { font-weight: bold; }
"""


def register_fonts() -> None:
    """Load the bundled reading fonts (Noto Serif, Noto Sans, Amiri for Persian and Arabic)."""
    for package in ("fontpkg_noto_serif", "fontpkg_noto_sans", "fontpkg_amiri"):
        try:
            module = __import__(package)
        except ImportError:
            continue
        for font in sorted((Path(module.ROOT) / "files").glob("*.ttf")):
            QFontDatabase.addApplicationFont(str(font))


def make_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication (reused if one exists) with names, fonts and style set."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    QCoreApplication.setOrganizationName("Archivist")
    QCoreApplication.setApplicationName("Archivist")
    app.setStyle("Fusion")
    register_fonts()
    font = QFont("Noto Sans")
    font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
    icon = QIcon()
    for png in sorted(ICONS.glob("archivist-*.png")):
        icon.addFile(str(png))
    app.setWindowIcon(icon)
    return app


def run(
    archive_path: Path,
    *,
    screenshot: Path | None = None,
    appearance: str | None = None,
    article: int | None = None,
) -> int:
    """Open the main window on ``archive_path``; with ``screenshot``, save a PNG and exit.

    The UI language is the system's; the environment variable ``ARCHIVIST_LANG`` overrides it
    (``ARCHIVIST_LANG=fa`` for Persian, ``ar`` for Arabic, ``en`` for English). Its translations
    come from ``resources/i18n/archivist_LANG.qm`` and Qt's ``qtbase_LANG.qm`` where they exist,
    and a right-to-left language lays the whole window out right to left.
    """
    app = make_application()
    install_language(app)
    settings = QSettings()
    apply_appearance(appearance or str(settings.value("appearance", "system")))
    from archivist.gui.dialogs import show_error
    from archivist.gui.faults import ReadFaults
    from archivist.gui.main_window import MainWindow

    holder: list[MainWindow] = []
    faults = ReadFaults(lambda: holder[0].archive_path if holder else archive_path)
    try:
        window = MainWindow(archive_path, settings)
    except (ArchivistError, sqlite3.Error) as exc:
        message = faults.message(exc) or str(exc)
        sys.stderr.write(f"archivist: {' '.join(message.split())}\n")
        if screenshot is None:  # the message stays up until read, then the app ends
            box = show_error(None, message)
            box.finished.connect(app.quit)
            app.exec()
        return 1
    holder.append(window)
    faults.install()
    try:
        if article is not None:
            window.library.select_article(ArticleId(article))
            window.open_article(ArticleId(article))
        elif window.library.model.rowCount():
            window.library.select_row(0)
    except sqlite3.Error as exc:
        faults.hook(type(exc), exc, exc.__traceback__)
    window.show()
    if screenshot is not None:
        if screenshot.parent:
            screenshot.parent.mkdir(parents=True, exist_ok=True)

        def shoot() -> None:
            window.grab().save(str(screenshot))
            window.close()
            app.quit()

        QTimer.singleShot(300, shoot)
    status = app.exec()
    faults.uninstall()
    window.archive.close()
    return int(status)
