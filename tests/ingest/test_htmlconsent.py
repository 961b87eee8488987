"""Consent notices found by what they say: the notice goes, an article about consent stays."""

from __future__ import annotations

from pathlib import Path

from archivist.ingest.formats.html import extract
from archivist.ingest.html.htmlconsent import consent_notices, reads_as_consent
from archivist.ingest.html.htmlparse import parse_html

DATA = Path(__file__).resolve().parents[1] / "data" / "html"
NOTICE = (
    "<p>We and our partners use cookies to personalise content and to measure it. By clicking"
    " accept you agree to this; change your preferences at any time.</p>"
)
ARTICLE = (
    "<p>The regulator said that cookie banners must let readers refuse as easily as accept,"
    " and that partners named in a consent notice must be listed with their purposes; privacy"
    " campaigners welcomed the ruling.</p>"
)


def test_a_notice_with_an_answer_button_is_found_whatever_its_name() -> None:
    root = parse_html(
        f'<html><body><div class="x91"><div>{NOTICE}<button>Accept all</button></div></div>'
        f"<div>{ARTICLE}</div></body></html>",
        "x",
    )
    [notice] = consent_notices(root)
    assert notice.get("class") == "x91"


def test_an_article_about_cookie_consent_is_no_notice() -> None:
    root = parse_html(
        f'<html><body><div>{ARTICLE * 3}<a href="/next">Next story</a></div></body></html>', "x"
    )
    assert consent_notices(root) == []


def test_a_recipe_for_cookies_is_no_notice() -> None:
    recipe = "<p>Cream the butter, add the sugar, and bake the cookies for ten minutes.</p>"
    root = parse_html(f'<html><body><div>{recipe}<a href="#">OK</a></div></body></html>', "x")
    assert consent_notices(root) == []


def test_an_extracted_text_that_is_only_a_notice_reads_as_consent() -> None:
    notice = "We use cookies. By clicking accept you agree; see our privacy preferences."
    assert reads_as_consent(notice)
    assert not reads_as_consent("Bake the cookies for ten minutes, then let them cool.")
    assert not reads_as_consent(notice + " The harbour wall held." * 200)


def test_a_short_text_saying_the_site_uses_cookies_reads_as_consent() -> None:
    assert reads_as_consent("Wir verwenden Cookies, um Dir die beste Erfahrung zu bieten.")
    assert reads_as_consent("This website uses cookies to improve your experience.")
    assert not reads_as_consent("We use cookie cutters shaped like anchors.")
    assert not reads_as_consent("We use three kinds of chocolate in these cookies.")
    assert not reads_as_consent("We use cookies, the baker said. " + "Butter. " * 100)


def test_a_page_whose_first_look_finds_a_short_cookie_notice_looks_again() -> None:
    name = "furniture_cookie_short_notice.html"
    text = extract((DATA / name).read_bytes(), name).article.text
    assert "LEAK" not in text
    assert "Lotsenboot" in text
