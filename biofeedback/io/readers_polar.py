"""Polar H10 ECG exports: Polar Sensor Logger's text files.

Polar Sensor Logger writes one line per ECG sample, semicolon separated, under
the header ``Phone timestamp;sensor timestamp [ns];timestamp [ms];ecg [uV]``:
the phone's ISO date-time, the strap's own clock in nanoseconds, milliseconds
since the first sample, and the ECG in microvolts (130 Hz on the H10). The
strap's clock is the sample clock: it is used, not the phone's arrival time.
Where it repeats (a frame's samples stamped alike), the stamp is the frame's
last sample's, as the strap sends it (core/protocols/polar_pmd.py): the
samples are laid out between the frames' stamps, and a frame stamped much later
than its samples cover (the strap out of reach) leaves a hole in the time, read
as a gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from biofeedback.core.protocols.polar_pmd import SensorTimeline
from biofeedback.io.readers_table import _head_and_source

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


def read_polar_ecg(data: bytes | Path, name: str) -> PolarEcg:
    """The ECG column of a Polar Sensor Logger export (its bytes, or its path), on the strap's clock."""
    import pandas as pd  # imported only for these files

    head, source, _ = _head_and_source(data)
    cells = _header_cells(head)
    time_col = next(c for c in cells if _SENSOR_TIME.match(c))
    ecg_col = next(c for c in cells if _ECG.match(c))
    try:
        frame = pd.read_csv(source, sep=";", usecols=[time_col, ecg_col], encoding="utf-8-sig", engine="c",
                            dtype={time_col: "Int64"}, skipinitialspace=True)
    except (pd.errors.ParserError, ValueError, TypeError, OverflowError) as error:  # a stamp past 2**63 ns
        raise PolarError(f"{name}: the Polar ECG rows cannot be read ({error})") from None
    ok = frame[time_col].notna().to_numpy()
    stamps = frame[time_col].dropna().to_numpy(dtype=np.int64)
    uv = pd.to_numeric(frame[ecg_col], errors="coerce").to_numpy(dtype=float)
    if stamps.size < 2 or stamps[-1] <= stamps[0]:
        raise PolarError(f"{name}: the Polar sensor timestamps never advance")
    after_first_ns = stamps - stamps[0]  # integer ns difference first: no float rounding of 1e18
    steps = np.diff(after_first_ns)
    t_s = np.full(ok.size, np.nan)
    if np.mean(steps > 0) >= 0.99:  # a stamp per sample
        t_s[ok] = after_first_ns.astype(float) * 1e-9
        fs_hz = 1e9 / float(np.median(steps[steps > 0]))
    else:
        t_s[ok], fs_hz = _frame_sample_times(after_first_ns)
    return PolarEcg(t_s, uv, fs_hz)


def _frame_sample_times(stamps_ns: np.ndarray) -> tuple[np.ndarray, float]:
    """Times (s) of samples stamped per frame with the frame's last sample's time, and the sample rate.

    The rate is the strap's own: the median of samples per frame over the time
    since the frame before. Between frames the samples are spaced evenly; a
    frame stamped later than its samples can cover is laid out back from its
    stamp, so the time jumps over the frames lost (core/protocols/polar_pmd.py).
    """
    starts = np.flatnonzero(np.r_[True, stamps_ns[1:] != stamps_ns[:-1]])
    sizes = np.diff(np.r_[starts, stamps_ns.size])
    last_ns = stamps_ns[starts]
    steps_ns = np.diff(last_ns)
    forward = steps_ns > 0
    fs_hz = float(np.median(sizes[1:][forward] / (steps_ns[forward] * 1e-9)))
    timeline = SensorTimeline(fs_hz)
    t_s = np.concatenate([timeline.push(int(t), int(n))[0] for t, n in zip(last_ns, sizes, strict=True)])
    return t_s - t_s[0], fs_hz
