"""Run the archivist CLI in a child process, with a timeout, optionally as an unprivileged user."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src"
TIMEOUT_S = 60
NOBODY = 65534


def cli(
    *args: str | bytes | os.PathLike[str], as_nobody: bool = False, timeout: float = TIMEOUT_S
) -> subprocess.CompletedProcess[bytes]:
    """``archivist ARGS`` in a child process; a hang fails the test instead of stalling it."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ARCHIVIST_ARCHIVE", None)
    drop: dict[str, object] = {}
    if as_nobody and os.geteuid() == 0:
        drop = {"user": NOBODY, "group": NOBODY, "extra_groups": []}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "archivist", *args],
        check=False,
        capture_output=True,
        timeout=timeout,
        env=env,
        **drop,
    )


def shared_folder() -> Path:
    """A fresh folder every user can enter (root's pytest tmp_path is private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="archivist-rel-"))
    folder.chmod(0o777)
    return folder


def lines(raw: bytes) -> list[str]:
    """Output lines, decoded as the CLI writes them (UTF-8)."""
    return raw.decode("utf-8").splitlines()
