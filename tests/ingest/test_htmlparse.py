"""Encodings are decided before lxml sees the bytes; parser limits are never silently hit."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from archivist.errors import ExtractionError
from archivist.ingest.formats import html
from archivist.ingest.html.htmlparse import declared_encoding, decode_page, parse_html, parse_page

DATA = Path(__file__).parents[1] / "data" / "html"


@pytest.mark.parametrize(
    ("name", "encoding", "sample"),
    [
        ("enc_bom.html", "utf-8", "Zoë’s café"),
        ("enc_meta_charset.html", "cp1252", "Zoë’s café"),
        ("enc_http_equiv.html", "cp1256", "لایروبی"),
        ("enc_xml_decl.xhtml", "iso8859-15", "5 € a ton"),
        ("enc_undeclared_utf8.html", "utf-8", "“harbour tea”"),
        ("enc_undeclared_cp1256.html", "cp1256", "کشتی"),
        ("enc_undeclared_cp1252.html", "cp1252", "naïve visitor"),
        ("enc_lying_label.html", "utf-8", "Zoë’s café"),
    ],
)
def test_encoding_is_decided_and_recorded(name: str, encoding: str, sample: str) -> None:
    result = html.extract((DATA / name).read_bytes(), name)
    assert result.encoding == encoding
    assert sample in result.article.text.replace("ي", "ی")


def test_meta_charset_is_found_in_the_prescan() -> None:
    assert declared_encoding(b'<html><head><meta charset="windows-1256">') == "windows-1256"


def test_http_equiv_charset_is_found_in_the_prescan() -> None:
    head = b'<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">'
    assert declared_encoding(head) == "ISO-8859-15"


def test_xml_declaration_is_found_in_the_prescan() -> None:
    assert declared_encoding(b'<?xml version="1.0" encoding="koi8-r"?><html>') == "koi8-r"


def test_unknown_label_is_ignored() -> None:
    assert declared_encoding(b'<meta charset="no-such-charset">') is None


def test_outside_charset_outranks_the_page_declaration() -> None:
    data = '<meta charset="windows-1256"><p>café</p>'.encode("cp1252")
    assert decode_page(data, "x.html", declared="windows-1252")[1] == "cp1252"


def test_binary_is_refused() -> None:
    with pytest.raises(ExtractionError, match=r"^x\.html: binary"):
        decode_page(b"\x00\x01\x02\x03" * 100, "x.html")


def test_nesting_past_the_parser_limit_is_refused_not_truncated() -> None:
    page = "<html><body>" + "<div>" * 300 + "bottom" + "</div>" * 300 + "</body></html>"
    with pytest.raises(ExtractionError, match=r"^deep\.html: nesting too deep"):
        parse_html(page, "deep.html")


def test_text_node_over_ten_megabytes_is_read_whole() -> None:
    body = "tide " * (11 * 1024 * 1024 // 5)
    root = parse_html(f"<html><body><p>{body}</p></body></html>", "big.html")
    assert len(root.findtext(".//p") or "") == len(body)


def test_entities_declared_in_a_dtd_are_never_expanded() -> None:
    page = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x "EXPANDED">'
        '<!ENTITY f SYSTEM "file:///etc/passwd">]><html><body><p>&x; &f;</p></body></html>'
    )
    text = "".join(parse_html(page, "x.xhtml").itertext())
    assert "EXPANDED" not in text and "root:" not in text and "]>" not in text


def test_control_characters_never_reach_the_tree() -> None:
    root = parse_html("<html><body><p>a\x00b\x07c\x1bd</p></body></html>", "x.html")
    assert root.findtext(".//p") == "abcd"


def test_a_page_cannot_forge_the_importers_footnote_placeholder() -> None:
    root = parse_html(
        '<html><body><p>x<archivist-fn label="9"></archivist-fn></p></body></html>', "x"
    )
    assert root.find(".//archivist-fn") is None


@pytest.mark.parametrize(
    "page",
    [
        "<html><body><p>plain ASCII</p></body></html>",
        "<html><body><p>caf\u00e9 \u0641\u0627\u0631\u0633\u06cc</p></body></html>",
        "<html><body><p>cafe\u0301 decomposed</p></body></html>",
        '<?xml version="1.0"?><html><body><p>with a declaration</p></body></html>',
        "<html><body><p>a\x01control</p></body></html>",
    ],
)
def test_page_parsed_from_its_bytes_matches_the_decoded_text(page: str) -> None:
    root, encoding, replaced = parse_page(page.encode("utf-8"), "x.html")
    assert (encoding, replaced) == ("utf-8", 0)
    assert etree.tostring(root) == etree.tostring(parse_html(page, "x.html"))
