"""Right-to-left text for ReportLab: shape, wrap in logical order, then reorder line by line.

ReportLab's own RTL support needs ``rlbidi``, which PyPI does not have, and running the bidi
algorithm over a whole paragraph reverses the order of its lines. What works (tests/export/
test_pdf.py checks the shaping): reshape Arabic letters into their joined presentation
forms, wrap into lines at the frame width in logical order, then apply the bidi algorithm to
each line. The legacy pure-Python ``bidi.algorithm`` is used because it mirrors brackets and
lets each character carry its style (highlight colour, link) through the reordering.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

import arabic_reshaper
from bidi import algorithm as uba
from reportlab.pdfbase.pdfmetrics import stringWidth

from archivist.text import ARABIC_LETTERS

_ARABIC_RUN = re.compile(
    f"[{ARABIC_LETTERS}](?:[{ARABIC_LETTERS}\u200c\u200d\\s«»،؛؟]*[{ARABIC_LETTERS}])?"
)


@dataclass(frozen=True, slots=True)
class Run:
    """A piece of paragraph text with the (already safe) markup that opens and closes it."""

    text: str
    prefix: str = ""
    suffix: str = ""


@lru_cache(maxsize=4096)
def reshape(text: str) -> str:
    """Arabic letters in their joined (presentation) forms, still in logical order."""
    return str(arabic_reshaper.reshape(text))


def visual(text: str, base: str = "R") -> str:
    """One line of text in display order (reshaped, reordered, brackets mirrored)."""
    return str(uba.get_display(reshape(text), base_dir=base))


def inline_arabic(text: str, font: str) -> str:
    """Escaped markup for LTR text in which Arabic-script runs are shaped and set in ``font``."""
    out: list[str] = []
    last = 0
    for match in _ARABIC_RUN.finditer(text):
        out.append(escape(text[last : match.start()]))
        out.append(f'<font name="{font}">{escape(visual(match.group(), "R"))}</font>')
        last = match.end()
    out.append(escape(text[last:]))
    return "".join(out)


def rtl_markup(runs: Sequence[Run], font: str, size: float, width: float) -> str:
    """Paragraph markup for right-to-left runs: lines wrapped at ``width``, joined by <br/>."""
    chars: list[tuple[str, int]] = []
    styles: list[tuple[str, str]] = []
    for run in runs:
        styles.append((run.prefix, run.suffix))
        chars.extend((c, len(styles) - 1) for c in reshape(_clean(run.text)))
    lines = _wrap(chars, font, size, width)
    return "<br/>".join(_line_markup(line, styles) for line in lines)


def _clean(text: str) -> str:
    # Newlines inside a paragraph become spaces; the wrap decides where lines break.
    return " ".join(text.split("\n"))


def _wrap(chars: list[tuple[str, int]], font: str, size: float, width: float) -> list[Any]:
    """Greedy word wrap in logical order; a word wider than the line is cut by characters."""
    words: list[list[tuple[str, int]]] = []
    current: list[tuple[str, int]] = []
    for item in chars:
        current.append(item)
        if item[0] == " ":
            words.append(current)
            current = []
    if current:
        words.append(current)
    lines: list[list[tuple[str, int]]] = []
    line: list[tuple[str, int]] = []
    used = 0.0
    space = stringWidth(" ", font, size)
    for word in words:
        text = "".join(c for c, _ in word)
        w = stringWidth(text.rstrip(" "), font, size)
        if line and used + w > width:
            lines.append(line)
            line, used = [], 0.0
        if w > width:
            for item in word:
                cw = stringWidth(item[0], font, size)
                if line and used + cw > width:
                    lines.append(line)
                    line, used = [], 0.0
                line.append(item)
                used += cw
            continue
        line.extend(word)
        used += w + (space if text.endswith(" ") else 0.0)
    if line:
        lines.append(line)
    return lines


def _line_markup(line: list[tuple[str, int]], styles: list[tuple[str, str]]) -> str:
    while line and line[-1][0] == " ":
        line = line[:-1]
    text = "".join(c for c, _ in line)
    storage = uba.get_empty_storage()
    storage["base_level"] = 1
    storage["base_dir"] = "R"
    uba.get_embedding_levels(text, storage, False, False)
    for ch, (_, style) in zip(storage["chars"], line, strict=True):
        ch["style"] = style
    uba.explicit_embed_and_overrides(storage, False)
    uba.resolve_weak_types(storage, False)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    out: list[str] = []
    group: list[str] = []
    current: int | None = None
    for ch in storage["chars"]:
        if ch["style"] != current and group:
            prefix, suffix = styles[current or 0]
            out.append(prefix + escape("".join(group)) + suffix)
            group = []
        current = ch["style"]
        group.append(_printable(ch["ch"]))
    if group:
        prefix, suffix = styles[current or 0]
        out.append(prefix + escape("".join(group)) + suffix)
    return "".join(out)


def _printable(ch: str) -> str:
    # Bidi controls and joiners have done their work; most fonts draw them as boxes.
    return "" if unicodedata.category(ch) == "Cf" else ch
