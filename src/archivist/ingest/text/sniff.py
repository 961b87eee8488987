"""Tell a saved article's format from its name and first bytes, and refuse what is not one."""

from __future__ import annotations

import re

from archivist.errors import ExtractionError
from archivist.ingest.text.decode import looks_binary, sniff_bom, sniff_utf16
from archivist.model import SourceFormat

TEXT_SUFFIXES = frozenset({".txt", ".text"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
MHTML_SUFFIXES = frozenset({".mhtml", ".mht"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | MHTML_SUFFIXES

_HTML_START = re.compile(
    rb"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|\?xml)", re.I | re.S
)
# A Markdown save under another name: YAML front matter (a "key: value" line right after an
# opening ---, and a closing ---), or a footnote definition ([^1]: ...) at the start of a line.
_FRONT_MATTER = re.compile(rb"\A---[ \t]*\r?\n[A-Za-z_][\w -]*:.*?\r?\n---[ \t]*\r?\n", re.S)
_FOOTNOTE_DEFINITION = re.compile(rb"^\[\^[^\]\s]+\]:[ \t]", re.M)
_MHTML_HEADER = re.compile(
    rb"^(?:[!-9;-~]+:[^\r\n]*\r?\n(?:[ \t][^\r\n]*\r?\n)*)*?content-type:\s*multipart/related", re.I
)

# Magic numbers of common binary formats that arrive under text names by mistake.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a zip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


def sniff_format(data: bytes, filename: str) -> SourceFormat:
    """The format of a saved article; raises ExtractionError for empty or binary files."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ExtractionError(f"{filename}: the file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ExtractionError(f"{filename}: this is {what}, not a saved article")
    if looks_binary(data):
        raise ExtractionError(f"{filename}: binary content, not a saved article")
    head = data[:4096]
    wide = sniff_bom(head) or sniff_utf16(head)
    if wide in {"utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"}:
        head = head.decode(wide, errors="ignore").encode("utf-8")
    if _MHTML_HEADER.match(head.lstrip()):
        return "mhtml"
    suffix = _suffix(filename)
    if suffix in MHTML_SUFFIXES:
        return "mhtml"
    if suffix in HTML_SUFFIXES or _HTML_START.match(head.lstrip(b"\xef\xbb\xbf")):
        return "html"
    if (
        suffix in MARKDOWN_SUFFIXES
        or _FRONT_MATTER.match(head.lstrip(b"\xef\xbb\xbf"))
        or _FOOTNOTE_DEFINITION.search(data)
    ):
        return "markdown"
    return "text"


def _suffix(filename: str) -> str:
    dot = filename.rfind(".")
    return filename[dot:].lower() if dot > filename.rfind("/") else ""
