"""The CSL item types the styles treat alike, named once (the groups of the official styles).

A periodical's article (serial) and a part of a book (monographic) are set differently in
every style; legal items follow the Bluebook; reference-work entries are cited under their
title. Each style's own type lists (which types give a full date, which a title in quotes)
are here too, beside the groups they refine.
"""

from __future__ import annotations


def _types(names: str) -> tuple[str, ...]:
    return tuple(names.split())


SERIAL = _types("article-journal article-magazine article-newspaper periodical post-weblog")
"""Articles in periodicals (the styles' "serial" types)."""
NEWS = _types("article-magazine article-newspaper")
LEGAL = _types("bill hearing legal_case legislation regulation treaty")
ENTRY = _types("entry entry-dictionary entry-encyclopedia")
RETRIEVABLE = _types("archive container-title DOI number publisher URL")
"""What makes a letter or interview one a reader can find (CMOS 18 14.111, APA 7 8.9)."""

CHICAGO_FULL_DATE = _types(
    "article broadcast collection dataset document event graphic manuscript map patent "
    "performance personal_communication post software song speech standard webpage"
)
"""Chicago's ``source-date-issued-full``: types dated to the day, not the year."""
CHICAGO_QUOTED = _types(
    "article dataset document interview manuscript paper-conference personal_communication "
    "speech thesis webpage"
)
"""Chicago's ``title-primary``: types whose title is quoted even with no container."""
CHICAGO_BRACKETED = _types(
    "book chapter classic interview musical_score pamphlet paper-conference report thesis"
)
"""Chicago notes: types whose publication goes in parentheses, ``(Calder Press, 2016)``."""

APA_FULL_DATE = _types(
    "article-magazine article-newspaper broadcast collection document event motion_picture "
    "pamphlet performance personal_communication post post-weblog song speech webpage"
)
"""APA's ``date``: types dated to the day, ``(2016, September 10)``."""
APA_YEAR_SORT = _types(
    "article article-journal book chapter entry entry-dictionary entry-encyclopedia dataset "
    "figure graphic manuscript map musical_score patent report review review-book thesis"
)
"""APA's ``date-sort``: types sorted by year alone."""
APA_NO_MONOGRAPHIC = _types(
    "article-journal article-magazine article-newspaper broadcast event patent performance "
    "periodical post post-weblog speech webpage"
)
"""APA's ``identifier-monographic``: types with no edition, volume or pages of their own."""
