"""A unit that changes inside a column (seconds, then milliseconds): found, never half-read.

A file pasted together from two exports can hold intervals in seconds up to
some line and in milliseconds after it, or a time column that switches from
s to ms. Read with one unit, one half becomes impossible values and is
dropped as gaps: half the record lost behind an exit status of 0. These
checks find such a change (config.FILE_UNIT_CHANGE_MIN_ROWS rows in a row
that read 1000 times larger or smaller than the rest) so the reader can
refuse the file with the line where the unit changes. Vectorised.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from biofeedback import config

UNIT_NAMES = ("seconds", "milliseconds", "microseconds")  # intervals: class k is 1000**k times smaller than s
_FACTOR_SLACK = 3.0  # a step within this factor of 1000x the typical one reads as another unit


@dataclass(frozen=True)
class UnitChange:
    """Where a column's unit first changes for good, and what it changes between."""

    row: int  # 0-based data row: the first that reads in the other unit
    unit_before: str  # "seconds", "milliseconds", "microseconds" for intervals; "" for a time column
    unit_after: str
    value_before: float  # an interval, or a time step, of each side
    value_after: float
    rows_other: int  # rows outside the column's main unit: what reading it in one unit loses
    rows: int  # rows that read in some unit
    changes: int  # how many times the unit changes in the column


def _change(rows: np.ndarray, cls: np.ndarray, values: np.ndarray, names: tuple[str, ...]) -> UnitChange | None:
    """The first lasting change of class in ``cls`` (classes 0.. of ``rows``), if there is one.

    A run lasts when it holds config.FILE_UNIT_CHANGE_MIN_ROWS rows or more; a
    single odd value (a glitch, a gap) is no change of unit.
    """
    min_rows = config.FILE_UNIT_CHANGE_MIN_ROWS
    if cls.size < 2 * min_rows:
        return None
    edges = np.flatnonzero(np.diff(cls)) + 1
    starts = np.concatenate([[0], edges])
    lengths = np.diff(np.concatenate([starts, [cls.size]]))
    lasting = lengths >= min_rows
    long_starts, long_classes = starts[lasting], cls[starts[lasting]]
    differs = np.flatnonzero(long_classes[1:] != long_classes[:-1]) + 1
    if differs.size == 0:
        return None
    first = int(differs[0])
    i_before, i_after = int(long_starts[first - 1]), int(long_starts[first])
    counts = np.bincount(cls)
    return UnitChange(row=int(rows[i_after]), unit_before=names[int(cls[i_before])],
                      unit_after=names[int(cls[i_after])], value_before=float(values[i_before]),
                      value_after=float(values[i_after]), rows_other=int(cls.size - counts.max()),
                      rows=int(cls.size), changes=int(differs.size))


def interval_unit_change(values: np.ndarray) -> UnitChange | None:
    """Intervals (as written in the file) in s for a lasting run and in ms (or µs) for another.

    A value reads as seconds, ms or µs when it is a plausible heart interval
    (config.RR_MIN_MS..RR_MAX_MS) in that unit; values none of these fit
    (glitches, gaps) take no part.
    """
    v = np.asarray(values, dtype=float)
    rows = np.flatnonzero(np.isfinite(v) & (v > 0))
    if rows.size < 2 * config.FILE_UNIT_CHANGE_MIN_ROWS:
        return None
    x = v[rows]
    cls = np.full(x.size, -1)
    for k in range(len(UNIT_NAMES)):
        with np.errstate(over="ignore"):
            as_ms = x * 1000.0 ** (1 - k)
        cls[(as_ms >= config.RR_MIN_MS) & (as_ms <= config.RR_MAX_MS)] = k
    keep = cls >= 0
    return _change(rows[keep], cls[keep], x[keep], UNIT_NAMES)


def time_unit_change(t: np.ndarray) -> UnitChange | None:
    """A time column whose steps grow or shrink 1000-fold for a lasting run (s and ms mixed).

    Each forward step is compared with the column's median step: within a
    factor _FACTOR_SLACK of 1/1000, 1 or 1000 times it, it reads as a smaller
    unit, the same one or a larger one. Zero and backward steps (a coarse
    clock, a restart) and single jumps (a gap) take no part.
    """
    t = np.asarray(t, dtype=float)
    rows = np.flatnonzero(np.isfinite(t))
    if rows.size <= 2 * config.FILE_UNIT_CHANGE_MIN_ROWS:
        return None
    steps = np.diff(t[rows])
    step_rows = rows[1:]  # a step belongs to the row it leads to
    forward = steps > 0
    if np.count_nonzero(forward) < 2 * config.FILE_UNIT_CHANGE_MIN_ROWS:
        return None
    with np.errstate(divide="ignore", invalid="ignore"):
        decades = np.log10(steps / float(np.median(steps[forward])))
    cls = np.full(steps.size, -1)
    for k in (0, 1, 2):  # 1000x smaller, the same, 1000x larger
        cls[forward & (np.abs(decades - 3 * (k - 1)) < np.log10(_FACTOR_SLACK))] = k
    keep = cls >= 0
    change = _change(step_rows[keep], cls[keep], steps[keep], ("", "", ""))
    if change is None:
        return None
    # the step into the new unit spans the change (60 s, then 60010 ms: a jump, or back in time):
    # the row it leads to is the first in the new unit
    at = int(np.searchsorted(step_rows, change.row))
    if at > 0 and not keep[at - 1]:
        change = dataclasses.replace(change, row=int(step_rows[at - 1]))
    return change


def line_of_row(path: Path, row: int, header: bool) -> int | None:
    """The 1-based line of data row ``row`` in a text table (blank and # lines skipped, as the parsers do).

    None for a file that is not text (.npy). Streams the file: called only for an error message.
    """
    if path.suffix.lower() == ".npy":
        return None
    wanted = row + int(header)
    seen = 0
    with open(path, "rb") as f:
        for number, raw in enumerate(f, start=1):
            stripped = raw.strip()
            if number == 1:
                stripped = stripped.removeprefix(b"\xef\xbb\xbf")
            if not stripped or stripped.startswith(b"#"):
                continue
            if seen == wanted:
                return number
            seen += 1
    return None
