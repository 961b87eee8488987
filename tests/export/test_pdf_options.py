"""The dossier's options: highlight colours and tags, excerpts only, article notes."""

from __future__ import annotations

import dataclasses
from collections.abc import Generator
from pathlib import Path
from typing import Any

from pdfdata import article
from pypdf import PdfReader

from archivist.export.dossier import export_dossier, request_for
from archivist.export.pdf import DossierMeta, build_story
from archivist.export.pdfarticle import ArticleOptions
from archivist.export.pdfstyles import markup_color
from archivist.model import (
    Article,
    ArticleId,
    Dossier,
    DossierId,
    Highlight,
    HighlightId,
    Note,
    NoteId,
    PaletteColor,
)

PARAGRAPHS = [
    "The harbour opened in spring.",
    "Ships came back in autumn.",
    "The ledger was lost in the flood.",
    "Nobody wrote down the winter.",
]
MEANINGS = {"yellow": "claim", "green": "evidence", "red": "doubt"}


def highlighted() -> Article:
    """An article with a yellow (tag claim), a green (no tag) and a red (tag Sea) highlight."""
    base = article("Ports and Tides", PARAGRAPHS)
    marks = [
        ("harbour opened in spring", "yellow", ("claim",)),
        ("came back in autumn", "green", ()),
        ("ledger was lost", "red", ("Sea",)),
    ]
    highlights = []
    for n, (quote, color, tags) in enumerate(marks, start=1):
        at = base.text.index(quote)
        note = Note(NoteId(n), base.id, "highlight", f"{color.title()} note")
        highlights.append(
            Highlight(
                HighlightId(n),
                ArticleId(1),
                at,
                at + len(quote),
                quote,
                color=color,
                notes=(note,),
                tags=tags,
            )
        )
    article_note = Note(NoteId(9), base.id, "article", "Read with the 1921 map")
    return dataclasses.replace(base, highlights=tuple(highlights), notes=(article_note,))


def story_text(art: Article, **options: Any) -> str:
    """The markup of every paragraph of a one-article dossier, joined."""
    story = build_story(DossierMeta("T"), [art], [], MEANINGS, options=ArticleOptions(**options))
    return "\n".join(getattr(f, "text", "") for f in story)


def test_all_highlights_are_kept_by_default() -> None:
    text = story_text(highlighted())
    assert all(f"{c} note" in text for c in ("Yellow", "Green", "Red"))


def test_only_chosen_colours_are_painted_and_noted() -> None:
    text = story_text(highlighted(), colors=frozenset({"yellow", "red"}))
    assert "Yellow note" in text and "Red note" in text
    assert "Green note" not in text
    assert markup_color("green") not in text
    assert markup_color("yellow") in text


def test_colours_match_regardless_of_case() -> None:
    assert "Yellow note" in story_text(highlighted(), colors=frozenset({"Yellow"}))


def test_an_empty_colour_choice_keeps_no_highlight() -> None:
    text = story_text(highlighted(), colors=frozenset())
    assert "note" not in text.replace("Read with", "")
    assert "backColor" not in text


def test_only_highlights_with_a_chosen_tag_are_kept() -> None:
    text = story_text(highlighted(), tags=frozenset({"sea"}))
    assert "Red note" in text
    assert "Yellow note" not in text and "Green note" not in text


def test_a_chosen_tag_on_the_article_keeps_all_its_highlights() -> None:
    art = dataclasses.replace(highlighted(), tags=("Harbour",))
    text = story_text(art, tags=frozenset({"harbour"}))
    assert all(f"{c} note" in text for c in ("Yellow", "Green", "Red"))


def test_colour_and_tag_filters_both_apply() -> None:
    text = story_text(highlighted(), colors=frozenset({"yellow"}), tags=frozenset({"sea"}))
    assert "Yellow note" not in text and "Red note" not in text


def test_excerpts_only_shows_highlighted_passages_and_notes_not_the_text() -> None:
    text = story_text(highlighted(), excerpts_only=True)
    assert "harbour opened in spring" in text and "Yellow note" in text
    assert "Nobody wrote down the winter" not in text
    assert "The harbour opened" not in text


def test_excerpts_only_follows_the_colour_choice() -> None:
    text = story_text(highlighted(), excerpts_only=True, colors=frozenset({"green"}))
    assert "came back in autumn" in text
    assert "harbour opened in spring" not in text


def test_excerpts_only_says_when_no_highlight_is_selected() -> None:
    text = story_text(highlighted(), excerpts_only=True, colors=frozenset())
    assert "No highlights selected in this article." in text


def test_article_notes_are_included_by_default() -> None:
    assert "Read with the 1921 map" in story_text(highlighted())


def test_article_notes_can_be_left_out() -> None:
    text = story_text(highlighted(), include_article_notes=False)
    assert "Read with the 1921 map" not in text
    assert "Yellow note" in text


def dossier(**options: Any) -> Dossier:
    return Dossier(DossierId(1), "Tides", article_ids=(ArticleId(1),), options=options)


def test_saved_options_reach_the_request() -> None:
    opts = request_for(
        dossier(colors=["red"], tags=["sea"], excerpts_only=True, include_article_notes=False),
        "out.pdf",
    ).options
    assert opts == ArticleOptions(frozenset({"red"}), frozenset({"sea"}), True, False)


def test_a_saved_empty_colour_list_chooses_no_colour() -> None:
    assert request_for(dossier(colors=[]), "out.pdf").options.colors == frozenset()


def test_saved_dossier_without_options_keeps_everything() -> None:
    assert request_for(dossier(), "out.pdf").options == ArticleOptions()


def test_saved_empty_tag_list_is_no_tag_filter() -> None:
    assert request_for(dossier(tags=[]), "out.pdf").options.tags is None


def test_leaving_out_the_full_text_means_excerpts_only() -> None:
    assert request_for(dossier(include_full_text=False), "out.pdf").options.excerpts_only


class OneArticleAnnotations:
    """The annotations of an archive holding the highlighted article and the palette"""

    def document(self, article_id: ArticleId) -> Article:
        return highlighted()

    def palette(self) -> tuple[PaletteColor, ...]:
        return tuple(PaletteColor(c, m, n) for n, (c, m) in enumerate(MEANINGS.items()))


class OneArticle:
    """An archive holding the highlighted article and the palette."""

    annotations = OneArticleAnnotations()


def run(job: Generator[Any, None, Path]) -> Path:
    while True:
        try:
            next(job)
        except StopIteration as done:
            return Path(done.value)


def test_saved_options_shape_the_exported_pdf(tmp_path: Path) -> None:
    request = request_for(
        dossier(colors=["green"], excerpts_only=True, include_article_notes=False),
        tmp_path / "tides.pdf",
    )
    text = "\n".join(
        p.extract_text() for p in PdfReader(run(export_dossier(OneArticle(), request))).pages
    )
    assert "came back in autumn" in text and "evidence: Green note" in text
    assert "Yellow note" not in text
    assert "Nobody wrote down the winter" not in text
    assert "Read with the 1921 map" not in text
