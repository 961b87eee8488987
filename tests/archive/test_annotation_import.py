"""Importing W3C JSON-LD: matched by SHA-256, else URL; re-anchored; never duplicated."""

from __future__ import annotations

import dataclasses

from archivist.annotate import w3c
from archivist.archive import Archive
from factories import make_extraction

TEXT = "The harbour opened in spring. [1]\n\nShips came back in autumn, and the quay was rebuilt."


def exported(archive: Archive) -> dict[str, object]:
    docs = [archive.annotations.document(i) for i in archive.annotations.annotated_article_ids()]
    return w3c.collection(docs, {c.color: c.meaning for c in archive.annotations.palette()})


def test_annotations_arrive_on_the_article_with_the_same_original(archive: Archive) -> None:
    article_id = archive.articles.add(make_extraction(text=TEXT), b"same bytes")
    hl = archive.annotations.highlight_quote(article_id, "Ships came back", color="green")
    archive.annotations.add_note(article_id, "When?", highlight_id=hl.id)
    data = exported(archive)
    archive.annotations.delete_highlight(hl.id)  # type: ignore[arg-type]
    report = archive.annotations.import_annotations(data)
    assert (report.highlights, report.notes, report.unmatched) == (1, 1, 0)
    (again,) = archive.annotations.highlights(article_id)
    assert (again.exact, again.color, [n.text for n in again.notes]) == (
        "Ships came back",
        "green",
        ["When?"],
    )


def test_article_is_matched_by_url_when_the_original_differs(archive: Archive) -> None:
    article_id = archive.articles.add(make_extraction(text=TEXT), b"old bytes")
    archive.annotations.highlight_quote(article_id, "quay was rebuilt")
    data = exported(archive)
    source = data["first"]["items"][0]["target"]["source"]  # type: ignore[index]
    source.update(sha256="0" * 64, id="urn:sha256:" + "0" * 64, url="https://example.org/p")
    other = make_extraction(text="Preface.\n\n" + TEXT, filename="p.html")
    other = dataclasses.replace(
        other, article=dataclasses.replace(other.article, url="https://example.org/p")
    )
    target = archive.articles.add(other, b"new bytes")
    report = archive.annotations.import_annotations(data)
    assert report.articles == (target,)
    assert archive.annotations.highlights(target)[0].start == ("Preface.\n\n" + TEXT).index("quay")


def test_quote_missing_from_the_matched_article_arrives_as_an_orphan(archive: Archive) -> None:
    article_id = archive.articles.add(make_extraction(text=TEXT), b"bytes")
    hl = archive.annotations.highlight_quote(article_id, "Ships came back in autumn")
    data = exported(archive)
    archive.annotations.delete_highlight(hl.id)  # type: ignore[arg-type]
    archive.annotations.reextract(
        article_id, make_extraction(text="A different text altogether.", footnotes=())
    )
    report = archive.annotations.import_annotations(data)
    assert report.orphaned == 1
    assert archive.annotations.find_highlights(orphans=True)[0].exact == "Ships came back in autumn"


def test_annotations_for_an_unknown_article_are_counted_unmatched(archive: Archive) -> None:
    data = {
        "type": "Annotation",
        "target": "urn:sha256:" + "f" * 64,
        "body": {"type": "TextualBody", "value": "lost"},
    }
    assert archive.annotations.import_annotations(data).unmatched == 1


def test_find_highlights_by_creation_date(archive: Archive) -> None:
    article_id = archive.articles.add(make_extraction(text=TEXT), b"bytes")
    hl = archive.annotations.highlight_quote(article_id, "quay")
    assert hl.created is not None
    day = hl.created[:10]
    assert len(archive.annotations.find_highlights(since=day, until=day)) == 1
    assert archive.annotations.find_highlights(since="9999") == ()
