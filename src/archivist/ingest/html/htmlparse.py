"""Turn saved-page bytes into an lxml tree safely: encoding decided first, limits checked."""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from archivist.errors import ExtractionError
from archivist.ingest.html.htmltext import FOOTNOTE_TAG
from archivist.ingest.text.decode import (
    decode_bytes,
    looks_binary,
    normalise_encoding_name,
    sniff_bom,
)

PRESCAN_BYTES = 4096
"""How far into the file a charset declaration is looked for (WHATWG scans 1024)."""

_META_CHARSET = re.compile(rb"<meta\s[^>]*?charset\s*=\s*[\"']?\s*([-\w.:]+)", re.I)
_XML_DECL = re.compile(rb"^\s*<\?xml\s[^>]*?encoding\s*=\s*[\"']([-\w.:]+)[\"']", re.I)
# The HTML parser never expands entities, but an internal DTD subset would leak as text.
_DTD_OPEN = re.compile(r"<!DOCTYPE[^>\[]*\[", re.I)
_DTD_CLOSE = re.compile(r"\]\s*>")
_XML_PI = re.compile(r"^\s*<\?xml[^>]*>")

_C0_BYTES = bytes([*range(0, 9), 11, 12, *range(14, 32), 127])
_C0_SINGLE = tuple(bytes((b,)) for b in _C0_BYTES)
"""Each control byte alone: ``in`` finds one with memchr, five times faster than a regex."""


def declared_encoding(data: bytes) -> str | None:
    """The encoding a page declares in its first few KB (meta charset, http-equiv, XML decl)."""
    head = data[:PRESCAN_BYTES]
    for pattern in (_META_CHARSET, _XML_DECL):
        match = pattern.search(head)
        if match is not None:
            label = match.group(1).decode("ascii", errors="ignore")
            if normalise_encoding_name(label) is not None:
                return label
    return None


def decode_page(data: bytes, filename: str, *, declared: str | None = None) -> tuple[str, str]:
    """The page as text and the encoding used, decided before any parser sees the bytes.

    ``declared`` is a charset known from outside the page (an MHTML part header); it outranks
    the page's own declaration, and a BOM or valid UTF-8 outranks both.
    """
    if looks_binary(data):
        raise ExtractionError(f"{filename}: binary content, not a saved web page")
    if sniff_bom(data):
        declared = None
    elif declared is None or normalise_encoding_name(declared) is None:
        declared = declared_encoding(data)
    text, encoding = decode_bytes(data, declared=declared, filename=filename)
    return text, encoding


def _without_dtd_subset(text: str) -> str:
    """The page without an internal DTD subset (``<!DOCTYPE html [ ... ]>``), however long.

    Only a subset opened near the top is looked for, but its end may be anywhere: a subset
    longer than the first few KB leaked its ``]>`` into the article's text.
    """
    start = _DTD_OPEN.search(text, 0, PRESCAN_BYTES)
    if start is None:
        return text
    end = _DTD_CLOSE.search(text, start.end())
    return text if end is None else text[: start.start()] + text[end.end() :]


def parse_page(
    data: bytes, filename: str, *, declared: str | None = None
) -> tuple[etree._Element, str, int]:
    """Decode and parse a page: its tree, the encoding used and how many characters were replaced.

    The decoded text is dropped before the parser starts, and a UTF-8 page that needs no
    change is parsed from its own bytes: a 200 MB page was held three times over (bytes, text,
    re-encoded text) beside the tree being built.
    """
    text, encoding = decode_page(data, filename, declared=declared)
    replaced = text.count("\ufffd")
    # Decoded without a BOM and without replacing anything, UTF-8 text encodes back to ``data``.
    same = encoding == "utf-8" and not replaced and sniff_bom(data) is None
    payload = _payload(text, data if same else None)
    del text
    return _tree(payload, filename), encoding, replaced


def parse_html(text: str, filename: str) -> etree._Element:
    """Parse decoded page text; refuse rather than keep a tree libxml2 silently truncated."""
    return _tree(_payload(text, None), filename)


def _payload(text: str, original: bytes | None) -> bytes:
    """The bytes given to the parser: UTF-8, NFC, without an XML declaration, a DTD subset or
    C0 controls; ``original`` (the text's own UTF-8 bytes) when none of that changes a thing."""
    # Each step copies the page only when it changes something: a 100 MB page held five
    # copies of itself at once before the parser even started.
    decoded = text
    head = text[:PRESCAN_BYTES]
    if _XML_PI.match(head):
        text = _XML_PI.sub("", head, count=1) + text[PRESCAN_BYTES:]
    text = _without_dtd_subset(text)
    if not text.isascii():
        # normalize() hands back the text itself when its quick check proves it NFC, and
        # otherwise builds the NFC form once (is_normalized() first built it twice). An
        # equal copy is let go, so the page's own bytes can still go to the parser.
        normal = unicodedata.normalize("NFC", text)
        if normal != text:
            text = normal
        del normal
    if original is not None and text is decoded:
        payload = original
    else:
        payload = text.encode("utf-8", errors="replace")
    del text, decoded
    # C0 controls make libxml2 stop or complain; in UTF-8 they are single bytes, so a byte
    # translate removes them fast. Other control and format characters go after rendering.
    if any(byte in payload for byte in _C0_SINGLE):
        payload = payload.translate(None, _C0_BYTES)
    return payload


def _tree(payload: bytes, filename: str) -> etree._Element:
    root = _parse(payload, filename, huge=False)
    del payload
    # The importer's own marker placeholder must not be forged by the page.
    for forged in root.iter(FOOTNOTE_TAG):
        forged.tag = "span"
    for void in list(root.iter(*_VOID_AS_CONTAINER)):
        _empty(void)
    return root


# Void elements libxml2's HTML parser does not know as void: it nests all that follows them
# inside, so removing an <embed> as furniture silently removed the rest of the article.
_VOID_AS_CONTAINER = ("embed", "source", "track", "wbr", "keygen")


def _empty(el: etree._Element) -> None:
    """Move a void element's (wrongly nested) text and children out, just after it."""
    parent = el.getparent()
    if parent is None or (el.text is None and len(el) == 0):
        return
    children, tail = list(el), el.tail
    el.tail, el.text = el.text, None
    index = parent.index(el)
    for offset, child in enumerate(children, start=1):
        parent.insert(index + offset, child)
    last = children[-1] if children else el
    last.tail = (last.tail or "") + (tail or "") or None


def _parse(payload: bytes, filename: str, *, huge: bool) -> etree._Element:
    # libxml2's HTML parser never loads a DTD or expands an entity a page declares; lxml's
    # HTMLParser has no resolve_entities switch because there is nothing for it to turn off.
    parser = etree.HTMLParser(
        encoding="utf-8",
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=huge,
    )
    try:
        root = etree.fromstring(payload, parser)
    except etree.LxmlError as exc:
        reason = (str(exc).splitlines() or ["unknown error"])[0][:120]
        raise ExtractionError(f"{filename}: not a readable HTML page ({reason})") from exc
    for entry in parser.error_log:
        if entry.type_name != "ERR_RESOURCE_LIMIT":
            continue
        if "depth" in entry.message.lower():
            raise ExtractionError(f"{filename}: nesting too deep (over 256 levels) to read whole")
        if huge:
            raise ExtractionError(f"{filename}: text node too large to read whole")
        # A text node over 10 MB: read again without the limit, knowingly, and check again.
        return _parse(payload, filename, huge=True)
    if root is None or not isinstance(root.tag, str):
        raise ExtractionError(f"{filename}: no HTML content")
    return root
