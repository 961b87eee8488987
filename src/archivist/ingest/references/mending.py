"""Boundary slips of the labeller mended before a reference's segments are read into fields.

The labeller decides token by token; a few of its slips have a shape the whole reference
shows plainly (a place running on past its colon, a name that its role word says is an
editor's). Each mend here is judged on the tune part and held-out training references
(training/README.md), never on the check part.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from archivist.ingest.references.names import names_editors

IN_WORD = re.compile(r"^(?:in|in:|dans|en|em|im|w|w:|içinde|в|در|في|载|收入|见)\s*[:：]?\s+", re.I)
"""The word that opens the work holding another (``In``, ``dans``, ``در``)."""
_PLACE_COLON = re.compile(r"^(?P<place>[^:]*\w[^:]*):\s+(?P<publisher>\w.*)$")


def mended(segments: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """The segments with three slips of the labeller mended.

    Names whose role word says they edited the work are its editors ("Demarais, S., and P. R.
    Krausman, editors. 2000."). A place runs on past its colon into the publisher ("Grand
    Rapids, MI: Wm." + "B. Eerdmans Publishing"): in an imprint the colon ends the place. A
    periodical directly followed by a place, with no publisher and no pages anywhere, is the
    publisher of a book ("American Chemical Society: Washington, DC, 1990"): a periodical's
    name is never followed by a town.
    """
    out = [
        ("editor" if label == "author" and names_editors(raw) else label, raw)
        for label, raw in segments
    ]
    index = 0
    while index < len(out):
        label, raw = out[index]
        split = _PLACE_COLON.match(raw.strip()) if label == "location" else None
        if split:
            out[index] = (label, split["place"] + ":")
            after = out[index + 1] if index + 1 < len(out) else None
            if after and after[0] == "publisher":
                out[index + 1] = ("publisher", split["publisher"] + " " + after[1])
            else:
                out.insert(index + 1, ("publisher", split["publisher"]))
        index += 1
    labels = {label for label, _ in out}
    if "publisher" not in labels and "pages" not in labels:
        for index, (label, raw) in enumerate(out[:-1]):
            if label == "journal" and out[index + 1][0] == "location" and not IN_WORD.match(raw):
                out[index] = ("publisher", raw)
                break
    return out
