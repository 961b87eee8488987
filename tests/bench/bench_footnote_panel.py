"""The footnote panel on an article with many footnotes: time to open it, to switch style.

Run: QT_QPA_PLATFORM=offscreen python tests/bench/bench_footnote_panel.py [--footnotes N]
Figures: opening the article (the window idle again, the panel's rows laid out as far as Qt
lays them out before it returns), scrolling the list from top to bottom (every row painted),
resizing the notes pane once every row has been painted, and re-showing the rows in another
citation style. The rows are formatted in the dossier's style; formatting a thousand entries
on opening would make opening slow. Run it with the parent commit's src on PYTHONPATH too
(git archive) for the figures before.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import statistics
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from archivist.archive import Archive
from archivist.gui.app import make_application
from archivist.gui.main_window import MainWindow
from archivist.model import Article, Block, Extraction, Footnote, Mark, Source


def footnote(n: int, at: int) -> Footnote:
    """A book, an article, an ibid or a commentary note, in turn."""
    label = str(n)
    kind = n % 4
    if kind == 3:
        return Footnote(label, (at,), f"Ibid., {n}.", "citation", refers_to=str(n - 1))
    if kind == 2:
        return Footnote(label, (at,), f"The parish clerk kept a second ledger ({n}).", "note")
    csl: dict[str, object] = {
        "type": "book" if kind == 0 else "article-journal",
        "author": [{"family": f"Penrith{n}", "given": "Harold"}],
        "title": f"The Marsh Parishes, volume {n}",
        "issued": {"date-parts": [[1900 + n % 100]]},
    }
    if kind == 0:
        csl["publisher"] = "Fenland Record Press"
    else:
        csl.update({"container-title": "Fenland Notes", "volume": str(n % 40), "page": "1-9"})
    return Footnote(
        label, (at,), f"Harold Penrith{n}, The Marsh Parishes, 1962.", "citation", csl=csl
    )


def extraction(count: int) -> Extraction:
    """One article citing ``count`` footnotes, one marker per paragraph."""
    paragraphs, blocks, marks, notes = [], [], [], []
    start = 0
    for n in range(1, count + 1):
        body = f"The causeway was repaired in the year of the flood. [{n}]"
        at = start + body.index("[")
        paragraphs.append(body)
        blocks.append(Block("paragraph", start, start + len(body)))
        marks.append(Mark("footnote", at, at + len(str(n)) + 2, label=str(n)))
        notes.append(footnote(n, at))
        start += len(body) + 2
    text = "\n\n".join(paragraphs)
    data = text.encode()
    source = Source("many.txt", "text", "utf-8", hashlib.sha256(data).hexdigest(), len(data))
    article = Article(
        title="A thousand notes",
        text=text,
        blocks=tuple(blocks),
        marks=tuple(marks),
        footnotes=tuple(notes),
        authors=("Mira Talebi",),
        source=source,
        language="en",
    )
    return Extraction(article, "utf-8")


def settle(app: QApplication) -> None:
    """Let Qt finish what it queued (layout, painting)."""
    for _ in range(3):
        app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--footnotes", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    app = make_application([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "archive.sqlite3"
        with Archive.open(str(path)) as archive:
            article_id = archive.articles.add(extraction(args.footnotes), b"many")
            other_id = archive.articles.add(extraction(2), b"few")
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(path, settings)
        window.resize(1600, 1000)
        window.show()
        settle(app)
        panel = window.notes
        panel.setCurrentWidget(panel.footnotes)
        opening, scrolling, restyling, resizing = [], [], [], []
        for _ in range(args.runs):
            window.open_article(other_id)
            settle(app)
            began = time.perf_counter()
            window.open_article(article_id)
            settle(app)
            opening.append(time.perf_counter() - began)
            view = panel.footnotes.list
            bar = view.verticalScrollBar()
            began = time.perf_counter()
            while bar.value() < bar.maximum():
                bar.setValue(bar.value() + view.viewport().height())
                view.viewport().repaint()
            scrolling.append(time.perf_counter() - began)
            began = time.perf_counter()
            for right in (260, 420, 320):  # drag the notes pane narrower, wider, back
                window.splitter.setSizes([430, 1600 - 430 - right, right])
                settle(app)
            resizing.append((time.perf_counter() - began) / 3)
            bar.setValue(0)
            restyle = getattr(panel, "set_style", None)
            if restyle is not None:
                began = time.perf_counter()
                restyle("apa")
                settle(app)
                restyling.append(time.perf_counter() - began)
                restyle("chicago-notes-bibliography")
                settle(app)
        eager = []
        try:
            from archivist.gui.footnote_rows import format_row
        except ImportError:  # the tree before the panel formatted its rows
            format_row = None
        if format_row is not None:
            notes = extraction(args.footnotes).article.footnotes
            for _ in range(args.runs):
                began = time.perf_counter()
                for fn in notes:
                    format_row(fn, "chicago-notes-bibliography")
                eager.append(time.perf_counter() - began)
        print(f"footnote panel, article with {args.footnotes} footnotes, {args.runs} runs")
        print(f"  open the article:          median {statistics.median(opening) * 1000:7.1f} ms")
        print(f"  scroll the list to the end: median {statistics.median(scrolling) * 1000:7.1f} ms")
        print(f"  resize the pane (each step): median {statistics.median(resizing) * 1000:6.1f} ms")
        if eager:
            print(
                "  yardstick, formatting every row up front (not done): "
                f"median {statistics.median(eager) * 1000:6.1f} ms"
            )
        if restyling:
            print(
                f"  change the style (APA):     "
                f"median {statistics.median(restyling) * 1000:7.1f} ms"
            )
        window.close()
        window.archive.close()


if __name__ == "__main__":
    main()
