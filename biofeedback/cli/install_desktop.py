"""``biofeedback install-desktop [--remove]``: put the app in this user's desktop menu (Linux)."""

from __future__ import annotations

import argparse
import sys


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "install-desktop",
        help="add the app with its icon to your desktop's menu (Linux, no root needed)",
        description="Writes a desktop entry to $XDG_DATA_HOME/applications (~/.local/share/applications) "
        "and the icon to your hicolor icon theme, so the app is in the menu. It starts this "
        "installation of biofeedback. --remove takes both away again.",
    )
    p.add_argument("--remove", action="store_true", help="remove the entry and icons instead")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from biofeedback.io.desktop_entry import (
        data_home,
        install,
        installed_paths,
        launch_command,
        remove,
    )

    if not sys.platform.startswith("linux") and not args.remove:
        print("biofeedback install-desktop: desktop entries are for Linux desktops. On Windows and "
              "macOS, install the app bundle (see the README).", file=sys.stderr)
        return 2
    home = data_home()
    try:
        if args.remove:
            removed = remove(home)
            if not removed:
                print(f"Nothing to remove: no biofeedback desktop entry under {home}.")
            else:
                print(f"Removed the desktop entry and icons ({len(removed)} files) from {home}.")
            return 0
        command = launch_command()
        written = install(home, command)
    except OSError as error:
        print(f"biofeedback install-desktop: could not write under {home}: {error}", file=sys.stderr)
        return 1
    entry = installed_paths(home)[0]
    print(f"Installed {entry}")
    print(f"  and {len(written) - 1} icon files under {home / 'icons' / 'hicolor'}")
    print(f"  it starts: {' '.join(command)}")
    print("biofeedback is in your desktop's menu (some desktops show it after a new login). "
          "`biofeedback install-desktop --remove` takes it away.")
    return 0
