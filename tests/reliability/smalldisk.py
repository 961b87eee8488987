"""A small tmpfs to fill up: real ENOSPC, as a full disk gives it (root only; else skipped)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def can_mount() -> bool:
    """Whether this process may mount a tmpfs (root on Linux)."""
    return os.name == "posix" and os.geteuid() == 0 and Path("/proc/filesystems").exists()


@contextmanager
def small_disk(folder: Path, size_kib: int) -> Iterator[Path | None]:
    """A tmpfs of ``size_kib`` mounted at ``folder``; None when it cannot be mounted."""
    folder.mkdir(parents=True, exist_ok=True)
    if not can_mount():
        yield None
        return
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size_kib}k,mode=0777", "tmpfs", str(folder)],
        capture_output=True,
        timeout=30,
        check=False,
    )
    if mounted.returncode != 0:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, timeout=30, check=False)
