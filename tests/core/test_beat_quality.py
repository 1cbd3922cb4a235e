"""Per-beat quality: template correlation, vouched for by the rhythm (core/beats/quality.py)."""

from __future__ import annotations

import numpy as np

from biofeedback.config import BEAT_QUALITY_MIN
from biofeedback.core.beats.quality import TemplateQuality, on_the_rhythm

_X = np.linspace(0.0, 1.0, 80)


def _pulse(reflected: float) -> np.ndarray:
    """A peak-to-peak wave: the fall, a reflected wave of this height, the next upstroke."""
    return (np.exp(-((_X - 0.0) / 0.12) ** 2) + reflected * np.exp(-((_X - 0.35) / 0.08) ** 2)
            + np.exp(-((_X - 1.0) / 0.12) ** 2))


def _learnt() -> TemplateQuality:
    q = TemplateQuality()
    for _ in range(4):
        q.score(_pulse(0.6))
    return q


def test_an_interval_within_a_tenth_of_the_recent_median_is_on_the_rhythm():
    assert on_the_rhythm(0.65, 0.6, 8)
    assert not on_the_rhythm(0.68, 0.6, 8)
    assert not on_the_rhythm(0.3, 0.6, 8)  # a reflected wave or an extra beat
    assert not on_the_rhythm(0.6, 0.6, 2)  # too few intervals to know the rhythm
    assert not on_the_rhythm(0.6, None, 8)


def test_a_clean_pulse_whose_shape_drifted_passes_when_its_interval_fits_the_rhythm():
    changed = _pulse(-0.4)  # the reflected wave sank below the fall: shape off, pulse clean
    r_alone = _learnt().score(changed)
    assert r_alone is not None and 0.6 <= r_alone < BEAT_QUALITY_MIN
    assert _learnt().score(changed, on_rhythm=True) == BEAT_QUALITY_MIN


def test_a_wave_unlike_a_pulse_stays_poor_even_on_the_rhythm():
    noise = np.random.default_rng(3).normal(size=_X.size)
    r = _learnt().score(noise, on_rhythm=True)
    assert r is not None and r < 0.6
