"""The ``gui`` command: open the desktop app (Qt is imported only when it runs)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

APPEARANCES = ("system", "light", "dark")


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``gui`` command."""
    p = subparsers.add_parser("gui", parents=[common], help="open the desktop app")
    p.add_argument(
        "--screenshot",
        metavar="PATH",
        help="render the main window to a PNG once loaded, then exit",
    )
    p.add_argument("--open", type=int, metavar="ID", help="open this article")
    p.add_argument(
        "--appearance", choices=APPEARANCES, help="light or dark palette (default: as set)"
    )
    p.set_defaults(handler=cmd_gui)


def cmd_gui(ctx: Any) -> int:
    """Run the desktop app on the archive until its window closes."""
    from archivist.gui.app import run

    screenshot = ctx.args.screenshot if hasattr(ctx.args, "screenshot") else None
    return run(
        ctx.archive_path,
        screenshot=Path(screenshot) if screenshot else None,
        appearance=getattr(ctx.args, "appearance", None),
        article=getattr(ctx.args, "open", None),
    )
