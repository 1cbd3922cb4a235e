"""The ``biofeedback`` command: the app by default, headless tools as subcommands."""

from __future__ import annotations

import argparse
import importlib
import sys

# subcommand -> module with add_parser(subparsers); imported lazily where heavy (Qt)
SUBCOMMANDS = (
    "gui", "analyze", "simulate", "record", "ports", "replay", "sessions", "export", "assess", "coach",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="biofeedback",
        description="Breathing biofeedback with live heart-rate variability. "
        "Not a medical device. Without a subcommand, opens the app.",
    )
    subparsers = parser.add_subparsers(dest="command")
    for name in SUBCOMMANDS:
        try:
            module = importlib.import_module(f"biofeedback.cli.{name}")
        except ModuleNotFoundError as error:
            if error.name != f"biofeedback.cli.{name}":
                raise
            continue
        module.add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["gui", *argv]
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
