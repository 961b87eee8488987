"""Citation edits in the archive: kept apart, laid over, following re-extraction, checked."""

from __future__ import annotations

import dataclasses
import sqlite3

import pytest

from archivist.annotate.cslfields import CitationInputError
from archivist.archive import Archive
from archivist.model import CitationEdit, Footnote
from factories import make_extraction

BOOK = {"type": "book", "title": "Annual Report", "author": [{"literal": "Harbour Board"}]}


def test_an_edit_is_laid_over_extraction_which_stays(archive: Archive) -> None:
    aid = archive.articles.add(make_extraction(), b"x")
    archive.citations.save(CitationEdit(aid, "1", BOOK, "citation"))
    (fn,) = archive.annotations.document(aid).footnotes
    assert fn.csl == BOOK and fn.edited is not None
    assert archive.articles.get(aid).footnotes[0].csl is None  # extraction's own item untouched


def test_reset_drops_the_edit_and_returns_it(archive: Archive) -> None:
    aid = archive.articles.add(make_extraction(), b"x")
    saved = archive.citations.save(CitationEdit(aid, "1", BOOK, "citation"))
    assert archive.citations.reset(aid, "1") == saved
    assert archive.annotations.document(aid).footnotes[0].edited is None
    assert archive.citations.reset(aid, "1") is None


def test_the_articles_own_item_is_edited(archive: Archive) -> None:
    aid = archive.articles.add(make_extraction(), b"x")
    item = {"type": "webpage", "title": "Ports, Tides and Ledgers"}
    archive.citations.save(CitationEdit(aid, None, item))
    doc = archive.annotations.document(aid)
    assert doc.title == "Ports, Tides and Ledgers" and doc.csl == item and doc.authors == ()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (CitationEdit(1, "9", BOOK, "citation"), "no footnote '9'"),  # type: ignore[arg-type]
        (CitationEdit(1, "1", BOOK, "citation", "1"), "cannot refer to itself"),  # type: ignore[arg-type]
        (CitationEdit(1, "1", BOOK, "citation", "4"), "no footnote '4'"),  # type: ignore[arg-type]
        (CitationEdit(1, "1", BOOK, "comment"), "give citation or note"),  # type: ignore[arg-type]
    ],
)
def test_bad_edits_are_refused_and_nothing_is_written(
    archive: Archive, edit: CitationEdit, message: str
) -> None:
    archive.articles.add(make_extraction(), b"x")
    with pytest.raises(CitationInputError, match=message):
        archive.citations.save(edit)
    assert archive.citations.edits.of_article(edit.article_id) == ()


def test_reextract_keeps_an_edit_on_a_note_that_still_matches(archive: Archive) -> None:
    extraction = make_extraction()
    aid = archive.articles.add(extraction, b"x")
    archive.citations.save(CitationEdit(aid, "1", BOOK, "citation"))
    article = extraction.article
    spaced = dataclasses.replace(article.footnotes[0], text="Harbour Board,  Annual Report, 2019")
    report = archive.annotations.reextract(
        aid,
        dataclasses.replace(extraction, article=dataclasses.replace(article, footnotes=(spaced,))),
    )
    assert report.lost_citations == ()
    assert archive.annotations.document(aid).footnotes[0].csl == BOOK


def test_an_edit_whose_note_disappeared_is_kept_and_reported(archive: Archive) -> None:
    extraction = make_extraction()
    aid = archive.articles.add(extraction, b"x")
    archive.citations.save(CitationEdit(aid, "1", BOOK, "citation"))
    other = Footnote("1", extraction.article.footnotes[0].markers, "A remark on the tides.")
    new = dataclasses.replace(extraction.article, footnotes=(other,))
    report = archive.annotations.reextract(aid, dataclasses.replace(extraction, article=new))
    assert report.lost_citations == ("1",)
    assert archive.annotations.document(aid).footnotes[0].edited is None
    (lost,) = archive.citations.edits.lost()
    assert lost.csl == BOOK
    problems = [p for p in archive.maintenance.check().problems if p.kind == "citation"]
    assert len(problems) == 1 and "notes 1" in problems[0].message


def test_edits_go_with_their_article(archive: Archive, tmp_path: object) -> None:
    aid = archive.articles.add(make_extraction(), b"x")
    archive.citations.save(CitationEdit(aid, "1", BOOK, "citation"))
    archive.trash.delete_article(aid)
    archive.trash.empty()
    conn = sqlite3.connect(archive.path)
    assert conn.execute("SELECT count(*) FROM citation_edits").fetchone()[0] == 0


def test_listings_show_the_articles_corrected_metadata(archive: Archive) -> None:
    aid = archive.articles.add(make_extraction(), b"x")
    salt = make_extraction("Salt and Marsh", "Salt pans on the marsh. [1]", filename="salt.txt")
    other = archive.articles.add(salt, b"y")
    item = {
        "type": "webpage",
        "title": "Ports, Tides and Ledgers",
        "author": [{"family": "Talebi", "given": "Mira"}, {"literal": "Harbour Board"}],
        "issued": {"date-parts": [[2019, 4]]},
    }
    archive.citations.save(CitationEdit(aid, None, item))
    listed = {s.id: s for s in archive.articles.listing()}
    assert listed[aid].title == "Ports, Tides and Ledgers" and listed[aid].published == "2019-04"
    assert listed[aid].authors == ("Mira Talebi", "Harbour Board")
    assert listed[other].title == "Salt and Marsh"
    (row,) = archive.library.rows([aid])
    assert (row.title, row.published) == ("Ports, Tides and Ledgers", "2019-04")
    (hit,) = archive.search.query("harbour opened")
    assert hit.title == "Ports, Tides and Ledgers"
