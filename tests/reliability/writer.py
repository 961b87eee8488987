"""A writer process for crash and concurrency tests: it acknowledges each commit on stdout.

Usage: python writer.py articles ARCHIVE TAG COUNT
       python writer.py import ARCHIVE FOLDER
Each committed item is printed on stdout ("ack <kind> <id> <detail>") only after its
transaction has committed, so whatever the parent saw acknowledged must survive a SIGKILL.
"""

from __future__ import annotations

import hashlib
import sys

from archivist.archive import Archive
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


def main() -> None:
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "articles":
        write_articles(path, sys.argv[3], int(sys.argv[4]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
