"""The reader widget: never loads files or the network, follows footnotes, asks to highlight."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument

from archivist.gui.reader import ReaderView
from archivist.gui.reader_pane import ReaderPane
from archivist.model import PaletteColor
from factories import make_extraction

TEXT = "The harbour opened in spring. [1]\n\nShips came back in autumn."
PALETTE = (PaletteColor("yellow", "claim", 0), PaletteColor("green", "evidence", 1))


@pytest.fixture
def reader(qtbot) -> ReaderView:
    view = ReaderView()
    qtbot.addWidget(view)
    article = dataclasses.replace(make_extraction("Ports", TEXT).article, id=1)
    view.set_article(article)
    view.set_palette_colors(PALETTE)
    return view


@pytest.mark.parametrize(
    "url", ["file:///etc/hostname", "http://127.0.0.1:9/x.png", "https://example.org/a.css"]
)
def test_files_and_remote_urls_are_never_loaded(reader: ReaderView, url: str) -> None:
    got = reader.loadResource(QTextDocument.ResourceType.ImageResource.value, QUrl(url))
    assert isinstance(got, QImage) and got.isNull()  # not None: Qt would read the file then
    assert reader.refused_resources == [url]


def test_archived_resource_is_served(reader: ReaderView) -> None:
    reader.resource_loader = {"img/a.png": b"PNG"}.get
    got = reader.loadResource(
        QTextDocument.ResourceType.ImageResource.value, QUrl("archive:img/a.png")
    )
    assert got == b"PNG"


def test_remote_image_in_html_makes_no_request(reader: ReaderView, no_network) -> None:
    reader.setHtml('<p>x<img src="http://127.0.0.1:9/pixel.gif"></p>')
    reader.document().size()  # forces layout, which asks for the image
    assert no_network == []


def test_clicking_a_marker_shows_the_footnote(qtbot, reader: ReaderView) -> None:
    offset = TEXT.index("[1]")
    with qtbot.waitSignal(reader.footnoteActivated) as signal:
        reader.anchorClicked.emit(QUrl(f"footnote:1@{offset}"))
    assert signal.args == ["1", offset]
    assert reader.back_to_marker()
    assert not reader.back_to_marker()


def test_external_link_is_only_requested(qtbot, reader: ReaderView) -> None:
    with qtbot.waitSignal(reader.externalLinkRequested) as signal:
        reader.anchorClicked.emit(QUrl("https://example.org/"))
    assert signal.args[0].toString() == "https://example.org/"
    assert reader.article is not None and reader.article.title == "Ports"


def test_selection_maps_back_to_text_offsets(reader: ReaderView) -> None:
    start = TEXT.index("opened")
    assert reader.select_text(start, start + 6)
    assert reader.selection_range() == (start, start + 6)


def test_number_key_asks_for_that_palette_colour(qtbot, reader: ReaderView) -> None:
    reader.select_text(4, 11)
    with qtbot.waitSignal(reader.highlightRequested) as signal:
        qtbot.keyClick(reader, Qt.Key.Key_2)
    assert signal.args == ["green"]


def test_find_bar_selects_the_match(qtbot) -> None:
    pane = ReaderPane()
    qtbot.addWidget(pane)
    pane.reader.set_article(make_extraction("Ports", TEXT).article)
    pane.find_bar.open_bar()
    qtbot.keyClicks(pane.find_bar.field, "autumn")
    assert pane.reader.textCursor().selectedText() == "autumn"


def test_zoom_keeps_the_article(reader: ReaderView) -> None:
    reader.zoom(2)
    assert reader.zoom_level == 5
    assert "harbour" in reader.document().toPlainText()
