"""Breaths counted on a breath curve, and the breathing phase from the counted landmarks.

Part of the breathing estimate (``core.breathing.respiration``): Schaefer & Kratky's
"count-orig" breath detection (2008), which Charlton et al. (2016) found among
the most accurate ways to get a rate from a respiratory signal, turned into a
continuous phase (troughs = start of inhale, peaks = end of inhale), and the
least-squares sinusoid phase at the end of a curve.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

import numpy as np
from scipy import signal

from biofeedback import config
from biofeedback.core.shortcuts import (
    fast_std,
    local_maxima,
    median_of_list,
    sosfilt_with_state,
)


@lru_cache(maxsize=16)
def band_sos(band_hz: tuple[float, float], fs_hz: float) -> np.ndarray:
    """A 2nd-order Butterworth band-pass, designed once per band and rate (a design costs ~2 ms).

    Shared: callers must not change it (SciPy's filters only read it, but want it writeable)."""
    return signal.butter(2, band_hz, btype="band", fs=fs_hz, output="sos")


@lru_cache(maxsize=16)
def _band_zi(band_hz: tuple[float, float], fs_hz: float) -> np.ndarray:
    """``sosfilt_zi`` of :func:`band_sos` (it solves a linear system per call: ~half a ``sosfiltfilt``)."""
    return signal.sosfilt_zi(band_sos(band_hz, fs_hz))


def band_filtfilt(band_hz: tuple[float, float], fs_hz: float, x: np.ndarray) -> np.ndarray:
    """``scipy.signal.sosfiltfilt(band_sos(band_hz, fs_hz), x)`` (odd padding, default length), same numbers.

    Written out so the initial conditions are worked out once per band and rate, not on every
    call: the breathing estimate band-passes a curve every second, and simulated assessments
    and analyses do so thousands of times.
    """
    sos, zi = band_sos(band_hz, fs_hz), _band_zi(band_hz, fs_hz)
    ntaps = 2 * sos.shape[0] + 1 - min(int((sos[:, 2] == 0).sum()), int((sos[:, 5] == 0).sum()))
    n = 3 * ntaps
    if x.size <= n:  # as sosfiltfilt: too short for the padding
        return signal.sosfiltfilt(sos, x)
    ext = np.concatenate((2 * x[0] - x[n:0:-1], x, 2 * x[-1] - x[-2:-(n + 2):-1]))
    y = sosfilt_with_state(sos, ext, zi * ext[0])[0]
    y = sosfilt_with_state(sos, y[::-1], zi * y[-1])[0]
    return y[::-1][n:-n]


def count_breaths(curve: np.ndarray, fs_hz: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Breath peaks and troughs by counting (Schaefer & Kratky 2008 "count-orig"; Charlton 2016).

    The curve is band-passed (RESP_COUNT_BAND_HZ, zero phase); local maxima
    above +h are breath peaks, local minima below -h troughs (h =
    RESP_COUNT_HYSTERESIS_SD x the curve's sd: Schaefer & Kratky's 0.2 x third
    quartile of the maxima missed shallow breaths next to deep ones); two peaks with no trough between
    them are one breath (the lower is dropped), and between two peaks only the
    deepest trough is kept. Returns (peak indices, trough indices, filtered curve).
    """
    none = np.zeros(0, int)
    if curve.size < 16:
        return none, none, curve
    x = band_filtfilt(config.RESP_COUNT_BAND_HZ, fs_hz, curve - float(np.add.reduce(curve)) / curve.size)  # - mean
    peaks = local_maxima(x)  # scipy.signal.find_peaks(x) without conditions
    troughs = local_maxima(-x)
    if peaks.size < 1 or troughs.size < 1:
        return none, none, x
    h = config.RESP_COUNT_HYSTERESIS_SD * fast_std(x)
    peaks = peaks[x[peaks] > h]
    troughs = troughs[x[troughs] < -h]
    # troughs strictly between two indices a < b: troughs[bisect_right(a):bisect_left(b)] (sorted)
    sorted_troughs = troughs.tolist()
    kept: list[int] = []
    for pk in peaks.tolist():
        if kept and bisect_left(sorted_troughs, pk) <= bisect_right(sorted_troughs, kept[-1]):
            if x[pk] > x[kept[-1]]:  # no trough since the last peak: one breath, the higher peak
                kept[-1] = pk
            continue
        kept.append(pk)
    bounds = [-1, *kept, x.size]
    deepest = []
    for a, b in zip(bounds[:-1], bounds[1:], strict=True):
        inside = troughs[bisect_right(sorted_troughs, a):bisect_left(sorted_troughs, b)]
        if inside.size:
            deepest.append(int(inside[x[inside].argmin()]))
    return np.array(kept, int), np.array(deepest, int), x


def breath_phase_track(
    peaks: np.ndarray, troughs: np.ndarray, covered: np.ndarray, n: int
) -> np.ndarray | None:
    """Unwrapped breathing phase (cycles) on the grid from breath landmarks.

    Troughs (lung volume minima, start of inhale) are whole cycles, peaks (end
    of inhale) half cycles; the phase is linear in time between landmarks and
    carried on at the nearest half-cycles' pace before the first and after the
    last. Landmarks in gaps are not used; a stretch between two landmarks
    that spans a gap and lasts much longer than a typical half-cycle gets the
    whole breaths it must have hidden. None with fewer than 3 landmarks.
    """
    cov = covered.tolist()
    marks = sorted([(i, 0.0) for i in troughs.tolist() if cov[i]]
                   + [(i, 0.5) for i in peaks.tolist() if cov[i]])
    # keep alternation (a peak between two troughs and the other way round)
    alt: list[tuple[int, float]] = []
    for m in marks:
        if alt and alt[-1][1] == m[1]:
            continue
        alt.append(m)
    if len(alt) < 3:
        return None
    idx = np.array([m[0] for m in alt], float)
    d = np.diff(idx)
    d_list = d.tolist()
    half = median_of_list(d_list)
    phase = [alt[0][1]]
    for k, dk in enumerate(d_list):
        extra = 0
        if dk > config.RESP_GAP_HALF_CYCLES * half and not covered[alt[k][0]:alt[k + 1][0] + 1].all():
            extra = max(int(round((dk / half - 1.0) / 2.0)), 0)
        phase.append(phase[-1] + 0.5 + extra)
    ph = np.array(phase)
    grid = np.arange(n, dtype=float)
    out = np.interp(grid, idx, ph)
    slope_lo = float(ph[2] - ph[0]) / float(idx[2] - idx[0])  # pace of the first and last two
    slope_hi = float(ph[-1] - ph[-3]) / float(idx[-1] - idx[-3])  # half-breaths (gaps included)
    out[grid < idx[0]] = ph[0] - (idx[0] - grid[grid < idx[0]]) * slope_lo
    out[grid > idx[-1]] = ph[-1] + (grid[grid > idx[-1]] - idx[-1]) * slope_hi
    return out


def phase_at_end(curve: np.ndarray, covered: np.ndarray, fs_hz: float, rate_bpm: float) -> float:
    """Phase (cycles, 0 = volume minimum) at the curve's last grid point.

    A sinusoid at ``rate_bpm`` is fitted to the covered samples of the last
    RESP_PHASE_CYCLES breaths before the last covered one (the newest beats
    wait for the artifact corrector), then carried on to the end.
    """
    f = rate_bpm / 60.0
    last = int(covered.nonzero()[0][-1]) if covered.any() else curve.size - 1
    n = min(last + 1, int(round(config.RESP_PHASE_CYCLES / f * fs_hz)))
    idx = np.arange(last + 1 - n, last + 1)
    idx = idx[covered[idx]] if covered[idx].sum() >= 8 else idx
    y = curve[idx]
    tt = (idx - (curve.size - 1)) / fs_hz  # 0 at the end of the window
    design = np.column_stack([np.cos(2 * np.pi * f * tt), np.sin(2 * np.pi * f * tt), np.ones(idx.size)])
    a, b, _ = np.linalg.lstsq(design, y, rcond=None)[0]
    # y ~ R cos(2 pi f t - psi), psi = atan2(b, a); volume ~ -cos(2 pi phase) -> phase = (wt - psi + pi)/2pi
    psi = float(np.arctan2(b, a))
    return float(((np.pi - psi) / (2 * np.pi)) % 1.0)
