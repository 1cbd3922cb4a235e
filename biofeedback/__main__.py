"""The ``biofeedback`` command: the app by default, headless tools as subcommands."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

# subcommand -> module with add_parser(subparsers); imported lazily where heavy (Qt)
SUBCOMMANDS = (
    "gui", "analyze", "simulate", "record", "ports", "replay", "sessions", "export", "progress", "plan", "reminders", "assess", "coach",
    "install_desktop", "install_udev",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="biofeedback",
        description="Breathing biofeedback with live heart-rate variability. "
        "Not a medical device. Without a subcommand, opens the app.",
    )
    from biofeedback import __version__

    parser.add_argument("--version", action="version", version=f"biofeedback {__version__}")
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


def show_input_warnings(command: str) -> Callable:
    """A reader's ``InputWarning`` (a damaged file that was still read, io/stream_checks.py) is one
    line on stderr named by the command, not Python's file:line warning format. Returns the hook it
    replaced (``main`` puts it back: a command called in-process leaves the caller's as it was)."""
    import warnings

    default = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None) -> None:
        if category.__name__ == "InputWarning":  # by name: its module imports NumPy
            print(f"biofeedback {command}: warning: {message}", file=sys.stderr, flush=True)
        else:
            default(message, category, filename, lineno, file, line)

    warnings.showwarning = show
    return default


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help", "--version"):
        argv = ["gui", *argv]
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help()
        return 2
    previous_hook = show_input_warnings(args.command)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return reader_gone()
    finally:
        import warnings

        warnings.showwarning = previous_hook


def reader_gone() -> int:
    """What we print went to a pipe whose reader has stopped (``progress --json | head``): what is left
    goes nowhere, with no traceback, and the exit status says the output was cut, as SIGPIPE's would."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # the interpreter's last flush must not fail again
    except (OSError, ValueError):
        pass
    return 141


def gui_main() -> int:
    """The ``biofeedback-gui`` entry (``[project.gui-scripts]``): the app with no console window on
    Windows, where pythonw gives no stdout/stderr, so what would be printed goes nowhere instead of
    failing."""
    import os

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))
    return main()


if __name__ == "__main__":
    sys.exit(main())
