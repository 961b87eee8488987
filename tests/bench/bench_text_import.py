"""Plain-text import speed and memory: prints articles/s and peak memory for generated saves.

Run: PYTHONPATH=src python tests/bench/bench_text_import.py [--articles N] [--seed S]
Target: over 500 articles/s and under 200 MB; then the same articles into a temporary archive.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from archivist.archive import Archive
from archivist.importer import default_workers, import_paths
from archivist.ingest import extract

WORDS = [
    "harbour", "keeper", "ledger", "storm", "tide", "coal", "letter", "station", "light", "county",
    "record", "winter", "valley", "bridge", "timber", "river", "survey", "parish", "council",
    "canal", "barge", "railway", "marsh", "salt", "archive", "reading", "room", "clock", "village",
    "orchard", "recipe", "kitchen", "cider", "press", "market", "book", "street", "bookseller",
    "student", "edition", "glass", "float", "workshop", "collector", "colour", "cobalt",
]  # fmt: skip
GLUE = [
    "the", "of", "and", "to", "in", "a", "was", "that", "for", "on", "with", "as", "by", "it",
    "at", "from",
]  # fmt: skip
SURNAMES = [
    "Ostrem", "Marrow", "Caldwell", "Lundqvist", "Feld", "Achterberg", "Marle", "Halloran",
    "Brask", "Vance",
]  # fmt: skip
GIVEN = [
    "Ilse", "Halvard", "Perrine", "Marit", "Oskar", "Rosalind", "Edwin", "Bridget", "Fenna",
    "Harriet",
]  # fmt: skip
FURNITURE = ["Share this:", "Twitter", "Facebook", "You may also like", "Leave a Comment"]


def sentence(rng: random.Random) -> str:
    """A random sentence of ten to twenty-five words."""
    words = [rng.choice(WORDS if rng.random() < 0.6 else GLUE) for _ in range(rng.randint(10, 25))]
    return " ".join(words).capitalize() + "."


def article(rng: random.Random, number: int) -> bytes:
    """One varied plain-text save: breadcrumb, title, body with markers, byline, references."""
    notes = rng.randint(5, 30)
    lines = []
    if rng.random() < 0.6:
        lines += [f"Home » {rng.choice(WORDS).title()} » Article {number}", ""]
    lines += [f"Article {number}: The {rng.choice(WORDS).title()} of {rng.choice(WORDS).title()}"]
    lines.append("")
    cited = 0
    for _ in range(rng.randint(6, 20)):
        sentences = []
        for _ in range(rng.randint(2, 6)):
            text = sentence(rng)
            if cited < notes and rng.random() < 0.5:
                cited += 1
                text += f" [{cited}]" if rng.random() < 0.7 else f"[{cited}]"
            sentences.append(text)
        lines += [" ".join(sentences), ""]
        if rng.random() < 0.1:
            lines += ["Advertisement", ""]
    lines += [f"By {rng.choice(GIVEN)} {rng.choice(SURNAMES)} | March {rng.randint(1, 28)}, 2016"]
    lines.append("")
    for label in range(1, notes + 1):
        if label > 1 and rng.random() < 0.15:
            lines.append(f"[{label}] Ibid.")
        elif label > 2 and rng.random() < 0.15:
            lines.append(f"[{label}] {rng.choice(SURNAMES)}, {rng.choice(WORDS).title()}, 88.")
        else:
            author = f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"
            title = " ".join(rng.choice(WORDS) for _ in range(3)).title()
            lines.append(
                f"[{label}] {author}, {title}, Greyhaven Press, {rng.randint(1900, 2020)}."
            )
    lines += ["", *rng.sample(FURNITURE, 3)]
    newline = "\r\n" if rng.random() < 0.2 else "\n"
    return newline.join(lines).encode("utf-8")


def maxrss_mb() -> float:
    """The process's peak resident memory so far, in MB (ru_maxrss is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine_cpu() -> tuple[float, float] | None:
    """Seconds of busy and of idle CPU on the whole machine so far (Linux), else None."""
    try:
        with open("/proc/stat") as stat:
            ticks = [int(field) for field in stat.readline().split()[1:]]
    except (OSError, ValueError):
        return None
    hertz = os.sysconf("SC_CLK_TCK")
    idle = ticks[3] + ticks[4]  # idle and waiting for I/O
    return (sum(ticks) - idle) / hertz, idle / hertz


def timed(label: str, count: int, run: Callable[[], None]) -> float:
    """Run ``run()``, print the rate and return it (tracemalloc off: it slows Python down)."""
    started, cpu, machine = time.perf_counter(), time.process_time(), machine_cpu()
    run()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    # CPU time of this process (workers excluded) is steadier than wall time on a shared box.
    print(
        f"{label}: {count} articles in {elapsed:.2f} s = {count / elapsed:.0f} articles/s "
        f"({cpu / count * 1000:.2f} ms CPU each in this process); "
        f"process maxrss so far {maxrss_mb():.1f} MB"
    )
    after = machine_cpu()
    if machine is not None and after is not None:
        # Workers run in other processes: the machine's counters tell a rate held back by idle
        # cores from one held back by slow ones (the host's speed varies on a shared box).
        busy, idle = after[0] - machine[0], after[1] - machine[1]
        print(
            f"  the machine's cores were busy {busy / (busy + idle):.0%} of the time; "
            f"{busy / count * 1000:.2f} ms of CPU an article in all processes"
        )
    return count / elapsed


def main() -> None:
    """Generate the articles, time extraction, measure its memory, then time archiving."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    originals = [article(rng, number) for number in range(args.articles)]
    size = sum(map(len, originals))
    print(f"generated {len(originals)} articles, {size / 2**20:.1f} MB, python {sys.version[:6]}")
    print(f"process maxrss after generating {maxrss_mb():.1f} MB")
    counts = {"footnotes": 0, "warned": 0}

    def extract_all() -> None:
        for number, data in enumerate(originals):
            result = extract(data, f"article{number}.txt").article
            counts["footnotes"] += len(result.footnotes)
            counts["warned"] += bool(result.warnings)

    extract_rate = timed("extract", len(originals), extract_all)
    print(f"  {counts['footnotes']} footnotes; {counts['warned']} articles with warnings")

    tracemalloc.start()
    extract_all()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"extract memory: tracemalloc peak {peak / 2**20:.1f} MB (the inputs are held apart)")

    with tempfile.TemporaryDirectory() as folder:
        archive = Archive.open(str(Path(folder) / "bench.sqlite3"))

        def import_all() -> None:
            for number, data in enumerate(originals):
                archive.articles.add(extract(data, f"article{number}.txt"), data)

        try:
            timed(
                "extract + archive.articles.add into a temporary archive",
                len(originals),
                import_all,
            )
        finally:
            archive.close()

    # The real batch path: files on disk through import_paths, serial and with workers.
    with tempfile.TemporaryDirectory() as folder:
        saves = Path(folder) / "saves"
        saves.mkdir()
        for number, data in enumerate(originals):
            (saves / f"article{number:05d}.txt").write_bytes(data)
        rates = {}
        for workers in sorted({0, default_workers(), 2}):
            path = Path(folder) / f"import{workers}.sqlite3"
            with Archive.open(str(path)) as archive:

                def run(archive: Archive = archive, workers: int = workers) -> None:
                    job = import_paths(archive, [str(saves)], workers=workers)
                    for _ in job:
                        pass

                label = f"import_paths of a folder, {workers} worker processes"
                rates[workers] = timed(label, len(originals), run)
    print(
        f"summary: extraction {extract_rate:.0f} articles/s; import with the default "
        f"{default_workers()} workers {rates[default_workers()]:.0f} articles/s "
        f"(target over 500); peak memory of this process {maxrss_mb():.0f} MB (target under 200)"
    )


if __name__ == "__main__":
    main()
