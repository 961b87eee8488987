"""cite: show and correct a note's citation or the article's own item from the command line."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfReader

from factories import run_cli


def cite(arc: str, *argv: str) -> tuple[int, dict[str, object], str]:
    status, out, err = run_cli("--archive", arc, "cite", "1", *argv, "--json")
    return status, json.loads(out) if out else {}, err


def test_cite_shows_a_notes_item_as_extracted(arc: str) -> None:
    status, shown, _ = cite(arc, "--footnote", "1")
    assert status == 0 and shown["edited"] is False and shown["edit"] is None
    assert shown["text"] == "Varnholm Harbour Board, Annual Report, 1871."
    assert shown["csl"] == shown["extracted"]["csl"]  # type: ignore[index]


def test_an_edit_survives_reextract_and_reaches_the_bibliography(arc: str, tmp_path: Path) -> None:
    status, _, err = cite(
        arc, "--footnote", "1", "--type", "book", "--author", "Marren, Ilse",
        "--set", "title=The Ledgers of Varnholm", "--set", "publisher=Calder Press",
    )  # fmt: skip
    assert status == 0, err
    conn = sqlite3.connect(arc)  # an older importer's output, so reextract really runs
    conn.execute("UPDATE articles SET importer_version = 0, title = 'Old' WHERE id = 1")
    conn.commit()
    conn.close()
    status, out, _ = run_cli("--archive", arc, "reextract", "--all", "--json")
    (result,) = json.loads(out)
    assert status == 0 and result["status"] == "changed" and result["lost_citation_edits"] == []
    status, out, _ = run_cli("--archive", arc, "show", "1", "--json")
    first = json.loads(out)["footnotes"][0]
    assert first["edited"] is True and first["csl"]["publisher"] == "Calder Press"
    bib = tmp_path / "bib.md"
    status, _, err = run_cli(
        "--archive", arc, "export", "1", "-o", str(bib), "--format", "markdown"
    )
    assert status == 0, err
    assert "Marren, Ilse. *The Ledgers of Varnholm*. Calder Press" in bib.read_text()
    status, out, _ = run_cli("--archive", arc, "export", "1", "-o", str(tmp_path / "b.bib"),
                             "--format", "bibtex")  # fmt: skip
    assert "Calder Press" in (tmp_path / "b.bib").read_text()


def test_reset_goes_back_to_extracted(arc: str) -> None:
    cite(arc, "--footnote", "1", "--set", "title=Wrong")
    status, shown, _ = cite(arc, "--footnote", "1", "--reset")
    assert status == 0 and shown["edited"] is False
    assert shown["csl"]["title"] == "Annual Report"  # type: ignore[index]


def test_kind_and_back_reference(arc: str) -> None:
    status, shown, _ = cite(arc, "--footnote", "2", "--kind", "comment", "--refers-to", "none")
    assert status == 0
    assert shown["edit"]["kind"] == "note" and shown["edit"]["refers_to"] is None  # type: ignore[index]


def test_the_articles_own_item_changes_its_title(arc: str) -> None:
    status, shown, _ = cite(arc, "--set", "title=The Harbour at Varnholm, 1871-1900",
                            "--set", "issued=1901")  # fmt: skip
    assert status == 0 and shown["footnote"] is None
    status, out, _ = run_cli("--archive", arc, "show", "1", "--json")
    doc = json.loads(out)
    assert doc["title"] == "The Harbour at Varnholm, 1871-1900" and doc["published"] == "1901"
    assert doc["edited"] is True
    status, shown, _ = cite(arc, "--reset")
    assert status == 0 and shown["edited"] is False and shown["footnote"] is None
    assert json.loads(run_cli("--archive", arc, "show", "1", "--json")[1])["published"] is None


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--set", "issued=2012-13-45"], "13 is not a month"),
        (["--footnote", "9", "--set", "title=x"], "no footnote '9'"),
        (["--set", "colour=red"], "not a CSL variable"),
        (["--set", "title"], "write FIELD=VALUE"),
        (["--set", "title=" + "x" * 10_000], "at most"),
        (["--footnote", "1", "--refers-to", "7"], "no footnote '7'"),
        (["--type", "novel"], "not a CSL item type"),
        (["--footnote", "1", "--reset", "--set", "page=3"], "--reset takes no other change"),
    ],
)
def test_bad_input_is_a_usage_error_and_writes_nothing(
    arc: str, argv: list[str], message: str
) -> None:
    status, out, err = run_cli("--archive", arc, "cite", "1", *argv)
    assert status == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    _, shown, _ = cite(arc, *(["--footnote", "1"] if "--footnote" in argv else []))
    assert shown["edited"] is False


def test_odd_values_are_stored_with_a_warning(arc: str) -> None:
    status, shown, err = cite(arc, "--footnote", "1", "--set", "page=12–", "--set", "issued=Spring")
    assert status == 0 and shown["edited"] is True
    assert "open range" in err and "kept as written" in err
    assert shown["csl"]["issued"] == {"literal": "Spring"}  # type: ignore[index]


def test_a_lost_edit_is_reported_by_reextract_and_check(arc: str) -> None:
    cite(arc, "--footnote", "1", "--set", "title=Corrected")
    conn = sqlite3.connect(arc)  # as if the edit had been made on a note the source lacks
    conn.execute("UPDATE citation_edits SET label = '7', note_text = 'A note now gone.'")
    conn.execute("UPDATE articles SET importer_version = 0 WHERE id = 1")
    conn.commit()
    conn.close()
    status, _, err = run_cli("--archive", arc, "reextract", "1")
    assert status == 0 and "7" in err and "match no note" in err
    status, _, err = run_cli("--archive", arc, "check")
    assert status == 1 and "citation: article 1" in err
    status, shown, _ = cite(arc)
    assert [e["label"] for e in shown["lost_edits"]] == ["7"]  # type: ignore[union-attr]
    status, shown, _ = cite(arc, "--footnote", "7", "--reset")
    assert status == 0 and shown["dropped"]["csl"]["title"] == "Corrected"  # type: ignore[index]
    assert run_cli("--archive", arc, "check")[0] == 0


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        ("csl-json", '"publisher": "Calder Press"'),
        ("ris", "PB  - Calder Press"),
        ("bibtex", "publisher = {Calder Press}"),
        ("pdf", "The Ledgers of Varnholm"),
    ],
)
def test_every_export_uses_the_corrected_item(
    arc: str, tmp_path: Path, fmt: str, expected: str
) -> None:
    cite(arc, "--footnote", "1", "--type", "book", "--set", "title=The Ledgers of Varnholm",
         "--set", "publisher=Calder Press")  # fmt: skip
    out = tmp_path / f"out.{fmt}"
    status, _, err = run_cli("--archive", arc, "export", "1", "-o", str(out), "--format", fmt)
    assert status == 0, err
    if fmt == "pdf":
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(out).pages).split())
        text = text.rsplit("Bibliography", 1)[1]  # the notes print as the source wrote them
    else:
        text = out.read_text(encoding="utf-8")
    assert expected in text and "Annual Report" not in text


def test_a_correction_back_to_the_extracted_item_is_no_correction(arc: str) -> None:
    cite(arc, "--footnote", "1", "--set", "title=Wrong")
    status, shown, _ = cite(arc, "--footnote", "1", "--set", "title=Annual Report")
    assert status == 0 and shown["edited"] is False


def test_a_commentary_notes_item_is_kept_with_a_warning(arc: str) -> None:
    cite(arc, "--footnote", "1", "--kind", "note")
    status, shown, err = cite(arc, "--footnote", "1", "--set", "title=Annual Report, 1872")
    assert status == 0 and "stays out of the bibliography" in err
    assert shown["edit"]["kind"] == "note"  # type: ignore[index]
    assert cite(arc, "--kind", "note")[0] == 2  # the article itself has no kind
