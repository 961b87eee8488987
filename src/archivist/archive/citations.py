"""Correcting citations by hand in the archive: checked against the article, then stored."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from archivist.annotate.cslfields import CitationInputError
from archivist.archive.articles import ArticleStore
from archivist.archive.base import ArchiveBase
from archivist.archive.citation_edits import CitationEdits
from archivist.archive.store import Store
from archivist.model import ArticleId, CitationEdit


class CitationStore(Store):
    """Correcting citations by hand: a note's kind, back reference and item, or the article's
    (``archive.citations``)."""

    __slots__ = ("_articles",)

    def __init__(self, core: ArchiveBase, articles: ArticleStore) -> None:
        super().__init__(core)
        self._articles = articles

    @property
    def edits(self) -> CitationEdits:
        """The edits table of this archive."""
        return CitationEdits(self._db)

    def save(self, edit: CitationEdit) -> CitationEdit:
        """Store a correction (replacing the note's earlier one), checked against the article.

        CitationInputError for a label the article does not have, a back reference to no note
        or to the note itself, or a kind other than ``citation`` and ``note``.
        """
        with self._transaction():
            self._require_article(edit.article_id)
            footnotes = {fn.label: fn for fn in self._articles.footnotes(edit.article_id)}
            note_text = ""
            if edit.label is not None:
                fn = footnotes.get(edit.label)
                if fn is None:
                    raise CitationInputError(
                        f"article {edit.article_id} has no footnote {edit.label!r}"
                        + (f" (its labels: {_some(footnotes)})" if footnotes else "")
                    )
                note_text = fn.text
                if edit.kind not in ("citation", "note"):
                    raise CitationInputError(f"kind {edit.kind!r}: give citation or note")
                if edit.refers_to is not None:
                    if edit.refers_to == edit.label:
                        raise CitationInputError(f"note {edit.label} cannot refer to itself")
                    if edit.refers_to not in footnotes:
                        raise CitationInputError(
                            f"article {edit.article_id} has no footnote {edit.refers_to!r} "
                            "to refer to"
                        )
            elif edit.csl is None:
                raise CitationInputError("the article's own item cannot be empty")
            return self.edits.put(dataclasses.replace(edit, note_text=note_text))

    def reset(self, article_id: ArticleId, label: str | None) -> CitationEdit | None:
        """Back to what extraction produced: drop the correction; returns it (None if none)."""
        with self._transaction():
            self._require_article(article_id)
            return self.edits.delete(article_id, label)

    def drop_lost(self, article_id: ArticleId, label: str | None) -> CitationEdit | None:
        """Drop the kept corrections of a note a re-extraction lost; returns one (None if none)."""
        with self._transaction() as db:
            self._require_article(article_id)
            found = [e for e in self.edits.of_article(article_id) if e.lost and e.label == label]
            db.execute(
                "DELETE FROM citation_edits WHERE article_id = ? AND label = ? AND lost = 1",
                [article_id, label],
            )
            return found[0] if found else None


def _some(footnotes: Mapping[str, object], shown: int = 8) -> str:
    labels = list(footnotes)
    more = f", … ({len(labels)} in all)" if len(labels) > shown else ""
    return ", ".join(labels[:shown]) + more
