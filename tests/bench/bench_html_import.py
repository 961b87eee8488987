"""Benchmark: Archivist's HTML importer against trafilatura and readability-lxml, one run.

Run from the project root: ``PYTHONPATH=src .venv/bin/python tests/bench/bench_html_import.py``.
Prints pages/s, body F1 (4-gram shingles, the method of ../shared/bench/score_extraction.py),
title and byline accuracy for each extractor, the speed ratio to the faster peer, and footnote
recall on the corpus pages that have footnotes. Reads the corpus in place; copies nothing.
"""

from __future__ import annotations

import argparse
import gc
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

from archivist.ingest import html as archivist_html

SHARED = Path(__file__).resolve().parents[3] / "shared"
CORPUS = SHARED / "corpora" / "readability-test-pages"
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


def score(
    scorer: ModuleType, pages: list[dict[str, Any]], outs: list[dict[str, Any]], key: str
) -> dict[str, float]:
    """F1 (bench), mean per-page F1, title and byline accuracy."""
    rows = []
    for page, out in zip(pages, outs, strict=True):
        text = out.get(key) or ""
        tfn = scorer.match_counts(page["text"], text, 4)
        p, r = scorer.precision(*tfn), scorer.recall(*tfn)
        if not text.strip() and page["text"].strip():
            p = 0.0
        rows.append({"tfn": tfn, "f1": 2 * p * r / (p + r) if p + r else 0.0})
    P = statistics.mean(scorer.precision(*r["tfn"]) for r in rows if r["tfn"][0] + r["tfn"][1] > 0)
    R = statistics.mean(scorer.recall(*r["tfn"]) for r in rows if r["tfn"][0] + r["tfn"][2] > 0)
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
    return {
        "f1": 2 * P * R / (P + R),
        "f1_mean": statistics.mean(r["f1"] for r in rows),
        "P": P,
        "R": R,
        "title": sum(titled) / len(titled),
        "byline": sum(bylined) / len(bylined),
    }


def run(extract: Extractor, pages: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], float]:
    """Outputs for every page and the seconds spent inside the extractor."""
    outs, spent = [], 0.0
    extract(pages[0]["data"], pages[0]["id"] + ".html")  # warm-up: imports are not timed
    gc.collect()
    for page in pages:
        t0 = time.perf_counter()
        try:
            out = extract(page["data"], page["id"] + ".html")
        except Exception as exc:  # noqa: BLE001 - one bad page must not stop the run
            out = {"error": f"{type(exc).__name__}: {exc}"}
        spent += time.perf_counter() - t0
        outs.append(out)
    return outs, spent


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


def main(argv: list[str] | None = None) -> int:
    """Run the three extractors over the corpus and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--only-ours", action="store_true", help="skip the peers")
    parser.add_argument("--show", type=int, default=0, help="print the N worst pages of ours")
    args = parser.parse_args(argv)
    scorer = load_scorer()
    pages = []
    for page in scorer.load_readability(args.corpus):
        page["data"] = Path(page["path"]).read_bytes()
        pages.append(page)
    extractors: dict[str, Extractor] = {"archivist": ours}
    if not args.only_ours:
        extractors["trafilatura"] = trafilatura_ex
        extractors["readability-lxml"] = readability_ex(scorer)
    speeds: dict[str, float] = {}
    print(f"{len(pages)} pages from {args.corpus}")
    print(
        f"{'extractor':<22}{'pages/s':>9}{'F1':>8}{'F1 mean':>9}{'P':>7}{'R':>7}"
        f"{'title':>7}{'byline':>8}"
    )
    ours_out: list[dict[str, Any]] = []
    for name, extract in extractors.items():
        outs, spent = run(extract, pages)
        errors = [o["error"] for o in outs if "error" in o]
        speeds[name] = len(pages) / spent
        keys = ["text", "text+notes"] if name == "archivist" else ["text"]
        for key in keys:
            s = score(scorer, pages, outs, key)
            label = name if key == "text" else "  (body + notes)"
            print(
                f"{label:<22}{speeds[name]:>9.1f}{s['f1']:>8.3f}{s['f1_mean']:>9.3f}{s['P']:>7.3f}"
                f"{s['R']:>7.3f}{s['title']:>7.3f}{s['byline']:>8.3f}"
            )
        if errors:
            print(f"  {len(errors)} errors, first: {errors[0]}")
        if name == "archivist":
            ours_out = outs
    peers = [v for k, v in speeds.items() if k != "archivist"]
    if peers:
        print(f"archivist pages/s / faster peer: {speeds['archivist'] / max(peers):.2f}x")
    metadata_accuracy(args.corpus, pages, ours_out)
    print("footnote recall (archivist, found / in source):")
    footnote_recall(pages, ours_out)
    if args.show:
        worst = []
        for page, out in zip(pages, ours_out, strict=True):
            tfn = scorer.match_counts(page["text"], out.get("text", ""), 4)
            p, r = scorer.precision(*tfn), scorer.recall(*tfn)
            worst.append((2 * p * r / (p + r) if p + r else 0.0, p, r, page["id"]))
        for f1, p, r, name in sorted(worst)[: args.show]:
            print(f"  {name:<40} F1 {f1:.3f} P {p:.3f} R {r:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
