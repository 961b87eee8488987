"""Extract one saved page and print JSON for ``score_extraction.py --cmd`` (see bench/README).

Usage: ``PYTHONPATH=src python tests/bench/extract_one.py PAGE.html``; prints
``{"text", "title", "byline"}`` on stdout.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from archivist.ingest import extract


def main(argv: list[str]) -> int:
    """Print the extraction of the file named in ``argv[1]`` as one JSON object."""
    path = Path(argv[1])
    article = extract(path.read_bytes(), path.name).article
    json.dump(
        {"text": article.text, "title": article.title, "byline": ", ".join(article.authors)},
        sys.stdout,
        ensure_ascii=False,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
