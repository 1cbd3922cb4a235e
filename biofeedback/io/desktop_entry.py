"""The app in a Linux desktop's menu for one user, no root: a freedesktop desktop entry in
``$XDG_DATA_HOME/applications`` and the icon in the user's hicolor theme (Desktop Entry
Specification 1.4, Icon Theme Specification). Only files this module writes are ever removed.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from biofeedback.resources import APP_ID, DESKTOP_TEMPLATE, ICON_SIZES_PX, ICON_SVG, icon_png

# characters that make an Exec argument need quoting, and those escaped inside the quotes
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")
_EXEC_ESCAPED = ("\\", '"', "`", "$")


def data_home(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` when it is unset or not absolute (as the spec says)."""
    env = os.environ if environ is None else environ
    value = env.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path.home() / ".local" / "share"


def launch_command() -> list[str]:
    """How the menu starts this very installation: the bundle's executable, the ``biofeedback-gui``
    script beside the interpreter (pipx, a venv), else the interpreter with ``-m biofeedback``."""
    if getattr(sys, "frozen", False):
        return [sys.executable]
    script = Path(sys.executable).parent / "biofeedback-gui"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "biofeedback"]


def quote_exec_arg(arg: str) -> str:
    """One Exec argument as the spec wants it: quoted when it holds a reserved character, with
    backslash, quote, backtick and dollar escaped inside the quotes; a literal % doubled. Then the
    value's own escape (a backslash as ``\\\\``), since Exec is a string value too."""
    arg = arg.replace("%", "%%")
    if arg and not (set(arg) & _EXEC_RESERVED):
        return arg
    for char in _EXEC_ESCAPED:
        arg = arg.replace(char, "\\" + char)
    return ('"' + arg + '"').replace("\\", "\\\\")


def entry_text(command: list[str]) -> str:
    """The desktop entry for ``command`` (TryExec hides it once that program is uninstalled)."""
    template = DESKTOP_TEMPLATE.read_text(encoding="utf-8")
    exec_line = " ".join(quote_exec_arg(arg) for arg in command)
    return template.replace("@EXEC@", exec_line).replace("@TRYEXEC@", quote_exec_arg(command[0]).strip('"'))


def installed_paths(home: Path) -> list[Path]:
    """Every file ``install`` writes under ``home`` (an XDG data folder)."""
    icons = home / "icons" / "hicolor"
    return ([home / "applications" / f"{APP_ID}.desktop"]
            + [icons / f"{s}x{s}" / "apps" / f"{APP_ID}.png" for s in ICON_SIZES_PX]
            + [icons / "scalable" / "apps" / f"{APP_ID}.svg"])


def install(home: Path, command: list[str]) -> list[Path]:
    """Write the entry and the icons under ``home``; returns the paths written."""
    entry, *pngs, svg = installed_paths(home)
    for size_px, path in zip(ICON_SIZES_PX, pngs, strict=True):
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(icon_png(size_px), path)
    svg.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ICON_SVG, svg)
    entry.parent.mkdir(parents=True, exist_ok=True)
    tmp = entry.with_name(f".{entry.name}.tmp")
    tmp.write_text(entry_text(command), encoding="utf-8")
    os.replace(tmp, entry)  # a menu that rescans on change never reads half an entry
    _touch(home / "icons" / "hicolor")  # icon caches compare the theme folder's time
    return [entry, *pngs, svg]


def remove(home: Path) -> list[Path]:
    """Delete what ``install`` wrote under ``home``; returns the paths that were there."""
    removed = []
    for path in installed_paths(home):
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        removed.append(path)
    if removed:
        _touch(home / "icons" / "hicolor")
    return removed


def _touch(folder: Path) -> None:
    if folder.is_dir():
        os.utime(folder)
