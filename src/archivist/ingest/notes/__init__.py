"""Footnotes: note marks, note lists and inline notes in HTML, and notes in plain text."""
