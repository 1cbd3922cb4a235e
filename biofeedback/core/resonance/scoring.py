"""Scoring of paced-breathing blocks and the choice of a resonance rate.

Implements the resonance-frequency assessment criteria of Lehrer, Vaschillo &
Vaschillo (2000) and Lehrer & Gevirtz (2014), in the order Shaffer & Meehan
(2020) list them: (1) phase synchrony of heart rate and breathing (HR peaks
at the end of inhalation, 0 deg), (2) peak-to-trough HR amplitude, (3) LF
power, (4) LF peak height, (5) smoothness of the HR curve and (6) a single LF
peak. Each usable block gets a graded score per criterion (1 for the best
block, less for the others in proportion) and the weighted sum ranks them;
the weights ``ASSESS_CRITERION_WEIGHTS`` fall in that order, phase synchrony
and amplitude first (at resonance HR and breathing are in phase, Vaschillo et
al. 2002; off resonance the lag grows by some 20 deg per 0.5 breaths/min,
while amplitude changes by a few percent). How sure the choice is comes from
the margin to the runner-up.

A block is usable when the user followed the pacer (breathing measured from
the pulse wave, ``core.breathing.respiration``, within ASSESS_BREATH_FOLLOW_BPM of the
pacer; without a breathing measure: the HR oscillation at the pacer's
frequency) and the breathing-locked sinusoid explains enough of the HR.
Corrected beats are used as the pipeline corrected them; only a block that
is mostly corrected (ASSESS_MAX_ARTIFACT_SHARE) is not scored.

Breathing phase is given in cycles (unwrapped or modulo 1): inhalation starts
at each integer, ends at ``end_inhale_cycle`` (0.5 for I:E = 1:1, no holds).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy import signal
from scipy.interpolate import CubicSpline

from biofeedback import config

_FS_HZ = config.RESAMPLE_FS_HZ
_DF_HZ = config.SPECTRUM_DF_HZ

ISSUE_ARTIFACTS = "artifacts"
ISSUE_NOT_FOLLOWING = "not_following"  # HR oscillation peak not at the pacer frequency
ISSUE_NO_OSCILLATION = "no_oscillation"  # breathing-locked sinusoid explains too little
ISSUE_TOO_SHORT = "too_short"

CRITERIA = ("phase", "amplitude", "lf_power", "lf_peak", "smoothness", "single_peak")


@dataclass(frozen=True, eq=False)
class BlockScore:
    """Lehrer criteria of one paced block; metrics are None when the block is too short for them."""

    rate_bpm: float
    n_beats: int
    artifact_share: float  # corrected by the pipeline or rejected here (outlier_beats)
    amplitude_bpm: float | None  # mean over complete breaths of max HR - min HR in the breath
    n_breaths: int
    lf_power_ms2: float | None  # block periodogram of the RR tachogram, 0.04-0.15 Hz
    lf_peak_ms2_per_hz: float | None  # highest PSD value in the LF band
    n_lf_peaks: int | None  # local maxima in LF above ASSESS_LF_PEAK_MIN_SHARE of the top
    peak_hz: float | None  # dominant HR oscillation in ASSESS_OSCILLATION_BAND_HZ
    phase_lag_deg: float | None  # HR peak after end of inhale (+) or before it (-)
    phase_lag_s: float | None
    smoothness_r2: float | None  # HR variance explained by a sinusoid locked to breathing
    usable: bool
    reasons: tuple[str, ...] = ()
    breathing_bpm: float | None = None  # measured from the pulse wave (None: no measure)
    issues: tuple[str, ...] = ()  # codes of the reasons: ISSUE_* below
    phase_source: str = ""  # where the breathing phase came from: "pulse", "chest", "pacer" or "belt" (core.resonance.assessment)
    behind_guide_s: float | None = None  # how late the breathing read from the pulse was behind the pacer
    freqs_hz: np.ndarray = field(default_factory=lambda: np.zeros(0), repr=False)
    psd_ms2_per_hz: np.ndarray = field(default_factory=lambda: np.zeros(0), repr=False)

    @property
    def pacer_hz(self) -> float:
        return self.rate_bpm / 60.0


@dataclass(frozen=True, eq=False)
class ResonanceResult:
    """Ranking of the paced rates; ``recommended_bpm`` is None when none could be determined."""

    blocks: tuple[BlockScore, ...]
    wins: dict[float, tuple[str, ...]]  # rate -> criteria it won (usable blocks only)
    ranking_bpm: tuple[float, ...]  # usable rates, best first
    recommended_bpm: float | None
    reasons: tuple[str, ...]  # why nothing was recommended (empty when a rate was)
    scores: dict[float, float] = field(default_factory=dict)  # weighted criteria score per usable rate
    confidence: float = 0.0  # 0..1: margin of the winner over the runner-up (share of the winner's score)
    confidence_label: str = ""  # "clear", "likely" or "uncertain" (empty when nothing was recommended)
    phase_zero_bpm: float | None = None  # where the HR-breathing lag crosses 0 deg between rates


def hr_curve(beat_t_s: np.ndarray, rr_ms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Instantaneous HR (bpm) on a 4 Hz grid: 60000/RR placed at the middle of each interval.

    Placing each interval's rate at its midpoint (not at its closing beat, as
    Kubios does for RR) removes the half-interval delay that would bias the
    phase of HR against breathing by ~15 deg at 6 breaths/min. Where
    midpoints lie more than ASSESS_MAX_BEAT_GAP_S apart (a finger-off, lost
    samples) the curve is NaN: a spline across the hole would overshoot
    (a 6 s hole once swung it to 526 bpm) and swamp the block's fit.
    """
    t = np.asarray(beat_t_s, float) - np.asarray(rr_ms, float) / 2000.0
    hr = 60000.0 / np.asarray(rr_ms, float)
    if t.size < 4:
        return np.zeros(0), np.zeros(0)
    grid = t[0] + np.arange(int(np.floor((t[-1] - t[0]) * _FS_HZ)) + 1) / _FS_HZ
    return grid, _spline_between_holes(t, hr, grid)


def _spline_between_holes(t: np.ndarray, y: np.ndarray, grid: np.ndarray) -> np.ndarray:
    """Cubic spline of (t, y) on ``grid``, NaN inside holes longer than ASSESS_MAX_BEAT_GAP_S."""
    out = np.full(grid.size, np.nan)
    cuts = np.flatnonzero(np.diff(t) > config.ASSESS_MAX_BEAT_GAP_S) + 1
    for seg in np.split(np.arange(t.size), cuts):
        if seg.size < 2:
            continue
        inside = (grid >= t[seg[0]]) & (grid <= t[seg[-1]])
        ts, ys = t[seg], y[seg]
        out[inside] = CubicSpline(ts, ys)(grid[inside]) if seg.size >= 4 else np.interp(grid[inside], ts, ys)
    return out


def _periodogram(beat_t_s: np.ndarray, rr_ms: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """One Hann-windowed periodogram over the whole block (a block-length Welch segment).

    The tachogram is a cubic spline between beats and a straight line across
    holes (a spline would overshoot there and put power where there was none).
    """
    t = np.asarray(beat_t_s, float)
    grid = t[0] + np.arange(int(np.floor((t[-1] - t[0]) * _FS_HZ)) + 1) / _FS_HZ
    x = _spline_between_holes(t, np.asarray(rr_ms, float), grid)
    hole = ~np.isfinite(x)
    x[hole] = np.interp(grid[hole], t, rr_ms)
    nfft = max(x.size, 1 << int(np.ceil(np.log2(_FS_HZ / _DF_HZ))))
    return signal.periodogram(x, fs=_FS_HZ, window="hann", nfft=nfft, detrend="linear",
                              scaling="density")


def outlier_beats(rr_ms: np.ndarray) -> np.ndarray:
    """Intervals more than ASSESS_OUTLIER_SHARE off the running median of ASSESS_OUTLIER_MEDIAN_BEATS.

    A safety net behind the pipeline's artifact correction (motion can pass a
    spurious beat through): such beats count as artifacts here. Resonance RSA
    (about +-15 % of RR) stays well inside the limit.
    """
    rr = np.asarray(rr_ms, float)
    k = config.ASSESS_OUTLIER_MEDIAN_BEATS
    if rr.size < k:
        return np.zeros(rr.size, bool)
    med = signal.medfilt(rr, k)
    half = k // 2
    med[:half], med[-half:] = med[half], med[-half - 1]
    return np.abs(rr - med) > config.ASSESS_OUTLIER_SHARE * med


def _sine_fit(t_s: np.ndarray, hr: np.ndarray, phase_cycles: np.ndarray) -> tuple[float, float]:
    """Least squares HR ~ a cos(2 pi phase) + b sin(2 pi phase) + linear trend.

    Returns (angle of the HR peak in radians of the breath cycle, R^2 of the
    sinusoid over the detrended HR).
    """
    tc = t_s - t_s.mean()
    trend = np.column_stack([np.ones_like(tc), tc])
    resid = hr - trend @ np.linalg.lstsq(trend, hr, rcond=None)[0]
    w = 2 * np.pi * phase_cycles
    design = np.column_stack([np.cos(w), np.sin(w), np.ones_like(tc), tc])
    coef = np.linalg.lstsq(design, hr, rcond=None)[0]
    fit = design[:, :2] @ coef[:2]
    total = float(resid @ resid)
    r2 = float(1.0 - ((resid - fit) @ (resid - fit)) / total) if total > 0 else 0.0
    return float(np.arctan2(coef[1], coef[0])), max(r2, 0.0)


def _per_breath_amplitude(
    beat_t_s: np.ndarray, rr_ms: np.ndarray, corrected: np.ndarray, phase_t_s: np.ndarray,
    cycles: np.ndarray,
) -> tuple[float | None, int]:
    """Mean over complete breaths of (max - min) of the beat-to-beat HR inside each breath.

    Corrected (interpolated) beats are left out: one badly interpolated interval
    would otherwise set a breath's extreme.
    """
    mid_t = beat_t_s - rr_ms / 2000.0
    hr = 60000.0 / rr_ms
    beat_cycle = np.interp(mid_t, phase_t_s, cycles, left=np.nan, right=np.nan)
    ok = np.isfinite(beat_cycle) & ~corrected
    if not ok.any():
        return None, 0
    first, last = int(np.ceil(cycles[0])), int(np.floor(cycles[-1]))
    swings = []
    for k in range(first, last):
        m = ok & (beat_cycle >= k) & (beat_cycle < k + 1)
        if np.count_nonzero(m) >= 3:
            swings.append(float(hr[m].max() - hr[m].min()))
    if len(swings) < config.ASSESS_MIN_BREATHS:
        return None, len(swings)
    return float(np.mean(swings)), len(swings)


def score_block(
    rate_bpm: float,
    beat_t_s: np.ndarray,
    rr_ms: np.ndarray,
    corrected: np.ndarray,
    phase_t_s: np.ndarray,
    phase_cycles: np.ndarray,
    end_inhale_cycle: float = 0.5,
    breathing_bpm: float | None = None,
) -> BlockScore:
    """Score one block of paced breathing at ``rate_bpm`` (beats and breathing phase over time).

    ``breathing_bpm``: the user's breathing rate in the block measured from
    the pulse wave (None when there is no trustworthy measure: then "followed
    the pacer" is judged from the heart-rate oscillation).
    """
    t = np.asarray(beat_t_s, float)
    rr = np.asarray(rr_ms, float)
    corrected = np.asarray(corrected, bool)
    if t.size > 1 and np.any(np.diff(t) <= 0):  # beats mapped across a clock change: keep time order
        keep = np.concatenate(([True], t[1:] > np.maximum.accumulate(t)[:-1]))
        t, rr, corrected = t[keep], rr[keep], corrected[keep]
    corr = corrected | outlier_beats(rr)
    n = int(t.size)
    share = float(corr.mean()) if n else 1.0
    if n and corr.any() and not corr.all():  # artifacts must not set the spectrum or the fit
        rr = rr.copy()
        rr[corr] = np.interp(t[corr], t[~corr], rr[~corr])
    reasons: list[str] = []
    issues: list[str] = []
    if share > config.ASSESS_MAX_ARTIFACT_SHARE:
        issues.append(ISSUE_ARTIFACTS)
        reasons.append(f"{100 * share:.1f} % of beats were corrected "
                       f"(more than {100 * config.ASSESS_MAX_ARTIFACT_SHARE:.0f} %)")
    ph_t = np.asarray(phase_t_s, float)
    cycles = np.unwrap(np.asarray(phase_cycles, float), period=1.0)
    empty = BlockScore(
        rate_bpm=rate_bpm, n_beats=n, artifact_share=share, amplitude_bpm=None, n_breaths=0,
        lf_power_ms2=None, lf_peak_ms2_per_hz=None, n_lf_peaks=None, peak_hz=None,
        phase_lag_deg=None, phase_lag_s=None, smoothness_r2=None, usable=False,
        reasons=(*reasons, "too few beats in this block"), issues=(*issues, ISSUE_TOO_SHORT),
    )
    if n < 8 or ph_t.size < 2 or t[-1] - t[0] < 2 * 60.0 / rate_bpm:
        return empty
    amplitude, n_breaths = _per_breath_amplitude(t, rr, corr, ph_t, cycles)
    f, p = _periodogram(t, rr)
    df = float(f[1] - f[0])
    lf = (f >= config.LF_BAND_HZ[0]) & (f < config.LF_BAND_HZ[1])
    lf_power = float(p[lf].sum() * df)
    lf_peak = float(p[lf].max())
    idx, _ = signal.find_peaks(p[lf], height=config.ASSESS_LF_PEAK_MIN_SHARE * lf_peak)
    band = (f >= config.ASSESS_OSCILLATION_BAND_HZ[0]) & (f <= config.ASSESS_OSCILLATION_BAND_HZ[1])
    peak_hz = float(f[band][np.argmax(p[band])])

    grid, hr = hr_curve(t, rr)
    inside = (grid >= ph_t[0]) & (grid <= ph_t[-1]) & np.isfinite(hr)
    angle, r2 = _sine_fit(grid[inside], hr[inside], np.interp(grid[inside], ph_t, cycles))
    lag_rad = (angle - 2 * np.pi * end_inhale_cycle + np.pi) % (2 * np.pi) - np.pi
    lag_deg = float(np.degrees(lag_rad))
    pacer_hz = rate_bpm / 60.0
    if breathing_bpm is not None:
        if abs(breathing_bpm - rate_bpm) > config.ASSESS_BREATH_FOLLOW_BPM:
            issues.append(ISSUE_NOT_FOLLOWING)
            reasons.append(f"breathing (read from the pulse) was {breathing_bpm:.1f} /min, "
                           f"not at the pacer's {rate_bpm:g} /min")
    elif abs(peak_hz - pacer_hz) > config.ASSESS_FOLLOW_TOLERANCE_HZ:
        issues.append(ISSUE_NOT_FOLLOWING)
        reasons.append(f"heart rate oscillated at {60 * peak_hz:.1f} /min, "
                       f"not at the pacer's {rate_bpm:g} /min")
    if r2 < config.ASSESS_MIN_FIT_R2:
        issues.append(ISSUE_NO_OSCILLATION)
        reasons.append(f"no clear heart-rate oscillation with the breath "
                       f"(explains {100 * r2:.0f} % of the variation)")
    if amplitude is None:
        issues.append(ISSUE_TOO_SHORT)
        reasons.append(f"only {n_breaths} complete breaths")
    return BlockScore(
        rate_bpm=rate_bpm, n_beats=n, artifact_share=share, amplitude_bpm=amplitude,
        n_breaths=n_breaths, lf_power_ms2=lf_power, lf_peak_ms2_per_hz=lf_peak,
        n_lf_peaks=int(idx.size), peak_hz=peak_hz, phase_lag_deg=lag_deg,
        phase_lag_s=lag_deg / 360.0 * 60.0 / rate_bpm, smoothness_r2=r2,
        usable=not reasons, reasons=tuple(reasons), breathing_bpm=breathing_bpm, issues=tuple(issues),
        freqs_hz=f, psd_ms2_per_hz=p,
    )


def _criterion_scores(blocks: list[BlockScore]) -> dict[float, dict[str, float]]:
    """Per usable rate, each criterion graded 0..1 (1 = the best block).

    Phase: 1 - |lag| / 90 deg (0 beyond a quarter breath); amplitude, LF power,
    LF peak and smoothness: value / best value; single LF peak: 1 / number of peaks.
    """
    metrics = {b.rate_bpm: _usable_metrics(b) for b in blocks}
    best = {
        name: max(m[name] for m in metrics.values())
        for name in ("amplitude", "lf_power", "lf_peak", "smoothness")
    }
    out = {}
    for rate, m in metrics.items():
        out[rate] = {
            "phase": max(0.0, 1.0 - abs(m["phase_lag_deg"]) / 90.0),
            "amplitude": m["amplitude"] / best["amplitude"] if best["amplitude"] > 0 else 0.0,
            "lf_power": m["lf_power"] / best["lf_power"] if best["lf_power"] > 0 else 0.0,
            "lf_peak": m["lf_peak"] / best["lf_peak"] if best["lf_peak"] > 0 else 0.0,
            "smoothness": m["smoothness"] / best["smoothness"] if best["smoothness"] > 0 else 0.0,
            "single_peak": 1.0 / max(m["n_lf_peaks"], 1),
        }
    return out


def _usable_metrics(b: BlockScore) -> dict[str, float]:
    """The metrics the criteria grade; a usable block has all of them (score_block sets them)."""
    if (b.amplitude_bpm is None or b.lf_power_ms2 is None or b.lf_peak_ms2_per_hz is None
            or b.smoothness_r2 is None or b.phase_lag_deg is None or b.n_lf_peaks is None):
        raise ValueError(f"the {b.rate_bpm:g} /min block is not usable: it has metrics missing")
    return {
        "amplitude": b.amplitude_bpm, "lf_power": b.lf_power_ms2, "lf_peak": b.lf_peak_ms2_per_hz,
        "smoothness": b.smoothness_r2, "phase_lag_deg": b.phase_lag_deg, "n_lf_peaks": b.n_lf_peaks,
    }


def phase_zero_crossing_bpm(blocks: list[BlockScore]) -> float | None:
    """Rate where the HR-breathing lag crosses 0 deg, linear between neighbouring rates.

    The lag falls as the rate rises through resonance (HR leads below it and
    lags above it), so the crossing estimates the resonance rate between the
    paced rates. None when the lag does not change sign.
    """
    pts = sorted((b.rate_bpm, b.phase_lag_deg) for b in blocks if b.phase_lag_deg is not None)
    for (r0, l0), (r1, l1) in zip(pts[:-1], pts[1:], strict=True):
        if l0 >= 0 >= l1 and l0 != l1:
            return float(r0 + (r1 - r0) * l0 / (l0 - l1))
    return None


def _summary(blocks: list[BlockScore]) -> list[str]:
    """Plain-language causes shared by several blocks (first the likeliest)."""
    out = []
    n = len(blocks)
    follow = sum(ISSUE_NOT_FOLLOWING in b.issues or ISSUE_NO_OSCILLATION in b.issues for b in blocks)
    noisy = sum(ISSUE_ARTIFACTS in b.issues for b in blocks)
    short = sum(ISSUE_TOO_SHORT in b.issues for b in blocks)
    measured = sum(b.breathing_bpm is not None for b in blocks)
    if follow:
        cause = ("the breathing read from the pulse did not follow it" if measured
                 else "the breathing may not have followed it")
        out.append(f"in {follow} of {n} blocks heart rate did not rise and fall with the pacer: {cause}")
    if noisy:
        out.append(f"too noisy: in {noisy} of {n} blocks more than "
                   f"{100 * config.ASSESS_MAX_ARTIFACT_SHARE:.0f} % of beats had to be corrected "
                   "(movement or a loose sensor)")
    if short:
        out.append(f"{short} of {n} blocks had too few beats or breaths to score")
    return out


def rank_rates(blocks: list[BlockScore]) -> ResonanceResult:
    """The usable rate with the highest weighted criteria score (weights ASSESS_CRITERION_WEIGHTS).

    ``wins`` lists the criteria on which each rate was the best block;
    ``confidence`` = (winner - runner-up) / winner score; labelled "clear"
    at or above ASSESS_CONFIDENCE_CLEAR, "likely" at or above
    ASSESS_CONFIDENCE_LIKELY, else "uncertain" (a retest is then advised).
    """
    usable = [b for b in blocks if b.usable]
    zero = phase_zero_crossing_bpm(usable)
    if len(usable) < config.ASSESS_MIN_VALID_BLOCKS:
        reasons = [f"only {len(usable)} of {len(blocks)} rates gave a usable block "
                   f"(at least {config.ASSESS_MIN_VALID_BLOCKS} are needed)"]
        reasons += _summary(blocks)
        reasons += [f"{b.rate_bpm:g} /min: {r}" for b in blocks if not b.usable for r in b.reasons]
        return ResonanceResult(blocks=tuple(blocks), wins={}, ranking_bpm=(), recommended_bpm=None,
                               reasons=tuple(reasons))
    graded = _criterion_scores(usable)
    weights = config.ASSESS_CRITERION_WEIGHTS
    scores = {rate: float(sum(weights[c] * g[c] for c in CRITERIA)) for rate, g in graded.items()}
    wins = {rate: tuple(c for c in CRITERIA if g[c] >= max(h[c] for h in graded.values()) - 1e-12)
            for rate, g in graded.items()}
    amp = {b.rate_bpm: b.amplitude_bpm for b in usable}
    ranking = sorted(scores, key=lambda r: (scores[r], amp[r]), reverse=True)
    top, second = scores[ranking[0]], scores[ranking[1]]
    confidence = float((top - second) / top) if top > 0 else 0.0
    label = ("clear" if confidence >= config.ASSESS_CONFIDENCE_CLEAR
             else "likely" if confidence >= config.ASSESS_CONFIDENCE_LIKELY else "uncertain")
    return ResonanceResult(blocks=tuple(blocks), wins=wins, ranking_bpm=tuple(ranking),
                           recommended_bpm=ranking[0], reasons=(), scores=scores,
                           confidence=confidence, confidence_label=label, phase_zero_bpm=zero)


def breath_swing_bpm(
    beat_t_s: np.ndarray, rr_ms: np.ndarray, breath_start_s: float, breath_end_s: float,
    corrected: np.ndarray | None = None,
) -> float | None:
    """Peak-to-trough HR (max - min of 60000/RR, bpm) of the beats in one breath (docs/reference/algorithms.md §6).

    Intervals are placed at their midpoints, as in :func:`hr_curve`; corrected
    beats are left out. None with fewer than 3 beats in the breath.
    """
    t = np.asarray(beat_t_s, float)
    rr = np.asarray(rr_ms, float)
    mid = t - rr / 2000.0
    m = (mid >= breath_start_s) & (mid < breath_end_s)
    if corrected is not None:
        m &= ~np.asarray(corrected, bool)
    if np.count_nonzero(m) < 3:
        return None
    hr = 60000.0 / rr[m]
    return float(hr.max() - hr.min())
