"""Coverage-guided fuzzing of the HTML importer with atheris (run by hand; see README.md)."""

from __future__ import annotations

import contextlib
import sys

import atheris  # type: ignore[import-not-found]

with atheris.instrument_imports():
    from archivist.errors import ArchivistError
    from archivist.ingest import extract


def test_one_input(data: bytes) -> None:
    """Any bytes named .html either extract or raise ArchivistError; nothing else."""
    with contextlib.suppress(ArchivistError):
        extract(data, "fuzz.html")


def main() -> None:
    """Run atheris over ``test_one_input`` with the command-line arguments."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
