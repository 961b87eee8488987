"""Re-anchoring 10,000 highlights over 1,000 articles after a re-extraction that changes
whitespace and inserts text: prints the share recovered, misplaced, orphans and highlights/s.

Run: PYTHONPATH=src python tests/bench/bench_anchoring.py [--articles N] [--per-article K]

Each article is generated from tokens (a word, its punctuation, the whitespace after it), so
the place every highlight should land after the change is known exactly. The re-extraction
re-flows every paragraph (single newlines, double spaces, tabs), inserts a sentence between
other sentences, and, for one highlight in twenty-five, a footnote marker inside the quote
itself (only a fuzzy match can place that one). It is measured twice: the pure anchoring of
``archivist.annotate`` and ``archive.annotations.reextract`` end to end (SQLite, one
transaction each).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from archivist.annotate.anchoring import Anchorer
from archivist.annotate.selectors import collapse_space, describe
from archivist.archive import Archive
from archivist.model import Article, Extraction, Source

SYLLABLES = "ka lo mi ren sa tu vel or an ith dor mer qua lis ten bar".split()  # noqa: SIM905


@dataclass
class Token:
    """One word of a generated article, with what follows it."""

    word: str
    punct: str
    space: str
    ident: int


@dataclass
class Case:
    """One article before and after re-extraction, with its highlights' expected places."""

    old: str
    new: str
    spans: list[tuple[int, int]]
    expected: list[tuple[int, int]]
    marked: list[bool]


def words(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choices(SYLLABLES, k=rng.randint(1, 3))) for _ in range(n)]


def render(tokens: list[Token]) -> tuple[str, dict[int, int]]:
    parts, starts, at = [], {}, 0
    for tok in tokens:
        starts[tok.ident] = at
        piece = tok.word + tok.punct + tok.space
        parts.append(piece)
        at += len(piece)
    return "".join(parts), starts


def make_case(rng: random.Random, vocabulary: list[str], per_article: int) -> Case:
    tokens: list[Token] = []
    for _ in range(rng.randint(4, 8)):  # paragraphs
        for _ in range(rng.randint(3, 7)):  # sentences
            for _ in range(rng.randint(6, 18)):
                tokens.append(Token(rng.choice(vocabulary), "", " ", len(tokens)))
            tokens[-1].punct = "."
        tokens[-1].space = "\n\n"
    tokens[-1].space = ""
    old, starts = render(tokens)
    chosen = []
    for _ in range(per_article):
        first = rng.randrange(len(tokens) - 1)
        last = min(len(tokens) - 1, first + rng.randint(0, 10))
        chosen.append((first, last))
    spans = [(starts[f], starts[last] + len(tokens[last].word)) for f, last in chosen]
    marked = [rng.random() < 0.04 and last > first for first, last in chosen]
    new_tokens = [Token(t.word, t.punct, t.space, t.ident) for t in tokens]
    for tok in new_tokens:  # re-flow: a later importer keeps line breaks and odd spacing
        if tok.space == " " and rng.random() < 0.15:
            tok.space = rng.choice(["\n", "  ", "\t", " \n"])
        elif tok.space == "\n\n" and rng.random() < 0.5:
            tok.space = "\n"
    for (first, last), mark in zip(chosen, marked, strict=True):
        if mark:  # a footnote marker the old importer missed, inside the quote
            inside = new_tokens[rng.randint(first, last - 1)]
            inside.punct += f" [{rng.randint(1, 40)}]"
    ends = [i for i, t in enumerate(new_tokens) if t.punct.endswith(".")]
    for at in sorted(rng.sample(ends, k=min(3, len(ends))), reverse=True):
        extra = [Token(w, "", " ", -1) for w in words(rng, rng.randint(5, 12))]
        extra[-1].punct = "."
        new_tokens[at + 1 : at + 1] = extra
    new, new_starts = render(new_tokens)
    by_id = {t.ident: t for t in new_tokens}
    expected = [
        (new_starts[first], new_starts[last] + len(by_id[last].word)) for first, last in chosen
    ]
    return Case(old, new, spans, expected, marked)


def bench_pure(cases: list[Case]) -> None:
    t0 = time.perf_counter()
    outcomes = []
    for case in cases:
        anchorer = Anchorer(case.new)
        for start, end in case.spans:
            outcomes.append(anchorer.anchor(*describe(case.old, start, end)))
    elapsed = time.perf_counter() - t0
    tally: Counter[str] = Counter()
    it = iter(outcomes)
    for case in cases:
        for (start, end), expected in zip(case.spans, case.expected, strict=True):
            found = next(it)
            quote, now = case.old[start:end], case.new[expected[0] : expected[1]]
            kind = "intact" if collapse_space(quote) == collapse_space(now) else "changed"
            tally[kind] += 1
            if found is None:
                tally[kind + " orphaned"] += 1
            elif (found.start, found.end) == expected:
                tally[kind + " exact place"] += 1
            elif overlap((found.start, found.end), expected) > 0:
                tally[kind + " partly covered"] += 1
            else:
                tally[kind + " misplaced"] += 1
    total = len(outcomes)
    print(f"pure anchoring: {total} highlights over {len(cases)} articles")
    for kind in ("intact", "changed"):
        n = tally[kind]
        print(
            f"  quote {kind} ({n}): {tally[kind + ' exact place'] / max(n, 1):.2%} at the exact "
            f"place, {tally[kind + ' partly covered']} partly covered, "
            f"{tally[kind + ' orphaned']} orphans, {tally[kind + ' misplaced']} misplaced"
        )
    placed = total - tally["intact orphaned"] - tally["changed orphaned"]
    print(f"  recovered {placed / total:.2%} overall; {total / elapsed:,.0f} highlights/s")


def overlap(found: tuple[int, int], expected: tuple[int, int]) -> float:
    """The share of the expected passage that the found one covers (0 when apart)."""
    shared = min(found[1], expected[1]) - max(found[0], expected[0])
    return max(0, shared) / max(1, expected[1] - expected[0])


def bench_archive(cases: list[Case]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive.open(str(Path(tmp) / "bench.sqlite3"))
        ids = []
        for n, case in enumerate(cases):
            article_id = archive.articles.add(extraction(case.old, f"a{n}"), f"a{n}".encode())
            with archive.transaction():
                for start, end in case.spans:
                    archive.annotations.add_highlight(article_id, start, end)
            ids.append(article_id)
        t0 = time.perf_counter()
        kept = moved = fuzzy = orphaned = 0
        for n, (article_id, case) in enumerate(zip(ids, cases, strict=True)):
            report = archive.annotations.reextract(article_id, extraction(case.new, f"a{n}"))
            kept += len(report.kept)
            moved += len(report.moved)
            fuzzy += len(report.fuzzy)
            orphaned += len(report.orphaned)
        elapsed = time.perf_counter() - t0
        total = kept + moved + fuzzy + orphaned
        archive.close()
    print(f"archive.annotations.reextract end to end: {len(cases)} articles, {total} highlights")
    print(f"  kept {kept}, moved {moved}, fuzzy {fuzzy}, orphaned {orphaned}")
    print(f"  {total / elapsed:,.0f} highlights/s, {len(cases) / elapsed:,.0f} articles/s")


def extraction(text: str, name: str) -> Extraction:
    data = name.encode()
    source = Source(name + ".txt", "text", "utf-8", hashlib.sha256(data).hexdigest(), len(data))
    return Extraction(Article(title=name, text=text, source=source), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--per-article", type=int, default=10)
    parser.add_argument("--seed", type=int, default=4)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    vocabulary = words(rng, 3000)
    cases = [make_case(rng, vocabulary, args.per_article) for _ in range(args.articles)]
    bench_pure(cases)
    bench_archive(cases)


if __name__ == "__main__":
    main()
