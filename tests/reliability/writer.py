"""A writer process for crash and concurrency tests: it acknowledges each commit on stdout.

Usage: python writer.py articles ARCHIVE TAG COUNT
       python writer.py import ARCHIVE FOLDER
       python writer.py annotate ARCHIVE TAG
       python writer.py cli ARCHIVE FOLDER SECONDS
Each committed item is printed on stdout ("ack <kind> <id> <detail>") only after its
transaction has committed, so whatever the parent saw acknowledged must survive a SIGKILL.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import sys
import time

from archivist.archive import Archive
from archivist.importer import collect_files, import_results
from archivist.model import Article, Block, Extraction, Footnote, Source


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
            article_id = archive.articles.add(extraction, f"{tag}:{i}".encode())
            print(f"ack article {article_id} {extraction.article.title}", flush=True)


def import_folder(path: str, folder: str) -> None:
    """Import a folder through the real importer, acknowledging each file once committed."""
    with Archive.open(path) as archive:
        for result in import_results(archive, list(collect_files([folder])), workers=0):
            if result.status == "imported":
                print(f"ack article {result.id} {result.path}", flush=True)


def annotate(path: str, tag: str) -> None:
    """Add highlights with notes to the archive's articles until killed."""
    rng = random.Random(tag)
    with Archive.open(path) as archive:
        ids = archive.articles.ids()
        for i in range(1_000_000):
            article_id = rng.choice(ids)
            text = archive.articles.get(article_id).text
            start = rng.randrange(0, max(1, len(text) - 40))
            highlight = archive.annotations.add_highlight(
                article_id, start, start + 30, color="green"
            )
            print(f"ack highlight {highlight.id} {article_id} {start} {start + 30}", flush=True)
            note = archive.annotations.add_note(
                article_id, f"{tag} note {i}", highlight_id=highlight.id
            )
            print(f"ack note {note.id} {highlight.id} {tag} note {i}", flush=True)


def run_cli(*argv: str) -> object:
    """Run one ``archivist ... --json`` command in this process; its JSON, or None on failure."""
    from archivist.cli import main as cli_main  # only this mode pays for the CLI's imports

    out, err = io.StringIO(), io.StringIO()
    status = cli_main([*argv, "--json"], stdout=out, stderr=err)
    if status != 0 or err.getvalue():
        print(f"cli {argv[2]} exit {status}: {err.getvalue().strip()}", file=sys.stderr, flush=True)
    return json.loads(out.getvalue()) if status == 0 else None


def cli_session(path: str, folder: str, seconds: float) -> None:
    """Import a folder file by file, then highlight and note, all through the CLI's main()."""
    rng = random.Random(folder)
    stop = time.monotonic() + seconds
    imported: list[int] = []
    for name in sorted(os.listdir(folder)):
        results = run_cli("--archive", path, "import", os.path.join(folder, name))
        for r in results if isinstance(results, list) else ():
            if r["status"] == "imported":
                imported.append(r["id"])
                print(f"ack article {r['id']} {name}", flush=True)
        if time.monotonic() > stop:
            return
    words = ("harbour", "quay", "tide", "lamp", "keeper")
    i = 0
    while time.monotonic() < stop and imported:
        i += 1
        article_id = str(rng.choice(imported))
        note = f"cli note {i}"
        hl = run_cli(
            "--archive",
            path,
            "highlight",
            article_id,
            "--quote",
            rng.choice(words),
            "--occurrence",
            str(rng.randint(1, 2)),
            "--color",
            "blue",
            "--note",
            note,
        )
        if isinstance(hl, dict):
            print(f"ack highlight {hl['id']} {article_id} {hl['start']} {hl['end']}", flush=True)
            print(f"ack note {hl['notes'][0]['id']} {hl['id']} {note}", flush=True)


def main() -> None:
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "articles":
        write_articles(path, sys.argv[3], int(sys.argv[4]))
    elif mode == "import":
        import_folder(path, sys.argv[3])
    elif mode == "annotate":
        annotate(path, sys.argv[3])
    elif mode == "cli":
        cli_session(path, sys.argv[3], float(sys.argv[4]))
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main()
