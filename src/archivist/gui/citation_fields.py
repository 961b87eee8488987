"""The citation editor's words: item types, creator roles and fields by their translated names."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from archivist.gui.i18n import QT_TRANSLATE_NOOP

_TYPE_NAMES = {
    "article": QT_TRANSLATE_NOOP("CitationType", "Article (preprint, working paper)"),
    "article-journal": QT_TRANSLATE_NOOP("CitationType", "Journal article"),
    "article-magazine": QT_TRANSLATE_NOOP("CitationType", "Magazine article"),
    "article-newspaper": QT_TRANSLATE_NOOP("CitationType", "Newspaper article"),
    "bill": QT_TRANSLATE_NOOP("CitationType", "Bill"),
    "book": QT_TRANSLATE_NOOP("CitationType", "Book"),
    "broadcast": QT_TRANSLATE_NOOP("CitationType", "Broadcast"),
    "chapter": QT_TRANSLATE_NOOP("CitationType", "Book chapter"),
    "classic": QT_TRANSLATE_NOOP("CitationType", "Classic work"),
    "collection": QT_TRANSLATE_NOOP("CitationType", "Archival collection"),
    "dataset": QT_TRANSLATE_NOOP("CitationType", "Dataset"),
    "document": QT_TRANSLATE_NOOP("CitationType", "Document"),
    "entry": QT_TRANSLATE_NOOP("CitationType", "Entry"),
    "entry-dictionary": QT_TRANSLATE_NOOP("CitationType", "Dictionary entry"),
    "entry-encyclopedia": QT_TRANSLATE_NOOP("CitationType", "Encyclopedia entry"),
    "event": QT_TRANSLATE_NOOP("CitationType", "Event"),
    "figure": QT_TRANSLATE_NOOP("CitationType", "Figure"),
    "graphic": QT_TRANSLATE_NOOP("CitationType", "Image or artwork"),
    "hearing": QT_TRANSLATE_NOOP("CitationType", "Hearing"),
    "interview": QT_TRANSLATE_NOOP("CitationType", "Interview"),
    "legal_case": QT_TRANSLATE_NOOP("CitationType", "Legal case"),
    "legislation": QT_TRANSLATE_NOOP("CitationType", "Legislation"),
    "manuscript": QT_TRANSLATE_NOOP("CitationType", "Manuscript"),
    "map": QT_TRANSLATE_NOOP("CitationType", "Map"),
    "motion_picture": QT_TRANSLATE_NOOP("CitationType", "Film"),
    "musical_score": QT_TRANSLATE_NOOP("CitationType", "Musical score"),
    "pamphlet": QT_TRANSLATE_NOOP("CitationType", "Pamphlet"),
    "paper-conference": QT_TRANSLATE_NOOP("CitationType", "Conference paper"),
    "patent": QT_TRANSLATE_NOOP("CitationType", "Patent"),
    "performance": QT_TRANSLATE_NOOP("CitationType", "Performance"),
    "periodical": QT_TRANSLATE_NOOP("CitationType", "Periodical"),
    "personal_communication": QT_TRANSLATE_NOOP("CitationType", "Letter or personal message"),
    "post": QT_TRANSLATE_NOOP("CitationType", "Forum or social media post"),
    "post-weblog": QT_TRANSLATE_NOOP("CitationType", "Blog post"),
    "regulation": QT_TRANSLATE_NOOP("CitationType", "Regulation"),
    "report": QT_TRANSLATE_NOOP("CitationType", "Report"),
    "review": QT_TRANSLATE_NOOP("CitationType", "Review"),
    "review-book": QT_TRANSLATE_NOOP("CitationType", "Book review"),
    "software": QT_TRANSLATE_NOOP("CitationType", "Software"),
    "song": QT_TRANSLATE_NOOP("CitationType", "Recording"),
    "speech": QT_TRANSLATE_NOOP("CitationType", "Speech or lecture"),
    "standard": QT_TRANSLATE_NOOP("CitationType", "Standard"),
    "thesis": QT_TRANSLATE_NOOP("CitationType", "Thesis"),
    "treaty": QT_TRANSLATE_NOOP("CitationType", "Treaty"),
    "webpage": QT_TRANSLATE_NOOP("CitationType", "Web page"),
}
_ROLE_NAMES = {
    "author": QT_TRANSLATE_NOOP("CitationEditor", "Author"),
    "editor": QT_TRANSLATE_NOOP("CitationEditor", "Editor"),
    "translator": QT_TRANSLATE_NOOP("CitationEditor", "Translator"),
}
_FIELDS = (
    ("title", QT_TRANSLATE_NOOP("CitationEditor", "Title")),
    ("container-title", QT_TRANSLATE_NOOP("CitationEditor", "In (journal, site, book)")),
    ("collection-title", QT_TRANSLATE_NOOP("CitationEditor", "Series")),
    ("issued", QT_TRANSLATE_NOOP("CitationEditor", "Date")),
    ("volume", QT_TRANSLATE_NOOP("CitationEditor", "Volume")),
    ("issue", QT_TRANSLATE_NOOP("CitationEditor", "Issue")),
    ("page", QT_TRANSLATE_NOOP("CitationEditor", "Pages")),
    ("edition", QT_TRANSLATE_NOOP("CitationEditor", "Edition")),
    ("publisher", QT_TRANSLATE_NOOP("CitationEditor", "Publisher")),
    ("publisher-place", QT_TRANSLATE_NOOP("CitationEditor", "Place")),
    ("URL", QT_TRANSLATE_NOOP("CitationEditor", "URL")),
    ("DOI", QT_TRANSLATE_NOOP("CitationEditor", "DOI")),
    ("ISBN", QT_TRANSLATE_NOOP("CitationEditor", "ISBN")),
    ("accessed", QT_TRANSLATE_NOOP("CitationEditor", "Accessed")),
    ("language", QT_TRANSLATE_NOOP("CitationEditor", "Language")),
)
_DATES = ("issued", "accessed")


def _tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def type_name(csl_type: str) -> str:
    """A CSL item type by its readable, translated name."""
    return _tr("CitationType", _TYPE_NAMES.get(csl_type, csl_type))
