"""Is a located peak a beat? The size and reflected-wave rules of the beat detector.

Our addition to qppg, checked on heartpy's real records. The expected
interval is the autocorrelation period of the recent wave (``ppg_rhythm``),
which does not depend on which peaks were taken. A peak sooner than
``BEAT_EARLY_SHARE`` of it, or than ``BEAT_REFRACTORY_S``, is a reflected
wave (as the PulseSensor Playground's 3/5 IBI rule and qppg's eye-closing
period); between that and ``BEAT_REFLECTED_SHARE`` a pulse must rise a share
of the recent pulses' rise (measured from its foot) that grows the sooner it
comes; one that comes when the next beat is expected (``on_time``) is judged
by that size rule no more, and may be smaller (``ON_TIME_SIZE_SHARE``): a
reflected wave follows its pulse by a fixed delay, not by most of an interval
(pyphysio's BVP at 41.46 s: a pulse of a third of the usual rise 0.80 s after
the last beat at a 0.93 s rhythm was dropped as a reflected wave); a peak
``BEAT_TALLER_SHARE`` taller than the last beat is a beat from ``TALLER_MIN_GAP_S`` on
(the last one was the reflected wave), so the detector cannot stay locked on diastolic
waves.
"""

from __future__ import annotations

import statistics
from collections.abc import Collection

import numpy as np

from biofeedback.config import (
    BEAT_EARLY_SHARE,
    BEAT_PROMINENCE_SHARE,
    BEAT_REFLECTED_PROMINENCE_SHARE,
    BEAT_REFLECTED_SHARE,
    BEAT_REFRACTORY_S,
    BEAT_TALLER_SHARE,
)
from biofeedback.core.beats.rhythm import upper_quartile
from biofeedback.core.shortcuts import fast_interp

# a much taller peak this soon after the last beat is still a beat (the last one was the
# reflected wave): below the 250 ms refractory period, so that a detector that took the
# reflected wave 0.2-0.25 s before each systolic peak (heartpy data3 at 193-195 s, a fast
# stretch) moves back onto the peaks at the next tall one instead of staying there
TALLER_MIN_GAP_S = 0.2
# a pulse that comes when the next beat is expected (within this share of the expected interval)
# needs only this share of the usual rise: a weak beat on time is a beat (heartpy data2 at 103 s:
# a pulse a quarter of the usual size, 0.97 s after the last at a 1.03 s rhythm, was dropped,
# and the reflected wave and a poor-signal span after it cost two more beats)
# an upper quartile of the recent rises this many times their median is lifted by a few outsized pulses
OUTSIZED_RATIO = 1.5
ON_TIME_TOLERANCE = 0.15
ON_TIME_SIZE_SHARE = 0.6
# how tall (share of the upper-quartile rise) a pulse must be at this share of the interval
_SOON_RATIO = np.array((BEAT_EARLY_SHARE, 0.85, BEAT_REFLECTED_SHARE))
_SOON_NEED = np.array((BEAT_REFLECTED_PROMINENCE_SHARE, 0.45, 0.0))


def on_time(gap_s: float | None, rr_exp: float | None) -> bool:
    """Does a peak ``gap_s`` after the last beat come when the next beat is expected?"""
    return gap_s is not None and rr_exp is not None and abs(gap_s / rr_exp - 1.0) <= ON_TIME_TOLERANCE


def too_small(prom: float, proms: Collection[float], decay: float, in_time: bool = False) -> bool:
    """A rise under ``BEAT_PROMINENCE_SHARE`` (times the threshold ``decay``) of the recent median.

    ``in_time``: the peak comes when the next beat is expected (``on_time``), so
    ``ON_TIME_SIZE_SHARE`` of that is enough.
    """
    share = BEAT_PROMINENCE_SHARE * decay * (ON_TIME_SIZE_SHARE if in_time else 1.0)
    return bool(proms) and prom < share * statistics.median(proms)


def is_reflected_wave(
    prom: float, gap_s: float, rr_exp: float | None, last_prom: float, proms: Collection[float],
) -> bool:
    """A peak ``gap_s`` after the last beat, rising ``prom``, is a reflected wave (not a beat)."""
    early = BEAT_EARLY_SHARE * rr_exp if rr_exp is not None else 0.0
    # a much taller peak soon after the last beat: that beat was a reflected wave
    taller = prom >= BEAT_TALLER_SHARE * last_prom and gap_s >= TALLER_MIN_GAP_S
    if gap_s < max(BEAT_REFRACTORY_S, early) and not taller:
        return True
    if rr_exp is not None and not taller and proms and not on_time(gap_s, rr_exp):
        # the sooner after the last beat, the taller a pulse must be to be a beat:
        # reflected waves come early and small, early beats of a fast breath less so;
        # a peak on time is judged by size alone (``too_small``, ON_TIME_SIZE_SHARE)
        need = float(fast_interp(gap_s / rr_exp, _SOON_RATIO, _SOON_NEED))
        if prom < need * _typical_tall_rise(proms, last_prom):
            return True
    return False


def _typical_tall_rise(proms: Collection[float], last_prom: float) -> float:
    """The rise a beat is measured against: the upper quartile of the recent rises.

    A few outsized pulses (a motion swing, the tall beats before a drop in
    amplitude) lift the upper quartile far above the median; then the pulses of
    today's size are measured against the larger of the last beat and the median
    (heartpy data3 at 502.8 s: rises of 200-290 against an upper quartile of 546
    and a median of 334 were all taken as reflected waves, every second beat lost).
    """
    tall = upper_quartile(proms)
    median = statistics.median(proms)
    if tall > OUTSIZED_RATIO * median:
        return min(tall, max(last_prom, median))
    return tall
