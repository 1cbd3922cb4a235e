"""Which way up a PPG is, from the shape of its pulses.

An upright pulse wave has a narrow systolic peak over a broad base, so the
band-passed wave is positively skewed (long upper tail). Its derivative is
negatively skewed: on every real finger recording we checked (heartpy's three
records) the steepest slopes after band-passing are the fall from the
systolic peak into the notch, not the upstroke -- the textbook "fast rise,
slow fall" asymmetry survives only in the raw wave, where baseline wander
hides it. Inverting the wave (a MAX3010x raw IR value *falls* when blood
arrives) flips the sign of both skews. The score skew(y) - skew(dy/dt) is
positive for an upright record: +0.6 to +1.9 on 4 s windows of the clean parts
of heartpy's data.csv, data2.csv, data3.csv and on the simulator's shapes.
"""

from __future__ import annotations

import numpy as np
from scipy import signal

from biofeedback.config import PPG_BANDPASS_HZ

UPRIGHT = 1
INVERTED = -1


def bandpass_ba(fs_hz: float) -> tuple[np.ndarray, np.ndarray]:
    """The detector's 2nd-order Butterworth band-pass; the upper edge is capped at 0.4 fs."""
    lo, hi = PPG_BANDPASS_HZ
    hi = min(hi, 0.4 * fs_hz)
    return signal.butter(2, (lo, hi), btype="band", fs=fs_hz)


def bandpass_sos(fs_hz: float) -> np.ndarray:
    """The same band-pass as second-order sections (for zero-phase use on short windows)."""
    lo, hi = PPG_BANDPASS_HZ
    return signal.butter(2, (lo, min(hi, 0.4 * fs_hz)), btype="band", fs=fs_hz, output="sos")


def _skew(x: np.ndarray) -> float:
    x = x - x.mean()
    m2 = float(np.dot(x, x)) / x.size
    return float(np.sum(x * x * x)) / x.size / m2**1.5 if m2 > 0 else 0.0


def polarity_score(values: np.ndarray, fs_hz: float) -> float:
    """skew(band-passed wave) - skew(its derivative): > 0 upright, < 0 inverted, ~0 no pulse."""
    b, a = bandpass_ba(fs_hz)
    x = np.asarray(values, float)
    if x.size < 8:
        return 0.0
    y = signal.lfilter(b, a, x - x[0])
    y = y[min(y.size // 4, int(fs_hz)) :]  # skip the filter's start-up transient
    return _skew(y) - _skew(np.diff(y))


def estimate_polarity(values: np.ndarray, fs_hz: float) -> int:
    """``UPRIGHT`` (+1) or ``INVERTED`` (-1) for a few seconds of raw PPG."""
    return INVERTED if polarity_score(values, fs_hz) < 0.0 else UPRIGHT
