"""The wheel carries the package's resources and runs from a fresh venv, not from the repository."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
RESOURCES = REPO / "src" / "archivist" / "resources"
TIMEOUT = 120
PIP = (sys.executable, "-m", "pip")
BUILD_ONLY = {".ts"}
"""Resource files the app never reads (Qt translation sources; it loads the compiled .qm)."""


def clean_env() -> dict[str, str]:
    """This environment without Python or Archivist settings (PYTHONPATH=src above all)."""
    return {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PYTHON", "ARCHIVIST_", "VIRTUAL_ENV", "PIP_"))
    }


def run(
    args: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run a command in a clean environment, failing the test with its output if it fails."""
    done = subprocess.run(
        args,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        env=env if env is not None else clean_env(),
        cwd=cwd,
    )
    assert done.returncode == 0, f"{args[:3]} exited {done.returncode}:\n{done.stderr}"
    return done


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built offline from a copy of the source (the tree itself stays untouched)."""
    pytest.importorskip("wheel", reason="building a wheel needs the wheel package (test extra)")
    work = tmp_path_factory.mktemp("wheel")
    source = work / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE", "THIRD-PARTY-NOTICES.md"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(
        REPO / "src", source / "src", ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    out = work / "dist"
    run(
        [
            *PIP,
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-qw",
            str(out),
            str(source),
        ]
    )
    (built,) = out.glob("archivist-*.whl")
    return built


@pytest.fixture(scope="module")
def fresh_venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with only the wheel installed in it (no dependencies, no index)."""
    venv = tmp_path_factory.mktemp("venv") / "fresh"
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    run(
        [
            *PIP,
            "--python",
            str(venv / "bin" / "python"),
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            str(wheel),
        ]
    )
    return venv


def dependency_env(home: Path) -> dict[str, str]:
    """Environment that sees the test venv's installed dependencies but not the repository.

    PYTHONPATH entries are not scanned for .pth files, so the test venv's editable install
    (a .pth pointing at src/) stays invisible; the fresh venv's own site-packages holds the
    wheel's copy of archivist.
    """
    paths = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    env = clean_env()
    env.update(PYTHONPATH=os.pathsep.join(paths), HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return env


def test_wheel_contains_every_resource_file(wheel: Path) -> None:
    shipped = {
        f"archivist/resources/{p.relative_to(RESOURCES).as_posix()}"
        for p in RESOURCES.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in BUILD_ONLY
    }

    names = set(zipfile.ZipFile(wheel).namelist())

    assert shipped, "no resources found in the source tree"
    assert shipped - names == set()


def test_wheel_contains_icons_and_samples(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()

    assert "archivist/resources/icons/archivist-256.png" in names
    assert any(n.startswith("archivist/resources/samples/") for n in names)
    assert "archivist/py.typed" in names


def test_wheel_declares_its_licence_and_carries_the_notices(wheel: Path) -> None:
    archive = zipfile.ZipFile(wheel)
    metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
    headers = archive.read(metadata).decode()
    licences = [n.rsplit("licenses/", 1)[1] for n in archive.namelist() if "licenses/" in n]

    assert "License-Expression: Apache-2.0" in headers.splitlines()
    assert {"LICENSE", "THIRD-PARTY-NOTICES.md", "src/archivist/resources/models/NOTICE.md"} <= set(
        licences
    )


def test_installed_archivist_comes_from_the_fresh_venv(fresh_venv: Path, tmp_path: Path) -> None:
    done = run(
        [str(fresh_venv / "bin" / "python"), "-c", "import archivist; print(archivist.__file__)"],
        env=dependency_env(tmp_path),
        cwd=tmp_path,
    )

    assert Path(done.stdout.strip()).is_relative_to(fresh_venv)


def test_installed_console_script_reports_the_version(fresh_venv: Path, tmp_path: Path) -> None:
    from archivist import __version__

    done = run(
        [str(fresh_venv / "bin" / "archivist"), "--version"],
        env=dependency_env(tmp_path),
        cwd=tmp_path,
    )

    assert done.stdout.strip() == f"archivist {__version__}"


def test_installed_console_script_imports_a_sample(fresh_venv: Path, tmp_path: Path) -> None:
    site = next((fresh_venv / "lib").glob("python3*/site-packages"))
    sample = site / "archivist" / "resources" / "samples" / "the-salt-roads-of-the-marsh.txt"
    archive = tmp_path / "archive.sqlite3"

    done = run(
        [
            str(fresh_venv / "bin" / "archivist"),
            "--archive",
            str(archive),
            "import",
            "--json",
            str(sample),
        ],
        env=dependency_env(tmp_path),
        cwd=tmp_path,
    )

    (result,) = json.loads(done.stdout)
    assert result["status"] == "imported"
    assert archive.is_file()
