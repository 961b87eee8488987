"""The gui command's options that choose what a screenshot shows."""

from __future__ import annotations

import argparse

import pytest

from archivist.cli import build_parser
from archivist.cli.gui import window_size


def test_window_size_reads_width_by_height() -> None:
    assert window_size("1280x800") == (1280, 800)


@pytest.mark.parametrize("text", ["1280", "x800", "wide", "1280x800x2"])
def test_window_size_refuses_anything_else(text: str) -> None:
    with pytest.raises(argparse.ArgumentTypeError):
        window_size(text)


def test_staging_options_parse() -> None:
    staging = ["--show-highlight", "2", "--show-footnote", "3", "--show-dossier", "1"]

    args = build_parser().parse_args(["gui", "--size", "900x600", "--tab", "dossiers", *staging])

    assert (args.size, args.tab, args.show_highlight) == ((900, 600), "dossiers", 2)
    assert (args.show_footnote, args.show_dossier) == ("3", 1)


def test_unknown_tab_is_a_usage_error() -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["gui", "--tab", "settings"])
