"""Why a library row matched the search: a snippet with the matched words marked, and where.

The one place the library asks the archive about matches (``archive.search.hits``, the same
search the command line runs).
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from archivist.archive import Archive
from archivist.gui.i18n import QT_TRANSLATE_NOOP
from archivist.model import ArticleId
from archivist.snippets import MARK, query_pattern

PLACES = {
    "title": QT_TRANSLATE_NOOP("Match", "title"),
    "text": QT_TRANSLATE_NOOP("Match", "text"),
    "highlight": QT_TRANSLATE_NOOP("Match", "highlight"),
    "note": QT_TRANSLATE_NOOP("Match", "note"),
    "footnote": QT_TRANSLATE_NOOP("Match", "footnote"),
}
"""Where a match can be, marked for translators."""
_MARKED = re.compile(re.escape(MARK) + "(.+?)" + re.escape(MARK))


@dataclass(frozen=True, slots=True)
class Match:
    """A row's reason to be in the results: where the words were found, and the words around."""

    where: str
    """A key of PLACES, or "" when the match is elsewhere (an author's name)."""
    snippet: str
    """The words around the match, matched words between ``**``."""


def find_matches(
    archive: Archive, ids: Sequence[ArticleId], titles: dict[ArticleId, str], query: str
) -> dict[ArticleId, Match]:
    """Where ``query`` matched each article, and the words around the match.

    The archive's search says every place that holds a word of the query and snippets the
    first of text, highlight, note and footnote that does; the row names that place, or the
    title when only the title (or an author) matched.
    """
    hits = archive.search.hits(ids, query)
    pattern = query_pattern(query)
    found = {}
    for article_id in ids:
        hit = hits.get(article_id)
        where = hit.where if hit is not None else ()
        snippet = hit.snippet if hit is not None else ""
        place = next((p for p in ("text", "highlight", "note", "footnote") if p in where), "")
        title = titles.get(article_id, "")
        if place and MARK in snippet:
            found[article_id] = Match(place, snippet)
        elif pattern is not None and pattern.search(title):
            found[article_id] = Match("title", pattern.sub(lambda m: MARK + m[0] + MARK, title))
        else:
            found[article_id] = Match(place, snippet)
    return found


def place_label(where: str) -> str:
    """The place of a match in the UI language ("text", "note", ...)."""
    return QCoreApplication.translate("Match", PLACES[where]) if where in PLACES else ""


def plain_snippet(match: Match) -> str:
    """The snippet as plain text, prefixed by where it matched."""
    text = match.snippet.replace(MARK, "")
    label = place_label(match.where)
    return f"{label}: {text}" if label else text


def lead_in(snippet: str, words: int = 2) -> str:
    """The snippet from a few words before its first marked word (a narrow cell shows it)."""
    at = snippet.find(MARK)
    head = snippet[:at].split() if at > 0 else []
    if len(head) <= words:
        return snippet
    return "…" + " ".join(head[-words:]) + " " + snippet[at:]


def snippet_html(match: Match) -> str:
    """The snippet as rich text: escaped, matched words in bold, the place first in italics."""
    body = _MARKED.sub(r"<b>\1</b>", html.escape(match.snippet, quote=False))
    label = place_label(match.where)
    return f"<i>{html.escape(label)}</i>: {body}" if label else body
