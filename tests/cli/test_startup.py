"""Commands load only what they use: checked through sys.modules in a fresh interpreter."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from archivist.archive import Archive
from factories import make_extraction
from factories import run_cli as run_cli_in_process

SRC = str(Path(__file__).resolve().parents[2] / "src")
HEAVY = (
    "reportlab",
    "lxml",
    "PySide6",
    "charset_normalizer",
    "rapidfuzz",
    "pycrfsuite",
    "sqlite_utils",
)


def loaded_after(code: str) -> set[str]:
    """Top-level packages from HEAVY that a fresh interpreter has loaded after running code."""
    probe = (
        "import sys, json\n"
        f"{code}\n"
        f"print(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r})),"
        " file=sys.__stderr__)"
    )
    env = {**os.environ, "PYTHONPATH": SRC, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, check=False
    )
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


def run_cli(*args: str) -> str:
    return (
        "import io, contextlib\n"
        "from archivist.cli import main\n"
        "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main({list(args)!r})"
    )


def test_importing_the_cli_loads_no_heavy_library() -> None:
    assert loaded_after("import archivist.cli") == set()


def test_version_loads_no_heavy_library() -> None:
    assert loaded_after(run_cli("--version")) == set()


@pytest.fixture
def small_archive(tmp_path: Path) -> str:
    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as arc:
        arc.articles.add(make_extraction(), b"ports")
    return str(path)


@pytest.mark.parametrize(
    "command", [["list", "--json"], ["search", "harbour", "--json"], ["show", "1", "--json"]]
)
def test_reading_commands_load_neither_reportlab_nor_qt(
    small_archive: str, command: list[str]
) -> None:
    loaded = loaded_after(run_cli("--archive", small_archive, *command))
    assert not loaded & {"reportlab", "PySide6", "lxml", "charset_normalizer"}
    # Nor sqlite-utils: reading an up-to-date archive runs plain SQL (archive/connection.py).
    assert "sqlite_utils" not in loaded


def test_the_probe_sees_a_heavy_import() -> None:
    # The check above could pass vacuously if the probe never saw anything.
    assert "reportlab" in loaded_after("import archivist.export.pdf")


def test_the_quick_version_prints_what_argparse_prints(capsys: pytest.CaptureFixture[str]) -> None:
    from archivist.cli import main

    status, quick, _ = run_cli_in_process("--version")
    with pytest.raises(SystemExit):
        main(["--json", "--version"])  # not the quick path: argparse answers
    assert status == 0 and quick == capsys.readouterr().out
