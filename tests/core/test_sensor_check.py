"""The sensor check's sentence: ready only on a good signal with steady beats; otherwise what to change."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.core.beats.sensor_check import MIN_BEATS, QUALITY_ADVICE, sensor_verdict
from biofeedback.core.types import SignalQuality


def beats_at(bpm: float, n: int, end_s: float = 100.0) -> np.ndarray:
    return end_s - np.arange(n)[::-1] * 60.0 / bpm


def test_steady_beats_on_a_good_signal_are_ready_with_the_heart_rate():
    verdict = sensor_verdict(SignalQuality.GOOD, beats_at(72, 12), now_s=100.0)
    assert verdict.ready and verdict.hr_bpm == pytest.approx(72.0)
    assert "Ready: steady beats at 72 bpm" in verdict.text


def test_a_missed_beat_is_uneven_not_ready():
    t = np.delete(beats_at(72, 12), 6)  # one beat not found: one interval twice as long
    verdict = sensor_verdict(SignalQuality.GOOD, t, now_s=100.0)
    assert not verdict.ready and "uneven" in verdict.text


def test_too_few_recent_beats_are_still_being_found():
    verdict = sensor_verdict(SignalQuality.GOOD, beats_at(72, MIN_BEATS - 1), now_s=100.0)
    assert not verdict.ready and f"{MIN_BEATS - 1} beats in the last 10 s" in verdict.text
    old = sensor_verdict(SignalQuality.GOOD, beats_at(72, 12, end_s=80.0), now_s=100.0)  # beats stopped
    assert not old.ready and "0 beats" in old.text


@pytest.mark.parametrize("quality", [SignalQuality.NO_SIGNAL, SignalQuality.FINGER_OFF, SignalQuality.SATURATED,
                                     SignalQuality.POOR])
def test_a_bad_signal_says_what_to_change_even_with_beats(quality):
    verdict = sensor_verdict(quality, beats_at(72, 12), now_s=100.0)
    assert not verdict.ready and verdict.text == QUALITY_ADVICE[quality]


def test_a_lossy_link_with_steady_beats_is_ready_and_says_so():
    verdict = sensor_verdict(SignalQuality.LINK_DAMAGED, beats_at(60, 12), now_s=100.0)
    assert verdict.ready and verdict.text.startswith(QUALITY_ADVICE[SignalQuality.LINK_DAMAGED])
