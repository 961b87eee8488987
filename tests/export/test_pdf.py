"""The dossier PDF: story inspected without rendering, and PDFs read back with pypdf."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from pdfdata import article
from pypdf import PdfReader

from archivist.export.bibliography import collect_references, render
from archivist.export.pdf import DossierMeta, build_story, contents_entries, render_pdf
from archivist.model import Footnote, Note, NoteId

MEANINGS = {"yellow": "claim", "green": "evidence"}
CSL = {"type": "report", "title": "Annual Report", "author": [{"literal": "Harbour Board"}]}


def english() -> list:
    return [
        article(
            "Ports and Tides",
            ["The harbour opened in spring. [1]", "Ships came back in autumn. [2]"],
            footnotes=(("1", "Harbour Board, Annual Report, 2019.", CSL), ("2", "ibid, 4.", None)),
            highlight=("harbour opened in spring", "yellow", "Key date"),
        )
    ]


def persian() -> list:
    text = "بندر در بهار باز شد و کشتی‌ها در پاییز (صفحه ۳) برگشتند. [1] " * 4
    return [
        article(
            "گزارش بندر",
            [text.strip()],
            footnotes=(("1", "مزدا پارسی، «تاریخ بندر»، ۱۳۹۵", None),),
            highlight=("کشتی‌ها در پاییز", "green", "یادداشت من"),
            authors=("مزدا پارسی",),
            number=2,
        )
    ]


def export(tmp_path: Path, articles: list, name: str = "out.pdf") -> PdfReader:
    meta = DossierMeta("Harbour Pack", subtitle="Briefing", compiler="R. Ames")
    entries = render(collect_references(articles))
    story = build_story(meta, articles, entries, MEANINGS)
    render_pdf(story, meta, tmp_path / name)
    return PdfReader(tmp_path / name)


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() for page in reader.pages)


def test_story_lists_articles_bibliography_and_sources_in_contents() -> None:
    articles = english() + persian()
    story = build_story(DossierMeta("T"), articles, [], MEANINGS)
    assert contents_entries(story) == ["Ports and Tides", "گزارش بندر", "Bibliography", "Sources"]


def test_english_pdf_has_text_bookmarks_metadata_and_page_x_of_y(tmp_path: Path) -> None:
    reader = export(tmp_path, english())
    text = text_of(reader)
    assert "The harbour opened in spring." in text
    assert "Key date" in text
    assert f"page 1 of {len(reader.pages)}" in reader.pages[0].extract_text() or (
        f"page 2 of {len(reader.pages)}" in reader.pages[1].extract_text()
    )
    assert [o.title for o in reader.outline] == [
        "Contents",
        "Ports and Tides",
        "Bibliography",
        "Sources",
    ]
    assert reader.metadata.title == "Harbour Pack"
    assert reader.metadata.author == "R. Ames"


def test_bibliography_and_sources_appendix_are_in_the_pdf(tmp_path: Path) -> None:
    text = text_of(export(tmp_path, english()))
    assert "Harbour Board. Annual Report. n.d." in text
    assert f"{1:064x}" in text
    assert "a1.html" in text


def test_footnote_markers_link_to_notes_and_back(tmp_path: Path) -> None:
    reader = export(tmp_path, english())
    links = [
        a.get_object()
        for page in reader.pages
        for a in page.get("/Annots") or []
        if a.get_object().get("/Subtype") == "/Link"
    ]
    internal = [a for a in links if "/Dest" in a]
    # contents entries + two markers + two back links
    assert len(internal) >= 4 + 2 + 2


def test_every_font_is_embedded(tmp_path: Path) -> None:
    reader = export(tmp_path, english() + persian())
    for page in reader.pages:
        content = page.get_contents().get_data()
        for name, ref in page["/Resources"]["/Font"].items():
            font = ref.get_object()
            if f"{name} ".encode() not in content:
                continue
            assert "/DescendantFonts" in font or "/FontDescriptor" in font, font["/BaseFont"]


def test_persian_pdf_is_shaped_and_has_no_missing_glyphs(tmp_path: Path) -> None:
    text = text_of(export(tmp_path, persian()))
    assert "■" not in text
    assert "\x00" not in text
    # Presentation forms show the letters were joined before layout.
    assert any("\ufb50" <= c <= "\ufeff" for c in text)


def test_mixed_dossier_renders_both_scripts(tmp_path: Path) -> None:
    reader = export(tmp_path, english() + persian())
    text = text_of(reader)
    assert "Ports and Tides" in text
    assert [o.title for o in reader.outline][1:3] == ["Ports and Tides", "گزارش بندر"]


def test_footnote_user_notes_are_set_apart(tmp_path: Path) -> None:
    (art,) = english()
    fn = art.footnotes[0]
    noted = dataclasses.replace(
        fn,
        notes=(Note(NoteId(9), art.id, "footnote", "Check the 2018 edition", footnote_label="1"),),
    )
    art = dataclasses.replace(art, footnotes=(noted, art.footnotes[1]))
    assert "Your note: Check the 2018 edition" in text_of(export(tmp_path, [art]))


def test_hostile_text_is_shown_literally(tmp_path: Path) -> None:
    hostile = (
        'A <font name=x>tag</font> &amp; AT&T <img src="/etc/passwd"/> <b>bold <para>x '
        "\x00\x07 end " + "w" * 5000 + " [1]"
    )
    art = article(
        "<b>Title & co</b>",
        [hostile],
        footnotes=(("1", "<a href='file:///etc/passwd'>x</a> & y", None),),
        highlight=("AT&T", "red", "<i>note</i> & <font>"),
    )
    art = dataclasses.replace(
        art, footnotes=(Footnote("1", art.footnotes[0].markers, art.footnotes[0].text),)
    )
    text = text_of(export(tmp_path, [art]))
    assert "<font name=x>tag</font>" in text
    assert "AT&T" in text and "AT&T;" not in text
    assert '<img src="/etc/passwd"/>' in text
    assert "<b>Title & co</b>" in text
    assert "<i>note</i> & <font>" in text
    assert "\x07" not in text


def test_a_persian_articles_byline_sits_on_the_right_an_english_ones_on_the_left() -> None:
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.platypus import Paragraph

    story = build_story(DossierMeta("T"), english() + persian(), [], MEANINGS)
    bylines = [
        f.style.alignment
        for f in story
        if isinstance(f, Paragraph) and f.style.name.startswith("meta")
        if "Talebi" in f.getPlainText() or "2020" in f.getPlainText()
    ]
    assert bylines == [TA_LEFT, TA_RIGHT]


def test_a_source_record_is_never_split_across_pages(tmp_path: Path) -> None:
    # Dossiers of 21 to 26 articles: the sources appendix runs over a page break at a different
    # point in each, so some page break falls inside a record unless records are kept whole.
    for count in range(21, 27):
        articles = [
            article(f"Harbour Note {n}", [f"A short note on the harbour, number {n}."], number=n)
            for n in range(1, count + 1)
        ]
        reader = export(tmp_path, articles, f"dossier{count}.pdf")
        pages = [page.extract_text() for page in reader.pages]
        appendix = [text for text in pages if "File:" in text or "SHA-256:" in text]
        assert len(appendix) >= 2
        for text in appendix:  # each record's file name and digest on the same page
            assert text.count("File:") == text.count("SHA-256:"), count
