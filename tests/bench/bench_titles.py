"""Page titles without the site's name: how many titles change, and which, on pages never tuned on.

Run: PYTHONPATH=src python tests/bench/bench_titles.py [--show]

Neither corpus labels titles without the site's name (the readability pages' expected titles are
Readability's, which keep it), so the figure is the titles changed and a listing to read: every
change should only take off a site's name (or a part the page's heading confirms). The
trafilatura pages are shuffled (seed 5): the first 300 were read while writing the rules (tune),
the next 300 only to check them. The readability pages were read while writing the rules too.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import time
from collections.abc import Callable
from pathlib import Path

from archivist.ingest.html.htmlparse import decode_page, parse_html
from archivist.ingest.metadata import pagemeta as metadata

CORPORA = Path(__file__).resolve().parents[3] / "shared" / "corpora"


def pages() -> dict[str, list[tuple[str, bytes]]]:
    """The tune and check parts, as (name, bytes) pairs."""
    readability = CORPORA / "readability-test-pages"
    tune = [
        (d.name, (d / "source.html").read_bytes())
        for d in sorted(readability.iterdir())
        if (d / "source.html").exists()
    ]
    html = CORPORA / "trafilatura-eval" / "html"
    names = sorted(p.name for p in html.glob("*.html.gz"))
    random.Random(5).shuffle(names)
    tune += [(n, gzip.decompress((html / n).read_bytes())) for n in names[:300]]
    check = [(n, gzip.decompress((html / n).read_bytes())) for n in names[300:600]]
    return {"tune": tune, "check": check}


def titles(part: list[tuple[str, bytes]], strip: bool) -> dict[str, str]:
    """Each page's title, with or without the site name taken off."""
    keep: Callable[..., str] = metadata.strip_site_name
    if not strip:
        metadata.strip_site_name = lambda title, *_args, **_kw: title  # type: ignore[assignment]
    try:
        found = {}
        for name, data in part:
            text, _ = decode_page(data, name)
            found[name] = metadata.read_metadata(parse_html(text, name)).title
        return found
    finally:
        metadata.strip_site_name = keep  # type: ignore[assignment]


def main() -> None:
    """Print, per part, how many titles lost a site name; with --show, each change."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", action="store_true")
    args = parser.parse_args()
    for part, items in pages().items():
        started = time.perf_counter()
        after = titles(items, strip=True)
        seconds = time.perf_counter() - started
        before = titles(items, strip=False)
        changed = [n for n, _ in items if after[n] != before[n]]
        print(
            f"{part:5s}: {len(changed)} of {len(items)} titles shortened "
            f"({len(items) / seconds:.0f} pages/s for metadata)"
        )
        if args.show:
            for name in changed:
                print(
                    f"  {json.dumps(before[name], ensure_ascii=False)} -> "
                    f"{json.dumps(after[name], ensure_ascii=False)}"
                )


if __name__ == "__main__":
    main()
