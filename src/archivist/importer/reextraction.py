"""Re-extraction: stored originals extracted again; articles a damaged archive lost, recovered."""

from __future__ import annotations

import hashlib
from collections.abc import Generator, Sequence
from dataclasses import dataclass

from archivist.archive import Archive
from archivist.errors import ArchivistError
from archivist.importer.commits import store
from archivist.importer.readahead import _extract_guarded, extract_file
from archivist.importer.report import FileResult
from archivist.model import Article, ArticleId, Progress


@dataclass(frozen=True, slots=True)
class ReextractResult:
    """What re-extracting one article changed."""

    id: ArticleId
    changes: tuple[str, ...] = ()
    error: str | None = None
    kept: int = 0
    moved: int = 0
    fuzzy: int = 0
    orphaned: int = 0
    lost_citations: tuple[str, ...] = ()
    """Labels of notes whose hand-corrected citation the new extraction no longer has."""


def describe_changes(old: Article, new: Article) -> tuple[str, ...]:
    """Plain sentences saying how a new extraction differs from the stored one."""
    changes: list[str] = []
    for name in ("title", "subtitle", "published", "site", "section", "url", "language"):
        before, after = getattr(old, name), getattr(new, name)
        if before != after:
            changes.append(f"{name}: {before!r} → {after!r}")
    if old.authors != new.authors:
        changes.append(f"authors: {', '.join(old.authors)!r} → {', '.join(new.authors)!r}")
    if old.text != new.text:
        changes.append(f"text: {len(old.text)} → {len(new.text)} characters")
    if len(old.footnotes) != len(new.footnotes):
        changes.append(f"footnotes: {len(old.footnotes)} → {len(new.footnotes)}")
    elif [(f.label, f.text, f.markers) for f in old.footnotes] != [
        (f.label, f.text, f.markers) for f in new.footnotes
    ]:
        changes.append("footnotes: same number, different content or markers")
    else:
        parsed = sum(
            (a.kind, a.refers_to, a.csl, a.locator) != (b.kind, b.refers_to, b.csl, b.locator)
            for a, b in zip(old.footnotes, new.footnotes, strict=True)
        )
        if parsed:
            changes.append(f"citations: {parsed} footnotes parsed differently")
    return tuple(changes)


def reextract(
    archive: Archive, ids: Sequence[ArticleId]
) -> Generator[Progress, None, list[ReextractResult]]:
    """Re-run extraction from each stored original; highlights re-anchor in the same step."""
    results: list[ReextractResult] = []
    yield Progress(0, len(ids), "")
    for done, article_id in enumerate(ids, start=1):
        results.append(_reextract_one(archive, article_id))
        yield Progress(done, len(ids), f"article {article_id}")
    return results


def _reextract_one(archive: Archive, article_id: ArticleId) -> ReextractResult:
    try:
        old = archive.articles.get(article_id)
        assert old.source is not None
        extraction = _extract_guarded(archive.articles.original(article_id), old.source.filename)
        changes = describe_changes(old, extraction.article)
        if not changes and old.importer_version == extraction.article.importer_version:
            return ReextractResult(article_id)
        report = archive.annotations.reextract(article_id, extraction)
    except ArchivistError as exc:
        return ReextractResult(article_id, error=str(exc))
    return ReextractResult(
        article_id,
        changes,
        kept=len(report.kept),
        moved=len(report.moved),
        fuzzy=len(report.fuzzy),
        orphaned=len(report.orphaned),
        lost_citations=report.lost_citations,
    )


def recover_lost_articles(archive: Archive) -> list[FileResult]:
    """Re-extract articles whose rows were lost (a damaged archive rebuilt) from their originals.

    The original bytes of an imported file live apart from its article; when only the
    article was lost, it is extracted again (under a new id) and the stored file is kept
    until that has succeeded.
    """
    results: list[FileResult] = []
    for source_id, filename, data in archive.maintenance.originals_without_article():
        extracted = extract_file(data, filename, hashlib.sha256(data).hexdigest())
        if isinstance(extracted, str):
            results.append(FileResult(filename, "error", error=extracted))
            continue
        archive.maintenance.forget_source(source_id)
        results.append(store(archive, filename, data, extracted))
    return results
