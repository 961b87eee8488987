"""Every library a packaged build bundles is named, with its licence, in THIRD-PARTY-NOTICES.md."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
NOTICES = REPO / "THIRD-PARTY-NOTICES.md"
_NAME = re.compile(r"[A-Za-z0-9._-]+")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def runtime_closure() -> set[str]:
    """The runtime dependencies in pyproject.toml and theirs, as installed here."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pending = [m.group() for r in project["dependencies"] if (m := _NAME.match(r))]
    found: set[str] = set()
    while pending:
        name = canonical(pending.pop())
        if name in found:
            continue
        try:
            requires = importlib.metadata.requires(name) or []
        except importlib.metadata.PackageNotFoundError:
            continue  # not installed for this platform or Python: nothing bundled here either
        found.add(name)
        pending += [m.group() for r in requires if "extra ==" not in r if (m := _NAME.match(r))]
    return found


def listed() -> dict[str, str]:
    """Package name → licence, from the bundled-packages table of the notices."""
    rows: dict[str, str] = {}
    for line in NOTICES.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 2 or cells[0] in ("package", "") or set(cells[0]) <= set("-"):
            continue
        for name in _NAME.findall(cells[0].split("(")[0].replace(",", " ")):
            rows[canonical(name)] = cells[1]
    return rows


def test_every_bundled_package_is_listed_with_a_licence() -> None:
    closure = runtime_closure()
    rows = listed()

    assert "pyside6-essentials" in closure, "the runtime closure was not read"
    assert sorted(closure - rows.keys()) == []
    assert all(rows[name] for name in closure)


def test_the_project_licence_is_the_one_the_readme_and_pyproject_name() -> None:
    licence = (REPO / "LICENSE").read_text(encoding="utf-8")
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    assert "Apache License" in licence and "Version 2.0, January 2004" in licence
    assert project["license"] == "Apache-2.0"
    assert "Apache License 2.0" in (REPO / "README.md").read_text(encoding="utf-8")
