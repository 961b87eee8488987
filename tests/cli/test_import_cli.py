"""End to end: import a folder of text saves, then show the article documents."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from factories import run_cli

TEXT = Path(__file__).parents[1] / "data" / "text"


run = run_cli


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, list[dict[str, object]]]:
    archive = tmp_path / "a.sqlite3"
    status, out, err = run("--archive", str(archive), "import", str(TEXT), "--json")
    assert status == 0, err
    return archive, json.loads(out)


def test_every_text_save_imports(imported: tuple[Path, list[dict[str, object]]]) -> None:
    _, results = imported
    assert len(results) == len(list(TEXT.glob("*.txt")))
    assert {r["status"] for r in results} == {"imported"}
    assert all(set(r) >= {"path", "status", "id", "error"} for r in results)


def test_importing_again_reports_duplicates(
    imported: tuple[Path, list[dict[str, object]]],
) -> None:
    archive, first = imported
    status, out, _ = run("--archive", str(archive), "import", str(TEXT), "--json")
    again = json.loads(out)
    assert status == 0 and {r["status"] for r in again} == {"duplicate"}
    assert sorted(r["id"] for r in again) == sorted(r["id"] for r in first)  # type: ignore[type-var]


def document(archive: Path, results: list[dict[str, object]], name: str) -> dict[str, object]:
    (article_id,) = [r["id"] for r in results if str(r["path"]).endswith(name)]
    status, out, _ = run("--archive", str(archive), "show", str(article_id), "--json")
    assert status == 0
    return json.loads(out)  # type: ignore[no-any-return]


def test_show_gives_the_whole_document(imported: tuple[Path, list[dict[str, object]]]) -> None:
    doc = document(*imported, "wordpress_breadcrumb.txt")
    assert doc["title"] == "The Lighthouse Keepers of Varden Point"
    assert doc["authors"] == ["Halvard Ostrem"]
    assert doc["section"] == "Maritime History"
    assert doc["published"] == "2016-03-03"
    text = str(doc["text"])
    assert text.startswith("For nearly a century")
    for furniture in ("Advertisement", "Share this", "By Halvard", "You may also like", "[1] Ilse"):
        assert furniture not in text
    notes = {f["label"]: f for f in doc["footnotes"]}  # type: ignore[attr-defined]
    assert len(notes["2"]["markers"]) == 2
    for fn in notes.values():
        assert all(text[m : m + len(fn["label"]) + 2] == f"[{fn['label']}]" for m in fn["markers"])
    assert notes["1"]["kind"] == "citation" and notes["1"]["csl"]["title"]
    assert notes["3"]["refers_to"] == "2"  # Ibid.
    assert notes["4"]["refers_to"] == "1"  # short form: Marrow, Lights of the Northern Shore, 88.
    assert notes["4"]["locator"] == "88" and "page" not in (notes["1"]["csl"] or {})


def test_persian_document_uses_ascii_labels(
    imported: tuple[Path, list[dict[str, object]]],
) -> None:
    doc = document(*imported, "persian_utf8_digits.txt")
    assert doc["language"] == "fa"
    labels = [f["label"] for f in doc["footnotes"]]  # type: ignore[attr-defined]
    assert labels == ["1", "2"] and "[1]" in str(doc["text"])
    assert doc["footnotes"][1]["refers_to"] == "1"  # type: ignore[index]


def test_a_bad_file_fails_alone(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(TEXT / "wordpress_breadcrumb.txt", folder)
    (folder / "broken.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    status, out, err = run(
        "--archive", str(tmp_path / "a.sqlite3"), "import", str(folder), "--json"
    )
    results = {Path(r["path"]).name: r for r in json.loads(out)}
    assert status == 1
    assert results["wordpress_breadcrumb.txt"]["status"] == "imported"
    assert results["broken.txt"]["status"] == "error"
    assert str(results["broken.txt"]["error"]).startswith("broken.txt: ")
    assert err.splitlines() == [
        f"archivist: no archive at {tmp_path / 'a.sqlite3'}; making a new one"
    ]


def test_show_tells_why_a_footnote_has_no_marker(tmp_path: Path) -> None:
    archive = tmp_path / "a.sqlite3"
    page = Path(__file__).parents[1] / "data" / "html" / "fn_dropped_marker.html"
    status, out, err = run("--archive", str(archive), "import", str(page), "--json")
    assert status == 0, err
    doc = document(archive, json.loads(out), "fn_dropped_marker.html")
    notes = {f["label"]: f for f in doc["footnotes"]}  # type: ignore[attr-defined]
    assert notes["3"]["markers"] == [] and notes["3"]["uncited"] == "dropped"
    assert notes["4"]["uncited"] is None and len(notes["4"]["markers"]) == 1
