"""Search latency on a 100,000-article archive: prints p50/p95/max per query kind.

Run: python tests/bench/bench_search.py [--articles N] [--archive PATH]
Target (DESIGN.md): search p95 under 20 ms at 100,000 articles.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import random
import statistics
import tempfile
import time
from pathlib import Path

from archivist.archive import Archive
from archivist.model import Article, Block, Extraction, Source

STOPWORDS = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "is",
    "that",
    "for",
    "on",
    "was",
    "with",
    "as",
    "by",
    "it",
    "at",
    "from",
]
SYLLABLES = [
    "ka",
    "ri",
    "to",
    "mun",
    "sel",
    "da",
    "ver",
    "lo",
    "pan",
    "tes",
    "gri",
    "nor",
    "bal",
    "fe",
    "sho",
    "qui",
    "zar",
    "en",
    "ul",
]
_gen = random.Random(3)
# A Zipf-like vocabulary: a few very common words, a long tail of rare ones, as in real text.
VOCAB = sorted({"".join(_gen.choices(SYLLABLES, k=_gen.randint(2, 4))) for _ in range(40_000)})
CUM_WEIGHTS = list(itertools.accumulate(1 / (rank + 10) for rank in range(len(VOCAB))))
WORDS = VOCAB[:60]
RARE = VOCAB[-5000:]


def article(rng: random.Random, i: int) -> Extraction:
    """A generated article of 4-10 paragraphs, a third of them with a rare word."""
    paragraphs = []
    for _ in range(rng.randint(4, 10)):
        words = rng.choices(VOCAB, cum_weights=CUM_WEIGHTS, k=rng.randint(40, 90))
        for k in range(0, len(words), 4):
            words.insert(k, rng.choice(STOPWORDS))
        paragraphs.append(" ".join(words).capitalize() + ".")
    text = "\n\n".join(paragraphs)
    blocks, start = [], 0
    for p in paragraphs:
        blocks.append(Block("paragraph", start, start + len(p)))
        start += len(p) + 2
    title = " ".join(rng.choices(VOCAB, cum_weights=CUM_WEIGHTS, k=5)).title()
    data = f"{i}:{title}".encode()
    source = Source(f"a{i}.txt", "text", "utf-8", hashlib.sha256(data).hexdigest(), len(data))
    art = Article(
        title=title, text=text, blocks=tuple(blocks), authors=("Ana Ruiz",), source=source
    )
    return Extraction(art, "utf-8")


def build(path: Path, n: int) -> None:
    """Fill the archive up to ``n`` articles, 2,000 per transaction."""
    rng = random.Random(7)
    with Archive.open(str(path)) as arc:
        have = arc.count_articles()
        batch = 2000
        for lo in range(have, n, batch):
            with arc.transaction():
                for i in range(lo, min(lo + batch, n)):
                    arc.add(article(rng, i), f"{i}".encode())
            print(f"\r  built {min(lo + batch, n)}/{n}", end="", flush=True)
    print()


def measure(arc: Archive, queries: list[str]) -> tuple[float, float, float]:
    """p50, p95 and max milliseconds of one search each."""
    times = []
    for q in queries:
        t = time.perf_counter()
        arc.search(q, limit=50)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], times[-1]


def main() -> None:
    """Build (or reuse) the archive and print the latency table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--archive", type=Path, default=None)
    args = parser.parse_args()
    path = args.archive or Path(tempfile.mkdtemp()) / "bench.sqlite3"
    t = time.perf_counter()
    build(path, args.articles)
    print(f"archive of {args.articles} articles ready in {time.perf_counter() - t:.1f} s")
    rng = random.Random(1)
    kinds = {
        "rare word": [rng.choice(RARE) for _ in range(200)],
        "mid word": [rng.choice(VOCAB[1000:5000]) for _ in range(200)],
        "common word": [rng.choice(WORDS) for _ in range(200)],
        "two words": [" ".join(rng.sample(WORDS, 2)) for _ in range(200)],
        "phrase": [f'"{" ".join(rng.sample(WORDS, 2))}"' for _ in range(100)],
        "stopword": [rng.choice(STOPWORDS) for _ in range(100)],
        "hostile": ['"', "c++", "AND", "x-ray", "*", "", "a" * 1000] * 10,
    }
    with Archive.open(str(path)) as arc:
        arc.search("warm up")
        print(f"{'query kind':<14}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}")
        for kind, queries in kinds.items():
            p50, p95, worst = measure(arc, queries)
            print(f"{kind:<14}{p50:>9.1f}{p95:>9.1f}{worst:>9.1f}")


if __name__ == "__main__":
    main()
