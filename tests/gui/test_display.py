"""On a bare desktop, the missing X11 libraries are named before Qt starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from archivist.gui import display
from factories import run_cli

XCB = {"QT_QPA_PLATFORM": "xcb"}


def without(*names: str) -> display.Loader:
    return lambda name: name not in names and not name.endswith("libqxcb.so")


@pytest.mark.parametrize(
    "environ",
    [
        {"QT_QPA_PLATFORM": "offscreen"},
        {"QT_QPA_PLATFORM": "wayland"},
        {"QT_QPA_PLATFORM": "wayland;xcb"},
        {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0"},
    ],
)
def test_nothing_is_checked_when_the_platform_is_not_xcb(environ: dict[str, str]) -> None:
    assert display.missing_libraries(environ, load=without("libxcb-cursor.so.0")) == []


def test_other_systems_are_not_checked() -> None:
    assert display.missing_libraries(XCB, system="darwin", load=lambda _n: False) == []


def test_a_missing_cursor_library_names_both_packages_in_one_line() -> None:
    hint = display.check_display(XCB, load=without("libxcb-cursor.so.0", "libxcb-icccm.so.4"))
    assert hint is not None and "\n" not in hint
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in hint
    assert "sudo dnf install xcb-util-cursor xcb-util-wm" in hint
    assert "libxcb-cursor.so.0" in hint


def test_an_x11_session_without_qt_platform_set_is_checked() -> None:
    missing = display.missing_libraries({"DISPLAY": ":0"}, load=without("libxkbcommon-x11.so.0"))
    assert missing == ["libxkbcommon-x11.so.0"]


def test_nothing_is_reported_when_the_plugin_itself_loads(tmp_path: Path) -> None:
    plugin = tmp_path / "libqxcb.so"
    loads = lambda name: name == str(plugin)  # noqa: E731 - only the plugin loads
    assert display.missing_libraries(XCB, load=loads, plugin=plugin) == []


def test_a_complete_system_reports_nothing() -> None:
    assert display.check_display(XCB, load=lambda _n: True) is None


def test_this_machine_has_what_the_plugin_needs() -> None:
    assert display.missing_libraries(XCB) == []


def test_the_app_stops_with_the_hint_instead_of_starting_qt(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setattr(display, "can_load", without("libxcb-cursor.so.0"))
    status, out, err = run_cli("--archive", str(tmp_path / "a.sqlite3"), "gui")
    assert status == 1 and out == ""
    assert err.count("\n") == 1 and "libxcb-cursor0" in err and "xcb-util-cursor" in err
