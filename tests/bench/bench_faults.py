"""Fault benchmark: SIGKILL trials, two writers at once, full disks and damaged pages.

Run: python tests/bench/bench_faults.py [--trials 50] [--seconds 60] [--only disk,damage]
Prints trials, committed items, items lost (target 0) and integrity failures (target 0); the
disk-full and damaged-page trials also print reported items, tracebacks and hangs (target 0).
Disk-full trials mount a small tmpfs and run only as root.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # factories, used by damage
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "reliability"))

from clirun import cli
from damage import archive_with_articles, article_ids, damage_page
from harness import (
    kill_after,
    spawn,
    verify_annotations,
    verify_articles,
)
from smalldisk import can_mount, small_disk

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


def _run(*args: str | Path) -> tuple[subprocess.CompletedProcess[bytes] | None, bool]:
    """The CLI's outcome, or None and True when it hung (killed after the timeout)."""
    try:
        return cli(*args, timeout=120), False
    except subprocess.TimeoutExpired:
        return None, True


def _count(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    finally:
        conn.close()


def disk_full_trials(folder: Path, trials: int, rng: random.Random) -> None:
    """Import batches onto a tmpfs too small for them; other commands then run on the full disk.

    committed: articles in the archive after the trial; lost: articles committed before the
    batch, or reported imported, that are missing; reported: files given a status in --json.
    """
    if not can_mount():
        print(f"{'disk full (tmpfs)':<24}  skipped: needs root to mount a small tmpfs")
        return
    saves = folder / "full-saves"
    saves.mkdir()
    for i in range(150):
        body = " ".join(f"w{i}x{k}" for k in range(rng.randint(500, 6000)))
        (saves / f"s{i:03d}.txt").write_text(f"Save {i}\n\n{body}\n")
    first = folder / "full-first"
    first.mkdir()
    for i in range(3):
        (first / f"f{i}.txt").write_text(f"First {i}\n\nA small article number {i}.\n")
    committed = lost = reported = files = tracebacks = hangs = 0
    for trial in range(trials):
        mount = folder / f"disk{trial}"
        with small_disk(mount, rng.randint(1024, 16384)) as disk:
            assert disk is not None
            archive = disk / "a.sqlite3"
            done, hung = _run("--archive", archive, "import", first)
            before = _count(archive) if archive.exists() else 0
            done, hung2 = _run("--archive", archive, "import", saves, "--json")
            hangs += hung + hung2
            said: list[dict[str, object]] = []
            if done is not None:
                tracebacks += b"Traceback" in done.stderr
                try:
                    said = json.loads(done.stdout)
                except ValueError:
                    said = []
            files += 150
            reported += len(said)
            for command in (["tag", "1", "kept"], ["list"], ["check"], ["backup"]):
                after, hung = _run("--archive", archive, *command)
                hangs += hung
                tracebacks += after is not None and b"Traceback" in after.stderr
            now = _count(archive)
            claimed = sum(1 for r in said if r.get("status") == "imported")
            committed += now
            lost += max(0, before + claimed - now)
    report_line("disk full (tmpfs)", trials, committed, lost, reported, files, tracebacks, hangs)


def damaged_page_trials(folder: Path, trials: int, rng: random.Random) -> None:
    """Damage one random page of a 60-article archive; run commands, then check --repair.

    committed: articles before the damage; lost: those neither in the repaired archive nor
    named by the repair as lost; reported: articles the repair named as lost for good.
    """
    template = archive_with_articles(folder, 60, name="template.sqlite3")
    conn = sqlite3.connect(template)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.close()
    committed = lost = reported = recovered = tracebacks = hangs = 0
    for trial in range(trials):
        path = folder / f"damaged{trial}.sqlite3"
        shutil.copy(template, path)
        before = article_ids(path)
        damage_page(path, rng.randint(2, pages))
        for command in (["list"], ["search", "harbour"], ["show", "1"], ["check"]):
            done, hung = _run("--archive", path, *command)
            hangs += hung
            tracebacks += done is not None and b"Traceback" in done.stderr
        done, hung = _run("--archive", path, "check", "--repair", "--json")
        hangs += hung
        committed += len(before)
        if done is None or b"Traceback" in done.stderr:
            tracebacks += done is not None
            lost += len(before)
            continue
        try:
            after = article_ids(path)
        except sqlite3.DatabaseError:
            after = set()
        named: set[int] = set()
        if done.stdout:
            salvage = json.loads(done.stdout).get("rebuilt") or {}
            named = set(salvage.get("lost_article_ids", []))
        elif done.returncode == 1 and done.stderr:
            named = before  # the repair said, in one line, that it could not rebuild
        got = len(after)
        recovered += min(got, len(before))
        missing = max(0, len(before) - got)
        said_lost = min(missing, len(named))
        reported += said_lost
        lost += missing - said_lost
    report_line(
        "damaged page + repair", trials, committed, lost, reported, recovered, tracebacks, hangs
    )


def report_line(
    name: str,
    trials: int,
    committed: int,
    lost: int,
    reported: int,
    of: int,
    tracebacks: int,
    hangs: int,
) -> None:
    """A results line of the disk-full and damage table."""
    print(
        f"{name:<24}{trials:>8}{committed:>11}{lost:>8}{reported:>10}/{of:<7}"
        f"{tracebacks:>11}{hangs:>7}",
        flush=True,
    )


def main() -> None:
    """Run every fault scenario and print the table."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--only", default="kill,writers,disk,damage", help="comma-separated scenario groups"
    )
    args = parser.parse_args()
    only = set(args.only.split(","))
    rng = random.Random(1126)
    folder = Path(tempfile.mkdtemp())
    if only & {"kill", "writers"}:
        print(f"{'scenario':<24}{'trials':>8}{'committed':>11}{'lost':>8}{'corrupt':>11}")
    if "kill" in only:
        import_trials(folder, args.trials, rng)
        annotation_trials(folder, args.trials, rng)
    if "writers" in only:
        concurrent_writers(folder, args.seconds)
    if only & {"disk", "damage"}:
        print(
            f"{'scenario':<24}{'trials':>8}{'committed':>11}{'lost':>8}{'reported/of':>17}"
            f"{'tracebacks':>11}{'hangs':>7}"
        )
    if "disk" in only:
        disk_full_trials(folder, max(3, args.trials // 5), rng)
    if "damage" in only:
        damaged_page_trials(folder, args.trials, rng)


if __name__ == "__main__":
    main()
