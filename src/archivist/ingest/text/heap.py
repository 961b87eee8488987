"""Give memory freed after a big page back to the system (glibc keeps it otherwise)."""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from collections.abc import Callable
from functools import cache

BIG_PAGE_BYTES = 8 * 1024 * 1024
"""Pages at least this big release freed memory between steps; small ones never pay for it."""


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim: Callable[[int], int] = libc.malloc_trim
    except (OSError, AttributeError):  # not glibc (musl has no malloc_trim)
        return None
    return trim


def release_freed_memory() -> None:
    """Return the heap's free pages to the system.

    libxml2 allocates a page's tree in many small blocks; once the tree (or the part of it
    the importer dropped) is freed, glibc keeps those blocks for reuse by C code, while
    Python's own objects live in separate arenas and never reuse them. For a 100 MB page
    this held 400 MB that nothing would use again, on top of the steps that followed.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
