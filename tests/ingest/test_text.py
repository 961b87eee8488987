"""The plain-text importer on small saved articles, each showing one convention or fault."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archivist.errors import ExtractionError
from archivist.ingest import Extraction, extract
from archivist.ingest.formats import text as text_importer
from archivist.ingest.text.textmeta import guess_language, parse_byline, settle_language
from archivist.model import Article

DATA = Path(__file__).resolve().parents[1] / "data" / "text"


def load(name: str) -> Extraction:
    return extract((DATA / name).read_bytes(), name)


def article_of(source: str, name: str = "sample.txt") -> Article:
    return text_importer.extract(source.encode("utf-8"), name).article


def paragraphs(article: Article) -> list[str]:
    return [article.text[b.start : b.end] for b in article.blocks]


def assert_consistent(article: Article) -> None:
    """Markers sit where their offsets say, and blocks tile the text with blank lines."""
    for footnote in article.footnotes:
        for offset in footnote.markers:
            end = offset + len(footnote.label) + 2
            assert article.text[offset:end] == f"[{footnote.label}]"
    for mark in article.marks:
        assert article.text[mark.start : mark.end] == f"[{mark.label}]"
    assert article.blocks[0].start == 0
    assert article.blocks[-1].end == len(article.text)
    for before, after in zip(article.blocks, article.blocks[1:], strict=False):
        assert article.text[before.end : after.start] == "\n\n"


# --- the sample articles -------------------------------------------------------------------------


def test_wordpress_save_gives_metadata_from_breadcrumb_and_closing_byline() -> None:
    article = load("wordpress_breadcrumb.txt").article

    assert article.title == "The Lighthouse Keepers of Varden Point"
    assert article.section == "Maritime History"
    assert article.authors == ("Halvard Ostrem",)
    assert article.published == "2016-03-03"
    assert article.language == "en"


def test_wordpress_save_links_reference_list_and_repeated_marker() -> None:
    article = load("wordpress_breadcrumb.txt").article

    assert [f.label for f in article.footnotes] == ["1", "2", "3", "4"]
    assert article.footnotes[2].text == "Ibid."
    assert article.footnotes[3].text == "Marrow, Lights of the Northern Shore, 88."
    assert len(article.footnotes[1].markers) == 2
    assert article.warnings == ()
    assert_consistent(article)


def test_wordpress_save_body_has_no_breadcrumb_byline_references_or_furniture() -> None:
    article = load("wordpress_breadcrumb.txt").article

    assert paragraphs(article)[0].startswith("For nearly a century")
    assert paragraphs(article)[-1].endswith("when the light was automated. [2]")
    for furniture in ("Home »", "Halvard", "Advertisement", "Share this", "Twitter", "Tide Tables",
                      "Leave a Comment", "Greyhaven", "Ibid"):  # fmt: skip
        assert furniture not in article.text


def test_ibid_and_short_form_refer_back_through_the_reference_parser() -> None:
    article = load("wordpress_breadcrumb.txt").article

    assert article.footnotes[2].refers_to == "2"
    assert article.footnotes[3].refers_to == "1"
    assert article.footnotes[0].kind == "citation"


def test_spaced_markers_are_rewritten_without_spaces() -> None:
    article = load("spaced_markers.txt").article

    assert "[ 1 ]" not in article.text
    assert article.text.count("[1]") == 2
    assert article.footnotes[0].markers == (article.text.index("[1]"), article.text.rindex("[1]"))
    assert article.footnotes[1].text == "Oral history interview with Amos Fenwick, March 4, 2017."
    assert_consistent(article)


def test_published_line_and_dash_byline_are_metadata_not_body() -> None:
    article = load("spaced_markers.txt").article

    assert article.published == "2019-06-12"
    assert article.authors == ("Perrine Caldwell",)
    assert "Published" not in article.text
    assert "Perrine" not in article.text


def test_crlf_bom_and_superscript_markers() -> None:
    extraction = load("crlf_superscript_bom.txt")
    article = extraction.article

    assert extraction.encoding == "utf-8"
    assert article.title == "Measuring the Height of Clouds"
    assert article.section == "Science"
    assert [f.label for f in article.footnotes] == ["1", "2", "12"]
    assert "protractor.[1] The method" in article.text
    assert article.text.endswith("consulted by climate scientists.[12]")
    assert not any(ch in article.text for ch in "\r\ufeff¹²")
    assert_consistent(article)


def test_persian_windows_1256_save_without_declaration() -> None:
    extraction = load("persian_cp1256.txt")
    article = extraction.article

    assert extraction.encoding == "cp1256"
    assert article.language == "fa"
    assert article.title == "کاروانسراهاي جاده ابريشم"
    assert article.section == "تاريخ"
    assert article.authors == ("کاوه رستگار",)
    assert [(f.label, f.text) for f in article.footnotes][1] == ("2", "همان.")
    assert "منابع" not in article.text
    assert "نويسنده" not in article.text
    assert_consistent(article)


def test_persian_digit_markers_and_pi_nevesht_heading() -> None:
    article = load("persian_utf8_digits.txt").article

    assert article.section == "فرهنگ"
    assert [f.label for f in article.footnotes] == ["1", "2"]
    assert article.footnotes[0].text == "مهرناز آذرپی، باغ و آب، نشر سپیده، ۱۳۹۰."
    assert "[۱]" not in article.text
    assert "دارد.[1] این" in article.text
    assert "پی‌نوشت" not in article.text
    assert_consistent(article)


def test_arabic_save_with_arabic_indic_markers() -> None:
    article = load("arabic_utf8.txt").article

    assert article.language == "ar"
    assert article.title == "أسواق الكتب القديمة"
    assert article.section == "ثقافة"
    assert article.authors == ("سليم الحداد",)
    assert article.footnotes[1].text == "المصدر نفسه، ص ٣٠."
    assert "الهوامش" not in article.text
    assert_consistent(article)


def test_utf16_with_bom() -> None:
    extraction = load("utf16_bom.txt")

    assert extraction.encoding == "utf-16"
    assert extraction.article.title == "Notes on a Village Clock"
    assert extraction.article.authors == ("Wendeline Marsh",)
    assert extraction.article.footnotes[0].text == "Parish Council Minutes, October 1931."


def test_windows_1252_curly_quotes_and_accents() -> None:
    extraction = load("cp1252_curly.txt")
    article = extraction.article

    assert extraction.encoding == "cp1252"
    assert article.title == "The Café on Rue Delambre"
    assert paragraphs(article)[0].startswith("“We never closed,” said the owner’s daughter, Élodie")
    assert article.authors == ("Gaspard Lemoine-Hartt",)


def test_notes_heading_with_dot_numbering_and_continuation_line() -> None:
    article = load("notes_heading.txt").article

    assert article.section == "Culture"
    assert article.title == "Old Recipes From the Orchard Valley"
    assert article.authors == ("Marit Lundqvist", "Oskar Feld")
    assert article.published == "2021-04-14"
    assert article.footnotes[1].text.endswith("box 3. Catalogued in 1999.")
    assert "Notes" not in article.text
    assert "Pickling" not in article.text
    assert_consistent(article)


def test_markers_without_reference_list_are_kept_and_reported() -> None:
    article = load("markers_no_list.txt").article

    assert article.footnotes == ()
    assert [m.label for m in article.marks] == ["1", "2", "5"]
    assert article.warnings == ("markers [1], [2], [5] have no footnote",)
    assert paragraphs(article)[-1].endswith("more than a used car. [5]")


def test_lists_quotes_and_headings_without_markers() -> None:
    article = load("list_no_markers.txt").article

    kinds = [(b.kind, b.ordered) for b in article.blocks]
    assert kinds == [("paragraph", False), ("heading", False)] + [("list_item", False)] * 3 + [
        ("heading", False)
    ] + [("list_item", True)] * 3 + [("blockquote", False), ("paragraph", False)]
    assert paragraphs(article)[2] == "Fresh flowers picked on a dry morning"
    assert paragraphs(article)[9] == "Patience is the only ingredient that cannot be bought."
    assert article.footnotes == ()


def test_duplicate_labels_are_both_kept_and_linked_in_order() -> None:
    article = load("duplicate_labels.txt").article

    assert [f.label for f in article.footnotes] == ["1", "2", "3", "3-2"]
    assert article.footnotes[3].text.startswith("Railway Gazette")
    assert "itself. [3-2]" in article.text
    assert any("3-2" in warning for warning in article.warnings)
    assert_consistent(article)


def test_author_line_and_date_line_at_top() -> None:
    article = load("author_top.txt").article

    assert article.authors == ("Delphine Okonkwo-Reyes",)
    assert article.published == "2020-11-05"
    assert article.title == "Winter Light in the Northern Archives"
    assert paragraphs(article)[0].startswith("Archivists in the north")
    assert "Comments are closed" not in article.text


def test_entry_without_space_after_its_number() -> None:
    article = load("author_top.txt").article

    assert article.footnotes[1].label == "2"
    assert (
        article.footnotes[1].text
        == "Halloran, Bridget,Reading Rooms of the North, Fjordline, 2016."
    )


def test_one_paragraph_per_line_without_blank_lines() -> None:
    article = load("dash_byline.txt").article

    assert article.title == "Why the Old Bridge Still Stands"
    assert len(article.blocks) == 3
    assert paragraphs(article)[2] == "The oak stays sound because it has never been exposed to air."
    assert article.authors == ("Ambrose Tillingham",)
    assert [f.label for f in article.footnotes] == ["1", "2"]
    assert_consistent(article)


def test_unnumbered_references_are_numbered_with_a_warning() -> None:
    article = load("unnumbered_refs.txt").article

    assert [(f.label, f.markers) for f in article.footnotes] == [("1", ()), ("2", ())]
    assert article.footnotes[1].text == "City Beekeeping Association, Rooftop Survey, 2021."
    assert any("not numbered" in warning for warning in article.warnings)
    assert "Harriet" not in article.text


# --- conventions and faults, inline ---------------------------------------------------------------


def test_empty_and_blank_files_are_refused() -> None:
    for data in (b"", b"  \n\t\n"):
        with pytest.raises(ExtractionError, match=r"^empty\.txt: the file is empty$"):
            text_importer.extract(data, "empty.txt")


def test_title_without_body_is_refused_with_a_reason() -> None:
    with pytest.raises(ExtractionError, match=r"^t\.txt: no article text found"):
        article_of("Only a Title\n\nShare this:\n", "t.txt")


def test_marker_without_entry_and_entry_without_marker_are_reported() -> None:
    article = article_of("Title\n\nOne.[1] Five.[5]\n\n[1] First.\n[2] Second.\n")

    assert [(f.label, f.markers) for f in article.footnotes] == [("1", (4,)), ("2", ())]
    assert "marker [5] has no footnote" in article.warnings
    assert "footnote [2] is not cited in the text" in article.warnings


def test_hard_wrapped_paragraphs_are_joined() -> None:
    source = (
        "A Wrapped Essay\n\nThe first paragraph was wrapped\nby the save tool.\n\nThe second.\n"
    )

    assert paragraphs(article_of(source)) == [
        "The first paragraph was wrapped by the save tool.",
        "The second.",
    ]


def test_standfirst_attached_to_the_title_is_the_subtitle() -> None:
    article = article_of("Rivers of Salt\nHow the marshes fed a city\n\nThe body begins here.\n")

    assert (article.title, article.subtitle) == ("Rivers of Salt", "How the marshes fed a city")
    assert article.text == "The body begins here."


def test_glued_superscript_stays_glued_and_years_in_brackets_are_not_markers() -> None:
    article = article_of("Title\n\nIn [1990] the word¹ changed.\n\n¹ A note.\n")

    assert article.text == "In [1990] the word[1] changed."
    assert article.footnotes[0].markers == (18,)


def test_byline_date_goes_to_published_not_to_the_name() -> None:
    article = article_of("Title\n\nBody text here.\n\nBy Jane Roe, March 3, 2016\n")

    assert (article.authors, article.published) == (("Jane Roe",), "2016-03-03")
    assert article.text == "Body text here."


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    assert parse_byline("By the end of the war the port was closed.") is None
    assert parse_byline("By Jane Roe & Omar Faizi") is not None


def test_persian_byline_names_split_on_va() -> None:
    byline = parse_byline("نویسنده: مریم کاظمی و آرش نیک‌نام")

    assert byline is not None
    assert byline.authors == ("مریم کاظمی", "آرش نیک‌نام")


def test_advertisement_lines_are_removed_anywhere() -> None:
    article = article_of("Title\n\nFirst part.\n\nADVERTISEMENT\n\nSecond part.\n")

    assert paragraphs(article) == ["First part.", "Second part."]


def test_furniture_before_the_reference_heading_is_removed() -> None:
    source = (
        "Title\n\nBody.[1]\n\nYou may also like\nAnother Story\nA Third Story\n\n"
        "References\n1. Vance, Urban Apiaries, 2015.\n"
    )
    article = article_of(source)

    assert article.text == "Body.[1]"
    assert article.footnotes[0].text == "Vance, Urban Apiaries, 2015."


def test_numbered_list_at_the_end_is_not_a_reference_list() -> None:
    article = article_of("Title\n\nSteps:\n\n1. Mix the clay.\n2. Let it dry.\n")

    assert article.footnotes == ()
    assert [b.kind for b in article.blocks] == ["paragraph", "list_item", "list_item"]


def test_undecodable_characters_are_counted_in_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    def lossy(data: bytes, **_: object) -> tuple[str, str]:
        return "Title\n\nBroken \ufffd\ufffd text.\n", "cp1252"

    monkeypatch.setattr(text_importer, "decode_bytes", lossy)
    article = text_importer.extract(b"ignored", "lossy.txt").article

    assert article.warnings[0].startswith("2 characters could not be decoded")


def test_no_title_line_falls_back_to_the_file_name() -> None:
    article = article_of("word " * 100, "harbour_notes.txt")

    assert article.title == "harbour notes"
    assert article.text == ("word " * 100).strip()


def test_language_guess() -> None:
    assert guess_language("The harbour opened in spring.") == "en"
    assert guess_language("باغ ایرانی همیشه دیواری بلند دارد") == "fa"
    assert guess_language("تمتد أسواق الكتب القديمة على ضفاف النهر") == "ar"
    assert guess_language("1234 ...") is None


def test_language_guess_tells_chinese_from_japanese_and_reads_german() -> None:
    assert guess_language("这座港口在春天开放，渔民们带着新的渔网回来了。") == "zh"
    assert guess_language("その港は春に開かれ、漁師たちは新しい網を持って戻ってきた。") == "ja"
    assert guess_language("Die Faustkeile wurden im Frühjahr am Hafen gefunden.") == "de"


CHINESE = "这座港口在春天开放，渔民们带着新的渔网回来了。市场上又有了新鲜的鱼和盐。" * 6
ENGLISH = "The harbour opened in spring and the fishermen came back with new nets. " * 6


def test_declared_language_gives_way_only_to_another_script() -> None:
    assert settle_language("en", CHINESE) == "zh"  # a theme's lang="en" on a Chinese page
    assert settle_language("de", ENGLISH) == "de"  # same script: the page is believed
    assert settle_language("en", "短い") == "en"  # too little text to overrule anything
    assert settle_language(None, ENGLISH) == "en"


def test_language_guess_survives_control_characters() -> None:
    assert guess_language("Le port a ouvert au printemps\x00 et les pêcheurs sont revenus.") == "fr"


def test_plain_text_save_gets_its_language() -> None:
    article = article_of("Вести из гавани\n\nПорт открылся весной, и рыбаки вернулись домой.\n")

    assert article.language == "ru"


# --- size and robustness --------------------------------------------------------------------------


def test_fifty_megabyte_single_line_imports_in_seconds() -> None:
    line = ("The harbour opened in spring and ships came back in autumn. " * 900_000)[:50_000_000]
    started = time.perf_counter()
    article = text_importer.extract(b"A Huge Save\n\n" + line.encode(), "huge.txt").article
    elapsed = time.perf_counter() - started

    assert article.title == "A Huge Save"
    assert len(article.text) == len(line.strip())
    assert elapsed < 30


def test_two_thousand_footnotes() -> None:
    body = "\n\n".join(f"Paragraph {n} cites a source.[{n}]" for n in range(1, 2001))
    refs = "\n".join(f"[{n}] Author {n}, Title {n}, Publisher, 2001." for n in range(1, 2001))
    article = article_of(f"Many Notes\n\n{body}\n\n{refs}\n")

    assert [f.label for f in article.footnotes] == [str(n) for n in range(1, 2001)]
    assert all(len(f.markers) == 1 for f in article.footnotes)
    assert article.warnings == ()
    assert_consistent(article)


_FRAGMENTS = st.sampled_from(
    ["", "Home » News » Title", "Title", "By Jane Roe | May 1, 2020", "Body text.[1]", "¹²",
     "[1] Ref.", "[1]", "1. Item", "- item", "> quote", "## Head", "Notes", "منابع", "[۱] منبع",
     "Share this:", "Advertisement", "Related", "— Name", "Author:", "[ 3 ]", "2) x", "\r", "\t"]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_FRAGMENTS, st.text(max_size=40)), max_size=25))
def test_any_lines_around_a_paragraph_keep_the_paragraph(lines: list[str]) -> None:
    # A real paragraph followed by any furniture, notes and scripts is always kept: an importer
    # that gave up on odd input (or always) fails here rather than passing.
    paragraph = (
        "The harbour master kept the tide tables by hand for forty years, and every ship that "
        "came back to the quay in autumn was written into them with its cargo and its crew."
    )
    article = article_of("\n".join(["The Tide Tables", "", paragraph, "", *lines]))
    assert paragraph in " ".join(article.text.split())
    assert_consistent(article)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_an_article_or_an_extraction_error(data: bytes) -> None:
    try:
        article = text_importer.extract(data, "random.txt").article
    except ExtractionError as error:
        assert str(error).startswith("random.txt: ")
        return
    assert article.text.strip()


def test_related_post_dates_in_the_furniture_are_not_the_article_date() -> None:
    source = "Title\n\nBody.\n\nRelated posts\nThe Tide Tables\nMarch 3, 2016\nBy Ilse Marrow\n"
    article = article_of(source)

    assert (article.text, article.published, article.authors) == ("Body.", None, ("Ilse Marrow",))


def test_parenthesised_numbering_under_a_footnotes_heading() -> None:
    article = article_of("Title\n\nBody.[1] More.[2]\n\nFootnotes:\n1) First.\n2) Second.\n")

    assert [(f.label, f.text) for f in article.footnotes] == [("1", "First."), ("2", "Second.")]


def test_sources_section_heading_followed_by_cited_prose_stays_in_the_body() -> None:
    article = article_of("Title\n\nIntro.\n\nSources\n\nThe archive holds letters.[1]\n")

    assert paragraphs(article) == ["Intro.", "Sources", "The archive holds letters.[1]"]
    assert article.footnotes == ()
