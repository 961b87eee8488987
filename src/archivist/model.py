"""The one document model: canonical text plus stand-off spans, and the user's annotations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NewType

ArticleId = NewType("ArticleId", int)
SourceId = NewType("SourceId", int)
HighlightId = NewType("HighlightId", int)
NoteId = NewType("NoteId", int)
DossierId = NewType("DossierId", int)

BlockKind = Literal["paragraph", "heading", "blockquote", "list_item", "preformatted"]
MarkKind = Literal["emphasis", "strong", "link", "footnote", "code"]
FootnoteKind = Literal["citation", "note"]
Uncited = Literal["dropped", "unlinked"]
"""Why a footnote has no marker in the text: the page cited it only in content the importer
left out ("dropped", an infobox say), or the page never cites it ("unlinked", a reference
list with no in-text links)."""
SourceFormat = Literal["text", "html", "mhtml", "markdown"]
NoteTarget = Literal["article", "highlight", "footnote"]

CslItem = Mapping[str, Any]
"""A CSL-JSON item (plain dict): ``type``, ``title``, ``author``, ``issued``, ..."""

BLOCK_KINDS: tuple[BlockKind, ...] = (
    "paragraph",
    "heading",
    "blockquote",
    "list_item",
    "preformatted",
)
MARK_KINDS: tuple[MarkKind, ...] = ("emphasis", "strong", "link", "footnote", "code")


@dataclass(frozen=True, slots=True)
class Block:
    """A block-level range ``[start, end)`` of the article text."""

    kind: BlockKind
    start: int
    end: int
    level: int | None = None
    """Heading level (1-6) for headings; nesting depth (1-based) for list items."""
    ordered: bool = False
    """For list items: whether the list is numbered."""


@dataclass(frozen=True, slots=True)
class Mark:
    """An inline range ``[start, end)``: emphasis, strong, code, a link or a footnote marker."""

    kind: MarkKind
    start: int
    end: int
    href: str | None = None
    label: str | None = None
    """For footnote markers: the footnote's label."""


@dataclass(frozen=True, slots=True)
class Note:
    """Markdown text the user attached to an article, a highlight or a footnote."""

    id: NoteId | None
    article_id: ArticleId | None
    target: NoteTarget
    text: str
    highlight_id: HighlightId | None = None
    footnote_label: str | None = None
    created: str | None = None
    edited: str | None = None


@dataclass(frozen=True, slots=True)
class Footnote:
    """One of the article's own footnotes, linked to its markers in the text."""

    label: str
    markers: tuple[int, ...]
    """Offsets into ``Article.text`` of the ``[`` of each marker citing this footnote."""
    text: str
    """The footnote as written in the source, unchanged."""
    kind: FootnoteKind = "note"
    refers_to: str | None = None
    """Label of the footnote holding the full citation an ibid or short form points back to."""
    csl: CslItem | None = None
    notes: tuple[Note, ...] = ()
    locator: str | None = None
    """The page (or other place) the note cites inside the work: "61" of "p. 61", "34" of
    "Ibid., 34." Not the work's own page range, which is the CSL item's ``page``."""
    uncited: Uncited | None = None
    """Set when ``markers`` is empty: why the text holds no marker for this footnote."""
    edited: str | None = None
    """When the user last corrected ``kind``, ``refers_to`` or ``csl`` by hand (None: as
    extracted); see ``CitationEdit``."""


@dataclass(frozen=True, slots=True)
class Source:
    """The original file an article was extracted from; its bytes stay in the archive."""

    filename: str
    format: SourceFormat
    encoding: str
    sha256: str
    size: int
    imported_at: str | None = None
    id: SourceId | None = None


@dataclass(frozen=True, slots=True)
class Highlight:
    """A highlighted range anchored by W3C TextPosition and TextQuote selectors."""

    id: HighlightId | None
    article_id: ArticleId
    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""
    color: str = "yellow"
    orphaned: bool = False
    """True when re-anchoring after a text change could not place the quote."""
    created: str | None = None
    edited: str | None = None
    notes: tuple[Note, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PaletteColor:
    """A highlight colour of the archive's palette and the meaning the user gave it."""

    color: str
    meaning: str
    position: int


@dataclass(frozen=True, slots=True)
class Article:
    """An imported article: canonical text, its blocks and marks, footnotes and metadata."""

    title: str
    text: str
    blocks: tuple[Block, ...] = ()
    marks: tuple[Mark, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    """ISO date ``YYYY-MM-DD`` (or ``YYYY-MM`` / ``YYYY`` when that is all the source says)."""
    site: str | None = None
    section: str | None = None
    url: str | None = None
    language: str | None = None
    source: Source | None = None
    id: ArticleId | None = None
    importer_version: int = 0
    warnings: tuple[str, ...] = ()
    highlights: tuple[Highlight, ...] = ()
    notes: tuple[Note, ...] = ()
    tags: tuple[str, ...] = ()
    csl: CslItem | None = None
    """The article's own CSL item as the user corrected it (None: made from its metadata)."""
    csl_edited: str | None = None
    """When the user last corrected the article's own item."""


@dataclass(frozen=True, slots=True)
class CitationEdit:
    """A hand correction of a footnote's citation, or of the article's own item (``label``
    None), kept apart from what extraction produced and laid over it when reading."""

    article_id: ArticleId
    label: str | None
    csl: CslItem | None
    """The whole corrected item (not a difference): what the note or article cites."""
    kind: FootnoteKind | None = None
    refers_to: str | None = None
    note_text: str = ""
    """The footnote's text when the edit was made, to find the note again after re-extraction."""
    edited: str | None = None
    lost: bool = False
    """True when a re-extraction no longer found the note: kept, reported, not applied."""


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the archive listing."""

    id: ArticleId
    title: str
    authors: tuple[str, ...]
    published: str | None
    site: str | None


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A full-text search result, best first."""

    id: ArticleId
    title: str
    snippet: str
    where: tuple[str, ...] = ()
    """The places holding a word of the query: title, authors, text, highlight, note, footnote
    (in that order; every word matched somewhere, not necessarily in each place listed)."""


@dataclass(frozen=True, slots=True)
class Dossier:
    """A saved selection of articles, in order, with the options of its export."""

    id: DossierId | None
    title: str
    subtitle: str | None = None
    compiler: str | None = None
    introduction: str | None = None
    article_ids: tuple[ArticleId, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    created: str | None = None
    edited: str | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    """A step of a long job: ``done`` of ``total`` units, with a message for the user."""

    done: int
    total: int
    message: str = ""


@dataclass(frozen=True, slots=True)
class Resource:
    """A file saved with the page (an image from an MHTML or a ``_files`` folder)."""

    location: str
    """The URL or relative path the page refers to it by; never used as a file path."""
    mime_type: str
    data: bytes


@dataclass(frozen=True, slots=True)
class Extraction:
    """One importer's result for one file, as the archive stores it: the article, the encoding
    the importer read, the resources saved with the page. ``article.source`` is filled in by
    the importer's dispatcher."""

    article: Article
    encoding: str
    resources: tuple[Resource, ...] = ()
