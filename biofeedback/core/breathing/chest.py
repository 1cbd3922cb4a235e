"""Breathing from a chest strap's accelerometer (a Polar H10's PMD ACC).

The strap sits on the chest, so each breath tilts it: gravity's share on its
axes swings by tens of mG at the breathing rate (every-breath-you-take reads a
Polar H10 this way). The three axes are band-passed to the breathing band
(``RESP_BAND_HZ``, zero-phase), projected on their first principal axis (the
direction the chest tilts in, whatever the strap's orientation) and z-scored:
a breathing curve. Its rate is the highest peak of a Hann-windowed,
zero-padded periodogram in the band, as for the pulse-wave modulations
(``core.breathing.respiration``), with the peak's spectral purity as quality.

``ChestRespirationTracker`` gives what ``core.breathing.respiration.RespirationTracker``
gives from the pulse (a ``BreathingEstimate``, the breath curve, the phase
track of a stretch), read from the chest instead: where a strap sends its
accelerometer, that is the user's breathing under the pacer and the
resonance assessment's breathing phase. The curve's sign: the strap's z axis
points out of the chest and its reading rises as the chest fills
(every-breath-you-take reads a Polar H10's inhale so), so the principal
direction is taken with z positive: the curve rises with lung volume.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
from scipy import signal

from biofeedback import config
from biofeedback.core.breathing.counting import (
    band_sos,
    breath_phase_track,
    count_breaths,
    phase_at_end,
)
from biofeedback.core.breathing.respiration import BreathingEstimate, _spectral_rate

CHEST_WINDOW_S = 60.0  # the rate is taken over this much of the latest curve
CHEST_MIN_S = 20.0  # less than this of curve gives no rate
CHEST_MIN_PURITY = 0.3  # a peak holding less of the band's power is noise (a still chest, a held breath)
CHEST_GAP_S = 1.0  # accelerometer samples further apart than this: frames were lost, the curve starts again
CHEST_COVER_S = 0.5  # a grid point this close to a sample is covered by the curve
CHEST_MODULATION = "chest"  # the name in BreathingEstimate.rates_bpm / used


@dataclass(frozen=True)
class ChestBreathRate:
    t_end_s: float
    rate_bpm: float
    purity: float  # share of the band's power at the peak: 0..1


def breathing_curve(acc_mg: np.ndarray, fs_hz: float) -> np.ndarray:
    """(n, 3) accelerometer samples -> (n,) z-scored breathing curve, rising on inhale."""
    acc = np.asarray(acc_mg, dtype=float).reshape(-1, 3)
    band = signal.sosfiltfilt(band_sos(config.RESP_BAND_HZ, round(fs_hz, 3)), acc - acc.mean(axis=0), axis=0)
    _, _, vt = np.linalg.svd(band, full_matrices=False)
    axis = vt[0] if vt[0][2] >= 0 else -vt[0]  # z out of the chest rises on inhale
    curve = band @ axis
    sd = curve.std()
    return curve / sd if sd > 0 else curve


def breathing_rate(acc_mg: np.ndarray, fs_hz: float, t_end_s: float = 0.0) -> ChestBreathRate | None:
    """Breaths/min over these samples; None with too few, a flat signal, or no clear peak."""
    acc = np.asarray(acc_mg, dtype=float).reshape(-1, 3)
    if acc.shape[0] < CHEST_MIN_S * fs_hz:
        return None
    curve = breathing_curve(acc, fs_hz)
    if not np.any(curve):
        return None  # nothing moves
    found = _spectral_rate(curve, fs_hz)
    if found is None or found.purity < CHEST_MIN_PURITY:
        return None
    return ChestBreathRate(t_end_s, found.rate_bpm, found.purity)


class ChestBreathing:
    """The latest ``CHEST_WINDOW_S`` of accelerometer samples, and the breathing rate over them."""

    def __init__(self, fs_hz: float, window_s: float = CHEST_WINDOW_S) -> None:
        self.fs_hz = fs_hz
        self._t: deque[float] = deque(maxlen=int(window_s * fs_hz))
        self._acc: deque[np.ndarray] = deque(maxlen=int(window_s * fs_hz))

    def push(self, t_s: np.ndarray, acc_mg: np.ndarray) -> None:
        self._t.extend(np.asarray(t_s, dtype=float).tolist())
        self._acc.extend(np.asarray(acc_mg, dtype=float).reshape(-1, 3))

    def forget(self) -> None:
        """A gap: the curve starts again (a window across a gap would blur the rate)."""
        self._t.clear()
        self._acc.clear()

    def rate(self) -> ChestBreathRate | None:
        if not self._t:
            return None
        return breathing_rate(np.array(self._acc), self.fs_hz, self._t[-1])


def _no_estimate(t_end_s: float, window_s: float) -> BreathingEstimate:
    return BreathingEstimate(float(t_end_s), None, None, 0.0, float(window_s), {CHEST_MODULATION: None})


def chest_estimate(t_s: np.ndarray, acc_mg: np.ndarray, t_end_s: float, window_s: float
                   ) -> tuple[BreathingEstimate, np.ndarray, np.ndarray, np.ndarray | None]:
    """Breathing over [t_end_s - window_s, t_end_s] from the chest: (estimate, 4 Hz grid, curve, phase track),
    the last three from the first sample in the window on.

    The curve (``breathing_curve`` of the samples in the window) is put on the
    grid of the pulse's breath curve (``config.RESAMPLE_FS_HZ``); rate and phase
    as ``core.breathing.respiration`` takes them from its curve: breaths counted where
    they agree with the spectral peak, else the peak; the phase fitted at the
    end. Quality: the peak's purity times the share of the window covered.
    """
    none = _no_estimate(t_end_s, window_s), np.empty(0), np.empty(0), None
    t = np.asarray(t_s, float)
    inside = (t >= t_end_s - window_s) & (t <= t_end_s)
    t, acc = t[inside], np.asarray(acc_mg, float).reshape(-1, 3)[inside]
    fs_acc = (t.size - 1) / (t[-1] - t[0]) if t.size > 1 and t[-1] > t[0] else 0.0
    if fs_acc <= 0 or t[-1] - t[0] < CHEST_MIN_S:
        return none
    raw = breathing_curve(acc, fs_acc)
    if not np.any(raw):
        return none
    fs = config.RESAMPLE_FS_HZ
    n = int(round(window_s * fs))
    grid = t_end_s - (n - 1 - np.arange(n)) / fs
    at = np.clip(np.searchsorted(t, grid), 1, t.size - 1)
    covered = np.minimum(np.abs(t[at] - grid), np.abs(t[at - 1] - grid)) <= CHEST_COVER_S
    first = int(np.argmax(covered))  # a window longer than the samples so far: from the first one on
    grid, covered = grid[first:], covered[first:]
    curve = np.interp(grid, t, raw)
    curve = curve / (curve[covered].std() or 1.0)
    spec = _spectral_rate(np.where(covered, curve, 0.0), fs)
    if spec is None or spec.purity < CHEST_MIN_PURITY:
        return none
    rate = spec.rate_bpm
    peaks, troughs, _ = count_breaths(curve, fs)
    track = breath_phase_track(peaks, troughs, covered, curve.size)
    counted = track is not None and track[-1] - track[0] >= config.RESP_MIN_COUNTED_CYCLES
    if track is not None and counted:
        counted_bpm = 60.0 * float(track[-1] - track[0]) / ((curve.size - 1) / fs)
        counted = abs(counted_bpm - rate) <= config.RESP_COUNT_MAX_DIFF_SHARE * rate
        if counted:
            rate = counted_bpm
    phase = phase_at_end(curve, covered, fs, rate)
    quality = float(np.clip(spec.purity * covered.mean(), 0.0, 1.0))
    est = BreathingEstimate(float(t_end_s), float(rate), phase, quality, float(window_s),
                            {CHEST_MODULATION: round(float(rate), 3)}, (CHEST_MODULATION,))
    return est, grid, curve, track if counted else None


class ChestRespirationTracker:
    """Streaming breathing from a chest accelerometer: the reads of ``core.breathing.respiration.RespirationTracker``.

    Feed ``add_acc`` as frames come, call ``update`` every second (recomputes
    at most every ``update_s`` of device time). Samples further apart than
    ``CHEST_GAP_S`` (lost frames) start the curve again.
    """

    def __init__(self, window_s: float = config.RESP_WINDOW_S, update_s: float = config.RESP_UPDATE_S,
                 keep_s: float | None = None) -> None:
        self.window_s = float(window_s)
        self.update_s = float(update_s)
        self.keep_s = max(float(keep_s or 0.0), self.window_s + 10.0)
        self.reset()

    def reset(self) -> None:
        self._t: deque[np.ndarray] = deque()
        self._acc: deque[np.ndarray] = deque()
        self.latest: BreathingEstimate | None = None
        self.curve_t_s: np.ndarray = np.empty(0)
        self.curve: np.ndarray = np.empty(0)
        self._next_update_t = -np.inf

    @property
    def has_signal(self) -> bool:
        """Accelerometer samples arrived since the last reset."""
        return bool(self._t)

    def add_acc(self, t_s: np.ndarray, acc_mg: np.ndarray) -> None:
        t = np.asarray(t_s, float)
        if not t.size:
            return
        if self._t and t[0] - self._t[-1][-1] > CHEST_GAP_S:
            self.reset()
        self._t.append(t)
        self._acc.append(np.asarray(acc_mg, float).reshape(-1, 3))
        while len(self._t) > 1 and self._t[0][-1] < t[-1] - self.keep_s:
            self._t.popleft()
            self._acc.popleft()

    def _samples(self) -> tuple[np.ndarray, np.ndarray]:
        return np.concatenate(self._t), np.concatenate(self._acc)

    def update(self, t_s: float) -> BreathingEstimate | None:
        """The estimate for the window ending at ``t_s`` (device clock), recomputed once per update_s."""
        if t_s < self._next_update_t or not self._t:
            return self.latest
        self._next_update_t = float(t_s) + self.update_s
        est, grid, curve, _ = chest_estimate(*self._samples(), float(t_s), self.window_s)
        self.latest = est
        self.curve_t_s, self.curve = (grid, curve) if est.valid else (np.empty(0), np.empty(0))
        return est

    def phase_track(self, t0_s: float, t1_s: float) -> tuple[np.ndarray, np.ndarray] | None:
        """Unwrapped phase (cycles, 0 = start of inhale) on a 4 Hz grid over [t0_s, t1_s]; None without
        counted breaths (``keep_s`` must cover the stretch)."""
        if not self._t:
            return None
        _, grid, _, track = chest_estimate(*self._samples(), float(t1_s), float(t1_s - t0_s))
        return None if track is None else (grid, track)
