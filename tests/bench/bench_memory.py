"""Benchmark: peak memory of importing one big saved page, against its size (issue 19).

Run: PYTHONPATH=src .venv/bin/python tests/bench/bench_memory.py [MB ...]   (default 20 100)
Each size is imported by the CLI in a child process on a fresh archive; prints the page size,
the child's peak RSS, the ratio and the time. Targets: at most about 10x the file, and at most
1.5 GB for a page at the 200 MB limit (ask for 199: the page overshoots its size a little).
Yardstick, same pages, before issue 19: 20 MB 478 MB (23.9x), 100 MB 2003 MB (20.0x).
After the first round: 20 MB 265 MB (13.3x), 100 MB 1017 MB (10.2x), 199 MB 1778 MB (8.9x).
After parsing UTF-8 from its bytes, consuming the tree while rendering, giving freed heap
back and writing big originals through a blob: 20 MB 202 MB (10.1x), 100 MB 778 MB (7.8x),
199 MB 1575 MB (7.9x; the 1.5 GB target is still missed by about 40 MB).
After each stored file's bytes and text are let go before the commit indexes the text:
20 MB 207 MB (10.4x), 100 MB 730 MB (7.3x), 199 MB 1412 MB (7.1x).
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
WORDS = ["harbour", "ship", "stone", "quay", "tide", "river", "merchant", "ledger", "salt"]


def page(path: Path, megabytes: int) -> int:
    """A long article page: paragraphs of words with footnote markers, then the notes."""
    rng = random.Random(megabytes)
    with open(path, "w", encoding="utf-8") as f:
        f.write("<html><head><title>Big page</title></head><body><article><h1>Big page</h1>\n")
        size, n = 0, 0
        while size < megabytes * 1024 * 1024:
            para = " ".join(rng.choice(WORDS) for _ in range(60))
            line = f'<p>{para}<sup><a href="#fn{n % 40 + 1}">{n % 40 + 1}</a></sup></p>\n'
            f.write(line)
            size += len(line)
            n += 1
        f.write('<ol class="footnotes">')
        for k in range(1, 41):
            f.write(f'<li id="fn{k}">Ana Ruiz, Report {k}, Harbour Press, 2019.</li>')
        f.write("</ol></article></body></html>\n")
    return path.stat().st_size


def main() -> None:
    """Import each size in a child process and print its peak memory."""
    sizes = [int(a) for a in sys.argv[1:]] or [20, 100]
    print(
        f"{'page MB':>8}{'peak RSS MB':>13}{'ratio':>8}{'seconds':>9}  target: <= 10x, <= 1536 MB"
    )
    for megabytes in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            big = folder / "big.html"
            size = page(big, megabytes)
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            started = time.perf_counter()
            archive = str(folder / "a.sqlite3")
            done = subprocess.run(
                [sys.executable, "-m", "archivist", "--archive", archive, "import", str(big)],
                capture_output=True,
                env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
                timeout=1800,
                check=False,
            )
            seconds = time.perf_counter() - started
            peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            if done.returncode != 0:
                print(f"{megabytes:>8}  failed: {done.stderr.decode()[-300:]}")
                continue
            if peak <= before:
                print(f"{megabytes:>8}  (peak not above an earlier size's; run sizes one by one)")
                continue
            mb = peak / 1024
            print(f"{size / 2**20:>8.0f}{mb:>13.0f}{mb / (size / 2**20):>8.1f}{seconds:>9.1f}")


if __name__ == "__main__":
    main()
