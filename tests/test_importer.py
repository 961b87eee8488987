"""Batch import: folders, duplicates before extraction, saved-page folders, worker processes."""

from __future__ import annotations

import shutil
from pathlib import Path

from archivist.archive import Archive
from factories import import_files

DATA = Path(__file__).parent / "data"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


run = import_files


def test_web_page_complete_keeps_its_images(archive: Archive, tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    shutil.copy(DATA / "html" / "fn_pandoc.html", page)
    (tmp_path / "saved_files").mkdir()
    (tmp_path / "saved_files" / "map.png").write_bytes(PNG)
    (tmp_path / "saved_files" / "tracker.js").write_text("alert(1)")
    (result,) = run(archive, [str(tmp_path)])
    assert result.status == "imported" and result.id is not None
    resource = archive.resource(result.id, "saved_files/map.png")
    assert resource is not None and resource.data == PNG and resource.mime_type == "image/png"
    assert archive.resource(result.id, "saved_files/tracker.js") is None


def test_duplicates_are_skipped_before_extraction(archive: Archive, tmp_path: Path) -> None:
    shutil.copy(DATA / "text" / "wordpress_breadcrumb.txt", tmp_path / "a.txt")
    shutil.copy(DATA / "text" / "wordpress_breadcrumb.txt", tmp_path / "copy.txt")
    results = run(archive, [str(tmp_path)])
    assert [r.status for r in results] == ["imported", "duplicate"]
    assert results[0].id == results[1].id


def test_worker_processes_give_the_same_result_as_serial(tmp_path: Path) -> None:
    folder = tmp_path / "saves"
    folder.mkdir()
    for i in range(70):
        text = (
            f"Save Number {i}\n\nA paragraph about harbour {i}. [1]\n\n[1] Ana Ruiz, Tides, 2019.\n"
        )
        (folder / f"s{i:03d}.txt").write_text(text)
    (folder / "bad.txt").write_bytes(b"\x00\x01binary")
    outcomes = []
    for workers in (0, 1):
        with Archive.open(str(tmp_path / f"w{workers}.sqlite3")) as archive:
            results = run(archive, [str(folder)], workers=workers)
            docs = [archive.article(r.id).text for r in results if r.id is not None]
            outcomes.append(([(Path(r.path).name, r.status) for r in results], docs))
    assert outcomes[0] == outcomes[1]
    assert outcomes[0][0][0] == ("bad.txt", "error") and len(outcomes[0][1]) == 70
