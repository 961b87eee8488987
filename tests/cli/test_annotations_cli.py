"""End to end: highlight, note, tag, list, export, import, trash and the palette from the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factories import run_cli
from w3c_model import problems as w3c_problems

ARTICLE = Path(__file__).parents[1] / "data" / "annotations" / "harbour_notes.txt"
run = run_cli


def cli(arc: str, *argv: str) -> tuple[int, str, str]:
    return run("--archive", arc, *argv)


def cli_json(arc: str, *argv: str) -> object:
    status, out, err = cli(arc, *argv, "--json")
    assert status == 0, err
    return json.loads(out)


def test_highlight_with_colour_and_note_prints_json_only(arc: str) -> None:
    hl = cli_json(
        arc, "highlight", "1", "--quote", "Ships came back", "--color", "green", "--note", "When?"
    )
    assert isinstance(hl, dict)
    assert (hl["quote"], hl["color"], hl["note"], hl["article_id"]) == (
        "Ships came back",
        "green",
        "When?",
        1,
    )


def test_quote_not_found_exits_1_with_one_line_suggesting_the_closest(arc: str) -> None:
    status, out, err = cli(arc, "highlight", "1", "--quote", "ships come back")
    assert (status, out) == (1, "")
    assert err.count("\n") == 1 and 'closest match: "Ships came back"' in err


def test_note_on_a_footnote_shows_under_it_in_show_json(arc: str) -> None:
    cli_json(arc, "note", "1", "--footnote", "2", "--text", "Ledger checked in 2024.")
    doc = cli_json(arc, "show", "1")
    assert isinstance(doc, dict)
    notes = {fn["label"]: [n["text"] for n in fn["notes"]] for fn in doc["footnotes"]}
    assert notes == {"1": [], "2": ["Ledger checked in 2024."]}


def test_notes_on_a_highlight_and_on_the_article(arc: str) -> None:
    hl = cli_json(arc, "highlight", "1", "--quote", "stone quay")
    assert isinstance(hl, dict)
    cli_json(arc, "note", "1", "--highlight", str(hl["id"]), "--text", "Granite?")
    cli_json(arc, "note", "1", "--text", "A careful local history.")
    doc = cli_json(arc, "show", "1")
    assert isinstance(doc, dict)
    assert doc["highlights"][0]["note"] == "Granite?"
    assert [n["text"] for n in doc["notes"]] == ["A careful local history."]


def test_annotations_filter_by_colour_tag_and_orphans(arc: str) -> None:
    cli_json(arc, "highlight", "1", "--quote", "stone quay", "--color", "red")
    hl = cli_json(arc, "highlight", "1", "--quote", "ledger", "--occurrence", "2")
    assert isinstance(hl, dict)
    cli_json(arc, "tag", "1", "archive", "--highlight", str(hl["id"]))
    assert [h["quote"] for h in cli_json(arc, "annotations", "--color", "red")] == ["stone quay"]  # type: ignore[union-attr]
    assert [h["quote"] for h in cli_json(arc, "annotations", "--tag", "archive")] == ["ledger"]  # type: ignore[union-attr]
    assert cli_json(arc, "annotations", "--orphans") == []


def test_table_lists_highlights_for_people(arc: str) -> None:
    cli_json(arc, "highlight", "1", "--quote", "stone quay")
    status, out, _ = cli(arc, "annotations", "1")
    assert status == 0 and "“stone quay”" in out and "yellow" in out


def test_markdown_export_to_a_file(arc: str, tmp_path: Path) -> None:
    cli_json(arc, "highlight", "1", "--quote", "stone quay", "--note", "Granite?")
    out = tmp_path / "notes.md"
    status, _, _ = cli(arc, "annotations", "1", "--format", "markdown", "-o", str(out))
    text = out.read_text("utf-8")
    assert status == 0 and text.startswith("# The Harbour at Varnholm")
    assert "> stone quay\n\n*yellow — claim*\n\n- Granite?" in text


def test_w3c_export_imports_into_another_archive(arc: str, tmp_path: Path) -> None:
    cli_json(
        arc, "highlight", "1", "--quote", "stone quay", "--color", "green", "--note", "Granite?"
    )
    cli_json(arc, "note", "1", "--footnote", "1", "--text", "Report found.")
    cli_json(arc, "tag", "1", "ports")
    exported = tmp_path / "a.jsonld"
    assert cli(arc, "annotations", "--format", "w3c", "-o", str(exported))[0] == 0
    assert w3c_problems(json.loads(exported.read_text("utf-8"))) == []
    other = str(tmp_path / "b.sqlite3")
    run("--archive", other, "import", str(ARTICLE))
    report = cli_json(other, "annotations", "import", str(exported))
    assert isinstance(report, dict)
    assert (report["highlights"], report["notes"], report["tags"], report["unmatched"]) == (
        1,
        2,
        1,
        0,
    )
    doc = cli_json(other, "show", "1")
    assert isinstance(doc, dict)
    assert (doc["highlights"][0]["quote"], doc["highlights"][0]["color"]) == ("stone quay", "green")
    assert doc["footnotes"][0]["notes"][0]["text"] == "Report found." and doc["tags"] == ["ports"]


def test_importing_the_same_file_twice_adds_nothing(arc: str, tmp_path: Path) -> None:
    cli_json(arc, "highlight", "1", "--quote", "stone quay", "--note", "Granite?")
    exported = tmp_path / "a.jsonld"
    cli(arc, "annotations", "--format", "w3c", "-o", str(exported))
    report = cli_json(arc, "annotations-import", str(exported))
    assert isinstance(report, dict) and (report["highlights"], report["notes"]) == (0, 0)


def test_import_of_a_file_that_is_not_json_fails_in_one_line(arc: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonld"
    bad.write_text("{not json", "utf-8")
    status, _, err = cli(arc, "annotations", "import", str(bad))
    assert status == 1 and err.startswith(f"archivist: {bad}: not a JSON file")


def test_delete_trash_and_untrash_a_highlight(arc: str) -> None:
    hl = cli_json(arc, "highlight", "1", "--quote", "stone quay")
    assert isinstance(hl, dict)
    cli_json(arc, "delete", "highlight", str(hl["id"]))
    assert cli_json(arc, "annotations") == []
    (item,) = cli_json(arc, "trash")  # type: ignore[misc]
    assert (item["kind"], item["id"], item["label"]) == ("highlight", hl["id"], "stone quay")
    cli_json(arc, "untrash", "highlight", str(hl["id"]))
    assert len(cli_json(arc, "annotations")) == 1  # type: ignore[arg-type]


def test_emptying_the_trash(arc: str) -> None:
    cli_json(arc, "delete", "article", "1")
    assert cli_json(arc, "trash", "--empty") == {"destroyed": 1}
    assert cli_json(arc, "list") == []


def test_palette_names_a_colour_meaning(arc: str) -> None:
    palette = cli_json(arc, "palette", "green", "strong evidence")
    assert {"color": "green", "meaning": "strong evidence", "position": 1} in palette  # type: ignore[operator]


def test_tags_are_listed_and_removed(arc: str) -> None:
    cli_json(arc, "tag", "1", "ports", "history")
    assert cli_json(arc, "tags") == ["history", "ports"]
    assert cli_json(arc, "tag", "1", "ports", "--remove") == {"tags": ["history"]}


def test_annotations_import_needs_exactly_one_file(arc: str) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli(arc, "annotations", "import")
    assert exit_.value.code == 2


def test_annotations_of_an_unknown_article_exit_1(arc: str) -> None:
    status, out, err = cli(arc, "annotations", "99")
    assert (status, out) == (1, "") and "no article 99" in err
