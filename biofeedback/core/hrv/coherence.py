"""HeartMath coherence ratio (McCraty & Childre 2010) over chains of successive beats.

The tachogram is ``core.hrv.spectral``'s (4 Hz cubic spline of one chain; no
window spans a gap). Many windows are computed at once: one matrix product
does the detrend, the Hann window and the DFT bins of a batch of
COHERENCE_BATCH_WINDOWS windows.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from threadpoolctl import threadpool_limits

from biofeedback import config
from biofeedback.core.hrv.fast_spline import not_a_knot_at
from biofeedback.core.hrv.spectral import chain_slices, chain_starts, tachogram_at

COHERENCE_BATCH_WINDOWS = 2048

_EMPTY = np.zeros(0)


class _Operator(NamedTuple):
    """What coherence_of_samples needs for one window length and rate, computed once."""

    matrix: np.ndarray  # n x 2K: detrend, Hann and the first K DFT bins (real parts, then imaginary)
    f: np.ndarray  # the K bin frequencies
    peak_band: tuple[int, int]  # bins [b0, b1) of COHERENCE_PEAK_BAND_HZ
    peak_offsets: np.ndarray  # bins summed around the peak: -h..h for COHERENCE_PEAK_WIDTH_HZ
    total_band: tuple[int, int]  # bins [t0, t1) of COHERENCE_TOTAL_BAND_HZ


@lru_cache(maxsize=8)
def _coherence_operator(n: int, fs_hz: float) -> _Operator:
    """The matrix n x 2K (linear detrend, Hann and the first K DFT bins in one product) and the band bins.

    The power of bin j of the detrended, Hann-windowed row x zero-padded to
    COHERENCE_NFFT is |x @ M_j|^2: one matrix product replaces detrend + FFT for
    a batch of windows; only the bins up to the total band's upper edge (+1) are
    kept.
    """
    nfft = max(config.COHERENCE_NFFT, n)
    f = np.fft.rfftfreq(nfft, 1.0 / fs_hz)
    k_max = min(int(np.flatnonzero(f <= config.COHERENCE_TOTAL_BAND_HZ[1])[-1]) + 2, f.size)
    a = np.column_stack([np.ones(n), np.arange(n, dtype=float)])
    residual = np.eye(n) - a @ np.linalg.pinv(a)  # x - (least-squares line through x)
    basis = np.exp(-2j * np.pi * np.outer(np.arange(n), np.arange(k_max)) / nfft)
    m = (residual * np.hanning(n)[:, None]).T @ basis  # residual is symmetric
    f = f[:k_max]
    lo, hi = config.COHERENCE_PEAK_BAND_HZ
    band = np.flatnonzero((f >= lo) & (f <= hi))
    df = f[1] - f[0]
    half_bins = int(np.floor(config.COHERENCE_PEAK_WIDTH_HZ / 2.0 / df + 1e-9))
    t_band = np.flatnonzero((f >= config.COHERENCE_TOTAL_BAND_HZ[0]) & (f <= config.COHERENCE_TOTAL_BAND_HZ[1]))
    return _Operator(np.ascontiguousarray(np.hstack([m.real, m.imag])), f, (int(band[0]), int(band[-1]) + 1),
                     np.arange(-half_bins, half_bins + 1), (int(t_band[0]), int(t_band[-1]) + 1))


def coherence_of_samples(x: np.ndarray, fs_hz: float = config.RESAMPLE_FS_HZ) -> np.ndarray:
    """Coherence ratio of each row of 4 Hz tachogram windows (NaN where the rest power is 0).

    Per row: linear detrend, Hann window, DFT zero-padded to COHERENCE_NFFT;
    the highest local maximum in 0.04-0.26 Hz is the peak (the band's maximum
    if it has none); peak power sums the bins within +-0.015 Hz of it, in bin
    order; total power sums 0.0033-0.4 Hz; ratio = peak / (total - peak).
    """
    x = np.atleast_2d(np.asarray(x, dtype=float))
    op = _coherence_operator(x.shape[1], float(fs_hz))
    y = (x - x[:, :1]) @ op.matrix  # the row's first value off first: the detrend removes it anyway
    k_max = op.f.size
    p = y[:, :k_max] ** 2 + y[:, k_max:] ** 2  # scale is irrelevant for a ratio
    b0, b1 = op.peak_band
    pb = p[:, b0:b1]
    left = p[:, b0 - 1:b1 - 1] if b0 > 0 else np.full_like(pb, np.inf)
    right = p[:, b0 + 1:b1 + 1]
    inner = (pb > left) & (pb > right)  # strict local maxima inside the band
    j = np.argmax(np.where(inner, pb, -np.inf), axis=1)
    rows = np.arange(p.shape[0])
    none = ~inner[rows, j]
    if none.any():
        j[none] = np.argmax(pb[none], axis=1)
    kk = (b0 + j)[:, None] + op.peak_offsets  # each row's bins around its peak, in bin order
    ok = (kk >= 0) & (kk < k_max)
    bins = np.where(ok, p[rows[:, None], np.clip(kk, 0, k_max - 1)], 0.0)
    peak = np.add.accumulate(bins, axis=1)[:, -1]  # summed one bin after the other, left to right
    t0, t1 = op.total_band
    total = p[:, t0:t1].sum(axis=1)
    rest = total - peak
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(rest > 0, peak / rest, np.nan)


def coherence_of_beats(t: np.ndarray, rr: np.ndarray, t_end_s: float, window_s: float) -> float | None:
    """Coherence of the window [t_end - window_s, t_end] from the beats given (already cut, one chain)."""
    if t.size < 4 or t[0] > t_end_s - window_s + 1e-9:  # tolerance for t0 + window - window
        return None
    fs = config.RESAMPLE_FS_HZ
    n = int(round(window_s * fs))
    grid = t_end_s - (n - 1 - np.arange(n)) / fs
    value = float(coherence_of_samples(not_a_knot_at(t, rr, grid), fs)[0])  # CubicSpline(t, rr)(grid)
    return value if math.isfinite(value) else None


def _coherence_window_start(t: np.ndarray, t_end_s: float, window_s: float) -> int:
    """Index of the first beat used for the window ending at t_end_s (last beat before the margin)."""
    cut = t_end_s - window_s - config.COHERENCE_MARGIN_S
    return max(int(np.searchsorted(t, cut, side="left")) - 1, 0)


def coherence_ratio(
    beat_t_s: np.ndarray, rr_ms: np.ndarray, window_s: float = config.COHERENCE_WINDOW_S
) -> float | None:
    """HeartMath coherence ratio of the last ``window_s`` of the record (McCraty & Childre 2010).

    The tachogram of the window is a 4 Hz cubic spline of the last chain's
    beats in the window plus COHERENCE_MARGIN_S before it; see
    ``coherence_of_samples`` for the ratio. This is the raw ratio, not
    HeartMath's unpublished 0-16 display scale. None if the last chain covers
    less than ``window_s``.
    """
    t = np.asarray(beat_t_s, dtype=float).ravel()
    rr = np.asarray(rr_ms, dtype=float).ravel()
    if t.size < 4:
        return None
    first = int(np.flatnonzero(chain_starts(t, rr))[-1])
    i0 = max(_coherence_window_start(t, t[-1], window_s), first)
    return coherence_of_beats(t[i0:], rr[i0:], float(t[-1]), window_s)


def coherence_series(
    beat_t_s: np.ndarray,
    rr_ms: np.ndarray,
    window_s: float = config.COHERENCE_WINDOW_S,
    step_s: float = config.COHERENCE_STEP_S,
) -> tuple[np.ndarray, np.ndarray]:
    """Coherence of windows ending at first beat + window_s + k * step_s.

    Each window's samples come from its chain's 4 Hz tachogram on the record's
    grid (first beat + j / 4 Hz), so windows are batched FFTs; a window that
    reaches outside one chain (a gap, the record's start) is NaN. Returns
    (window end times in s, ratios); both empty when the record covers less
    than ``window_s``.
    """
    t = np.asarray(beat_t_s, dtype=float).ravel()
    rr = np.asarray(rr_ms, dtype=float).ravel()
    if t.size < 4 or t[-1] - t[0] < window_s:
        return _EMPTY.copy(), _EMPTY.copy()
    fs = config.RESAMPLE_FS_HZ
    n_win = int(np.floor((t[-1] - t[0] - window_s) / step_s)) + 1
    ends = t[0] + window_s + step_s * np.arange(n_win)
    ratios = np.full(n_win, np.nan)
    n = int(round(window_s * fs))
    # one BLAS thread: the same bits whichever process computes it (a stored session's summary
    # equals `analyze` of its export), and faster than two threads on a busy 2-core machine
    with threadpool_limits(limits=1, user_api="blas"):
        _coherence_windows(t, rr, ends, ratios, n, window_s, fs)
    return ends, ratios


def _coherence_windows(t: np.ndarray, rr: np.ndarray, ends: np.ndarray, ratios: np.ndarray, n: int,
                       window_s: float, fs: float) -> None:
    """Fill ``ratios`` for the windows ending at ``ends`` that lie inside one chain, in batches."""
    for a, b in chain_slices(t, rr):
        if b - a < 4 or t[b - 1] - t[a] < window_s:
            continue
        ct, crr = t[a:b], rr[a:b]
        valid = np.flatnonzero((ends - window_s >= ct[0] - 1e-9) & (ends <= ct[-1] + 1e-9))
        for s in range(0, valid.size, COHERENCE_BATCH_WINDOWS):
            idx = valid[s:s + COHERENCE_BATCH_WINDOWS]
            lattice0 = int(round((ends[idx[0]] - t[0]) * fs)) - (n - 1)
            lattice1 = int(round((ends[idx[-1]] - t[0]) * fs)) + 1
            grid = t[0] + np.arange(lattice0, lattice1) / fs
            grid = np.clip(grid, ct[0], ct[-1])
            x = tachogram_at(ct, crr, grid)
            offsets = np.round((ends[idx] - t[0]) * fs).astype(int) - (n - 1) - lattice0
            rows = np.lib.stride_tricks.sliding_window_view(x, n)[offsets]
            ratios[idx] = coherence_of_samples(rows, fs)
