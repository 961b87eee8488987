"""Regenerate the user guide's screenshots with the app itself (offscreen, sample articles)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PIL import Image

IMAGES = Path(__file__).resolve().parent
ROOT = IMAGES.parents[1]
SAMPLES = ROOT / "src" / "archivist" / "resources" / "samples"
SIZE = "1200x760"
MAX_BYTES = 200_000

SETUP = (
    ("import", str(SAMPLES)),
    ("highlight", "4", "--quote", "Salt was money as much as food", "--color", "yellow",
     "--note", "Rents paid in salt: compare the Saltcote tithe map."),
    ("highlight", "4", "--quote", "whole tree trunks side by side", "--color", "green"),
    ("highlight", "4", "--quote", "Rock salt mined further north arrived by canal in the 1790s",
     "--color", "orange", "--note", "The turning point: find the canal company's records."),
    ("note", "4", "--footnote", "3", "--text", "Ask the county archive for a scan of BP/3/2."),
    ("tag", "4", "marsh", "salt-trade"),
    ("tag", "3", "crafts"),
    ("dossier", "new", "Marsh industries", "4", "3", "2", "--compiler", "A. Researcher"),
)  # fmt: skip
"""The guide's example: the samples, three highlights, a footnote note, tags, a dossier."""

SHOTS = {
    "library.png": ("--open", "4", "--tab", "library"),
    "reader.png": ("--open", "4", "--show-highlight", "1"),
    "notes.png": ("--open", "4", "--show-footnote", "3"),
    "dossier.png": ("--open", "4", "--show-dossier", "1"),
}
"""Image name -> what the window shows."""


def archivist(env: dict[str, str], archive: Path, args: Sequence[str]) -> None:
    """Run one archivist command on the guide's archive; stop on failure."""
    subprocess.run(
        [sys.executable, "-m", "archivist", "--archive", str(archive), *args],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def shrink(png: Path) -> int:
    """Re-save as a 256-colour optimised PNG (UI screenshots lose nothing visible)."""
    with Image.open(png) as image:
        small = image.convert("RGB").quantize(colors=256, dither=Image.Dither.NONE)
    small.save(png, optimize=True)
    return png.stat().st_size


def main() -> int:
    """Build the example archive in a temporary folder and take each screenshot."""
    with tempfile.TemporaryDirectory(prefix="archivist-guide-") as tmp:
        home = Path(tmp)
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "QT_QPA_PLATFORM": "offscreen",
            # Window state and preferences go to this folder, never the user's.
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
        }
        archive = home / "archive.sqlite3"
        for args in SETUP:
            archivist(env, archive, args)
        too_big = 0
        for name, shown in SHOTS.items():
            png = IMAGES / name
            archivist(
                env,
                archive,
                ("gui", "--appearance", "light", "--size", SIZE, *shown, "--screenshot", str(png)),
            )
            size = shrink(png)
            too_big += size > MAX_BYTES
            print(f"{name}: {size // 1024} KB")
    return 1 if too_big else 0


if __name__ == "__main__":
    sys.exit(main())
