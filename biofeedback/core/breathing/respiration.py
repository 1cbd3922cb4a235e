"""Breathing rate and phase read from the pulse wave (PPG respiratory modulations).

Breathing modulates a PPG in three ways (Karlen et al. 2013, "Multiparameter
respiratory rate estimation from the photoplethysmogram", IEEE TBME 60(7);
Charlton et al. 2016, "An assessment of algorithms to estimate respiratory
rate from the electrocardiogram and photoplethysmogram", Physiol. Meas. 37):

- **RIIV** (baseline / intensity, Charlton's BW): mean of each pulse's peak and
  its preceding trough. Inspiration lowers intrathoracic pressure and draws
  venous blood from the periphery, so the baseline falls on inhale.
- **RIAV** (amplitude, AM): peak minus trough. Stroke volume drops on inhale.
- **RIFV** (frequency, FM): the beat interval. Respiratory sinus arrhythmia
  shortens it on inhale.

Each modulation is sampled at the beats, cleaned of outliers (window median
+- ``RESP_OUTLIER_MAD`` MADs), resampled at 4 Hz, linearly detrended, and its
rate taken at the highest peak of a Hann-windowed, zero-padded periodogram in
``RESP_BAND_HZ`` (parabolic interpolation between bins). Fusion is Karlen's
*smart fusion*: when the per-modulation rates agree (standard deviation at
most ``RESP_FUSION_MAX_SD_BPM``, Karlen's 4 breaths/min) their mean is the
rate, otherwise the window has no rate. Where only some agree (an artifact
spoils one modulation), the largest agreeing pair is used, as in Charlton's
review of fusion variants. The rate of each modulation enters the mean
weighted by its spectral purity.

Quality (0..1) = mean spectral purity of the fused modulations (share of the
band's power within ``RESP_PEAK_HALF_WIDTH_HZ`` of their peak) times the
agreement (1 - sd / RESP_FUSION_MAX_SD_BPM).

Phase: the fused breath curve is the purity-weighted sum of the z-scored
modulations with signs chosen so that it rises with lung volume (all three
fall on inhale: curve = -(BW + AM + FM)); the phase at the window's end is the
least-squares sinusoid at the fused rate over the last ``RESP_PHASE_CYCLES``
breaths, in cycles with 0 = start of inhale (lung volume minimum), the
convention of ``core.breathing.pacer``. RSA lags breathing off resonance, so FM enters
the phase only when no PPG wave is available (IBI-only sensors).

Pure NumPy/SciPy; :class:`RespirationTracker` is the streaming wrapper (feed
PPG blocks and corrected beats, call ``update`` every second).
"""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

import numpy as np

from biofeedback import config
from biofeedback.core.breathing.counting import breath_phase_track, count_breaths, phase_at_end
from biofeedback.core.shortcuts import (
    fast_interp,
    fast_std,
    median_of_list,
    rfft_padded,
)

MODULATIONS = ("riiv", "riav", "rifv")
_EMPTY = np.zeros(0)


@dataclass(frozen=True)
class BreathingEstimate:
    """Breathing over the window ending at ``t_s``; rate/phase None when it cannot be told."""

    t_s: float
    rate_bpm: float | None
    phase_cycles: float | None  # at t_s, in [0, 1): 0 start of inhale, 0.5 ~ end of inhale
    quality: float  # 0..1, 0 when no rate
    window_s: float
    rates_bpm: dict[str, float | None] = field(default_factory=dict)  # per modulation
    used: tuple[str, ...] = ()  # modulations fused into the rate

    @property
    def valid(self) -> bool:
        return self.rate_bpm is not None


@dataclass(frozen=True)
class _Spectral:
    rate_bpm: float
    purity: float


def pulse_features(
    ppg_t_s: np.ndarray, ppg_value: np.ndarray, beat_t_s: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Per beat: (baseline = (peak + trough) / 2, amplitude = peak - trough) from the raw PPG.

    Peak: maximum within +-RESP_PEAK_SEARCH_S of the beat time; trough: minimum
    in the RESP_TROUGH_SEARCH_S before the peak. NaN where the PPG does not
    cover the beat.
    """
    t = np.asarray(ppg_t_s, float)
    v = np.asarray(ppg_value, float)
    bt = np.asarray(beat_t_s, float)
    base = np.full(bt.size, np.nan)
    amp = np.full(bt.size, np.nan)
    if t.size < 3 or bt.size == 0:
        return base, amp
    half = config.RESP_PEAK_SEARCH_S
    lo = np.searchsorted(t, bt - config.RESP_TROUGH_SEARCH_S)
    p0 = np.searchsorted(t, bt - half)
    p1 = np.searchsorted(t, bt + half, side="right")
    covered = (bt - config.RESP_TROUGH_SEARCH_S >= t[0]) & (bt + half <= t[-1])
    for i in np.flatnonzero(covered & (p1 > p0) & (p0 > lo)):
        seg = v[p0[i]:p1[i]]
        k = p0[i] + int(np.argmax(seg))
        peak = float(v[k])
        trough = float(v[lo[i]:k + 1].min())
        base[i] = 0.5 * (peak + trough)
        amp[i] = peak - trough
    return base, amp


def _median_of_finite(x: np.ndarray) -> np.float64:
    """``np.median`` of finite values to the bit, without its general machinery (``_clean`` takes
    two medians per modulation every second): the same partition, the middle value or the mean
    of the middle two summed from 0.0 as ``np.mean`` does (so a -0.0 comes out as 0.0)."""
    n, h = x.size, x.size // 2
    if n % 2:
        return np.float64(0.0 + float(np.partition(x, [h, -1])[h]))
    part = np.partition(x, [h - 1, h, -1])
    return np.float64((0.0 + float(part[h - 1]) + float(part[h])) / 2.0)


def _clean(x: np.ndarray) -> np.ndarray:
    """Mask of values within the window median +- RESP_OUTLIER_MAD robust sd (finite ones)."""
    ok = np.isfinite(x)
    if np.count_nonzero(ok) < 4:
        return ok
    finite = x[ok]
    med = _median_of_finite(finite)
    mad = 1.4826 * _median_of_finite(np.abs(finite - med))
    if mad <= 0:
        return ok
    return ok & (np.abs(x - med) <= config.RESP_OUTLIER_MAD * mad)


@lru_cache(maxsize=8)
def _line_design(n: int) -> tuple[np.ndarray, np.ndarray]:
    """A straight line's (n, 2) design matrix and its pseudo-inverse, worked out once per length."""
    a = np.vstack([np.ones(n), np.arange(n)]).T
    pinv = np.linalg.pinv(a)
    a.setflags(write=False)
    pinv.setflags(write=False)
    return a, pinv


def _resample(t: np.ndarray, x: np.ndarray, grid: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Clean beat-sampled values linearly interpolated onto the grid, detrended and z-scored.

    Returns (values, covered: grid points not inside a hole of more than RESP_GAP_S between clean beats),
    or None when too few clean beats or none near an end of the window.
    """
    ok = _clean(x)
    if np.count_nonzero(ok) < 8:
        return None
    tt, xx = t[ok], x[ok]
    if tt[0] > grid[0] + config.RESP_MAX_EDGE_GAP_S or tt[-1] < grid[-1] - config.RESP_MAX_EDGE_GAP_S:
        return None
    y = fast_interp(grid, tt, xx)  # linear; the end values held beyond the beats
    a, pinv = _line_design(y.size)
    y = y - a @ (pinv @ y)  # least-squares straight line removed
    sd = fast_std(y)
    if not sd > 0:
        return None
    i = tt.searchsorted(grid)
    np.minimum(np.maximum(i, 1, out=i), tt.size - 1, out=i)  # kept within 1..size-1
    gap = tt[i] - tt[i - 1]  # length of the hole between the clean beats around each grid point
    covered = (gap <= config.RESP_GAP_S) & (grid <= tt[-1] + 1e-9) & (grid >= tt[0] - 1e-9)
    return y / sd, covered


@lru_cache(maxsize=8)
def _periodogram_plan(n: int, fs_hz: float) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """FFT length, Hann window, bin frequencies and the RESP_BAND_HZ bins for n samples (once per length)."""
    nfft = max(1 << int(np.ceil(np.log2(n))), config.RESP_NFFT)
    window, f = np.hanning(n), np.fft.rfftfreq(nfft, 1.0 / fs_hz)
    band = np.flatnonzero((f >= config.RESP_BAND_HZ[0]) & (f <= config.RESP_BAND_HZ[1]))
    for a in (window, f, band):
        a.setflags(write=False)
    return nfft, window, f, band


def _spectral_rate(x: np.ndarray, fs_hz: float) -> _Spectral | None:
    """Breaths/min at the highest periodogram peak in RESP_BAND_HZ, and the peak's purity."""
    n = x.size
    nfft, window, f, band = _periodogram_plan(n, fs_hz)
    if band.size < 3:
        return None
    spectrum = rfft_padded(x * window, nfft)
    # power |X|^2 only in the band (a run of bins) and one bin either side, for the parabola
    b0, b1 = int(band[0]), int(band[-1]) + 1
    lo = max(b0 - 1, 0)
    p = np.abs(spectrum[lo:min(b1 + 1, spectrum.size)]) ** 2
    p_band = p[b0 - lo:b1 - lo]
    k = b0 + int(p_band.argmax())
    f_peak = f[k]
    if 0 < k < spectrum.size - 1:  # parabola through the log-power of the three top bins
        y0, y1, y2 = np.log(p[k - 1 - lo:k + 2 - lo] + 1e-300)
        denom = y0 - 2 * y1 + y2
        if denom < 0:
            f_peak = f[k] + min(max(float(0.5 * (y0 - y2) / denom), -0.5), 0.5) * (f[1] - f[0])
    total = float(p_band.sum())
    near = np.abs(f[b0:b1] - f_peak) <= config.RESP_PEAK_HALF_WIDTH_HZ
    purity = float(p_band[near].sum()) / total if total > 0 else 0.0
    return _Spectral(60.0 * float(f_peak), purity)


def _fuse(spec: dict[str, _Spectral]) -> tuple[tuple[str, ...], float, float]:
    """Smart fusion (Karlen 2013) of the per-modulation rates.

    The modulations within RESP_FUSION_NEAR_BPM (or that share of the rate) of
    their median rate are kept; they must be at least two (one when only one
    modulation exists) and their standard deviation at most
    RESP_FUSION_MAX_SD_BPM (Karlen's 4 breaths/min). Returns (names used,
    purity-weighted mean rate, agreement 0..1); no names when they disagree.
    """
    # in Python floats (one to three values), summed in the order NumPy's reductions sum them
    names = tuple(spec)
    rates = [spec[m].rate_bpm for m in names]
    med = median_of_list(rates)
    near = max(config.RESP_FUSION_NEAR_BPM, config.RESP_FUSION_NEAR_SHARE * med)
    used = tuple(m for m, r in zip(names, rates, strict=True) if abs(r - med) <= near)
    if len(used) < min(2, len(names)):
        return (), 0.0, 0.0
    r = [spec[m].rate_bpm for m in used]
    mean = _sum_of_few(r) / len(r)
    sd = math.sqrt(_sum_of_few([(v - mean) * (v - mean) for v in r]) / len(r))
    if sd > config.RESP_FUSION_MAX_SD_BPM:
        return (), 0.0, 0.0
    w = [max(spec[m].purity, 1e-6) for m in used]
    dot = 0.0
    for wi, ri in zip(w, r, strict=True):
        dot += wi * ri
    return used, dot / _sum_of_few(w), 1.0 - sd / config.RESP_FUSION_MAX_SD_BPM


def _sum_of_few(v: list[float]) -> float:
    """``float(np.sum(v))`` of fewer than 8 values: NumPy adds that few left to right from 0.0."""
    total = 0.0
    for x in v:
        total += x
    return total


def estimate_breathing(
    beat_t_s: np.ndarray,
    rr_ms: np.ndarray,
    t_end_s: float,
    window_s: float = config.RESP_WINDOW_S,
    corrected: np.ndarray | None = None,
    ppg_t_s: np.ndarray | None = None,
    ppg_value: np.ndarray | None = None,
    baseline: np.ndarray | None = None,
    amplitude: np.ndarray | None = None,
) -> tuple[BreathingEstimate, np.ndarray, np.ndarray]:
    """Breathing over [t_end_s - window_s, t_end_s] from beats (and the PPG when there is one).

    ``baseline``/``amplitude`` are per-beat pulse features (from
    :func:`pulse_features`); given the raw PPG instead, they are computed here.
    Corrected (interpolated) beats keep their interval for RIFV but give no
    pulse features. Returns (estimate, breath-curve times, breath-curve values:
    z-scored, rising with lung volume; empty without a rate).
    """
    est, grid, curve, _ = _estimate(beat_t_s, rr_ms, t_end_s, window_s, corrected, ppg_t_s, ppg_value,
                                    baseline, amplitude)
    return est, grid, curve


def breath_phase_over(
    beat_t_s: np.ndarray, rr_ms: np.ndarray, t0_s: float, t1_s: float,
    corrected: np.ndarray | None = None, baseline: np.ndarray | None = None,
    amplitude: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray] | None:
    """Unwrapped breathing phase (cycles, 0 = start of inhale) on a 4 Hz grid over [t0_s, t1_s].

    For scoring a stretch after the fact (a resonance block): the breath
    landmarks of the whole stretch, zero-phase filtered, so the phase is not
    extrapolated as the live estimate's is. None without counted breaths.
    """
    est, grid, _, track = _estimate(beat_t_s, rr_ms, t1_s, t1_s - t0_s, corrected, None, None,
                                    baseline, amplitude)
    if track is None:
        return None
    return grid, track


def _no_estimate(t_end_s: float, window_s: float, rates: dict[str, float | None]) -> BreathingEstimate:
    """The window ending at ``t_end_s`` tells no breathing rate (per-modulation ``rates`` kept)."""
    return BreathingEstimate(t_s=float(t_end_s), rate_bpm=None, phase_cycles=None, quality=0.0,
                             window_s=float(window_s), rates_bpm=rates)


def _estimate(
    beat_t_s: np.ndarray, rr_ms: np.ndarray, t_end_s: float, window_s: float,
    corrected: np.ndarray | None, ppg_t_s: np.ndarray | None, ppg_value: np.ndarray | None,
    baseline: np.ndarray | None, amplitude: np.ndarray | None,
) -> tuple[BreathingEstimate, np.ndarray, np.ndarray, np.ndarray | None]:
    """Everything ``estimate_breathing`` works out, plus the counted phase track (or None)."""
    t = np.asarray(beat_t_s, float)
    rr = np.asarray(rr_ms, float)
    corr = np.zeros(t.size, bool) if corrected is None else np.asarray(corrected, bool)
    if baseline is None and ppg_t_s is not None and ppg_value is not None:
        baseline, amplitude = pulse_features(ppg_t_s, ppg_value, t)
    none = _no_estimate(t_end_s, window_s, dict.fromkeys(MODULATIONS))
    fs = config.RESAMPLE_FS_HZ
    n = int(round(window_s * fs))
    grid = t_end_s - (n - 1 - np.arange(n)) / fs
    m = (t >= grid[0] - 3.0) & (t <= t_end_s)
    if np.count_nonzero(m) < 8:
        return none, _EMPTY, _EMPTY, None
    series: dict[str, np.ndarray] = {}
    cover: dict[str, np.ndarray] = {}
    sources = {"rifv": rr}
    if baseline is not None and amplitude is not None:
        b = np.where(corr, np.nan, np.asarray(baseline, float))
        a = np.where(corr, np.nan, np.asarray(amplitude, float))
        sources = {"riiv": b, "riav": a, "rifv": rr}
    for name, values in sources.items():
        got = _resample(t[m], values[m], grid)
        if got is not None:
            series[name], cover[name] = got
    spec = {k: s for k, s in ((k, _spectral_rate(y, fs)) for k, y in series.items()) if s is not None}
    rates = {k: (round(spec[k].rate_bpm, 3) if k in spec else None) for k in MODULATIONS}
    if not spec:
        return _no_estimate(t_end_s, window_s, rates), _EMPTY, _EMPTY, None
    used, rate, agreement = _fuse(spec)
    # the breath curve: the fused wave modulations (RSA lags breathing off resonance), else the
    # fused interval one; when the spectra disagree (irregular breathing) the wave's modulations
    phase_from = ([k for k in used if k != "rifv"] or list(used)) if used else [
        k for k in ("riiv", "riav") if k in spec]
    if not phase_from:
        return _no_estimate(t_end_s, window_s, rates), _EMPTY, _EMPTY, None
    curve = -sum((spec[k].purity * series[k] for k in phase_from), np.zeros(grid.size))
    curve = curve / (fast_std(curve) or 1.0)
    covered = np.logical_and.reduce([cover[k] for k in phase_from])
    peaks, troughs, _ = count_breaths(curve, fs)
    track = breath_phase_track(peaks, troughs, covered, curve.size)
    counted = track is not None and track[-1] - track[0] >= config.RESP_MIN_COUNTED_CYCLES
    if track is not None and counted and used:  # a count that halves or doubles agreeing spectra lost or split breaths
        counted_bpm = 60.0 * float(track[-1] - track[0]) / ((curve.size - 1) / fs)
        counted = abs(counted_bpm - rate) <= config.RESP_COUNT_MAX_DIFF_SHARE * rate
    if track is not None and counted:
        # counted breaths: cycles over the window (counting beats spectra on irregular
        # breathing, Charlton 2016); the phase fitted at the pace of the last breath
        rate = 60.0 * float(track[-1] - track[0]) / ((curve.size - 1) / fs)
        back = int(np.searchsorted(track, track[-1] - config.RESP_RECENT_CYCLES))
        recent = 60.0 * fs * float(track[-1] - track[back]) / max(curve.size - 1 - back, 1)
        phase = phase_at_end(curve, covered, fs, recent)
        used = used or tuple(phase_from)
    elif used:
        phase = phase_at_end(curve, covered, fs, rate)
    else:
        return _no_estimate(t_end_s, window_s, rates), _EMPTY, _EMPTY, None
    purity = _sum_of_few([spec[k].purity for k in used]) / len(used)  # np.mean's sum and division
    coverage = int(np.count_nonzero(covered)) / covered.size
    quality = min(max(purity * (0.5 + 0.5 * agreement) * coverage, 0.0), 1.0)
    est = BreathingEstimate(t_s=float(t_end_s), rate_bpm=float(rate), phase_cycles=phase, quality=quality,
                            window_s=float(window_s), rates_bpm=rates, used=tuple(used))
    return est, grid, curve, track if counted else None


class RespirationTracker:
    """Streaming breathing estimate: feed PPG blocks and beats as they come, ``update`` each second.

    Keeps the last ``window_s`` + a margin of PPG samples and of per-beat
    features; ``update(t_s)`` recomputes at most every ``RESP_UPDATE_S`` of
    device time (returns the latest estimate otherwise).
    """

    def __init__(self, window_s: float = config.RESP_WINDOW_S,
                 update_s: float = config.RESP_UPDATE_S, keep_s: float | None = None) -> None:
        self.window_s = float(window_s)
        self.update_s = float(update_s)
        self.keep_s = self.window_s + 10.0 if keep_s is None else max(float(keep_s), self.window_s + 10.0)
        self.reset()

    def reset(self) -> None:
        """Forget everything (after a gap or a new session)."""
        self._ppg_t: deque[np.ndarray] = deque()
        self._ppg_v: deque[np.ndarray] = deque()
        self._pending: list[tuple[float, float, bool]] = []  # beats waiting for PPG after their peak
        # kept beats, one row each (t_s, rr_ms, corrected, baseline, amplitude) in rows [_first, _end):
        # appended in place and viewed by each update (a table rebuilt every second cost more than the fit)
        self._rows = np.empty((256, 5))
        self._first = self._end = 0
        self._in_order = True  # beat times never went back: an update may start its table at its window
        self._seen_ppg = False
        self._last_ppg_t = -np.inf
        self.latest: BreathingEstimate | None = None
        self.curve_t_s: np.ndarray = _EMPTY
        self.curve: np.ndarray = _EMPTY
        self._next_update_t = -np.inf

    @property
    def has_pulse_wave(self) -> bool:
        """A PPG was fed: the breathing phase comes from the wave, not from the heart rate."""
        return self._seen_ppg

    def add_ppg(self, t_s: np.ndarray, value: np.ndarray) -> None:
        t = np.asarray(t_s, float)
        if not t.size:
            return
        self._seen_ppg = True
        self._ppg_t.append(t)
        self._ppg_v.append(np.asarray(value, float))
        self._last_ppg_t = float(t[-1])
        keep_from = self._last_ppg_t - config.RESP_PPG_KEEP_S
        while len(self._ppg_t) > 1 and self._ppg_t[0][-1] < keep_from:
            self._ppg_t.popleft()
            self._ppg_v.popleft()
        self._resolve_pending()

    def add_beat(self, t_s: float, rr_ms: float, corrected: bool = False) -> None:
        self._pending.append((float(t_s), float(rr_ms), bool(corrected)))
        self._resolve_pending()

    def add_beats(self, beats) -> None:
        for b in beats:
            self.add_beat(b.t_s, b.rr_ms, b.corrected)

    def _resolve_pending(self) -> None:
        ready = [p for p in self._pending
                 if not self._seen_ppg or p[0] + config.RESP_PEAK_SEARCH_S <= self._last_ppg_t]
        if not ready:
            return
        self._pending = self._pending[len(ready):] if ready == self._pending[:len(ready)] else [
            p for p in self._pending if p not in ready]
        bt = np.array([p[0] for p in ready])
        if self._seen_ppg and self._ppg_t:
            base, amp = pulse_features(np.concatenate(self._ppg_t), np.concatenate(self._ppg_v), bt)
        else:
            base = amp = np.full(bt.size, np.nan)
        self._append([(t, rr, c, float(b), float(a)) for (t, rr, c), b, a in zip(ready, base, amp, strict=True)])

    def _append(self, rows: list[tuple[float, float, bool, float, float]]) -> None:
        """Keep ``rows`` after the kept beats, then drop leading beats older than the newest one - keep_s."""
        if self._end + len(rows) > self._rows.shape[0]:  # move the kept rows to the front, grow if need be
            kept = self._rows[self._first:self._end]
            grown = np.empty((max(self._rows.shape[0], 2 * (kept.shape[0] + len(rows))), 5))
            grown[:kept.shape[0]] = kept
            self._rows, self._first, self._end = grown, 0, kept.shape[0]
        if self._in_order:
            t_new = [r[0] for r in rows]
            if self._end > self._first:
                t_new.insert(0, float(self._rows[self._end - 1, 0]))
            self._in_order = all(a <= b for a, b in pairwise(t_new))  # (False on a NaN too)
        self._rows[self._end:self._end + len(rows)] = rows
        self._end += len(rows)
        cut = rows[-1][0] - self.keep_s
        t = self._rows[:, 0]
        while self._first < self._end and t[self._first] < cut:
            self._first += 1

    @property
    def _beats(self) -> np.ndarray:
        """The kept beats' rows (a view)."""
        return self._rows[self._first:self._end]

    def update(self, t_s: float) -> BreathingEstimate | None:
        """The estimate for the window ending at ``t_s`` (device clock), recomputed once per update_s."""
        if t_s < self._next_update_t:
            return self.latest
        self._next_update_t = float(t_s) + self.update_s
        if self._end - self._first < 8:
            return self.latest
        arr = self._beats
        if self._in_order:  # beats well before the window are not looked at (the whole assessment is kept)
            arr = arr[int(arr[:, 0].searchsorted(t_s - self.window_s - 10.0)):]
        est, ct, cv = estimate_breathing(
            arr[:, 0], arr[:, 1], float(t_s), self.window_s, corrected=arr[:, 2].astype(bool),
            baseline=arr[:, 3] if self._seen_ppg else None,
            amplitude=arr[:, 4] if self._seen_ppg else None)
        self.latest = est
        self.curve_t_s, self.curve = ct, cv
        return est

    def phase_track(self, t0_s: float, t1_s: float) -> tuple[np.ndarray, np.ndarray] | None:
        """:func:`breath_phase_over` of the kept beats (``keep_s`` must cover the stretch)."""
        if self._end - self._first < 8:
            return None
        arr = self._beats
        arr = arr[(arr[:, 0] >= t0_s - 3.0) & (arr[:, 0] <= t1_s)]
        if arr.shape[0] < 8:
            return None
        return breath_phase_over(arr[:, 0], arr[:, 1], t0_s, t1_s, arr[:, 2].astype(bool),
                                 arr[:, 3] if self._seen_ppg else None, arr[:, 4] if self._seen_ppg else None)
