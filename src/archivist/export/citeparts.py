"""A formatted reference: runs of text in italics or not, as plain text, markup or Markdown."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import escape


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of reference text, in italics or not."""

    text: str
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Entry:
    """One formatted bibliography entry: its merge key and its styled text."""

    key: str
    segments: tuple[Segment, ...]

    def plain(self) -> str:
        """The entry as plain text."""
        return "".join(s.text for s in self.segments)

    def markup(self) -> str:
        """The entry as ReportLab paragraph markup, every field escaped."""
        return "".join(
            f"<i>{escape(s.text)}</i>" if s.italic else escape(s.text) for s in self.segments
        )

    def markdown(self) -> str:
        """The entry as Markdown (italics as ``*...*``)."""
        out = []
        for s in self.segments:
            text = re.sub(r"([\\`*_\[\]<>])", r"\\\1", s.text)
            core = text.strip()
            if s.italic and core:
                lead, trail = text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :]
                text = f"{lead}*{core}*{trail}"
            out.append(text)
        return "".join(out)
