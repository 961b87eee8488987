"""Furniture removal on the parsed tree: what goes, and what merely looks like furniture."""

from __future__ import annotations

from archivist.ingest.htmldom import inner_text
from archivist.ingest.htmlfurniture import strip_furniture
from archivist.ingest.htmlparse import parse_html


def test_strip_furniture_keeps_layout_classes_that_merely_mention_a_sidebar() -> None:
    root = parse_html(
        '<html><body><div class="l-sidebar-fixed"><p>Kept.</p></div></body></html>', "x"
    )
    strip_furniture(root)
    assert inner_text(root) == "Kept."


def test_hidden_elements_are_dropped() -> None:
    root = parse_html(
        '<html><body><p style="display: none">Gone.</p><p hidden>Gone.</p>'
        "<p>Kept.</p></body></html>",
        "x",
    )
    strip_furniture(root)
    assert inner_text(root) == "Kept."
