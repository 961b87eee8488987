"""Hand corrections of citations laid over what extraction produced, and found again after it.

An edit holds the whole corrected item (never a difference), so what the user sees in the
editor is exactly what every export prints. Extraction's own item is never overwritten:
"Reset to extracted" deletes the edit. After a re-extraction an edit stays on the note with
the same label whose text is still close to the text it was made on, else moves to the one
note whose text is that close; with neither it is kept as lost and reported.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from archivist.model import Article, CitationEdit, Footnote

_NUMBER = re.compile(r"\d+")
_LEADING_MARKER = re.compile(r"^\s*[\[(]?\d{1,3}[.)\]]\s")
"""A note number left at the start of a note's text by one extraction and not another."""
SAME_NOTE = 70.0
"""How close (rapidfuzz ratio, 0-100) a note's new text must be to the text an edit was made
on for the edit to stay with it (its numbers must agree too; see ``same_note``). Chosen on
the tune part of tests/bench/bench_citation_rematch.py: from 80 to 70 kept 92.6% → 98.4% of
re-extracted notes and still refused every other note; lower gained little, with more risk
for notes without numbers, which the benchmark cannot tell apart."""


def apply_edits(article: Article, edits: Sequence[CitationEdit]) -> Article:
    """The article as the user corrected it: each edited note's kind, back reference and item,
    and the article's own item (its title, authors, date, site and URL follow it)."""
    by_label = {e.label: e for e in edits if not e.lost and e.label is not None}
    footnotes = tuple(
        _apply_to_footnote(fn, by_label[fn.label]) if fn.label in by_label else fn
        for fn in article.footnotes
    )
    own = next((e for e in edits if e.label is None and not e.lost), None)
    if own is None or own.csl is None:
        return dataclasses.replace(article, footnotes=footnotes)
    meta = article_metadata(own.csl)
    return dataclasses.replace(
        article,
        footnotes=footnotes,
        csl=own.csl,
        csl_edited=own.edited,
        title=meta.title or article.title,
        authors=meta.authors,
        published=meta.published,
        site=meta.site,
        url=meta.url,
        language=meta.language or article.language,
    )


@dataclass(frozen=True, slots=True)
class ArticleMetadata:
    """An article's listing fields as its corrected CSL item gives them."""

    title: str
    authors: tuple[str, ...]
    published: str | None
    site: str | None
    url: str | None
    language: str | None


def article_metadata(csl: Mapping[str, Any]) -> ArticleMetadata:
    """Title, byline names, date (``YYYY-MM-DD`` or shorter), site, URL and language of an
    article's own item (an empty title when the item has none)."""
    return ArticleMetadata(
        title=" ".join(str(csl.get("title") or "").split()),
        authors=tuple(_byline(n) for n in _names(csl.get("author"))),
        published=_published(csl.get("issued")),
        site=_optional(csl.get("container-title")),
        url=_optional(csl.get("URL")),
        language=_optional(csl.get("language")),
    )


def _apply_to_footnote(fn: Footnote, edit: CitationEdit) -> Footnote:
    return dataclasses.replace(
        fn,
        kind=edit.kind or fn.kind,
        refers_to=edit.refers_to,
        csl=edit.csl,
        edited=edit.edited,
    )


def _names(value: Any) -> list[Mapping[str, Any]]:
    if not isinstance(value, list):
        return []
    return [n for n in value if isinstance(n, Mapping)]


def _byline(name: Mapping[str, Any]) -> str:
    if name.get("literal"):
        return str(name["literal"])
    return " ".join(str(name.get(k) or "") for k in ("given", "family")).strip()


def _published(value: Any) -> str | None:
    if not isinstance(value, Mapping):
        return None
    parts = value.get("date-parts")
    if not (isinstance(parts, list) and parts and isinstance(parts[0], list)):
        return None
    numbers: list[int] = []
    for part in parts[0][:3]:
        try:
            numbers.append(int(part))
        except (TypeError, ValueError):
            break
    if not numbers:
        return None
    return "-".join(f"{n:04d}" if i == 0 else f"{n:02d}" for i, n in enumerate(numbers))


def _optional(value: Any) -> str | None:
    text = " ".join(str(value or "").split())
    return text or None


def rematch(edits: Sequence[CitationEdit], footnotes: Sequence[Footnote]) -> list[CitationEdit]:
    """The footnote edits after a re-extraction: each on the note it still matches, or lost.

    The same label with similar text keeps an edit; otherwise the one note (not already
    edited) whose text is similar takes it; otherwise it is marked lost. The article's own
    edit is not tied to a note and is returned unchanged.
    """
    by_label = {fn.label: fn for fn in footnotes}
    out: list[CitationEdit] = []
    taken: set[str] = set()
    pending: list[CitationEdit] = []
    for edit in edits:
        if edit.label is None:
            out.append(edit)
            continue
        fn = by_label.get(edit.label)
        if fn is not None and _similar(edit.note_text, fn.text):
            taken.add(fn.label)
            out.append(dataclasses.replace(edit, note_text=fn.text, lost=False))
        else:
            pending.append(edit)
    if pending:
        from rapidfuzz import fuzz  # re-extraction only; reading commands never load it
    for edit in pending:
        candidates = [
            (fuzz.ratio(_fold(edit.note_text), _fold(fn.text)), fn)
            for fn in footnotes
            if fn.label not in taken and _similar(edit.note_text, fn.text)
        ]
        if candidates:
            _, fn = max(candidates, key=lambda c: c[0])
            taken.add(fn.label)
            out.append(dataclasses.replace(edit, label=fn.label, note_text=fn.text, lost=False))
        else:
            out.append(dataclasses.replace(edit, lost=True))
    return out


def _similar(a: str, b: str) -> bool:
    return same_note(a, b)


def same_note(before: str, after: str, threshold: float = SAME_NOTE) -> bool:
    """Whether a note's text after a re-extraction is still the note a correction was made on.

    The texts must be close (rapidfuzz ratio), and the numbers of one must all be among the
    other's: a short form citing another page of the same work ("Marrow, Salt Roads, 45."
    for "..., 88.") is another note, while a note an older importer had cut short, or one
    that gained a leftover marker number, is the same.
    """
    from rapidfuzz import fuzz  # re-extraction only; reading commands never load it

    if fuzz.ratio(_fold(before), _fold(after)) < threshold:
        return False
    a, b = (Counter(_NUMBER.findall(_LEADING_MARKER.sub("", t))) for t in (before, after))
    return not (a - b) or not (b - a)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()
