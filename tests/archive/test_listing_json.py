"""The listing as SQLite writes it is the listing as Python would have written it."""

from __future__ import annotations

import dataclasses
import json

from archivist.archive import Archive
from factories import make_extraction


def test_json_listing_equals_the_rows(archive: Archive) -> None:
    awkward = 'Quotes " and \\ backslash, tab\there, «فارسی», \x01 control'
    plain = make_extraction("Plain", "Plain text. [1]", filename="p.txt")
    odd = make_extraction(awkward, "Odd text. [1]", authors=("Ана", 'O"Brien'), filename="o.txt")
    odd = dataclasses.replace(
        odd, article=dataclasses.replace(odd.article, published="2020-01-02", site="s.example")
    )
    archive.articles.add(plain, b"p")
    trashed = archive.articles.add(odd, b"o")
    archive.articles.add(make_extraction("Third", "Third text. [1]", filename="t.txt"), b"t")
    archive.trash.delete_article(trashed)
    archive.trash.restore_article(trashed)
    expected = [
        {
            "id": r.id,
            "title": r.title,
            "authors": list(r.authors),
            "published": r.published,
            "site": r.site,
        }
        for r in archive.articles.listing()
    ]
    assert json.loads("".join(archive.articles.listing_json(chunk=2))) == expected
    assert json.loads("".join(archive.articles.listing_json(limit=1, offset=1))) == expected[1:2]
    assert expected[1]["title"] == awkward


def test_json_listing_of_an_empty_archive_is_an_empty_array(archive: Archive) -> None:
    assert json.loads("".join(archive.articles.listing_json())) == []


def test_json_listing_shows_a_corrected_title_byline_and_date_as_the_listing_does(
    archive: Archive,
) -> None:
    from archivist.model import CitationEdit

    first = archive.articles.add(
        make_extraction("Harbour notes", "Text. [1]", filename="h.txt"), b"h"
    )
    archive.articles.add(make_extraction("Other", "More. [1]", filename="o.txt"), b"o")
    corrected = {
        "type": "webpage",
        "title": "Lighthouse ledgers",
        "author": [{"family": "Ostrander", "given": "Halvard"}],
        "issued": {"date-parts": [[1911, 3]]},
    }
    archive.citations.save(CitationEdit(first, None, corrected))
    expected = [
        {
            "id": r.id,
            "title": r.title,
            "authors": list(r.authors),
            "published": r.published,
            "site": r.site,
        }
        for r in archive.articles.listing()
    ]
    listed = json.loads("".join(archive.articles.listing_json(chunk=1)))
    assert listed == expected
    assert listed[0]["title"] == "Lighthouse ledgers" and listed[0]["published"] == "1911-03"
