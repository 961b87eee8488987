"""A writer killed with SIGKILL at random moments loses nothing it acknowledged."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from harness import kill_after, kill_trial, spawn, verify_annotations, verify_articles

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
        assert archive.maintenance.check().ok


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


def test_killed_annotation_burst_keeps_every_acknowledged_note(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    Archive.open(str(path)).close()
    spawn("articles", str(path), "seed", "5").communicate(timeout=60)
    rng = random.Random(7)
    acknowledged: list[str] = []
    for trial in range(3):
        acknowledged += kill_after(spawn("annotate", str(path), f"t{trial}"), rng.uniform(0.5, 1.2))
        verdict = verify_annotations(path, acknowledged)
        assert verdict.integrity == "ok" and verdict.lost == 0
    assert len(acknowledged) > 0


def test_killed_batch_import_leaves_no_half_article(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    for i in range(150):
        n = 1 + i % 5
        body = " ".join(f"Claim {k} [{k + 1}]." for k in range(n))
        refs = "\n".join(f"[{k + 1}] Ana Ruiz, Report {k}, Tide Press, 2019." for k in range(n))
        (saves / f"s{i:03d}.txt").write_text(f"Save {i} with {n} notes\n\n{body}\n\n{refs}\n")
    path = tmp_path / "a.sqlite3"
    Archive.open(str(path)).close()
    rng = random.Random(11)
    for _ in range(3):
        acks = kill_after(spawn("import", str(path), str(saves)), rng.uniform(0.4, 1.0))
        verdict = verify_articles(path, acks)
        assert (verdict.integrity, verdict.lost, verdict.half_imported) == ("ok", 0, 0)
