"""Markdown import speed and memory: prints MB/s, footnotes/s and peak memory for generated saves.

Run: PYTHONPATH=src python tests/bench/bench_markdown_import.py [--paragraphs N] [--notes N]

markdown-it-py does the parsing (pure Python), so the figure is mostly its speed; the walk into
the document model and the reference parsing of the notes are the rest.
"""

from __future__ import annotations

import argparse
import time
import tracemalloc

from archivist.ingest import extract

PARAGRAPH = (
    "The *harbour* opened in spring and the [fishermen](https://x.example/{n}) came back with "
    "**new nets** and a ledger of the tides.[^{note}] "
)


def save(paragraphs: int, notes: int) -> bytes:
    """A Markdown save with front matter, marked-up paragraphs and numbered notes."""
    body = "\n\n".join((PARAGRAPH * 6).format(n=i, note=i % notes + 1) for i in range(paragraphs))
    definitions = "\n".join(
        f"[^{i}]: Harbour Board, *Annual Report* (Kiel: Nordverlag, {1900 + i % 100}), {i}."
        for i in range(1, notes + 1)
    )
    front = "---\ntitle: Tides\nauthor: Edwin Feld\ntags: [harbour]\n---\n\n"
    return (front + body + "\n\n" + definitions + "\n").encode("utf-8")


def main() -> None:
    """Import one generated save and print its speed and peak memory."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--notes", type=int, default=500)
    args = parser.parse_args()
    data = save(args.paragraphs, args.notes)
    started = time.perf_counter()
    article = extract(data, "tides.md").article
    seconds = time.perf_counter() - started
    tracemalloc.start()  # a second run: tracing slows the first one's timing fourfold
    extract(data, "tides.md")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    megabytes = len(data) / 1e6
    print(
        f"{megabytes:.1f} MB, {len(article.footnotes)} notes: {seconds:.2f} s, "
        f"{megabytes / seconds:.2f} MB/s, peak {peak / 1e6:.0f} MB traced"
    )


if __name__ == "__main__":
    main()
