"""The one search: ranked over every match, the same for the CLI and the library, kept in step."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.archive.library import LibraryFilter
from archivist.archive.search import parse_query
from archivist.model import ArticleId, Footnote
from factories import make_extraction, run_cli


def add(archive: Archive, title: str, text: str, footnote: str = "Port ledger, 1901.") -> ArticleId:
    body = text + " [1]"
    notes = (Footnote("1", (body.index("[1]"),), footnote),)
    extraction = make_extraction(title, body, filename=f"{title}.txt", footnotes=notes)
    return archive.articles.add(extraction, title.encode())


def ids(archive: Archive, query: str, limit: int = 50) -> list[ArticleId]:
    return [hit.id for hit in archive.search.query(query, limit=limit)]


def test_an_old_article_full_of_the_word_ranks_above_newer_passing_mentions(
    archive: Archive,
) -> None:
    best = add(archive, "Tides", "Tide tables, tide gauges and the tide at the quay.")
    for n in range(30):
        add(
            archive,
            f"Other {n}",
            f"A market report {n} that mentions the tide once among many words.",
        )
    assert ids(archive, "tide", limit=1) == [best]


def test_cli_and_library_give_the_same_order(archive: Archive, tmp_path: Path) -> None:
    for n in range(12):
        add(archive, f"Note {n}", "harbour " * (n % 5 + 1) + f"quay and words {n} " * (n % 3 + 1))
    library = archive.library.ids("relevance", where=LibraryFilter(query="harbour quay"))
    status, out, _ = run_cli("--archive", str(archive.path), "search", "harbour quay", "--json")
    assert status == 0
    assert [h["id"] for h in json.loads(out)] == library
    assert ids(archive, "harbour quay") == library
    assert len(library) == 12


def test_a_phrase_needs_its_words_in_a_row(archive: Archive) -> None:
    together = add(archive, "A", "The salt marsh was drained.")
    apart = add(archive, "B", "Salt was carried over the marsh.")
    assert ids(archive, '"salt marsh"') == [together]
    assert set(ids(archive, "salt marsh")) == {together, apart}
    assert ids(archive, "«salt marsh»") == [together]


def test_the_last_word_typed_matches_as_a_prefix_after_whole_words(archive: Archive) -> None:
    whole = add(archive, "Lights", "The light at the point.")
    longer = add(archive, "Houses", "The lighthouse keeper.")
    assert ids(archive, "light") == [whole, longer]
    assert ids(archive, "light ") == [whole]
    assert ids(archive, "lightho") == [longer]


def test_persian_and_arabic_letter_forms_and_harakat_are_folded(archive: Archive) -> None:
    persian = add(archive, "کتابخانه", "این کتاب در کتابخانه است")  # Persian keheh and yeh
    arabic = add(archive, "مكتبة", "هذا كِتَاب جميل")  # Arabic kaf, with harakat
    assert set(ids(archive, "كتاب")) == {persian, arabic}
    assert set(ids(archive, "کتاب")) == {persian, arabic}
    hit = next(h for h in archive.search.query("کتاب") if h.id == arabic)
    assert "**كِتَاب**" in hit.snippet


def test_arabic_indic_digits_find_western_digits(archive: Archive) -> None:
    year = add(archive, "Year", "Printed in 1404 by the press.")
    assert ids(archive, "۱۴۰۴") == [year]


def test_notes_footnotes_and_highlights_are_searched_and_named(archive: Archive) -> None:
    article = add(
        archive, "Plain", "Nothing unusual here at all.", footnote="Kestrel Society minutes."
    )
    assert [h.where for h in archive.search.query("kestrel")] == [("footnote",)]
    highlight = archive.annotations.add_highlight(article, 0, 7)
    archive.annotations.add_note(article, "Compare the osprey survey.", highlight_id=highlight.id)
    hit = archive.search.query("osprey")[0]
    assert hit.where == ("note",) and "**osprey**" in hit.snippet
    assert archive.search.query("nothing")[0].where == ("text", "highlight")


def test_trash_edits_and_restores_reach_the_index(archive: Archive) -> None:
    article = add(archive, "Gone", "A ferry crossing at dawn.")
    archive.trash.delete_article(article)
    assert ids(archive, "ferry") == []
    archive.trash.restore_article(article)
    assert ids(archive, "ferry") == [article]
    note = archive.annotations.add_note(article, "first draft wording")
    archive.annotations.edit_note(note.id, "final wording")
    assert ids(archive, "draft") == [] and ids(archive, "final") == [article]


def test_cli_search_json_keeps_the_contract_keys_and_adds_where(archive: Archive) -> None:
    add(archive, "Ferry Notes", "A ferry crossing.")
    status, out, _ = run_cli("--archive", str(archive.path), "search", "ferry", "--json")
    (hit,) = json.loads(out)
    assert status == 0 and set(hit) == {"id", "title", "snippet", "where"}
    assert hit["where"] == ["title", "text"]


def test_a_lost_or_foreign_index_folder_is_rebuilt_from_the_archive(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as archive:
        kept = add(archive, "Kept", "A lantern on the quay.")
        assert ids(archive, "lantern") == [kept]
    folder = Path(str(path) + "-search")
    shutil.rmtree(folder)
    with Archive.open(str(path)) as archive:
        assert ids(archive, "lantern") == [kept]
    # Another archive's index copied in: its stamp names another archive.
    other = tmp_path / "b.sqlite3"
    with Archive.open(str(other)) as archive:
        add(archive, "Stranger", "Nothing of lanterns here.")
    shutil.rmtree(folder)
    shutil.copytree(Path(str(other) + "-search"), folder)
    with Archive.open(str(path)) as archive:
        assert ids(archive, "lantern") == [kept]
        assert ids(archive, "stranger") == []


def test_a_restored_backup_gets_an_index_of_its_own_content(
    archive: Archive, tmp_path: Path
) -> None:
    first = add(archive, "First", "A mill on the river.")
    backup = archive.backup(tmp_path / "backup.sqlite3")
    add(archive, "Second", "Another mill upstream.")
    assert len(ids(archive, "mill")) == 2
    archive.maintenance.restore_from(backup)
    assert ids(archive, "mill") == [first]


def test_check_repairs_an_index_out_of_step(archive: Archive) -> None:
    article = add(archive, "Bridge", "The stone bridge.")
    assert archive.maintenance.check().ok
    writer = archive._search._index.writer(15_000_000, 1)  # damage it behind the archive's back
    writer.delete_all_documents()
    writer.commit()
    del writer
    report = archive.maintenance.check()
    assert not report.ok and any(p.kind == "search-index" for p in report.problems)
    assert archive.maintenance.check(repair=True).ok
    assert ids(archive, "bridge") == [article]


def test_queries_are_folded_and_split_like_the_index() -> None:
    (clause,) = parse_query("X-Ray")
    assert clause.words == ("x", "ray") and not clause.prefix
    assert parse_query('"" AND +') == parse_query("and ")
    assert parse_query("   ") == ()


def test_library_ranks_every_match_as_search_does_a_window_at_a_time(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archivist.archive import listing

    monkeypatch.setattr(listing, "FIRST_WINDOW", 2)
    strong = add(archive, "Canal canal", "Canal, canal and the canal basin.")
    weak = [
        add(archive, f"Item {n}", f"Words {n} about a canal among {'many ' * n}other words.")
        for n in range(9)
    ]
    found = archive.library.listing("relevance", where=LibraryFilter(query="canal"))
    assert found.total == 10
    first, rest = found.page(0, 2), found.page(2, 8)
    assert first[0] == strong and first + rest == ids(archive, "canal", limit=10)
    assert sorted(first + rest) == sorted([strong, *weak])


def test_library_hits_say_where_each_article_matched(archive: Archive) -> None:
    in_text = add(archive, "First", "The granary stood by the mill.")
    in_note = add(archive, "Second", "Nothing of the kind.", footnote="Granary accounts, 1820.")
    found = archive.search.hits([in_note, in_text], "granary")
    assert found[in_text].where == ("text",) and "**granary**" in found[in_text].snippet
    assert found[in_note].where == ("footnote",) and "**Granary**" in found[in_note].snippet


def test_an_upgraded_archive_is_indexed_on_request(tmp_path: Path) -> None:
    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as archive:
        kept = add(archive, "Kept", "A weir on the river.")
    shutil.rmtree(Path(str(path) + "-search"))
    with Archive.open(str(path)) as archive:
        assert archive.update_search_index()
        assert archive._search.count() == 1
        assert ids(archive, "weir") == [kept]


def test_without_its_index_search_falls_back_on_the_archives_own_full_text_index(
    archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    # An archive in a folder this process cannot write: the index beside it cannot be opened.
    best = add(archive, "Tides", "Tide tables, tide gauges and the tide at the quay.")
    other = add(archive, "Market", "A market report that mentions the tide once.")
    add(archive, "Salt", "Nothing about the sea here.")
    gone = add(archive, "Tide mills", "The tide mill ground corn at every tide.")
    archive.trash.delete_article(gone)
    monkeypatch.setattr(type(archive.search_index), "available", lambda self: False)
    assert ids(archive, "tide") == [best, other]
    assert ids(archive, '"tide tables"') == [best]
    assert ids(archive, "tid") == [best, other]  # the word being typed, as a prefix
    found = archive.library.ids("relevance", where=LibraryFilter(query="tide"))
    assert found == [best, other]


def test_a_corrected_title_and_byline_are_found_and_so_are_the_extracted_ones(
    archive: Archive,
) -> None:
    from archivist.model import CitationEdit

    aid = add(archive, "Harbour notes", "The quay was rebuilt in stone.")
    corrected = {
        "type": "webpage",
        "title": "Lighthouse ledgers of Marle",
        "author": [{"family": "Ostrander", "given": "Halvard"}],
    }
    archive.citations.save(CitationEdit(aid, None, corrected))
    assert ids(archive, "lighthouse ledgers") == [aid]
    assert ids(archive, "Ostrander") == [aid]
    assert ids(archive, "harbour notes") == [aid]
    archive.citations.reset(aid, None)
    assert ids(archive, "lighthouse ledgers") == []
