"""Colours in the dossier's paragraph markup: written for fast parsing, unchanged in value."""

from __future__ import annotations

import pytest
from reportlab.lib.colors import HexColor, toColor

from archivist.export.pdfstyles import LINK_COLOR, hex_color, markup_color


@pytest.mark.parametrize("name", ["yellow", "#A1b2C3", "no such colour", " Green "])
def test_markup_color_is_the_highlight_colour_exactly(name: str) -> None:
    assert toColor(markup_color(name)).rgba() == HexColor(hex_color(name)).rgba()


def test_link_colour_is_the_house_blue() -> None:
    assert toColor(LINK_COLOR).rgba() == HexColor("#1a4f8b").rgba()
