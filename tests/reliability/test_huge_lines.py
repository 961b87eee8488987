"""Issue 19, point 12: an article that is one huge line exports (it took minutes per megabyte)."""

from __future__ import annotations

import random
from pathlib import Path

from clirun import cli
from pypdf import PdfReader

from archivist.export.pdfarticle import MAX_BLOCK_CHARS, bounded_blocks
from archivist.model import Block


def test_long_blocks_are_cut_at_spaces_into_pieces_that_cover_them() -> None:
    rng = random.Random(7)
    text = " ".join("w" * rng.randint(1, 12) for _ in range(5000))
    unbroken = "x" * (MAX_BLOCK_CHARS * 2 + 5)
    whole = text + "\n\n" + unbroken
    blocks = (
        Block("heading", 0, 5, level=1),
        Block("paragraph", 0, len(text)),
        Block("paragraph", len(text) + 2, len(whole)),
    )
    pieces = list(bounded_blocks(blocks, whole))
    assert pieces[0] == blocks[0]
    spoken = [p for p in pieces[1:] if p.end <= len(text)]
    assert "".join(whole[p.start : p.end] for p in spoken) == text
    assert all(p.end - p.start <= MAX_BLOCK_CHARS for p in pieces)
    assert all(whole[p.end - 1] == " " for p in spoken[:-1])  # cut after a space, never in a word
    rest = [p for p in pieces if p.start > len(text)]
    assert "".join(whole[p.start : p.end] for p in rest) == unbroken and len(rest) == 3


def test_an_article_of_one_long_line_exports_to_pdf(tmp_path: Path) -> None:
    rng = random.Random(3)
    words = ["harbour", "ship", "stone", "quay", "tide", "river", "ledger", "salt"]
    line = " ".join(rng.choice(words) for _ in range(60_000)) + " lastword"
    source = tmp_path / "line.txt"
    source.write_text("One line\n\n" + line + "\n")
    archive = tmp_path / "a.sqlite3"
    assert cli("--archive", archive, "import", source).returncode == 0
    done = cli("--archive", archive, "export", "1", "-o", tmp_path / "line.pdf", timeout=120)
    assert done.returncode == 0, done.stderr
    reader = PdfReader(tmp_path / "line.pdf")
    assert len(reader.pages) > 20
    assert "lastword" in reader.pages[-1].extract_text() + reader.pages[-2].extract_text()
