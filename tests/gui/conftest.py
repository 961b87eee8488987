"""GUI test fixtures: offscreen Qt, an archive with an English and a Persian article, a window."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from archivist.archive import Archive
from archivist.gui.main_window import MainWindow
from archivist.model import ArticleId, Footnote
from factories import make_extraction

ENGLISH = (
    "The harbour opened in spring. [1]\n\n"
    "Ships came back in autumn, and the quay was rebuilt in stone. [2]\n\n"
    "Nobody remembers the old wooden pier."
)
PERSIAN = "باغ ایرانی همیشه دیواری بلند دارد. [1]\n\nآب از چشمه‌ای در کوه می‌آید."


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[tuple[Path, dict[str, ArticleId]]]:
    """An archive file holding two articles (English with two footnotes, and Persian)."""
    path = tmp_path / "archive.sqlite3"
    with Archive.open(str(path)) as arc:
        english = make_extraction(
            "Ports and Tides",
            ENGLISH,
            footnotes=(
                Footnote("1", (ENGLISH.index("[1]"),), "Harbour Board, Annual Report, 2019."),
                Footnote("2", (ENGLISH.index("[2]"),), "Ibid.", refers_to="1"),
            ),
        )
        # Its own footnote: search covers footnotes, and the default one names the harbour.
        note = (Footnote("1", (PERSIAN.index("[1]"),), "پیرنیا، باغ‌های ایران، ۱۳۷۳."),)
        persian = make_extraction(
            "باغ‌های ایرانی", PERSIAN, authors=("نسرین فرهمند",), footnotes=note
        )
        persian = dataclasses.replace(
            persian, article=dataclasses.replace(persian.article, language="fa")
        )
        ids = {"en": arc.articles.add(english, b"en"), "fa": arc.articles.add(persian, b"fa")}
    yield path, ids


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a file of the test's own (never the user's)."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, filled, settings: QSettings) -> Iterator[MainWindow]:
    """The main window, shown, on the two-article archive; closed (and its archive) after."""
    win = MainWindow(filled[0], settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
    win.archive.close()
