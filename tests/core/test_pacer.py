"""Breathing pacer: shape known by construction, continuity under changes, holds and I:E."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from biofeedback import config
from biofeedback.core.breathing.pacer import Pacer, clamp_rate_bpm


def _max_step(pacer_before: Pacer, pacer_after: Pacer, dt_s: float) -> float:
    """Largest change of the guide that its slope allows in one step of dt_s."""
    slope = max(pacer_before.max_slope_per_s(), pacer_after.max_slope_per_s())
    return slope * dt_s * 1.001 + 1e-12


def test_six_per_minute_is_a_ten_second_cosine_breath():
    pacer = Pacer(rate_bpm=6.0)
    t = np.linspace(0.0, 30.0, 3001)
    v = np.array([pacer.value(x) for x in t])
    # inhale 0..5 s rises 0 -> 1 as a half-cosine; exhale 5..10 s falls back
    expected = 0.5 - 0.5 * np.cos(2 * np.pi * t / 10.0)
    np.testing.assert_allclose(v, expected, atol=1e-9)
    assert pacer.phase_name(2.0) == "inhale"
    assert pacer.phase_name(7.0) == "exhale"


@pytest.mark.parametrize("new_rate", [3.0, 4.5, 7.3, 10.0])
@pytest.mark.parametrize("t_change_s", [1.3, 4.99, 5.0, 7.77])
def test_rate_change_keeps_phase_continuous(new_rate, t_change_s):
    pacer = Pacer(rate_bpm=6.0)
    before = Pacer(rate_bpm=6.0)
    dt = 1e-3
    t = np.arange(t_change_s - 1.0, t_change_s + 1.0, dt)
    values = []
    changed = False
    for x in t:
        if not changed and x >= t_change_s:
            pacer.set_rate(new_rate, t_change_s)
            changed = True
        values.append(pacer.value(x))
    steps = np.abs(np.diff(values))
    assert steps.max() <= _max_step(before, pacer, dt)
    # and the guide really follows the new rate afterwards: one full cycle later it repeats
    later = t_change_s + 0.2
    assert pacer.value(later) == pytest.approx(pacer.value(later + 60.0 / new_rate), abs=1e-9)


@settings(max_examples=60, deadline=None)
@given(
    rates=st.lists(st.floats(3.0, 10.0), min_size=1, max_size=6),
    ratio=st.floats(0.3, 0.7),
    hold_in=st.floats(0.0, 3.0),
    hold_out=st.floats(0.0, 3.0),
)
def test_any_sequence_of_changes_never_jumps(rates, ratio, hold_in, hold_out):
    pacer = Pacer(6.0, inhale_ratio=ratio, hold_in_s=hold_in, hold_out_s=hold_out)
    dt = 2e-3
    t_s = 0.0
    for rate in rates:
        old = Pacer(pacer.rate_bpm, ratio, hold_in, hold_out)
        t_s += 1.37
        prev = pacer.value(t_s)
        pacer.set_rate(rate, t_s)
        nxt = pacer.value(t_s + dt)
        assert abs(nxt - prev) <= _max_step(old, pacer, dt)


def test_holds_keep_the_guide_still_and_are_named():
    pacer = Pacer(rate_bpm=5.0, inhale_ratio=0.5, hold_in_s=2.0, hold_out_s=1.0)
    inhale, hold_in, exhale, hold_out = pacer.durations_s
    assert (hold_in, hold_out) == (2.0, 1.0)
    assert inhale == pytest.approx(4.5) and exhale == pytest.approx(4.5)
    assert pacer.value(inhale + 0.5) == 1.0 and pacer.phase_name(inhale + 0.5) == "hold"
    end_exhale = inhale + hold_in + exhale
    assert pacer.value(end_exhale + 0.5) == 0.0 and pacer.phase_name(end_exhale + 0.5) == "hold"
    assert pacer.phase_name(inhale + hold_in + 1.0) == "exhale"
    assert sum(pacer.durations_s) == pytest.approx(12.0)


def test_inhale_exhale_ratio_sets_segment_lengths():
    pacer = Pacer(rate_bpm=6.0, inhale_ratio=0.4)  # I:E = 4 s : 6 s
    assert pacer.durations_s[0] == pytest.approx(4.0)
    assert pacer.durations_s[2] == pytest.approx(6.0)
    assert pacer.value(4.0 - 1e-6) == pytest.approx(1.0, abs=1e-6)
    assert pacer.phase_name(3.9) == "inhale" and pacer.phase_name(4.1) == "exhale"


def test_holds_too_long_for_the_cycle_are_shrunk():
    pacer = Pacer(rate_bpm=10.0, hold_in_s=5.0, hold_out_s=5.0)  # 6 s cycle
    inhale, hold_in, exhale, hold_out = pacer.durations_s
    assert hold_in + hold_out == pytest.approx(config.PACER_MAX_HOLD_FRACTION * 6.0)
    assert inhale > 0 and exhale > 0


def test_rate_is_clamped_and_rounded_to_the_configured_step():
    assert clamp_rate_bpm(1.0) == config.PACER_MIN_BPM
    assert clamp_rate_bpm(50.0) == config.PACER_MAX_BPM
    assert clamp_rate_bpm(5.4499) == pytest.approx(5.4)
    pacer = Pacer()
    pacer.set_rate(6.0 + 0.1, 0.0)
    assert pacer.rate_bpm == pytest.approx(6.1)


def test_cycle_start_is_the_last_inhale_onset():
    pacer = Pacer(rate_bpm=6.0, t0_s=100.0)
    assert pacer.cycle_start_s(123.4) == pytest.approx(120.0)
    assert pacer.phase_name(100.01) == "inhale"


def test_vectorised_values_equal_the_scalar_guide():
    pacer = Pacer(rate_bpm=5.0, inhale_ratio=0.4, hold_in_s=1.5, hold_out_s=0.5, t0_s=3.0)
    pacer.set_rate(7.3, 9.1)
    t = np.linspace(-20.0, 40.0, 4001)
    np.testing.assert_allclose(pacer.values(t), [pacer.value(x) for x in t], atol=1e-12)


# -- the guide rebuilt from the recorded changes -------------------------------------------
from dataclasses import dataclass  # noqa: E402

from biofeedback.core.breathing.pacer import guide_curve, phase_reconstructed  # noqa: E402


@dataclass(frozen=True)
class _Change:
    t_device_s: float
    rate_brpm: float
    inhale_ratio: float
    hold_in_s: float
    hold_out_s: float
    phase_cycles: float | None = None


_SCRIPT = [  # (t_s, configure kwargs): rate, ratio and holds changed mid-breath
    (13.7, {"rate_bpm": 4.5}),
    (29.2, {"inhale_ratio": 0.35}),
    (41.05, {"hold_in_s": 2.0, "hold_out_s": 1.0}),
    (57.3, {"rate_bpm": 7.2, "hold_in_s": 0.0}),
    (70.0, {"inhale_ratio": 0.6, "hold_out_s": 0.0}),
]


def _live_run(t0_s: float = 3.0, record_phase: bool = True):
    """A live pacer driven through _SCRIPT, recording what the app records; its values sampled at 20 Hz."""
    live = Pacer(rate_bpm=6.0, t0_s=t0_s)
    changes = [_Change(t0_s, live.rate_bpm, live.inhale_ratio, live.hold_in_s, live.hold_out_s,
                       live.phase_cycles(t0_s) if record_phase else None)]
    grid = np.arange(t0_s, 90.0, 0.05)
    sampled = np.empty_like(grid)
    pending = list(_SCRIPT)
    for i, x in enumerate(grid):
        while pending and pending[0][0] <= x:
            t_change, kwargs = pending.pop(0)
            live.configure(t_change, **kwargs)
            changes.append(_Change(t_change, live.rate_bpm, live.inhale_ratio, live.hold_in_s, live.hold_out_s,
                                   live.phase_cycles(t_change) if record_phase else None))
        sampled[i] = live.value(x)
    return changes, grid, sampled


@pytest.mark.parametrize("record_phase", [True, False])
def test_guide_curve_equals_the_live_pacer_through_rate_ratio_and_hold_changes(record_phase):
    changes, grid, sampled = _live_run(record_phase=record_phase)
    np.testing.assert_allclose(guide_curve(changes, grid), sampled, atol=1e-9)
    assert phase_reconstructed(changes) is (not record_phase)


def test_guide_curve_follows_a_recorded_phase_jump_and_is_nan_before_the_first_change():
    # the wizard's own pacer takes over at t=20 s at a phase unrelated to the training pacer's
    training, wizard = Pacer(6.0, t0_s=0.0), Pacer(5.0, 0.4, t0_s=11.3)
    changes = [_Change(0.0, 6.0, 0.5, 0.0, 0.0, training.phase_cycles(0.0)),
               _Change(20.0, 5.0, 0.4, 0.0, 0.0, wizard.phase_cycles(20.0))]
    t = np.arange(-2.0, 40.0, 0.1)
    curve = guide_curve(changes, t)
    assert np.isnan(curve[t < 0]).all()
    np.testing.assert_allclose(curve[(t >= 0) & (t < 20)], training.values(t[(t >= 0) & (t < 20)]), atol=1e-9)
    np.testing.assert_allclose(curve[t >= 20], wizard.values(t[t >= 20]), atol=1e-9)


def test_old_records_without_phase_start_at_the_beginning_of_an_inhale():
    curve = guide_curve([_Change(5.0, 6.0, 0.5, 0.0, 0.0)], np.array([5.0, 7.5, 10.0, 15.0]))
    np.testing.assert_allclose(curve, [0.0, 0.5, 1.0, 0.0], atol=1e-9)
