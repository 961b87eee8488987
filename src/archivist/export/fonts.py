"""Fonts for the PDF: Noto Serif and Noto Sans for Latin, Amiri for Arabic script, from PyPI.

The fonts come from the installed fontpkg packages (never copied into the repository). The
Noto packages ship variable fonts, of which ReportLab draws the default (regular) instance, so
bold Latin text is set in Amiri Bold, a static serif with full Latin. When a package is
missing, DejaVu from the system is used, and as a last resort ReportLab's built-in Times and
Helvetica (Latin-1 only, not embedded).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

log = logging.getLogger(__name__)

_SYSTEM_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/TTF"))
_REMEMBERED_LENGTH = 40
"""Strings up to this long (words, mostly) have their widths remembered."""
_REMEMBERED_LIMIT = 50_000
"""Widths remembered per font at most (about 10 MB at worst)."""


class MeasuredTTFont(TTFont):  # type: ignore[misc]
    """A TrueType font that measures strings faster, remembering the widths of words.

    Line breaking measures every word of every paragraph, and words repeat; ReportLab's own
    measuring (without its optional C helpers) sums a generator per call. The sum here is the
    same, term by term, so every width, and so the layout, is unchanged.
    """

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._widths: dict[tuple[str, float], float] = {}
        # ReportLab looks these up on every word and, when a TrueType font lacks them, falls
        # back to the face's through a caught AttributeError.
        self.ascent = self.face.ascent
        self.descent = self.face.descent

    def stringWidth(self, text: str | bytes, size: float, encoding: str = "utf8") -> float:
        """The width of ``text`` in points at ``size``."""
        if not isinstance(text, str):
            text = text.decode(encoding or "utf8")
        key = (text, size)
        width = self._widths.get(key)
        if width is None:
            face = self.face
            units = sum(map(face.charWidths.get, map(ord, text), repeat(face.defaultWidth)))
            width = 0.001 * size * units
            if len(text) <= _REMEMBERED_LENGTH and len(self._widths) < _REMEMBERED_LIMIT:
                self._widths[key] = width
        return float(width)


@dataclass(frozen=True, slots=True)
class FontSet:
    """Registered font families (each named by its regular face): body, headings, Arabic, code."""

    serif: str
    sans: str
    arabic: str
    mono: str
    embedded: bool
    """False when only ReportLab's built-in (unembedded, Latin-1) fonts were found."""


def _fontpkg_path(family: str, weight: int, style: str) -> Path | None:
    try:
        import fontpkg

        path = Path(fontpkg.path(family, weight, style, nearest=True))
    except Exception:  # noqa: BLE001 - any fontpkg failure means "not installed"; fall back
        return None
    return path if path.is_file() else None


def _system_path(name: str) -> Path | None:
    for folder in _SYSTEM_DIRS:
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def _latin_family(name: str, family: str, bold: str, bold_italic: str) -> str | None:
    """Register a Noto family's regular and italic faces; its name, or None if it is missing."""
    regular = _register(name, _fontpkg_path(family, 400, "normal"))
    italic = _register(f"{name}-Italic", _fontpkg_path(family, 400, "italic"))
    if not regular:
        return None
    _family(name, name, bold, f"{name}-Italic" if italic else name, bold_italic)
    return name


def _register(name: str, path: Path | None) -> bool:
    if path is None:
        return False
    if name in pdfmetrics.getRegisteredFontNames():
        return True
    try:
        pdfmetrics.registerFont(MeasuredTTFont(name, str(path)))
    except Exception as exc:  # noqa: BLE001 - a broken font file must not stop an export
        log.warning("cannot use font %s (%s): %s", name, path, exc)
        return False
    return True


def _family(name: str, regular: str, bold: str, italic: str, bold_italic: str) -> None:
    addMapping(name, 0, 0, regular)
    addMapping(name, 1, 0, bold)
    addMapping(name, 0, 1, italic)
    addMapping(name, 1, 1, bold_italic)


@cache
def register_fonts() -> FontSet:
    """Register the dossier's fonts with ReportLab once and name the families to use."""
    amiri = {
        (w, s): _register(f"Amiri-{w}-{s}", _fontpkg_path("Amiri", w, s))
        for w in (400, 700)
        for s in ("normal", "italic")
    }
    if all(amiri.values()):
        arabic = "Amiri-400-normal"
        arabic_bold, arabic_bold_italic = "Amiri-700-normal", "Amiri-700-italic"
        _family(arabic, arabic, arabic_bold, "Amiri-400-italic", arabic_bold_italic)
    elif _register("DejaVuSans", _system_path("DejaVuSans.ttf")):
        bold_ok = _register("DejaVuSans-Bold", _system_path("DejaVuSans-Bold.ttf"))
        arabic_bold = arabic_bold_italic = "DejaVuSans-Bold" if bold_ok else "DejaVuSans"
        arabic = "DejaVuSans"
        _family(arabic, arabic, arabic_bold, arabic, arabic_bold_italic)
    else:
        return FontSet("Times-Roman", "Helvetica", "Helvetica", "Courier", embedded=False)

    serif = _latin_family("NotoSerif", "Noto Serif", arabic_bold, arabic_bold_italic) or arabic
    sans = _latin_family("NotoSans", "Noto Sans", arabic_bold, arabic_bold_italic) or serif
    mono = (
        "DejaVuSansMono"
        if _register("DejaVuSansMono", _system_path("DejaVuSansMono.ttf"))
        else serif
    )
    if mono != serif:
        _family(mono, mono, mono, mono, mono)
    return FontSet(serif, sans, arabic, mono, embedded=True)


def regular_face(family: str) -> str:
    """The registered regular font of a family (families are named by their regular face)."""
    return family
