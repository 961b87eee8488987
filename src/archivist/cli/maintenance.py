"""Commands that keep an archive safe: backup, restore, check."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from archivist.cli.context import Context, Subparsers


def register(subparsers: Subparsers, common: argparse.ArgumentParser) -> None:
    """Add the maintenance commands."""
    p = subparsers.add_parser(
        "init", parents=[common], help="make a new, empty archive (or check an existing one opens)"
    )
    p.set_defaults(handler=cmd_init, creates_archive=True)

    p = subparsers.add_parser(
        "backup", parents=[common], help="write a consistent copy of the archive"
    )
    p.add_argument(
        "-o", "--output", metavar="PATH", help="where to write it (default: the backups folder)"
    )
    p.set_defaults(handler=cmd_backup)

    p = subparsers.add_parser(
        "restore",
        parents=[common],
        help="replace the archive's content with a backup (restore PATH), or take an item "
        "out of the trash (restore KIND ID)",
    )
    p.add_argument(
        "target",
        nargs="+",
        metavar="PATH | KIND ID",
        help="a backup made by `archivist backup`, or article/highlight/note and its id",
    )
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(handler=cmd_restore)

    p = subparsers.add_parser(
        "check", parents=[common], help="check the archive's integrity and consistency"
    )
    p.add_argument("--repair", action="store_true", help="fix what can be fixed safely")
    p.set_defaults(handler=cmd_check)


def cmd_init(ctx: Context) -> int:
    """Make the archive if there is none; say where it is."""
    existed = ctx.archive_path.is_file() and ctx.archive_path.stat().st_size > 0
    archive = ctx.archive()
    if ctx.json:
        ctx.emit({"archive": str(archive.path), "created": not existed})
    else:
        ctx.say(f"{'archive already at' if existed else 'made a new archive at'} {archive.path}")
    return 0


def cmd_backup(ctx: Context) -> int:
    """Write a backup to the given path or the archive's backups folder."""
    archive = ctx.archive()
    if ctx.args.output:
        target = archive.backup(Path(ctx.args.output))
    else:
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        archive.maintenance.backup_folder.mkdir(parents=True, exist_ok=True)
        target = archive.backup(
            archive.maintenance.backup_folder / f"{archive.path.stem}-{stamp}.sqlite3"
        )
    if ctx.json:
        ctx.emit({"backup": str(target)})
    else:
        ctx.out(str(target))
    return 0


def cmd_restore(ctx: Context) -> int:
    """Restore from a backup after the user confirms, or an item from the trash."""
    from archivist.cli.annotations import KINDS, cmd_untrash

    target = ctx.args.target
    if len(target) == 2 and target[0] in KINDS:
        if not target[1].isdigit():
            ctx.fail(f"restore {target[0]}: {target[1]!r} is not an id")
        ctx.args.kind, ctx.args.item = target[0], int(target[1])
        return int(cmd_untrash(ctx))
    if len(target) != 1:
        ctx.fail("restore takes a backup PATH, or KIND ID (article, highlight or note)")
    ctx.args.backup = target[0]
    if not ctx.args.yes:
        if not ctx.stdin_is_interactive():
            ctx.fail("restore replaces the whole archive: confirm with --yes")
        answer = input(f"Replace everything in {ctx.archive_path} with {ctx.args.backup}? [y/N] ")
        if answer.strip().lower() not in {"y", "yes"}:
            ctx.say("nothing restored")
            return 1
    safety = ctx.archive().maintenance.restore_from(ctx.args.backup)
    if ctx.json:
        ctx.emit({"restored": str(ctx.args.backup), "previous": str(safety)})
    else:
        ctx.say(f"restored; the previous content is saved as {safety}")
    return 0


def cmd_check(ctx: Context) -> int:
    """Report problems (and repairs); exit 1 if anything is left wrong.

    SQLite's integrity check runs first, on the file itself: a damaged archive is reported
    (and with ``--repair`` rebuilt into a new file) before anything else reads it.
    """
    from archivist.archive.integrity import integrity_findings, rebuild
    from archivist.safefiles import shown

    path = ctx.archive_path
    damage = integrity_findings(path) if path.is_file() and path.stat().st_size else []
    rebuilt: list[str] = []
    salvage: dict[str, Any] | None = None
    if damage and ctx.args.repair:
        outcome = rebuild(path)
        damage = []
        recovered = _recover_articles(ctx)
        rebuilt = outcome.summary() + recovered[1]
        salvage = {
            "recovered": outcome.recovered,
            "unreadable": {t: [list(s) for s in v] for t, v in outcome.unreadable.items()},
            "lost_article_ids": outcome.lost_article_ids(),
            "reextracted": recovered[0],
            "kept_as": str(outcome.damaged_copy),
        }
    if damage:
        if ctx.json:
            ctx.emit(
                {
                    "ok": False,
                    "problems": [
                        {"kind": "integrity", "message": line, "repairable": True}
                        for line in damage
                    ],
                    "repaired": [],
                    "notes": [],
                }
            )
        else:
            for line in damage:
                ctx.say(f"integrity: {shown(line)}")
            ctx.out(
                "archive is damaged: run `archivist check --repair` (it rebuilds the archive "
                "into a new file from every readable row and keeps the damaged one beside it)"
            )
        return 1
    report = ctx.archive().maintenance.check(repair=ctx.args.repair, integrity=False)
    repaired = [*rebuilt, *report.repaired]
    if ctx.json:
        ctx.emit(
            {
                "ok": report.ok,
                "problems": [
                    {"kind": p.kind, "message": p.message, "repairable": p.repairable}
                    for p in report.problems
                ],
                "repaired": repaired,
                "notes": list(report.notes),
            }
            | ({"rebuilt": salvage} if salvage else {})
        )
    else:
        for p in report.problems:
            hint = " (fixable with --repair)" if p.repairable and not report.repaired else ""
            ctx.say(f"{p.kind}: {p.message}{hint}")
        for line in repaired:
            ctx.say(f"repaired: {line}")
        for line in report.notes:
            ctx.say(f"note: {line}")
        ctx.out("archive is sound" if report.ok else "archive has problems")
    return 0 if report.ok else 1


def _recover_articles(ctx: Context) -> tuple[int, list[str]]:
    """Articles lost to the damage, extracted again from their stored originals."""
    from archivist.importer import recover_lost_articles
    from archivist.safefiles import shown

    results = recover_lost_articles(ctx.archive())
    done = sum(r.status == "imported" for r in results)
    if not results:
        return 0, []
    lines = [
        f"re-extracted {done} lost article(s) from their stored original files "
        "(their highlights and notes could not be recovered)"
    ]
    lines += [f"could not re-extract {shown(r.error or r.path)}" for r in results if r.error]
    return done, lines
