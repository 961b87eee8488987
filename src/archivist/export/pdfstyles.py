"""Paragraph styles, highlight colours and safe text for the dossier PDF, built once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle

from archivist.export.fonts import FontSet, register_fonts, regular_face
from archivist.export.rtl import inline_arabic, visual
from archivist.text import is_rtl

HIGHLIGHT_COLORS = {
    "yellow": "#fff176",
    "green": "#a5d6a7",
    "red": "#ef9a9a",
    "blue": "#90caf9",
    "purple": "#ce93d8",
    "orange": "#ffcc80",
    "pink": "#f8bbd0",
    "grey": "#e0e0e0",
    "gray": "#e0e0e0",
}
LINK_COLOR = "rgb(26,79,139)"
"""#1a4f8b, written as ReportLab parses it fastest (see ``markup_color``)."""
_HEX = re.compile(r"#[0-9a-fA-F]{6}")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Text without control characters, lone surrogates or non-characters (tabs become spaces)."""
    return _CONTROL.sub("", text.replace("\t", " ").replace("\r\n", "\n").replace("\r", "\n"))


def hex_color(name: str) -> str:
    """The background colour painted for a highlight colour name (any #rrggbb is kept)."""
    if _HEX.fullmatch(name.strip()):
        return name.strip().lower()
    return HIGHLIGHT_COLORS.get(name.strip().lower(), "#e0e0e0")


def markup_color(name: str) -> str:
    """A highlight colour as a markup attribute value: ``rgb(r,g,b)``.

    ReportLab's markup parser reads ``rgb()`` directly but sends ``#rrggbb`` through its
    slower expression evaluator; the colour is the same to the last bit.
    """
    value = hex_color(name)
    return f"rgb({int(value[1:3], 16)},{int(value[3:5], 16)},{int(value[5:7], 16)})"


def safe_href(url: str) -> str | None:
    """A link target ReportLab may be given: only http, https and mailto, attribute-escaped."""
    url = clean(url).strip()
    if not re.match(r"(?i)^(?:https?://|mailto:)[^\s\"'<>]+$", url):
        return None
    return escape(url, {'"': "&quot;"})


@dataclass(frozen=True, slots=True)
class Styles:
    """Every paragraph style of the dossier, keyed by role."""

    fonts: FontSet
    title: ParagraphStyle
    subtitle: ParagraphStyle
    cover: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    meta: ParagraphStyle
    meta_rtl: ParagraphStyle
    body: ParagraphStyle
    body_rtl: ParagraphStyle
    quote: ParagraphStyle
    quote_rtl: ParagraphStyle
    pre: ParagraphStyle
    item: ParagraphStyle
    note: ParagraphStyle
    note_rtl: ParagraphStyle
    footnote: ParagraphStyle
    footnote_rtl: ParagraphStyle
    user_note: ParagraphStyle
    user_note_rtl: ParagraphStyle
    biblio: ParagraphStyle
    biblio_rtl: ParagraphStyle
    toc1: ParagraphStyle

    def measure_font(self, style: ParagraphStyle) -> str:
        """The regular face the RTL wrapper measures with."""
        return regular_face(style.fontName)


@cache
def styles() -> Styles:
    """The dossier's styles (fonts registered on first use)."""
    f = register_fonts()

    def ps(name: str, **kw: object) -> ParagraphStyle:
        base = {"fontName": f.serif, "fontSize": 10.5, "leading": 14.5, "spaceAfter": 6}
        base.update(kw)
        return ParagraphStyle(name, **base)

    def rtl(style: ParagraphStyle) -> ParagraphStyle:
        return ParagraphStyle(
            style.name + "-rtl",
            parent=style,
            fontName=f.arabic,
            alignment=TA_RIGHT,
            leading=style.fontSize * 1.7,
            splitLongWords=0,
        )

    body = ps("body")
    quote = ps("quote", leftIndent=18, rightIndent=18, textColor=colors.HexColor("#333333"))
    note = ps(
        "note",
        fontName=f.sans,
        fontSize=9,
        leading=12.5,
        leftIndent=18,
        borderPadding=(3, 4, 3, 4),
        backColor=colors.HexColor("#f5f5f0"),
        spaceBefore=2,
        spaceAfter=8,
    )
    footnote = ps("footnote", fontSize=9, leading=12, leftIndent=16, firstLineIndent=-16)
    user_note = ps(
        "user_note",
        fontName=f.sans,
        fontSize=8.5,
        leading=11.5,
        leftIndent=30,
        textColor=colors.HexColor("#5a3d00"),
        backColor=colors.HexColor("#fff8e1"),
        borderPadding=(2, 4, 2, 4),
        spaceBefore=1,
        spaceAfter=5,
    )
    biblio = ps("biblio", fontSize=9.5, leading=13, leftIndent=18, firstLineIndent=-18)
    meta = ps("meta", fontName=f.sans, fontSize=9, leading=12, textColor=colors.HexColor("#555555"))
    return Styles(
        fonts=f,
        title=ps("title", fontName=f.sans, fontSize=26, leading=32, alignment=TA_CENTER),
        subtitle=ps("subtitle", fontName=f.sans, fontSize=15, leading=20, alignment=TA_CENTER),
        cover=ps("cover", alignment=TA_CENTER, fontSize=11),
        h1=ps("h1", fontName=f.sans, fontSize=17, leading=22, spaceBefore=4, spaceAfter=6),
        h2=ps("h2", fontName=f.sans, fontSize=13, leading=17, spaceBefore=8, spaceAfter=4),
        h3=ps("h3", fontName=f.sans, fontSize=11.5, leading=15, spaceBefore=6, spaceAfter=3),
        meta=meta,
        meta_rtl=ParagraphStyle("meta-r", parent=meta, alignment=TA_RIGHT),
        body=body,
        body_rtl=rtl(body),
        quote=quote,
        quote_rtl=rtl(quote),
        pre=ps("pre", fontName=f.mono, fontSize=8.5, leading=11, leftIndent=12),
        item=ps("item", leftIndent=18, bulletIndent=6),
        note=note,
        note_rtl=rtl(note),
        footnote=footnote,
        footnote_rtl=rtl(ps("footnote_r", fontSize=9, leading=12, rightIndent=16)),
        user_note=user_note,
        user_note_rtl=rtl(user_note),
        biblio=biblio,
        biblio_rtl=rtl(ps("biblio_r", fontSize=9.5, leading=13, rightIndent=18)),
        toc1=ps("toc1", fontSize=10.5, leading=15, leftIndent=20, firstLineIndent=-20),
    )


def inline(text: str, fonts: FontSet) -> str:
    """Escaped markup for a short string (title, name, note line): Arabic runs shaped."""
    return inline_arabic(clean(text), fonts.arabic)


def outline_text(text: str) -> str:
    """Text for a bookmark or running header: shaped and in display order when RTL."""
    text = " ".join(clean(text).split())
    return visual(text) if is_rtl(text) else text
