"""Hand corrections laid over extraction, and found again after a re-extraction."""

from __future__ import annotations

from archivist.annotate.citations import apply_edits, rematch, same_note
from archivist.model import Article, ArticleId, CitationEdit, Footnote

A = ArticleId(1)
BOOK = {"type": "book", "title": "The Salt Roads", "author": [{"family": "Marrow", "given": "J."}]}


def footnote(label: str, text: str) -> Footnote:
    return Footnote(label, (), text, "citation", None, {"type": "document", "title": text})


def test_an_edit_replaces_the_notes_kind_link_and_item() -> None:
    article = Article("T", "x", footnotes=(footnote("1", "Marrow, Salt"), footnote("2", "Ibid.")))
    edits = [CitationEdit(A, "2", BOOK, "note", None, "Ibid.", "2026-01-01T00:00:00Z")]
    one, two = apply_edits(article, edits).footnotes
    assert one.edited is None and one.csl == {"type": "document", "title": "Marrow, Salt"}
    assert (two.kind, two.csl, two.edited) == ("note", BOOK, "2026-01-01T00:00:00Z")


def test_the_articles_own_edit_sets_its_metadata() -> None:
    item = {
        "type": "webpage",
        "title": "Corrected",
        "author": [{"family": "Marren", "given": "Ilse"}, {"literal": "Harbour Board"}],
        "issued": {"date-parts": [[1871, 5]]},
        "container-title": "Coasts",
        "URL": "https://example.org/h",
    }
    edited = apply_edits(Article("Wrong", "x"), [CitationEdit(A, None, item, edited="t")])
    assert (edited.title, edited.published, edited.site, edited.url) == (
        "Corrected",
        "1871-05",
        "Coasts",
        "https://example.org/h",
    )
    assert edited.authors == ("Ilse Marren", "Harbour Board") and edited.csl == item


def test_a_lost_edit_is_not_applied() -> None:
    article = Article("T", "x", footnotes=(footnote("1", "Marrow, Salt"),))
    edits = [CitationEdit(A, "1", BOOK, "citation", note_text="Marrow, Salt", lost=True)]
    assert apply_edits(article, edits).footnotes[0].edited is None


def test_rematch_keeps_an_edit_on_the_same_note_despite_small_text_changes() -> None:
    edit = CitationEdit(A, "1", BOOK, "citation", note_text="Marrow,  Salt Roads, 1999")
    (kept,) = rematch([edit], [footnote("1", "Marrow, Salt Roads, 1999.")])
    assert (kept.label, kept.lost) == ("1", False)


def test_rematch_follows_a_renumbered_note() -> None:
    edit = CitationEdit(A, "2", BOOK, "citation", note_text="Marrow, The Salt Roads, 1999.")
    notes = [
        footnote("1", "A new first note about tides."),
        footnote("3", "Marrow, The Salt Roads, 1999."),
    ]
    (moved,) = rematch([edit], notes)
    assert (moved.label, moved.lost) == ("3", False)


def test_rematch_marks_an_edit_lost_when_its_note_is_gone() -> None:
    edit = CitationEdit(A, "2", BOOK, "citation", note_text="Marrow, The Salt Roads, 1999.")
    (lost,) = rematch([edit], [footnote("2", "Something else entirely, 2004.")])
    assert lost.lost and lost.label == "2"


def test_a_short_form_citing_another_page_is_another_note() -> None:
    assert not same_note("Marrow, The Salt Roads, 45.", "Marrow, The Salt Roads, 88.")


def test_a_note_cut_short_or_with_a_leftover_number_is_the_same_note() -> None:
    full = "Jane Marrow, The Salt Roads (Calder Press, 1999), 45-67."
    assert same_note("Jane Marrow, The Salt Roads (Calder Press, 1999)", full)
    assert same_note("3. " + full, full)
