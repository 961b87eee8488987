"""Markdown export: heading, quotes as blockquotes with colour meaning, notes, footnote notes."""

from __future__ import annotations

from archivist.annotate.markdown import article_markdown, collection_markdown
from archivist.model import Article, ArticleId, Footnote, Highlight, HighlightId, Note, NoteId


def article() -> Article:
    hl_note = Note(NoteId(1), ArticleId(1), "highlight", "Is *this* right?")
    return Article(
        id=ArticleId(1),
        title="Ports and *Tides*",
        text="Ships came back.",
        authors=("Mira Talebi",),
        footnotes=(
            Footnote(
                "1",
                (0,),
                "Report, 2019.",
                notes=(Note(NoteId(2), ArticleId(1), "footnote", "Online."),),
            ),
            Footnote("2", (0,), "Ibid."),
        ),
        highlights=(
            Highlight(
                HighlightId(1),
                ArticleId(1),
                0,
                16,
                "Ships came\nback.",
                color="green",
                notes=(hl_note,),
                tags=("sea",),
            ),
            Highlight(HighlightId(2), ArticleId(1), 0, 0, "lost words", orphaned=True),
        ),
        notes=(Note(NoteId(3), ArticleId(1), "article", "Overall: biased."),),
    )


def test_article_heading_escapes_markdown_in_the_title() -> None:
    assert article_markdown(article(), {}).splitlines()[0] == "# Ports and \\*Tides\\*"


def test_quote_is_a_blockquote_with_colour_meaning_tags_and_notes() -> None:
    md = article_markdown(article(), {"green": "evidence"})
    assert "> Ships came\n> back.\n\n*green — evidence* · `sea`\n\n- Is *this* right?" in md


def test_orphan_is_shown_and_flagged() -> None:
    assert "> lost words\n\n*yellow* · **orphaned**" in article_markdown(article(), {})


def test_footnote_notes_sit_under_their_footnote_only() -> None:
    md = article_markdown(article(), {})
    assert "## Footnote notes\n\n**[1]** Report, 2019.\n\n- Online." in md
    assert "Ibid." not in md


def test_article_notes_come_before_the_highlights() -> None:
    md = collection_markdown([article(), article()], {})
    assert md.index("Overall: biased.") < md.index("## Highlights")
    assert md.count("# Ports") == 2
