"""Where Archivist's bibliographies deliberately differ from citeproc-js, and what they print.

Each rule is written down in docs/formats.md with the manual's rule. Two rules change text
the same way wherever they apply (Persian and Arabic punctuation; title-case words), so they
are transforms of citeproc-js's output; the others name the entries they change and what
Archivist prints instead, in ``data/citeproc_deviations.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from typing import Any

from citeproc_fixture import DATA, Segments, canonical

RULES = {
    "rtl-punctuation": "Persian and Arabic items: the Arabic comma and semicolon, no period "
    "after a question mark",
    "headline-small-words": "Headline case: next, and in Chicago yet and so, are capitalised",
    "name-once": "An organisation that is author and publisher (or website) is named once",
    "apa-retrieved": "APA: no “Retrieved” without a retrieval date",
    "mla-accessed": "MLA: a date of access only with a URL",
    "mla-dashes": "MLA: three dashes only for the same authors (Penrith et al. is not Penrith)",
    "et-al-marker": "A name list the source cut short with et al. ends with the style's et al.",
    "bad-dates": "Date parts that are no date (day 45, month 13 of a raw date) are left out",
    "markup-is-text": "Markup characters in a field are text, not HTML",
    "bare-items": "A work with no author and no title is cited by what it has",
}

_WORDS = {
    "What next for": (
        "What Next for",
        ("chicago-notes-bibliography", "chicago-author-date", "modern-language-association"),
    ),
    "Small yet Strong": ("Small Yet Strong", ("chicago-notes-bibliography", "chicago-author-date")),
}
_RTL = ("fa", "ar")


@cache
def explicit() -> dict[tuple[str, str, str], tuple[str, Segments]]:
    """``(style, item id, "entry" or "note N") → (rule, what Archivist prints)``."""
    raw = json.loads((DATA / "citeproc_deviations.json").read_text(encoding="utf-8"))
    out = {}
    for d in raw["deviations"]:
        assert d["rule"] in RULES, d["rule"]
        out[(d["style"], d["id"], d["where"])] = (d["rule"], canonical(d["ours"]))
    return out


def expect(
    style: str,
    item: dict[str, Any],
    where: str,
    citeproc: Sequence[Sequence[Any]] | None,
    *,
    listed: bool = True,
) -> tuple[Segments | None, str | None]:
    """What Archivist should print where citeproc-js printed ``citeproc``, and the rule why.

    The rule is None where Archivist prints exactly what citeproc-js printed. ``listed``
    False leaves out the explicit list (the tool that writes it compares without it).
    """
    entry = explicit().get((style, item["id"], where)) if listed else None
    if entry is not None:
        return entry[1], entry[0]
    if citeproc is None:
        return None, None
    segments = canonical(citeproc)
    rule = None
    for old, (new, styles) in _WORDS.items():
        if style in styles and any(old in t for t, _ in segments):
            segments = tuple((t.replace(old, new), i) for t, i in segments)
            rule = "headline-small-words"
    if str(item.get("language", ""))[:2] in _RTL:
        changed = _rtl(segments)
        if changed != segments:
            segments, rule = changed, "rtl-punctuation"
    return segments, rule


def _rtl(segments: Segments) -> Segments:
    """citeproc-js's output with the Arabic comma and semicolon, and no period after ؟."""
    chars = [(c, italic) for text, italic in segments for c in text]
    mapped = [({",": "،", ";": "؛"}.get(c, c), italic) for c, italic in chars]
    out: list[list[Any]] = []
    text = ""
    for c, italic in mapped:
        if c == "." and text.rstrip("”’\"'").endswith("؟"):
            continue
        text += c
        if out and out[-1][1] == italic:
            out[-1][0] += c
        else:
            out.append([c, italic])
    return canonical(out)
