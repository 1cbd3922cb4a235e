"""Is the sensor ready for a session? One sentence from the signal quality and the last beats.

"Check my sensor" (ui/sensor_check.py) shows it under the live wave: a person placing a finger
sensor, an ear clip or a strap reads what to change, and when the beats have been steady long
enough to start.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from biofeedback.core.types import SignalQuality

WINDOW_S = 10.0  # the beats judged: the last 10 s
MIN_BEATS = 6  # a steady pulse gives 7-30 beats in 10 s (40-180 bpm)
STEADY_RATIO = 0.25  # every interval within 25 % of the window's median: no missed or doubled beats

QUALITY_ADVICE = {
    SignalQuality.NO_SIGNAL: "No pulse yet: check the sensor is on and plugged in, and keep still for a few seconds.",
    SignalQuality.FINGER_OFF: "The sensor does not feel a finger or an ear: put it on, covering the light.",
    SignalQuality.SATURATED: "The signal is clipped: loosen the clip or strap a little, or move it out of bright light.",
    SignalQuality.POOR: "The pulse is unclear: hold still and rest your hand; press lightly, not hard.",
    SignalQuality.LINK_DAMAGED: "Beats arrive but the cable or radio link loses data: check the cable or move closer.",
}


@dataclass(frozen=True)
class SensorVerdict:
    ready: bool
    text: str
    hr_bpm: float | None  # from the window's median interval, when there are beats to say it


def sensor_verdict(quality: SignalQuality, beat_t_s: np.ndarray, now_s: float) -> SensorVerdict:
    """Ready when the signal is good (or only the link loses data) and the last ``WINDOW_S`` hold at
    least ``MIN_BEATS`` beats whose intervals all lie within ``STEADY_RATIO`` of their median."""
    t = np.asarray(beat_t_s, dtype=float)
    t = t[(t > now_s - WINDOW_S) & (t <= now_s)]
    rr_s = np.diff(t)
    hr_bpm = 60.0 / float(np.median(rr_s)) if len(rr_s) else None
    if quality not in (SignalQuality.GOOD, SignalQuality.LINK_DAMAGED):
        return SensorVerdict(False, QUALITY_ADVICE[quality], hr_bpm)
    if len(t) < MIN_BEATS:
        return SensorVerdict(False, f"Finding your pulse: {len(t)} beats in the last {WINDOW_S:g} s. "
                             "Keep still.", hr_bpm)
    assert hr_bpm is not None
    if np.any(np.abs(rr_s / np.median(rr_s) - 1.0) > STEADY_RATIO):
        return SensorVerdict(False, "Beats are found but uneven (missed or extra beats): hold still and keep "
                             "the sensor where it is for a few seconds.", hr_bpm)
    prefix = QUALITY_ADVICE[quality] + " " if quality is SignalQuality.LINK_DAMAGED else ""
    return SensorVerdict(True, f"{prefix}Ready: steady beats at {hr_bpm:.0f} bpm. You can start a session.", hr_bpm)
