"""Run writer processes, kill them at random moments, and verify the archive afterwards."""

from __future__ import annotations

import os
import random
import re
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

WRITER = Path(__file__).with_name("writer.py")
SRC = Path(__file__).resolve().parents[2] / "src"


def spawn(*args: str) -> subprocess.Popen[str]:
    """Start writer.py with the given arguments, stdout piped."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), str(WRITER.parent)])}
    return subprocess.Popen(
        [sys.executable, str(WRITER), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


@dataclass(frozen=True, slots=True)
class Verdict:
    """What one kill trial left behind."""

    acknowledged: int
    committed: int
    lost: int
    half_imported: int
    integrity: str


def kill_after(proc: subprocess.Popen[str], delay: float) -> list[str]:
    """SIGKILL the writer after ``delay`` seconds; return the lines it acknowledged."""
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    return [line for line in out.splitlines() if line.startswith("ack ")]


def verify_articles(path: Path, acks: list[str]) -> Verdict:
    """Check integrity, that every acknowledged article is whole, and that none is partial."""
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        rows = conn.execute(
            "SELECT a.id, a.title, (SELECT count(*) FROM footnotes f WHERE f.article_id = a.id), "
            "(SELECT count(*) FROM originals o WHERE o.source_id = a.source_id) FROM articles a"
        ).fetchall()
        orphans = conn.execute(
            "SELECT count(*) FROM sources s WHERE NOT EXISTS "
            "(SELECT 1 FROM articles a WHERE a.source_id = s.id)"
        ).fetchone()[0]
    finally:
        conn.close()
    by_id = {r[0]: r for r in rows}
    half = orphans
    for _, title, notes, originals in rows:
        expected = int(re.search(r"with (\d+) notes", title).group(1))  # type: ignore[union-attr]
        if notes != expected or originals != 1:
            half += 1
    lost = sum(1 for line in acks if int(line.split()[2]) not in by_id)
    return Verdict(len(acks), len(rows), lost, half, integrity)


def kill_trial(path: Path, rng: random.Random, tag: str) -> Verdict:
    """One trial: a writer adds articles until killed at a random moment."""
    proc = spawn("articles", str(path), tag, "100000")
    acks = kill_after(proc, rng.uniform(0.3, 1.5))
    return verify_articles(path, acks)


@dataclass(frozen=True, slots=True)
class AnnotationVerdict:
    """What annotation kill trials left behind."""

    acknowledged: int
    committed: int
    lost: int
    integrity: str


def verify_annotations(path: Path, acks: list[str]) -> AnnotationVerdict:
    """Every acknowledged highlight (with its offsets) and note (with its text) is present."""
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchone()[0]
        highlights = {
            r[0]: r[1:] for r in conn.execute('SELECT id, article_id, start, "end" FROM highlights')
        }
        notes = {r[0]: r[1:] for r in conn.execute("SELECT id, highlight_id, body FROM notes")}
    finally:
        conn.close()
    lost = 0
    for line in acks:
        parts = line.split(" ", 4)
        kind, item_id = parts[1], int(parts[2])
        if kind == "highlight":
            expected = tuple(int(x) for x in line.split()[3:6])
            lost += highlights.get(item_id) != expected
        else:
            lost += notes.get(item_id) != (int(parts[3]), parts[4])
    return AnnotationVerdict(len(acks), len(highlights) + len(notes), lost, integrity)
