"""Benchmark: opening a long article in the reader (issue 19: 50 MB took 67 s and 3.5 GB).

Run: PYTHONPATH=src .venv/bin/python tests/bench/bench_reader.py [MB ...]   (default 10 50)
A text article of each size is stored in a fresh archive; a child process then reads it back
and shows it in the reader, laid out, then scrolled to its end and to its footnote.
Prints seconds and peak RSS to the first page, then to the end (which renders it all).
Targets: first page under 3 s, under 500 MB. Yardstick: the whole article rendered at once
(``--whole``), as before.
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = ["harbour", "ship", "stone", "quay", "tide", "river", "merchant", "ledger"]


def store(path: Path, megabytes: int) -> int:
    """An archive at ``path`` holding one text article of ``megabytes`` MB; its text length."""
    from archivist.archive import Archive
    from archivist.model import Footnote
    from factories import make_extraction

    rng = random.Random(megabytes)
    paragraphs, size = [], 0
    while size < megabytes * 1024 * 1024:
        paragraph = " ".join(rng.choice(WORDS) for _ in range(60))
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
    text = "\n\n".join(paragraphs) + " [1]"
    note = Footnote("1", (len(text) - 3,), "Ana Ruiz, Ports, 2019.")
    with Archive.open(str(path)) as archive:
        archive.articles.add(make_extraction("Long", text, footnotes=(note,)), b"x")
    return len(text)


def child(path: Path, length: int, megabytes: int, whole: bool) -> None:
    """In the child: load and show the archive's one article."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from archivist.archive import Archive
    from archivist.gui import reader as reader_module
    from archivist.gui.reader import ReaderView
    from archivist.model import ArticleId

    article_id = ArticleId(1)
    with Archive.open(str(path)) as archive:
        app = QApplication([])
        if whole:
            reader_module.RENDER_CHARS = 10**12  # type: ignore[attr-defined]
        view = ReaderView()
        view.resize(900, 700)
        view.show()
        started = time.perf_counter()
        view.set_article(archive.annotations.document(article_id))
        view.document().documentLayout().documentSize()
        app.processEvents()
        first = time.perf_counter() - started
        first_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        view.scroll_to_offset(length - 1)
        view.show_footnote_list_entry("1")
        app.processEvents()
        end = time.perf_counter() - started
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        mode = "whole" if whole else "lazy"
        print(
            f"{megabytes:>6} MB {mode:<6} first page {first:6.2f} s ({first_rss:5.0f} MB); "
            f"end and footnote {end:6.2f} s ({rss:5.0f} MB peak RSS)",
            flush=True,
        )


def main() -> None:
    """Each size (and the whole-render yardstick) in its own process."""
    if len(sys.argv) >= 5 and sys.argv[1] == "--child":
        child(Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), whole=len(sys.argv) > 5)
        return
    whole = "--whole" in sys.argv
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or [10, 50]
    here = Path(__file__).resolve()
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(here.parents[2] / "src"), str(here.parents[1])]),
    }
    sys.path.insert(0, str(here.parents[1]))
    for megabytes in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "a.sqlite3"
            length = store(path, megabytes)
            for mode in (["whole"] if whole else []) + ["lazy"]:
                args = [str(path), str(length), str(megabytes)]
                if mode == "whole":
                    args.append("whole")
                subprocess.run(
                    [sys.executable, str(here), "--child", *args],
                    env=env,
                    timeout=1800,
                    check=False,
                )


if __name__ == "__main__":
    main()
