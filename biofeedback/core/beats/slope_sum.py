"""The beat detector's filter front end: low-pass, slope-sum function, pulse period.

After wabp/qppg (Zong et al. 2003; Vest et al. 2018): the raw wave is
low-passed only (a high-pass would turn the trough after each systolic peak
into a false upstroke), and the slope-sum function SSF is the sum of its
positive first differences over ``BEAT_SSF_WINDOW_S``. The slopes are scaled
so that the learning window's steepest one maps to ``2**SLOPE_BITS`` and
summed as int64: a difference of running sums is then exact under any
chunking of the same samples (``beats`` relies on that for chunk invariance).
The period of the recent low-passed wave (autocorrelation, ``ppg_rhythm``)
is the detector's expected interval.
"""

from __future__ import annotations

import numpy as np
from scipy import signal

from biofeedback.config import BEAT_INITIAL_THRESHOLD_SHARE, PPG_BANDPASS_HZ
from biofeedback.core.beats.polarity import bandpass_sos
from biofeedback.core.beats.rhythm import dominant_period_s
from biofeedback.core.shortcuts import clip_ufunc, fast_sosfilt

SLOPE_BITS = 30  # the learning window's steepest slope maps to 2**30 (int64 sums stay exact)
_SLOPE_CAP = 2.0**40  # a slope far steeper than any learnt one is capped (no int64 overflow)
_PERIOD_FS_HZ = 50.0  # the period estimate runs on the wave decimated to about this rate


def first_true(mask: np.ndarray) -> int:
    """Index of the first True in a 1-D boolean array, or -1 when there is none.

    ``argmax`` stops at the first True; ``np.flatnonzero`` lists every one and
    costs a few microseconds of Python per call, which the detector makes
    several times per 0.1 s of samples.
    """
    if not mask.size:
        return -1
    k = int(mask.argmax())
    return k if mask[k] else -1


def lowpass_ba(fs_hz: float) -> tuple[np.ndarray, np.ndarray]:
    """2nd-order Butterworth low-pass at the band-pass's upper edge (capped at 0.4 fs)."""
    return signal.butter(2, min(PPG_BANDPASS_HZ[1], 0.4 * fs_hz), fs=fs_hz)


def initial_threshold(ssf: np.ndarray) -> float:
    """First onset threshold: ``BEAT_INITIAL_THRESHOLD_SHARE`` of the SSF's 97th percentile (>= 1)."""
    if ssf.size == 0:
        return 1.0
    return max(BEAT_INITIAL_THRESHOLD_SHARE * float(np.percentile(ssf, 97)), 1.0)


def learn_slope_scale(z: np.ndarray, window: int) -> tuple[float, float]:
    """Slope gain and first threshold from a learning window's low-passed wave ``z``.

    ``window`` is the slope-sum window in samples.
    """
    steepest = float(np.max(np.abs(np.diff(z)))) if z.size > 1 else 0.0
    gain = 2.0**SLOPE_BITS / steepest if steepest > 0 else 1.0
    u = np.maximum(np.diff(z), 0.0) * gain
    cs = np.cumsum(np.minimum(u, _SLOPE_CAP).astype(np.int64))
    ssf = cs[window:] - cs[:-window] if cs.size > window else cs
    return gain, initial_threshold(ssf)


def extend_slope_sum(
    y: np.ndarray, cs: np.ndarray, ssf: np.ndarray, p: int, m: int, gain: float, window: int,
    start: int,
) -> None:
    """Fill ``cs`` (running int64 slope sum) and ``ssf`` at [p, p + m) from the low-passed ``y``.

    ``y[p - 1]`` and ``cs[p - 1]`` must hold the previous sample (at a stream's
    ``start``: the steady state and 0); before ``start + window`` the sum
    starts at the stream start. ``m`` >= 1.
    """
    end = p + m
    d = np.subtract(y[p:end], y[p - 1 : end - 1])
    np.multiply(d, gain, d)  # (gain > 0: a negative slope stays negative, and the clip makes it 0 as max(d, 0) did)
    # clipped in place, then truncated to int64 as astype does: every NumPy call here costs a few
    # microseconds of dispatch (this runs every 0.1 s of samples), a float-to-int clip's output
    # casting, or an int-to-float subtraction's, more than a plain call and an assignment
    clip_ufunc(d, 0.0, _SLOPE_CAP, d)
    cs[p:end] = d
    # the running sum goes on from cs[p - 1] (integers: exact, whatever the grouping)
    run = cs[p - 1 : end]
    np.add.accumulate(run, out=run)
    lo = p - window
    if lo >= start - 1:
        ssf[p:end] = np.subtract(cs[p:end], cs[lo : lo + m])  # (int64 differences, stored as float64)
    else:  # the stream's first window: the sum starts at the stream start
        ssf[p:end] = cs[p:end] - cs[np.maximum(np.arange(lo, lo + m), start - 1)]


class PeriodEstimator:
    """Pulse period of a stretch of the low-passed wave (decimated, band-passed, autocorrelation)."""

    def __init__(self, fs_hz: float):
        self.decim = max(1, int(fs_hz // _PERIOD_FS_HZ))
        self.fs_hz = fs_hz / self.decim
        self._sos = bandpass_sos(self.fs_hz)

    def period_s(self, z: np.ndarray) -> float | None:
        """The period in seconds, or None for too short a stretch or no clear rhythm."""
        zd = z[:: self.decim]
        if zd.size < 16:
            return None
        fs = self.fs_hz
        yd = fast_sosfilt(self._sos, zd - zd[0])[int(fs) :]  # skip the start transient
        return dominant_period_s(yd, fs)
