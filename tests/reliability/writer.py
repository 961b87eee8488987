"""A writer process for crash and concurrency tests: it acknowledges each commit on stdout.

Usage: python writer.py articles ARCHIVE TAG COUNT
       python writer.py import ARCHIVE FOLDER
       python writer.py annotate ARCHIVE TAG
Each committed item is printed on stdout ("ack <kind> <id> <detail>") only after its
transaction has committed, so whatever the parent saw acknowledged must survive a SIGKILL.
"""

from __future__ import annotations

import hashlib
import random
import sys

from archivist.archive import Archive
from archivist.importer import collect_files, import_one
from archivist.ingest.base import Extraction
from archivist.model import Article, Block, Footnote, Source


def generated(tag: str, i: int) -> Extraction:
    """An article whose title records how many footnotes it must have."""
    n = 1 + i % 7
    body = " ".join(f"Claim {k} [{k + 1}]." for k in range(n)) + " " + ("filler " * 400)
    footnotes = tuple(
        Footnote(str(k + 1), (body.index(f"[{k + 1}]"),), f"Source {k + 1} for {tag}-{i}.")
        for k in range(n)
    )
    title = f"{tag}-{i} with {n} notes"
    data = f"{tag}:{i}".encode()
    source = Source(f"{tag}-{i}.txt", "text", "utf-8", hashlib.sha256(data).hexdigest(), len(data))
    article = Article(
        title=title,
        text=body,
        blocks=(Block("paragraph", 0, len(body)),),
        footnotes=footnotes,
        source=source,
    )
    return Extraction(article, "utf-8")


def write_articles(path: str, tag: str, count: int) -> None:
    """Add ``count`` articles one transaction each, acknowledging each after commit."""
    with Archive.open(path) as archive:
        for i in range(count):
            extraction = generated(tag, i)
            article_id = archive.add(extraction, f"{tag}:{i}".encode())
            print(f"ack article {article_id} {extraction.article.title}", flush=True)


def import_folder(path: str, folder: str) -> None:
    """Import a folder through the real importer, acknowledging each imported file."""
    with Archive.open(path) as archive:
        for file in collect_files([folder]):
            result = import_one(archive, file)
            if result.status == "imported":
                print(f"ack article {result.id} {file}", flush=True)


def annotate(path: str, tag: str) -> None:
    """Add highlights with notes to the archive's articles until killed."""
    rng = random.Random(tag)
    with Archive.open(path) as archive:
        ids = archive.article_ids()
        for i in range(1_000_000):
            article_id = rng.choice(ids)
            text = archive.article(article_id).text
            start = rng.randrange(0, max(1, len(text) - 40))
            highlight = archive.add_highlight(article_id, start, start + 30, color="green")
            print(f"ack highlight {highlight.id} {article_id} {start} {start + 30}", flush=True)
            note = archive.add_note(article_id, f"{tag} note {i}", highlight_id=highlight.id)
            print(f"ack note {note.id} {highlight.id} {tag} note {i}", flush=True)


def main() -> None:
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "articles":
        write_articles(path, sys.argv[3], int(sys.argv[4]))
    elif mode == "import":
        import_folder(path, sys.argv[3])
    elif mode == "annotate":
        annotate(path, sys.argv[3])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
