"""End to end: create, reorder and export dossiers, and the quick export, from the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from factories import run_cli

run = run_cli


def test_quick_export_writes_a_pdf(arc: str, tmp_path: Path) -> None:
    out = tmp_path / "d.pdf"
    status, _, err = run("--archive", arc, "export", "1", "-o", str(out), "--title", "Pack")
    assert status == 0, err
    assert PdfReader(out).metadata.title == "Pack"


@pytest.mark.parametrize(("suffix", "needle"), [(".bib", "@"), (".ris", "TY  - "), (".md", "# ")])
def test_export_format_follows_the_suffix(
    arc: str, tmp_path: Path, suffix: str, needle: str
) -> None:
    out = tmp_path / f"d{suffix}"
    status, _, err = run("--archive", arc, "export", "1", "-o", str(out))
    assert status == 0, err
    assert needle in out.read_text(encoding="utf-8")


def test_dossier_new_add_move_show_and_export(arc: str, tmp_path: Path) -> None:
    status, out, err = run("--archive", arc, "dossier", "new", "Harbour", "1", "--json")
    assert status == 0, err
    dossier = json.loads(out)
    assert dossier["articles"] == [1]
    status, out, _ = run("--archive", arc, "dossier", "list", "--json")
    assert [d["title"] for d in json.loads(out)] == ["Harbour"]
    pdf = tmp_path / "h.pdf"
    status, _, err = run(
        "--archive", arc, "dossier", "export", str(dossier["id"]), "-o", str(pdf), "--style", "apa"
    )
    assert status == 0, err
    assert "Bibliography" in "".join(p.extract_text() for p in PdfReader(pdf).pages)


def test_unknown_style_fails_in_one_line(arc: str, tmp_path: Path) -> None:
    status, _, err = run(
        "--archive", arc, "export", "1", "-o", str(tmp_path / "x.pdf"), "--style", "nope"
    )
    assert status == 1
    assert err.startswith("archivist: unknown citation style 'nope'")


def test_unknown_dossier_fails(arc: str) -> None:
    status, _, err = run("--archive", arc, "dossier", "show", "42")
    assert status == 1
    assert "no dossier 42" in err


def test_notes_in_the_style_from_the_command_line(arc: str, tmp_path: Path) -> None:
    out = tmp_path / "d.md"
    status, _, err = run("--archive", arc, "export", "1", "-o", str(out), "--notes", "style")
    assert status == 0, err
    status, made, err = run(
        "--archive", arc, "dossier", "new", "Notes", "1", "--notes", "style", "--json"
    )
    assert status == 0, err
    assert json.loads(made)["options"]["notes_in_style"] is True
