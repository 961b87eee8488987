"""The reader's provenance header and the stored original shown as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from archivist.archive import Archive
from archivist.gui.main_window import MainWindow
from archivist.gui.provenance import OriginalDialog, readable_original
from archivist.importer import import_paths
from archivist.model import ArticleId

DATA = Path(__file__).resolve().parents[1] / "data" / "html"


def imported(window: MainWindow, name: str) -> ArticleId:
    with Archive.open(str(window.archive_path)) as other:
        gen = import_paths(other, [str(DATA / name)])
        try:
            while True:
                next(gen)
        except StopIteration as stop:
            report = stop.value
    window.archive_changed_elsewhere()
    article_id = report.results[0].id
    assert article_id is not None
    return ArticleId(article_id)


def opened_original(window: MainWindow) -> OriginalDialog:
    window.show_original()
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, OriginalDialog)]
    assert len(dialogs) == 1
    return dialogs[0]


def test_header_shows_site_section_dates_url_and_file(window: MainWindow) -> None:
    article_id = imported(window, "provenance_meta.html")
    window.open_article(article_id)
    bar = window.reader_pane.provenance
    facts = bar.facts.text().replace("\u2068", "").replace("\u2069", "")
    assert "Site: Harbour Weekly" in facts
    assert "Section: Local history" in facts
    assert "Published: 2019-04-02" in facts
    assert "Captured: 20" in facts
    assert bar.url.text() == "https://harbour.example/history/tide-tables-revised"
    assert bar.url.isReadOnly() and not bar.url.isHidden()
    # Only in the header, as text: the page itself carries no link to the source to click.
    assert bar.url.text() not in window.reader.toPlainText()
    assert bar.file.text() == "Original file: \u2068provenance_meta.html\u2069"


def test_copy_url_puts_it_on_the_clipboard(window: MainWindow) -> None:
    window.open_article(imported(window, "provenance_meta.html"))
    window.reader_pane.provenance.copy.click()
    assert QGuiApplication.clipboard().text() == (
        "https://harbour.example/history/tide-tables-revised"
    )


def test_an_article_without_a_url_hides_the_url_row(window: MainWindow, filled) -> None:
    window.open_article(filled[1]["en"])
    bar = window.reader_pane.provenance
    assert bar.url.isHidden() and bar.copy.isHidden()
    assert bar.file.text() == "Original file: \u2068ports.txt\u2069"


def test_show_original_shows_the_page_source_as_plain_text(window: MainWindow) -> None:
    window.open_article(imported(window, "provenance_meta.html"))
    dialog = opened_original(window)
    text = dialog.text.toPlainText()
    assert '<script>document.title = "a script that is shown, never run";</script>' in text
    assert dialog.text.isReadOnly()
    dialog.close()


def test_show_original_decodes_a_legacy_encoding(window: MainWindow) -> None:
    window.open_article(imported(window, "enc_http_equiv.html"))
    dialog = opened_original(window)
    assert "بندر" in dialog.text.toPlainText()
    dialog.close()


@pytest.mark.parametrize("encoding", ["utf-8", "no-such-codec", ""])
def test_readable_original_is_bounded_and_never_fails(encoding: str) -> None:
    data = b"\x00\x01abc\xff" + b"x" * 100
    text, cut = readable_original(data, encoding, limit=10)
    assert cut
    assert "\x00" not in text and "\x01" not in text
    assert text.startswith("abc")


def test_readable_original_keeps_a_short_file_whole() -> None:
    assert readable_original("قنات".encode("cp1256"), "cp1256") == ("قنات", False)
