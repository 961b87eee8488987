"""Footnotes found from the page's structure: links by id or name, any marker shape, ranges."""

from __future__ import annotations

from pathlib import Path

from archivist.ingest.formats import html
from archivist.model import Article

DATA = Path(__file__).parents[1] / "data" / "html"
FIRST = "Harbour Board, Minutes of the Levy Committee, 1910."
SECOND = "County Engineer, Report on the Western Channel, 1913."


def article(name: str) -> Article:
    return html.extract((DATA / name).read_bytes(), name).article


def marker_after(a: Article, sentence: str) -> str:
    """The markers written right after a sentence of the body."""
    end = a.text.index(sentence) + len(sentence)
    run = ""
    while a.text[end + len(run) : end + len(run) + 1] == "[":
        run += a.text[end + len(run) : a.text.index("]", end + len(run)) + 1]
    return run


def assert_markers_point_at_labels(a: Article) -> None:
    for note in a.footnotes:
        for offset in note.markers:
            assert a.text[offset : offset + len(note.label) + 2] == f"[{note.label}]"
    marks = [m for m in a.marks if m.kind == "footnote"]
    assert sorted(m.start for m in marks) == sorted(o for f in a.footnotes for o in f.markers)


def test_link_to_a_name_target_without_a_note_like_name() -> None:
    a = article("fn_name_target.html")
    assert [(f.label, f.text) for f in a.footnotes] == [("1", FIRST), ("2", SECOND)]
    assert marker_after(a, "a penny a ton.") == "[1]"
    assert "Anmerkungen" not in a.text and "Harbour Board" not in a.text
    assert_markers_point_at_labels(a)


def test_brackets_outside_the_link_make_one_marker_and_no_residue() -> None:
    a = article("fn_brackets_outside.html")
    assert marker_after(a, "a penny a ton.") == "[1]"
    assert "[[" not in a.text
    assert a.footnotes[0].text == "« Objectifs du plan de levée », Bulletin du port, 1910."
    assert not any(f.text.startswith("[") for f in a.footnotes)
    assert_markers_point_at_labels(a)


def test_range_and_list_markers_cite_every_note_they_name() -> None:
    a = article("fn_ranges.html")
    assert marker_after(a, "a penny a ton.") == "[1][2]"
    assert marker_after(a, "before the war.") == "[1][3]"
    assert marker_after(a, "The merchants objected.") == "[2][3]"
    assert [len(f.markers) for f in a.footnotes] == [2, 2, 2]
    assert "参考资料" not in a.text
    assert_markers_point_at_labels(a)


def test_symbol_and_persian_digit_markers() -> None:
    a = article("fn_symbol_markers.html")
    assert [f.label for f in a.footnotes] == ["*", "†", "3"]
    assert [f.text for f in a.footnotes][:2] == [FIRST, SECOND]
    assert marker_after(a, "The gazette said so.") == "[3]"
    assert_markers_point_at_labels(a)


def test_labels_stay_as_the_page_shows_and_a_note_cited_only_in_a_dropped_infobox_stays() -> None:
    a = article("fn_dropped_marker.html")
    assert [f.label for f in a.footnotes] == ["1", "2", "3", "4"]
    assert marker_after(a, "The gazette reported it.") == "[4]"
    third = a.footnotes[2]
    assert third.markers == () and third.uncited == "dropped"
    assert [f.uncited for f in a.footnotes if f.label != "3"] == [None, None, None]
    assert any("left out of the text" in w for w in a.warnings)


def test_short_citations_keep_their_author_and_works_cited_become_unlinked_notes() -> None:
    a = article("fn_short_citations.html")
    assert [f.text for f in a.footnotes[:2]] == ["Marrow 1987, p. 61.", "Hale 1913, p. 4."]
    works = a.footnotes[2:]
    assert [f.label for f in works] == ["R1", "R2"]
    assert all(f.markers == () and f.uncited == "unlinked" for f in works)
    assert "Works cited" not in a.text and "Greyhaven" not in a.text


def test_marker_to_a_missing_target_stays_text_with_a_warning() -> None:
    a = article("fn_missing_target.html")
    assert [f.label for f in a.footnotes] == ["1"]
    assert "before the war.2" in a.text
    assert any("[2]" in w and "missing" in w for w in a.warnings)


def test_two_notes_with_the_same_label_are_both_kept_and_told_apart() -> None:
    a = article("fn_same_label.html")
    assert [(f.label, f.text) for f in a.footnotes] == [("1", FIRST), ("1-2", SECOND)]
    assert marker_after(a, "before the war.") == "[1-2]"
    assert any("used more than once" in w for w in a.warnings)


def test_notes_citing_each_other_keep_their_cross_references() -> None:
    a = article("fn_circular.html")
    assert [f.label for f in a.footnotes] == ["1", "2"]
    assert a.footnotes[0].text == f"{FIRST} See also note 2."
    assert a.footnotes[1].text == f"{SECOND} Compare note 1."
    assert [len(f.markers) for f in a.footnotes] == [1, 1]


def many_notes_page(count: int) -> bytes:
    body = "".join(
        f"<p>Sentence number {n} of the article, long enough to be read."
        f'<sup><a href="#n{n}">{n}</a></sup></p>'
        for n in range(1, count + 1)
    )
    notes = "".join(
        f'<li id="n{n}">Source number {n}, Harbour Press, 1910.</li>' for n in range(1, count + 1)
    )
    notes_list = f'<ol class="footnotes">{notes}</ol>'
    return f"<html><body><article><h1>Many</h1>{body}{notes_list}</article></body></html>".encode()


def test_ten_thousand_notes_are_all_kept() -> None:
    count = 10_000
    a = html.extract(many_notes_page(count), "many.html").article
    assert len(a.footnotes) == count
    assert a.footnotes[-1].label == str(count) and len(a.footnotes[-1].markers) == 1
    assert a.footnotes[-1].text == f"Source number {count}, Harbour Press, 1910."
