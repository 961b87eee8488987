"""Desktop app on a 1,000,000-article archive: time to show the library, time per search keystroke.

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_gui.py [--articles N] [--archive PATH]
       [--rounds R]
Targets (DESIGN.md, issue 20) at 1,000,000 articles: the library shows in under 1 s; a search
keystroke (the query runs and the first rows are painted) takes under 50 ms at the 95th
percentile, for every kind of query. Each word is typed ``--rounds`` times, letter by letter,
and p50 / p95 / max are printed per query kind.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from archivist.archive import Archive
from archivist.gui.app import make_application
from archivist.gui.main_window import MainWindow
from archivist.model import Article, Block, Extraction, Source

WORDS = [
    "harbour",
    "tide",
    "salt",
    "marsh",
    "ledger",
    "lantern",
    "quay",
    "ferry",
    "river",
    "archive",
    "parish",
    "canal",
    "mill",
    "bridge",
    "survey",
    "record",
    "letter",
    "keeper",
    "station",
    "county",
    "market",
    "road",
    "stone",
    "timber",
    "pattern",
    "observer",
    "catalogue",
    "winter",
    "harvest",
    "orchard",
    "valley",
    "village",
    "trade",
    "workshop",
    "museum",
]
SITES = [f"site{n}.example" for n in range(40)]


def extraction(rng: random.Random, i: int) -> tuple[Extraction, bytes]:
    """A short generated article (two paragraphs) with metadata the library shows."""
    paragraphs = [
        " ".join(rng.choices(WORDS, k=rng.randint(30, 60))).capitalize() + "." for _ in range(2)
    ]
    text = "\n\n".join(paragraphs)
    blocks, start = [], 0
    for p in paragraphs:
        blocks.append(Block("paragraph", start, start + len(p)))
        start += len(p) + 2
    title = " ".join(rng.choices(WORDS, k=4)).title() + f" {i}"
    data = f"{i}:{title}".encode()
    source = Source(f"a{i}.txt", "text", "utf-8", hashlib.sha256(data).hexdigest(), len(data))
    year = rng.randint(1990, 2024)
    article = Article(
        title=title,
        text=text,
        blocks=tuple(blocks),
        authors=(f"Author {rng.randint(1, 5000)}",),
        site=rng.choice(SITES),
        published=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        source=source,
        language="en",
    )
    return Extraction(article, "utf-8"), data


def build(path: Path, n: int) -> None:
    """Fill the archive up to ``n`` articles through archive.articles.add_many."""
    with Archive.open(str(path)) as arc:
        have = arc.articles.count()
        rng = random.Random(have)

        def items() -> Iterator[tuple[Extraction, bytes]]:
            for i in range(have, n):
                if i % 10_000 == 0:
                    print(f"\r  building {i}/{n}", end="", flush=True)
                yield extraction(rng, i)

        arc.articles.add_many(items(), batch=5000)
    print()


def show_library(app: QApplication, path: Path, settings: QSettings) -> tuple[MainWindow, float]:
    """Seconds from creating the window to its library's first rows painted."""
    start = time.perf_counter()
    window = MainWindow(path, settings)
    window.show()
    app.processEvents()
    window.library.table.viewport().repaint()
    return window, time.perf_counter() - start


def keystrokes(
    app: QApplication, window: MainWindow, word: str
) -> tuple[list[float], list[float], str]:
    """Wall and CPU milliseconds per keystroke (the query runs and the first rows are painted),
    and the status bar once the whole word is typed. CPU time is the process's, all threads:
    what the keystroke costs whatever else the machine runs."""
    times, cpus = [], []
    panel = window.library
    for k in range(1, len(word) + 1):
        start, cpu = time.perf_counter(), time.process_time()
        panel.search.setText(word[:k])
        panel.apply_filter()
        panel.table.viewport().repaint()
        app.processEvents()
        times.append((time.perf_counter() - start) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    status = window.statusBar().currentMessage()
    panel.search.clear()
    panel.apply_filter()
    return times, cpus, status


def percentile(values: list[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


QUERIES = (
    ("common word", "harbour"),
    ("two words", "lantern keeper"),
    ("phrase", '"salt marsh"'),
    ("no match", "zzzz"),
    ("one letter", "t"),
)
"""Kinds of query typed, letter by letter: a word in most articles, two of them, a quoted phrase,
a word in none, and a single letter (too short to match as a prefix)."""


def main() -> None:
    """Build (or reuse) the archive, then print the figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--archive", type=Path, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    path = args.archive or folder / "bench.sqlite3"
    t = time.perf_counter()
    build(path, args.articles)
    print(f"archive of {args.articles:,} articles ready in {time.perf_counter() - t:.1f} s")
    app = make_application()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    runs = []
    for _ in range(3):
        window, seconds = show_library(app, path, settings)
        runs.append(seconds)
        rows, total = window.library.model.rowCount(), window.library.model.total()
        window.close()
        window.archive.close()
        window.deleteLater()
        app.processEvents()
    print(
        f"library shown ({rows:,} of {total:,} rows listed): best {min(runs):.3f} s, "
        f"worst {max(runs):.3f} s (target < 1 s)"
    )
    window, _ = show_library(app, path, settings)
    print("per keystroke (query + first rows painted; target p95 < 50 ms):")
    for kind, word in QUERIES:
        times: list[float] = []
        cpus: list[float] = []
        for _ in range(args.rounds):
            typed, used, status = keystrokes(app, window, word)
            times.extend(typed)
            cpus.extend(used)
        print(
            f"  {kind:>11} {word!r:>17}: p50 {statistics.median(times):6.1f} ms, "
            f"p95 {percentile(times, 95):6.1f} ms, max {max(times):6.1f} ms, "
            f"CPU p95 {percentile(cpus, 95):6.1f} ms "
            f"({len(times)} keystrokes; status bar: {status})"
        )
    app.processEvents()  # lays the table out again after the last search was cleared
    table = window.library.table
    scroll = table.verticalScrollBar()
    start = time.perf_counter()
    pages = 50
    for _ in range(pages):
        scroll.setValue(scroll.maximum())  # the view lists the next page at the end
        app.processEvents()
        table.viewport().grab()  # paints the rows now showing
    elapsed = (time.perf_counter() - start) * 1000 / pages
    listed = window.library.model.rowCount()
    print(f"scrolling to the end of the listed rows: {elapsed:.1f} ms per jump ({listed:,} listed)")
    start = time.perf_counter()
    for _ in range(5):
        window.archive_changed_elsewhere()  # what the window does when another process writes
        table.viewport().grab()
    elapsed = (time.perf_counter() - start) * 1000 / 5
    print(f"refresh after a write elsewhere, keeping {listed:,} listed rows: {elapsed:.1f} ms")
    jumps = list(range(0, scroll.maximum(), max(1, scroll.maximum() // 50)))
    start = time.perf_counter()
    for value in jumps:
        scroll.setValue(value)
        table.viewport().grab()
    elapsed = (time.perf_counter() - start) * 1000 / max(1, len(jumps))
    print(f"jumping to listed rows not yet read: {elapsed:.1f} ms per jump ({len(jumps)} jumps)")
    window.close()
    window.archive.close()


if __name__ == "__main__":
    main()
