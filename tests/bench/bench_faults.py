"""Fault benchmark: SIGKILL trials during imports and annotation writes, and two writers at once.

Run: python tests/bench/bench_faults.py [--trials 50] [--seconds 60]
Prints trials, committed items, items lost (target 0) and integrity failures (target 0).
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))

from harness import (
    kill_after,
    spawn,
    verify_annotations,
    verify_articles,
)

from archivist.archive import Archive


def import_trials(folder: Path, trials: int, rng: random.Random) -> None:
    """Kill a batch import of text files at random moments."""
    saves = folder / "saves"
    saves.mkdir()
    for i in range(400):
        n = 1 + i % 7
        body = " ".join(f"Claim {k} [{k + 1}]." for k in range(n)) + " filler" * 300
        refs = "\n".join(
            f"[{k + 1}] Ana Ruiz, Report {k} of {i}, Harbour Press, 2019." for k in range(n)
        )
        (saves / f"save{i:04d}.txt").write_text(f"Save {i} with {n} notes\n\n{body}\n\n{refs}\n")
    path = folder / "import.sqlite3"
    Archive.open(str(path)).close()
    totals = [0, 0, 0, 0]
    for _ in range(trials):
        proc = spawn("import", str(path), str(saves))
        acks = kill_after(proc, rng.uniform(0.2, 1.2))
        v = verify_articles(path, acks)
        totals[0] += 1
        totals[1] = v.committed
        totals[2] += v.lost + v.half_imported
        totals[3] += v.integrity != "ok"
    report("import (SIGKILL)", *totals)


def annotation_trials(folder: Path, trials: int, rng: random.Random) -> None:
    """Kill a burst of highlight and note writes at random moments."""
    path = folder / "annotate.sqlite3"
    Archive.open(str(path)).close()
    proc = spawn("articles", str(path), "seed", "20")
    proc.communicate()
    totals = [0, 0, 0, 0]
    acknowledged: list[str] = []
    for trial in range(trials):
        proc = spawn("annotate", str(path), f"t{trial}")
        acknowledged += kill_after(proc, rng.uniform(0.2, 1.0))
        v = verify_annotations(path, acknowledged)
        totals[0] += 1
        totals[1] = v.committed
        totals[2] += v.lost
        totals[3] += v.integrity != "ok"
    report("annotations (SIGKILL)", *totals)


def concurrent_writers(folder: Path, seconds: float) -> None:
    """Two writer processes adding articles to one archive for ``seconds``."""
    path = folder / "concurrent.sqlite3"
    Archive.open(str(path)).close()
    procs = [spawn("articles", str(path), tag, "1000000") for tag in ("left", "right")]
    time.sleep(seconds)
    acks: list[str] = []
    errors = ""
    for proc in procs:
        proc.terminate()
        out, err = proc.communicate()
        acks += [line for line in out.splitlines() if line.startswith("ack ")]
        errors += err
    v = verify_articles(path, acks)
    locked = errors.count("locked") + errors.count("busy")
    report(
        f"two writers {seconds:.0f} s",
        1,
        v.committed,
        v.lost + v.half_imported,
        v.integrity != "ok",
    )
    print(f"    'database is locked' or busy messages seen by the writers: {locked}")


def report(name: str, trials: int, committed: int, lost: int, corrupt: int) -> None:
    """One line of the results table."""
    print(f"{name:<24}{trials:>8}{committed:>11}{lost:>8}{corrupt:>11}", flush=True)


def main() -> None:
    """Run every fault scenario and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    rng = random.Random(1126)
    folder = Path(tempfile.mkdtemp())
    print(f"{'scenario':<24}{'trials':>8}{'committed':>11}{'lost':>8}{'corrupt':>11}")
    import_trials(folder, args.trials, rng)
    annotation_trials(folder, args.trials, rng)
    concurrent_writers(folder, args.seconds)


if __name__ == "__main__":
    main()
