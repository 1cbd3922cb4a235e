"""Polar H10 ECG exports: Polar Sensor Logger's text files.

Polar Sensor Logger writes one line per ECG sample, semicolon separated, under
the header ``Phone timestamp;sensor timestamp [ns];timestamp [ms];ecg [uV]``:
the phone's ISO date-time, the strap's own clock in nanoseconds, milliseconds
since the first sample, and the ECG in microvolts (130 Hz on the H10). The
strap's clock is the sample clock: it is used, not the phone's arrival time.
Where it repeats (a frame's samples stamped alike), the samples are spread
evenly between the first and the last stamp.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

_SENSOR_TIME = re.compile(r"^sensor\s*timestamp\s*\[ns\]$", re.I)
_ECG = re.compile(r"^ecg\s*(\[(uv|µv)\])?$", re.I)


class PolarError(ValueError):
    """The file looks like a Polar export but cannot be read; the message is for the user."""


@dataclass(frozen=True, eq=False)
class PolarEcg:
    """ECG samples (µV) on the strap's clock (s since the first sample)."""

    t_s: np.ndarray
    value_uv: np.ndarray
    fs_hz: float


def _header_cells(head: str) -> list[str]:
    first = next((ln for ln in head.lstrip("\ufeff").splitlines() if ln.strip()), "")
    return [c.strip().strip('"') for c in first.split(";")]


def is_polar_ecg(head: str) -> bool:
    """A Polar Sensor Logger ECG export: its header names the strap's ns clock and an ECG column."""
    cells = _header_cells(head)
    return any(_SENSOR_TIME.match(c) for c in cells) and any(_ECG.match(c) for c in cells)


def read_polar_ecg(path: Path, name: str) -> PolarEcg:
    """The ECG column of a Polar Sensor Logger export, on the strap's clock."""
    import pandas as pd  # imported only for these files

    with open(path, "rb") as f:
        cells = _header_cells(f.read(4096).decode("utf-8-sig", errors="replace"))
    time_col = next(c for c in cells if _SENSOR_TIME.match(c))
    ecg_col = next(c for c in cells if _ECG.match(c))
    try:
        frame = pd.read_csv(path, sep=";", usecols=[time_col, ecg_col], encoding="utf-8-sig", engine="c",
                            dtype={time_col: "Int64"}, skipinitialspace=True)
    except (pd.errors.ParserError, ValueError, TypeError, OverflowError) as error:  # a stamp past 2**63 ns
        raise PolarError(f"{name}: the Polar ECG rows cannot be read ({error})") from None
    ns = frame[time_col].to_numpy(dtype="float64", na_value=np.nan)
    stamps = frame[time_col].dropna().to_numpy(dtype=np.int64)
    uv = pd.to_numeric(frame[ecg_col], errors="coerce").to_numpy(dtype=float)
    if stamps.size < 2 or stamps[-1] <= stamps[0]:
        raise PolarError(f"{name}: the Polar sensor timestamps never advance")
    span_s = float(stamps[-1] - stamps[0]) * 1e-9  # integer ns difference first: no float rounding of 1e18
    fs_hz = (stamps.size - 1) / span_s
    ok = np.isfinite(ns)
    t_s = np.full(ns.size, np.nan)
    t_s[ok] = (frame[time_col].dropna().to_numpy(dtype=np.int64) - stamps[0]).astype(float) * 1e-9
    steps = np.diff(t_s[ok])
    if steps.size and np.mean(steps > 0) < 0.99:  # frame stamps: spread the samples evenly
        t_s = np.arange(ns.size) / fs_hz
    return PolarEcg(t_s, uv, float(fs_hz))
