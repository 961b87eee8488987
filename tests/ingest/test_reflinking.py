"""Footnotes linked: ibid, op. cit., short forms and commentary to the full citation they name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from archivist.ingest.references import link_footnotes
from archivist.model import Footnote


def notes(*texts: str) -> tuple[Footnote, ...]:
    return link_footnotes([Footnote(str(i), (), t) for i, t in enumerate(texts, start=1)])


def test_ibid_after_ibid_chains_to_the_full_citation() -> None:
    linked = notes("Ilse Marrow, Lights of the North, Greyhaven Press, 1987.", "Ibid.", "Ibid., 5.")
    assert [f.refers_to for f in linked] == [None, "1", "1"]
    assert linked[0].kind == "citation" and linked[0].csl is not None


def test_ibid_after_a_short_form_names_the_full_citation() -> None:
    linked = notes(
        "Ilse Marrow, Lights of the North, Greyhaven Press, 1987.",
        "Ana Ruiz, The Grain Ledger, Torre Books, 2004.",
        "Marrow, Lights of the North, 88.",
        "Ibid., 90.",
    )
    assert [f.refers_to for f in linked] == [None, None, "1", "1"]


def test_op_cit_picks_the_named_author() -> None:
    linked = notes(
        "Barbara Slovin, “Moving Members”, Voice of Rivers, September 14, 2016.",
        "Ana Ruiz, The Grain Ledger, Torre Books, 2004.",
        "Slovin, op. cit., 4.",
    )
    assert linked[2].refers_to == "1"


def test_short_form_picks_the_right_title_of_two_by_one_author() -> None:
    linked = notes(
        "Ilse Marrow, Lights of the North, Greyhaven Press, 1987.",
        "Ilse Marrow, Harbour Ledgers, Greyhaven Press, 1991.",
        "Marrow, Lights of the North, 12.",
        "Marrow, Harbour Ledgers, 7.",
    )
    assert [f.refers_to for f in linked[2:]] == ["1", "2"]


def test_short_form_without_match_stays_unlinked() -> None:
    linked = notes(
        "Ilse Marrow, Lights of the North, Greyhaven Press, 1987.", "Ruiz, Grain Ledger, 3."
    )
    assert linked[1].refers_to is None and linked[1].kind == "citation"


def test_explanatory_note_breaks_no_chain() -> None:
    linked = notes(
        "Ilse Marrow, Lights of the North, Greyhaven Press, 1987.", "Emphasis added.", "Ibid."
    )
    assert [f.kind for f in linked] == ["citation", "note", "citation"]
    assert linked[2].refers_to == "1"


def test_persian_haman_refers_to_previous() -> None:
    linked = notes("مهرناز آذرپی، باغ و آب، نشر سپیده، ۱۳۹۰.", "همان، ص ۴۵.")
    assert linked[1].refers_to == "1"


def test_op_cit_without_author_refers_to_previous() -> None:
    linked = notes("Ilse Marrow, Lights of the North, Greyhaven Press, 1987.", "Op. cit., 9.")
    assert linked[1].refers_to == "1"


def test_short_form_matches_title_words_inside_the_title() -> None:
    linked = notes(
        "Ilse Marrow, Lights of the Northern Shore, Greyhaven Press, 1987.",
        "Marrow, Northern Shore, 5.",
    )
    assert linked[1].refers_to == "1"


def test_author_date_short_form_picks_the_author() -> None:
    linked = notes(
        "Ilse Marrow, Lights of the North, Greyhaven Press, 1987.",
        "Ana Ruiz, The Grain Ledger, Torre Books, 2004.",
        "Marrow 1987, 45.",
    )
    assert linked[2].refers_to == "1"


def test_author_only_short_form_picks_the_latest_work_by_that_author() -> None:
    linked = notes(
        "Ilse Marrow, Lights of the North, Greyhaven Press, 1987.",
        "Ilse Marrow, Harbour Ledgers, Greyhaven Press, 1991.",
        "Ana Ruiz, The Grain Ledger, Torre Books, 2004.",
        "Marrow, 45.",
    )
    assert linked[3].refers_to == "2"


def test_persian_short_form_links_to_the_persian_citation() -> None:
    linked = notes(
        "آذرپی، مهرناز، «آب‌انبارهای یزد»، فصلنامه میراث، شماره ۳، ۱۳۹۲.",
        "مهرناز آذرپی، باغ و آب، نشر سپیده، ۱۳۹۰.",
        "آذرپی، «آب‌انبارهای یزد»، ص ۹.",
    )
    assert linked[2].refers_to == "1"


def test_ibid_after_an_unmatched_short_form_stays_unlinked() -> None:
    linked = notes(
        "Ilse Marrow, Lights of the North, Greyhaven Press, 1987.",
        "Ruiz, Grain Ledger, 3.",
        "Ibid.",
    )
    assert [f.refers_to for f in linked] == [None, None, None]


def test_ibid_first_has_nothing_to_refer_to() -> None:
    (linked,) = notes("Ibid., 4.")
    assert linked.kind == "citation" and linked.refers_to is None and linked.csl is None


def test_id_after_op_cit_names_the_full_citation() -> None:
    linked = notes(
        "Barbara Slovin, “Moving Members”, Voice of Rivers, September 14, 2016.",
        "Ana Ruiz, The Grain Ledger, Torre Books, 2004.",
        "Slovin, op. cit., 4.",
        "Id. at 5.",
    )
    assert [f.refers_to for f in linked[2:]] == ["1", "1"]


def test_source_text_is_kept_unchanged() -> None:
    text = "  [3]Talebi, Mira,Salt Roads?, Harbour Weekly, 2016 "
    (linked,) = link_footnotes([Footnote("3", (7,), text)])
    assert linked.text == text and linked.markers == (7,)


def test_author_year_short_form_links_to_that_year_only() -> None:
    linked = notes(
        "Paul Kennet, Harbours of the North, Greyhaven Press, 2001.",
        "Paul Kennet, Harbours of the South, Greyhaven Press, 2007.",
        "Kennet 2007, 45.",
        "Kennet 1999, 12.",
    )
    assert [f.refers_to for f in linked[2:]] == ["2", None]


def test_commentary_naming_a_work_links_to_its_full_citation() -> None:
    linked = notes(
        "Harold Pennock, The Fen Villages: A Survey, Fenland Record Press, 1962, 41-47.",
        "Emphasis added.",
        "The names are discussed at length in Pennock, The Fen Villages, 88.",
    )
    assert linked[2].kind == "note" and linked[2].csl is None and linked[2].refers_to == "1"


def test_the_page_a_note_cites_is_its_locator() -> None:
    linked = notes("Ilse Marrow, Lights of the North, Greyhaven Press, 1987, 61.", "Ibid., 64.")
    assert [f.locator for f in linked] == ["61", "64"]
    assert linked[0].csl is not None and "page" not in linked[0].csl


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Ibid.",
                "Id.",
                "همان",
                "Marrow, op. cit., 3.",
                "Marrow, Lights, 4.",
                "Ilse Marrow, Lights of the North, Greyhaven Press, 1987.",
                "Ana Ruiz, The Grain Ledger, Torre Books, 2004.",
                "Emphasis added.",
                "",
            ]
        )
        | st.text(max_size=80),
        max_size=12,
    )
)
def test_link_footnotes_never_raises(texts: list[str]) -> None:
    linked = notes(*texts)
    by_label = {f.label: f for f in linked}
    assert all(f.kind in {"citation", "note"} for f in linked)
    # refers_to always names a full citation, never another back reference.
    assert all(f.refers_to is None or by_label[f.refers_to].csl is not None for f in linked)


def test_metadata_from_the_page_wins_over_parsing_and_takes_back_references() -> None:
    page_item = {
        "type": "webpage",
        "title": "Annual Report 2011",
        "author": [{"literal": "Mozilla"}],
    }
    linked = link_footnotes(
        [
            Footnote("1", (), "Mozilla (2012). Annual Report 2011. Retrieved 2013.", csl=page_item),
            Footnote("2", (), "Ibid."),
        ]
    )
    assert linked[0].kind == "citation" and linked[0].csl == page_item
    assert linked[1].refers_to == "1"


def test_the_template_the_page_named_types_a_parsed_citation() -> None:
    (linked,) = link_footnotes(
        [
            Footnote(
                "1", (), "Fenn, Orla (2012). Tide Mills. Harbour Daily.", csl={"type": "webpage"}
            )
        ]
    )
    assert linked.csl is not None and linked.csl["type"] == "webpage"
    assert linked.csl["title"] == "Tide Mills"


def test_an_arabic_lead_in_before_see_points_to_the_work_it_names() -> None:
    linked = notes(
        "سليم الحداد، تاريخ مرفأ البحر، بيروت: دار الساحل، ٢٠٠٢.",
        "للاطلاع على رواية أوفى، انظر: الحداد، تاريخ مرفأ البحر، ص ١٠٣-١٢٧.",
    )
    assert linked[1].refers_to == "1"
    assert linked[1].csl is None
