"""The desktop app and the CLI write one archive at once: nothing is lost, nothing is locked."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import itertools
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from harness import spawn, verify_annotations
from PySide6.QtCore import QSettings, Qt

import archivist.gui.dialogs
from archivist.archive import Archive
from archivist.gui import flows
from archivist.gui.main_window import MainWindow
from archivist.model import ArticleId
from factories import make_extraction

SECONDS = 5.0
"""How long both sides write; the whole test stays well under 20 s."""
WORDS = ("harbour", "quay", "tide", "lamp", "keeper")
BODY = (
    "The harbour opened in spring, and the quay was rebuilt in stone. [1]\n\n"
    "At every tide the lamp was lit by the keeper, who walked the quay at dusk.\n\n"
    "The keeper kept a log of each tide, each lamp and each ship in the harbour."
)
KEYS = {"yellow": Qt.Key.Key_1, "green": Qt.Key.Key_2, "red": Qt.Key.Key_3}


def write_saves(folder: Path, tag: str, count: int) -> list[str]:
    """Plain-text saves with unique titles; the titles."""
    folder.mkdir()
    titles = []
    for i in range(count):
        title = f"{tag.title()} Save {i}"
        body = f"The {tag} harbour log, entry {i}: the quay, the tide, the lamp and the keeper."
        (folder / f"{tag}{i:02d}.txt").write_text(f"{title}\n\n{body}\n\n{body} Again.\n")
        titles.append(title)
    return titles


@dataclass
class GuiErrors:
    """Everything the GUI showed the user as an error or a status message."""

    shown: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)


@pytest.fixture
def gui_errors(monkeypatch: pytest.MonkeyPatch) -> GuiErrors:
    """Record show_error (the GUI's one error display) wherever a module imported it."""
    errors = GuiErrors()
    original = archivist.gui.dialogs.show_error

    def recording(parent: Any, message: str, *args: Any, **kwargs: Any) -> None:
        errors.shown.append(message)

    for name, module in list(sys.modules.items()):
        if name.startswith("archivist.gui") and getattr(module, "show_error", None) is original:
            monkeypatch.setattr(module, "show_error", recording)
    return errors


@pytest.fixture
def window(qtbot: Any, tmp_path: Path, gui_errors: GuiErrors) -> Iterator[MainWindow]:
    """The main window on an archive seeded with three articles."""
    path = tmp_path / "archive.sqlite3"
    with Archive.open(str(path)) as archive:
        for i in range(3):
            archive.articles.add(
                make_extraction(f"Seed {i}", BODY, filename=f"seed{i}.txt"), b"s%d" % i
            )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(path, settings)
    qtbot.addWidget(win)
    win.statusBar().messageChanged.connect(gui_errors.status.append)
    win.show()
    yield win
    win.close()
    win.archive.close()


@dataclass
class GuiWrites:
    """What the GUI reported as committed: highlight id -> (article, start, end, colour), notes."""

    highlights: dict[int, tuple[int, int, int, str]] = field(default_factory=dict)
    notes: dict[int, str] = field(default_factory=dict)


def annotate_like_a_user(qtbot: Any, window: MainWindow, seconds: float) -> GuiWrites:
    """Select a word, press a colour key, note the highlight, note a footnote, edit, undo, redo."""
    writes = GuiWrites()
    ids = window.archive.articles.ids()[:3]
    colors = itertools.cycle(KEYS)
    stop = time.monotonic() + seconds
    for i in itertools.count():
        if time.monotonic() > stop:
            break
        article_id = ids[i % len(ids)]
        window.open_article(article_id)
        assert window.document is not None
        text = window.document.text
        word = WORDS[i % len(WORDS)]
        start = text.find(word, text.find(word) + 1) if i % 2 else text.find(word)
        window.reader.select_text(start, start + len(word))
        color = next(colors)
        qtbot.keyClick(window.reader, KEYS[color])
        highlight_id = window.notes.highlights.selected_id()
        assert highlight_id is not None and highlight_id not in writes.highlights, i
        writes.highlights[highlight_id] = (article_id, start, start + len(word), color)
        note_id = window.ops.save_note(("highlight", highlight_id), None, f"gui note {i}")
        assert note_id is not None, i
        writes.notes[note_id] = f"gui note {i}"
        if i % 3 == 0:
            window.ops.save_note(("highlight", highlight_id), note_id, f"gui note {i} edited")
            writes.notes[note_id] = f"gui note {i} edited"
        if i % 4 == 0:
            fn_note = window.ops.save_note(("footnote", "1"), None, f"gui footnote note {i}")
            assert fn_note is not None, i
            writes.notes[fn_note] = f"gui footnote note {i}"
            window.undo_stack.undo()  # trashes the footnote note while the CLI writes
            window.undo_stack.redo()  # and restores it
        if i % 5 == 0:
            window.library_changed()  # the library re-reads the archive the CLI is filling
        qtbot.wait(5)
    return writes


def check_archive(path: Path, writes: GuiWrites) -> tuple[str, int, int]:
    """Integrity, and how many GUI highlights and notes are missing or differ."""
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        highlights = {
            r[0]: tuple(r[1:])
            for r in conn.execute(
                'SELECT id, article_id, start, "end", color FROM highlights '
                "WHERE deleted_at IS NULL"
            )
        }
        notes = {
            r[0]: r[1] for r in conn.execute("SELECT id, body FROM notes WHERE deleted_at IS NULL")
        }
    finally:
        conn.close()
    lost_highlights = sum(highlights.get(h) != v for h, v in writes.highlights.items())
    lost_notes = sum(notes.get(n) != v for n, v in writes.notes.items())
    return integrity, lost_highlights, lost_notes


def titles_seen_by_another_process(path: Path) -> list[str]:
    """The archive's titles as a fresh process reads them (plain sqlite3, no Archivist code)."""
    code = (
        "import sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1])\n"
        "print('\\n'.join(r[0] for r in conn.execute('SELECT title FROM articles')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    return done.stdout.splitlines()


# Regression: opening the archive once read its header with open()/close(), and closing any
# descriptor of the database file drops every POSIX lock the process's other SQLite
# connections hold, so another process's close checkpointed and deleted the WAL under them.
def test_a_second_open_in_one_process_keeps_commits_visible(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as gui:
        gui.articles.add(make_extraction("Before"), b"before")
        Archive.open(str(path)).close()  # what every background job of the GUI does
        spawn("articles", str(path), "cli", "1").communicate(timeout=60)
        gui.articles.add(make_extraction("After", filename="after.txt"), b"after")
        seen = titles_seen_by_another_process(path)
    assert "After" in seen


def test_gui_and_cli_write_one_archive_at_once(
    qtbot: Any, window: MainWindow, gui_errors: GuiErrors, tmp_path: Path
) -> None:
    cli_titles = write_saves(tmp_path / "cli", "cli", 10)
    gui_titles = write_saves(tmp_path / "gui", "gui", 10)
    outcomes: list[str] = []
    window.jobs.ended.connect(outcomes.append)
    cli = spawn("cli", str(window.archive_path), str(tmp_path / "cli"), str(SECONDS))
    flows.start_import(window, [str(tmp_path / "gui")])  # a background import job, too

    writes = annotate_like_a_user(qtbot, window, SECONDS)

    qtbot.waitUntil(lambda: bool(outcomes), timeout=15_000)
    out, err = cli.communicate(timeout=30)
    acks = [line for line in out.splitlines() if line.startswith("ack ")]
    titles = {s.title for s in window.archive.articles.listing()}
    integrity, lost_highlights, lost_notes = check_archive(window.archive_path, writes)
    cli_verdict = verify_annotations(
        window.archive_path, [a for a in acks if not a.startswith("ack article")]
    )
    assert (cli.returncode, err) == (0, "")
    assert outcomes == ["finished"]
    assert integrity == "ok"
    assert (lost_highlights, lost_notes, cli_verdict.lost) == (0, 0, 0)
    assert set(cli_titles) | set(gui_titles) <= titles
    assert len(writes.highlights) >= 10 and cli_verdict.acknowledged >= 10
    assert gui_errors.shown == []
    assert not [m for m in gui_errors.status if "lock" in m.lower() or "busy" in m.lower()]


def test_gui_error_display_is_really_recorded(window: MainWindow, gui_errors: GuiErrors) -> None:
    window.open_article(ArticleId(999))
    assert len(gui_errors.shown) == 1 and "999" in gui_errors.shown[0]
