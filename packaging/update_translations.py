"""Regenerate the GUI's translation sources (.ts) from src/archivist/gui/*.py, then compile (.qm).

    python packaging/update_translations.py            # update every archivist_LANG.ts, compile
    python packaging/update_translations.py --lang ar  # start (or update) another language
    python packaging/update_translations.py --check    # exit 1 if a .ts or .qm is out of date

Translations are edited in the .ts files (with pyside6-linguist, or by hand); run this script
again afterwards to compile them. Existing translations are kept; texts no longer in the code are
marked "vanished" rather than dropped, so a reworded string can reuse its old translation.
"""

from __future__ import annotations

import argparse
import filecmp
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "src" / "archivist" / "gui"
I18N = ROOT / "src" / "archivist" / "resources" / "i18n"


def tool(name: str) -> str:
    """A PySide6 tool: next to this Python (the virtualenv), else on PATH."""
    beside = Path(sys.executable).with_name(name)
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"update_translations: {name} not found (pip install pyside6-essentials)")
    return found


def sources() -> list[str]:
    """The GUI modules, relative to the root so the .ts files name them the same everywhere."""
    return [str(p.relative_to(ROOT)) for p in sorted(GUI.glob("*.py"))]


def languages(requested: Sequence[str]) -> list[str]:
    """The languages asked for, else every language that has a .ts already."""
    if requested:
        return list(requested)
    return sorted(p.stem.removeprefix("archivist_") for p in I18N.glob("archivist_*.ts"))


def update(ts: Path, lang: str) -> None:
    """Extract the GUI's strings into ``ts`` (created if missing), keeping its translations."""
    # Line numbers in the .ts would change with every edit of the GUI: leave them out.
    command = [tool("pyside6-lupdate"), *sources(), "-locations", "none"]
    command += ["-target-language", lang, "-ts", str(ts)]
    subprocess.run(command, cwd=ROOT, check=True)


def release(ts: Path, qm: Path) -> None:
    """Compile ``ts`` to ``qm`` (unfinished translations are left out: English shows instead)."""
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> set[tuple[str, str]]:
    """The (context, source) pairs a .ts holds for texts still in the code."""
    found = set()
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = translation.get("type") if translation is not None else None
            if kind not in ("vanished", "obsolete"):
                found.add((name, message.findtext("source") or ""))
    return found


def check(langs: Sequence[str]) -> int:
    """1 when a .ts lacks texts now in the code or a .qm is not compiled from its .ts."""
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        for lang in langs:
            ts = I18N / f"archivist_{lang}.ts"
            fresh = Path(tmp) / ts.name
            shutil.copyfile(ts, fresh)
            update(fresh, lang)
            missing = messages(fresh) - messages(ts)
            for context, source in sorted(missing):
                print(f"{ts.name}: not extracted yet: {context}: {source!r}")
            qm = Path(tmp) / f"archivist_{lang}.qm"
            release(ts, qm)
            stale = not ts.with_suffix(".qm").exists() or not filecmp.cmp(
                qm, ts.with_suffix(".qm"), shallow=False
            )
            if stale:
                print(f"{ts.with_suffix('.qm').name}: not compiled from the current {ts.name}")
            status |= bool(missing) or stale
    return status


def main(argv: Sequence[str] | None = None) -> int:
    """Update and compile the translations (or only check them)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", action="append", default=[], help="language code, e.g. fa")
    parser.add_argument("--check", action="store_true", help="report what is out of date")
    args = parser.parse_args(argv)
    langs = languages(args.lang)
    if not langs:
        parser.error("no archivist_*.ts yet: name a language with --lang")
    if args.check:
        return check(langs)
    I18N.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        ts = I18N / f"archivist_{lang}.ts"
        update(ts, lang)
        release(ts, ts.with_suffix(".qm"))
        print(f"{ts.relative_to(ROOT)} and {ts.with_suffix('.qm').name} updated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
