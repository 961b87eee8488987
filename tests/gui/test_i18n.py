"""The translatable GUI: Persian lays the window out right to left; no UI text escapes tr()."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QStyleOptionViewItem

from archivist.gui.i18n import (
    I18N_DIR,
    InstalledLanguage,
    color_label,
    install_language,
    meaning_label,
    phrases,
    split_list,
    ui_locale,
    uninstall_language,
)
from archivist.gui.main_window import MainWindow
from archivist.gui.reader import typed_digit

GUI = Path(__file__).resolve().parents[2] / "src" / "archivist" / "gui"
LRELEASE = Path(sys.executable).parent / "pyside6-lrelease"  # installed with PySide6
ALL_ARGS: frozenset[int] = frozenset()
TEXT_ARGS: dict[str, frozenset[int]] = {
    # Callee name -> positions of its user-visible text arguments (empty: every argument).
    **dict.fromkeys(
        (
            "setText",
            "setWindowTitle",
            "setToolTip",
            "setStatusTip",
            "setWhatsThis",
            "setPlaceholderText",
            "showMessage",
            "setLabelText",
            "setSuffix",
            "setPrefix",
            "setTabText",
            "setTabToolTip",
            "addMenu",
            "addToolBar",
            "addTab",
            "addAction",
            "addButton",
            "QAction",
            "QLabel",
            "QPushButton",
            "QCheckBox",
            "QRadioButton",
            "QGroupBox",
            "QToolButton",
            "QListWidgetItem",
            "QProgressDialog",
            "QMessageBox",
        ),
        ALL_ARGS,
    ),
    "addItem": frozenset({0}),
    "addRow": frozenset({0}),
    "createUndoAction": frozenset({1}),
    "createRedoAction": frozenset({1}),
    "_action": frozenset({1}),
}
DIALOG_CLASSES = ("QMessageBox", "QFileDialog", "QInputDialog")
"""Every static call on these (QMessageBox.question, QFileDialog.getOpenFileName...) shows text."""
TRANSLATORS = ("tr", "translate")
LETTER = re.compile(r"[^\W\d_]")


@pytest.fixture
def language(qapp, monkeypatch) -> Iterator[Callable[[str], InstalledLanguage]]:
    """Install a UI language as app.run does, and put English back afterwards."""
    installed: list[InstalledLanguage] = []

    def install(lang: str) -> InstalledLanguage:
        monkeypatch.setenv("ARCHIVIST_LANG", lang)
        installed.append(install_language(qapp))
        return installed[-1]

    yield install
    for done in installed:
        uninstall_language(qapp, done)


@pytest.fixture
def open_window(qtbot, filled, settings: QSettings) -> Iterator[Callable[[], MainWindow]]:
    """Build main windows on the two-article archive (after the language is installed)."""
    windows: list[MainWindow] = []

    def build() -> MainWindow:
        window = MainWindow(filled[0], settings)
        qtbot.addWidget(window)
        windows.append(window)
        return window

    yield build
    for window in windows:
        window.close()
        window.archive.close()


def menu_titles(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_persian_lays_the_window_out_right_to_left(language, open_window) -> None:
    installed = language("fa")
    window = open_window()
    assert installed.right_to_left
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft


def test_persian_menus_and_column_headers_are_translated(language, open_window) -> None:
    language("fa")
    window = open_window()
    header = window.library.model.headerData(0, Qt.Orientation.Horizontal)
    assert menu_titles(window)[:2] == ["&فایل", "&ویرایش"]
    assert header == "عنوان"


def test_persian_status_bar_counts_in_persian_digits(language, open_window) -> None:
    language("fa")
    window = open_window()
    assert window.statusBar().currentMessage() == "۲ مقاله"


def test_persian_window_selects_the_article_opened_from_code(language, open_window, filled) -> None:
    language("fa")
    window = open_window()
    window.library.select_article(filled[1]["en"])
    assert window.library.selected_ids() == [filled[1]["en"]]


def test_persian_library_keeps_its_outer_margin_on_the_right(language, open_window) -> None:
    language("fa")
    margins = open_window().library.layout().contentsMargins()
    assert (margins.left(), margins.right()) == (0, 8)


def test_english_lays_the_window_out_left_to_right(language, open_window) -> None:
    installed = language("en")
    window = open_window()
    assert not installed.right_to_left
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert menu_titles(window)[:2] == ["&File", "&Edit"]


def test_qt_standard_dialog_texts_are_translated_too(language) -> None:
    language("fa")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"


def test_arabic_is_right_to_left_without_translations_of_our_own(language) -> None:
    installed = language("ar")
    assert installed.right_to_left
    assert QCoreApplication.translate("WindowMenus", "&File") == "&File"


def test_unknown_or_unset_language_means_english() -> None:
    assert ui_locale({"ARCHIVIST_LANG": "zz-nonsense"}).language() == QLocale.Language.English
    assert ui_locale({"ARCHIVIST_LANG": "fa"}).language() == QLocale.Language.Persian


def test_uninstalling_restores_english_left_to_right(qapp, monkeypatch) -> None:
    monkeypatch.setenv("ARCHIVIST_LANG", "fa")
    uninstall_language(qapp, install_language(qapp))
    assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("WindowMenus", "&File") == "&File"


def test_english_counts_read_singular_and_plural_without_a_translation() -> None:
    assert (phrases().articles(1), phrases().articles(3)) == ("1 article", "3 articles")


def test_palette_colours_are_named_in_the_ui_language(language) -> None:
    language("fa")
    assert (color_label("yellow"), color_label("teal")) == ("زرد", "teal")


def test_default_colour_meanings_are_translated_and_the_users_own_kept(language) -> None:
    language("fa")
    assert [meaning_label(m) for m in ("claim", "follow up", "my own")] == [
        "ادعا",
        "پیگیری",
        "my own",
    ]


def test_tag_lists_split_on_the_arabic_comma_too() -> None:
    assert split_list("تاریخ، باغ , gardens,,") == ["تاریخ", "باغ", "gardens"]


def test_highlight_keys_accept_persian_and_arabic_digits() -> None:
    def press(key: int, text: str) -> int | None:
        return typed_digit(
            QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
        )

    assert [press(0x06F3, "۳"), press(0x0663, "٣"), press(Qt.Key.Key_3, "3")] == [3, 3, 3]
    assert press(Qt.Key.Key_A, "a") is None


@pytest.mark.skipif(not LRELEASE.exists(), reason="pyside6-lrelease is not installed")
def test_compiled_translations_match_their_sources(tmp_path: Path) -> None:
    for ts in sorted(I18N_DIR.glob("*.ts")):
        fresh = tmp_path / ts.with_suffix(".qm").name
        subprocess.run(
            [str(LRELEASE), "-silent", str(ts), "-qm", str(fresh)], check=True, timeout=60
        )
        assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), ts.name


# -- static check: every user-visible string literal goes through tr() / translate() ------------


def callee(call: ast.Call) -> tuple[str | None, str]:
    """(the class a static call is made on, if named; the function's name)."""
    func = call.func
    if isinstance(func, ast.Name):
        return None, func.id
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return owner, func.attr
    return None, ""


def is_translated(node: ast.expr) -> bool:
    """tr(...)/translate(...), possibly followed by .format(...)."""
    if not isinstance(node, ast.Call):
        return False
    _owner, name = callee(node)
    if name in TRANSLATORS:
        return True
    return (
        name == "format" and isinstance(node.func, ast.Attribute) and is_translated(node.func.value)
    )


def untranslated_literals(node: ast.expr) -> Iterator[str]:
    """String literals with letters in them that reach the argument without translation."""
    if is_translated(node):
        return
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if LETTER.search(node.value):
            yield node.value
    elif isinstance(node, ast.JoinedStr):
        for part in node.values:
            if isinstance(part, ast.Constant) and LETTER.search(str(part.value)):
                yield ast.unparse(node)
                return
    elif isinstance(node, ast.IfExp):
        yield from untranslated_literals(node.body)
        yield from untranslated_literals(node.orelse)
    elif isinstance(node, ast.BinOp):
        yield from untranslated_literals(node.left)
        yield from untranslated_literals(node.right)
    elif isinstance(node, ast.List | ast.Tuple):
        for element in node.elts:
            yield from untranslated_literals(element)


def text_arguments(call: ast.Call) -> Iterator[ast.expr]:
    owner, name = callee(call)
    if owner in DIALOG_CLASSES:
        positions: frozenset[int] | None = ALL_ARGS
    else:
        positions = TEXT_ARGS.get(name)
    if positions is None:
        return
    for index, arg in enumerate(call.args):
        if not positions or index in positions:
            yield arg
    if not positions:
        yield from (keyword.value for keyword in call.keywords)


def gui_calls() -> Iterator[tuple[str, ast.Call]]:
    for path in sorted(GUI.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                yield path.name, node


def test_user_visible_strings_go_through_translation() -> None:
    offenders = [
        f"{name}:{call.lineno}: {text!r}"
        for name, call in gui_calls()
        for arg in text_arguments(call)
        for text in untranslated_literals(arg)
    ]
    assert offenders == []


def test_translated_sources_are_literals_never_built_strings() -> None:
    offenders = [
        f"{name}:{call.lineno}: {ast.unparse(call)}"
        for name, call in gui_calls()
        if callee(call)[1] in TRANSLATORS
        and any(isinstance(a, ast.JoinedStr | ast.BinOp | ast.Call) for a in call.args[:2])
    ]
    assert offenders == []


def test_the_static_check_catches_a_literal_label() -> None:
    call = ast.parse('QLabel("Welcome", self)').body[0].value
    assert [t for a in text_arguments(call) for t in untranslated_literals(a)] == ["Welcome"]


def test_the_static_check_accepts_translated_and_wordless_text() -> None:
    source = 'b.setText(self.tr("Close {n}").format(n=1)); b.setText("✕"); b.setText("")'
    calls = [stmt.value for stmt in ast.parse(source).body]
    assert [t for c in calls for a in text_arguments(c) for t in untranslated_literals(a)] == []


def test_library_cells_take_the_direction_of_their_own_text(language, open_window) -> None:
    language("fa")
    window = open_window()
    table = window.library.table
    delegate = table.itemDelegate()
    directions = {}
    for row in range(table.model().rowCount()):
        index = table.model().index(row, 0)
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, index)
        directions[option.text] = option.direction
    assert Qt.LayoutDirection.LeftToRight in directions.values()
    for text, direction in directions.items():
        rtl = any("\u0600" <= ch <= "\u06ff" for ch in text[:3])
        expected = Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        assert direction == expected, text
