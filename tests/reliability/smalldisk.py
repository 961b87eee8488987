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


@contextmanager
def read_only(path: Path) -> Iterator[None]:
    """Make a file or folder read-only for this user, even root (a read-only bind mount)."""
    if os.name == "posix" and os.geteuid() == 0:
        subprocess.run(["mount", "--bind", str(path), str(path)], check=True, timeout=30)
        try:
            subprocess.run(["mount", "-o", "remount,ro,bind", str(path)], check=True, timeout=30)
            yield
        finally:
            subprocess.run(["umount", "-l", str(path)], check=False, timeout=30)
        return
    mode = path.stat().st_mode
    path.chmod(mode & ~0o222)
    try:
        yield
    finally:
        path.chmod(mode)
