"""Turn a saved article's bytes into the document model: a pure function of bytes and version."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace

from archivist.ingest.base import Extraction, Resource
from archivist.ingest.sniff import SUPPORTED_SUFFIXES, sniff_format
from archivist.model import Source

IMPORTER_VERSION = 1
"""Raised whenever extraction output changes, so `reextract` can tell stale articles."""

__all__ = ["IMPORTER_VERSION", "SUPPORTED_SUFFIXES", "Extraction", "Resource", "extract"]


def extract(data: bytes, filename: str) -> Extraction:
    """Extract the article in ``data``; raises ExtractionError naming ``filename`` on bad input."""
    fmt = sniff_format(data, filename)
    result: Extraction
    if fmt == "text":
        from archivist.ingest import text

        result = text.extract(data, filename)
    elif fmt == "html":
        from archivist.ingest import html

        result = html.extract(data, filename)
    else:
        from archivist.ingest import mhtml

        result = mhtml.extract(data, filename)
    source = Source(
        filename=os.path.basename(filename),
        format=fmt,
        encoding=result.encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
    )
    article = replace(result.article, source=source, importer_version=IMPORTER_VERSION)
    return replace(result, article=article)
