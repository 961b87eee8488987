"""Before Qt starts: name the system libraries its X11 (xcb) platform plugin lacks.

On a minimal Linux desktop Qt stops with "could not load the Qt platform plugin xcb" and a list
of plugins, never saying which library is missing. This module imports no Qt (Qt's own
libraries may be the ones missing): it tries each library the plugin needs and, if some are
missing, gives one line naming the packages that provide them.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
}
"""Each library Qt's xcb plugin and Qt's GUI libraries load, and the Debian/Ubuntu and Fedora
packages that provide it (as listed by ``readelf -d`` on PySide6's libqxcb.so and libQt6Gui)."""

Loader = Callable[[str], bool]


def can_load(name: str) -> bool:
    """Whether the dynamic linker finds and loads the library ``name``."""
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def platform_is_xcb(environ: Mapping[str, str], system: str = sys.platform) -> bool:
    """Whether Qt will use its X11 (xcb) platform plugin: not offscreen, not Wayland."""
    if not system.startswith("linux"):
        return False
    requested = environ.get("QT_QPA_PLATFORM", "").strip()
    if requested:
        return requested.split(";")[0].split(":")[0].strip() == "xcb"
    wayland = environ.get("XDG_SESSION_TYPE") == "wayland" or environ.get("WAYLAND_DISPLAY")
    return not wayland


def xcb_plugin() -> Path | None:
    """PySide6's xcb platform plugin file, if PySide6 is installed the usual way."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    plugin = Path(spec.origin).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None


def missing_libraries(
    environ: Mapping[str, str] | None = None,
    *,
    system: str = sys.platform,
    load: Loader | None = None,
    plugin: Path | None = None,
) -> list[str]:
    """The libraries the xcb plugin needs that cannot be loaded (none when xcb is not used).

    A library found only through the plugin's own search path is not missing: when some
    look missing, the plugin itself is loaded, and if that works nothing is reported.
    """
    env = os.environ if environ is None else environ
    if not platform_is_xcb(env, system):
        return []
    loads = load or can_load
    missing = [name for name in PACKAGES if not loads(name)]
    if missing:
        found = plugin if plugin is not None else xcb_plugin()
        if found is not None and loads(str(found)):
            return []
    return missing


def install_hint(missing: list[str]) -> str:
    """One line naming the missing libraries and the packages to install, per distribution."""
    debian = sorted({PACKAGES[name][0] for name in missing if name in PACKAGES})
    fedora = sorted({PACKAGES[name][1] for name in missing if name in PACKAGES})
    return (
        f"archivist: the desktop app needs system libraries that are missing "
        f"({', '.join(missing)}); install them with "
        f"'sudo apt install {' '.join(debian)}' (Debian, Ubuntu) or "
        f"'sudo dnf install {' '.join(fedora)}' (Fedora)"
    )


def check_display(
    environ: Mapping[str, str] | None = None, *, load: Loader | None = None
) -> str | None:
    """The line to print instead of starting Qt, or None when the app can start."""
    missing = missing_libraries(environ, load=load)
    return install_hint(missing) if missing else None
