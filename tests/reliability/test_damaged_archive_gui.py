"""Issue 19: reads from a damaged archive in the app give one line naming the repair."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

from damage import archive_with_articles, damage_page, leaf_pages
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from archivist.gui import app
from archivist.gui.faults import ReadFaults
from archivist.gui.main_window import MainWindow
from archivist.model import ArticleId


def error_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "ErrorBox" and w.isVisible()
    ]


def test_opening_an_article_on_a_damaged_page_shows_one_line_naming_the_repair(
    qtbot: QtBot, tmp_path: Path, capsys: object
) -> None:
    path = archive_with_articles(tmp_path, 40)
    pages = leaf_pages(path, "footnotes")  # the library opens; some articles' notes are lost
    damage_page(path, pages[len(pages) // 2])
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(path, settings)
    qtbot.addWidget(window)
    window.show()
    faults = ReadFaults(lambda: window.archive_path)
    faults.install()
    try:
        # Opened from the event loop, as a click would: every article, damaged page or not.
        for n in range(1, 41):
            QTimer.singleShot(0, lambda n=n: window.open_article(ArticleId(n)))
        qtbot.waitUntil(lambda: bool(error_boxes()))
    finally:
        faults.uninstall()
    boxes = error_boxes()
    assert len(boxes) == 1  # the same damage met again is not shown again
    text = boxes[0].text()
    assert "damaged" in text and "check --repair" in text and "\n" not in text
    assert "Traceback" not in capsys.readouterr().err  # type: ignore[attr-defined]
    assert window.isVisible()  # the app goes on
    boxes[0].done(0)


def test_a_fault_that_is_not_the_archive_is_passed_on(tmp_path: Path) -> None:
    seen: list[BaseException] = []
    faults = ReadFaults(lambda: tmp_path / "a.sqlite3")
    faults._previous = lambda kind, exc, tb: seen.append(exc)
    error = ValueError("a bug")
    faults.hook(ValueError, error, None)
    assert seen == [error]


def test_a_library_with_a_damaged_page_opens_lists_the_rest_and_says_so_in_one_line(
    qtbot: QtBot, tmp_path: Path, capsys: object
) -> None:
    # The library reads only the rows it shows: it opens, the rows on the damaged page show as
    # unreadable, the others as ever, and one line names the repair.
    path = archive_with_articles(tmp_path, 40)
    pages = leaf_pages(path, "articles")
    damage_page(path, pages[len(pages) // 2])
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    faults = ReadFaults(lambda: path)
    faults.install()
    try:
        window = MainWindow(path, settings)
        qtbot.addWidget(window)
        window.show()
        model = window.library.model
        titles = [model.data(model.index(r, 0)) for r in range(model.rowCount())]
        qtbot.waitUntil(lambda: bool(error_boxes()))
    finally:
        faults.uninstall()
    assert model.total() == 40 and "(unreadable)" in titles
    assert sum(t != "(unreadable)" for t in titles) >= 30
    boxes = error_boxes()
    assert len(boxes) == 1
    assert "damaged" in boxes[0].text() and "check --repair" in boxes[0].text()
    assert "Traceback" not in capsys.readouterr().err  # type: ignore[attr-defined]
    boxes[0].done(0)


def test_a_library_too_damaged_to_open_says_so_in_one_line(qtbot: QtBot, tmp_path: Path) -> None:
    # The index the library counts and lists by is damaged: not even the first page opens.
    path = archive_with_articles(tmp_path, 40)
    damage_page(path, leaf_pages(path, "articles_deleted")[0])
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    seen: list[str] = []

    def read_and_close() -> None:
        for box in error_boxes():
            if str(tmp_path) in box.text():
                seen.append(box.text())
            box.done(0)

    QTimer.singleShot(200, read_and_close)
    assert app.run(path) == 1
    assert len(seen) == 1
    assert "damaged" in seen[0] and "check --repair" in seen[0]
