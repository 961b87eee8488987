"""The article document (docs/formats.md): the JSON that ``archivist show --json`` prints."""

from __future__ import annotations

from typing import Any

from archivist.model import Article, Highlight, Note


def note_json(note: Note) -> dict[str, Any]:
    """A user's note as JSON."""
    return {"id": note.id, "text": note.text, "created": note.created, "edited": note.edited}


def highlight_json(highlight: Highlight) -> dict[str, Any]:
    """A highlight as JSON; ``note`` is the first note's text, ``notes`` all of them."""
    return {
        "id": highlight.id,
        "start": highlight.start,
        "end": highlight.end,
        "quote": highlight.exact,
        "color": highlight.color,
        "note": highlight.notes[0].text if highlight.notes else None,
        "notes": [note_json(n) for n in highlight.notes],
        "prefix": highlight.prefix,
        "suffix": highlight.suffix,
        "orphaned": highlight.orphaned,
        "tags": list(highlight.tags),
    }


def article_document(article: Article) -> dict[str, Any]:
    """The article as the JSON document of the CLI contract (keys in the contract's order)."""
    source = article.source
    return {
        "id": article.id,
        "title": article.title,
        "subtitle": article.subtitle,
        "authors": list(article.authors),
        "published": article.published,
        "site": article.site,
        "section": article.section,
        "url": article.url,
        "language": article.language,
        "source": None
        if source is None
        else {
            "filename": source.filename,
            "format": source.format,
            "encoding": source.encoding,
            "sha256": source.sha256,
            "size": source.size,
            "imported_at": source.imported_at,
        },
        "text": article.text,
        "footnotes": [
            {
                "label": fn.label,
                "markers": list(fn.markers),
                "text": fn.text,
                "kind": fn.kind,
                "refers_to": fn.refers_to,
                "locator": fn.locator,
                "uncited": fn.uncited,
                "csl": None if fn.csl is None else dict(fn.csl),
                "edited": fn.edited is not None,
                "notes": [note_json(n) for n in fn.notes],
            }
            for fn in article.footnotes
        ],
        "highlights": [highlight_json(h) for h in article.highlights],
        "notes": [note_json(n) for n in article.notes],
        "tags": list(article.tags),
        "blocks": [
            {
                k: v
                for k, v in (
                    ("kind", b.kind),
                    ("start", b.start),
                    ("end", b.end),
                    ("level", b.level),
                )
                if v is not None
            }
            | ({"ordered": True} if b.ordered else {})
            for b in article.blocks
        ],
        "marks": [
            {
                k: v
                for k, v in (
                    ("kind", m.kind),
                    ("start", m.start),
                    ("end", m.end),
                    ("href", m.href),
                    ("label", m.label),
                )
                if v is not None
            }
            for m in article.marks
        ],
        "csl": None if article.csl is None else dict(article.csl),
        "edited": article.csl_edited is not None,
        "importer_version": article.importer_version,
        "warnings": list(article.warnings),
    }
