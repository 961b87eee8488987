"""Page numbers of the one-pass build, read back with pypdf: contents, footers, links."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

from pdfdata import article
from pypdf import PdfReader
from reportlab import rl_config

from archivist.export.pdf import DossierMeta, build_story, render_pdf
from archivist.model import Article

SENTENCE = "The tide book of the northern harbour lists every ship that came in. "
LONG_TITLE = (
    "Harbour ledgers, cargo lists, pilots' logs and the spring and autumn tides of the northern "
    "coast, volume {n}"
)
NUMBER_AT_END = re.compile(r"(?:\.\s*)+(\d+)\s*$")


def articles(count: int, *, long_titles: bool = False) -> list[Article]:
    """Articles of one to four pages, so their headings land on irregular pages."""
    out = []
    for n in range(1, count + 1):
        title = LONG_TITLE.format(n=n) if long_titles else f"Report {n}"
        paragraphs = [SENTENCE * 12] * (4 + 9 * (n % 4))
        out.append(article(title, paragraphs, number=n))
    return out


def export(tmp_path: Path, arts: list[Article]) -> PdfReader:
    meta = DossierMeta("Harbour Pack", compiler="R. Ames")
    render_pdf(build_story(meta, arts, [], {}), meta, tmp_path / "out.pdf")
    return PdfReader(tmp_path / "out.pdf")


def outline_pages(reader: PdfReader) -> list[tuple[str, int]]:
    """Each bookmark's title and the 1-based page it points to."""
    return [(o.title, reader.get_destination_page_number(o) + 1) for o in reader.outline]


def contents_numbers(reader: PdfReader, pages: range) -> list[int]:
    """The page numbers printed at the ends of the contents lines, in order."""
    numbers = []
    for index in pages:
        for line in reader.pages[index].extract_text().splitlines():
            match = NUMBER_AT_END.search(line)
            if match and not line.startswith("page "):
                numbers.append(int(match.group(1)))
    return numbers


def test_contents_numbers_are_the_pages_the_headings_land_on(tmp_path: Path) -> None:
    reader = export(tmp_path, articles(6))
    bookmarks = outline_pages(reader)
    assert bookmarks[0][0] == "Contents"  # bookmarked, but not listed in itself
    assert contents_numbers(reader, range(1, 2)) == [page for _, page in bookmarks[1:]]
    for title, page in bookmarks:
        assert title in reader.pages[page - 1].extract_text()


def test_headings_land_on_irregular_pages(tmp_path: Path) -> None:
    pages = [page for _, page in outline_pages(export(tmp_path, articles(6)))]
    article_pages = pages[1:-2]  # after Contents, before Bibliography and Sources
    assert len({b - a for a, b in itertools.pairwise(article_pages)}) > 1


def test_page_x_of_y_on_first_and_last_numbered_pages(tmp_path: Path) -> None:
    reader = export(tmp_path, articles(3))
    total = len(reader.pages)
    assert "page " not in reader.pages[0].extract_text()
    assert f"page 2 of {total}" in reader.pages[1].extract_text()
    assert f"page {total} of {total}" in reader.pages[-1].extract_text()


def test_every_numbered_page_says_its_own_number(tmp_path: Path) -> None:
    reader = export(tmp_path, articles(3))
    total = len(reader.pages)
    for n, page in enumerate(reader.pages[1:], start=2):
        assert f"page {n} of {total}" in page.extract_text()


def test_contents_spanning_two_pages_number_every_entry(tmp_path: Path) -> None:
    arts = articles(30, long_titles=True)
    reader = export(tmp_path, arts)
    bookmarks = outline_pages(reader)
    first_article_page = bookmarks[1][1]
    assert first_article_page >= 4  # cover, then contents on pages 2 and 3 at least
    numbers = contents_numbers(reader, range(1, first_article_page - 1))
    assert numbers == [page for _, page in bookmarks[1:]]
    assert LONG_TITLE.format(n=30)[:40] in reader.pages[bookmarks[30][1] - 1].extract_text()


def test_contents_numbers_link_to_their_headings(tmp_path: Path) -> None:
    reader = export(tmp_path, articles(4))
    index = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, start=1)}
    targets = [
        index[a.get_object()["/Dest"][0].idnum]
        for a in reader.pages[1].get("/Annots") or []
        if "/Dest" in a.get_object()
    ]
    # Each entry links twice (its title and its page number), both to its heading's page.
    expected = [page for _, page in outline_pages(reader)[1:] for _ in range(2)]
    assert sorted(targets) == sorted(expected)


def test_rendering_consumes_the_story(tmp_path: Path) -> None:
    meta = DossierMeta("Harbour Pack")
    story = build_story(meta, articles(1), [], {})
    render_pdf(story, meta, tmp_path / "out.pdf")
    assert story == []


def test_saving_leaves_reportlab_settings_as_they_were(tmp_path: Path) -> None:
    before = rl_config.useA85
    export(tmp_path, articles(1))
    assert rl_config.useA85 == before
