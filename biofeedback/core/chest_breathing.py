"""Breathing from a chest strap's accelerometer (a Polar H10's PMD ACC).

The strap sits on the chest, so each breath tilts it: gravity's share on its
axes swings by tens of mG at the breathing rate (every-breath-you-take reads a
Polar H10 this way). The three axes are band-passed to the breathing band
(``RESP_BAND_HZ``, zero-phase), projected on their first principal axis (the
direction the chest tilts in, whatever the strap's orientation) and z-scored:
a breathing curve. Its rate is the highest peak of a Hann-windowed,
zero-padded periodogram in the band, as for the pulse-wave modulations
(``core.respiration``), with the peak's spectral purity as quality.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np
from scipy import signal

from biofeedback import config
from biofeedback.core.respiration import _spectral_rate

CHEST_WINDOW_S = 60.0  # the rate is taken over this much of the latest curve
CHEST_MIN_S = 20.0  # less than this of curve gives no rate
CHEST_MIN_PURITY = 0.3  # a peak holding less of the band's power is noise (a still chest, a held breath)


@dataclass(frozen=True)
class ChestBreathRate:
    t_end_s: float
    rate_bpm: float
    purity: float  # share of the band's power at the peak: 0..1


def breathing_curve(acc_mg: np.ndarray, fs_hz: float) -> np.ndarray:
    """(n, 3) accelerometer samples -> (n,) z-scored breathing curve (sign arbitrary)."""
    acc = np.asarray(acc_mg, dtype=float).reshape(-1, 3)
    sos = signal.butter(2, config.RESP_BAND_HZ, btype="band", fs=fs_hz, output="sos")
    band = signal.sosfiltfilt(sos, acc - acc.mean(axis=0), axis=0)
    _, _, vt = np.linalg.svd(band, full_matrices=False)
    curve = band @ vt[0]
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
