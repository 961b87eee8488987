"""What a command handler gets: its arguments, the open archive, and output helpers."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO, TypeVar

from archivist.errors import ArchivistError

if TYPE_CHECKING:
    from archivist.archive import Archive
    from archivist.model import Progress

T = TypeVar("T")

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]
    """What each command module's ``register`` adds its commands to."""


class CommandError(ArchivistError):
    """A command-level failure reported as one line and exit status 1."""


class Context:
    """What a command handler gets: its arguments, the archive, and output helpers."""

    def __init__(self, args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> None:
        self.args = args
        self.json: bool = bool(getattr(args, "json", False))
        self.stdout = stdout
        self.stderr = stderr
        self._archive: Archive | None = None

    @property
    def archive_path(self) -> Path:
        """The archive this invocation works on."""
        if self.args.archive:
            return Path(self.args.archive)
        from archivist.config import default_archive_path  # platformdirs, only when needed

        return default_archive_path()

    def archive(self) -> Archive:
        """The open archive (opened on first use, closed when the command ends)."""
        if self._archive is None:
            from archivist.archive import Archive

            self._check_named_archive()
            self._archive = Archive.open(str(self.archive_path))
        return self._archive

    def _check_named_archive(self) -> None:
        """A mistyped ``--archive`` must not quietly make a new, empty archive.

        Only ``init`` and ``import`` create one there (``import`` says so); every other command
        says there is none. An empty (0-byte) file is no archive either.
        """
        if not self.args.archive:
            return
        from archivist.safefiles import shown

        path = self.archive_path
        creates = getattr(self.args, "creates_archive", False)
        where = shown(str(path))
        if path.is_file() and path.stat().st_size == 0:
            if not creates:
                self.fail(f"{where}: is an empty file, not an archive (`archivist init` makes one)")
            self.say(f"archivist: {where} is an empty file; making a new archive in it")
        if not path.exists() and not path.is_symlink():
            parent = next((p for p in path.parents if p.exists()), None)
            if parent is not None and not parent.is_dir():
                self.fail(f"{where}: {shown(str(parent))} is a file, not a folder")
            if not creates:
                self.fail(f"no archive at {where} (`archivist init --archive PATH` makes one)")
            if self.args.command != "init":
                self.say(f"archivist: no archive at {where}; making a new one")

    def close(self) -> None:
        """Close the archive if a command opened it."""
        if self._archive is not None:
            self._archive.close()
            self._archive = None

    def emit(self, obj: object) -> None:
        """Print one JSON value on stdout (one line)."""
        from archivist.safefiles import json_text

        self.stdout.write(json_text(json.dumps(obj, ensure_ascii=False)) + "\n")

    def out(self, line: str) -> None:
        """Print a line of human output on stdout."""
        self.stdout.write(line + "\n")

    def say(self, line: str) -> None:
        """Print a human message on stderr (never mixed into machine output)."""
        self.stderr.write(line + "\n")

    def stdin_is_interactive(self) -> bool:
        """True when a person can answer a question on standard input."""
        return sys.stdin is not None and sys.stdin.isatty()

    def fail(self, message: str) -> NoReturn:
        """Stop the command with a one-line error and exit status 1."""
        raise CommandError(message)

    def run_job(self, job: Generator[Progress, None, T]) -> T:
        """Drive a core generator, drawing a progress bar on stderr when it is a terminal."""
        draw = self.stderr.isatty()
        while True:
            try:
                step = next(job)
            except StopIteration as stop:
                if draw:
                    self.stderr.write("\r\033[K")
                    self.stderr.flush()
                return stop.value  # type: ignore[no-any-return]
            if draw and step.total > 1:
                self.stderr.write("\r\033[K" + progress_bar(step))
                self.stderr.flush()


def progress_bar(step: Progress, width: int = 30) -> str:
    """A one-line text progress bar: ``[#####-----] 12/40 message``."""
    filled = width * step.done // max(step.total, 1)
    message = step.message if len(step.message) <= 40 else step.message[:39] + "…"
    return f"[{'#' * filled}{'-' * (width - filled)}] {step.done}/{step.total} {message}"
