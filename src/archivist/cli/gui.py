"""The ``gui`` command: open the desktop app (Qt is imported only when it runs)."""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archivist.cli.context import Context, Subparsers


APPEARANCES = ("system", "light", "dark")
TABS = ("library", "dossiers")
STAGING = {
    "size": "size",
    "tab": "tab",
    "show_highlight": "highlight",
    "show_footnote": "footnote",
    "show_dossier": "dossier",
}
"""Options choosing what the window shows -> the Staging fields they set."""


def window_size(text: str) -> tuple[int, int]:
    """Parse ``WIDTHxHEIGHT`` for ``--size`` (argparse type)."""
    found = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", text)
    if not found:
        raise argparse.ArgumentTypeError(f"not a WIDTHxHEIGHT size: {text!r}")
    return int(found.group(1)), int(found.group(2))


def register(subparsers: Subparsers, common: argparse.ArgumentParser) -> None:
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
    shown = p.add_argument_group("what the window shows (for screenshots)")
    shown.add_argument("--size", type=window_size, metavar="WxH", help="window size, e.g. 1280x800")
    shown.add_argument(
        "--tab", choices=TABS, help="the view to show: library (and reader) or dossiers (builder)"
    )
    shown.add_argument(
        "--show-highlight", type=int, metavar="HID", help="scroll to this highlight and select it"
    )
    shown.add_argument(
        "--show-footnote", metavar="LABEL", help="show this footnote of the open article"
    )
    shown.add_argument("--show-dossier", type=int, metavar="DOSSIER", help="show this dossier")
    p.set_defaults(handler=cmd_gui)


def cmd_gui(ctx: Context) -> int:
    """Run the desktop app on the archive until its window closes."""
    from archivist.gui.display import check_display

    # Before any Qt import: on a bare desktop Qt's own error never names the missing library.
    hint = check_display()
    if hint is not None:
        ctx.stderr.write(hint + "\n")
        return 1
    screenshot = getattr(ctx.args, "screenshot", None)
    options: dict[str, Any] = {
        "screenshot": Path(screenshot) if screenshot else None,
        "appearance": getattr(ctx.args, "appearance", None),
        "article": getattr(ctx.args, "open", None),
    }
    staged = {name: getattr(ctx.args, name, None) for name in STAGING}
    if not any(value is not None for value in staged.values()):
        from archivist.gui.app import run

        return run(ctx.archive_path, **options)
    from archivist.gui.screenshot import Staging, run_staged

    staging = Staging(**{field: staged[name] for name, field in STAGING.items()})
    return run_staged(ctx.archive_path, staging, **options)
