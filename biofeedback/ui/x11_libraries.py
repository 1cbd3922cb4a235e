"""Before the window opens on X11: is a system library Qt's X11 platform needs missing?

Qt 6 needs a few X11 libraries a fresh desktop may lack (Ubuntu leaves out ``libxcb-cursor0``); Qt
then prints a plugin error and aborts, and from the desktop menu nothing shows at all. Loading
Qt's xcb plugin the way Qt will, before Qt does, finds the missing library by name, so the app can
say which package to install. The bundle ships these libraries and passes; no Qt import here.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import sys
from collections.abc import Mapping
from pathlib import Path

# the libraries a desktop most often lacks -> their Debian/Ubuntu package (Fedora's in the sentence)
DEBIAN_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
}
MISSING = ("biofeedback: the window cannot open: Qt's X11 support needs the system library {library}, "
           "which is not installed. Install it once ({install}), then start biofeedback again. The "
           "headless commands (`biofeedback simulate`, `record`, `analyze`) work without it.")
# glibc's dlopen error: "libxcb-cursor.so.0: cannot open shared object file: No such file or directory"
_NOT_FOUND = re.compile(r"([^\s:/]+\.so[.\d]*): cannot open shared object file")


def uses_xcb(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether Qt will choose its X11 (xcb) platform here: asked for, or the default outside a
    Wayland session (Qt 6 picks Wayland when XDG_SESSION_TYPE says so)."""
    if not sys.platform.startswith("linux"):
        return False
    platform = environ.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if platform:
        return platform == "xcb"
    return bool(environ.get("DISPLAY")) and environ.get("XDG_SESSION_TYPE", "").lower() != "wayland"


def xcb_plugin() -> Path | None:
    """PySide6's xcb platform plugin, where a wheel or the bundle put it (None if not found)."""
    try:
        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        plugin = Path(folder) / "Qt" / "plugins" / "platforms" / "libqxcb.so"
        if plugin.is_file():
            return plugin
    return None


def install_hint(library: str) -> str:
    package = DEBIAN_PACKAGES.get(library)
    if package is None:
        return f"the package that provides {library}"
    fedora = "xcb-util-cursor" if library == "libxcb-cursor.so.0" else None
    return f"Debian/Ubuntu: sudo apt install {package}" + (f"; Fedora: sudo dnf install {fedora}" if fedora else "")


def missing_library_message(environ: Mapping[str, str] = os.environ) -> str | None:
    """The sentence to print when Qt's X11 plugin cannot load for a missing library, else None (not
    X11, the plugin not found, or it loads)."""
    if not uses_xcb(environ):
        return None
    plugin = xcb_plugin()
    if plugin is None:
        return None
    try:
        ctypes.CDLL(str(plugin))  # what Qt's plugin loader does; Qt reuses the libraries it loaded
    except OSError as error:
        found = _NOT_FOUND.search(str(error))
        if found is None:
            return None  # some other failure: Qt will say what it is
        return MISSING.format(library=found.group(1), install=install_hint(found.group(1)))
    return None
