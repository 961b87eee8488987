"""The layers: the core never imports Qt, the GUI or the CLI; ingest and the stores stay apart;
no import cycles; the GUI and the CLI never write SQL."""

from __future__ import annotations

import ast
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


# --- the import graph, read from the code -------------------------------------------------
#
# Every import statement of every module counts, wherever it stands (module level, inside a
# function, under TYPE_CHECKING): a layer rule or a cycle hidden in a function is still one.


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Each archivist module and the archivist modules it imports."""
    files = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parents, *([node.module] if node.module else [])])
                for alias in node.names:  # `from pkg import module` imports the module
                    full = f"{base}.{alias.name}"
                    targets.add(full if full in files else base)
        graph[name] = {t for t in targets if t in files and t != name}
    return graph


def _layer(module: str) -> str:
    return module.split(".")[1] if module.count(".") else ""


def _offenders(graph: dict[str, set[str]], sources: set[str], forbidden: set[str]) -> list[str]:
    return sorted(
        f"{m} -> {t}"
        for m, targets in graph.items()
        if _layer(m) in sources
        for t in targets
        if _layer(t) in forbidden
    )


GRAPH = import_graph()
CORE = {"model", "text", "errors", "config", "document", "snippets", "importer"} | {
    "ingest",
    "archive",
    "annotate",
    "export",
}


def test_the_graph_is_read_from_the_code() -> None:
    assert "archivist.archive.articles" in GRAPH["archivist.archive"]
    assert "archivist.model" in GRAPH["archivist.ingest.references"]


def test_model_and_text_import_nothing_of_the_project() -> None:
    assert [
        f"{m} -> {sorted(GRAPH[m])}" for m in ("archivist.model", "archivist.text") if GRAPH[m]
    ] == []


def test_ingest_imports_neither_archive_export_annotate_gui_nor_cli() -> None:
    forbidden = {"archive", "export", "annotate", "gui", "cli", "importer"}
    assert _offenders(GRAPH, {"ingest"}, forbidden) == []


INGEST_ORDER = ("references", "text", "html", "metadata", "notes", "formats")
"""Ingest's subpackages, each importing only those before it (docs/architecture.md)."""


def test_ingest_subpackages_import_only_those_before_them() -> None:
    def part(module: str) -> str:
        return module.split(".")[2] if module.count(".") >= 2 else ""

    subpackages = {part(m) for m in GRAPH if m.startswith("archivist.ingest.")}
    assert subpackages == set(INGEST_ORDER)
    offenders = sorted(
        f"{m} -> {t}"
        for m, targets in GRAPH.items()
        if part(m) in INGEST_ORDER
        for t in targets
        if t.startswith("archivist.ingest")
        and part(t) != part(m)
        and (
            part(t) not in INGEST_ORDER or INGEST_ORDER.index(part(t)) > INGEST_ORDER.index(part(m))
        )
    )
    assert offenders == []


def test_archive_and_export_never_import_ingest() -> None:
    assert _offenders(GRAPH, {"archive", "export"}, {"ingest", "importer", "gui", "cli"}) == []


def test_the_core_never_imports_gui_cli_or_qt() -> None:
    assert _offenders(GRAPH, CORE, {"gui", "cli"}) == []
    qt = sorted(
        str(path.relative_to(SRC))
        for path in SRC.rglob("*.py")
        if path.relative_to(SRC).parts[0].removesuffix(".py") in CORE
        and re.search(r"^\s*(?:from|import)\s+(?:PySide6|shiboken6)\b", path.read_text(), re.M)
    )
    assert qt == []


def test_no_import_cycles() -> None:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:  # Tarjan's strongly connected components
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(GRAPH[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(GRAPH):
        if module not in index:
            visit(module)
    assert cycles == []
