"""CLI test fixtures: an archive holding the annotated harbour article."""

from __future__ import annotations

from pathlib import Path

import pytest

from factories import run_cli

ARTICLE = Path(__file__).parents[1] / "data" / "annotations" / "harbour_notes.txt"


@pytest.fixture
def arc(tmp_path: Path) -> str:
    """The path of an archive into which the CLI has imported the harbour article."""
    path = str(tmp_path / "a.sqlite3")
    status, _, err = run_cli("--archive", path, "import", str(ARTICLE))
    assert status == 0, err
    return path
