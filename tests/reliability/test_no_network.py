"""No network, ever: importing, reading and exporting pages full of remote resources tries none.

Two independent tripwires watch every test here: a recorder of Python-level attempts (sockets,
resolvers, urllib, http.client), and a TCP trap that every remote host in the pages is rewritten
to point at, which also sees connections made from C code (libxml2, Qt) that bypass Python.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import re
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import reportlab.lib.utils
from netguard import Trap, record_network_attempts
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtNetwork import QTcpSocket
from reportlab.platypus import Paragraph
from reportlab.platypus.flowables import Image

import archivist.export.dossier
from archivist.archive import Archive
from archivist.export.dossier import ExportRequest, export_dossier
from archivist.gui.main_window import MainWindow
from archivist.gui.reader import ReaderView
from archivist.model import ArticleId, Footnote
from factories import import_files, make_extraction

HOSTILE = Path(__file__).parents[1] / "data" / "hostile"
PAGES = (
    "remote_resources.html",
    "remote_resources.mhtml",
    "remote_content.html",
    "remote_dtd.xhtml",
    "xxe_file.xhtml",
)
CANARY = "FETCHME"
"""Every resource URL in the pages carries this word; it may never reach a reader or a PDF."""
REMOTE = re.compile(r"^(https?|ftp|wss?):|^//", re.I)
PDF_ACTIONS = (b"/Launch", b"/JavaScript", b"/JS ", b"/GoToR", b"/ImportData", b"/SubmitForm")


@pytest.fixture
def trap() -> Iterator[Trap]:
    """The TCP trap; the hostile pages' hosts are pointed at it."""
    listener = Trap()
    yield listener
    listener.close()


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch, no_network: list[str]) -> list[str]:
    """Every network attempt, recorded on top of the suite's own socket guard."""
    return record_network_attempts(monkeypatch)


@pytest.fixture
def archived(tmp_path: Path, trap: Trap, attempts: list[str]) -> tuple[Path, dict[str, ArticleId]]:
    """An archive holding the hostile pages (their hosts aimed at the trap), imported for real."""
    saves = tmp_path / "saves"
    saves.mkdir()
    for name in PAGES:
        (saves / name).write_bytes(trap.aim((HOSTILE / name).read_bytes()))
    path = tmp_path / "archive.sqlite3"
    with Archive.open(str(path)) as archive:
        results = import_files(archive, [str(saves)])
    assert {Path(r.path).name: r.status for r in results} == dict.fromkeys(PAGES, "imported")
    return path, {Path(r.path).name: r.id for r in results}


def assert_nothing_reached_out(attempts: list[str], trap: Trap) -> None:
    """Neither tripwire saw anything."""
    assert attempts == []
    assert trap.hits == []


def test_tripwires_see_python_and_native_attempts(
    qtbot: Any, attempts: list[str], trap: Trap
) -> None:
    with pytest.raises(AssertionError):
        urllib.request.urlopen(f"http://127.0.0.1:{trap.port}/probe")
    native = QTcpSocket()
    native.connectToHost("127.0.0.1", trap.port)  # Qt's own sockets bypass Python's
    qtbot.waitUntil(lambda: bool(trap.hits), timeout=3000)
    native.abort()
    assert attempts and "urlopen" in attempts[0]


def test_importing_remote_pages_makes_no_attempt(
    archived: tuple[Path, dict[str, ArticleId]], attempts: list[str], trap: Trap
) -> None:
    path, ids = archived
    with Archive.open(str(path)) as archive:
        texts = [archive.annotations.document(i).text for i in ids.values()]
    assert_nothing_reached_out(attempts, trap)
    assert not any(CANARY in t for t in texts)


def test_mhtml_keeps_its_own_image_and_nothing_remote(
    archived: tuple[Path, dict[str, ArticleId]], attempts: list[str], trap: Trap
) -> None:
    path, ids = archived
    with Archive.open(str(path)) as archive:
        kept = archive.articles.resource(ids["remote_resources.mhtml"], "cid:lamp@archivist.test")
        missing = archive.articles.resource(
            ids["remote_resources.mhtml"],
            f"http://127.0.0.1:{trap.port}/FETCHME-not-in-archive.png",
        )
    assert kept is not None and kept.data.startswith(b"\x89PNG")
    assert missing is None
    assert_nothing_reached_out(attempts, trap)


class Requests:
    """Every resource URL the reader's document asked for."""

    def __init__(self) -> None:
        self.urls: list[str] = []


@pytest.fixture
def reader_requests(monkeypatch: pytest.MonkeyPatch) -> Requests:
    """Record each loadResource call of the reader before it answers."""
    seen = Requests()
    original = ReaderView.loadResource

    def recording(self: ReaderView, type_: int, name: QUrl | str, /) -> Any:
        seen.urls.append(QUrl(name).toString())
        return original(self, type_, name)

    monkeypatch.setattr(ReaderView, "loadResource", recording)
    return seen


def image_names(document: QTextDocument) -> list[str]:
    """The names of every image the document would draw."""
    names = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                names.append(fmt.toImageFormat().name())
            it += 1
        block = block.next()
    return names


def test_reader_shows_remote_pages_without_fetching(
    qtbot: Any,
    archived: tuple[Path, dict[str, ArticleId]],
    attempts: list[str],
    trap: Trap,
    reader_requests: Requests,
    tmp_path: Path,
) -> None:
    path, ids = archived
    window = MainWindow(path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.show()
    try:
        for name, article_id in ids.items():
            window.open_article(article_id)
            document = window.reader.document()
            document.size()  # layout asks for every image and style resource
            window.reader.grab()  # painting asks again
            for fn in window.document.footnotes if window.document else ():
                window.notes.show_footnote(fn.label)  # the notes pane shows each footnote
                window.notes.grab()
            qtbot.wait(50)
            assert CANARY not in document.toHtml(), name
            assert not [n for n in image_names(document) if REMOTE.match(n)], name
            anchors = re.findall(r'href="([^"]*)"', document.toHtml())
            assert not [a for a in anchors if CANARY in a], name
        qtbot.wait(300)  # give any asynchronous loader time to reach the trap
    finally:
        window.close()
        window.archive.close()
    assert not [u for u in reader_requests.urls if REMOTE.match(u)]
    assert_nothing_reached_out(attempts, trap)


class ReportLabLoads:
    """Every file name or URL ReportLab was asked to open, and every image it was given."""

    def __init__(self) -> None:
        self.opened: list[str] = []
        self.images: list[str] = []


@pytest.fixture
def reportlab_loads(monkeypatch: pytest.MonkeyPatch) -> ReportLabLoads:
    """Record ReportLab's resource loading (fonts are local files; nothing may be a URL)."""
    seen = ReportLabLoads()
    utils = reportlab.lib.utils
    open_for_read = utils.open_for_read
    image_reader_init = utils.ImageReader.__init__

    def recording_open(name: Any, mode: str = "b") -> Any:
        seen.opened.append(str(name) if isinstance(name, str | os.PathLike) else repr(name))
        return open_for_read(name, mode)

    def recording_image(self: Any, file_name: Any, *args: Any, **kwargs: Any) -> None:
        seen.images.append(str(file_name))
        image_reader_init(self, file_name, *args, **kwargs)

    def refuse_url(url: str, *args: Any, **kwargs: Any) -> Any:
        seen.opened.append(url)
        raise OSError(f"ReportLab tried to read a URL: {url}")

    monkeypatch.setattr(utils, "open_for_read", recording_open)
    monkeypatch.setattr(utils, "rlUrlRead", refuse_url)
    monkeypatch.setattr(utils.ImageReader, "__init__", recording_image)
    return seen


def test_pdf_export_of_remote_pages_loads_nothing_remote(
    archived: tuple[Path, dict[str, ArticleId]],
    attempts: list[str],
    trap: Trap,
    reportlab_loads: ReportLabLoads,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    path, ids = archived
    stories: list[list[Any]] = []
    build_story = archivist.export.dossier.build_story

    def keeping_story(*args: Any, **kwargs: Any) -> list[Any]:
        stories.append(build_story(*args, **kwargs))
        return stories[-1]

    monkeypatch.setattr(archivist.export.dossier, "build_story", keeping_story)
    out = tmp_path / "dossier.pdf"
    with Archive.open(str(path)) as archive:
        page = ids["remote_resources.html"]
        text = archive.annotations.document(page).text
        start = text.index("One keeper wrote")
        highlight = archive.annotations.add_highlight(
            page, start, text.index("as a joke"), color="green"
        )
        archive.annotations.add_note(
            page, 'See <img src="http://192.0.2.9/x.png">', highlight_id=highlight.id
        )
        job = export_dossier(archive, ExportRequest(tuple(ids.values()), out, title="Lights"))
        for _ in job:
            pass
    (story,) = stories
    paragraphs = [f.text for f in story if isinstance(f, Paragraph)]
    assert not [p for p in paragraphs if re.search(r"<img\b", p)]
    assert not [f for f in story if isinstance(f, Image)]
    assert not [n for n in reportlab_loads.opened if REMOTE.match(n)]
    assert reportlab_loads.images == []
    raw = out.read_bytes()
    assert not [a for a in PDF_ACTIONS if a in raw]
    assert b"/Subtype /Image" not in raw
    reader = PdfReader(out)
    text_out = "\n".join(p.extract_text() for p in reader.pages)
    assert CANARY not in text_out
    assert "LITERAL-body.png" in text_out  # the page's own text, shown as text
    uris = [
        str(a.get_object().get("/A", {}).get("/URI", ""))
        for p in reader.pages
        for a in p.get("/Annots") or ()
    ]
    assert not [u for u in uris if CANARY in u or "LITERAL" in u]
    assert_nothing_reached_out(attempts, trap)


def test_notes_pane_shows_footnote_markup_as_text(
    qtbot: Any, tmp_path: Path, attempts: list[str]
) -> None:
    picture = tmp_path / "private.png"
    QImage(400, 300, QImage.Format.Format_RGB32).save(str(picture))
    text = "The lamp was lit at dusk. [1]"
    note = f'Log book <img src="{picture.as_uri()}"> <b>page</b> 4.'
    extraction = make_extraction(
        "Lamp", text, footnotes=(Footnote("1", (text.index("[1]"),), note),)
    )
    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as archive:
        article_id = archive.articles.add(extraction, b"lamp")
    window = MainWindow(path, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    try:
        window.open_article(article_id)
        window.notes.show_footnote("1")
        label = window.notes.footnotes.text
        assert label.sizeHint().height() < 100  # a 300-pixel-high image was not loaded
        assert label.textFormat() == Qt.TextFormat.PlainText
    finally:
        window.close()
        window.archive.close()
    assert attempts == []
