"""Commands on annotations: highlight, note, annotations (list, export, import), tag, trash.

``annotations import FILE`` is recognised by its first word: the ``annotations`` command takes
article ids as positionals, and argparse cannot also give it a sub-command, so ``import`` as the
first positional switches to importing (``annotations-import FILE`` is the same command).
Restoring from the trash is ``restore KIND ID`` (alias ``untrash KIND ID``);
``restore PATH`` restores whole-archive backups.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from archivist.annotate import markdown, w3c
from archivist.document import highlight_json, note_json
from archivist.errors import ArchivistError
from archivist.model import Article, ArticleId, Highlight, HighlightId, Note, NoteId
from archivist.text import one_line

if TYPE_CHECKING:
    from archivist.archive import Archive
    from archivist.cli.context import Context, Subparsers

FORMATS = ("table", "json", "w3c", "markdown")
KINDS = ("article", "highlight", "note")

_TRASH: dict[str, Callable[[Archive, int], object]] = {
    "article": lambda archive, item: archive.trash.delete_article(ArticleId(item)),
    "highlight": lambda archive, item: archive.annotations.delete_highlight(HighlightId(item)),
    "note": lambda archive, item: archive.annotations.delete_note(NoteId(item)),
}
"""How ``delete`` moves each kind of item (KINDS) to the trash."""
_UNTRASH: dict[str, Callable[[Archive, int], object]] = {
    "article": lambda archive, item: archive.trash.restore_article(ArticleId(item)),
    "highlight": lambda archive, item: archive.annotations.restore_highlight(HighlightId(item)),
    "note": lambda archive, item: archive.annotations.restore_note(NoteId(item)),
}
"""How ``untrash`` takes each kind of item (KINDS) out of the trash."""


def register(subparsers: Subparsers, common: argparse.ArgumentParser) -> None:
    """Add the annotation commands."""
    p = subparsers.add_parser(
        "highlight", parents=[common], help="highlight a quoted passage of an article"
    )
    p.add_argument("id", type=int, metavar="ID", help="the article")
    p.add_argument("--quote", required=True, help="the passage (whitespace need not match)")
    p.add_argument("--occurrence", type=int, default=1, help="which occurrence (default 1)")
    p.add_argument("--color", default="yellow", help="a palette colour (default yellow)")
    p.add_argument("--note", help="a Markdown note on the new highlight")
    p.set_defaults(handler=cmd_highlight)

    p = subparsers.add_parser(
        "note", parents=[common], help="note a footnote, a highlight or the whole article"
    )
    p.add_argument("id", type=int, metavar="ID", help="the article")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--footnote", metavar="LABEL", help="the footnote's label, e.g. 3")
    target.add_argument("--highlight", type=int, metavar="HID", help="a highlight's id")
    p.add_argument("--text", required=True, help="the note (Markdown)")
    p.set_defaults(handler=cmd_note)

    p = subparsers.add_parser(
        "annotations",
        parents=[common],
        help="list or export highlights and notes; `annotations import FILE` imports",
    )
    p.add_argument("items", nargs="*", metavar="ID", help="articles (default: all annotated)")
    p.add_argument("--color", help="only highlights of this colour")
    p.add_argument("--tag", help="only highlights with this tag (or on an article with it)")
    p.add_argument("--orphans", action="store_true", help="only highlights that lost their place")
    p.add_argument(
        "--format", choices=FORMATS, help="output format (default table; json if --json)"
    )
    p.add_argument("-o", "--output", metavar="OUT", help="write to this file instead of stdout")
    p.set_defaults(handler=cmd_annotations, usage_error=p.error)

    p = subparsers.add_parser(
        "annotations-import",
        parents=[common],
        help="import W3C Web Annotation JSON-LD made by Archivist",
    )
    p.add_argument("file", metavar="FILE")
    p.set_defaults(handler=cmd_import_annotations)

    p = subparsers.add_parser(
        "tag", parents=[common], help="tag an article or one of its highlights"
    )
    p.add_argument("id", type=int, metavar="ID", help="the article")
    p.add_argument("tags", nargs="+", metavar="TAG")
    p.add_argument("--highlight", type=int, metavar="HID", help="tag this highlight instead")
    p.add_argument("--remove", action="store_true", help="remove the tags instead")
    p.set_defaults(handler=cmd_tag)

    p = subparsers.add_parser("tags", parents=[common], help="list the tags in use")
    p.set_defaults(handler=cmd_tags)

    p = subparsers.add_parser("delete", parents=[common], help="move an item to the trash")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("item", type=int, metavar="ID")
    p.set_defaults(handler=cmd_delete)

    p = subparsers.add_parser("trash", parents=[common], help="list the trash, or empty it")
    p.add_argument("--empty", action="store_true", help="destroy what is in the trash for good")
    p.set_defaults(handler=cmd_trash)

    p = subparsers.add_parser("untrash", parents=[common], help="take an item out of the trash")
    p.add_argument("kind", choices=KINDS)
    p.add_argument("item", type=int, metavar="ID")
    p.set_defaults(handler=cmd_untrash)

    p = subparsers.add_parser(
        "palette", parents=[common], help="list highlight colours, or name what one means"
    )
    p.add_argument("pair", nargs="*", metavar="COLOR MEANING")
    p.set_defaults(handler=cmd_palette, usage_error=p.error)


def cmd_highlight(ctx: Context) -> int:
    """Anchor a highlight on the quoted text (and note it)."""
    args, archive = ctx.args, ctx.archive()
    with archive.transaction():
        hl = archive.annotations.highlight_quote(
            ArticleId(args.id), args.quote, args.occurrence, args.color
        )
        if args.note is not None:
            archive.annotations.add_note(hl.article_id, args.note, highlight_id=hl.id)
    assert hl.id is not None  # a highlight read back from the archive has its id
    hl = archive.annotations.highlight(hl.id)
    if ctx.json:
        ctx.emit({"article_id": hl.article_id} | highlight_json(hl))
    else:
        ctx.out(f"highlight {hl.id}: [{hl.start}, {hl.end}) {hl.color} “{one_line(hl.exact)}”")
    return 0


def cmd_note(ctx: Context) -> int:
    """Attach a note to a footnote, a highlight or the article."""
    args = ctx.args
    note = ctx.archive().annotations.add_note(
        ArticleId(args.id),
        args.text,
        highlight_id=None if args.highlight is None else HighlightId(args.highlight),
        footnote_label=args.footnote,
    )
    if ctx.json:
        ctx.emit(_note_record(note))
    else:
        on = {"article": "the article", "highlight": f"highlight {note.highlight_id}"}.get(
            note.target, f"footnote [{note.footnote_label}]"
        )
        ctx.out(f"note {note.id} on {on} of article {note.article_id}")
    return 0


def cmd_annotations(ctx: Context) -> int:
    """List or export the chosen articles' annotations, or import a file."""
    args = ctx.args
    if args.items and args.items[0] == "import":
        if len(args.items) != 2:
            args.usage_error("usage: annotations import FILE")
        args.file = args.items[1]
        return cmd_import_annotations(ctx)
    try:
        ids = [ArticleId(int(item)) for item in args.items]
    except ValueError:
        args.usage_error(f"article ids are numbers (or `import FILE`), not {args.items!r}")
    archive = ctx.archive()
    for article_id in ids:
        archive.articles.source(article_id)  # an unknown id is an error, not an empty listing
    fmt = args.format or ("json" if ctx.json else "table")
    filtered = bool(args.color or args.tag or args.orphans)
    highlights = archive.annotations.find_highlights(
        ids or None, color=args.color, tag=args.tag, orphans=args.orphans
    )
    if fmt in ("table", "json"):
        text = _table(highlights) if fmt == "table" else _json_list(highlights)
        count = len(highlights)
    else:
        documents = _documents(archive, ids, highlights, filtered)
        meanings = {c.color: c.meaning for c in archive.annotations.palette()}
        if fmt == "w3c":
            doc = w3c.collection(documents, meanings)
            text, count = json.dumps(doc, ensure_ascii=False, indent=2), doc["total"]
        else:
            text, count = markdown.collection_markdown(documents, meanings), len(highlights)
    if args.output:
        Path(args.output).write_text(text if text.endswith("\n") else text + "\n", "utf-8")
        if ctx.json and fmt != "json":
            ctx.emit({"output": args.output, "format": fmt, "annotations": count})
        else:
            ctx.say(f"wrote {count} annotations to {args.output}")
    elif fmt == "json":
        ctx.emit(json.loads(text))
    elif text:
        ctx.out(text.rstrip("\n"))
    return 0


def cmd_import_annotations(ctx: Context) -> int:
    """Import a W3C JSON-LD file; exit 1 if some annotations matched no article."""
    path = Path(ctx.args.file)
    try:
        data = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise ArchivistError(f"{path}: cannot read it ({exc.strerror})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArchivistError(f"{path}: not a JSON file ({exc})") from None
    try:
        report = ctx.archive().annotations.import_annotations(data)
    except w3c.AnnotationFormatError as exc:
        raise ArchivistError(f"{path}: {exc}") from None
    if ctx.json:
        ctx.emit(dataclasses.asdict(report) | {"articles": list(report.articles)})
    else:
        ctx.say(
            f"{report.highlights} highlights ({report.orphaned} orphaned), {report.notes} notes, "
            f"{report.tags} tags imported; {report.duplicates} already present; "
            f"{report.unmatched} matched no article"
        )
    return 1 if report.unmatched else 0


def cmd_tag(ctx: Context) -> int:
    """Add (or remove) tags on an article or a highlight."""
    args, archive = ctx.args, ctx.archive()
    tags: tuple[str, ...] = ()
    with archive.transaction():
        for tag in args.tags:
            if args.highlight is not None:
                hid = HighlightId(args.highlight)
                if archive.annotations.highlight(hid).article_id != args.id:
                    raise ArchivistError(f"highlight {hid} is not on article {args.id}")
                on_highlight = (
                    archive.annotations.untag_highlight
                    if args.remove
                    else archive.annotations.tag_highlight
                )
                tags = on_highlight(hid, tag)
            else:
                on_article = (
                    archive.annotations.untag_article
                    if args.remove
                    else archive.annotations.tag_article
                )
                tags = on_article(ArticleId(args.id), tag)
    if ctx.json:
        ctx.emit({"tags": list(tags)})
    else:
        ctx.out(", ".join(tags) if tags else "(no tags)")
    return 0


def cmd_tags(ctx: Context) -> int:
    """Print every tag in use."""
    tags = ctx.archive().annotations.tags()
    if ctx.json:
        ctx.emit(list(tags))
    else:
        for tag in tags:
            ctx.out(tag)
    return 0


def cmd_delete(ctx: Context) -> int:
    """Move an article, highlight or note to the trash."""
    kind, item = ctx.args.kind, ctx.args.item
    _TRASH[kind](ctx.archive(), item)
    if ctx.json:
        ctx.emit({"trashed": {"kind": kind, "id": item}})
    else:
        ctx.say(f"{kind} {item} moved to the trash (`archivist untrash {kind} {item}` undoes it)")
    return 0


def cmd_trash(ctx: Context) -> int:
    """List what is in the trash, or empty it."""
    archive = ctx.archive()
    if ctx.args.empty:
        count = archive.trash.empty()
        if ctx.json:
            ctx.emit({"destroyed": count})
        else:
            ctx.say(f"{count} items destroyed")
        return 0
    items = archive.trash.items()
    if ctx.json:
        ctx.emit([dataclasses.asdict(i) for i in items])
    else:
        for i in items:
            ctx.out(f"{i.kind:<9} {i.id:>6}  {i.deleted}  {i.label}")
        if not items:
            ctx.say("the trash is empty")
    return 0


def cmd_untrash(ctx: Context) -> int:
    """Take an article, highlight or note out of the trash."""
    kind, item = ctx.args.kind, ctx.args.item
    _UNTRASH[kind](ctx.archive(), item)  # kind is one of KINDS (argparse choices)
    if ctx.json:
        ctx.emit({"restored": {"kind": kind, "id": item}})
    else:
        ctx.say(f"{kind} {item} restored")
    return 0


def cmd_palette(ctx: Context) -> int:
    """Print the palette, or set what a colour means (adding the colour if new)."""
    archive, pair = ctx.archive(), ctx.args.pair
    if pair:
        if len(pair) != 2:
            ctx.args.usage_error("give a COLOR and its MEANING (quote a meaning of several words)")
        archive.annotations.set_color_meaning(pair[0], pair[1])
    colors = archive.annotations.palette()
    if ctx.json:
        ctx.emit([dataclasses.asdict(c) for c in colors])
    else:
        for c in colors:
            ctx.out(f"{c.color:<10} {c.meaning}")
    return 0


def _documents(
    archive: Archive, ids: list[ArticleId], highlights: Sequence[Highlight], filtered: bool
) -> list[Article]:
    """Annotated articles to export; with a filter, only the matching highlights of each."""
    if not filtered:
        return [
            archive.annotations.document(i)
            for i in ids or archive.annotations.annotated_article_ids()
        ]
    by_article: dict[ArticleId, list[Highlight]] = defaultdict(list)
    for hl in highlights:
        by_article[hl.article_id].append(hl)
    documents = []
    for article_id, chosen in by_article.items():
        doc = archive.annotations.document(article_id)
        footnotes = tuple(dataclasses.replace(fn, notes=()) for fn in doc.footnotes)
        documents.append(
            dataclasses.replace(
                doc, highlights=tuple(chosen), notes=(), tags=(), footnotes=footnotes
            )
        )
    return documents


def _table(highlights: Sequence[Highlight]) -> str:
    lines = []
    for hl in highlights:
        flags = " ORPHAN" if hl.orphaned else ""
        tags = (" #" + " #".join(hl.tags)) if hl.tags else ""
        notes = f" ({len(hl.notes)} note{'s' if len(hl.notes) != 1 else ''})" if hl.notes else ""
        lines.append(
            f"{hl.id:>6}  article {hl.article_id:<5} {hl.color:<8} “{one_line(hl.exact)}”"
            f"{notes}{tags}{flags}"
        )
    return "\n".join(lines)


def _json_list(highlights: Sequence[Highlight]) -> str:
    return json.dumps(
        [{"article_id": hl.article_id} | highlight_json(hl) for hl in highlights],
        ensure_ascii=False,
    )


def _note_record(note: Note) -> dict[str, Any]:
    return {
        "article_id": note.article_id,
        "target": note.target,
        "highlight_id": note.highlight_id,
        "footnote_label": note.footnote_label,
    } | note_json(note)
