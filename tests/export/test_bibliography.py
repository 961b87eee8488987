"""Collecting a dossier's references: ibid folded, one work merged across articles, sorting."""

from __future__ import annotations

import dataclasses

from pdfdata import article

from archivist.export.bibliography import collect_references, render, work_key

SLAVIN = {
    "type": "webpage",
    "title": "State Department Removes Last Members",
    "author": [{"family": "Slavin", "given": "Barbara"}],
    "issued": {"date-parts": [[2016, 9, 14]]},
}


def test_ibid_counts_as_a_citation_of_the_full_reference() -> None:
    a = article(
        "A", ["One. [1] Two. [2]"], footnotes=(("1", "Slavin", SLAVIN), ("2", "ibid", None))
    )
    ibid = dataclasses.replace(a.footnotes[1], refers_to="1")
    a = dataclasses.replace(a, footnotes=(a.footnotes[0], ibid))
    refs = collect_references([a])
    cited = [r for r in refs if r.archived is None]
    assert len(cited) == 1
    assert [c.label for c in cited[0].citations] == ["1", "2"]


def test_same_work_in_two_articles_is_merged() -> None:
    variant = dict(SLAVIN, title="State Department removes last members!", URL="https://v.example")
    a = article("A", ["One. [1]"], footnotes=(("1", "Slavin", SLAVIN),), number=1)
    b = article("B", ["One. [1]"], footnotes=(("1", "Slavin", variant),), number=2)
    cited = [r for r in collect_references([a, b]) if r.archived is None]
    assert len(cited) == 1
    assert cited[0].csl["URL"] == "https://v.example"


def test_work_key_ignores_case_punctuation_and_stop_words() -> None:
    assert work_key(SLAVIN) == "slavin|state department removes last members|2016"


def test_archived_articles_are_web_sources_sorted_by_author() -> None:
    a = article("Zebra Tides", ["x"], authors=("Mira Talebi",), number=1)
    b = article("Ports", ["y"], authors=("Ana Abbott",), number=2)
    entries = [e.plain() for e in render(collect_references([a, b]))]
    assert entries[0].startswith("Abbott, Ana. “Ports.” Tide Weekly, May 4, 2020.")
    assert entries[1].startswith("Talebi, Mira.")


def test_author_date_styles_tell_same_year_works_apart() -> None:
    first = dict(SLAVIN, title="Alpha")
    second = dict(SLAVIN, title="Beta")
    a = article("A", ["x [1] [2]"], footnotes=(("1", "", first), ("2", "", second)))
    entries = [e.plain() for e in render(collect_references([a]), "apa") if "Slavin" in e.plain()]
    assert entries[0].startswith("Slavin, B. (2016a")
    assert entries[1].startswith("Slavin, B. (2016b")


def test_mla_gives_three_hyphens_for_the_same_author_again() -> None:
    first = dict(SLAVIN, title="Alpha")
    second = dict(SLAVIN, title="Beta", issued={"date-parts": [[2017]]})
    a = article("A", ["x [1] [2]"], footnotes=(("1", "", first), ("2", "", second)))
    refs = collect_references([a])
    mla = [e.plain() for e in render(refs, "mla") if "Alpha" in e.plain() or "Beta" in e.plain()]
    assert mla[0].startswith("Slavin, Barbara. “Alpha.”")
    assert mla[1].startswith("---. “Beta.”")
    chicago = [e.plain() for e in render(refs, "chicago") if "Beta" in e.plain()]
    assert chicago[0].startswith("Slavin, Barbara.")
