"""Commands on dossiers: the quick ``export`` and the ``dossier`` actions.

A dossier is a saved, ordered selection of articles with its export options.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archivist.export.kinds import FORMATS, SUFFIXES, ExportFormat
from archivist.model import ArticleId, Dossier, DossierId

if TYPE_CHECKING:
    from archivist.cli.context import Context, Subparsers
    from archivist.export.dossier import ExportRequest


def register(subparsers: Subparsers, common: argparse.ArgumentParser) -> None:
    """Add the export and dossier commands."""
    p = subparsers.add_parser(
        "export", parents=[common], help="export articles as a dossier (PDF by default)"
    )
    p.add_argument("ids", nargs="+", type=int, metavar="ID", help="articles, in this order")
    _output_options(p)
    p.add_argument("--title", default="Dossier", help="the dossier's title")
    p.set_defaults(handler=cmd_export)

    d = subparsers.add_parser("dossier", parents=[common], help="create, edit and export dossiers")
    sub = d.add_subparsers(dest="dossier_command", metavar="ACTION", required=True)
    p = sub.add_parser("new", parents=[common], help="create a dossier")
    p.add_argument("title")
    p.add_argument("ids", nargs="*", type=int, metavar="ID", help="first articles, in order")
    p.add_argument("--subtitle")
    p.add_argument("--compiler", help="the name shown as compiler")
    p.add_argument("--introduction", help="introduction text (Markdown)")
    p.add_argument("--style", help="citation style for its exports")
    _notes_option(p, "how its exports print citing footnotes (default: source)")
    p.set_defaults(handler=cmd_new)
    p = sub.add_parser("add", parents=[common], help="add articles to a dossier")
    p.add_argument("dossier", type=int, metavar="DOSSIER")
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.add_argument("--at", type=int, metavar="POSITION", help="1-based position (default: end)")
    p.set_defaults(handler=cmd_add)
    p = sub.add_parser("move", parents=[common], help="move an article within a dossier")
    p.add_argument("dossier", type=int, metavar="DOSSIER")
    p.add_argument("id", type=int, metavar="ID")
    p.add_argument("position", type=int, metavar="POSITION", help="1-based")
    p.set_defaults(handler=cmd_move)
    p = sub.add_parser("remove", parents=[common], help="take articles out of a dossier")
    p.add_argument("dossier", type=int, metavar="DOSSIER")
    p.add_argument("ids", nargs="+", type=int, metavar="ID")
    p.set_defaults(handler=cmd_remove)
    p = sub.add_parser("show", parents=[common], help="show a dossier")
    p.add_argument("dossier", type=int, metavar="DOSSIER")
    p.set_defaults(handler=cmd_show)
    p = sub.add_parser("list", parents=[common], help="list the dossiers")
    p.set_defaults(handler=cmd_list)
    p = sub.add_parser("export", parents=[common], help="export a saved dossier")
    p.add_argument("dossier", type=int, metavar="DOSSIER")
    _output_options(p)
    p.set_defaults(handler=cmd_dossier_export)


def _output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", required=True, metavar="OUT", help="the file to write")
    p.add_argument(
        "--style",
        help="citation style: chicago-notes-bibliography (default), chicago-author-date, "
        "apa, modern-language-association",
    )
    p.add_argument("--format", choices=FORMATS, default=None, help="default: from OUT's suffix")
    _notes_option(
        p,
        "citing footnotes as the source wrote them (source, the default) or in the citation "
        "style (style: Chicago gives a full note, then short notes; author-date styles the "
        "in-text form)",
    )


def _notes_option(p: argparse.ArgumentParser, text: str) -> None:
    p.add_argument("--notes", choices=("source", "style"), default=None, help=text)


def _format(args: argparse.Namespace) -> ExportFormat:
    chosen: ExportFormat | None = args.format
    return chosen or SUFFIXES.get(Path(args.output).suffix.lower(), "pdf")


def _run(ctx: Context, request: ExportRequest) -> int:
    from archivist.export.dossier import export_dossier  # ReportLab loads only to export

    path = ctx.run_job(export_dossier(ctx.archive(), request))
    if ctx.json:
        ctx.emit(
            {"path": str(path), "format": request.format, "articles": len(request.article_ids)}
        )
    else:
        ctx.say(f"wrote {path}")
    return 0


def cmd_export(ctx: Context) -> int:
    """Export the given articles as a dossier."""
    from archivist.export.dossier import ExportRequest

    args = ctx.args
    request = ExportRequest(
        article_ids=tuple(ArticleId(i) for i in args.ids),
        output=Path(args.output),
        title=args.title,
        style=args.style,
        format=_format(args),
        notes_in_style=args.notes == "style",
    )
    return _run(ctx, request)


def cmd_dossier_export(ctx: Context) -> int:
    """Export a saved dossier with its options."""
    from archivist.export.dossier import request_for

    args = ctx.args
    dossier = ctx.archive().dossiers.get(DossierId(args.dossier))
    notes = None if args.notes is None else args.notes == "style"
    request = request_for(
        dossier, args.output, style=args.style, format=_format(args), notes_in_style=notes
    )
    return _run(ctx, request)


def cmd_new(ctx: Context) -> int:
    """Create a dossier."""
    args = ctx.args
    dossier = ctx.archive().dossiers.create(
        args.title,
        subtitle=args.subtitle,
        compiler=args.compiler,
        introduction=args.introduction,
        article_ids=[ArticleId(i) for i in args.ids],
        options=_options(args) or None,
    )
    return _show(ctx, dossier)


def _options(args: argparse.Namespace) -> dict[str, Any]:
    """The export options ``dossier new`` saves with the dossier."""
    options: dict[str, Any] = {}
    if args.style:
        options["style"] = args.style
    if args.notes:
        options["notes_in_style"] = args.notes == "style"
    return options


def cmd_add(ctx: Context) -> int:
    """Add articles to a dossier."""
    args = ctx.args
    ids = [ArticleId(i) for i in args.ids]
    return _show(ctx, ctx.archive().dossiers.add(DossierId(args.dossier), ids, position=args.at))


def cmd_move(ctx: Context) -> int:
    """Move an article within a dossier."""
    args = ctx.args
    dossier = ctx.archive().dossiers.move(
        DossierId(args.dossier), ArticleId(args.id), args.position
    )
    return _show(ctx, dossier)


def cmd_remove(ctx: Context) -> int:
    """Take articles out of a dossier."""
    args = ctx.args
    ids = [ArticleId(i) for i in args.ids]
    return _show(ctx, ctx.archive().dossiers.remove(DossierId(args.dossier), ids))


def cmd_show(ctx: Context) -> int:
    """Show one dossier."""
    return _show(ctx, ctx.archive().dossiers.get(DossierId(ctx.args.dossier)))


def cmd_list(ctx: Context) -> int:
    """List the dossiers."""
    dossiers = ctx.archive().dossiers.all()
    if ctx.json:
        ctx.emit([_as_json(d) for d in dossiers])
    else:
        for d in dossiers:
            ctx.out(f"{d.id:>6}  {d.title}  ({len(d.article_ids)} articles)")
    return 0


def _as_json(d: Dossier) -> dict[str, Any]:
    return {
        "id": d.id,
        "title": d.title,
        "subtitle": d.subtitle,
        "compiler": d.compiler,
        "introduction": d.introduction,
        "articles": list(d.article_ids),
        "options": dict(d.options),
    }


def _show(ctx: Context, dossier: Dossier) -> int:
    if ctx.json:
        ctx.emit(_as_json(dossier))
        return 0
    ctx.out(f"{dossier.id:>6}  {dossier.title}")
    for field in ("subtitle", "compiler"):
        value = getattr(dossier, field)
        if value:
            ctx.out(f"        {field}: {value}")
    archive = ctx.archive()
    for n, article_id in enumerate(dossier.article_ids, start=1):
        ctx.out(f"  {n:>3}. [{article_id}] {archive.articles.get(article_id).title}")
    return 0
