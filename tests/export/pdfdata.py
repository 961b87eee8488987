"""Small annotated articles for the PDF tests, built directly from model objects."""

from __future__ import annotations

from archivist.model import (
    Article,
    ArticleId,
    Block,
    Footnote,
    Highlight,
    HighlightId,
    Mark,
    Note,
    NoteId,
    Source,
)


def article(
    title: str,
    paragraphs: list[str],
    *,
    footnotes: tuple[tuple[str, str, dict[str, object] | None], ...] = (),
    highlight: tuple[str, str, str] | None = None,
    authors: tuple[str, ...] = ("Mira Talebi",),
    number: int = 1,
) -> Article:
    """An article whose paragraphs hold markers ``[label]`` for the given footnotes."""
    text = "\n\n".join(paragraphs)
    blocks, start = [], 0
    for part in paragraphs:
        blocks.append(Block("paragraph", start, start + len(part)))
        start += len(part) + 2
    notes = []
    marks = []
    for label, ref, csl in footnotes:
        at = text.index(f"[{label}]")
        marks.append(Mark("footnote", at, at + len(label) + 2, label=label))
        notes.append(Footnote(label, (at,), ref, "citation", csl=csl))
    highlights = ()
    if highlight is not None:
        quote, color, note = highlight
        at = text.index(quote)
        highlights = (
            Highlight(
                HighlightId(number),
                ArticleId(number),
                at,
                at + len(quote),
                quote,
                color=color,
                notes=(Note(NoteId(number), ArticleId(number), "highlight", note),),
            ),
        )
    return Article(
        title=title,
        text=text,
        blocks=tuple(blocks),
        marks=tuple(marks),
        footnotes=tuple(notes),
        authors=authors,
        published="2020-05-04",
        site="Tide Weekly",
        url=f"https://example.org/{number}",
        source=Source(
            f"a{number}.html", "html", "utf-8", f"{number:064x}", 10, "2024-03-05T10:00:00Z"
        ),
        id=ArticleId(number),
        highlights=highlights,
    )
