"""Highlights, notes, tags, palette, trash, the annotated document and re-anchoring."""

from __future__ import annotations

import pytest

from archivist.archive import Archive
from archivist.errors import ArchivistError, NotFoundError, QuoteNotFoundError
from archivist.model import ArticleId, Extraction, Footnote
from factories import make_extraction

TEXT = (
    "The harbour opened in spring. [1]\n\nShips came back in autumn, and the quay was "
    "rebuilt with stone. [2]\n\nThe harbour closed in winter."
)


@pytest.fixture
def article_id(archive: Archive) -> ArticleId:
    footnotes = (
        Footnote("1", (TEXT.index("[1]"),), "Harbour Board, Annual Report, 2019."),
        Footnote("2", (TEXT.index("[2]"),), "Ibid., 12."),
    )
    return archive.articles.add(make_extraction(text=TEXT, footnotes=footnotes), b"original")


def reextracted(text: str) -> Extraction:
    return make_extraction(text=text, footnotes=(), filename="ports.txt")


def test_highlight_from_a_range_stores_both_selectors(
    archive: Archive, article_id: ArticleId
) -> None:
    start = TEXT.index("Ships")
    hl = archive.annotations.add_highlight(article_id, start, start + 15, "green")
    assert (hl.exact, hl.color, hl.orphaned) == ("Ships came back", "green", False)
    assert hl.prefix == TEXT[start - 32 : start] and hl.suffix == TEXT[start + 15 : start + 47]


def test_highlight_from_a_quote_takes_the_chosen_occurrence(
    archive: Archive, article_id: ArticleId
) -> None:
    hl = archive.annotations.highlight_quote(article_id, "The harbour", occurrence=2)
    assert hl.start == TEXT.rindex("The harbour")


def test_quote_not_in_the_article_raises_with_a_suggestion(
    archive: Archive, article_id: ArticleId
) -> None:
    with pytest.raises(QuoteNotFoundError) as err:
        archive.annotations.highlight_quote(article_id, "ships come back")
    assert err.value.suggestion == "Ships came back"


def test_overlapping_and_nested_highlights_are_allowed(
    archive: Archive, article_id: ArticleId
) -> None:
    archive.annotations.highlight_quote(article_id, "Ships came back in autumn")
    archive.annotations.highlight_quote(article_id, "came back")
    archive.annotations.highlight_quote(article_id, "autumn, and the quay")
    assert [h.exact for h in archive.annotations.highlights(article_id)] == [
        "Ships came back in autumn",
        "came back",
        "autumn, and the quay",
    ]


def test_unknown_colour_is_refused(archive: Archive, article_id: ArticleId) -> None:
    with pytest.raises(ArchivistError, match="unknown colour"):
        archive.annotations.add_highlight(article_id, 0, 3, "mauve")


def test_empty_or_out_of_range_highlight_is_refused(
    archive: Archive, article_id: ArticleId
) -> None:
    with pytest.raises(ArchivistError):
        archive.annotations.add_highlight(article_id, 5, 5)
    with pytest.raises(ArchivistError):
        archive.annotations.add_highlight(article_id, 0, len(TEXT) + 1)


def test_palette_meanings_are_named_and_new_colours_added(archive: Archive) -> None:
    assert archive.annotations.palette()[0].color == "yellow"
    assert archive.annotations.set_color_meaning("yellow", "thesis").meaning == "thesis"
    added = archive.annotations.set_color_meaning("Teal", "method")
    assert (added.color, added.position) == ("teal", len(archive.annotations.palette()) - 1)


def test_recolor_returns_the_changed_highlight(archive: Archive, article_id: ArticleId) -> None:
    hl = archive.annotations.highlight_quote(article_id, "quay")
    assert archive.annotations.recolor_highlight(hl.id, "red").color == "red"  # type: ignore[arg-type]


def test_notes_attach_to_highlight_footnote_and_article(
    archive: Archive, article_id: ArticleId
) -> None:
    hl = archive.annotations.highlight_quote(article_id, "quay")
    assert hl.id is not None
    archive.annotations.add_note(article_id, "*Check* the date.", highlight_id=hl.id)
    archive.annotations.add_note(article_id, "Second thought.", highlight_id=hl.id)
    archive.annotations.add_note(article_id, "Report is online.", footnote_label="1")
    archive.annotations.add_note(article_id, "Whole piece is biased.")
    doc = archive.annotations.document(article_id)
    assert [n.text for n in doc.highlights[0].notes] == ["*Check* the date.", "Second thought."]
    assert [n.text for n in doc.footnotes[0].notes] == ["Report is online."]
    assert doc.footnotes[1].notes == ()
    assert [n.text for n in doc.notes] == ["Whole piece is biased."]
    assert len(archive.annotations.notes(article_id)) == 4


def test_note_on_a_missing_footnote_or_foreign_highlight_is_refused(
    archive: Archive, article_id: ArticleId
) -> None:
    with pytest.raises(NotFoundError):
        archive.annotations.add_note(article_id, "x", footnote_label="9")
    with pytest.raises(NotFoundError):
        archive.annotations.add_note(article_id, "x", highlight_id=999)  # type: ignore[arg-type]


def test_edit_note_keeps_created_and_returns_the_new_text(
    archive: Archive, article_id: ArticleId
) -> None:
    note = archive.annotations.add_note(article_id, "first")
    edited = archive.annotations.edit_note(note.id, "second")  # type: ignore[arg-type]
    assert (edited.text, edited.created) == ("second", note.created)


def test_tags_on_articles_and_highlights(archive: Archive, article_id: ArticleId) -> None:
    hl = archive.annotations.highlight_quote(article_id, "quay")
    assert hl.id is not None
    archive.annotations.tag_article(article_id, "ports")
    archive.annotations.tag_highlight(hl.id, "infrastructure")
    assert archive.annotations.tags() == ("infrastructure", "ports")
    assert archive.annotations.document(article_id).tags == ("ports",)
    assert archive.annotations.untag_highlight(hl.id, "infrastructure") == ()
    assert archive.annotations.tags() == ("ports",)


def test_find_highlights_filters_by_colour_tag_and_orphans(
    archive: Archive, article_id: ArticleId
) -> None:
    quay = archive.annotations.highlight_quote(article_id, "quay", color="red")
    archive.annotations.highlight_quote(article_id, "autumn")
    archive.annotations.tag_highlight(quay.id, "stone")  # type: ignore[arg-type]
    assert [h.exact for h in archive.annotations.find_highlights(color="red")] == ["quay"]
    assert [h.exact for h in archive.annotations.find_highlights(tag="stone")] == ["quay"]
    assert archive.annotations.find_highlights(orphans=True) == ()


def test_deleted_highlight_goes_to_the_trash_with_its_notes_and_comes_back(
    archive: Archive, article_id: ArticleId
) -> None:
    hl = archive.annotations.highlight_quote(article_id, "quay")
    assert hl.id is not None
    archive.annotations.add_note(article_id, "on the quay", highlight_id=hl.id)
    archive.annotations.delete_highlight(hl.id)
    assert archive.annotations.highlights(article_id) == ()
    assert archive.annotations.notes(article_id) == ()
    assert [(t.kind, t.id, t.label) for t in archive.trash.items()] == [
        ("highlight", hl.id, "quay")
    ]
    restored = archive.annotations.restore_highlight(hl.id)
    assert [n.text for n in restored.notes] == ["on the quay"]
    assert archive.trash.items() == ()


def test_deleted_article_leaves_listing_and_search_until_restored(
    archive: Archive, article_id: ArticleId
) -> None:
    archive.trash.delete_article(article_id)
    assert archive.articles.listing() == [] and archive.search.query("harbour") == []
    archive.trash.restore_article(article_id)
    assert [a.id for a in archive.articles.listing()] == [article_id]


def test_emptying_the_trash_destroys_only_what_is_in_it(
    archive: Archive, article_id: ArticleId
) -> None:
    keep = archive.annotations.add_note(article_id, "keep me")
    gone = archive.annotations.add_note(article_id, "drop me")
    archive.annotations.delete_note(gone.id)  # type: ignore[arg-type]
    assert archive.trash.empty() == 1
    assert [n.text for n in archive.annotations.notes(article_id)] == [keep.text]
    with pytest.raises(NotFoundError):
        archive.annotations.restore_note(gone.id)  # type: ignore[arg-type]


def test_emptying_the_trash_removes_a_deleted_article_and_its_original(
    archive: Archive, article_id: ArticleId
) -> None:
    archive.annotations.highlight_quote(article_id, "quay")
    archive.trash.delete_article(article_id)
    assert archive.trash.empty() == 1
    assert archive.articles.ids(include_deleted=True) == []
    with pytest.raises(NotFoundError):
        archive.articles.original(article_id)


def test_reextract_keeps_moves_and_orphans_highlights(
    archive: Archive, article_id: ArticleId
) -> None:
    kept = archive.annotations.highlight_quote(article_id, "The harbour opened")
    moved = archive.annotations.highlight_quote(article_id, "Ships came back in autumn")
    fuzzy = archive.annotations.highlight_quote(article_id, "the quay was rebuilt with stone")
    lost = archive.annotations.highlight_quote(article_id, "closed in winter")
    new_text = (
        TEXT.replace("[1]\n\n", "[1] A new sentence.\n")
        .replace("rebuilt with stone", "re-built with stones")
        .replace("The harbour closed in winter.", "The end.")
    )
    report = archive.annotations.reextract(article_id, reextracted(new_text))
    assert (report.kept, report.moved, report.fuzzy, report.orphaned) == (
        (kept.id,),
        (moved.id,),
        (fuzzy.id,),
        (lost.id,),
    )
    orphan = archive.annotations.highlight(lost.id)  # type: ignore[arg-type]
    assert orphan.orphaned and orphan.exact == "closed in winter"
    assert archive.annotations.highlight(moved.id).start == new_text.index("Ships")  # type: ignore[arg-type]


def test_orphan_keeps_its_notes_and_is_listed(archive: Archive, article_id: ArticleId) -> None:
    hl = archive.annotations.highlight_quote(article_id, "closed in winter")
    archive.annotations.add_note(article_id, "why?", highlight_id=hl.id)
    archive.annotations.reextract(article_id, reextracted("Entirely different text now."))
    (orphan,) = archive.annotations.find_highlights(orphans=True)
    assert (orphan.id, [n.text for n in orphan.notes]) == (hl.id, ["why?"])
    assert archive.annotations.document(article_id).highlights[0].orphaned


def test_footnote_notes_survive_reextraction_by_label(
    archive: Archive, article_id: ArticleId
) -> None:
    archive.annotations.add_note(article_id, "Report is online.", footnote_label="1")
    again = make_extraction(text=TEXT.replace("\n\n", "\n"))
    archive.annotations.reextract(article_id, again)
    assert [n.text for n in archive.annotations.document(article_id).footnotes[0].notes] == [
        "Report is online."
    ]


def test_note_on_a_footnote_that_disappeared_is_shown_with_the_article(
    archive: Archive, article_id: ArticleId
) -> None:
    archive.annotations.add_note(article_id, "Report is online.", footnote_label="2")
    archive.annotations.reextract(article_id, reextracted("Only a short text now."))
    doc = archive.annotations.document(article_id)
    assert [(n.text, n.footnote_label) for n in doc.notes] == [("Report is online.", "2")]
