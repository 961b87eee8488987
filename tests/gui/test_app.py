"""Starting the app: `gui --screenshot PATH` renders the loaded window to a PNG and exits."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from archivist.cli import gui as gui_cli
from archivist.gui.appearance import apply_appearance, dark_palette

SRC = Path(__file__).resolve().parents[2] / "src"
SHOOT = (
    "import sys; from argparse import ArgumentParser; from archivist.cli import gui\n"
    "p = ArgumentParser(); p.add_argument('--archive'); s = p.add_subparsers()\n"
    "gui.register(s, ArgumentParser(add_help=False)); a = p.parse_args(sys.argv[1:])\n"
    "class Ctx: args = a; archive_path = __import__('pathlib').Path(a.archive)\n"
    "sys.exit(a.handler(Ctx()))\n"
)


def test_gui_command_parses_its_options() -> None:
    parser = argparse.ArgumentParser()
    gui_cli.register(parser.add_subparsers(), argparse.ArgumentParser(add_help=False))
    args = parser.parse_args(
        ["gui", "--screenshot", "x.png", "--open", "3", "--appearance", "dark"]
    )
    assert (args.screenshot, args.open, args.appearance) == ("x.png", 3, "dark")
    assert args.handler is gui_cli.cmd_gui


def test_screenshot_of_the_loaded_window(filled, tmp_path: Path) -> None:
    shot = tmp_path / "shot.png"
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=str(SRC),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
    )
    command = [
        sys.executable,
        "-c",
        SHOOT,
        "--archive",
        str(filled[0]),
        "gui",
        "--screenshot",
        str(shot),
        "--open",
        str(filled[1]["fa"]),
    ]
    result = subprocess.run(
        command, check=False, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert image.width() >= 800 and image.height() >= 500


def test_dark_appearance_sets_a_dark_palette(qapp) -> None:
    apply_appearance("dark")
    assert qapp.palette().window().color() == dark_palette().window().color()
    apply_appearance("light")
    assert qapp.palette().window().color().lightness() > 128
