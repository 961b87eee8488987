"""Shared fixtures: a fresh archive in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from archivist.archive import Archive

DATA = Path(__file__).parent / "data"


@pytest.fixture
def archive(tmp_path: Path) -> Iterator[Archive]:
    """An empty archive file, closed after the test."""
    arc = Archive.open(str(tmp_path / "archive.sqlite3"))
    yield arc
    arc.close()
