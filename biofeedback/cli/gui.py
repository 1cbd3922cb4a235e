"""``biofeedback gui``: the desktop app (the default when no subcommand is given)."""

from __future__ import annotations

import argparse
import sys


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("gui", help="open the desktop app (default)")
    p.add_argument("--simulate", action="store_true", help="start on the simulated sensor")
    p.add_argument("--presentation", action="store_true", help="start in presentation mode")
    p.add_argument("--quit-after", type=float, metavar="S", default=None,
                   help="quit after S seconds, printing whether the window showed, the source connected "
                   "and how many beats arrived (checks an installed app or a bundle)")
    p.add_argument("--quit-after-beats", type=int, metavar="N", default=None,
                   help="quit as soon as N beats arrived (exit status 1 if --quit-after ran out first)")
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
    if args.quit_after is not None and not args.quit_after > 0:
        print("biofeedback gui: --quit-after takes a number of seconds above 0.", file=sys.stderr)
        return 2
    if args.quit_after_beats is not None and args.quit_after_beats < 1:
        print("biofeedback gui: --quit-after-beats takes a number of beats of 1 or more.", file=sys.stderr)
        return 2
    return run_gui(simulate=args.simulate, presentation=args.presentation, quit_after_s=args.quit_after,
                   quit_after_beats=args.quit_after_beats)
