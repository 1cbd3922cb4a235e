"""``biofeedback gui``: the desktop app (the default when no subcommand is given)."""

from __future__ import annotations

import argparse
import sys


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("gui", help="open the desktop app (default)")
    p.add_argument("--simulate", action="store_true", help="start on the simulated sensor")
    p.add_argument("--presentation", action="store_true", help="start in presentation mode")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from biofeedback.ui.app_main import display_available, run_gui

    if not display_available():
        print(
            "biofeedback: no display found, so the window cannot open. "
            "Headless commands work without one: `biofeedback simulate`, "
            "`biofeedback record`, `biofeedback analyze` (see --help).",
            file=sys.stderr,
        )
        return 2
    return run_gui(simulate=args.simulate, presentation=args.presentation)
