"""What every format importer returns: the article, the encoding it read, archived resources."""

from __future__ import annotations

from dataclasses import dataclass

from archivist.model import Article


@dataclass(frozen=True, slots=True)
class Resource:
    """A file saved with the page (an image from an MHTML or a ``_files`` folder)."""

    location: str
    """The URL or relative path the page refers to it by; never used as a file path."""
    mime_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Extraction:
    """One importer's result for one file; ``article.source`` is filled in by the dispatcher."""

    article: Article
    encoding: str
    resources: tuple[Resource, ...] = ()
