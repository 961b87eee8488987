"""The window stays in step with what another process writes to the open archive."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import archivist
from archivist.archive import Archive
from archivist.gui.main_window import MainWindow
from archivist.gui.sync import ArchiveWatcher
from factories import make_extraction

SRC = Path(archivist.__file__).resolve().parents[1]


def start_cli(archive: Path, *args: str) -> subprocess.Popen[bytes]:
    """The command-line tool on the same archive, in a process of its own."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen(
        [sys.executable, "-m", "archivist", "--archive", str(archive), *args],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )


def settled(window: MainWindow) -> bool:
    """Poll as the timer would: the first poll sees a change, the next (it held) announces it."""
    return not window.watcher.poll() and window.watcher.poll()


def run_cli(qtbot, archive: Path, *args: str) -> None:
    """Run the CLI to its end while the window keeps handling events."""
    process = start_cli(archive, *args)
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=60_000)
    assert process.returncode == 0, process.stderr.read() if process.stderr else ""


def test_another_process_imports_and_annotates_and_the_window_shows_it(
    qtbot, window: MainWindow, filled, tmp_path: Path
) -> None:
    path, ids = filled
    window.library.select_article(ids["en"])
    window.notes.show_footnote("1")
    saved = tmp_path / "quay.txt"
    saved.write_text("The Quay Ledger\n\nThe quay ledger lists every ship.\n", encoding="utf-8")

    run_cli(qtbot, path, "import", str(saved))
    run_cli(
        qtbot, path, "highlight", str(ids["en"]), "--quote", "wooden pier", "--note", "Which pier?"
    )
    ended = time.monotonic()

    def shows_both() -> None:
        assert window.library.model.rowCount() == 3
        assert window.statusBar().currentMessage() == "3 articles"
        assert window.document is not None
        assert [h.exact for h in window.document.highlights] == ["wooden pier"]
        assert window.notes.highlights.list.count() == 1

    qtbot.waitUntil(shows_both, timeout=2000)
    assert time.monotonic() - ended < 2.0
    assert window.library.selected_ids() == [ids["en"]]
    assert window.notes.footnotes.selected_label() == "1"
    assert [n.text for n in window.document.highlights[0].notes] == ["Which pier?"]


def test_the_library_keeps_its_selection_and_scroll_when_rows_arrive(
    qtbot, window: MainWindow, filled
) -> None:
    path, ids = filled
    with Archive.open(str(path)) as other:
        for n in range(60):
            other.articles.add(
                make_extraction(f"Filler {n}", f"Filler text {n}.", footnotes=()), f"f{n}".encode()
            )
    window.archive_changed_elsewhere()
    window.library.select_article(ids["en"])
    top = window.library.model.article_id(window.library.table.rowAt(0))
    assert window.library.table.verticalScrollBar().value() > 0 and top is not None
    with Archive.open(str(path)) as other:
        other.articles.add(make_extraction("Newest", "Newest text.", footnotes=()), b"newest")

    assert settled(window)

    assert window.library.model.rowCount() == 63
    assert window.library.selected_ids() == [ids["en"]]
    assert window.library.model.article_id(window.library.table.rowAt(0)) == top


def test_the_windows_own_edits_do_not_trigger_a_refresh(window: MainWindow, filled) -> None:
    _path, ids = filled
    window.library.select_article(ids["en"])
    window.ops.add_highlight(0, 11, "green")
    assert not settled(window)


def test_a_watcher_skips_while_its_own_job_writes() -> None:
    versions = iter([1, 2, 2, 2, 2])
    busy = [True]
    watcher = ArchiveWatcher(lambda: next(versions), lambda: busy[0])
    assert not watcher.poll()
    busy[0] = False
    assert not watcher.poll()  # seen once
    assert watcher.poll()  # held still: announced
    assert not watcher.poll()


def test_a_burst_of_commits_is_announced_once_it_pauses() -> None:
    versions = iter([1, 2, 3, 3])
    watcher = ArchiveWatcher(lambda: next(versions), clock=lambda: 0.0)
    assert [watcher.poll() for _ in range(3)] == [False, False, True]


def test_a_burst_that_goes_on_is_still_announced_after_the_longest_wait() -> None:
    versions = iter(range(1, 100))
    ticks = iter(x * 0.5 for x in range(100))
    watcher = ArchiveWatcher(lambda: next(versions), clock=lambda: next(ticks))
    assert [watcher.poll() for _ in range(4)] == [False, False, False, True]


def test_a_search_that_leaves_the_open_article_out_does_not_close_it(
    qtbot, window: MainWindow, filled
) -> None:
    path, ids = filled
    window.library.select_article(ids["en"])
    window.library.search.setText("باغ")
    window.library.apply_filter()
    with Archive.open(str(path)) as other:
        other.articles.add(make_extraction("Newest", "Newest text.", footnotes=()), b"newest")
    assert settled(window)
    assert window.document is not None and window.document.id == ids["en"]


def test_an_article_trashed_elsewhere_leaves_the_reader(qtbot, window: MainWindow, filled) -> None:
    path, ids = filled
    window.library.select_article(ids["en"])
    with Archive.open(str(path)) as other:
        other.trash.delete_article(ids["en"])
    assert settled(window)
    assert window.document is None
    assert window.library.model.rowCount() == 1


def test_a_colour_meaning_renamed_elsewhere_shows_in_the_legend(window: MainWindow, filled) -> None:
    with Archive.open(str(filled[0])) as other:
        other.annotations.set_color_meaning("orange", "ask the archive")
    assert settled(window)
    assert "ask the archive" in window.notes.highlights.legend.text().replace("&nbsp;", " ")


def test_dossiers_made_elsewhere_appear_and_the_chosen_one_stays(window: MainWindow, filled):
    path, ids = filled
    chosen = window.dossiers.new_dossier("Harbours", [ids["en"]])
    window.dossiers.title.setFocus()
    with Archive.open(str(path)) as other:
        other.dossiers.create("Gardens", article_ids=[ids["fa"]])
        other.dossiers.add(chosen, [ids["fa"]])
    assert settled(window)
    titles = [window.dossiers.list.item(i).text() for i in range(window.dossiers.list.count())]
    assert sorted(titles) == ["Gardens  (1)", "Harbours  (2)"]
    assert window.dossiers.current is not None and window.dossiers.current.id == chosen
    assert window.dossiers.articles.order() == [ids["en"], ids["fa"]]


def test_the_reader_keeps_its_place_when_the_open_article_is_annotated_elsewhere(
    window: MainWindow, filled
) -> None:
    path, _ids = filled
    text = "\n\n".join(f"Paragraph {n} of the long ledger." for n in range(200))
    with Archive.open(str(path)) as other:
        long_id = other.articles.add(make_extraction("Ledger", text, footnotes=()), b"ledger")
    assert settled(window)
    window.library.select_article(long_id)
    bar = window.reader.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    assert place > 0
    with Archive.open(str(path)) as other:
        other.annotations.highlight_quote(long_id, "Paragraph 150 of the long ledger", color="blue")
    assert settled(window)
    assert [h.exact for h in window.document.highlights] == ["Paragraph 150 of the long ledger"]
    assert bar.value() == place
