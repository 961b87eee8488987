"""Import a saved HTML page: main content, footnotes and metadata, in any encoding."""

from __future__ import annotations

import html
import mimetypes
import os
from dataclasses import replace

from lxml import etree

from archivist.errors import ArchivistError, ExtractionError
from archivist.ingest.html.content import (
    find_content,
    gather_prose,
    marked_region,
    schema_article_body,
    title_block,
    widest_region,
)
from archivist.ingest.html.htmlasides import strip_asides
from archivist.ingest.html.htmlconsent import reads_as_consent
from archivist.ingest.html.htmldom import PageWalk, remove, walk_page
from archivist.ingest.html.htmledges import trim_head, trim_tail
from archivist.ingest.html.htmlfurniture import strip_furniture
from archivist.ingest.html.htmlparse import decode_page, parse_html, parse_page
from archivist.ingest.html.htmltext import Rendered, render
from archivist.ingest.html.readability import Content
from archivist.ingest.metadata.pagemeta import read_metadata, split_authors
from archivist.ingest.notes.htmlfootnotes import FoundNotes, find_footnotes
from archivist.ingest.references import link_footnotes
from archivist.ingest.text.heap import BIG_PAGE_BYTES, release_freed_memory
from archivist.ingest.text.textmeta import settle_language
from archivist.model import Article, Extraction, Footnote, Resource, Uncited
from archivist.safefiles import read_regular

TINY_TEXT = 250
"""Extracted text shorter than this (characters) makes the importer look for the article again."""
MAX_RESOURCE_BYTES = 20 * 1024 * 1024
"""Images above this size in a ``_files`` folder are not kept."""

FOLDER_SUFFIXES = ("_files", "-Dateien", "_archivos", "_fichiers", "-bestanden", "_arquivos")
"""Suffixes browsers (in several languages) give the folder of a "Web page, complete" save."""
_IMAGE_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"RIFF", "image/webp"),
)


def extract(data: bytes, filename: str) -> Extraction:
    """Extract the article in a saved HTML page; raises ExtractionError naming ``filename``."""
    return extract_page(data, filename)


def extract_page(
    data: bytes, filename: str, *, declared: str | None = None, url: str | None = None
) -> Extraction:
    """Extract a page, with a charset and URL known from outside the page (an MHTML part)."""
    root, encoding, replaced = parse_page(data, filename, declared=declared)
    walk = walk_page(root)
    meta = read_metadata(root, walk.marked)
    try:
        found, content, rendered = _main_content(
            root, walk, meta.title, release=len(data) >= BIG_PAGE_BYTES
        )
        if len(rendered.text) < TINY_TEXT or reads_as_consent(rendered.text):
            page = decode_page(data, filename, declared=declared)[0]  # rare: a tiny first look
            found, content, rendered = _look_again(
                page, filename, meta.title, (found, content, rendered)
            )
    except RecursionError as exc:  # only reachable past 256 levels, in a huge-text page
        raise ExtractionError(f"{filename}: nesting too deep to read whole") from exc
    byline = content.byline
    del root, walk, content  # the tree (several times the page's size) is done with
    footnotes = tuple(
        Footnote(note.label, tuple(rendered.markers.get(note.label, ())), note.text, csl=note.csl)
        for note in found.notes
    )
    uncited: dict[str, Uncited] = {
        note.label: "dropped" if note.cited else "unlinked"
        for note, footnote in zip(found.notes, footnotes, strict=True)
        if not footnote.markers
    }
    warnings: list[str] = list(found.warnings)
    if not rendered.text.strip() and not footnotes:
        # No article anywhere (a settings page, a form): the reader chose to keep this page,
        # so its whole visible text is kept and said to be so, rather than the page refused.
        whole = _whole_text(decode_page(data, filename, declared=declared)[0], filename)
        if whole is None:
            raise ExtractionError(f"{filename}: no article text found in the page")
        rendered = whole
        warnings.append("no article found in the page: its whole visible text was kept")
    authors = meta.authors or (tuple(split_authors(byline)) if byline else ())
    if replaced:
        warnings.append(f"{replaced} characters could not be decoded and were replaced by �")
    if dropped := sum(1 for why in uncited.values() if why == "dropped"):
        warnings.append(
            f"{dropped} footnotes are cited only in parts of the page left out of the text"
        )
    title = (
        meta.title or _first_heading(rendered) or os.path.splitext(os.path.basename(filename))[0]
    )
    article = Article(
        title=title,
        text=rendered.text,
        blocks=rendered.blocks,
        marks=rendered.marks,
        footnotes=_with_uncited(link_footnotes(footnotes), uncited) if footnotes else (),
        authors=authors,
        published=meta.published,
        site=meta.site,
        section=meta.section,
        url=meta.url or url,
        language=settle_language(meta.language, rendered.text),
        warnings=tuple(warnings),
    )
    return Extraction(article=article, encoding=encoding)


def _with_uncited(
    footnotes: tuple[Footnote, ...], uncited: dict[str, Uncited]
) -> tuple[Footnote, ...]:
    if not uncited:
        return footnotes
    return tuple(
        replace(f, uncited=uncited[f.label]) if f.label in uncited else f for f in footnotes
    )


def _look_again(
    text: str, filename: str, title: str, first: tuple[FoundNotes, Content, Rendered]
) -> tuple[FoundNotes, Content, Rendered]:
    """A tiny result is a banner or a fragment: look again, trusting only the markup's structure
    (tags, roles, hidden), not furniture-like class names; failing that, the page's main or
    article element whole, or all its prose; failing that, the schema.org ``articleBody`` the
    page declares. Each replaces the result only when it is much longer."""
    notes, content, rendered = first
    if reads_as_consent(rendered.text):  # a banner is no article, however long
        rendered = render(etree.Element("div"))
    again = parse_html(text, filename)
    declared = schema_article_body(again)
    second = _main_content(again, walk_page(again), title, by_name=False)
    # The second look may find the same banner: it is no more the article than the first was.
    if len(second[2].text) >= 3 * max(len(rendered.text), 1) and not reads_as_consent(
        second[2].text
    ):
        notes, content, rendered = second
    if len(rendered.text) < TINY_TEXT:
        # Wider still: the element the page marks as its main one; failing that, the short
        # text round the page's title heading (a page of one paragraph), then all its prose.
        under_title = title_block(again, title)
        marked = marked_region(again)
        wider = (marked, under_title) if marked is not None else (under_title, widest_region(again))
        for wide in wider:
            if wide is None:
                continue
            strip_asides(wide)
            trim_tail(wide)
            widened = render(wide)
            # As much text under the title's heading wins over a tiny text from elsewhere.
            beside = wide is under_title and _elsewhere(rendered.text, widened.text)
            if (
                beside or len(widened.text) >= 3 * max(len(rendered.text), 1)
            ) and not reads_as_consent(widened.text):
                content, rendered = Content(wide, content.byline), widened
                break
    if len(rendered.text) < TINY_TEXT and len(declared) >= 3 * max(len(rendered.text), 1):
        body = parse_html(f"<html><body><div>{_as_markup(declared)}</div></body></html>", filename)
        element = body.find("body/div")
        if element is not None:
            content = Content(element, content.byline)
            rendered = render(element)
    return notes, content, rendered


def _whole_text(page: str, filename: str) -> Rendered | None:
    """The page's whole visible text, scripts and styles left out; None when it has none."""
    root = parse_html(page, filename)
    for el in list(root.iter("script", "style", "noscript", "template")):
        remove(el)
    body = root.find("body")
    rendered = render(body if body is not None else root)
    return rendered if rendered.text.strip() else None


def _elsewhere(tiny: str, under_title: str) -> bool:
    """True when the text under the title's heading is at least as long as the tiny text and
    does not hold it: the first look took a box from another part of the page."""
    return len(under_title) >= len(tiny) and " ".join(tiny.split()) not in " ".join(
        under_title.split()
    )


def _as_markup(body: str) -> str:
    """An ``articleBody`` as markup: kept if it is HTML, else one paragraph per line."""
    if "</p>" in body or "<br" in body:
        return body
    return "".join(f"<p>{html.escape(line)}</p>" for line in body.splitlines() if line.strip())


def _main_content(
    root: etree._Element,
    walk: PageWalk,
    title: str,
    *,
    by_name: bool = True,
    release: bool = False,
) -> tuple[FoundNotes, Content, Rendered]:
    """Notes taken out, furniture dropped, the main content found and rendered."""
    notes = find_footnotes(root, walk.marked, walk.targets)
    strip_furniture(root, walk, by_name=by_name, title=title)
    content = find_content(root, title)
    strip_asides(content.element)
    trim_head(content.element)
    trim_tail(content.element)
    if release:  # a big page: what the steps above freed, and the tree as it is rendered
        release_freed_memory()
        return notes, content, render(content.element, consume=True)
    rendered = render(content.element)
    spread = gather_prose(root, len(rendered.text))
    if spread is not None:
        strip_asides(spread)
        trim_tail(spread)
        content, rendered = Content(spread, content.byline), render(spread)
    return notes, content, rendered


def _first_heading(rendered: Rendered) -> str:
    for block in rendered.blocks:
        if block.kind == "heading":
            return rendered.text[block.start : block.end]
    return ""


def collect_folder_resources(html_path: str) -> tuple[Resource, ...]:
    """Images saved beside a "Web page, complete" (``NAME_files/``), read in memory."""
    stem = os.path.splitext(html_path)[0]
    resources: list[Resource] = []
    for suffix in FOLDER_SUFFIXES:
        folder = stem + suffix
        if not os.path.isdir(folder) or os.path.islink(folder):
            continue
        for dirpath, _dirnames, files in os.walk(folder, followlinks=False):
            for name in sorted(files):
                path = os.path.join(dirpath, name)
                if os.path.islink(path):
                    continue
                try:
                    # Never a pipe or a device (a FIFO here blocked the import for good).
                    data = read_regular(path, MAX_RESOURCE_BYTES)
                except ArchivistError:
                    continue
                mime = image_type(data, name)
                if mime is not None:
                    location = os.path.relpath(path, os.path.dirname(html_path)).replace(
                        os.sep, "/"
                    )
                    resources.append(Resource(location, mime, data))
    return tuple(resources)


def image_type(data: bytes, name: str) -> str | None:
    """The image MIME type of some bytes, from their magic number (SVG by name), else None."""
    for magic, mime in _IMAGE_MAGIC:
        if data.startswith(magic) and (mime != "image/webp" or data[8:12] == b"WEBP"):
            return mime
    guessed = mimetypes.guess_type(name)[0]
    if guessed == "image/svg+xml" and b"<svg" in data[:2048]:
        return guessed
    return None
