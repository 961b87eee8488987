"""Export entry point: a dossier (saved or ad hoc) as PDF, Markdown, CSL-JSON, BibTeX or RIS."""

from __future__ import annotations

import os
from collections.abc import Generator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from archivist.errors import ArchivistError
from archivist.export import formats
from archivist.export.bibliography import collect_references, render
from archivist.export.citenotes import dossier_notes
from archivist.export.citeparts import Entry
from archivist.export.citestyles import style_id
from archivist.export.kinds import FORMATS, ExportFormat
from archivist.export.pdf import DossierMeta, build_story, render_pdf
from archivist.export.pdfarticle import ArticleOptions
from archivist.model import Article, ArticleId, Dossier, PaletteColor, Progress
from archivist.safefiles import create_partial, remove_stale_partials, shown

STYLE_NAMES = {
    "chicago-notes-bibliography": "Chicago Manual of Style, notes and bibliography",
    "chicago-author-date": "Chicago Manual of Style, author-date",
    "apa": "APA, 7th edition",
    "modern-language-association": "MLA Handbook, 9th edition",
}


class AnnotationReader(Protocol):
    """What an export reads of the archive's annotations (``archive.annotations``)."""

    def document(self, article_id: ArticleId) -> Article: ...

    def palette(self) -> tuple[PaletteColor, ...]: ...


class ArchiveReader(Protocol):
    """What an export needs of the archive."""

    @property
    def annotations(self) -> AnnotationReader: ...


class ExportError(ArchivistError):
    """The export cannot be written (bad format, unwritable path)."""


@dataclass(frozen=True, slots=True)
class ExportRequest:
    """One export: which articles, how they are presented, and where the file goes."""

    article_ids: tuple[ArticleId, ...]
    output: Path
    title: str = "Dossier"
    subtitle: str | None = None
    compiler: str | None = None
    introduction: str | None = None
    style: str | None = None
    format: ExportFormat = "pdf"
    options: ArticleOptions = field(default_factory=ArticleOptions)
    notes_in_style: bool = False
    """Citing footnotes in the citation style (full, then short), not as the source wrote them."""


def request_for(
    dossier: Dossier,
    output: str | os.PathLike[str],
    *,
    style: str | None = None,
    format: ExportFormat = "pdf",
    notes_in_style: bool | None = None,
) -> ExportRequest:
    """The export request of a saved dossier, its options applied (arguments override)."""
    opts: Mapping[str, Any] = dossier.options
    colors = opts.get("colors")
    tags = opts.get("tags")
    return ExportRequest(
        article_ids=dossier.article_ids,
        output=Path(output),
        title=dossier.title,
        subtitle=dossier.subtitle,
        compiler=dossier.compiler,
        introduction=dossier.introduction,
        style=style or opts.get("style"),
        format=format,
        options=ArticleOptions(
            # An empty colour list means none was chosen; an empty tag list, no tag filter.
            colors=None if colors is None else frozenset(colors),
            tags=frozenset(tags) if tags else None,
            excerpts_only=bool(opts.get("excerpts_only", False))
            or opts.get("include_full_text") is False,
            include_article_notes=bool(opts.get("include_article_notes", True)),
        ),
        notes_in_style=(
            bool(opts.get("notes_in_style", False)) if notes_in_style is None else notes_in_style
        ),
    )


def export_dossier(
    archive: ArchiveReader, request: ExportRequest
) -> Generator[Progress, None, Path]:
    """Write the export, yielding progress; returns the path written (atomically replaced)."""
    if request.format not in FORMATS:
        raise ExportError(f"unknown export format {request.format!r} (use {', '.join(FORMATS)})")
    style = style_id(request.style)
    if not request.article_ids:
        raise ExportError("nothing to export: the dossier has no articles")
    total = len(request.article_ids) + 2
    articles: list[Article] = []
    for n, article_id in enumerate(request.article_ids, start=1):
        yield Progress(n - 1, total, f"reading article {article_id}")
        articles.append(archive.annotations.document(article_id))
    meanings = {p.color: p.meaning for p in archive.annotations.palette()}
    yield Progress(len(articles), total, "bibliography")
    references = collect_references(articles)
    entries = render(references, style)
    notes = dossier_notes(articles, references, style) if request.notes_in_style else {}
    yield Progress(len(articles) + 1, total, f"writing {request.format}")
    if request.format == "pdf":
        meta = DossierMeta(
            title=request.title,
            subtitle=request.subtitle,
            compiler=request.compiler,
            introduction=request.introduction,
            keywords=_keywords(articles),
        )
        story = build_story(
            meta,
            articles,
            entries,
            meanings,
            options=request.options,
            style_name=STYLE_NAMES[style],
            notes=notes,
        )
        path = _atomic(request.output, lambda tmp: render_pdf(story, meta, tmp))
    else:
        text = _text_export(request, articles, references, entries, meanings, notes=notes)
        path = _atomic(request.output, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    yield Progress(total, total, "done")
    return path


def _text_export(
    request: ExportRequest,
    articles: Sequence[Article],
    references: Sequence[Any],
    entries: Sequence[Any],
    meanings: Mapping[str, str],
    *,
    notes: Mapping[tuple[ArticleId | None, str], Entry],
) -> str:
    if request.format == "csl-json":
        return formats.csl_json(references)
    if request.format == "bibtex":
        return formats.bibtex(references)
    if request.format == "ris":
        return formats.ris(references)
    return formats.dossier_markdown(
        request.title,
        articles,
        entries,
        meanings,
        subtitle=request.subtitle,
        compiler=request.compiler,
        introduction=request.introduction,
        notes=notes,
    )


def _keywords(articles: Sequence[Article]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for article in articles:
        for tag in article.tags:
            seen.setdefault(tag, None)
    return tuple(seen)


def _atomic(target: Path, write: Any) -> Path:
    """Write through a temporary file in the target's folder, then rename over the target.

    The temporary name is never longer than one the folder accepts (see create_partial), the
    file gets the umask's permissions like any other the user writes, and temporary files of
    earlier exports that were killed are removed first.
    """
    folder = target.resolve().parent
    if not folder.is_dir():
        raise ExportError(f"{shown(str(target))}: the folder does not exist")
    remove_stale_partials(folder)
    try:
        tmp = create_partial(folder / target.name)
    except OSError as exc:
        raise ExportError(f"{shown(str(target))}: cannot write ({exc.strerror or exc})") from exc
    try:
        write(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise ExportError(f"{shown(str(target))}: cannot write ({exc.strerror or exc})") from exc
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target
