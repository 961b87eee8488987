"""A writer killed with SIGKILL at random moments loses nothing it acknowledged."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from harness import kill_trial, spawn, verify_articles

from archivist.archive import Archive

pytestmark = pytest.mark.skipif(not hasattr(__import__("signal"), "SIGKILL"), reason="POSIX only")


def test_killed_writer_leaves_every_acknowledged_article_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    Archive.open(str(path)).close()
    rng = random.Random(20261126)
    for trial in range(4):
        verdict = kill_trial(path, rng, f"t{trial}")
        assert verdict.integrity == "ok"
        assert verdict.lost == 0
        assert verdict.half_imported == 0
    with Archive.open(str(path)) as archive:
        assert archive.check().ok


def test_two_writers_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    Archive.open(str(path)).close()
    procs = [spawn("articles", str(path), tag, "60") for tag in ("left", "right")]
    outputs = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outputs]
    acks = [line for out, _ in outputs for line in out.splitlines() if line.startswith("ack ")]
    verdict = verify_articles(path, acks)
    assert (verdict.acknowledged, verdict.committed, verdict.lost) == (120, 120, 0)
    assert "locked" not in "".join(err for _, err in outputs)
