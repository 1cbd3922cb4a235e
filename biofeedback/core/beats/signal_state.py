"""What the last raw samples of a PPG say about the sensor: clipped, dark, flat or a wave.

Read from the samples alone, before any beat: a sensor at its ADC rails for
more than ``SATURATED_SHARE`` of the last second is saturated; a median
below ``FINGER_OFF_LEVEL_SHARE`` of full scale is dark (no finger, either way
up); a wave that does not move is no signal. The beat detector adds the
no-beat timeout (``NO_BEAT_TIMEOUT_S``) on top.
"""

from __future__ import annotations

import numpy as np

from biofeedback.config import FINGER_OFF_LEVEL_SHARE, SATURATED_SHARE
from biofeedback.core.types import SignalQuality


def sample_state(seg: np.ndarray, fs_hz: float, adc_max: float | None) -> SignalQuality | None:
    """SATURATED, FINGER_OFF or NO_SIGNAL for a window of raw samples; None if it moves."""
    if adc_max is not None:
        last = seg[-max(1, round(fs_hz)) :]
        rails = np.count_nonzero((last <= 0) | (last >= adc_max))
        if rails > SATURATED_SHARE * last.size:
            return SignalQuality.SATURATED
        # dark, either way up: the median (upper, for an even count) is below the level, i.e. more
        # than half the samples are (a count: a third of the time np.partition took, once a second)
        if np.count_nonzero(seg < FINGER_OFF_LEVEL_SHARE * adc_max) > seg.size // 2:
            return SignalQuality.FINGER_OFF
        flat_tol = 2.0
    else:
        flat_tol = 1e-6 * max(1.0, float(np.abs(seg).max()))
    if float(seg.max() - seg.min()) <= flat_tol:
        return SignalQuality.NO_SIGNAL
    return None
