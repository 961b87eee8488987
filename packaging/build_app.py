"""Build the one-folder Linux app with PyInstaller, then smoke-test the built binary."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "archivist.spec"
DIST = ROOT / "dist"
BUILD = ROOT / "build"
APP = DIST / "archivist"
BINARY = APP / "archivist"
SAMPLES = APP / "_internal" / "archivist" / "resources" / "samples"
PARALLEL_FILES = 70
"""More than the importer's threshold (64) for extracting in worker processes."""
TIMEOUT = 300


class SmokeError(Exception):
    """A smoke-test step found the built app wrong."""


@dataclass(frozen=True, slots=True)
class Run:
    """What one run of the built binary did."""

    status: int
    stdout: str
    stderr: str


def run_app(args: Sequence[str], *, env: dict[str, str] | None = None) -> Run:
    """Run the built binary with ``args``; never the source tree's Python."""
    done = subprocess.run(
        [str(BINARY), *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env={**os.environ, **(env or {})},
        cwd=tempfile.gettempdir(),
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def expect_success(run: Run, what: str) -> None:
    """Fail the step unless the run exited 0."""
    if run.status != 0:
        last = run.stderr.strip().splitlines()[-1:] or ["(no message)"]
        raise SmokeError(f"{what} exited {run.status}: {last[0]}")


def source_version() -> str:
    """The version the source tree declares (the built binary must report the same)."""
    text = (ROOT / "src" / "archivist" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'__version__ = "([^"]+)"', text)
    if not found:
        raise SmokeError("no __version__ in src/archivist/__init__.py")
    return found.group(1)


def build() -> str:
    """Run PyInstaller on the spec into build/ and dist/."""
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level=WARN",
            f"--distpath={DIST}",
            f"--workpath={BUILD}",
            str(SPEC),
        ],
        cwd=ROOT,
        check=False,
    )
    if done.returncode != 0:
        raise SmokeError(f"PyInstaller exited {done.returncode}")
    if not BINARY.is_file():
        raise SmokeError(f"PyInstaller did not produce {BINARY}")
    return f"{BINARY.relative_to(ROOT)} in {time.perf_counter() - started:.0f} s"


def check_version() -> str:
    """``--version`` prints the source tree's version."""
    run = run_app(["--version"])
    expect_success(run, "--version")
    expected = f"archivist {source_version()}"
    if run.stdout.strip() != expected:
        raise SmokeError(f"--version printed {run.stdout.strip()!r}, expected {expected!r}")
    return run.stdout.strip()


def check_help() -> str:
    """``--help`` lists the commands (every command module was bundled)."""
    run = run_app(["--help"])
    expect_success(run, "--help")
    missing = [c for c in ("import", "list", "export", "dossier", "gui") if c not in run.stdout]
    if missing:
        raise SmokeError(f"--help does not list {', '.join(missing)}")
    return f"{len(run.stdout.splitlines())} lines"


def import_json(archive: Path, paths: Sequence[Path]) -> list[dict[str, object]]:
    """Import ``paths`` with ``import --json`` and return the per-file results."""
    run = run_app(["--archive", str(archive), "import", "--json", *map(str, paths)])
    expect_success(run, "import")
    results: list[dict[str, object]] = json.loads(run.stdout)
    failed = [r for r in results if r["status"] != "imported"]
    if failed:
        raise SmokeError(f"not imported: {failed[0]['path']}: {failed[0]['error']}")
    return results


def check_import_samples(archive: Path) -> str:
    """The bundled sample articles import headlessly into a fresh archive."""
    samples = sorted(SAMPLES.iterdir()) if SAMPLES.is_dir() else []
    if not samples:
        raise SmokeError(f"no bundled samples in {SAMPLES}")
    results = import_json(archive, samples)
    return f"{len(results)} bundled samples"


def write_articles(folder: Path, count: int) -> list[Path]:
    """Distinct short plain-text articles (distinct bytes, so none is a duplicate)."""
    paths = []
    for n in range(1, count + 1):
        path = folder / f"harbour-note-{n:03d}.txt"
        path.write_text(
            f"Harbour Note {n}\n\n"
            f"The tide table for berth {n} was copied by hand each morning. [1]\n\n"
            f"Clerks kept the ledger for {n} seasons before it went to the archive.\n\n"
            f"[1] Port Office, Tide Tables, Harbour Press, 19{n % 90 + 10:02d}.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def check_parallel_import(archive: Path, folder: Path) -> str:
    """A batch big enough for worker processes imports (the frozen app can spawn workers)."""
    results = import_json(archive, write_articles(folder, PARALLEL_FILES))
    return f"{len(results)} generated articles"


def check_list(archive: Path) -> str:
    """``list --json`` shows every imported article, the Persian sample among them."""
    run = run_app(["--archive", str(archive), "list", "--json"])
    expect_success(run, "list")
    rows = json.loads(run.stdout)
    expected = len(list(SAMPLES.iterdir())) + PARALLEL_FILES
    if len(rows) != expected:
        raise SmokeError(f"list shows {len(rows)} articles, expected {expected}")
    return f"{len(rows)} articles"


def persian_article(archive: Path) -> int:
    """The id of the imported Persian sample (its PDF needs the Arabic-script font)."""
    rows = json.loads(run_app(["--archive", str(archive), "list", "--json"]).stdout)
    for row in rows:
        if re.search("[\u0600-\u06ff]", row["title"]):
            return int(row["id"])
    raise SmokeError("the Persian sample is not in the archive")


def pdf_fonts(pdf: Path) -> dict[str, bool]:
    """Font name (subset prefix removed) -> whether the PDF embeds it."""
    from pypdf import PdfReader

    fonts: dict[str, bool] = {}
    for page in PdfReader(pdf).pages:
        resources = page.get("/Resources")
        font_dict = resources.get_object().get("/Font") if resources else None
        for ref in font_dict.get_object().values() if font_dict is not None else ():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            fonts[str(font["/BaseFont"]).lstrip("/").split("+")[-1]] = embedded
    return fonts


def check_export(archive: Path, out: Path) -> str:
    """``export`` writes a PDF whose Latin and Arabic-script fonts are embedded."""
    article = persian_article(archive)
    run = run_app(["--archive", str(archive), "export", str(article), "-o", str(out)])
    expect_success(run, "export")
    if not out.is_file() or not out.read_bytes().startswith(b"%PDF"):
        raise SmokeError(f"export did not write a PDF at {out}")
    fonts = pdf_fonts(out)
    not_embedded = sorted(name for name, embedded in fonts.items() if not embedded)
    if not_embedded:
        raise SmokeError(f"fonts not embedded: {', '.join(not_embedded)}")
    for family in ("Noto", "Amiri"):
        if not any(name.startswith(family) for name in fonts):
            raise SmokeError(f"no {family} font in the PDF (fonts: {', '.join(sorted(fonts))})")
    return f"article {article}, {out.stat().st_size // 1024} KB, fonts {', '.join(sorted(fonts))}"


def check_gui(archive: Path, png: Path) -> str:
    """The desktop app starts on the offscreen platform and renders its window."""
    run = run_app(
        ["--archive", str(archive), "gui", "--screenshot", str(png)],
        env={"QT_QPA_PLATFORM": "offscreen"},
    )
    expect_success(run, "gui --screenshot")
    if not png.is_file() or not png.read_bytes().startswith(b"\x89PNG"):
        raise SmokeError("gui --screenshot wrote no PNG")
    return f"{png.stat().st_size // 1024} KB window screenshot"


def folder_size(folder: Path) -> int:
    """Bytes of all files under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def main(argv: Sequence[str] | None = None) -> int:
    """Build (unless --no-build), run each smoke step, print one line per step."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--no-build", action="store_true", help="smoke-test the existing dist/archivist only"
    )
    args = parser.parse_args(argv)
    failures = 0

    def step(name: str, check: Callable[[], str]) -> bool:
        nonlocal failures
        try:
            detail = check()
        except (SmokeError, subprocess.TimeoutExpired, OSError, ValueError) as exc:
            print(f"FAIL  {name}: {exc}", flush=True)
            failures += 1
            return False
        print(f"ok    {name}: {detail}", flush=True)
        return True

    if not args.no_build and not step("build", build):
        return 1
    if not BINARY.is_file():
        print(f"FAIL  no built app at {BINARY}; run without --no-build")
        return 1
    with tempfile.TemporaryDirectory(prefix="archivist-smoke-") as tmp:
        work = Path(tmp)
        archive = work / "archive.sqlite3"
        (work / "batch").mkdir()
        step("--version", check_version)
        step("--help", check_help)
        if step("import samples", lambda: check_import_samples(archive)):
            step("import batch", lambda: check_parallel_import(archive, work / "batch"))
            step("list --json", lambda: check_list(archive))
            step("export PDF", lambda: check_export(archive, work / "dossier.pdf"))
            step("gui offscreen", lambda: check_gui(archive, work / "window.png"))
    print(f"bundle size: {folder_size(APP) / 1e6:.0f} MB in {APP.relative_to(ROOT)}")
    print("all smoke steps passed" if not failures else f"{failures} smoke step(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
