"""Archivist: a local archive of saved web articles, their footnotes, highlights and notes."""

__version__ = "0.1.0"
