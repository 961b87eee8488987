"""Whole-command times of the CLI on a 100,000-article archive, beside two yardsticks.

Run: PYTHONPATH=src python tests/bench/bench_cli.py [--runs N] [--archive PATH]
Targets (issue 20): ``--version`` at most 60 ms; ``list``, ``search``, ``show`` at most 150 ms
end to end. The yardsticks, ``python -c pass`` and ``sqlite-utils --version``, run in the same
rounds, each command once per round in turn, so a machine that slows down slows all alike.
Prints the median wall and CPU (user + system) milliseconds of each, and the ratio of the
medians to ``sqlite-utils --version``. The archive is the search benchmark's (built on first
use and kept under the temporary folder). Archivist's modules are compiled to bytecode first,
as an installed package's are: where PYTHONDONTWRITEBYTECODE is set, every run would otherwise
compile them again (about 60 ms of each command).
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench_search import CACHE, build

from archivist.archive import Archive


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU milliseconds of one run of ``command`` (its output thrown away)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall * 1000, cpu * 1000


def main() -> None:
    """Build (or reuse) the archive, run every command in rounds and print the medians."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--archive", type=Path, default=CACHE)
    args = parser.parse_args()
    build(args.archive, 100_000)
    with Archive.open(str(args.archive)) as arc:
        arc.search.query("warm up")  # the search index is up to date before timing starts
        middle = arc.articles.ids()[len(arc.articles.ids()) // 2]
    src = str(Path(__file__).resolve().parents[2] / "src")
    compileall.compile_dir(src, quiet=1)
    env = {**os.environ, "PYTHONPATH": src}
    python = sys.executable
    cli = [python, "-m", "archivist", "--archive", str(args.archive)]
    sqlite_utils = shutil.which("sqlite-utils", path=str(Path(python).parent)) or "sqlite-utils"
    commands = {
        "python -c pass": [python, "-c", "pass"],
        "sqlite-utils --version": [sqlite_utils, "--version"],
        "archivist --version": [python, "-m", "archivist", "--version"],
        "list --json": [*cli, "list", "--json"],
        "list --limit 50": [*cli, "list", "--limit", "50"],
        "search (common word) --json": [*cli, "search", "balbal", "--json"],
        "search (rare word) --json": [*cli, "search", "shoultesmun", "--json"],
        "search (phrase) --json": [*cli, "search", '"balbal lo"', "--json"],
        "show ID --json": [*cli, "show", str(middle), "--json"],
    }
    for command in commands.values():  # warm the page cache
        timed(command, env)
    walls: dict[str, list[float]] = {name: [] for name in commands}
    cpus: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(args.runs):
        for name, command in commands.items():
            wall, cpu = timed(command, env)
            walls[name].append(wall)
            cpus[name].append(cpu)
    yardstick = statistics.median(walls["sqlite-utils --version"])
    print(f"{args.runs} rounds; medians in ms")
    print(f"{'command':<30}{'wall':>8}{'cpu':>8}{'min wall':>10}{'/ sqlite-utils':>16}")
    for name in commands:
        wall = statistics.median(walls[name])
        print(
            f"{name:<30}{wall:>8.0f}{statistics.median(cpus[name]):>8.0f}"
            f"{min(walls[name]):>10.0f}{wall / yardstick:>16.2f}"
        )


if __name__ == "__main__":
    main()
