"""W3C Web Annotation JSON-LD: the required fields of the model, and a faithful round trip."""

from __future__ import annotations

import json

import pytest

from archivist.annotate.w3c import ANNO_CONTEXT, AnnotationFormatError, collection, parse
from archivist.model import (
    Article,
    ArticleId,
    Footnote,
    Highlight,
    HighlightId,
    Note,
    NoteId,
    Source,
)
from w3c_model import problems

SHA = "ab" * 32
MEANINGS = {"yellow": "claim", "green": "evidence"}


def annotated_article() -> Article:
    note = Note(
        NoteId(1), ArticleId(3), "highlight", "Check *this*.", HighlightId(7), None, "t1", "t2"
    )
    return Article(
        id=ArticleId(3),
        title="Ports",
        text="Ships came back in autumn. [1]",
        url="https://example.org/ports",
        source=Source("ports.txt", "text", "utf-8", SHA, 30),
        footnotes=(
            Footnote(
                "1",
                (27,),
                "Report.",
                notes=(Note(NoteId(2), ArticleId(3), "footnote", "Online.", None, "1"),),
            ),
        ),
        highlights=(
            Highlight(
                HighlightId(7),
                ArticleId(3),
                0,
                15,
                "Ships came back",
                "",
                " in autumn.",
                "green",
                notes=(note,),
                tags=("sea",),
            ),
        ),
        notes=(Note(NoteId(3), ArticleId(3), "article", "Biased."),),
        tags=("ports",),
    )


def test_collection_has_the_required_fields_of_the_w3c_model() -> None:
    doc = collection([annotated_article()], MEANINGS)
    assert problems(doc) == []
    assert doc["@context"][0] == ANNO_CONTEXT
    assert doc["type"] == "AnnotationCollection" and doc["id"].startswith("urn:")
    items = doc["first"]["items"]
    assert doc["first"]["type"] == "AnnotationPage" and doc["total"] == len(items) == 4
    for item in items:
        assert item["type"] == "Annotation" and item["id"] and item["target"]
        assert item["motivation"] in {"highlighting", "commenting", "tagging"}


def test_highlight_carries_both_selectors_source_sha_notes_tags_and_colour() -> None:
    (hl,) = [
        i
        for i in collection([annotated_article()], MEANINGS)["first"]["items"]
        if i["motivation"] == "highlighting"
    ]
    target = hl["target"]
    assert target["source"]["sha256"] == SHA and target["source"]["id"] == f"urn:sha256:{SHA}"
    assert [s["type"] for s in target["selector"]] == ["TextPositionSelector", "TextQuoteSelector"]
    assert target["selector"][1]["exact"] == "Ships came back"
    assert (hl["color"], hl["colorMeaning"]) == ("green", "evidence")
    assert {(b["purpose"], b["value"]) for b in hl["body"]} == {
        ("commenting", "Check *this*."),
        ("tagging", "sea"),
    }


def test_export_round_trips_through_json() -> None:
    doc = json.loads(json.dumps(collection([annotated_article()], MEANINGS)))
    parsed = parse(doc)
    highlight, footnote_note, article_note, tags = parsed
    assert highlight.quote is not None and highlight.quote.exact == "Ships came back"
    assert highlight.position is not None and highlight.position.end == 15
    assert (highlight.color, highlight.notes, highlight.tags) == (
        "green",
        ("Check *this*.",),
        ("sea",),
    )
    assert (footnote_note.footnote, footnote_note.notes) == ("1", ("Online.",))
    assert (article_note.quote, article_note.notes) == (None, ("Biased.",))
    assert tags.tags == ("ports",) and {p.sha256 for p in parsed} == {SHA}
    assert {p.url for p in parsed} == {"https://example.org/ports"}


def test_orphan_is_exported_flagged() -> None:
    article = annotated_article()
    orphan = Highlight(HighlightId(8), ArticleId(3), 0, 0, "gone text", orphaned=True)
    items = collection([Article(**{**_fields(article), "highlights": (orphan,)})], MEANINGS)
    hl = items["first"]["items"][0]
    assert hl["orphaned"] is True and parse(items)[0].orphaned


def _fields(article: Article) -> dict[str, object]:
    return {name: getattr(article, name) for name in Article.__dataclass_fields__}


def test_a_single_annotation_with_a_url_source_is_read() -> None:
    (one,) = parse(
        {
            "type": "Annotation",
            "target": "https://example.org/a",
            "body": {"type": "TextualBody", "value": "x"},
        }
    )
    assert (one.url, one.sha256, one.notes) == ("https://example.org/a", None, ("x",))


@pytest.mark.parametrize(
    "data",
    [[1], {"type": "Person"}, "text", {"type": "Annotation"}, {"type": "Annotation", "target": {}}],
)
def test_what_is_not_an_annotation_document_is_refused(data: object) -> None:
    with pytest.raises(AnnotationFormatError):
        parse(data)
