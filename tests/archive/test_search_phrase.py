"""Phrases: exactly the articles holding the words in a row, searched as pairs of common words
where every word is common and from positions otherwise (each query here is run both ways)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from archivist.archive import Archive
from archivist.archive.library import LibraryFilter
from archivist.archive.search import INDEX_FORMAT, parse_query
from archivist.cli import main
from archivist.model import ArticleId, CitationEdit, Footnote
from factories import make_extraction


def add(archive: Archive, title: str, text: str, footnote: str = "Port ledger, 1901.") -> ArticleId:
    body = text + " [1]"
    notes = (Footnote("1", (body.index("[1]"),), footnote),)
    extraction = make_extraction(title, body, filename=f"{title}.txt", footnotes=notes)
    return archive.articles.add(extraction, title.encode())


def ids(archive: Archive, query: str) -> list[ArticleId]:
    """The hits' ids; the same articles whether the index reads a phrase from pairs or
    positions."""
    found = [hit.id for hit in archive.search.query(query, limit=100)]
    index = archive.search_index
    common = index._common
    index._common = frozenset()  # as if no word were common: every phrase from positions
    try:
        # The same articles (the two score a phrase differently: the order may differ).
        assert sorted(hit.id for hit in archive.search.query(query, limit=100)) == sorted(found)
    finally:
        index._common = common
    return found


def test_a_two_word_phrase_finds_the_words_in_a_row_and_nothing_else(archive: Archive) -> None:
    together = add(archive, "A", "The salt marsh was drained.")
    apart = add(archive, "B", "Salt was carried over the marsh.")
    reversed_ = add(archive, "C", "A marsh of salt.")
    twice_apart = add(archive, "D", "Salt, then more salt; a marsh, then another marsh.")
    assert ids(archive, '"salt marsh"') == [together]
    assert set(ids(archive, "salt marsh")) == {together, apart, reversed_, twice_apart}
    assert ids(archive, '"marsh of salt"') == [reversed_]


def test_a_three_word_phrase_needs_all_three_in_a_row(archive: Archive) -> None:
    whole = add(archive, "Whole", "North of the salt marsh harbour lies the quay.")
    # Both of its pairs, but never the three words in a row.
    pairs_apart = add(archive, "Pairs", "The salt marsh flooded; the marsh harbour silted.")
    assert ids(archive, '"salt marsh harbour"') == [whole]
    assert set(ids(archive, '"salt marsh"')) == {whole, pairs_apart}
    assert ids(archive, '"the salt marsh harbour lies"') == [whole]
    assert ids(archive, '"salt marsh harbour silted"') == []


def test_a_phrase_of_one_word_repeated(archive: Archive) -> None:
    three = add(archive, "Three", "They cried ho ho ho at the gate.")
    two = add(archive, "Two", "They cried ho ho and left.")
    assert ids(archive, '"ho ho ho"') == [three]
    assert set(ids(archive, '"ho ho"')) == {three, two}


def test_words_in_a_row_across_a_sentence_still_make_a_phrase(archive: Archive) -> None:
    # Punctuation is not a word: as in the positions of every search engine's phrase.
    across = add(archive, "Across", "They sold salt. Marsh birds came later.")
    assert ids(archive, '"salt marsh"') == [across]


def test_a_phrase_never_spans_two_places(archive: Archive) -> None:
    # The title ends in the first word and the text begins with the second.
    add(archive, "Notes on salt", "Marsh birds came later.")
    # The text ends in the first word; the footnote begins with the second.
    add(archive, "Second", "Nothing but salt", footnote="Marsh hay accounts, 1820.")
    assert len(ids(archive, "salt marsh")) == 2
    assert ids(archive, '"salt marsh"') == []


def test_the_common_words_are_the_archives_own(archive: Archive) -> None:
    for n in range(30):
        add(archive, f"Item {n}", f"The salt marsh report {n}.")
    add(archive, "Zebra", "A zebra crossing by the salt marsh.")
    assert ids(archive, '"salt marsh"') != []
    common = archive.search_index._common
    assert {"the", "salt", "marsh", "report"} <= common
    assert "zebra" not in common and "crossing" not in common
    assert ids(archive, '"zebra crossing"') == [ids(archive, "zebra")[0]]


def test_a_corrected_title_and_the_extracted_one_are_both_phrases(archive: Archive) -> None:
    aid = add(archive, "Harbour notes", "The quay was rebuilt in stone.")
    archive.citations.save(
        CitationEdit(aid, None, {"type": "webpage", "title": "Ledgers of Marle"})
    )
    assert ids(archive, '"ledgers of marle"') == [aid]
    assert ids(archive, '"harbour notes"') == [aid]


def test_persian_and_arabic_phrases_are_folded_and_need_their_words_in_a_row(
    archive: Archive,
) -> None:
    together = add(archive, "باغ", "این باغ ایرانی بزرگ است")
    apart = add(archive, "دیگر", "ایرانی ها باغ را دوست دارند")
    arabic_forms = add(archive, "کتاب", "هذا كِتَاب جميل جداً")  # Arabic kaf, harakat
    zwnj = add(archive, "خواستن", "من می‌خواهم بروم")  # a ZWNJ inside the word
    assert ids(archive, "«باغ ایرانی»") == [together]
    assert set(ids(archive, "باغ ایرانی")) == {together, apart}
    assert ids(archive, '"کتاب جمیل"') == [arabic_forms]  # Persian keheh and yeh typed
    assert ids(archive, "می‌خواهم") == [zwnj]
    assert ids(archive, '"می‌خواهم بروم"') == [zwnj]
    assert ids(archive, '"می‌خواهم باغ"') == []


def test_a_phrase_ranks_by_the_bm25_of_its_pairs_over_every_match(archive: Archive) -> None:
    often = add(archive, "Often", "Salt marsh, salt marsh and more salt marsh.")
    in_title = add(archive, "The salt marsh", "A survey of the coast.")
    once = [
        add(archive, f"Once {n}", f"A salt marsh {n} among {'many ' * n}other words.")
        for n in range(12)
    ]
    found = ids(archive, '"salt marsh"')
    assert found[:2] == [in_title, often]  # the title weighs 4, the text 1
    assert set(found) == {often, in_title, *once}
    clauses = parse_query('"salt marsh"')
    index = archive.search_index
    assert index.ranked(clauses, 5) == index.ranked(clauses, None)[:5]
    listed = archive.library.ids("relevance", where=LibraryFilter(query='"salt marsh"'))
    assert listed == found


def test_a_hyphenated_word_is_a_phrase_of_its_parts(archive: Archive) -> None:
    xray = add(archive, "Rays", "An x-ray of the hull.")
    add(archive, "Apart", "Ray x marks the spot.")
    assert ids(archive, "x-ray") == [xray]


def test_an_index_of_an_older_format_is_rebuilt_before_any_answer(tmp_path: Path) -> None:
    import tantivy

    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as archive:
        together = add(archive, "A", "The salt marsh was drained.")
        add(archive, "B", "Salt was carried over the marsh.")
    folder = Path(str(path) + "-search")
    stamp = json.loads((folder / "archivist.json").read_text("utf-8"))
    # An index as the format before pairs wrote it: words with positions, no pair fields.
    shutil.rmtree(folder)
    folder.mkdir()
    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=False, indexed=True, fast=True)
    for place in ("title", "authors", "text", "highlight", "note", "footnote"):
        builder.add_text_field(place, stored=False)
    old = tantivy.Index(builder.build(), path=str(folder))
    writer = old.writer(15_000_000, 1)
    writer.add_document(tantivy.Document(id=int(together), text="salt marsh"))
    writer.commit()
    del writer, old
    (folder / "archivist.json").write_text(json.dumps({**stamp, "format": INDEX_FORMAT - 1}))
    with Archive.open(str(path)) as archive:
        assert ids(archive, '"salt marsh"') == [together]
        assert archive.search_index.count() == 2
        assert archive.maintenance.check().ok
    assert json.loads((folder / "archivist.json").read_text("utf-8"))["format"] == INDEX_FORMAT


def test_an_index_to_rebuild_is_rebuilt_as_a_job_with_progress(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archivist.archive import search

    monkeypatch.setattr(search, "SYNC_AFTER_WRITE", 3)  # "many articles" for this test
    monkeypatch.setattr(search, "SYNC_BATCH", 2)
    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as archive:
        first = add(archive, "A", "The salt marsh was drained.")
        add(archive, "B", "Salt was carried over the marsh.")
        assert not archive.search_index_behind()
        add(archive, "C", "A marsh of salt.")
    shutil.rmtree(Path(str(path) + "-search"))
    with Archive.open(str(path)) as archive:
        assert archive.search_index_behind()
        steps = archive.update_search_index_steps()
        seen = []
        with pytest.raises(StopIteration) as stop:
            while True:
                seen.append(next(steps))
        assert stop.value.value is True
        assert [(s.done, s.total) for s in seen] == [(2, 3), (3, 3)]
        assert not archive.search_index_behind()
        assert ids(archive, '"salt marsh"') == [first]


def test_a_rebuild_stopped_halfway_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archivist.archive import search

    monkeypatch.setattr(search, "SYNC_BATCH", 1)
    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as archive:
        first = add(archive, "A", "The salt marsh was drained.")
        second = add(archive, "B", "A salt marsh again.")
    shutil.rmtree(Path(str(path) + "-search"))
    with Archive.open(str(path)) as archive:
        steps = archive.update_search_index_steps()
        next(steps)
        steps.close()  # cancelled after the first batch: rolled back, still queued
        assert set(ids(archive, '"salt marsh"')) == {first, second}
        assert archive.maintenance.check().ok


def test_cli_search_rebuilds_an_outdated_index_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archivist.archive import search
    from factories import run_cli

    monkeypatch.setattr(search, "SYNC_AFTER_WRITE", 1)
    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as archive:
        first = add(archive, "A", "The salt marsh was drained.")
        add(archive, "B", "Salt was carried over the marsh.")
    shutil.rmtree(Path(str(path) + "-search"))
    status, out, err = run_cli("--archive", str(path), "search", '"salt marsh"', "--json")
    assert status == 0 and err == ""  # no progress bar when stderr is not a terminal
    assert [h["id"] for h in json.loads(out)] == [first]
    # On a terminal, a progress bar on stderr while it indexes.
    shutil.rmtree(Path(str(path) + "-search"))
    terminal = _Terminal()
    assert (
        main(["--archive", str(path), "search", "salt"], stdout=io.StringIO(), stderr=terminal) == 0
    )
    assert "2/2 indexing for search" in terminal.getvalue()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_an_archive_that_outgrew_its_common_words_is_reindexed_as_a_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archivist.archive import search

    monkeypatch.setattr(search, "RENEW_FROM", 8)
    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as archive:
        add(archive, "First", "An old harbour.")
        add(archive, "Second", "A new harbour.")
        assert ids(archive, "harbour") != []  # the index is made: two articles, every word common
        for n in range(8):
            add(archive, f"Later {n}", f"The kelp beds {n} and the kelp beds again.")
        assert "kelp" not in archive.search_index._common
        assert len(ids(archive, '"kelp beds"')) == 8  # from positions meanwhile
        assert archive.search_index_behind()
        job = archive.update_search_index_steps()
        with pytest.raises(StopIteration):
            while True:
                next(job)
        assert not archive.search_index_behind()
        assert "kelp" in archive.search_index._common
        assert len(ids(archive, '"kelp beds"')) == 8


def test_common_words_renewed_by_another_connection_are_used_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from archivist.archive import search, searchtext

    monkeypatch.setattr(search, "RENEW_FROM", 8)
    monkeypatch.setattr(searchtext, "COMMON_SHARE", 0.5)  # in half the articles or more
    path = tmp_path / "a.sqlite3"
    with Archive.open(str(path)) as window:
        add(window, "First", "An old harbour wall.")
        add(window, "Second", "The harbour wall.")
        assert ids(window, '"harbour wall"') != []
        assert "harbour" in window.search_index._common
        for n in range(8):
            add(window, f"Later {n}", f"The kelp beds {n} and the kelp beds again.")
        with Archive.open(str(path)) as job:  # the window's background job, say
            assert job.update_search_index()
            assert job.search_index.sync(job.db, renew=True)
            assert "harbour" not in job.search_index._common
        # The renewed index holds no harbour pairs: this connection must not ask for them.
        assert len(ids(window, '"harbour wall"')) == 2
        assert len(ids(window, '"kelp beds"')) == 8
