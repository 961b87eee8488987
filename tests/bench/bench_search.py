"""Search latency on a 100,000-article archive: prints p50/p95/max per query kind.

Run: python tests/bench/bench_search.py [--articles N] [--archive PATH]
Target (DESIGN.md): search p95 under 20 ms at 100,000 articles, ranked over every match; the
first ten equal to a ranking of every match (checked on the first 20 queries of each kind);
phrases exact (a sample of each phrase's matches and near misses checked against their text).
The archive is kept between runs (default under the temporary folder).
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
from archivist.archive.library import LibraryFilter
from archivist.archive.search import analyze, parse_query
from archivist.archive.searchtext import PLACES, places
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
# Persian words from Persian syllables, for the articles (one in five) that carry a Persian
# paragraph: the same Zipf-like spread, so Persian queries hit rare and common words alike.
PERSIAN_SYLLABLES = [
    "کا",
    "ری",
    "تو",
    "من",
    "سل",
    "دا",
    "ور",
    "لو",
    "پا",
    "تس",
    "گر",
    "نو",
    "با",
    "شو",
]
FA_VOCAB = sorted(
    {"".join(_gen.choices(PERSIAN_SYLLABLES, k=_gen.randint(2, 4))) for _ in range(8_000)}
)
FA_WEIGHTS = list(itertools.accumulate(1 / (rank + 10) for rank in range(len(FA_VOCAB))))


def article(rng: random.Random, i: int) -> Extraction:
    """A generated article of 4-10 paragraphs, a third of them with a rare word."""
    paragraphs = []
    for _ in range(rng.randint(4, 10)):
        words = rng.choices(VOCAB, cum_weights=CUM_WEIGHTS, k=rng.randint(40, 90))
        for k in range(0, len(words), 4):
            words.insert(k, rng.choice(STOPWORDS))
        paragraphs.append(" ".join(words).capitalize() + ".")
    if i % 5 == 0:
        words = rng.choices(FA_VOCAB, cum_weights=FA_WEIGHTS, k=rng.randint(40, 90))
        paragraphs.append(" ".join(words) + ".")
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
        have = arc.articles.count()
        batch = 2000
        for lo in range(have, n, batch):
            with arc.transaction():
                for i in range(lo, min(lo + batch, n)):
                    arc.articles.add(article(rng, i), f"{i}".encode())
            print(f"\r  built {min(lo + batch, n)}/{n}", end="", flush=True)
    print()


CACHE = Path(tempfile.gettempdir()) / "archivist-bench" / "search-100k.sqlite3"


def measure(arc: Archive, queries: list[str]) -> tuple[tuple[float, float, float], float, float]:
    """Wall p50, p95, max and CPU p50, p95 milliseconds of one search each (the top ten,
    snippets and all). CPU time is the steadier figure on a shared, loaded machine."""
    times, cpu = [], []
    for q in queries:
        t, c = time.perf_counter(), time.thread_time()
        arc.search.query(q, limit=10)
        times.append((time.perf_counter() - t) * 1000)
        cpu.append((time.thread_time() - c) * 1000)
    cpu_p50, cpu_p95, _ = summary(cpu)
    return summary(times), cpu_p50, cpu_p95


def measure_library(arc: Archive, queries: list[str]) -> tuple[float, float, float]:
    """The library's relevance sort: every match's id, ranked."""
    times = []
    for q in queries:
        t = time.perf_counter()
        arc.library.ids("relevance", where=LibraryFilter(query=q))
        times.append((time.perf_counter() - t) * 1000)
    return summary(times)


def summary(times: list[float]) -> tuple[float, float, float]:
    times.sort()
    return statistics.median(times), times[max(int(len(times) * 0.95) - 1, 0)], times[-1]


def top_ten_agrees(arc: Archive, query: str) -> bool:
    """Whether the top ten equal the first ten of a ranking of every match (ties aside)."""
    clauses = parse_query(query)
    index = arc._search
    top = index.ranked(clauses, 10)
    full = index.ranked(clauses, None)[:10]
    return [round(s, 4) for _, s in top] == [round(s, 4) for _, s in full] and all(
        a == b or abs(sa - sb) < 1e-4 for (a, sa), (b, sb) in zip(top, full, strict=True)
    )


def in_a_row(words: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` holds ``words`` in a row, as the index splits and folds it."""
    found, n = analyze(text), len(words)
    return any(tuple(found[k : k + n]) == words for k in range(len(found) - n + 1))


def phrase_exact(arc: Archive, query: str, rng: random.Random) -> tuple[int, int]:
    """(articles checked, wrong answers) for a phrase: matches sampled from every match must
    hold the words in a row in some place; articles holding every word but not matched must
    not. The check reads the archive's text, never the index."""
    (clause,) = parse_query(query)
    index = arc._search
    matched = index.matching(parse_query(query))
    words_only = index.matching(parse_query(" ".join(clause.words) + " "))
    rest = sorted(set(words_only) - set(matched))
    sample = rng.sample(matched, min(50, len(matched))) + rng.sample(rest, min(50, len(rest)))
    chosen = set(matched)
    wrong = 0
    for article_id, fields in places(arc.db, sample).items():
        holds = any(in_a_row(clause.words, fields[p]) for p in PLACES)
        wrong += holds != (article_id in chosen)
    return len(sample), wrong


def main() -> None:
    """Build (or reuse) the archive and print the latency table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--archive", type=Path, default=CACHE, help=f"default {CACHE}")
    args = parser.parse_args()
    path = args.archive
    path.parent.mkdir(parents=True, exist_ok=True)
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
        "phrase of 3": [f'"{" ".join(rng.sample(WORDS[:20], 3))}"' for _ in range(100)],
        "prefix": [rng.choice(WORDS)[:4] for _ in range(100)],
        "persian": [rng.choice(FA_VOCAB[:2000]) for _ in range(200)],
        "persian two": [" ".join(rng.sample(FA_VOCAB[:50], 2)) for _ in range(100)],
        "stopword": [rng.choice(STOPWORDS) for _ in range(100)],
        "hostile": ['"', "c++", "AND", "x-ray", "*", "", "a" * 1000] * 10,
    }
    with Archive.open(str(path)) as arc:
        t = time.perf_counter()
        arc.search.query("warm up")
        print(f"search index brought up to date in {time.perf_counter() - t:.1f} s")
        print(
            f"{'query kind':<14}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}"
            f"{'CPU p50':>9}{'CPU p95':>9}{'top 10 = full':>15}"
        )
        for kind, queries in kinds.items():
            (p50, p95, worst), cpu50, cpu95 = measure(arc, queries)
            sample = queries[:20]
            agree = sum(top_ten_agrees(arc, q) for q in sample)
            print(
                f"{kind:<14}{p50:>9.1f}{p95:>9.1f}{worst:>9.1f}{cpu50:>9.1f}{cpu95:>9.1f}"
                f"{agree:>10}/{len(sample)}"
            )
        for kind in ("phrase", "phrase of 3"):
            checked = wrong = 0
            for q in kinds[kind][:10]:
                c, w = phrase_exact(arc, q, rng)
                checked, wrong = checked + c, wrong + w
            print(f"{kind}: {wrong} wrong of {checked} articles checked against their text")
        print("library, every match ranked (the relevance sort):")
        for kind in ("rare word", "common word", "two words", "phrase", "prefix", "persian"):
            p50, p95, worst = measure_library(arc, kinds[kind][:50])
            print(f"{kind:<14}{p50:>9.1f}{p95:>9.1f}{worst:>9.1f}")


if __name__ == "__main__":
    main()
