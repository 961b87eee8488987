"""The HTML importer as a whole: a pure function of the bytes that fails only in its own way."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from archivist.errors import ExtractionError
from archivist.ingest.formats import html

DATA = Path(__file__).parents[1] / "data" / "html"
TAGS = ["p", "div", "sup", "a", "ol", "li", "table", "td", "pre", "em", "h2", "section", "span"]


def test_extraction_is_a_pure_function_of_the_bytes() -> None:
    data = (DATA / "fn_mediawiki.html").read_bytes()
    assert html.extract(data, "a.html") == html.extract(data, "a.html")


def test_article_has_title_language_and_no_source() -> None:
    article = html.extract((DATA / "fn_pandoc.html").read_bytes(), "p.html").article
    assert article.title == "Pandoc Notes at Kelmscott Reach"
    assert (article.language, article.source) == ("en", None)


def test_persian_page_language_is_detected_from_the_script() -> None:
    article = html.extract((DATA / "enc_undeclared_cp1256.html").read_bytes(), "f.html").article
    assert article.language == "fa"


def test_folder_resources_are_read_from_the_files_folder(tmp_path: Path) -> None:
    page = tmp_path / "saved.html"
    page.write_text("<html></html>")
    (tmp_path / "saved_files").mkdir()
    (tmp_path / "saved_files" / "a.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 10)
    (tmp_path / "saved_files" / "script.js").write_bytes(b"alert(1)")
    (resource,) = html.collect_folder_resources(str(page))
    assert (resource.location, resource.mime_type) == ("saved_files/a.png", "image/png")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_extract_or_raise_extraction_error(data: bytes) -> None:
    try:
        html.extract(data, "fuzz.html")
    except ExtractionError as exc:
        assert str(exc).startswith("fuzz.html: ")


_PARAGRAPHS = (
    "The harbour master kept the tide tables by hand for forty years, and every ship that came "
    "back to the quay in autumn was written into them, with its cargo, its crew and its draught.",
    "When the marsh flooded in the spring of 1852, the tables were carried upstairs, dried by the "
    "stove, and copied out again, line by line, by his daughter and the parish clerk.",
    "Those copies, bound in brown calf, are what the county archive holds today, and they are the "
    "only record of the port's trade in the years before the railway came.",
)
_ARTICLE = "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)

markup = st.recursive(
    st.text(alphabet="ab [1]<>&;\u200f\u0627", max_size=12),
    lambda inner: st.builds(
        lambda tag, attr, kids: f"<{tag}{attr}>{''.join(kids)}</{tag}>",
        st.sampled_from(TAGS),
        st.sampled_from(
            ["", ' class="footnotes"', ' href="#fn1"', ' id="fn1"', ' role="doc-noteref"']
        ),
        st.lists(inner, max_size=4),
    ),
    max_leaves=40,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markup)
# An unclosed item of a notes list that swallows the article: the article is not a note.
@example('<div class="footnotes"><li><div><a</div></li></div>')
def test_arbitrary_nested_markup_around_an_article_keeps_the_article(body: str) -> None:
    # Whatever the markup around it, a real article of three paragraphs is found, so an
    # extractor that gave up on odd markup (or always) fails here rather than passing.
    page = f"<html><body>{body}<article>{_ARTICLE}</article>{body}</body></html>"
    article = html.extract(page.encode(), "fuzz.html").article
    assert all(paragraph in article.text for paragraph in _PARAGRAPHS)
    for mark in article.marks:
        assert 0 <= mark.start < mark.end <= len(article.text)
    for note in article.footnotes:
        assert all(article.text.startswith(f"[{note.label}]", m) for m in note.markers)


def test_a_page_with_no_article_keeps_its_whole_visible_text_with_a_warning() -> None:
    data = (DATA / "no_article_settings_page.html").read_bytes()
    article = html.extract(data, "no_article_settings_page.html").article
    assert "Settings are kept on this device only" in article.text
    assert "var theme" not in article.text
    assert any("whole visible text" in w for w in article.warnings)


def test_a_page_with_no_visible_text_is_refused_naming_the_file() -> None:
    with pytest.raises(ExtractionError, match=r"^blank\.html: no article text found"):
        html.extract(b"<html><body><script>var a = 1;</script></body></html>", "blank.html")
