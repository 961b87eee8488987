"""The export formats by name and file suffix: light enough for the CLI's argument parser."""

from __future__ import annotations

from typing import Literal

ExportFormat = Literal["pdf", "markdown", "csl-json", "bibtex", "ris"]
FORMATS: tuple[ExportFormat, ...] = ("pdf", "markdown", "csl-json", "bibtex", "ris")
SUFFIXES: dict[str, ExportFormat] = {
    ".pdf": "pdf",
    ".md": "markdown",
    ".json": "csl-json",
    ".bib": "bibtex",
    ".ris": "ris",
}
"""The format an output file's suffix implies when none is named."""
