"""Builders of small valid domain objects for tests."""

from __future__ import annotations

import hashlib
from typing import Any

from archivist.model import Article, Block, Extraction, Footnote, Mark, Source


def make_extraction(
    title: str = "Ports and Tides",
    text: str = "The harbour opened in spring. [1]\n\nShips came back in autumn.",
    *,
    authors: tuple[str, ...] = ("Mira Talebi",),
    footnotes: tuple[Footnote, ...] | None = None,
    filename: str = "ports.txt",
) -> Extraction:
    """A small, valid extraction whose original bytes are its text."""
    if footnotes is None:
        footnotes = (Footnote("1", (text.index("[1]"),), "Harbour Board, Annual Report, 2019."),)
    paragraphs = []
    start = 0
    for part in text.split("\n\n"):
        paragraphs.append(Block("paragraph", start, start + len(part)))
        start += len(part) + 2
    marks = tuple(
        Mark("footnote", m, m + len(fn.label) + 2, label=fn.label)
        for fn in footnotes
        for m in fn.markers
    )
    data = (title + "\n" + text).encode()
    source = Source(filename, "text", "utf-8", hashlib.sha256(data).hexdigest(), len(data))
    article = Article(
        title=title,
        text=text,
        blocks=tuple(paragraphs),
        marks=marks,
        footnotes=footnotes,
        authors=authors,
        source=source,
        language="en",
    )
    return Extraction(article, "utf-8")


def run_cli(*argv: str) -> tuple[int, str, str]:
    """Run the ``archivist`` command in-process: exit status, stdout, stderr."""
    import io

    from archivist.cli import main

    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout=out, stderr=err)
    return status, out.getvalue(), err.getvalue()


def import_files(archive: Any, paths: list[str], **kwargs: int) -> list[Any]:
    """Run a batch import to the end; the per-file results."""
    from archivist.importer import import_paths

    job = import_paths(archive, paths, **kwargs)
    while True:
        try:
            next(job)
        except StopIteration as stop:
            return stop.value.results  # type: ignore[no-any-return]
