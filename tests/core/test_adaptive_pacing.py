"""Adaptive pacing: start rate from the tachogram, a glide no faster than the limit, changes at breath starts."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.core.breathing.adaptive_pacing import (
    AdaptivePacing,
    breathing_rate_from_tachogram,
)
from biofeedback.core.breathing.pacer import Pacer, clamp_rate_bpm


def rsa_beats(breath_bpm: float, duration_s: float = 90.0, swing_ms: float = 60.0, seed: int = 0):
    """Beats whose RR oscillates at the breathing rate (plus jitter): truth by construction."""
    rng = np.random.default_rng(seed)
    t, ts, rrs = 0.0, [], []
    while t < duration_s:
        rr = 900.0 + swing_ms * np.sin(2 * np.pi * breath_bpm / 60.0 * t) + rng.normal(0, 10)
        t += rr / 1000.0
        ts.append(t)
        rrs.append(rr)
    return np.array(ts), np.array(rrs)


@pytest.mark.parametrize("breath_bpm", [12.0, 8.0, 6.0])
def test_breathing_rate_is_the_tachogram_oscillation(breath_bpm):
    t, rr = rsa_beats(breath_bpm)
    assert breathing_rate_from_tachogram(t, rr) == pytest.approx(breath_bpm, abs=0.4)


def test_breathing_rate_needs_enough_record():
    t, rr = rsa_beats(12.0, duration_s=15.0)
    assert breathing_rate_from_tachogram(t, rr) is None


def test_start_rate_is_clamped_to_pacer_range():
    t, rr = rsa_beats(14.0)
    pacing = AdaptivePacing.from_tachogram(5.5, t, rr, t0_s=float(t[-1]))
    assert pacing.rate_bpm == clamp_rate_bpm(14.0) == 10.0


def run_glide(start: float, target: float, minutes: float = 20.0, frame_s: float = 0.05):
    """Drive AdaptivePacing from a real Pacer, frame by frame; return (change times, rates, breath starts)."""
    pacer = Pacer(start, t0_s=0.0)
    pacing = AdaptivePacing(target, start, t0_s=0.0)
    changes, starts, last_start = [], [], None
    for t in np.arange(0.0, minutes * 60.0, frame_s):
        t = float(t)
        cs = pacer.cycle_start_s(t)
        if last_start is None or cs > last_start + 1e-6:
            starts.append(cs)
            last_start = cs
        rate = pacing.update(t, cs)
        if rate is not None:
            pacer.set_rate(rate, t)
            changes.append((t, rate))
    return changes, starts, pacing


def test_glide_never_faster_than_half_a_breath_per_minute_per_minute():
    changes, _, pacing = run_glide(9.0, 5.5)
    assert pacing.arrived and changes[-1][1] == 5.5
    times = np.array([0.0] + [c[0] for c in changes])
    rates = np.array([9.0] + [c[1] for c in changes])
    assert np.all(np.diff(rates) < 0)  # monotone toward the target, no overshoot
    speed = np.abs(np.diff(rates)) / (np.diff(times) / 60.0)
    assert speed.max() <= 0.5 + 1e-6
    # and not needlessly slow: 3.5 breaths/min take about 7 minutes (within a breath per step)
    assert 7.0 * 60.0 <= times[-1] <= 7.0 * 60.0 + 35 * 10.0


def test_rate_changes_only_at_breath_starts():
    changes, starts, _ = run_glide(6.0, 4.5, minutes=5.0)
    assert changes
    for t, _ in changes:
        assert min(abs(t - s) for s in starts) <= 0.05 + 1e-9  # within one frame of a breath start


def test_glide_upward_also_respects_the_limit():
    changes, _, pacing = run_glide(4.5, 6.0, minutes=5.0)
    assert pacing.arrived
    times = np.array([0.0] + [c[0] for c in changes])
    assert np.all(np.diff(times) >= 12.0 - 1e-6)


@pytest.mark.parametrize("own_bpm", [7.0, 9.0])
def test_start_rate_from_a_simulated_persons_heart_rate(own_bpm):
    from biofeedback.core.simulation import PersonParams, simulate_rr

    # a person breathing at their own rate (no pacer): RSA carries the rate into the tachogram
    person = PersonParams(spontaneous_bpm=own_bpm, compliance=0.0)
    beats = [b for b in simulate_rr(90.0, person, seed=5) if b.kind == "normal"]
    t = np.array([b.t_s for b in beats])
    rr = np.array([b.rr_ms for b in beats])
    assert breathing_rate_from_tachogram(t, rr) == pytest.approx(own_bpm, abs=0.5)


def test_start_from_the_breathing_read_from_the_pulse_unless_it_is_unsure():
    from biofeedback.core.breathing.adaptive_pacing import AdaptivePacing
    from biofeedback.core.breathing.respiration import BreathingEstimate

    t = np.cumsum(np.full(80, 0.9))
    rr = 900.0 + 50.0 * np.sin(2 * np.pi * 9.0 / 60.0 * t)  # the heart rhythm says 9 /min
    good = BreathingEstimate(t_s=float(t[-1]), rate_bpm=8.3, phase_cycles=0.2, quality=0.7, window_s=60.0)
    assert AdaptivePacing.from_breathing(5.5, good, t, rr, 0.0).rate_bpm == 8.3
    unsure = BreathingEstimate(t_s=float(t[-1]), rate_bpm=8.3, phase_cycles=0.2, quality=0.05, window_s=60.0)
    assert AdaptivePacing.from_breathing(5.5, unsure, t, rr, 0.0).rate_bpm == pytest.approx(9.0, abs=0.2)
    assert AdaptivePacing.from_breathing(5.5, None, t, rr, 0.0).rate_bpm == pytest.approx(9.0, abs=0.2)
