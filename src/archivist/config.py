"""Where things live: the default archive path (platformdirs, overridable by environment)."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "Archivist"
ARCHIVE_ENV = "ARCHIVIST_ARCHIVE"


def default_archive_path() -> Path:
    """``$ARCHIVIST_ARCHIVE`` if set, else ``archive.sqlite3`` in the user data folder."""
    override = os.environ.get(ARCHIVE_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_data_path(APP_NAME, appauthor=False) / "archive.sqlite3"
