"""``biofeedback install-udev``: the one command that lets you open serial sensors on Linux."""

from __future__ import annotations

import argparse
import shlex
import sys

RULES_DIR = "/etc/udev/rules.d"


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "install-udev",
        help="print the command that installs udev rules for USB-serial sensors (Linux)",
        description="Prints the one command (run it yourself, it needs sudo) that installs the udev "
        "rules shipped with biofeedback: the logged-in user may open CP210x, CH340, PL2303, FTDI and "
        "Arduino ports, and ModemManager leaves them alone. --print-rules prints the rules instead.",
    )
    p.add_argument("--print-rules", action="store_true", help="print the rules file itself")
    p.set_defaults(func=run)


def install_command(rules_path: str) -> str:
    """Copy the rules, reload them and apply them to ports already plugged in."""
    return (f"sudo install -m 644 {shlex.quote(rules_path)} {RULES_DIR}/ && "
            "sudo udevadm control --reload-rules && sudo udevadm trigger")


def run(args: argparse.Namespace) -> int:
    from biofeedback.resources import UDEV_RULES

    if args.print_rules:
        sys.stdout.write(UDEV_RULES.read_text(encoding="utf-8"))
        return 0
    if not sys.platform.startswith("linux"):
        print("biofeedback install-udev: udev rules are for Linux. On Windows and macOS a USB-serial "
              "sensor needs its bridge's driver instead (`biofeedback ports` names it).", file=sys.stderr)
        return 2
    print("Run this once (it asks for your password), then unplug the sensor and plug it in again:")
    print()
    print(f"  {install_command(str(UDEV_RULES))}")
    print()
    print("It lets you open CP210x, CH340, PL2303, FTDI and Arduino serial ports without joining the "
          "'dialout' group, and keeps ModemManager from holding a newly plugged board for ~10 s.")
    return 0
