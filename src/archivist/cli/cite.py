"""``archivist cite``: show or correct a footnote's CSL item, or the article's own."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from archivist.model import ArticleId, CitationEdit

if TYPE_CHECKING:
    from archivist.annotate.cslfields import Warnings
    from archivist.archive import Archive
    from archivist.cli.context import Context, Subparsers
    from archivist.export.corrections import Changes, CitationState


def register(subparsers: Subparsers, common: argparse.ArgumentParser) -> None:
    """Add the ``cite`` command."""
    p = subparsers.add_parser(
        "cite",
        parents=[common],
        help="show or correct a footnote's citation (or the article's own item)",
        description="Without changes, print the item as extracted and as corrected. Changes "
        "are kept apart from extraction and survive reextract; --reset drops them.",
    )
    p.add_argument("id", type=int, metavar="ID", help="the article")
    p.add_argument("--footnote", metavar="LABEL", help="the note (default: the article itself)")
    p.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="set a CSL variable (title, container-title, issued=2016-09-10, page, URL, ...); "
        "an empty VALUE removes it",
    )
    p.add_argument("--type", metavar="T", help="the CSL item type (book, article-journal, ...)")
    for role in ("author", "editor", "translator"):
        p.add_argument(
            f"--{role}",
            action="append",
            metavar='"Family, Given"',
            help=f"an {role} ('=Name' for an organisation); repeat for several; replaces the list"
            if role != "translator"
            else "a translator, as --author",
        )
    p.add_argument("--kind", metavar="K", help="citation, or note (also: comment)")
    p.add_argument(
        "--refers-to", metavar="L", help="the note an ibid or short form points to, or none"
    )
    p.add_argument("--reset", action="store_true", help="drop the correction: back to extracted")
    p.set_defaults(handler=cmd_cite)


def cmd_cite(ctx: Context) -> int:
    """Show, correct or reset one citation; exit 2 on input that cannot be stored."""
    # Imported here: the citation styles take a tenth of a second to load, which every other
    # command (and --help) would pay at start-up.
    from archivist.annotate.cslfields import CitationInputError, Warnings
    from archivist.export.corrections import citation_state, corrected, same_citation

    args = ctx.args
    try:
        changes = _changes(args)
        if args.reset and not changes.empty:
            raise CitationInputError("--reset takes no other change")
        archive = ctx.archive()
        article_id = ArticleId(args.id)
        article = archive.articles.get(article_id)
        labels = {fn.label for fn in article.footnotes}
        if args.reset and args.footnote is not None and args.footnote not in labels:
            return _drop_lost(ctx, archive, article_id, args.footnote)
        edits = archive.citations.edits.of_article(article_id, lost=False)
        state = citation_state(article, edits, args.footnote)
        warnings = Warnings()
        new = None if args.reset or changes.empty else corrected(state, changes, warnings)
        if args.reset or (new is not None and same_citation(new, state.extracted)):
            archive.citations.reset(article_id, args.footnote)  # nothing left to correct
        elif new is not None:
            archive.citations.save(new)
        if args.reset or not changes.empty:
            edits = archive.citations.edits.of_article(article_id, lost=False)
            state = citation_state(article, edits, args.footnote)
    except CitationInputError as exc:
        ctx.say(f"archivist: {' '.join(str(exc).split())}")
        return 2
    for message in warnings.messages:
        ctx.say(f"warning: {message}")
    lost = [e for e in archive.citations.edits.of_article(article_id) if e.lost]
    if ctx.json:
        ctx.emit(_json(state, lost, warnings))
    else:
        _print(ctx, state, lost)
    return 0


def _drop_lost(ctx: Context, archive: Archive, article_id: ArticleId, label: str | None) -> int:
    """--reset of a note that re-extraction lost: its kept correction is dropped at last."""
    dropped = archive.citations.drop_lost(article_id, label)
    if dropped is None:
        ctx.say(f"archivist: article {article_id} has no footnote {label!r}")
        return 2
    if ctx.json:
        ctx.emit({"id": article_id, "footnote": label, "dropped": _edit_json(dropped)})
    else:
        ctx.say(
            f"dropped the correction of note {label}, which matched no note since re-extraction"
        )
    return 0


def _changes(args: argparse.Namespace) -> Changes:
    from archivist.annotate.cslfields import CitationInputError
    from archivist.export.corrections import Changes

    fields = []
    for pair in args.set:
        name, eq, value = pair.partition("=")
        if not eq or not name.strip():
            raise CitationInputError(f"--set {pair!r}: write FIELD=VALUE")
        fields.append((name.strip(), value))
    names = {
        role: tuple(getattr(args, role))
        for role in ("author", "editor", "translator")
        if getattr(args, role) is not None
    }
    refers_to: str | None
    if args.refers_to is None:
        return Changes(args.type, tuple(fields), names, args.kind)
    refers_to = None if args.refers_to.strip().casefold() in ("none", "") else args.refers_to
    return Changes(args.type, tuple(fields), names, args.kind, refers_to)


def _edit_json(edit: CitationEdit) -> dict[str, Any]:
    return {
        "kind": edit.kind,
        "refers_to": edit.refers_to,
        "csl": None if edit.csl is None else dict(edit.csl),
        "edited": edit.edited,
    }


def _json(state: CitationState, lost: list[CitationEdit], warnings: Warnings) -> dict[str, Any]:
    return {
        "id": state.article.id,
        "footnote": state.label,
        "text": state.text,
        "extracted": _edit_json(state.extracted),
        "edit": None if state.edit is None else _edit_json(state.edit),
        "csl": None if state.current.csl is None else dict(state.current.csl),
        "edited": state.edit is not None,
        "warnings": warnings.messages,
        "lost_edits": [{"label": e.label, "note_text": e.note_text} | _edit_json(e) for e in lost],
    }


def _print(ctx: Context, state: CitationState, lost: list[CitationEdit]) -> None:
    from archivist.export.corrections import entry_of

    where = f"footnote [{state.label}]" if state.label else "the article's own item"
    ctx.out(f"article {state.article.id}, {where}: {state.text}")
    for title, edit in (("as extracted", state.extracted), ("as corrected", state.edit)):
        if edit is None:
            ctx.out("as corrected: not corrected")
            continue
        when = f" ({edit.edited})" if edit.edited else ""
        ctx.out(f"{title}{when}:")
        if state.label is not None:
            ctx.out(f"  kind: {edit.kind}; refers to: {edit.refers_to or '-'}")
        formatted = entry_of(edit.csl, None)
        ctx.out(f"  {formatted.plain() if formatted else '(no item)'}")
        if edit.csl:
            ctx.out("  " + json.dumps(dict(edit.csl), ensure_ascii=False))
    for e in lost:
        ctx.say(
            f"note {e.label} lost its corrected citation at re-extraction (made on "
            f"{e.note_text[:60]!r}); it is kept but not used"
        )
