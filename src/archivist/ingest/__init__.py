"""Turn a saved article's bytes into the document model: a pure function of bytes and version."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace

from archivist.ingest.text.invisible import clean_field, without_invisible
from archivist.ingest.text.sniff import SUPPORTED_SUFFIXES, sniff_format
from archivist.model import Article, Extraction, Resource, Source

IMPORTER_VERSION = 3
"""Raised whenever extraction output changes, so `reextract` can tell stale articles."""

__all__ = ["IMPORTER_VERSION", "SUPPORTED_SUFFIXES", "Extraction", "Resource", "extract"]


def extract(data: bytes, filename: str, *, sha256: str | None = None) -> Extraction:
    """Extract the article in ``data``; raises ExtractionError naming ``filename`` on bad input.

    ``sha256`` is the hex digest of ``data`` when the caller has it already.
    """
    fmt = sniff_format(data, filename)
    result: Extraction
    if fmt == "text":
        from archivist.ingest.formats import text

        result = text.extract(data, filename)
    elif fmt == "markdown":
        from archivist.ingest.formats import markdown

        result = markdown.extract(data, filename)
    elif fmt == "html":
        from archivist.ingest.formats import html

        result = html.extract(data, filename)
    else:
        from archivist.ingest.formats import mhtml

        result = mhtml.extract(data, filename)
    source = Source(
        filename=os.path.basename(filename),
        format=fmt,
        encoding=result.encoding,
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        size=len(data),
    )
    return replace(result, article=_safe_metadata(without_invisible(result.article), source))


# Bidi embeddings, overrides and isolates can make a title or name display as something it is
# not (a ".txt" that reads as ".exe"); metadata never needs them. Body text keeps them (its
# offsets anchor highlights); renderers isolate it. Soft hyphens, zero-width spaces and the
# like go from both (ingest/text/invisible.py), every offset moved with them.
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


def _clean_field(value: str) -> str:
    return " ".join(clean_field(value.translate(_BIDI_CONTROLS)).split())


def _safe_metadata(article: Article, source: Source) -> Article:
    """The article with its source, and without bidi controls or stray whitespace in metadata."""

    def opt(value: str | None) -> str | None:
        return None if value is None else (_clean_field(value) or None)

    return replace(
        article,
        title=_clean_field(article.title),
        subtitle=opt(article.subtitle),
        authors=tuple(a for a in (_clean_field(x) for x in article.authors) if a),
        site=opt(article.site),
        section=opt(article.section),
        source=source,
        importer_version=IMPORTER_VERSION,
    )
