"""Argument types shared by the subcommands: a bad value is argparse's one-line error, exit 2."""

from __future__ import annotations

import argparse
from collections.abc import Callable


def whole_number_from_one(unit: str = "") -> Callable[[str], int]:
    """A type for counts such as ``--limit N`` or ``--weeks N``: 1 or more (0 or below said nothing
    true: ``sessions --limit 0`` printed "No sessions yet" over a full store)."""
    of = f" {unit}" if unit else ""

    def parse(text: str) -> int:
        try:
            n = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number{' of' + of if unit else ''}") from None
        if n < 1:
            raise argparse.ArgumentTypeError(f"{n}{of}: give 1 or more")
        return n

    return parse
