"""Furniture removal on the parsed tree: what goes, and what merely looks like furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.ingest.formats.html import extract
from archivist.ingest.html.htmlasides import strip_asides
from archivist.ingest.html.htmldom import inner_text
from archivist.ingest.html.htmlfurniture import strip_furniture
from archivist.ingest.html.htmlparse import parse_html

DATA = Path(__file__).resolve().parents[1] / "data" / "html"
STORY = "<p>" + "The harbour wall took six years to build, and it still holds the channel. " * 4
STORY += "</p>"


def test_strip_furniture_keeps_layout_classes_that_merely_mention_a_sidebar() -> None:
    root = parse_html(
        '<html><body><div class="l-sidebar-fixed"><p>Kept.</p></div></body></html>', "x"
    )
    strip_furniture(root)
    assert inner_text(root) == "Kept."


@pytest.mark.parametrize("cls", ["with-navigation", "has-menu", "no-sidebar", "is-nav"])
def test_a_layout_state_named_after_furniture_is_not_furniture(cls: str) -> None:
    # Themes mark the wrapper of a page that has a menu or a sidebar "with-navigation":
    # a wrapper holding less than half of a long page's text must still stay.
    root = parse_html(
        f'<html><body><div class="{cls}">{STORY}</div><div class="site-map">{STORY * 3}</div>'
        "</body></html>",
        "x",
    )
    strip_furniture(root)
    assert inner_text(root).count("The harbour wall") == 16


def test_menus_and_overlays_named_only_in_classes_are_dropped() -> None:
    root = parse_html(
        '<html><body><div class="mobile-nav"><div>Living</div></div>'
        '<div id="IE-overlay"><p>Your browser is out of date.</p></div>'
        f'<ul class="main-menu"><li>Archive</li></ul>{STORY}</body></html>',
        "x",
    )
    strip_furniture(root)
    assert inner_text(root).startswith("The harbour wall")


@pytest.mark.parametrize(
    "cls", ["Chapter__RelatedDls", "relatedPost", "post-author__bio", "author__info"]
)
def test_related_lists_and_author_boxes_in_bem_or_camel_case_names_are_dropped(cls: str) -> None:
    root = parse_html(
        f'<html><body><div class="{cls}"><p>Other downloads</p></div>{STORY}</body></html>', "x"
    )
    strip_furniture(root)
    assert inner_text(root).startswith("The harbour wall")


@pytest.mark.parametrize(
    "cls",
    [
        "OUTBRAIN",
        "wp-embedded-content",
        "taboola-feed",
        "user-info",
        "third-party-services--placeholder",
        "embed-privacy-box",
        "next-stories",
        "more-on-list",
        "paywall",
    ],
)
def test_recommendations_user_cards_and_privacy_placeholders_are_dropped(cls: str) -> None:
    root = parse_html(
        f'<html><body><div class="{cls}"><p>We respect your privacy.</p></div>{STORY}'
        "</body></html>",
        "x",
    )
    strip_furniture(root)
    assert inner_text(root).startswith("The harbour wall")


@pytest.mark.parametrize(
    "cls",
    [
        "unrelated-notes",
        "correlated",
        "relatedness",
        "authored",
        "moreover",
        "timestamped-entry",
        "user-information-panel-text",
    ],
)
def test_names_that_merely_contain_related_or_author_are_kept(cls: str) -> None:
    root = parse_html(f'<html><body><div class="{cls}"><p>Kept.</p></div></body></html>', "x")
    strip_furniture(root)
    assert inner_text(root) == "Kept."


def test_hidden_elements_are_dropped() -> None:
    root = parse_html(
        '<html><body><p style="display: none">Gone.</p><p hidden>Gone.</p>'
        "<p>Kept.</p></body></html>",
        "x",
    )
    strip_furniture(root)
    assert inner_text(root) == "Kept."


def test_a_wrapper_named_like_a_sidebar_that_holds_most_of_the_text_is_kept() -> None:
    root = parse_html(
        f'<html><body><div class="has-sidebar">{STORY * 3}'
        '<div class="sidebar"><p>Archives</p></div></div></body></html>',
        "x",
    )
    strip_furniture(root)
    text = inner_text(root)
    assert text.startswith("The harbour wall") and "Archives" not in text


def test_a_wrapper_named_like_furniture_that_holds_the_main_element_is_kept() -> None:
    root = parse_html(
        '<html><body><div class="one-sidebar"><main><p>Short article.</p></main></div>'
        f'<div class="site-map">{STORY * 3}</div></body></html>',
        "x",
    )
    strip_furniture(root)
    assert "Short article." in inner_text(root)


def test_a_consent_banner_is_dropped_however_much_text_it_holds() -> None:
    root = parse_html(
        f'<html><body><div class="cmp-consent">{STORY * 5}</div><p>Kept.</p></body></html>', "x"
    )
    strip_furniture(root)
    assert inner_text(root) == "Kept."


def test_furniture_named_in_an_id_is_dropped() -> None:
    root = parse_html(
        f'<html><body><div id="ez-toc-container"><p>Contents</p></div>{STORY}</body></html>', "x"
    )
    strip_furniture(root)
    assert inner_text(root).startswith("The harbour wall")


def test_by_name_false_reads_no_class_names() -> None:
    root = parse_html(
        '<html><body><div class="related"><p>Kept.</p></div><nav>Menu</nav></body></html>', "x"
    )
    strip_furniture(root, by_name=False)
    assert inner_text(root) == "Kept."


def test_noscript_fallback_holding_the_page_is_read() -> None:
    root = parse_html(
        f'<html><body><div id="app"></div><noscript><div>{STORY}</div></noscript></body></html>',
        "x",
    )
    strip_furniture(root)
    assert inner_text(root).startswith("The harbour wall")


def test_noscript_beside_a_real_page_is_dropped() -> None:
    root = parse_html(
        f"<html><body>{STORY}<noscript><p>Please enable JavaScript.</p></noscript></body></html>",
        "x",
    )
    strip_furniture(root)
    assert "JavaScript" not in inner_text(root)


@pytest.mark.parametrize(
    "line",
    [
        "<p><b>Read also:</b> <a href='/x'>The lighthouses</a></p>",
        "<p>Lesen Sie auch: <a href='/x'>Die Leuchttürme</a></p>",
        "<p>À lire aussi : <a href='/x'>Les phares</a></p>",
        "<p>LE PUEDE INTERESAR: <a href='/x'>Los faros</a></p>",
        "<h3>Das könnte Sie auch interessieren!</h3>",
        "<p>Czytaj także: <a href='/x'>Latarnie</a></p>",
        "<p>اقرأ أيضا: <a href='/x'>المنارات</a></p>",
        "<p>- Anzeige -</p>",
        "<p>Reklama</p>",
        "<div>Advertisement</div>",
        "<p>Foto: Harbour Board</p>",
        "<span>Photo: County Archive</span>",
        "<p>© 2020 Coastal Notes</p>",
        "<figure><img src='a.jpg'><figcaption>Foto: Sascha Klahn</figcaption></figure>",
        "<p>Publikacja: <time>12.03.2021</time></p>",
        "<div>Last Modified: 2019-05-03</div>",
        "<p>Tags: harbour, walls</p>",
        "<p>Share this article</p>",
        "<div>24.01.2022 11:38 Kategorie: News</div>",
        "<p>2021-10-16 | Botschaft</p>",
        "<p><time datetime='2021-03-16'>16 marca 2021</time></p>",
        "<p><time>12 March 2021</time> | <time>14:05</time></p>",
        "<p><a href='/about'>Learn more</a></p>",
        "<p><a href='/'>Zurück zur Startseite</a></p>",
        "<div><a href='/'>Dowiedz się więcej »</a></div>",
        "<p>Dowiedz się więcej: <a href='/x'>Kto jak głosował</a></p>",
        "<p>Learn More: <a href='/x'>Seven tips for harbour walls</a></p>",
        "<p><a href='/forum/123'>Alkohol beim Angeln – Diskussion im Forum</a></p>",
        "<div><strong><a href='https://x.org/'>Hier das Einzel-Tableau in Pune</a></strong></div>",
    ],
)
def test_asides_inside_the_article_are_dropped(line: str) -> None:
    root = parse_html(f"<html><body><div>{STORY}{line}{STORY}</div></body></html>", "x")
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    story = inner_text(parse_html(STORY, "x"))
    assert inner_text(article) == f"{story} {story}"


def test_a_paragraph_that_merely_starts_like_an_aside_is_kept() -> None:
    long = "Read more than the first chapter and the harbour story changes. " * 4
    root = parse_html(
        f"<html><body><div><p>{long}</p><p>Advertising paid for the wall.</p></div></body></html>",
        "x",
    )
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    assert "Read more than" in inner_text(article) and "Advertising paid" in inner_text(article)


@pytest.mark.parametrize(
    "line",
    [
        "<p><time itemprop='cookTime' datetime='PT30M'>15 – 30 Min</time></p>",
        "<p>The wall was finished on <time datetime='1917-05-02'>2 May 1917</time>.</p>",
        "<p>Learn more about the dredger in the next chapter, where its crew speaks.</p>",
        "<p><time>Later that year</time></p>",
        "<p>2021-10-16 | The wall is closed to walkers until the spring.</p>",
        "<p><a href='foo/bar/baz.html'>link</a></p>",
        "<p><a href='#n1'>Back to the first note</a></p>",
        "<p><a href='/x'>The wall was finished in 1917.</a></p>",
        "<p>See <a href='/x'>the harbour board's plans</a> for the wall</p>",
    ],
)
def test_a_duration_or_a_sentence_with_a_date_is_kept(line: str) -> None:
    root = parse_html(f"<html><body><div>{STORY}{line}</div></body></html>", "x")
    article = root.find("body/div")
    assert article is not None
    kept = inner_text(parse_html(line, "x"))
    strip_asides(article)
    assert inner_text(article).endswith(kept)


def test_a_caption_stays_and_its_credit_goes() -> None:
    root = parse_html(
        "<html><body><div><figure><img src='a.jpg'><figcaption>The wall in 1917. "
        "<span class='photo-credit'>County Archive</span></figcaption></figure>"
        "<p>Foto: Harbour Board</p></div></body></html>",
        "x",
    )
    strip_furniture(root)
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    assert inner_text(article) == "The wall in 1917."


def test_a_page_wrapped_in_one_link_is_not_a_teaser_card() -> None:
    root = parse_html(
        f"<html><body><div><a href='/story'><h2>Harbour</h2>{STORY}</a></div></body></html>", "x"
    )
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    assert inner_text(article).startswith("HarbourThe harbour wall")


def test_a_link_wrapped_round_a_heading_is_a_teaser_card() -> None:
    root = parse_html(
        f"<html><body><div>{STORY}<a href='/other'><h3>Another story</h3><p>Its summary</p></a>"
        "<p>See <a href='#note'>the note</a>.</p></div></body></html>",
        "x",
    )
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    text = inner_text(article)
    assert "Another story" not in text and "Its summary" not in text
    assert text.endswith("See the note.")


def test_a_more_on_this_heading_goes_with_its_list_of_links() -> None:
    links = "".join(f"<li><a href='/{i}'>Story {i}</a></li>" for i in range(3))
    root = parse_html(
        f"<html><body><div>{STORY}<h3>Meistgelesene Artikel</h3><ul>{links}</ul>"
        "<ul><li>A list of the article's own points</li></ul></div></body></html>",
        "x",
    )
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    text = inner_text(article)
    assert "Meistgelesene" not in text and "Story 1" not in text
    assert text.endswith("A list of the article's own points")


def test_a_sentence_that_starts_with_read_more_is_kept() -> None:
    root = parse_html(
        f"<html><body><div>{STORY}<p>Read more about the wall in the board's minutes.</p>"
        "</div></body></html>",
        "x",
    )
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    assert inner_text(article).endswith("Read more about the wall in the board's minutes.")


def test_a_comment_thread_is_dropped_however_much_text_it_holds() -> None:
    root = parse_html(
        f"<html><body><p>Kept.</p><div class='comments'>{STORY * 5}</div></body></html>", "x"
    )
    strip_furniture(root)
    assert inner_text(root) == "Kept."


def test_a_sentence_starting_with_a_date_word_is_kept() -> None:
    root = parse_html(
        f"<html><body><div>{STORY}<p>Date palms grow along the quay.</p></div></body></html>", "x"
    )
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    assert inner_text(article).endswith("Date palms grow along the quay.")


def test_a_see_also_section_and_a_related_work_heading_stay() -> None:
    links = "".join(f"<li><a href='/wiki/{i}'>Harbour {i}</a></li>" for i in range(3))
    root = parse_html(
        f"<html><body><div>{STORY}<h2>See also</h2><ul>{links}</ul><h2>Related work</h2>"
        "</div></body></html>",
        "x",
    )
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    assert inner_text(article).endswith("See alsoHarbour 0Harbour 1Harbour 2Related work")


def test_a_navigation_box_holding_most_of_a_short_page_is_still_dropped() -> None:
    links = "".join(f"<a href='/{i}'>Another harbour town number {i}</a> " for i in range(30))
    root = parse_html(
        f"<html><body><p>A short stub about the harbour.</p><div class='navbox'>{links}</div>"
        "</body></html>",
        "x",
    )
    strip_furniture(root)
    assert inner_text(root) == "A short stub about the harbour."


def test_a_stray_interface_label_goes_and_a_word_in_running_text_stays() -> None:
    root = parse_html(
        f"<html><body><div>{STORY}<div>Community</div><span>20:37</span>"
        "<p>The wall was <span>finished</span> in 1918.</p><div>The wall held.</div>"
        "</div></body></html>",
        "x",
    )
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    text = inner_text(article)
    assert "Community" not in text and "20:37" not in text
    assert text.endswith("The wall was finished in 1918.The wall held.")


def test_a_box_named_like_furniture_that_holds_most_of_the_prose_is_the_article() -> None:
    # A theme's wrapper named "toc-content" holds the article's paragraphs; a link-heavy
    # directory outweighs it in raw text, but not in prose.
    directory = "".join(f'<li><a href="/p{i}">Harbour page number {i}</a></li>' for i in range(80))
    root = parse_html(
        f'<html><body><div class="toc-content">{STORY * 2}</div><ul>{directory}</ul></body></html>',
        "x",
    )
    strip_furniture(root)
    assert inner_text(root).count("The harbour wall") == 8


@pytest.mark.parametrize("cls", ["comments-area", "paywall", "cookie-notice"])
def test_comments_paywalls_and_banners_go_however_much_prose_they_hold(cls: str) -> None:
    root = parse_html(
        f'<html><body><div class="{cls}">{STORY * 3}</div><p>The short note kept.</p>'
        "</body></html>",
        "x",
    )
    strip_furniture(root)
    assert inner_text(root) == "The short note kept."


@pytest.mark.parametrize(
    "caption", ["The wall in 1917. Foto: County Archive", "The wall in 1917. (Photo: Reuters)"]
)
def test_a_caption_that_carries_its_credit_goes_whole(caption: str) -> None:
    root = parse_html(
        f"<html><body><div><figure><img src='a.jpg'><figcaption>{caption}</figcaption>"
        f"</figure>{STORY}</div></body></html>",
        "x",
    )
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    assert inner_text(article).startswith("The harbour wall")


def test_a_caption_that_names_a_photographer_in_prose_stays() -> None:
    root = parse_html(
        "<html><body><div><figure><img src='a.jpg'><figcaption>The photographer's own view"
        f" of the wall.</figcaption></figure>{STORY}</div></body></html>",
        "x",
    )
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    assert inner_text(article).startswith("The photographer's own view")


def test_a_form_that_asks_the_reader_to_type_is_dropped() -> None:
    root = parse_html(
        f"<html><body><div>{STORY}<form class='x1'><p>Get the weekly letter.</p>"
        "<input type='email'></form></div></body></html>",
        "x",
    )
    strip_furniture(root)
    assert "weekly letter" not in inner_text(root)


def test_a_form_round_the_whole_page_is_kept() -> None:
    # ASP.NET pages wrap everything, the article too, in one form with a search box.
    root = parse_html(
        f"<html><body><form><input type='search'>{STORY * 3}</form></body></html>", "x"
    )
    strip_furniture(root)
    assert inner_text(root).count("The harbour wall") == 12


@pytest.mark.parametrize(
    "call", ["Kostenlos zum Newsletter anmelden", "Subscribe now", "Jetzt spenden"]
)
def test_a_short_link_calling_to_subscribe_or_donate_is_a_promotion(call: str) -> None:
    root = parse_html(
        f"<html><body><div>{STORY}<p><a href='/go'>{call}</a></p></div></body></html>", "x"
    )
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    assert inner_text(article).endswith("holds the channel.")


def test_a_sentence_about_a_newsletter_stays() -> None:
    line = "The harbour board's newsletter, founded in 1911, printed the tide tables."
    root = parse_html(f"<html><body><div>{STORY}<p>{line}</p></div></body></html>", "x")
    article = root.find("body/div")
    assert article is not None
    strip_asides(article)
    assert inner_text(article).endswith(line)


def test_a_closed_dialog_and_a_modal_box_are_never_the_article() -> None:
    # A login dialog waiting for a click holds more text than the article; its class names
    # say nothing, only the markup says it is not shown.
    data = (DATA / "furniture_closed_dialog.html").read_bytes()
    text = extract(data, "furniture_closed_dialog.html").article.text
    assert "LEAK" not in text
    assert "worked by hand until 1962" in text and "forty times" in text


def test_an_open_dialog_and_a_closed_dialog_holding_the_only_prose_stay() -> None:
    for markup in (f"<dialog open>{STORY}</dialog>", f"<dialog>{STORY * 2}</dialog>"):
        root = parse_html(f"<html><body>{markup}<p>Menu</p></body></html>", "x")
        strip_furniture(root)
        assert "The harbour wall" in inner_text(root), markup


def test_comments_under_a_recipe_of_lists_and_short_lines_are_dropped() -> None:
    # The recipe has less running prose than its comments; its heading opens a block of
    # text beside the thread, which makes the thread the comments under it.
    data = (DATA / "furniture_recipe_comments.html").read_bytes()
    text = extract(data, "furniture_recipe_comments.html").article.text
    assert "LEAK" not in text
    assert "rolled oats" in text and "bake at 180 degrees" in text


def test_a_box_hidden_by_its_style_beside_the_shown_title_is_never_the_article() -> None:
    # A paywall's full text sits in a display:none box holding most of the page's prose; the
    # page shows its title and lead outside it, so the box is held back, not shown by script.
    data = (DATA / "furniture_hidden_full_text.html").read_bytes()
    text = extract(data, "furniture_hidden_full_text.html").article.text
    assert "HELD BACK" not in text
    assert "experts warn against climbing" in text


def test_a_box_hidden_by_its_style_holding_the_title_is_the_page_shown_by_script() -> None:
    root = parse_html(
        f'<html><body><div style="display:none"><h1>The Harbour Wall</h1>{STORY * 2}</div>'
        "<p>Menu</p></body></html>",
        "x",
    )
    strip_furniture(root, title="The Harbour Wall")
    assert "The harbour wall took" in inner_text(root)


def test_a_box_of_sign_in_and_registration_panels_is_never_the_article() -> None:
    # Two password forms share a box whose message panels hold more prose than the short
    # article; no name says so, the password fields do.
    data = (DATA / "furniture_login_panels.html").read_bytes()
    text = extract(data, "furniture_login_panels.html").article.text
    assert "LEAK" not in text
    assert "The last boat of the day" in text


def test_one_sign_in_form_does_not_make_its_container_a_login_box() -> None:
    root = parse_html(
        f'<html><body><div><form><input type="password"></form>{STORY}</div></body></html>', "x"
    )
    strip_furniture(root)
    assert "The harbour wall" in inner_text(root)


def test_a_hidden_box_beside_a_title_with_no_prose_shown_is_the_page_script_shows() -> None:
    # The page shows its title and menu; all its prose waits in a box script fades in.
    root = parse_html(
        "<html><body><h1>The Harbour Wall</h1><p>Menu</p>"
        f'<div style="display:none">{STORY * 2}</div></body></html>',
        "x",
    )
    strip_furniture(root, title="The Harbour Wall")
    assert "The harbour wall took" in inner_text(root)
