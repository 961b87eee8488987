"""MHTML saves: the HTML part in either transfer encoding, its URL and images; defects named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from archivist.errors import ExtractionError
from archivist.ingest.formats import mhtml

DATA = Path(__file__).parents[1] / "data" / "mhtml"


def extract(name: str) -> mhtml.Extraction:
    return mhtml.extract((DATA / name).read_bytes(), name)


@pytest.mark.parametrize(
    ("name", "encoding"), [("good_qp.mhtml", "utf-8"), ("good_base64_cp1252.mhtml", "cp1252")]
)
def test_good_save_gives_article_url_and_image(name: str, encoding: str) -> None:
    result = extract(name)
    assert result.encoding == encoding
    assert result.article.text.startswith("The harbour at Kelmscott Reach was dredged")
    assert result.article.url == "http://example.org/wall"
    (image,) = result.resources
    assert (image.location, image.mime_type) == ("http://example.org/img/wall.png", "image/png")
    assert image.data.startswith(b"\x89PNG")


def test_base64_part_in_windows_1252_decodes_its_title() -> None:
    assert "Café" in extract("good_base64_cp1252.mhtml").article.title


@pytest.mark.parametrize(
    ("name", "defect"),
    [
        ("broken_base64.mhtml", "invalid base64"),
        ("broken_no_boundary.mhtml", "no boundary"),
    ],
)
def test_broken_save_is_refused_naming_the_defect(name: str, defect: str) -> None:
    with pytest.raises(ExtractionError, match=f"^{re.escape(name)}: malformed MHTML: {defect}"):
        extract(name)


def test_missing_closing_boundary_is_kept_with_a_warning() -> None:
    result = extract("broken_qp_truncated.mhtml")
    assert "Kelmscott" in result.article.text
    assert any("closing boundary" in w for w in result.article.warnings)


def test_save_without_html_part_is_refused() -> None:
    data = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n'
        b"--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n"
    )
    with pytest.raises(ExtractionError, match="no HTML part"):
        mhtml.extract(data, "x.mhtml")
