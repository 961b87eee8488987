"""The ``archivist`` command: parse, call one core function, print; no business logic here."""

from __future__ import annotations

import argparse
import importlib
import io
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from archivist import __version__
from archivist.cli.context import CommandError, Context, progress_bar
from archivist.errors import ArchivistError

__all__ = ["CommandError", "Context", "build_parser", "main", "progress_bar"]

COMMAND_MODULES = ("articles", "maintenance", "annotations", "cite", "dossiers", "gui")
"""Modules of archivist.cli, each with ``register(subparsers, common)`` adding its commands."""

Handler = Callable[[Context], int]


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (also used to generate the CLI reference)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="print machine-readable JSON on stdout, nothing else",
    )
    common.add_argument(
        "--archive",
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the archive file (default: $ARCHIVIST_ARCHIVE or the user data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="archivist",
        description="Archive saved web articles, annotate them and their footnotes, "
        "and export dossiers.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"archivist {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"archivist.cli.{name}")
        module.register(subparsers, common)
    return parser


def main(
    argv: Sequence[str] | None = None, *, stdout: TextIO | None = None, stderr: TextIO | None = None
) -> int:
    """Run the CLI; returns the exit status (0 ok, 1 some input failed, 2 usage error)."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    for stream in (out, err):
        # A name's undecodable bytes are escaped where they are printed; this is the net under
        # that: a stray one is printed as \udcff rather than ending the command in a traceback.
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="backslashreplace")
    if list(sys.argv[1:] if argv is None else argv) == ["--version"]:
        # What argparse prints, without importing every command's module to build the parser.
        out.write(f"archivist {__version__}\n")
        return 0
    parser = build_parser()
    args = parser.parse_args(argv)
    _text_arguments_as_text(args)
    if not hasattr(args, "archive"):
        args.archive = None
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        # No command: open the desktop app on the archive, as a desktop launcher expects.
        from archivist.cli.gui import cmd_gui

        handler = cmd_gui
    ctx = Context(args, out, err)
    try:
        return handler(ctx)
    except ArchivistError as exc:
        err.write(f"archivist: {_one_line(str(exc))}\n")
        return 1
    except KeyboardInterrupt:
        err.write("archivist: interrupted\n")
        return 130
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`); not an error worth a traceback.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as exc:
        message = _archive_fault(exc, ctx)
        if message is None:
            raise
        err.write(f"archivist: {message}\n")
        return 1
    finally:
        ctx.close()


def _one_line(message: str) -> str:
    from archivist.safefiles import shown

    return shown(" ".join(message.split()))


PATH_ARGUMENTS = frozenset({"archive", "paths", "output", "file", "target", "screenshot"})
"""Arguments that name files: kept as the bytes the system gave (surrogate-escaped)."""


def _text_arguments_as_text(args: argparse.Namespace) -> None:
    """Text arguments (a query, a note, a tag) with bytes invalid in UTF-8 made U+FFFD.

    The system hands undecodable argument bytes over as lone surrogates, which SQLite and
    every UTF-8 stream refuse; file names keep them, to open the very file named.
    """
    from archivist.safefiles import storable

    for name, value in vars(args).items():
        if name in PATH_ARGUMENTS:
            continue
        if isinstance(value, str):
            setattr(args, name, storable(value))
        elif isinstance(value, list) and all(isinstance(v, str) for v in value):
            setattr(args, name, [storable(v) for v in value])


def _archive_fault(exc: Exception, ctx: Context) -> str | None:
    """One line for an SQLite fault (damage, full disk, read-only) or a file that cannot be
    written; None for anything else (a bug, which keeps its traceback)."""
    import sqlite3

    if isinstance(exc, OSError):  # a file the command wrote or read, named by the system
        name = exc.filename if isinstance(exc.filename, str) else ""
        return _one_line(f"{name + ': ' if name else ''}{exc.strerror or exc}")
    if not isinstance(exc, sqlite3.Error):
        return None
    from archivist.archive.faults import archive_fault

    fault = archive_fault(exc, ctx.archive_path)
    return None if fault is None else _one_line(str(fault))
