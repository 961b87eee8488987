"""Import an MHTML single-file save: its main HTML part, its snapshot URL and its images."""

from __future__ import annotations

import base64
import binascii
import email
import email.errors
import email.policy
import re
from collections.abc import Sequence
from dataclasses import replace
from email.message import Message

from archivist.errors import ExtractionError
from archivist.ingest.formats import html
from archivist.model import Extraction, Resource

MAX_IMAGE_BYTES = html.MAX_RESOURCE_BYTES

_FATAL_DEFECTS: tuple[tuple[type[email.errors.MessageDefect], str], ...] = (
    (email.errors.NoBoundaryInMultipartDefect, "no boundary in its multipart header"),
    (email.errors.StartBoundaryNotFoundDefect, "the declared boundary is never used"),
    (email.errors.MultipartInvariantViolationDefect, "the declared boundary is never used"),
)


MAX_MULTIPARTS = 64
"""Multipart sections an MHTML file may declare; more is refused before parsing."""
_MULTIPART = re.compile(rb"content-type:[ \t\r\n]*multipart/", re.I)


def extract(data: bytes, filename: str) -> Extraction:
    """Extract the article in an MHTML save; raises ExtractionError naming the defect."""
    # The email parser recurses into every nested multipart: thousands of them took seconds
    # (and could exhaust the stack) before any defect showed. A saved page has one or two.
    containers = len(_MULTIPART.findall(data))
    if containers > MAX_MULTIPARTS:
        raise ExtractionError(
            f"{filename}: malformed MHTML: {containers} nested multipart sections "
            f"(a saved page has a few; over {MAX_MULTIPARTS} is refused)"
        )
    message = email.message_from_bytes(data, policy=email.policy.default)
    _check_structure(message, filename)
    parts = [p for p in message.walk() if not p.is_multipart()]
    main = _main_part(message, parts)
    if main is None:
        raise ExtractionError(f"{filename}: malformed MHTML: no HTML part")
    payload = _payload(main, filename)
    location = message.get("Snapshot-Content-Location") or main.get("Content-Location")
    url = str(location).strip() if location else None
    result = html.extract_page(
        payload, filename, declared=main.get_content_charset(), url=_web_url(url)
    )
    warnings = list(result.article.warnings)
    if any(isinstance(d, email.errors.CloseBoundaryNotFoundDefect) for d in _defects(message)):
        warnings.append("the MHTML file ends without its closing boundary (truncated save?)")
    resources = tuple(_resources(parts, main))
    article = replace(result.article, warnings=tuple(warnings))
    return Extraction(article=article, encoding=result.encoding, resources=resources)


def _defects(message: Message) -> list[email.errors.MessageDefect]:
    found: list[email.errors.MessageDefect] = []
    for part in message.walk():
        found.extend(part.defects)
    return found


def _check_structure(message: Message, filename: str) -> None:
    for defect in _defects(message):
        for kind, what in _FATAL_DEFECTS:
            if isinstance(defect, kind):
                raise ExtractionError(f"{filename}: malformed MHTML: {what}")
    if message.get_content_maintype() != "multipart" and message.get_content_type() != "text/html":
        raise ExtractionError(
            f"{filename}: malformed MHTML: top-level type is {message.get_content_type()}"
        )


def _main_part(message: Message, parts: Sequence[Message]) -> Message | None:
    html_parts = [
        p for p in parts if p.get_content_type() in ("text/html", "application/xhtml+xml")
    ]
    if not html_parts:
        return None
    start = message.get_param("start", header="content-type")
    snapshot = message.get("Snapshot-Content-Location")
    for part in html_parts:
        if isinstance(start, str) and part.get("Content-ID") == start:
            return part
        if snapshot and part.get("Content-Location") == snapshot:
            return part
    return html_parts[0]


def _payload(part: Message, filename: str) -> bytes:
    encoding = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
    if encoding == "base64":
        raw = part.get_payload(decode=False)
        text = raw if isinstance(raw, str) else ""
        try:
            return base64.b64decode("".join(text.split()), validate=True)
        except (binascii.Error, ValueError) as exc:
            raise ExtractionError(
                f"{filename}: malformed MHTML: invalid base64 in the HTML part"
            ) from exc
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        raise ExtractionError(f"{filename}: malformed MHTML: the HTML part has no content")
    return data


def _resources(parts: Sequence[Message], main: Message) -> list[Resource]:
    kept: list[Resource] = []
    for part in parts:
        if part is main or part.get_content_maintype() != "image":
            continue
        try:
            data = part.get_payload(decode=True)
        except (ValueError, binascii.Error):
            continue
        if not isinstance(data, bytes) or not data or len(data) > MAX_IMAGE_BYTES:
            continue
        mime = html.image_type(data, str(part.get("Content-Location") or ""))
        if mime is None:
            continue
        location = part.get("Content-Location") or part.get("Content-ID")
        if location:
            kept.append(Resource(str(location).strip(), mime, data))
    return kept


def _web_url(url: str | None) -> str | None:
    return url if url and url.startswith(("http://", "https://")) else None
