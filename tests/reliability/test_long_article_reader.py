"""Issue 19, point 9: a long article is shown part by part, and every part is there when asked."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QPalette

from archivist.gui import reader as reader_module
from archivist.gui.reader import ReaderView
from archivist.gui.render import render
from archivist.model import Footnote
from factories import make_extraction

PARAGRAPH = "The harbour ledger lists every ship that came in with salt and stone. " * 8


def long_article(paragraphs: int = 400):  # type: ignore[no-untyped-def]
    text = "\n\n".join(f"{i}: {PARAGRAPH}" for i in range(paragraphs)) + " [1]"
    note = Footnote("1", (len(text) - 3,), "Ana Ruiz, Ports, 2019.")
    return make_extraction("Long", text, footnotes=(note,)).article


def test_a_budget_renders_in_parts_that_add_up_to_the_whole(qapp: object) -> None:
    article = long_article()
    whole = render(article, QPalette())
    assert not whole.partial
    parts = render(article, QPalette(), budget=20_000)
    assert parts.partial
    assert len(parts.document.toPlainText()) < len(whole.document.toPlainText()) // 4
    steps = 0
    while parts.more():
        steps += 1
    assert steps >= 4 and not parts.partial
    assert parts.document.toPlainText() == whole.document.toPlainText()
    end = len(article.text) - 1
    assert parts.positions.to_doc(end) == whole.positions.to_doc(end)


def test_the_reader_renders_up_to_what_it_is_asked_to_show(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(reader_module, "RENDER_CHARS", 20_000)
    article = long_article()
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.set_article(article)
    assert view.rendered is not None and view.rendered.partial
    last = article.text.rindex("399:")
    assert view.select_text(last, last + 4)
    assert view.textCursor().selectedText() == "399:"
    view.show_footnote_list_entry("1")
    assert not view.rendered.partial
    assert view.document().toPlainText().endswith("1. Ana Ruiz, Ports, 2019.")


def test_scrolling_down_renders_the_next_part(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(reader_module, "RENDER_CHARS", 20_000)
    view = ReaderView()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.set_article(long_article())
    shown = len(view.document().toPlainText())
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())
    assert len(view.document().toPlainText()) > shown
