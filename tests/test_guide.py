"""The user guide and the formats page describe what exists: images, commands and JSON."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from archivist.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
README = ROOT / "README.md"
GUIDE = DOCS / "guide.md"
FORMATS = DOCS / "formats.md"
MAX_IMAGE_BYTES = 200_000


def linked_images(page: Path) -> list[str]:
    """Targets of the page's Markdown image links."""
    return re.findall(r"!\[[^\]]*\]\(([^)\s]+)\)", page.read_text(encoding="utf-8"))


def command_lines(page: Path) -> list[str]:
    """Every ``archivist ...`` command the page quotes, in code blocks or inline code."""
    text = page.read_text(encoding="utf-8")
    lines: list[str] = []
    for block in re.findall(r"```(?:sh|console)?\n(.*?)```", text, flags=re.S):
        lines += [line.strip() for line in block.splitlines()]
    lines += re.findall(r"(?<!`)`(archivist [^`]+)`", text)
    commands = []
    for line in lines:
        parts = [part.strip() for part in line.split("&&")]
        commands += [p for p in parts if p.startswith("archivist ") or p == "archivist"]
    return commands


def guide_commands() -> list[str]:
    return command_lines(GUIDE) + command_lines(README)


def test_guide_links_images() -> None:
    assert len(linked_images(GUIDE)) >= 4


@pytest.mark.parametrize("target", linked_images(README))
def test_every_readme_image_exists(target: str) -> None:
    assert (ROOT / target).is_file(), f"{target} is linked from the README but missing"


@pytest.mark.parametrize("target", linked_images(GUIDE))
def test_every_guide_image_exists_and_is_small(target: str) -> None:
    image = DOCS / target

    assert image.is_file(), f"{target} is linked but missing"
    assert image.stat().st_size < MAX_IMAGE_BYTES


def test_guide_quotes_commands() -> None:
    assert len(guide_commands()) >= 20


@pytest.mark.parametrize("command", guide_commands())
def test_every_guide_command_parses(command: str) -> None:
    argv = shlex.split(command, comments=True)[1:]

    try:
        build_parser().parse_args(argv)
    except SystemExit as exc:  # --version and --help exit 0 after printing
        if exc.code not in (0, None):
            pytest.fail(f"does not parse (exit {exc.code}): {command}")


def test_command_lines_finds_block_inline_and_chained_commands(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "Run `archivist list` first.\n\n```sh\narchivist tags  # all\n"
        "archivist backup && archivist check\nls\n```\n",
        encoding="utf-8",
    )

    found = command_lines(page)

    assert sorted(found) == [
        "archivist backup",
        "archivist check",
        "archivist list",
        "archivist tags  # all",
    ]


def test_a_misspelt_command_would_be_caught() -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["highlight", "4", "--colour", "green"])


def json_blocks(page: Path) -> list[str]:
    return re.findall(r"```json\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)


def test_formats_page_examples_are_valid_json() -> None:
    blocks = [json.loads(block) for block in json_blocks(FORMATS)]

    assert len(blocks) == 3


def test_formats_page_article_document_has_the_contract_keys() -> None:
    document = json.loads(json_blocks(FORMATS)[0])

    assert {"id", "title", "authors", "source", "text", "footnotes", "highlights"} <= set(document)
    footnote = document["footnotes"][0]
    for offset in footnote["markers"]:
        assert document["text"][offset : offset + len(footnote["label"]) + 2] == (
            f"[{footnote['label']}]"
        )


def test_formats_page_annotations_use_w3c_selectors() -> None:
    collection = json.loads(json_blocks(FORMATS)[1])

    annotation = collection["first"]["items"][0]
    kinds = {selector["type"] for selector in annotation["target"]["selector"]}
    assert kinds == {"TextPositionSelector", "TextQuoteSelector"}
