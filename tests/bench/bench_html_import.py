"""Benchmark: Archivist's HTML importer against trafilatura and readability-lxml, one run.

Run from the project root: ``PYTHONPATH=src .venv/bin/python tests/bench/bench_html_import.py``
(``--only-ours`` skips the peers, ``--corpus readability|trafilatura`` runs one corpus,
``--show N`` lists the N worst tune-part pages of ours, ``--part tune`` runs the tune part
only, for iterating). Reads the corpora in place; copies nothing.

Corpora, each split into a part the extractor is tuned on and a part it is only checked on:
a page is in the tune part when the first 8 hex digits of the SHA-256 of its file name (the
page's directory name for the readability pages, ``file`` for the trafilatura set), read as
a number, modulo 100, are below 30 (about 30% tune, 70% check). Only tune-part pages may be
looked at when changing the extractor; ``--show`` never lists check-part pages.

- readability test pages (``../shared/corpora/readability-test-pages``): body F1 with 4-gram
  shingles, the method of ``../shared/bench/score_extraction.py``; P and R are per-page means.
  A page is "under 20%" when the extracted body text is shorter than a fifth of the expected
  text (in characters).
- trafilatura evaluation set (``../shared/corpora/trafilatura-eval``): snippets counted as
  trafilatura's own evaluation counts them, over all snippets of all pages: a ``with`` snippet
  found in the output is a true positive, missing a false negative; a ``without`` snippet
  found is a false positive. Precision, recall and F come from those totals. "Found" means a
  substring of the output after runs of white space are made one space in both (the same for
  every extractor). A page is "under 20%" when fewer than a fifth of its ``with`` snippets
  are found (with three snippets, the usual number: none found).

Also printed: pages/s (time inside the extractor over the whole corpus, one process), the
CPU seconds each extractor spent (the honest figure on a shared machine), the speed ratio to
the faster peer by wall-clock and by CPU time, title and byline accuracy, and footnote recall on the
readability pages that have footnotes.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import hashlib
import importlib.util
import json
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from archivist.ingest.formats import html as archivist_html

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "corpora" / "readability-test-pages"
SNIPPET_CORPUS = SHARED / "corpora" / "trafilatura-eval"
TUNE_SHARE = 30
"""Percent of each corpus in the tune part (see the module docstring for the split)."""
PARTS = ("tune", "check")
FOOTNOTE_PAGES = ("wikipedia", "wikipedia-2", "wikipedia-3", "wikipedia-4", "google-sre-book-1")

Extractor = Callable[[bytes, str], dict[str, Any]]


def load_scorer() -> ModuleType:
    """The shared scoring module, imported from its file so the method is exactly the same."""
    spec = importlib.util.spec_from_file_location(
        "score_extraction", SHARED / "bench" / "score_extraction.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def ours(data: bytes, name: str) -> dict[str, Any]:
    """Archivist: body text only, body plus footnote texts, title and byline."""
    article = archivist_html.extract(data, name).article
    notes = "\n".join(f.text for f in article.footnotes)
    return {
        "text": article.text,
        "text+notes": article.text + "\n" + notes,
        "title": article.title,
        "byline": ", ".join(article.authors),
        "published": article.published,
        "site": article.site,
        "footnotes": article.footnotes,
        "marks": article.marks,
    }


def trafilatura_ex(data: bytes, name: str) -> dict[str, Any]:
    """trafilatura as score_extraction.py calls it."""
    import trafilatura

    doc = trafilatura.bare_extraction(
        data.decode("utf-8", errors="replace"), include_comments=False, with_metadata=True
    )
    if doc is None:
        return {}
    return {"text": doc.text, "title": doc.title, "byline": doc.author}


def readability_ex(scorer: ModuleType) -> Extractor:
    """readability-lxml as score_extraction.py calls it."""
    from readability import Document

    def run(data: bytes, name: str) -> dict[str, Any]:
        doc = Document(data.decode("utf-8", errors="replace"))
        return {
            "text": scorer.html_to_text(doc.summary(html_partial=True)),
            "title": doc.short_title(),
        }

    return run


def part_of(name: str) -> str:
    """``tune`` or ``check``: a stable split by the SHA-256 of the page's file name."""
    digest = hashlib.sha256(name.encode("utf-8")).hexdigest()
    return "tune" if int(digest[:8], 16) % 100 < TUNE_SHARE else "check"


def body_f1(
    scorer: ModuleType, pages: list[dict[str, Any]], outs: list[dict[str, Any]], key: str
) -> dict[str, float]:
    """F1 (bench), per-page means of P and R, and the pages under a fifth of the truth."""
    tfns, under = [], 0
    for page, out in zip(pages, outs, strict=True):
        text = out.get(key) or ""
        tfns.append(scorer.match_counts(page["text"], text, 4))
        under += len(text.strip()) < 0.2 * len(page["text"].strip())
    P = statistics.mean(scorer.precision(*t) for t in tfns if t[0] + t[1] > 0)
    R = statistics.mean(scorer.recall(*t) for t in tfns if t[0] + t[2] > 0)
    return {"F": 2 * P * R / (P + R) if P + R else 0.0, "P": P, "R": R, "under": under}


def labels(
    scorer: ModuleType, pages: list[dict[str, Any]], outs: list[dict[str, Any]]
) -> tuple[float, float]:
    """Title and byline accuracy over the pages whose truth has them."""
    titled = [
        scorer.norm_label(o.get("title")) == scorer.norm_label(p["title"])
        for p, o in zip(pages, outs, strict=True)
        if p["title"]
    ]
    bylined = [
        scorer.norm_label(o.get("byline"), True) == scorer.norm_label(p["byline"], True)
        for p, o in zip(pages, outs, strict=True)
        if p["byline"]
    ]
    return sum(titled) / len(titled), sum(bylined) / len(bylined)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def snippet_counts(page: dict[str, Any], text: str | None) -> tuple[int, int, int, int]:
    """(tp, fn, fp, tn) of one page as trafilatura's evaluation counts them."""
    if not text:
        return 0, len(page["with"]), 0, len(page["without"])
    flat = _squeeze(text)
    found = sum(1 for s in page["with"] if _squeeze(s) in flat)
    leaked = sum(1 for s in page["without"] if _squeeze(s) in flat)
    return found, len(page["with"]) - found, leaked, len(page["without"]) - leaked


def snippet_f(
    pages: list[dict[str, Any]], outs: list[dict[str, Any]], key: str
) -> dict[str, float]:
    """Precision, recall and F over all snippets, and pages with under a fifth of ``with`` found."""
    tp = fn = fp = under = 0
    for page, out in zip(pages, outs, strict=True):
        a, b, c, _ = snippet_counts(page, out.get(key))
        tp, fn, fp = tp + a, fn + b, fp + c
        under += a < 0.2 * len(page["with"])
    P = tp / (tp + fp) if tp + fp else 0.0
    R = tp / (tp + fn) if tp + fn else 0.0
    return {"F": 2 * P * R / (P + R) if P + R else 0.0, "P": P, "R": R, "under": under}


def load_snippet_pages(corpus: Path) -> list[dict[str, Any]]:
    """The trafilatura evaluation pages, decompressed in memory, sorted by file name."""
    evaldata = json.loads((corpus / "evaldata.json").read_text("utf-8"))
    pages = []
    for item in sorted(evaldata.values(), key=lambda v: v["file"]):
        pages.append(
            {
                "id": item["file"].removesuffix(".html"),
                "part": part_of(item["file"]),
                "data": gzip.decompress((corpus / "html" / (item["file"] + ".gz")).read_bytes()),
                "with": item["with"],
                "without": item["without"],
            }
        )
    return pages


def run(
    extract: Extractor, pages: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], float, float]:
    """Outputs for every page, and the wall-clock and CPU seconds spent inside the extractor."""
    outs, spent, cpu = [], 0.0, 0.0
    extract(pages[0]["data"], pages[0]["id"] + ".html")  # warm-up: imports are not timed
    gc.collect()
    for page in pages:
        t0, c0 = time.perf_counter(), time.process_time()
        try:
            out = extract(page["data"], page["id"] + ".html")
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the run
            out = {"error": f"{type(exc).__name__}: {exc}"}
        spent += time.perf_counter() - t0
        cpu += time.process_time() - c0
        outs.append(out)
    return outs, spent, cpu


def footnote_recall(pages: list[dict[str, Any]], outs: list[dict[str, Any]]) -> None:
    """Markers and notes found against the source's own counts."""
    for page, out in zip(pages, outs, strict=True):
        if page["id"] not in FOOTNOTE_PAGES:
            continue
        src = page["data"].decode("utf-8", errors="replace")
        if page["id"].startswith("wikipedia"):
            src_markers = len(re.findall(r'<sup[^>]*class="reference"', src))
            src_notes = len(re.findall(r'<li id="cite_note-', src))
        else:
            src_markers = len(re.findall(r'data-type="noteref"', src))
            src_notes = len(re.findall(r'data-type="footnote"', src))
        footnotes = out.get("footnotes", ())
        markers = sum(1 for m in out.get("marks", ()) if m.kind == "footnote")
        notes = sum(1 for f in footnotes if f.text.strip())
        print(
            f"  {page['id']:<18} markers {markers:>4} / {src_markers:<4} "
            f"notes {notes:>4} / {src_notes:<4}"
        )


def metadata_accuracy(
    args_corpus: Path, pages: list[dict[str, Any]], outs: list[dict[str, Any]]
) -> None:
    """Published date and site name against the corpus metadata, where it has them."""
    dates = sites = dates_ok = sites_ok = 0
    for page, out in zip(pages, outs, strict=True):
        meta = json.loads((args_corpus / page["id"] / "expected-metadata.json").read_text("utf-8"))
        if meta.get("publishedTime"):
            dates += 1
            dates_ok += out.get("published") == meta["publishedTime"][:10]
        if meta.get("siteName"):
            sites += 1
            sites_ok += (out.get("site") or "").casefold() == meta["siteName"].strip().casefold()
    print(f"archivist metadata: published date {dates_ok}/{dates}, site name {sites_ok}/{sites}")


Scorer = Callable[[list[dict[str, Any]], list[dict[str, Any]], str], dict[str, float]]


def table(
    title: str,
    pages: list[dict[str, Any]],
    extractors: dict[str, Extractor],
    measure: Scorer,
    extra: Callable[[list[dict[str, Any]]], str] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Run every extractor over the pages; print tune and check figures side by side."""
    counts = {part: sum(1 for p in pages if p["part"] == part) for part in PARTS}
    print(f"\n{title}: {len(pages)} pages (tune {counts['tune']}, check {counts['check']})")
    half = f"{'F':>7}{'P':>7}{'R':>7}{'<20%':>6}"
    print(f"{'':<22}{'':>9}   {'-- tune --':^27}   {'-- check --':^27}")
    print(f"{'extractor':<22}{'pages/s':>9}   {half}   {half}")
    speeds: dict[str, float] = {}
    cpu_speeds: dict[str, float] = {}
    all_outs: dict[str, list[dict[str, Any]]] = {}
    for name, extract in extractors.items():
        outs, spent, cpu = run(extract, pages)
        all_outs[name] = outs
        speeds[name] = len(pages) / spent
        cpu_speeds[name] = len(pages) / cpu if cpu else float("inf")
        for key in ["text", "text+notes"] if name == "archivist" else ["text"]:
            label = name if key == "text" else "  (body + notes)"
            cells = []
            for part in PARTS:
                chosen = [i for i, p in enumerate(pages) if p["part"] == part]
                if not chosen:  # --part tune: the check part was not run
                    cells.append(f"{'-':>7}{'-':>7}{'-':>7}{'-':>6}")
                    continue
                s = measure([pages[i] for i in chosen], [outs[i] for i in chosen], key)
                cells.append(f"{s['F']:>7.3f}{s['P']:>7.3f}{s['R']:>7.3f}{s['under']:>6}")
            tail = f"  {extra(outs)}" if extra and key == "text" else ""
            print(f"{label:<22}{speeds[name]:>9.1f}   {cells[0]}   {cells[1]}{tail}")
        print(f"  CPU {cpu:.2f} s ({cpu_speeds[name]:.1f} pages per CPU second)")
        errors = [o["error"] for o in outs if "error" in o]
        if errors:
            print(f"  {len(errors)} errors, first: {errors[0]}")
    peers = [v for k, v in speeds.items() if k != "archivist"]
    if peers and "archivist" in speeds:
        cpu_peers = [v for k, v in cpu_speeds.items() if k != "archivist"]
        print(
            f"archivist pages/s / faster peer: {speeds['archivist'] / max(peers):.2f}x"
            f" (by CPU time: {cpu_speeds['archivist'] / max(cpu_peers):.2f}x)"
        )
    return all_outs


def show_worst(
    pages: list[dict[str, Any]], outs: list[dict[str, Any]], rate: Callable[..., float], n: int
) -> None:
    """The n worst tune-part pages of ours (check-part pages are never listed)."""
    rows = [
        (rate(page, out), page["id"])
        for page, out in zip(pages, outs, strict=True)
        if page["part"] == "tune"
    ]
    for value, name in sorted(rows)[:n]:
        print(f"  {name:<50} {value:.3f}")


def main(argv: list[str] | None = None) -> int:
    """Run the three extractors over both corpora and print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--corpus", choices=("both", "readability", "trafilatura"), default="both")
    parser.add_argument("--only-ours", action="store_true", help="skip the peers")
    parser.add_argument("--show", type=int, default=0, help="print the N worst tune pages of ours")
    parser.add_argument(
        "--part",
        choices=("both", "tune"),
        default="both",
        help="run the tune part only (for iterating; the check figures need the full run)",
    )
    args = parser.parse_args(argv)
    scorer = load_scorer()
    extractors: dict[str, Extractor] = {"archivist": ours}
    if not args.only_ours:
        extractors["trafilatura"] = trafilatura_ex
        extractors["readability-lxml"] = readability_ex(scorer)
    if args.corpus in ("both", "readability"):
        pages = []
        for page in scorer.load_readability(CORPUS):
            page["data"] = Path(page["path"]).read_bytes()
            page["part"] = part_of(page["id"])
            if args.part == "both" or page["part"] == args.part:
                pages.append(page)

        def title_byline(outs: list[dict[str, Any]]) -> str:
            title, byline = labels(scorer, pages, outs)
            return f"title {title:.3f} byline {byline:.3f}"

        outs = table(
            f"readability test pages, body F1 ({CORPUS})",
            pages,
            extractors,
            lambda p, o, k: body_f1(scorer, p, o, k),
            title_byline,
        )
        metadata_accuracy(CORPUS, pages, outs["archivist"])
        print("footnote recall (archivist, found / in source, all parts):")
        footnote_recall(pages, outs["archivist"])
        if args.show:

            def page_f1(page: dict[str, Any], out: dict[str, Any]) -> float:
                tfn = scorer.match_counts(page["text"], out.get("text", ""), 4)
                p, r = scorer.precision(*tfn), scorer.recall(*tfn)
                return 2 * p * r / (p + r) if p + r else 0.0

            show_worst(pages, outs["archivist"], page_f1, args.show)
    if args.corpus in ("both", "trafilatura"):
        snippet_pages = [
            p for p in load_snippet_pages(SNIPPET_CORPUS) if args.part in ("both", p["part"])
        ]
        outs = table(
            f"trafilatura evaluation set, snippets ({SNIPPET_CORPUS})",
            snippet_pages,
            extractors,
            snippet_f,
        )
        if args.show:

            def page_score(page: dict[str, Any], out: dict[str, Any]) -> float:
                tp, fn, fp, tn = snippet_counts(page, out.get("text"))
                return (tp + tn) / (tp + fn + fp + tn)

            show_worst(snippet_pages, outs["archivist"], page_score, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
