"""The core never imports Qt; the GUI and the CLI never write SQL."""

from __future__ import annotations

import pkgutil
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest

import archivist

SRC = Path(archivist.__file__).parent
CORE_PACKAGES = (
    "model",
    "errors",
    "config",
    "document",
    "importer",
    "ingest",
    "archive",
    "annotate",
    "export",
)


def core_modules() -> list[str]:
    names = []
    for info in pkgutil.walk_packages([str(SRC)], prefix="archivist."):
        top = info.name.split(".")[1]
        if top in CORE_PACKAGES:
            names.append(info.name)
    return names


def test_importing_every_core_module_never_loads_pyside6() -> None:
    modules = core_modules()
    assert "archivist.archive" in modules and "archivist.ingest" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_cli_help_never_loads_pyside6() -> None:
    code = (
        "import sys\nfrom archivist.cli import build_parser\nbuild_parser()\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


SQL = re.compile(
    r"\b(INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+TABLE|\.execute\()", re.I
)


def test_gui_and_cli_write_no_sql() -> None:
    offenders = [
        str(path.relative_to(SRC))
        for folder in ("gui", "cli")
        for path in (SRC / folder).rglob("*.py")
        if SQL.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_tests_run_with_the_network_cut(no_network: list[str]) -> None:
    with pytest.raises(AssertionError, match="network access attempted"):
        socket.create_connection(("192.0.2.1", 80), timeout=0.1)
    assert no_network
