"""The UI language: choosing it, loading its translations, right-to-left layout, wording."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTranslator,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLayout


# Qt's own marker is typed as returning object; this one keeps tables of strings typed.
def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translators in ``context`` (lupdate knows the name); return it as is."""
    return source


LANG_ENV = "ARCHIVIST_LANG"
"""Environment variable naming the UI language (overrides the system's)."""
I18N_DIR = Path(__file__).resolve().parents[1] / "resources" / "i18n"
"""Where Archivist's compiled translations (``archivist_LANG.qm``) live."""
COLOR_CONTEXT = "HighlightColor"
COLOR_NAMES = (
    QT_TRANSLATE_NOOP("HighlightColor", "yellow"),
    QT_TRANSLATE_NOOP("HighlightColor", "green"),
    QT_TRANSLATE_NOOP("HighlightColor", "red"),
    QT_TRANSLATE_NOOP("HighlightColor", "blue"),
    QT_TRANSLATE_NOOP("HighlightColor", "purple"),
    QT_TRANSLATE_NOOP("HighlightColor", "orange"),
)
"""The default palette's colours, marked for translators (other colours show as stored)."""
MEANING_CONTEXT = "HighlightMeaning"
DEFAULT_MEANINGS = frozenset(
    (
        QT_TRANSLATE_NOOP("HighlightMeaning", "claim"),
        QT_TRANSLATE_NOOP("HighlightMeaning", "evidence"),
        QT_TRANSLATE_NOOP("HighlightMeaning", "doubtful"),
        QT_TRANSLATE_NOOP("HighlightMeaning", "definition"),
        QT_TRANSLATE_NOOP("HighlightMeaning", "quote to use"),
        QT_TRANSLATE_NOOP("HighlightMeaning", "follow up"),
    )
)
"""The meanings a new archive gives its colours (stored in English; a user's own stay as typed)."""
LIST_SEPARATORS = re.compile("[,،]")
"""Commas a user may type between tags: ASCII and the Arabic comma of Persian and Arabic."""


@dataclass(frozen=True, slots=True)
class InstalledLanguage:
    """A UI language put in place: its locale name, direction, and the translators loaded."""

    name: str
    right_to_left: bool
    translators: tuple[QTranslator, ...]


def ui_locale(environ: Mapping[str, str] | None = None) -> QLocale:
    """The UI locale: ``ARCHIVIST_LANG`` (``fa``, ``ar``, ``fa_IR``) if known, else the system's."""
    env = os.environ if environ is None else environ
    requested = env.get(LANG_ENV, "").strip()
    locale = QLocale(requested) if requested else QLocale.system()
    if locale.language() == QLocale.Language.C:
        # Qt answers C for an unknown name and for a bare POSIX environment: both mean English.
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def load_translators(locale: QLocale, parent: QObject | None = None) -> list[QTranslator]:
    """Archivist's and Qt's translations for ``locale`` (only those that exist)."""
    loaded = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, directory in (("qtbase", qt_dir), ("archivist", str(I18N_DIR))):
        translator = QTranslator(parent)
        # load(locale, ...) tries fa_IR, then fa, following the locale's UI languages.
        if translator.load(locale, name, "_", directory):
            loaded.append(translator)
    return loaded


def install_language(
    app: QGuiApplication, environ: Mapping[str, str] | None = None
) -> InstalledLanguage:
    """Install the UI language's translators, its number format and its layout direction."""
    locale = ui_locale(environ)
    translators = load_translators(locale, app)
    for translator in translators:
        app.installTranslator(translator)
    QLocale.setDefault(locale)
    right_to_left = locale.textDirection() == Qt.LayoutDirection.RightToLeft
    app.setLayoutDirection(
        Qt.LayoutDirection.RightToLeft if right_to_left else Qt.LayoutDirection.LeftToRight
    )
    return InstalledLanguage(locale.name(), right_to_left, tuple(translators))


def uninstall_language(app: QGuiApplication, installed: InstalledLanguage) -> None:
    """Undo install_language: remove its translators, back to the system locale, left to right."""
    for translator in installed.translators:
        app.removeTranslator(translator)
        translator.deleteLater()
    QLocale.setDefault(QLocale.system())
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def set_reading_margins(layout: QLayout, start: int, top: int, end: int, bottom: int) -> None:
    """Contents margins by reading direction: ``start`` is left in English, right in Persian."""
    # Qt keeps a layout's left and right margins where they are when the direction flips.
    widget = layout.parentWidget()
    if widget is not None and widget.isRightToLeft():
        start, end = end, start
    layout.setContentsMargins(start, top, end, bottom)


def meaning_label(meaning: str) -> str:
    """A colour's meaning in the UI language when it is a default one, else as the user typed it."""
    return (
        QCoreApplication.translate(MEANING_CONTEXT, meaning)
        if meaning in DEFAULT_MEANINGS
        else meaning
    )


def color_label(color: str) -> str:
    """A palette colour's name in the UI language (a colour without a translation as stored)."""
    return QCoreApplication.translate(COLOR_CONTEXT, color)


def split_list(text: str) -> list[str]:
    """The items of a comma list typed in any script, stripped, empties dropped."""
    return [item.strip() for item in LIST_SEPARATORS.split(text) if item.strip()]


def number(n: int) -> str:
    """An integer in the UI locale's digits, with its group separators."""
    return QLocale().toString(n)


class Phrases(QObject):
    """Phrases with a count, for code outside any widget (lupdate finds plurals only in tr())."""

    # English has two source texts, singular and plural, so it reads right with no translation
    # loaded; each is still a numerus message, for languages with more plural forms.

    def articles(self, n: int) -> str:
        """A count of articles: 1 article, 2 articles."""
        return self.tr("%Ln article", "", n) if n == 1 else self.tr("%Ln articles", "", n)

    def notes(self, n: int) -> str:
        """A count of notes: 1 note, 2 notes."""
        return self.tr("%Ln note", "", n) if n == 1 else self.tr("%Ln notes", "", n)

    def imported(self, n: int) -> str:
        """The first part of an import summary."""
        if n == 1:
            return self.tr("Imported %Ln article", "", n)
        return self.tr("Imported %Ln articles", "", n)

    def tag_prompt(self, n: int) -> str:
        """The question asked before tagging the selected articles."""
        if n == 1:
            return self.tr("Tag for %Ln article:", "", n)
        return self.tr("Tag for %Ln articles:", "", n)

    def trash_articles(self, n: int) -> str:
        """The undo text of moving articles to the trash."""
        if n == 1:
            return self.tr("Move %Ln article to trash", "", n)
        return self.tr("Move %Ln articles to trash", "", n)


@functools.cache
def phrases() -> Phrases:
    """The one Phrases object (it holds no state; translation happens at each call)."""
    return Phrases()
