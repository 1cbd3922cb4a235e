"""The rhythm of a pulse wave: its period by autocorrelation, and small robust statistics.

Used by the beat detector (``beats``) to know the expected interval before
and between beats: the period of the band-passed wave over the last seconds
does not depend on which peaks the detector took, so it can tell a reflected
wave (too soon) from a beat.
"""

from __future__ import annotations

import numpy as np

from biofeedback.config import (
    BEAT_LEARN_PERIOD_SHARE,
    BEAT_PERIOD_MIN_CORRELATION,
    BEAT_REFRACTORY_S,
)
from biofeedback.core.shortcuts import irfft_real, rfft_padded

MAX_RR_S = 2.5  # longest interval looked for (24 bpm)
_THREE_SHARE = 0.5  # a period's autocorrelation at three times its lag, at least this share of its own


def upper_quartile(values) -> float:
    """The upper quartile (lower-median convention) of a few values, without NumPy overhead."""
    ordered = sorted(values)
    return ordered[(3 * (len(ordered) - 1)) // 4] if ordered else 0.0


def dominant_period_s(y: np.ndarray, fs_hz: float) -> float | None:
    """Pulse period of a wave from its autocorrelation: the first lag whose peak is near the top.

    Taking the first strong peak, not the highest, avoids locking onto twice the
    period: the first peak reaching ``BEAT_LEARN_PERIOD_SHARE`` of the highest one
    and ``BEAT_PERIOD_MIN_CORRELATION``; a highest peak below that floor means no
    clear rhythm (None): clean stretches of real records give 0.5-0.7 at the
    period, motion 0.2-0.35.

    A disturbance in the window (heartpy's data3 at 155 s, a drop-out to zero) can
    lower the period's own peak under the floor (0.397 beside 0.443 at twice the
    period), and the period came out twice the true one for 2 s (a pulse missed as
    "too soon", the reflected wave after it taken). A peak under the floor is
    therefore the period too when the wave repeats at three times its lag
    (``_repeats_at_three``): a true period does (data3 at 160 s: 0.397 at 0.6 s,
    0.365 at 1.8 s); the delay of a reflected wave after its pulse does not, for
    three times it compares the wave one and a half intervals on, across the
    beat-to-beat changes of the interval (data3 at 576 s: 0.32 at 0.3 s, 0.13 at
    0.9 s; taken as the period, every reflected wave became a beat for 2 s).
    """
    lo = round(BEAT_REFRACTORY_S * fs_hz)
    hi = min(round(MAX_RR_S * fs_hz), y.size // 2)
    if hi <= lo + 2:
        return None
    yc = y - np.add.reduce(y) / y.size  # y.mean(), without its few microseconds of Python
    nfft = 1 << int(2 * yc.size - 1).bit_length()
    f = rfft_padded(yc, nfft)  # (np.fft.rfft and irfft without their wrappers: the same numbers)
    ac = irfft_real(f * np.conj(f), nfft)[: y.size // 2 + 2]
    if ac[0] <= 0:
        return None
    ac = ac / ac[0]  # biased: a long lag must earn its height
    seg = ac[lo : hi + 1]
    mid = seg[1:-1]  # local maxima (as scipy.signal.find_peaks, without its overhead)
    lags = ((mid > seg[:-2]) & (mid > seg[2:])).nonzero()[0] + 1  # (np.flatnonzero, without its wrapper)
    if lags.size == 0:
        return None
    h = seg[lags]
    top = h.max()
    if top < BEAT_PERIOD_MIN_CORRELATION:
        return None
    k = int(lags[int(h.argmax())]) + lo  # the highest peak qualifies: an earlier one may come first
    for i in (h >= BEAT_LEARN_PERIOD_SHARE * top).nonzero()[0].tolist():
        lag = int(lags[i]) + lo
        if h[i] >= BEAT_PERIOD_MIN_CORRELATION or _repeats_at_three(ac, lag, float(h[i])):
            k = lag
            break
    if 0 < k < ac.size - 1:  # parabolic refinement of the lag
        # as Python floats (the same doubles): the detector's arithmetic with the period, at
        # every step through the samples, ran several times slower on a NumPy scalar
        before, at, after = ac[k - 1 : k + 2].tolist()
        den = before - 2 * at + after
        frac = 0.5 * (before - after) / den if den < 0 else 0.0
        return (k + frac) / fs_hz
    return k / fs_hz


def _repeats_at_three(ac: np.ndarray, lag: int, height: float) -> bool:
    """Does the autocorrelation peak again near three times ``lag`` (at least half as high)?"""
    a, b = round(2.8 * lag), round(3.2 * lag) + 1
    if b > ac.size:
        return False
    return float(ac[a:b].max()) >= _THREE_SHARE * height
