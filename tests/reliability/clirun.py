"""Run the archivist CLI in a child process, with a timeout, so a hang fails instead of stalling."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
TIMEOUT_S = 60


def cli(
    *args: str | bytes | os.PathLike[str], timeout: float = TIMEOUT_S
) -> subprocess.CompletedProcess[bytes]:
    """``archivist ARGS`` in a child process (arguments may be bytes, as a shell passes them)."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ARCHIVIST_ARCHIVE", None)
    return subprocess.run(
        [sys.executable, "-m", "archivist", *args],
        check=False,
        capture_output=True,
        timeout=timeout,
        env=env,
    )


def lines(raw: bytes) -> list[str]:
    """Output lines, decoded as the CLI writes them (UTF-8)."""
    return raw.decode("utf-8").splitlines()
