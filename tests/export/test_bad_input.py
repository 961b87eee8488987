"""Bad CSL items in every output: printed as the style prints missing fields, or as text."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
from pdfdata import article
from pypdf import PdfReader

from archivist.export.citestyles import STYLES, Cite, citation, entry
from archivist.export.dossier import FORMATS, ExportRequest, export_dossier
from archivist.model import Article, ArticleId, Footnote, PaletteColor

LONG_TITLE = ("The long account of the harbour walls and tolls " * 110)[:5000]
MARKUP = {
    "type": "book",
    "title": "R&D <b>bold</b> *starred* _under_ {braces} 100% $5 #1 ~x^2 \\end",
    "author": [{"literal": "Ames & Birch <Partners>"}],
    "publisher": "Q&A <Press>",
    "issued": {"date-parts": [[2020]]},
}
BAD: dict[str, dict[str, Any]] = {
    "nothing": {"type": "book"},
    "no type": {},
    "long title": {"type": "book", "title": LONG_TITLE, "publisher": "Verbose"},
    "200 authors": {
        "type": "article-journal",
        "title": "A collaborative survey",
        "author": [{"family": f"Author{n:03d}", "given": "Test"} for n in range(1, 201)],
        "container-title": "Big Science",
    },
    "month 13 day 45": {
        "type": "webpage",
        "title": "Bad date",
        "issued": {"date-parts": [[2012, 13, 45]]},
    },
    "raw date": {"type": "webpage", "title": "Raw date", "issued": {"raw": "2012-13-45"}},
    "Spring": {"type": "article-journal", "title": "Season", "issued": {"literal": "Spring"}},
    "date parts not numbers": {
        "type": "book",
        "title": "Odd",
        "issued": {"date-parts": [["x", None]]},
    },
    "date not a date": {"type": "book", "title": "Odder", "issued": "yesterday"},
    "markup": MARKUP,
    "wrong shapes": {
        "type": 7,
        "title": ["a", "list"],
        "author": "Not A List",
        "editor": [None, "x", {"given": "Only"}],
        "volume": 12,
        "page": None,
        "URL": {"not": "a string"},
    },
}


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("name", BAD)
def test_entries_and_notes_never_raise(style: str, name: str) -> None:
    item = BAD[name]
    made = entry(item, style)
    for position in ("first", "subsequent"):
        citation(item, style, Cite(position, "12"))
    if made is not None:
        made.markup()
        made.markdown()


@pytest.mark.parametrize(
    ("style", "printed"),
    [
        ("chicago-notes-bibliography", "N.d."),
        ("chicago-author-date", "N.d."),
        ("apa", "(N.d.)."),
        ("modern-language-association", None),
    ],
)
def test_a_work_with_nothing_but_its_type_prints_what_citeproc_prints(
    style: str, printed: str | None
) -> None:
    made = entry(BAD["nothing"], style)
    assert (made.plain() if made else None) == printed


def test_markup_characters_are_text_in_every_style() -> None:
    for style in STYLES:
        made = entry(MARKUP, style)
        assert made is not None
        assert "<b>bold</b>" in made.plain() and "*starred*" in made.plain(), style
        assert "&lt;b&gt;bold&lt;/b&gt;" in made.markup()
        assert r"\<b\>bold\</b\>" in made.markdown() and r"\*starred\*" in made.markdown()


def test_two_hundred_authors_are_cut_as_the_styles_cut_them() -> None:
    many = BAD["200 authors"]
    chicago, apa, mla = (entry(many, s) for s in ("chicago", "apa", "mla"))
    assert chicago is not None and "Author002, Test Author003, et al." in chicago.plain()
    assert apa is not None and "Author019, T., … Author200, T." in apa.plain()
    assert mla is not None and mla.plain().startswith("Author001, Test, et al.")


def test_a_five_thousand_character_title_is_printed_whole() -> None:
    made = entry(BAD["long title"], "apa")
    assert made is not None and LONG_TITLE.strip() in made.plain()


class BadAnnotations:
    """The annotations of an archive holding one article whose footnotes carry every bad item"""

    def document(self, article_id: ArticleId) -> Article:
        labels = [str(n) for n in range(1, len(BAD) + 1)]
        base = article("Bad input", [" ".join(f"Text [{label}]." for label in labels)])
        footnotes = tuple(
            Footnote(label, (0,), f"Note {label}", "citation", csl=item)
            for label, item in zip(labels, BAD.values(), strict=True)
        )
        return dataclasses.replace(base, title="Bad <input> & *stars*", footnotes=footnotes)

    def palette(self) -> tuple[PaletteColor, ...]:
        return ()


class BadArchive:
    """An archive holding one article whose footnotes carry every bad item."""

    annotations = BadAnnotations()


def run(job: Generator[Any, None, Path]) -> Path:
    while True:
        try:
            next(job)
        except StopIteration as done:
            return Path(done.value)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("style", ["chicago", "apa"])
def test_every_output_takes_bad_items(fmt: str, style: str, tmp_path: Path) -> None:
    out = tmp_path / f"bad.{fmt}"
    request = ExportRequest(
        (ArticleId(1),),
        out,
        style=style,
        format=fmt,
        notes_in_style=True,  # type: ignore[arg-type]
    )
    written = run(export_dossier(BadArchive(), request))
    if fmt == "pdf":
        text = "".join(page.extract_text() for page in PdfReader(written).pages)
        assert "R&D <b>bold</b>" in text
        return
    body = written.read_text(encoding="utf-8")
    if fmt == "csl-json":
        titles = [item.get("title") for item in json.loads(body)]
        assert MARKUP["title"] in titles and LONG_TITLE in titles
    elif fmt == "bibtex":
        assert r"R\&D <b>bold</b> *starred* \_under\_ \{braces\} 100\% \$5 \#1" in body
        assert r"\textasciitilde{}x\textasciicircum{}2" in body
    elif fmt == "ris":
        assert f"TI  - {MARKUP['title']}" in body
        assert all(line[:2].isupper() or not line for line in body.splitlines())
    else:
        assert r"R&D \<b\>bold\</b\> \*starred\*" in body
