"""Heart-rate variability metrics over NN intervals, offline and live.

Time domain after the Task Force (1996) with NeuroKit2's conventions, frequency
domain after Kubios (Tarvainen et al. 2014: 4 Hz cubic-spline tachogram,
detrend, Welch), coherence after McCraty & Childre (2010). Every function takes
beat times in seconds and the RR interval (ms) *ending* at each beat, returns
None for metrics the input is too short for, and never raises on short input.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
from scipy import linalg, signal
from scipy.interpolate import CubicSpline

from biofeedback import config
from biofeedback.core.types import MetricsUpdate

# ----------------------------------------------------------------------------
# Time domain
# ----------------------------------------------------------------------------


@dataclass(frozen=True)
class TimeDomain:
    """Task Force (1996) time-domain metrics of one NN series.

    ``mean_hr_bpm`` is 60000 / MeanNN (not the mean of per-beat rates).
    ``sdnn_ms`` uses ddof = 1 (Kubios, NeuroKit2). ``pnn50_pct`` follows
    NeuroKit2 0.2.13 (``hrv_time``): 100 * count(|diff(NN)| > 50 ms) divided by
    the number of NN *intervals* (= differences + 1), not by the differences.
    """

    n_nn: int
    mean_nn_ms: float | None
    mean_hr_bpm: float | None
    sdnn_ms: float | None
    rmssd_ms: float | None
    pnn50_pct: float | None


def time_domain(rr_ms: np.ndarray) -> TimeDomain:
    """Time-domain HRV of successive finite NN intervals (Task Force 1996).

    MeanNN needs one interval; SDNN, RMSSD and pNN50 need two (one difference).
    """
    rr = np.asarray(rr_ms, dtype=float).ravel()
    n = int(rr.size)
    if n == 0:
        return TimeDomain(0, None, None, None, None, None)
    mean = float(rr.mean())
    hr = 60000.0 / mean if mean > 0 else None
    if n < 2:
        return TimeDomain(n, mean, hr, None, None, None)
    d = np.diff(rr)
    return TimeDomain(
        n_nn=n,
        mean_nn_ms=mean,
        mean_hr_bpm=hr,
        sdnn_ms=float(rr.std(ddof=1)),
        rmssd_ms=float(np.sqrt(np.mean(d * d))),
        pnn50_pct=float(100.0 * np.count_nonzero(np.abs(d) > config.PNN_THRESHOLD_MS) / n),
    )


# ----------------------------------------------------------------------------
# Frequency domain
# ----------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class Spectrum:
    """Welch PSD of the resampled tachogram and Task Force band powers (absolute, ms^2)."""

    freqs_hz: np.ndarray
    psd_ms2_per_hz: np.ndarray
    vlf_power_ms2: float | None
    lf_power_ms2: float | None
    hf_power_ms2: float | None
    lf_hf_ratio: float | None
    lf_peak_hz: float | None
    hf_peak_hz: float | None


_EMPTY = np.zeros(0)


def resample_tachogram(
    beat_t_s: np.ndarray, rr_ms: np.ndarray, fs_hz: float = config.RESAMPLE_FS_HZ
) -> tuple[np.ndarray, np.ndarray]:
    """Cubic spline of RR at its beat times, sampled every 1/fs_hz from the first to the last beat.

    Beat times must be strictly increasing. Returns empty arrays for < 2 beats.
    """
    t = np.asarray(beat_t_s, dtype=float).ravel()
    rr = np.asarray(rr_ms, dtype=float).ravel()
    if t.size < 2:
        return _EMPTY.copy(), _EMPTY.copy()
    n = int(np.floor((t[-1] - t[0]) * fs_hz + 1e-9)) + 1
    grid_t_s = t[0] + np.arange(n) / fs_hz
    return grid_t_s, CubicSpline(t, rr)(grid_t_s)


def smoothness_priors_detrend(x: np.ndarray, lam: float = config.SMOOTHNESS_PRIORS_LAMBDA) -> np.ndarray:
    """Remove the trend ``(I + lam^2 D2'D2)^-1 x`` (Tarvainen, Ranta-aho & Karjalainen 2002).

    Acts as a high-pass with its -3 dB point near fs / (2 pi sqrt(lam)), i.e.
    about 0.028 Hz for lam = 500 on a 4 Hz series: it attenuates VLF power.
    """
    x = np.asarray(x, dtype=float)
    n = x.size
    if n < 3:
        return x - x.mean() if n else x.copy()
    # Banded upper form of A = I + lam^2 D2'D2 (pentadiagonal, symmetric).
    d0 = np.full(n, 6.0)
    d0[[0, -1]] = 1.0
    d0[[1, -2]] = 5.0
    if n == 3:
        d0[1] = 4.0
    d1 = np.full(n - 1, -4.0)
    d1[[0, -1]] = -2.0
    d2 = np.ones(n - 2)
    lam2 = lam * lam
    ab = np.zeros((3, n))
    ab[2] = 1.0 + lam2 * d0
    ab[1, 1:] = lam2 * d1
    ab[0, 2:] = lam2 * d2
    return x - linalg.solveh_banded(ab, x)


def _band_power(f: np.ndarray, p: np.ndarray, df: float, band: tuple[float, float]) -> float:
    m = (f >= band[0]) & (f < band[1])
    return float(p[m].sum() * df)


def _band_peak(f: np.ndarray, p: np.ndarray, band: tuple[float, float]) -> float:
    m = (f >= band[0]) & (f < band[1])
    return float(f[m][np.argmax(p[m])])


def spectrum(
    beat_t_s: np.ndarray,
    rr_ms: np.ndarray,
    fs_hz: float = config.RESAMPLE_FS_HZ,
    segment_s: float | None = None,
    detrend: str = "linear",
) -> Spectrum:
    """Kubios-style spectrum: 4 Hz cubic spline, detrend, Welch (Hann, 50 % overlap).

    ``segment_s`` defaults to min(256 s, record length), Kubios' default
    segment, shortened so short records still give one segment. The FFT is
    zero-padded to a grid of at most SPECTRUM_DF_HZ; power is unchanged.
    Absolute powers integrate the one-sided PSD (ms^2/Hz) over the Task Force
    bands (lower edge included, upper excluded). A band is reported only when
    the record (last beat - first beat) is at least SPECTRUM_MIN_RECORD_S long
    for it (Task Force 1996: ~1 min for HF, ~2 min for LF, > 5 min for VLF);
    otherwise its power and peak are None. ``detrend`` is "linear" (keeps VLF)
    or "smoothness_priors" (lambda = 500, Tarvainen et al. 2002).
    """
    t_grid, x = resample_tachogram(beat_t_s, rr_ms, fs_hz)
    if x.size < 4:
        return Spectrum(_EMPTY.copy(), _EMPTY.copy(), None, None, None, None, None, None)
    duration_s = float(t_grid[-1] - t_grid[0])
    if detrend == "smoothness_priors":
        x = smoothness_priors_detrend(x)
    elif detrend == "linear":
        x = signal.detrend(x, type="linear")
    else:
        raise ValueError(f"unknown detrend {detrend!r}")
    seg_s = min(config.WELCH_SEGMENT_S, duration_s) if segment_s is None else segment_s
    nperseg = max(4, min(int(round(seg_s * fs_hz)), x.size))
    nfft = max(nperseg, 1 << int(np.ceil(np.log2(fs_hz / config.SPECTRUM_DF_HZ))))
    f, p = signal.welch(
        x, fs=fs_hz, window="hann", nperseg=nperseg, noverlap=nperseg // 2, nfft=nfft,
        detrend="constant", scaling="density",
    )
    df = float(f[1] - f[0])
    bands = {"vlf": config.VLF_BAND_HZ, "lf": config.LF_BAND_HZ, "hf": config.HF_BAND_HZ}
    ok = {k: duration_s >= config.SPECTRUM_MIN_RECORD_S[k] for k in bands}
    power = {k: _band_power(f, p, df, b) if ok[k] else None for k, b in bands.items()}
    lf, hf = power["lf"], power["hf"]
    return Spectrum(
        freqs_hz=f,
        psd_ms2_per_hz=p,
        vlf_power_ms2=power["vlf"],
        lf_power_ms2=lf,
        hf_power_ms2=hf,
        lf_hf_ratio=lf / hf if lf is not None and hf else None,
        lf_peak_hz=_band_peak(f, p, config.LF_BAND_HZ) if ok["lf"] else None,
        hf_peak_hz=_band_peak(f, p, config.HF_BAND_HZ) if ok["hf"] else None,
    )


# ----------------------------------------------------------------------------
# Coherence (McCraty & Childre 2010)
# ----------------------------------------------------------------------------


def _coherence_window_start(t: np.ndarray, t_end_s: float, window_s: float) -> int:
    """Index of the first beat used for the window ending at t_end_s (last beat before the margin)."""
    cut = t_end_s - window_s - config.COHERENCE_MARGIN_S
    return max(int(np.searchsorted(t, cut, side="left")) - 1, 0)


def _coherence_of_beats(t: np.ndarray, rr: np.ndarray, t_end_s: float, window_s: float) -> float | None:
    """Coherence of the window [t_end - window_s, t_end] from the beats given (already cut)."""
    if t.size < 4 or t[0] > t_end_s - window_s + 1e-9:  # tolerance for t0 + window - window
        return None
    fs = config.RESAMPLE_FS_HZ
    n = int(round(window_s * fs))
    grid = t_end_s - (n - 1 - np.arange(n)) / fs
    x = signal.detrend(CubicSpline(t, rr)(grid), type="linear") * np.hanning(n)
    nfft = max(config.COHERENCE_NFFT, n)
    p = np.abs(np.fft.rfft(x, nfft)) ** 2  # scale is irrelevant for a ratio
    f = np.fft.rfftfreq(nfft, 1.0 / fs)
    lo, hi = config.COHERENCE_PEAK_BAND_HZ
    in_band = np.flatnonzero((f >= lo) & (f <= hi))
    peaks, _ = signal.find_peaks(p)
    peaks = np.intersect1d(peaks, in_band)
    k = peaks[np.argmax(p[peaks])] if peaks.size else in_band[np.argmax(p[in_band])]
    half = config.COHERENCE_PEAK_WIDTH_HZ / 2.0
    peak = float(p[np.abs(f - f[k]) <= half].sum())
    t_lo, t_hi = config.COHERENCE_TOTAL_BAND_HZ
    total = float(p[(f >= t_lo) & (f <= t_hi)].sum())
    rest = total - peak
    return peak / rest if rest > 0 else None


def coherence_ratio(
    beat_t_s: np.ndarray, rr_ms: np.ndarray, window_s: float = config.COHERENCE_WINDOW_S
) -> float | None:
    """HeartMath coherence ratio of the last ``window_s`` of the record (McCraty & Childre 2010).

    The tachogram of the window is a 4 Hz cubic spline (of the beats in the
    window plus COHERENCE_MARGIN_S before it), linearly detrended, Hann
    windowed, zero-padded to COHERENCE_NFFT. The highest local maximum in
    0.04-0.26 Hz is the peak; peak power sums the bins within +-0.015 Hz of it;
    total power sums 0.0033-0.4 Hz; ratio = peak / (total - peak). This is the
    raw ratio, not HeartMath's unpublished 0-16 display scale. None if the
    record covers less than ``window_s``.
    """
    t = np.asarray(beat_t_s, dtype=float).ravel()
    rr = np.asarray(rr_ms, dtype=float).ravel()
    if t.size < 4:
        return None
    i0 = _coherence_window_start(t, t[-1], window_s)
    return _coherence_of_beats(t[i0:], rr[i0:], float(t[-1]), window_s)


def coherence_series(
    beat_t_s: np.ndarray,
    rr_ms: np.ndarray,
    window_s: float = config.COHERENCE_WINDOW_S,
    step_s: float = config.COHERENCE_STEP_S,
) -> tuple[np.ndarray, np.ndarray]:
    """Coherence of windows ending at first beat + window_s + k * step_s (same method as coherence_ratio).

    Returns (window end times in s, ratios; NaN where a window has no ratio).
    Both are empty when the record covers less than ``window_s``.
    """
    t = np.asarray(beat_t_s, dtype=float).ravel()
    rr = np.asarray(rr_ms, dtype=float).ravel()
    if t.size < 4 or t[-1] - t[0] < window_s:
        return _EMPTY.copy(), _EMPTY.copy()
    ends = t[0] + window_s + step_s * np.arange(int(np.floor((t[-1] - t[0] - window_s) / step_s)) + 1)
    ratios = np.full(ends.size, np.nan)
    for j, t_end in enumerate(ends):
        i0 = _coherence_window_start(t, t_end, window_s)
        i1 = int(np.searchsorted(t, t_end, side="right"))
        # The spline must reach the window end: include the first beat after it.
        i1 = min(i1 + 1, t.size)
        value = _coherence_of_beats(t[i0:i1], rr[i0:i1], float(t_end), window_s)
        ratios[j] = np.nan if value is None else value
    return ends, ratios


# ----------------------------------------------------------------------------
# Live metrics
# ----------------------------------------------------------------------------


class LiveHrv:
    """Incremental live metrics: push one beat at a time.

    HR, RMSSD and SDNN cover the beats of the trailing ``rmssd_window_s``
    (beats with t > t_last - window), kept as running sums over a deque, so a
    push costs O(1) amortised; the sums are shifted by a reference RR and
    rebuilt every REBUILD_EVERY pushes so they cannot drift. Consecutive
    pushes are treated as successive intervals: call reset() after a gap.
    Coherence is recomputed with coherence_ratio's method at most every
    ``coherence_step_s`` of beat time, not per beat.
    """

    REBUILD_EVERY = 4096

    def __init__(
        self,
        rmssd_window_s: float = config.LIVE_RMSSD_WINDOW_S,
        coherence_window_s: float = config.COHERENCE_WINDOW_S,
        coherence_step_s: float = config.COHERENCE_STEP_S,
    ) -> None:
        self.rmssd_window_s = float(rmssd_window_s)
        self.coherence_window_s = float(coherence_window_s)
        self.coherence_step_s = float(coherence_step_s)
        self.reset()

    def reset(self) -> None:
        """Forget every beat (e.g. after a gap or a new session)."""
        self._win: deque[tuple[float, float, bool]] = deque()
        self._coh: deque[tuple[float, float]] = deque()
        self._ref = 0.0
        self._s1 = self._s2 = self._sd2 = 0.0
        self._n_corr = 0
        self._pushes = 0
        self._t_last: float | None = None
        self._coherence: float | None = None
        self._coherence_t: float | None = None

    @property
    def coherence_t_s(self) -> float | None:
        """Beat time at which the current coherence value was computed."""
        return self._coherence_t

    def push(self, t_s: float, rr_ms: float, corrected: bool = False) -> None:
        """Add the beat at ``t_s`` whose interval ``rr_ms`` ends there (times must increase)."""
        t_s, rr_ms = float(t_s), float(rr_ms)
        win = self._win
        if not win:
            self._ref = rr_ms
        x = rr_ms - self._ref
        if win:
            d = rr_ms - win[-1][1]
            self._sd2 += d * d
        win.append((t_s, rr_ms, corrected))
        self._s1 += x
        self._s2 += x * x
        self._n_corr += corrected
        cut = t_s - self.rmssd_window_s
        while win[0][0] <= cut:
            _, old_rr, old_corr = win.popleft()
            xo = old_rr - self._ref
            self._s1 -= xo
            self._s2 -= xo * xo
            self._n_corr -= old_corr
            d = win[0][1] - old_rr
            self._sd2 -= d * d
        self._pushes += 1
        if self._pushes % self.REBUILD_EVERY == 0:
            self._rebuild()
        self._t_last = t_s
        self._push_coherence(t_s, rr_ms)

    def _rebuild(self) -> None:
        rr = np.fromiter((b[1] for b in self._win), dtype=float, count=len(self._win))
        self._ref = float(rr[0])
        x = rr - self._ref
        self._s1, self._s2 = float(x.sum()), float(x @ x)
        d = np.diff(rr)
        self._sd2 = float(d @ d)

    def _push_coherence(self, t_s: float, rr_ms: float) -> None:
        coh = self._coh
        coh.append((t_s, rr_ms))
        cut = t_s - self.coherence_window_s - config.COHERENCE_MARGIN_S
        while len(coh) > 1 and coh[1][0] < cut:
            coh.popleft()
        due = self._coherence_t is None or t_s - self._coherence_t >= self.coherence_step_s
        if due and t_s - coh[0][0] >= self.coherence_window_s:
            arr = np.array(coh)
            self._coherence = _coherence_of_beats(arr[:, 0], arr[:, 1], t_s, self.coherence_window_s)
            self._coherence_t = t_s

    def snapshot(self) -> MetricsUpdate:
        """Current metrics; each is None until enough beats are in its window."""
        n = len(self._win)
        window_s = {"rmssd": self.rmssd_window_s, "coherence": self.coherence_window_s}
        t = self._t_last if self._t_last is not None else 0.0
        if n == 0:
            return MetricsUpdate(t_s=t, window_s=window_s)
        mean_x = self._s1 / n
        mean_rr = self._ref + mean_x
        sdnn = rmssd = None
        if n >= 2:
            var = max((self._s2 - n * mean_x * mean_x) / (n - 1), 0.0)
            sdnn = float(np.sqrt(var))
            rmssd = float(np.sqrt(max(self._sd2, 0.0) / (n - 1)))
        return MetricsUpdate(
            t_s=t,
            hr_bpm=60000.0 / mean_rr if mean_rr > 0 else None,
            rmssd_ms=rmssd,
            sdnn_ms=sdnn,
            coherence_ratio=self._coherence,
            artifact_share=self._n_corr / n,
            window_s=window_s,
        )
