"""Does the window stay responsive during a 10,000-file import? Prints event-loop stalls.

Run: QT_QPA_PLATFORM=offscreen PYTHONPATH=src python tests/bench/bench_gui_import.py [--files N]
A timer ticks every 20 ms on the GUI thread while the import runs in the background worker;
the longest gap between ticks is how long the window could not respond.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from archivist.gui import flows
from archivist.gui.main_window import MainWindow


def main() -> None:
    """Write N text saves, import them from the window, and print the tick gaps."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", type=int, default=10_000)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    saves = folder / "saves"
    saves.mkdir()
    for i in range(args.files):
        body = f"Paragraph about harbour {i} and its ledgers. [1]\n\nA second paragraph {i}."
        (saves / f"s{i:05d}.txt").write_text(
            f"Save {i}\n\n{body}\n\n[1] Ana Ruiz, Harbour Ledgers {i}, Tide Press, 2019.\n"
        )
    app = QApplication.instance() or QApplication(sys.argv)
    window = MainWindow(folder / "archive.sqlite3")
    window.show()
    gaps: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        gaps.append((now - last[0]) * 1000)
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(20)
    started = time.perf_counter()
    window.jobs.ended.connect(lambda _status: app.quit())
    flows.start_import(window, [str(saves)])
    app.exec()
    elapsed = time.perf_counter() - started
    count = window.archive.articles.count()
    print(f"imported {count} of {args.files} files in {elapsed:.1f} s ({count / elapsed:.0f}/s)")
    print(
        f"GUI timer (20 ms): median gap {statistics.median(gaps):.0f} ms, "
        f"p99 {sorted(gaps)[int(len(gaps) * 0.99)]:.0f} ms, max {max(gaps):.0f} ms "
        f"over {len(gaps)} ticks"
    )
    os._exit(0)  # skip the modal summary dialog and Qt teardown


if __name__ == "__main__":
    main()
