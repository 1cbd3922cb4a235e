"""Which way up a PPG is, from the shape of its pulses.

An upright pulse wave has a narrow systolic peak over a broad base, so the
band-passed wave is positively skewed (long upper tail); inverting the wave
(a MAX3010x raw IR value *falls* when blood arrives) flips the sign of the
skew. Where the peak is clearly narrow (|skew| >= ``_CLEAR_SKEW``) that
decides: +0.8 to +1.6 on 4 s windows of the clean parts of heartpy's data3,
biopeaks' OSmontagePPG, pyphysio's lab BVP and biosignalsnotebooks' BVP.

Where it is not, the slopes decide, with the pulse's other asymmetry: on the
finger records we checked (heartpy's data.csv, data2.csv; a 20 Hz wrist
band) the steepest slopes after band-passing are the fall from the systolic
peak into the notch, so the derivative is negatively skewed and the score is
skew(y) - skew(dy/dt). That term alone would be wrong on a wave whose
upstroke is the steepest slope (a laboratory BVP with a sharp upstroke and a
slow decay: skew(dy/dt) = +1.3, and a small high-frequency ripple on it),
which is why the narrow peak is asked first.

A guess is revised only on clear evidence (``decide_polarity``'s
``current``): a noisy stretch or a ripple that makes the score hover near
zero cannot flip it. A score within ``CLEAR_SCORE`` of zero is a guess, not
evidence: the detector says so (``PpgBeatDetector.polarity_sure``) until a
later window of pulses scores clearly on the side it took. On 4 s windows of
the seven real PPG recordings of the validation, |score| < 0.3 in 0-8 % of
windows (motion and finger-off stretches), never on the clean starts.
"""

from __future__ import annotations

import numpy as np
from scipy import signal

from biofeedback.config import PPG_BANDPASS_HZ

UPRIGHT = 1
INVERTED = -1
_CLEAR_SKEW = 0.6  # a band-passed wave this skewed has a clearly narrow peak on that side
CLEAR_SCORE = 0.3  # a score this far from zero is evidence of the pulse's direction; nearer, a guess


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
    """> 0 upright, < 0 inverted, ~0 no pulse: skew(y) if clear, else skew(y) - skew(dy/dt).

    ``y`` is the band-passed wave (see the module notes).
    """
    b, a = bandpass_ba(fs_hz)
    x = np.asarray(values, float)
    if x.size < 8:
        return 0.0
    y = signal.lfilter(b, a, x - x[0])
    y = y[min(y.size // 4, int(fs_hz)) :]  # skip the filter's start-up transient
    peak_skew = _skew(y)
    if abs(peak_skew) >= _CLEAR_SKEW:
        return peak_skew
    return peak_skew - _skew(np.diff(y))


def decide_polarity(score: float, current: int | None = None) -> int:
    """``UPRIGHT`` (+1) or ``INVERTED`` (-1) for a ``polarity_score``.

    With ``current`` (a polarity already learnt) the answer changes only when the
    score is beyond ``CLEAR_SCORE`` on the other side.
    """
    if current is not None and score * current > -CLEAR_SCORE:
        return current
    return INVERTED if score < 0.0 else UPRIGHT
