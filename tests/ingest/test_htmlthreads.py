"""Reader comments found by their reply buttons; a forum thread is no article's comments."""

from __future__ import annotations

from archivist.ingest.html.htmldom import inner_text
from archivist.ingest.html.htmlfurniture import strip_furniture
from archivist.ingest.html.htmlparse import parse_html
from archivist.ingest.html.htmlthreads import comment_thread

STORY = "<p>" + "The harbour wall took six years to build, and it still holds the channel. " * 4
STORY += "</p>"
POST = "<li><p>{0}</p><a href='#r'>Reply</a></li>"


def _page(article: str, posts: int) -> str:
    thread = "".join(
        POST.format(f"Reader {n} remembers the wall being built.") for n in range(posts)
    )
    return f"<html><body><h1>The wall</h1>{article}<ol class='x4'>{thread}</ol></body></html>"


def test_the_list_holding_every_reply_button_is_the_thread() -> None:
    thread = comment_thread(parse_html(_page(STORY, 3), "x"))
    assert thread is not None and thread.get("class") == "x4"


def test_one_reply_link_is_no_thread() -> None:
    assert comment_thread(parse_html(_page(STORY, 1), "x")) is None


def test_comments_under_an_article_go_whatever_their_name() -> None:
    root = parse_html(_page(STORY * 2, 3), "x")
    strip_furniture(root)
    assert "Reader" not in inner_text(root) and "harbour wall" in inner_text(root)


def test_a_forum_thread_with_nothing_beside_it_is_the_page() -> None:
    root = parse_html(_page("", 4), "x")
    strip_furniture(root)
    assert inner_text(root).count("remembers the wall") == 4


def test_a_forum_thread_under_a_title_and_a_menu_of_links_is_the_page() -> None:
    menu = "".join(
        f"<a href='/f/{n}'>Board number {n} of the harbour forum</a> " for n in range(20)
    )
    thread = "".join(
        POST.format(f"Member {n} remembers the wall being built, stone by stone, in 1911.")
        for n in range(6)
    )
    root = parse_html(
        f"<html><body><div><h1>The wall</h1><div>{menu}</div></div>"
        f"<ol class='x4'>{thread}</ol></body></html>",
        "x",
    )
    strip_furniture(root)
    assert inner_text(root).count("remembers the wall") == 6
