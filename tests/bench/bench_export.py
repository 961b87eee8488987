"""Benchmark: dossier PDFs of generated annotated articles (about 300 and 1,000 pages).

Each dossier has a title page, contents, PDF bookmarks, the articles with highlights, notes and
footnotes, one bibliography and the sources appendix.

Run: PYTHONPATH=src .venv/bin/python tests/bench/bench_export.py [PAGES ...]
Prints wall seconds, CPU seconds (steadier on a shared machine), both per 1,000 pages, and max
RSS per size. Target (issue 20): 1,000 pages in under 10 s and under 250 MB.
`bench_export.py line1 line4` exports articles that are one line of 1 and 4 MB (issue 19:
a 1 MB line took over five minutes); the time should grow linearly with the size.
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from archivist.export.bibliography import collect_references, render
from archivist.export.pdf import DossierMeta, build_story, render_pdf
from archivist.model import (
    Article,
    ArticleId,
    Block,
    Footnote,
    Highlight,
    HighlightId,
    Mark,
    Note,
    NoteId,
    Source,
)

WORDS = "harbour ship tide archive record ledger port spring autumn board report cargo".split()  # noqa: SIM905
PAGES_PER_ARTICLE = 5


def make_article(n: int, rng: random.Random) -> Article:
    paragraphs = []
    for p in range(24):
        sentence = " ".join(rng.choice(WORDS) for _ in range(90))
        paragraphs.append(f"{sentence.capitalize()}. [{p + 1}]")
    text = "\n\n".join(paragraphs)
    blocks, marks, footnotes, highlights = [], [], [], []
    start = 0
    for p, part in enumerate(paragraphs):
        blocks.append(Block("paragraph", start, start + len(part)))
        at = start + part.index(f"[{p + 1}]")
        marks.append(Mark("footnote", at, at + len(str(p + 1)) + 2, label=str(p + 1)))
        csl = {
            "type": "article-newspaper",
            "title": f"Report {n}-{p}",
            "author": [{"family": "Writer", "given": f"Ana {p % 7}"}],
            "issued": {"date-parts": [[2000 + p % 20, 1 + p % 12, 1 + p % 28]]},
            "container-title": "Tide Weekly",
        }
        footnotes.append(
            Footnote(str(p + 1), (at,), f"Writer, Report {n}-{p}", "citation", csl=csl)
        )
        if p % 3 == 0:
            hid = HighlightId(n * 100 + p)
            note = Note(NoteId(hid), ArticleId(n), "highlight", "Worth quoting in the brief.")
            highlights.append(
                Highlight(
                    hid,
                    ArticleId(n),
                    start + 10,
                    start + 60,
                    text[start + 10 : start + 60],
                    color=rng.choice(["yellow", "green", "red"]),
                    notes=(note,),
                )
            )
        start += len(part) + 2
    return Article(
        title=f"Article {n}: harbour records",
        text=text,
        blocks=tuple(blocks),
        marks=tuple(marks),
        footnotes=tuple(footnotes),
        authors=("Mira Talebi",),
        site="Tide Weekly",
        published="2020-05-04",
        url=f"https://example.org/{n}",
        source=Source(f"a{n}.html", "html", "utf-8", f"{n:064x}", 1000, "2024-03-05T10:00:00Z"),
        id=ArticleId(n),
        highlights=tuple(highlights),
    )


def bench(pages: int, folder: Path) -> None:
    rng = random.Random(pages)
    articles = [make_article(n, rng) for n in range(1, pages // PAGES_PER_ARTICLE + 1)]
    meta = DossierMeta("Benchmark dossier", compiler="bench")
    t0, c0 = time.perf_counter(), time.process_time()
    entries = render(collect_references(articles))
    story = build_story(meta, articles, entries, {"yellow": "claim"})
    t1 = time.perf_counter()
    out = render_pdf(story, meta, folder / f"bench-{pages}.pdf")
    t2, c2 = time.perf_counter(), time.process_time()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    reader = PdfReader(out)
    real = len(reader.pages)
    per = 1000 / real
    print(
        f"{real:>4} pages ({len(articles)} articles, {len(entries)} references, "
        f"{len(reader.outline)} top bookmarks): {t2 - t0:6.2f} s (story {t1 - t0:.2f} s, "
        f"layout {t2 - t1:.2f} s; CPU {c2 - c0:.2f} s), max RSS {rss:.0f} MB; "
        f"per 1,000 pages {(t2 - t0) * per:.2f} s, CPU {(c2 - c0) * per:.2f} s"
    )


def bench_one_line(megabytes: int, folder: Path) -> None:
    """An article that is a single line (one block, no breaks) of ``megabytes`` MB."""
    rng = random.Random(megabytes)
    words = ["harbour", "ship", "stone", "quay", "tide", "river", "ledger", "salt"]
    text = " ".join(rng.choice(words) for _ in range(megabytes * 1024 * 1024 // 6))
    article = Article(
        title=f"One line of {megabytes} MB",
        text=text,
        blocks=(Block("paragraph", 0, len(text)),),
        id=ArticleId(1),
    )
    meta = DossierMeta("One-line benchmark", compiler="bench")
    t0, c0 = time.perf_counter(), time.process_time()
    story = build_story(meta, [article], [], {})
    out = render_pdf(story, meta, folder / "line.pdf")
    t1, c1 = time.perf_counter(), time.process_time()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"one line of {megabytes} MB: {len(PdfReader(out).pages)} pages in {t1 - t0:.2f} s "
        f"(CPU {c1 - c0:.2f} s), max RSS {rss:.0f} MB"
    )


def main() -> None:
    """Each size in its own process, so max RSS is that size's peak (tracemalloc would slow
    ReportLab several-fold and distort the timing)."""
    if len(sys.argv) == 2:
        with tempfile.TemporaryDirectory() as tmp:
            if sys.argv[1].startswith("line"):
                bench_one_line(int(sys.argv[1][4:]), Path(tmp))
            else:
                bench(int(sys.argv[1]), Path(tmp))
        return
    for size in sys.argv[1:] or ["300", "1000"]:
        subprocess.run([sys.executable, __file__, size], check=True)


if __name__ == "__main__":
    main()
