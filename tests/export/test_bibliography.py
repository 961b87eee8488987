"""Collecting a dossier's references: what enters, ibid folded, one work merged, sorting."""

from __future__ import annotations

import dataclasses

from pdfdata import article

from archivist.export.bibliography import (
    article_item,
    collect_references,
    render,
    work_key,
    year_suffixes,
)
from archivist.model import Footnote, Source

SLAVIN = {
    "type": "webpage",
    "title": "State Department Removes Last Members",
    "author": [{"family": "Slavin", "given": "Barbara"}],
    "container-title": "Harbour Watch",
    "issued": {"date-parts": [[2016, 9, 14]]},
}
PENRITH = {
    "type": "book",
    "title": "The Marsh Parishes",
    "author": [{"family": "Penrith", "given": "Oswin"}],
    "publisher": "Fenland University Press",
    "issued": {"date-parts": [[2008]]},
}


def _cited(footnotes: tuple[Footnote, ...]) -> list[str]:
    a = dataclasses.replace(article("A", ["x"]), footnotes=footnotes)
    return [str(r.csl.get("title")) for r in collect_references([a]) if r.archived is None]


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


def test_commentary_naming_a_cited_work_adds_no_entry() -> None:
    full = Footnote("1", (0,), "Penrith, The Marsh Parishes.", "citation", csl=PENRITH)
    remark = Footnote(
        "2", (1,), "The names are discussed in Penrith.", "note", refers_to="1", csl=None
    )
    assert _cited((full, remark)) == ["The Marsh Parishes"]


def test_commentary_with_an_item_from_an_older_parse_adds_no_entry() -> None:
    stale = {"type": "book", "title": "The names are discussed in Penrith."}
    remark = Footnote("1", (0,), "The names are discussed in Penrith.", "note", csl=stale)
    assert _cited((remark,)) == []


def test_a_short_form_pointing_at_commentary_adds_no_entry() -> None:
    remark = Footnote("1", (0,), "A remark.", "note", csl={"title": "A remark."})
    short = Footnote("2", (1,), "Ibid.", "citation", refers_to="1")
    assert _cited((remark, short)) == []


def test_same_work_in_two_articles_is_merged() -> None:
    variant = dict(SLAVIN, title="State Department removes last members!", URL="https://v.example")
    a = article("A", ["One. [1]"], footnotes=(("1", "Slavin", SLAVIN),), number=1)
    b = article("B", ["One. [1]"], footnotes=(("1", "Slavin", variant),), number=2)
    cited = [r for r in collect_references([a, b]) if r.archived is None]
    assert len(cited) == 1
    assert cited[0].csl["URL"] == "https://v.example"


def test_work_key_ignores_case_punctuation_and_stop_words() -> None:
    assert work_key(SLAVIN) == "slavin|state department removes last members|2016"


def test_a_saved_file_without_a_url_has_no_access_date() -> None:
    source = Source("a.txt", "text", "utf-8", "0" * 64, 10, imported_at="2026-12-02T10:00:00Z")
    saved = dataclasses.replace(article("A", ["x"]), source=source, url=None)
    assert "accessed" not in article_item(saved)
    online = dataclasses.replace(saved, url="https://example.org/a")
    assert article_item(online)["accessed"] == {"date-parts": [[2026, 12, 2]]}


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


def test_year_letters_go_past_z() -> None:
    many = [dict(PENRITH, title=f"Work {n:02d}") for n in range(28)]
    assert year_suffixes(many, "apa")[25:] == ["z", "aa", "ab"]


def test_mla_gives_dashes_for_the_same_authors_only() -> None:
    first = dict(SLAVIN, title="Alpha")
    second = dict(SLAVIN, title="Beta", issued={"date-parts": [[2017]]})
    crowd = dict(
        SLAVIN,
        title="Aardvarks",
        author=[*SLAVIN["author"], {"family": "Roe", "given": "Ann"}, {"family": "Doe"}],
    )
    refs = collect_references(
        [
            article(
                "A",
                ["x [1] [2] [3]"],
                footnotes=(("1", "", first), ("2", "", second), ("3", "", crowd)),
            )
        ]
    )
    mla = [e.plain() for e in render(refs, "mla") if "Slavin" in e.plain() or "———" in e.plain()]
    assert mla[0].startswith("Slavin, Barbara, et al. “Aardvarks.”")
    assert mla[1].startswith("Slavin, Barbara. “Alpha.”")
    assert mla[2].startswith("———. “Beta.”")


def test_chicago_leaves_out_what_nobody_can_look_up() -> None:
    letter = {
        "type": "personal_communication",
        "title": "Email to the author",
        "author": [{"family": "Lachance", "given": "Odile"}],
    }
    refs = collect_references([article("A", ["x [1]"], footnotes=(("1", "", letter),))])
    assert not [e for e in render(refs, "chicago") if "Lachance" in e.plain()]
    assert [e for e in render(refs, "mla") if "Lachance" in e.plain()]
