"""Soft hyphens and other invisible characters leave the text, and every offset moves with them."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.ingest import extract
from archivist.ingest.text.invisible import clean, dropped_positions
from archivist.model import Article

SHY, ZWSP, WJ, BOM, ZWNJ, ZWJ, LRM = (
    "\u00ad",
    "\u200b",
    "\u2060",
    "\ufeff",
    "\u200c",
    "\u200d",
    "\u200e",
)

TEXT_SAVE = """Flint tools of the harbour

The {w}Faustkeile were found in the harbour mud.[1] A second find followed.[2]

Notes

[1] Hans Weber, Stein{w}zeit am Hafen (Kiel: Nordverlag, 1999), 12.
[2] Ibid., 14.
"""
HTML_SAVE = """<html lang="de"><head><title>Flint tools</title></head><body><article>
<h1>Flint tools</h1><p>The <em>Faust{w}keile</em> were found in the <a href="https://x.example/mud">har{w}bour
mud</a>.<sup><a href="#fn1" id="r1">1</a></sup> A <strong>second{w}find</strong> followed.</p>
<ol class="footnotes"><li id="fn1">Hans Weber, <i>Stein{w}zeit am Hafen</i>, 1999.
<a href="#r1">↩</a></li></ol></article></body></html>"""
MARKDOWN_SAVE = """---
title: Flint tools
---

The *Faust{w}keile* were found in the [har{w}bour mud](https://x.example/mud).[^1]

- A **second{w}find** followed.[^1]

[^1]: Hans Weber, *Stein{w}zeit am Hafen* (Kiel: Nordverlag, 1999), 12.
"""
MHTML_SAVE = (
    'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
    "Content-Type: text/html; charset=utf-8\r\nContent-Location: https://x.example/a\r\n\r\n"
    "{page}\r\n--b--\r\n"
)


def shape(article: Article) -> tuple[object, ...]:
    """Everything whose offsets must agree, as substrings of the text."""
    text = article.text
    return (
        text,
        [(b.kind, text[b.start : b.end]) for b in article.blocks],
        [(m.kind, m.href, m.label, text[m.start : m.end]) for m in article.marks],
        [(f.label, [text[o : o + 3] for o in f.markers], f.text, f.csl) for f in article.footnotes],
    )


@pytest.mark.parametrize(
    ("template", "name"),
    [
        (TEXT_SAVE, "flint.txt"),
        (HTML_SAVE, "flint.html"),
        (MARKDOWN_SAVE, "flint.md"),
        (MHTML_SAVE.format(page=HTML_SAVE), "flint.mhtml"),
    ],
)
@pytest.mark.parametrize("invisible", [SHY, ZWSP, WJ, BOM, SHY + ZWSP + SHY])
def test_invisible_characters_leave_no_trace_in_any_importer(
    template: str, name: str, invisible: str
) -> None:
    plain = extract(template.format(w="").encode("utf-8"), name).article
    hidden = extract(template.format(w=invisible).encode("utf-8"), name).article

    assert shape(hidden) == shape(plain)
    assert "Faustkeile" in hidden.text


def test_search_finds_the_word_a_soft_hyphen_split(tmp_path: Path) -> None:
    article = extract(TEXT_SAVE.format(w=SHY).encode("utf-8"), "flint.txt")
    with Archive.open(str(tmp_path / "a.sqlite3")) as archive:
        archive.articles.add(article, TEXT_SAVE.format(w=SHY).encode("utf-8"))

        assert [hit.title for hit in archive.search.query("Faustkeile")] == [
            "Flint tools of the harbour"
        ]


def test_titles_and_names_lose_soft_hyphens_too() -> None:
    page = HTML_SAVE.replace("<title>Flint tools", f"<title>Flint{SHY} tools")

    assert extract(page.format(w="").encode("utf-8"), "flint.html").article.title == "Flint tools"


@pytest.mark.parametrize(
    "text",
    [
        f"می{ZWNJ}شود",  # Persian writes the non-joiner inside words
        f"👩{ZWJ}💻",  # an emoji sequence
        f"12{LRM}%",  # a mark before a neutral: it decides where the % goes
        f"abc{LRM} متن",  # between a letter and a space
        f"متن{LRM}abc",  # between letters of different directions
    ],
)
def test_meaningful_joiners_and_marks_stay(text: str) -> None:
    assert clean(text) == text


def test_a_direction_mark_inside_a_word_of_its_own_direction_goes() -> None:
    assert clean(f"Faust{LRM}keile") == "Faustkeile"
    assert clean("كتاب\u200fها") == "كتابها"
    assert dropped_positions(f"a{SHY}b{ZWSP}c") == [1, 3]
