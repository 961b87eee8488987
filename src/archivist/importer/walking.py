"""Walking the files and folders a user named: the files a batch will import, each once."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from archivist.ingest import SUPPORTED_SUFFIXES
from archivist.ingest.formats.html import FOLDER_SUFFIXES


def collect_files(paths: Iterable[str]) -> Iterator[str]:
    """Files named directly, and supported files found in folders (never following symlinks).

    A file reached twice (two names, or a folder named twice) is yielded once.
    """
    seen: set[tuple[int, int]] = set()

    def first_time(path: str) -> bool:
        try:
            st = os.stat(path)
        except OSError:
            return True  # reported as an error when it is read
        key = (st.st_dev, st.st_ino)
        if key in seen:
            return False
        seen.add(key)
        return True

    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path, followlinks=False):
                dirs.sort()
                # A saved page's "_files" folder holds its images and scripts, not articles.
                dirs[:] = [d for d in dirs if not d.endswith(FOLDER_SUFFIXES)]
                for name in sorted(files):
                    full = os.path.join(root, name)
                    supported = os.path.splitext(name)[1].lower() in SUPPORTED_SUFFIXES
                    if supported and not os.path.islink(full) and first_time(full):
                        yield full
        elif first_time(path):
            yield path
