"""Adaptive pacing: start at the user's own breathing rate and glide toward the resonance rate.

The pacer starts at the rate the user breathes now: read from the pulse wave
(``core.breathing.respiration``, :meth:`AdaptivePacing.from_breathing`) when there is
a good estimate; otherwise respiratory sinus arrhythmia makes heart rate
oscillate at the breathing rate (Hirsch & Bishop 1981), so the spectral peak
of the recent tachogram in 0.05-0.5 Hz stands in for it. The pacer starts there
(clamped to the pacer's range) and moves toward the target rate no faster
than ``max_change_bpm_per_min``, and only at the start of a breath, so the
user is never asked to follow a change mid-breath. The returned rates go to
``Pacer.set_rate``, which keeps the guide phase-continuous.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import signal
from scipy.interpolate import CubicSpline

from biofeedback import config
from biofeedback.core.breathing.pacer import clamp_rate_bpm


def breathing_rate_from_tachogram(
    beat_t_s: np.ndarray,
    rr_ms: np.ndarray,
    window_s: float = config.ADAPT_ESTIMATE_WINDOW_S,
    band_hz: tuple[float, float] = config.ADAPT_BREATHING_BAND_HZ,
) -> float | None:
    """Breaths/min at the highest peak of the last ``window_s`` of the tachogram in ``band_hz``.

    4 Hz cubic spline, linear detrend, Hann window, zero-padded periodogram
    (0.001 Hz grid). None when the beats cover less than 3 cycles of the
    band's lower edge or fewer than 8 beats.
    """
    t = np.asarray(beat_t_s, float)
    rr = np.asarray(rr_ms, float)
    keep = t >= t[-1] - window_s if t.size else np.zeros(0, bool)
    t, rr = t[keep], rr[keep]
    if t.size < 8 or t[-1] - t[0] < 3.0 / band_hz[1] or t[-1] - t[0] < 1.5 / band_hz[0]:
        return None
    fs = config.RESAMPLE_FS_HZ
    grid = t[0] + np.arange(int(np.floor((t[-1] - t[0]) * fs)) + 1) / fs
    x = CubicSpline(t, rr)(grid)
    nfft = max(x.size, 1 << int(np.ceil(np.log2(fs / config.SPECTRUM_DF_HZ))))
    f, p = signal.periodogram(x, fs=fs, window="hann", nfft=nfft, detrend="linear")
    m = (f >= band_hz[0]) & (f <= band_hz[1])
    return float(60.0 * f[m][np.argmax(p[m])])


class AdaptivePacing:
    """Rate schedule from ``start_bpm`` to ``target_bpm``, changed only at breath starts.

    Each change is one pacer step (0.1 breaths/min, less for the last one) and
    comes at least ``step / max_change_bpm_per_min`` minutes after the previous
    change (or the start): 12 s at 0.5 breaths/min per minute. Allowance earned
    across breaths without a change is kept (up to one step), so the glide
    runs at the limit, never above it.
    """

    def __init__(
        self,
        target_bpm: float,
        start_bpm: float,
        t0_s: float,
        max_change_bpm_per_min: float = config.ADAPT_MAX_CHANGE_BPM_PER_MIN,
    ) -> None:
        if max_change_bpm_per_min <= 0:
            raise ValueError("max_change_bpm_per_min must be > 0")
        self.target_bpm = clamp_rate_bpm(target_bpm)
        self.rate_bpm = clamp_rate_bpm(start_bpm)
        self.max_change_bpm_per_min = float(max_change_bpm_per_min)
        self._t_last_s = float(t0_s)
        self._budget_bpm = 0.0
        self._cycle_start_s: float | None = None

    @classmethod
    def from_tachogram(
        cls, target_bpm: float, beat_t_s: np.ndarray, rr_ms: np.ndarray, t0_s: float, **kwargs
    ) -> AdaptivePacing:
        """Start at the breathing rate estimated from the recent tachogram (target if unknown)."""
        start = breathing_rate_from_tachogram(beat_t_s, rr_ms)
        return cls(target_bpm, target_bpm if start is None else start, t0_s, **kwargs)

    @classmethod
    def from_breathing(
        cls, target_bpm: float, estimate, beat_t_s: np.ndarray, rr_ms: np.ndarray, t0_s: float, **kwargs
    ) -> AdaptivePacing:
        """Start at the breathing read from the pulse wave (``core.breathing.respiration.BreathingEstimate``).

        The user's own breathing, measured, not inferred from the heart rhythm
        it is meant to change; when there is no estimate of at least
        RESP_MIN_QUALITY (an IBI-only sensor, a noisy minute), the tachogram's.
        """
        if estimate is not None and estimate.rate_bpm is not None and \
                estimate.quality >= config.RESP_MIN_QUALITY:
            return cls(target_bpm, estimate.rate_bpm, t0_s, **kwargs)
        return cls.from_tachogram(target_bpm, beat_t_s, rr_ms, t0_s, **kwargs)

    @property
    def arrived(self) -> bool:
        return math.isclose(self.rate_bpm, self.target_bpm, abs_tol=1e-9)

    def on_breath_start(self, t_s: float) -> float | None:
        """A new breath begins at ``t_s``: the new rate if it changes now, else None."""
        step = config.PACER_STEP_BPM
        earned = self.max_change_bpm_per_min * (float(t_s) - self._t_last_s) / 60.0
        self._budget_bpm = min(self._budget_bpm + earned, step)
        self._t_last_s = float(t_s)
        gap = self.target_bpm - self.rate_bpm
        if abs(gap) < 1e-9 or self._budget_bpm < step - 1e-9:
            return None
        move = min(step, abs(gap))
        self._budget_bpm -= move
        self.rate_bpm = round(self.rate_bpm + math.copysign(move, gap), 6)
        return self.rate_bpm

    def update(self, t_s: float, cycle_start_s: float) -> float | None:
        """Call every frame with ``Pacer.cycle_start_s(t_s)``; acts when a new breath has begun."""
        new_breath = self._cycle_start_s is not None and cycle_start_s > self._cycle_start_s + 1e-6
        self._cycle_start_s = cycle_start_s
        return self.on_breath_start(t_s) if new_breath else None
