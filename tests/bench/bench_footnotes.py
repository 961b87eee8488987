"""Benchmark: footnote recall on real pages, against an independent count of the page's notes.

Run from the project root: ``PYTHONPATH=src .venv/bin/python tests/bench/bench_footnotes.py``.

For every page of ``../shared/corpora/readability-test-pages`` and
``../shared/corpora/trafilatura-eval/html`` the page's own markup is counted without the
importer's code: an in-page link whose text is a short marker (``1``, ``[2]``, ``a``, ``*``,
``†``, ``۳``) to an element of the page (by ``id`` or ``name``) that holds text is a note; a
link that points back at the block holding the marker that cites it is a back-link and is
not. A note counts as found when the importer returned a footnote whose text matches it (most
of the words shared). Pages are split by a stable hash of their file name into a part to tune
on and a part only to check on; both parts' recall is printed, with the number of pages whose
markup holds notes where the importer found none. Reads the corpora in place; copies nothing.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

import lxml.html
from lxml import etree

from archivist.errors import ArchivistError
from archivist.ingest.formats import html as archivist_html

SHARED = Path(__file__).resolve().parents[3] / "shared"
READABILITY = SHARED / "corpora" / "readability-test-pages"
TRAFILATURA = SHARED / "corpora" / "trafilatura-eval" / "html"

_MARKER = re.compile(
    r"^[\[(]?\s*(?:(?:[a-z]{1,4}\.?\s?)?[0-9٠-٩۰-۹]{1,4}|[a-zA-Z]|[*†‡§¶]{1,3})\s*[\])]?$"
)
_BLOCKS = ("li", "p", "div", "dd", "aside", "td", "section", "span", "cite")
_WORD = re.compile(r"\w+")
_MIN_NOTE = 12
_MAX_NOTE = 1500
_MIN_SENTENCE = 30
_NOT_IN_NOTE = ("h1", "h2", "h3", "h4", "h5", "h6", "form", "input", "textarea", "button")
_OWN_URL = "//link[@rel='canonical']/@href | //meta[@property='og:url']/@content"
_RUNNING = ("p", "li", "td", "dd", "div", "blockquote", "section", "article", "body")


@dataclass(frozen=True, slots=True)
class Page:
    """A corpus page: its name (for the split) and its bytes."""

    name: str
    data: bytes


def pages() -> Iterator[Page]:
    """Every page of both corpora, in a stable order."""
    for folder in sorted(READABILITY.iterdir()):
        source = folder / "source.html"
        if source.is_file():
            yield Page(f"readability/{folder.name}", source.read_bytes())
    for path in sorted(TRAFILATURA.glob("*.html.gz")):
        yield Page(f"trafilatura/{path.name}", gzip.decompress(path.read_bytes()))


def part(name: str) -> str:
    """``tune`` or ``check``, from a stable hash of the file name (half each)."""
    return "check" if hashlib.sha256(name.encode()).digest()[0] % 2 else "tune"


def _text(el: etree._Element) -> str:
    return " ".join(el.text_content().split())


def _block(target: etree._Element) -> etree._Element | None:
    """The element holding a note's text: the target, or its nearest block with text."""
    node: etree._Element | None = target
    for _ in range(4):
        if node is None or node.tag in ("body", "html"):
            return None
        if len(_text(node)) >= _MIN_NOTE and (node is target or node.tag in _BLOCKS):
            fits = len(_text(node)) <= _MAX_NOTE and node.tag not in _NOT_IN_NOTE
            return node if fits and next(node.iter(*_NOT_IN_NOTE), None) is None else None
        node = node.getparent()
    return None


def _in_running_text(a: etree._Element) -> bool:
    """Whether a link stands in a sentence: its block holds other words than the link's."""
    node = a.getparent()
    while node is not None and node.tag not in _RUNNING:
        node = node.getparent()
    if node is None or next(node.iterancestors("nav", "header", "footer"), None) is not None:
        return False
    return len(_text(node)) - len(_text(a)) >= _MIN_SENTENCE


def _page(url: str) -> str:
    """A URL without scheme, fragment and trailing slash, to tell a link to this page."""
    return re.sub(r"^(?:https?:)?//", "", url.strip()).rstrip("/")


def _inside(el: etree._Element, ancestor: etree._Element) -> bool:
    return el is ancestor or any(a is ancestor for a in el.iterancestors())


def page_notes(data: bytes) -> list[str]:
    """The texts of the notes the page's markup links to from short markers, in page order."""
    try:
        root = lxml.html.document_fromstring(data)
    except (etree.ParserError, ValueError):
        return []
    targets: dict[str, etree._Element] = {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in ("id", "name"):
            value = el.get(attr)
            if value and value not in targets:
                targets[value] = el
    here = {""} | {_page(u) for u in root.xpath(_OWN_URL) if isinstance(u, str)}
    # A saved page often spells its in-page links with its own full URL: the URL most
    # fragment links use whose fragments name elements of the page.
    own = Counter(
        _page(page)
        for page, _, fragment in ((a.get("href") or "").partition("#") for a in root.iter("a"))
        if page and unquote(fragment) in targets
    )
    if own:
        here.add(own.most_common(1)[0][0])

    def block_of(a: etree._Element) -> etree._Element | None:
        page, _, fragment = (a.get("href") or "").strip().partition("#")
        if not fragment or _page(page) not in here:
            return None
        target = targets.get(unquote(fragment))
        if target is None or _inside(a, target):
            return None
        block = _block(target)
        return None if block is None or _inside(a, block) or _inside(block, a) else block

    order = {el: i for i, el in enumerate(root.iter())}
    notes: dict[etree._Element, None] = {}
    for a in root.iter("a"):
        if a.getparent() is None or next(a.iterancestors("pre", "code"), None) is not None:
            continue
        if not _MARKER.match(_text(a)) or not _in_running_text(a):
            continue
        block = block_of(a)
        if block is None:
            continue
        # A back-link points up from a note to the block holding the marker that cites it.
        back = False
        for m in block.iter("a") if order[block] < order[a] else ():
            other = block_of(m)
            if other is not None and _inside(a, other):
                back = True
                break
        if not back:
            notes.setdefault(block, None)
    return [_text(block) for block in sorted(notes, key=lambda el: order[el])]


def _words(text: str) -> set[str]:
    return {w.lower() for w in _WORD.findall(text) if not w.isdigit() or len(w) > 2}


def found_count(truth: list[str], found: list[str]) -> int:
    """How many of the page's notes match a footnote the importer returned (each used once)."""
    pool = [_words(f) for f in found]
    used: set[int] = set()
    hits = 0
    for note in truth:
        words = _words(note)
        if not words:
            continue
        for i, candidate in enumerate(pool):
            if i in used or not candidate:
                continue
            shared = len(words & candidate)
            if shared >= 0.6 * min(len(words), len(candidate)) and shared >= min(3, len(words)):
                used.add(i)
                hits += 1
                break
    return hits


def main(argv: list[str] | None = None) -> int:
    """Print footnote recall on the tune and check parts, and the pages where all were missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every page with notes")
    args = parser.parse_args(argv)
    totals = {"tune": [0, 0, 0, 0], "check": [0, 0, 0, 0]}  # truth, found, pages, zero pages
    unlinked = {"tune": [0, 0], "check": [0, 0]}  # pages without note links, those with notes
    started = time.perf_counter()
    for page in pages():
        truth = page_notes(page.data)
        try:
            article = archivist_html.extract(page.data, page.name).article
            found = [f.text for f in article.footnotes]
        except ArchivistError:
            found = []
        name = part(page.name)
        if not truth:
            unlinked[name][0] += 1
            unlinked[name][1] += bool(found)
            if found and args.show:
                print(f"{name:5} {len(found):4} found, none linked: {page.name}", file=sys.stderr)
            continue
        hits = found_count(truth, found)
        row = totals[name]
        row[0] += len(truth)
        row[1] += hits
        row[2] += 1
        row[3] += hits == 0
        if args.show:
            print(f"{name:5} {hits:4}/{len(truth):<4} {page.name}", file=sys.stderr)
    print(f"footnote recall against the pages' own markup ({time.perf_counter() - started:.0f} s)")
    print(f"{'part':6} {'pages':>5} {'notes':>6} {'found':>6} {'recall':>7} {'none found':>10}")
    for name, (truth_n, hits_n, page_n, zero_n) in totals.items():
        recall = hits_n / truth_n if truth_n else 0.0
        print(f"{name:6} {page_n:5} {truth_n:6} {hits_n:6} {recall:7.1%} {zero_n:10}")
    for name, (pages_n, with_notes) in unlinked.items():
        print(
            f"{name:6} {pages_n:5} pages without note links; notes found on {with_notes}"
            " (plain [n] notes, hover notes, reference lists, or mistakes: read them)"
        )
    print("target: 98% on the check part")
    for count in (1_000, 10_000):
        page = many_notes_page(count)
        started = time.perf_counter()
        found = len(archivist_html.extract(page, "many.html").article.footnotes)
        print(
            f"a page of {count:,} notes: {found:,} found in {time.perf_counter() - started:.2f} s"
        )
    return 0


def many_notes_page(count: int) -> bytes:
    """A page citing ``count`` notes, one a paragraph, for the cost of many notes."""
    body = "".join(
        f'<p>Sentence {n} of the article, long enough to be read.<sup><a href="#n{n}">{n}</a>'
        "</sup></p>"
        for n in range(1, count + 1)
    )
    notes = "".join(
        f'<li id="n{n}">Source {n}, Harbour Press, 1910.</li>' for n in range(1, count + 1)
    )
    page = f'<html><body><article>{body}<ol class="footnotes">{notes}</ol></article></body></html>'
    return page.encode()


if __name__ == "__main__":
    sys.exit(main())
