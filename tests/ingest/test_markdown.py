"""Markdown saves: front matter, blocks, marks and footnotes, and every way a save goes wrong."""

from __future__ import annotations

import hashlib
from collections.abc import Generator
from dataclasses import replace
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.errors import ExtractionError
from archivist.importer import ReextractResult, import_results, reextract
from archivist.ingest import extract
from archivist.ingest.formats import text as text_importer
from archivist.ingest.metadata.frontmatter import read_front_matter
from archivist.ingest.text.sniff import sniff_format
from archivist.model import Article, Progress, Source

DATA = Path(__file__).parents[1] / "data" / "markdown"


def article_of(name: str) -> Article:
    return extract((DATA / name).read_bytes(), name).article


def article_from(source: str, name: str = "save.md") -> Article:
    return extract(source.encode("utf-8"), name).article


def marked(article: Article, kind: str) -> list[str]:
    return [article.text[m.start : m.end] for m in article.marks if m.kind == kind]


def block_kinds(article: Article) -> list[tuple[str, int | None, str]]:
    return [(b.kind, b.level, article.text[b.start : b.end]) for b in article.blocks]


# --- what each tool writes --------------------------------------------------------------------


def test_obsidian_clipper_front_matter_becomes_metadata_and_tags() -> None:
    article = article_of("obsidian_clipper.md")

    assert article.title == "The Salt Marsh Survey of 1911"
    assert article.authors == ("Perrine Achterberg",)  # the [[wiki link]] unwrapped
    assert article.published == "2021-03-14"  # not "created", the clipping date
    assert article.url == "https://coastal-history.example.org/salt-marsh-survey"
    assert article.tags == ("clippings", "coastal history")
    assert article.source is not None and article.source.format == "markdown"
    assert article.warnings == ()


def test_obsidian_clipper_body_has_blocks_and_marks() -> None:
    article = article_of("obsidian_clipper.md")
    kinds = block_kinds(article)

    assert not article.text.startswith("The Salt Marsh")  # the heading repeating the title
    assert ("heading", 2, "What the ledger shows") in kinds
    assert ("list_item", 2, "some taken at night") in kinds
    assert ("preformatted", None, "station 12  3.4 ft  high water") in kinds
    assert any(k == "blockquote" and t.startswith("The water rose") for k, _, t in kinds)
    assert marked(article, "emphasis") == ["chain"]
    assert marked(article, "strong") == ["level"]
    link = next(m for m in article.marks if m.kind == "link")
    assert article.text[link.start : link.end] == "forgotten"
    assert link.href == "https://coastal-history.example.org/archive"


def test_obsidian_clipper_footnotes_are_linked_and_parsed() -> None:
    article = article_of("obsidian_clipper.md")
    first, second = article.footnotes

    assert (first.label, second.label) == ("1", "2")
    assert len(first.markers) == 2  # cited in the body and in the quote
    assert all(article.text[m : m + 3] == "[1]" for m in first.markers)
    assert first.csl is not None and first.csl["title"] == "Annual Report"
    assert second.csl is not None and second.csl["DOI"] == "10.5555/jch.2019.12"
    assert "https://doi.org/10.5555/jch.2019.12" in second.text


def test_markdownload_title_loses_the_site_and_the_excerpt_is_not_body() -> None:
    article = article_of("markdownload.md")

    assert article.title == "The Keeper's Ledger"
    assert article.authors == ("Halvard Ostrem", "Marit Lundqvist")
    assert article.published is None  # "created" is when it was saved
    assert article.tags == ("harbour history", "lighthouses", "Norway")
    assert article.text.startswith("The ledger of the Skarv light")
    assert "Excerpt" not in article.text
    assert article.footnotes[1].refers_to == "1"  # Ibid. goes through reference parsing
    ordered = [b for b in article.blocks if b.kind == "list_item"]
    assert len(ordered) == 2 and all(b.ordered for b in ordered)


def test_pandoc_metadata_inline_note_and_table() -> None:
    article = article_of("pandoc.md")

    assert article.subtitle == "A Short History of Colour"
    assert article.authors == ("Rosalind Marrow", "Edwin Feld")
    assert (article.published, article.language) == ("2018-05-12", "en-gb")
    assert article.tags == ("glass", "workshops")
    assert ("heading", 1, "Colour and trade") in block_kinds(article)
    inline = next(f for f in article.footnotes if f.label == "i1")
    assert inline.text == "The market day moved to Friday in 1921."
    assert article.text[inline.markers[0] : inline.markers[0] + 4] == "[i1]"
    assert "1880 | 12" in article.text


def test_persian_save_keeps_its_labels_and_language() -> None:
    article = article_of("persian_front_matter.md")

    assert article.language == "fa"
    assert article.footnotes[0].label == "۱"
    assert article.text.endswith("[۱]")


def test_markdown_import_stores_tags_and_format(tmp_path: Path) -> None:
    with Archive.open(str(tmp_path / "a.sqlite3")) as archive:
        (result,) = list(import_results(archive, [str(DATA / "obsidian_clipper.md")]))
        assert result.id is not None, result.error
        stored = archive.annotations.document(result.id)

    assert stored.tags == ("clippings", "coastal history")
    assert stored.source is not None and stored.source.format == "markdown"


# --- sniffing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"Plain text.", "notes.md", "markdown"),
        (b"Plain text.", "notes.markdown", "markdown"),
        (b"---\ntitle: A save\n---\n\nText.", "save.txt", "markdown"),
        (b"Text.[^1]\n\n[^1]: A note.\n", "save", "markdown"),
        (b"Title\n\nText [1].\n\n[1] A note.\n", "save.txt", "text"),
        (b"---\n\nA rule, not front matter.\n", "save.txt", "text"),
    ],
)
def test_markdown_is_told_by_name_or_by_its_front_matter_or_notes(
    data: bytes, name: str, expected: str
) -> None:
    assert sniff_format(data, name) == expected


# --- bad input ----------------------------------------------------------------------------------


def test_binary_file_named_md_is_a_one_line_error() -> None:
    with pytest.raises(ExtractionError) as caught:
        extract((DATA / "binary_named.md").read_bytes(), "binary_named.md")

    assert "binary_named.md" in str(caught.value) and "\n" not in str(caught.value)


def test_broken_yaml_is_a_warning_and_the_body_is_kept() -> None:
    article = article_of("broken_yaml.md")

    assert article.warnings == (
        "the front matter is not valid YAML (line 4); its fields were not read",
    )
    assert article.title == "Survey notes"
    assert article.footnotes[0].markers == (article.text.index("[1]"),)


def test_unterminated_front_matter_is_read_as_text_with_a_warning() -> None:
    article = article_of("unterminated_front_matter.md")

    assert "never closed" in article.warnings[0]
    assert "The body starts here" in article.text
    assert "Edwin Feld" in article.text  # nothing of the file is lost


def test_marker_without_definition_stays_a_marker_and_is_reported() -> None:
    article = article_of("missing_definition.md")

    assert article.warnings == ("marker [7] has no footnote",)
    assert "[7]" in marked(article, "footnote")
    assert [f.label for f in article.footnotes] == ["1"]


def test_duplicate_and_uncited_definitions_are_kept_and_reported() -> None:
    article = article_of("duplicate_definitions.md")
    labels = [f.label for f in article.footnotes]

    assert labels == ["1", "2", "1-2", "9"]
    assert article.footnotes[0].text.startswith("Bridget Halloran")
    assert article.footnotes[2].markers == () and article.footnotes[3].markers == ()
    assert "footnote [1] is defined more than once" in article.warnings[0]
    assert "footnotes [1-2], [9] are not cited in the text" in article.warnings


def test_ten_thousand_footnotes_are_all_kept() -> None:
    count = 10_000
    body = " ".join(f"Record {i} of the harbour.[^{i}]" for i in range(1, count + 1))
    notes = "\n".join(f"[^{i}]: Harbour Board, Annual Report, {i}." for i in range(1, count + 1))

    article = article_from(f"# Many notes\n\n{body}\n\n{notes}\n")

    assert len(article.footnotes) == count and article.warnings == ()
    last = article.footnotes[-1]
    assert article.text[last.markers[0] :].startswith(f"[{count}]")


@pytest.mark.parametrize(
    ("front", "warning"),
    [
        ("!!python/object/apply:os.system ['true']", "not valid YAML"),
        ("- a list\n- not fields", "not a list of fields"),
        ("title: " + "x" * 70_000, "was not read"),
    ],
)
def test_hostile_or_odd_front_matter_is_refused_with_a_warning(front: str, warning: str) -> None:
    article = article_from(f"---\n{front}\n---\n\n# A title\n\nThe text.\n")

    assert warning in article.warnings[0]
    assert (article.title, article.text) == ("A title", "The text.")


def test_yaml_aliases_do_not_multiply_tags() -> None:
    front = "a: &a [x, y, z]\nb: &b [*a, *a, *a]\ntags: [*b, *b, *b, *b]"

    assert len(read_front_matter(front).tags) <= 100


def test_empty_markdown_is_an_error() -> None:
    with pytest.raises(ExtractionError, match=r"empty\.md"):
        extract(b"---\ntitle: Only metadata\n---\n", "empty.md")


def test_markdown_imported_as_text_before_is_markdown_after_reextraction(tmp_path: Path) -> None:
    data = (DATA / "pandoc.md").read_bytes()
    as_text = text_importer.extract(data, "pandoc.md")
    digest = hashlib.sha256(data).hexdigest()
    source = Source("pandoc.md", "text", "utf-8", digest, len(data))
    old = replace(as_text, article=replace(as_text.article, source=source))
    with Archive.open(str(tmp_path / "a.sqlite3")) as archive:
        article_id = archive.articles.add(old, data)

        (result,) = drain(reextract(archive, [article_id]))
        again = archive.annotations.document(article_id)

    assert result.error is None
    assert again.source is not None and again.source.format == "markdown"
    assert again.subtitle == "A Short History of Colour"


def drain(job: Generator[Progress, None, list[ReextractResult]]) -> list[ReextractResult]:
    while True:
        try:
            next(job)
        except StopIteration as done:
            return done.value


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2021-03-14", "2021-03-14"), ("12 May 2018", "2018-05-12"), ("1401-05-12", None)],
)
def test_front_matter_dates_are_gregorian_or_nothing(value: str, expected: str | None) -> None:
    assert read_front_matter(f"published: {value}").published == expected
