"""Notes in the chosen style: full then short per article, in-text forms, the dossier option."""

from __future__ import annotations

import dataclasses
from collections.abc import Generator
from pathlib import Path
from typing import Any

from pdfdata import article

from archivist.archive import Archive
from archivist.export.bibliography import collect_references, render
from archivist.export.citenotes import Cited, cited_place, dossier_notes, style_notes
from archivist.export.dossier import ExportRequest, export_dossier, request_for
from archivist.export.pdf import DossierMeta, build_story
from archivist.ingest.references import make_footnotes
from archivist.model import ArticleId, Dossier, DossierId, Footnote
from factories import import_files

SAMPLES = Path(__file__).parents[2] / "src" / "archivist" / "resources" / "samples"
BOOK = {
    "type": "book",
    "title": "the marsh parishes: a survey",
    "author": [{"family": "Penrith", "given": "Harold"}],
    "publisher": "Fenland Record Press",
    "issued": {"date-parts": [[1962]]},
}
PAPER = {
    "type": "article-journal",
    "title": "Canals and the end of coastal salt",
    "author": [{"family": "Ollerenshaw", "given": "Martha"}],
    "container-title": "Journal of Regional Industry",
    "volume": "12",
    "page": "201-219",
    "issued": {"date-parts": [[1987]]},
}


def notes(articles: list[list[Cited]], style: str) -> list[list[str]]:
    return [[n.plain() for n in art] for art in style_notes(articles, style)]


def test_chicago_gives_a_full_note_first_and_short_notes_after_in_each_article() -> None:
    one = [Cited("b", BOOK, "41–47"), Cited("p", PAPER, "203"), Cited("b", BOOK, "52")]
    two = [Cited("b", BOOK, "88")]
    assert notes([one, two], "chicago") == [
        [
            "Harold Penrith, The Marsh Parishes: A Survey (Fenland Record Press, 1962), 41–47.",
            "Martha Ollerenshaw, “Canals and the End of Coastal Salt,” Journal of Regional "
            "Industry 12 (1987): 203.",
            "Penrith, The Marsh Parishes: A Survey, 52.",
        ],
        ["Harold Penrith, The Marsh Parishes: A Survey (Fenland Record Press, 1962), 88."],
    ]


def test_author_date_citations_carry_the_bibliographys_year_letters() -> None:
    later = dict(BOOK, title="Fen drainage")
    cites = [[Cited("b", BOOK, "41"), Cited("l", later)]]
    assert notes(cites, "apa") == [["(Penrith, 1962, p. 41)", "(Penrith, 1962)"]]
    lettered = style_notes(cites, "apa", {"b": "b", "l": "a"})
    assert [n.plain() for n in lettered[0]] == ["(Penrith, 1962b, p. 41)", "(Penrith, 1962a)"]


def test_two_authors_of_one_family_name_are_told_apart() -> None:
    other = dict(PAPER, author=[{"family": "Penrith", "given": "Oswin"}])
    cites = [[Cited("b", BOOK), Cited("o", other)]]
    assert notes(cites, "chicago-author-date") == [["(H. Penrith 1962)", "(O. Penrith 1987)"]]
    assert notes(cites, "mla") == [["(H. Penrith)", "(O. Penrith)"]]


def test_mla_adds_a_short_title_for_one_authors_several_works() -> None:
    other = dict(PAPER, author=BOOK["author"])
    cites = [[Cited("b", BOOK, "12"), Cited("o", other, "203")]]
    assert notes(cites, "mla") == [
        [
            "(Penrith, The Marsh Parishes: A Survey 12)",
            "(Penrith, “Canals and the End of Coastal Salt” 203)",
        ]
    ]


def test_the_place_a_footnote_cites_is_its_locator_in_the_footnotes_digits() -> None:
    def fn(text: str, locator: str | None) -> Footnote:
        return Footnote("1", (0,), text, "citation", locator=locator)

    assert cited_place(fn("Ibid., 52.", "52")) == "52"
    assert cited_place(fn("Ibid.", None)) is None
    assert cited_place(fn("همان، ص ۴۱.", "41")) == "۴۱"
    assert cited_place(fn("نفس المصدر، ص ٤١.", "41")) == "٤١"


def test_the_importer_gives_the_locators_the_notes_print() -> None:
    notes = [
        (
            "1",
            (0,),
            "Harold Penrith, The Marsh Parishes, Fenland Record Press, 1962, 41-47.",
            (),
            None,
        ),
        ("2", (5,), "Ibid., 52.", (), None),
        ("3", (9,), "همان، ص ۴۱.", (), None),
    ]
    places = [cited_place(f) for f in make_footnotes(notes)]
    assert places[0] in ("41–47", "41-47")
    assert places[1:] == ["52", "۴۱"]


def test_the_option_travels_from_the_saved_dossier_to_the_request() -> None:
    saved = Dossier(
        DossierId(1), "T", article_ids=(ArticleId(1),), options={"notes_in_style": True}
    )
    assert request_for(saved, "x.pdf").notes_in_style
    assert not request_for(saved, "x.pdf", notes_in_style=False).notes_in_style
    assert not request_for(Dossier(DossierId(1), "T"), "x.pdf").notes_in_style


def run(job: Generator[Any, None, Path]) -> Path:
    while True:
        try:
            next(job)
        except StopIteration as done:
            return Path(done.value)


def test_a_dossier_of_the_salt_roads_with_notes_in_the_style(
    archive: Archive, tmp_path: Path
) -> None:
    import_files(archive, [str(SAMPLES / "the-salt-roads-of-the-marsh.txt")])
    article = archive.annotations.document(ArticleId(1))
    references = collect_references([article])
    styled = dossier_notes([article], references, "chicago")
    texts = {label: note.plain() for (_, label), note in styled.items()}
    assert texts["1"].startswith("Harold Penrith, The Marsh Parishes: A Survey")
    assert texts["2"] == "Penrith, The Marsh Parishes: A Survey, 52."
    assert "5" not in texts  # commentary keeps its own words
    bibliography = [e.plain() for e in render(references, "chicago")]
    assert not any("names are discussed" in e for e in bibliography)
    archive.annotations.add_note(ArticleId(1), "Which edition?", footnote_label="2")
    styled_md, source_md = tmp_path / "styled.md", tmp_path / "source.md"
    for out, on in ((styled_md, True), (source_md, False)):
        request = ExportRequest((ArticleId(1),), out, format="markdown", notes_in_style=on)
        run(export_dossier(archive, request))
    assert "**[2]** Penrith, *The Marsh Parishes: A Survey*, 52." in styled_md.read_text()
    assert "**[2]** Ibid., 52." in source_md.read_text()


def test_the_pdf_prints_citing_footnotes_in_the_style() -> None:
    base = article(
        "Salt",
        ["Salt was money. [1] Rents were paid in it. [2]"],
        footnotes=(
            ("1", "Harold Penrith, The Marsh Parishes, 1962, 41-47.", BOOK),
            ("2", "Ibid., 52.", None),
        ),
    )
    ibid = dataclasses.replace(base.footnotes[1], refers_to="1", locator="52")
    art = dataclasses.replace(base, footnotes=(base.footnotes[0], ibid))
    references = collect_references([art])
    styled = dossier_notes([art], references, "chicago")
    story = build_story(DossierMeta("T"), [art], render(references), {}, notes=styled)
    text = "\n".join(getattr(f, "text", "") for f in story)
    assert "Penrith, <i>The Marsh Parishes: A Survey</i>, 52." in text
    assert "Ibid., 52." not in text
