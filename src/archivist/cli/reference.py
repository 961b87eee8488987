"""Generate docs/cli.md from the argparse definitions, so the CLI reference cannot drift.

Run: python -m archivist.cli.reference > docs/cli.md
"""

from __future__ import annotations

import argparse
import sys

from archivist.cli import build_parser

HEADER = """# Command-line reference

Generated from the program's own argument definitions by
`python -m archivist.cli.reference > docs/cli.md`; a test keeps it in step.

Every command accepts `--archive PATH` (default: `$ARCHIVIST_ARCHIVE`, else `archive.sqlite3`
in the user data folder; a path named with `--archive` where there is no archive is made only
by `init` or `import`) and `--json` (machine-readable output on stdout, nothing else; human
messages go to stderr). Exit status: 0 success, 1 when some input failed (the rest was still
done), 2 usage error.
"""


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def render() -> str:
    """The whole reference as Markdown."""
    parser = build_parser()
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parts = [HEADER, "## archivist", "", "```", _help(parser), "```", ""]
    for name, sub in sorted(_subcommands(parser).items()):
        parts += [f"## archivist {name}", "", "```", _help(sub), "```", ""]
        for inner, subsub in sorted(_subcommands(sub).items()):
            parts += [f"### archivist {name} {inner}", "", "```", _help(subsub), "```", ""]
    return "\n".join(parts)


def _help(parser: argparse.ArgumentParser) -> str:
    # A fixed width keeps the output the same on every terminal.
    parser.formatter_class = lambda prog: argparse.HelpFormatter(prog, width=96)
    return parser.format_help().rstrip()


if __name__ == "__main__":
    sys.stdout.write(render())
