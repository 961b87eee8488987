"""The dossier's fonts: faster measuring that changes no width (so no line break)."""

from __future__ import annotations

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from archivist.export.fonts import MeasuredTTFont
from archivist.export.pdfstyles import styles

SAMPLES = ["harbour", "Tide", "", " ", "گزارش بندر", "a" * 300, "naïve — “quoted” 1,024"]


@pytest.fixture(scope="module")
def fonts() -> tuple[MeasuredTTFont, TTFont]:
    """The dossier's body font, and the same file opened by ReportLab's plain TTFont."""
    font = pdfmetrics.getFont(styles().fonts.serif)
    if not isinstance(font, MeasuredTTFont):
        pytest.skip("no TrueType body font installed")
    return font, TTFont("plain-" + font.fontName, font.face.filename)


@pytest.mark.parametrize("text", SAMPLES)
def test_measured_width_equals_reportlab_width(fonts, text: str) -> None:
    measured, plain = fonts
    assert measured.stringWidth(text, 10.5) == plain.stringWidth(text, 10.5)


def test_measured_width_is_the_same_when_remembered(fonts) -> None:
    measured, plain = fonts
    first = measured.stringWidth("ledger", 9)
    assert measured.stringWidth("ledger", 9) == first == plain.stringWidth("ledger", 9)
    assert measured.stringWidth("ledger", 12) == plain.stringWidth("ledger", 12)


def test_measured_width_accepts_bytes(fonts) -> None:
    measured, plain = fonts
    assert measured.stringWidth("naïve".encode(), 10) == plain.stringWidth("naïve", 10)


def test_font_carries_its_face_ascent_and_descent(fonts) -> None:
    measured, _ = fonts
    assert pdfmetrics.getAscentDescent(measured.fontName, 10) == (
        measured.face.ascent / 100,
        measured.face.descent / 100,
    )
