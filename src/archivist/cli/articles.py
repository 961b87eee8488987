"""Commands on articles: import, list, show, search."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from archivist.errors import ArchivistError, NotFoundError
from archivist.model import ArticleId
from archivist.safefiles import shown

if TYPE_CHECKING:
    from archivist.cli.context import Context, Subparsers
    from archivist.model import Article


# The importer and the document module are imported inside the commands that use them, so
# `list`, `search` and `show` never load the extraction pipeline (see tests/cli/test_startup.py).


def register(subparsers: Subparsers, common: argparse.ArgumentParser) -> None:
    """Add the article commands."""
    p = subparsers.add_parser(
        "import", parents=[common], help="import saved articles (files or folders, recursively)"
    )
    p.add_argument(
        "paths", nargs="+", metavar="PATH", help="text, HTML, MHTML or Markdown files, or folders"
    )
    p.set_defaults(handler=cmd_import, creates_archive=True)

    p = subparsers.add_parser("list", parents=[common], help="list the archive's articles")
    p.add_argument("--limit", type=int, default=None, help="at most this many")
    p.add_argument(
        "--offset", type=int, default=0, help="skip this many first (with --limit: pages)"
    )
    p.set_defaults(handler=cmd_list)

    p = subparsers.add_parser("search", parents=[common], help="full-text search, best first")
    p.add_argument("query", metavar="QUERY", help="words to find (any text is safe)")
    p.add_argument("--limit", type=int, default=50, help="at most this many hits (default 50)")
    p.set_defaults(handler=cmd_search)

    p = subparsers.add_parser(
        "show", parents=[common], help="print articles as documents (JSON Lines with --json)"
    )
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.set_defaults(handler=cmd_show)

    p = subparsers.add_parser(
        "reextract",
        parents=[common],
        help="re-run extraction from the stored originals; highlights re-anchor",
    )
    which = p.add_mutually_exclusive_group(required=True)
    which.add_argument("ids", nargs="*", type=int, metavar="ID", default=[])
    which.add_argument("--all", action="store_true", help="every article in the archive")
    p.set_defaults(handler=cmd_reextract)


def cmd_import(ctx: Context) -> int:
    """Import files and folders; report each file; exit 1 if any failed."""
    from archivist.importer import import_paths

    archive = ctx.archive()
    try:
        archive.maintenance.rotate_backups()
    except ArchivistError as exc:
        ctx.say(f"warning: {shown(str(exc))}")
    report = ctx.run_job(import_paths(archive, ctx.args.paths))
    if ctx.json:
        ctx.emit(
            [
                {"path": r.path, "status": r.status, "id": r.id, "error": r.error}
                | ({"warnings": list(r.warnings)} if r.warnings else {})
                for r in report.results
            ]
        )
    else:
        for r in report.results:
            if r.status == "error":
                ctx.say(f"error: {shown(r.error or '')}")
            else:
                ctx.out(f"{r.status:<9} {r.id:>6}  {shown(r.path)}")
                for warning in r.warnings:
                    ctx.say(f"warning: {shown(r.path)}: {shown(warning)}")
        ctx.say(
            f"{report.count('imported')} imported, {report.count('duplicate')} already in the "
            f"archive, {report.count('error')} failed"
        )
    return 1 if report.count("error") else 0


def cmd_list(ctx: Context) -> int:
    """Print the archive listing (the JSON array is written as SQLite makes it, in pieces)."""
    if ctx.json:
        pieces = ctx.archive().articles.listing_json(limit=ctx.args.limit, offset=ctx.args.offset)
        for piece in pieces:
            ctx.stdout.write(piece)
        ctx.stdout.write("\n")
    else:
        for r in ctx.archive().articles.listing(limit=ctx.args.limit, offset=ctx.args.offset):
            byline = ", ".join(r.authors)
            extra = " — ".join(x for x in (byline, r.site or "", r.published or "") if x)
            ctx.out(shown(f"{r.id:>6}  {r.title}" + (f"  ({extra})" if extra else "")))
    return 0


def cmd_search(ctx: Context) -> int:
    """Print search hits, best first."""
    archive = ctx.archive()
    if archive.search_index_behind():  # an index to rebuild: a progress bar on a terminal
        ctx.run_job(archive.update_search_index_steps())
    hits = archive.search.query(ctx.args.query, limit=ctx.args.limit)
    if ctx.json:
        ctx.emit(
            [
                {"id": h.id, "title": h.title, "snippet": h.snippet, "where": list(h.where)}
                for h in hits
            ]
        )
    else:
        if not hits:
            ctx.say("no matches")
        for h in hits:
            where = f"  [{', '.join(h.where)}]" if h.where else ""
            ctx.out(f"{h.id:>6}  {shown(h.title)}{where}\n        {shown(h.snippet)}")
    return 0


def cmd_show(ctx: Context) -> int:
    """Print each article: its document as one JSON line, or readable text."""
    from archivist.document import article_document

    archive = ctx.archive()
    status = 0
    for article_id in ctx.args.ids:
        try:
            article = archive.annotations.document(ArticleId(article_id))
        except NotFoundError as exc:
            ctx.say(f"archivist: {exc}")
            status = 1
            continue
        if ctx.json:
            ctx.emit(article_document(article))
        else:
            ctx.out(_readable(article))
    return status


def _readable(article: Article) -> str:
    lines = [article.title, "=" * min(len(article.title), 78)]
    meta = [", ".join(article.authors), article.site, article.published, article.url]
    lines.append(" · ".join(m for m in meta if m))
    lines.append("")
    lines.append(article.text)
    if article.footnotes:
        lines.append("")
        lines.append("Notes")
        lines.append("-----")
        for fn in article.footnotes:
            lines.append(f"[{fn.label}] {fn.text}")
            for note in fn.notes:
                lines.append(f"      ✎ {note.text}")
    return "\n".join(lines)


def cmd_reextract(ctx: Context) -> int:
    """Re-extract articles and report, for each, what changed and how highlights fared."""
    from archivist.importer import reextract

    archive = ctx.archive()
    ids = archive.articles.ids() if ctx.args.all else [ArticleId(i) for i in ctx.args.ids]
    results = ctx.run_job(reextract(archive, ids))
    if ctx.json:
        ctx.emit(
            [
                {
                    "id": r.id,
                    "status": "error" if r.error else ("changed" if r.changes else "unchanged"),
                    "changes": list(r.changes),
                    "error": r.error,
                    "highlights": {
                        "kept": r.kept,
                        "moved": r.moved,
                        "fuzzy": r.fuzzy,
                        "orphaned": r.orphaned,
                    },
                    "lost_citation_edits": list(r.lost_citations),
                }
                for r in results
            ]
        )
    else:
        for r in results:
            if r.error:
                ctx.say(f"error: {r.error}")
            elif not r.changes:
                ctx.out(f"{r.id:>6}  unchanged")
            else:
                ctx.out(f"{r.id:>6}  " + "; ".join(r.changes))
                ctx.out(
                    f"        highlights: {r.kept} kept, {r.moved} moved, {r.fuzzy} matched "
                    f"approximately, {r.orphaned} orphaned"
                )
            if r.lost_citations:
                ctx.say(
                    f"article {r.id}: corrected citations of notes "
                    f"{', '.join(r.lost_citations)} match no note now; kept (see `check`)"
                )
    return 1 if any(r.error for r in results) else 0
