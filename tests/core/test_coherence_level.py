"""The displayed coherence level: smoothing, hysteresis and dwell keep it steady for a steady breather."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.core.hrv.coherence_level import CoherenceLevel, raw_level
from biofeedback.core.hrv.time_domain import coherence_series
from biofeedback.core.simulation import PersonParams, simulate_rr

TH = (0.6, 1.5)


def feed(level: CoherenceLevel, ratios, step_s: float = 5.0):
    return [level.update(k * step_s, r) for k, r in enumerate(ratios)]


def test_the_issue_swing_between_1_and_3_7_shows_one_steady_level():
    # a follower's exact ratio swung 1.0 <-> 3.7 within a minute: raw levels flip medium/high
    ratios = [1.0, 3.7, 1.2, 3.3, 1.0, 3.7] * 10
    assert len({raw_level(r, TH) for r in ratios}) == 2
    shown = feed(CoherenceLevel(TH, 8, 0.25, 30.0), ratios)
    assert sum(d.changed for d in shown) <= 1  # at most the one climb from the first value
    assert len({d.level for d in shown[24:]}) == 1  # after two minutes: one level, held


def test_hovering_just_past_a_threshold_inside_the_margin_does_not_move_the_level():
    level = CoherenceLevel(TH, 1, 0.25, 0.0)  # no smoothing, no dwell: hysteresis alone
    feed(level, [1.0] * 3)
    assert level.level == 1
    for r in (1.6, 1.8, 1.85, 1.2, 1.13):  # above 1.5 but below 1.5 x 1.25; above 1.5 x 0.75
        assert level.update(100.0, r).level == 1
    assert level.update(101.0, 1.9).level == 2  # past 1.875
    for r in (1.4, 1.2, 1.13):
        assert level.update(102.0, r).level == 2  # not below 1.125
    assert level.update(103.0, 1.1).level == 1


def test_a_level_holds_for_the_minimum_dwell_after_a_change():
    level = CoherenceLevel(TH, 1, 0.25, 30.0)
    level.update(0.0, 0.2)
    assert level.level == 0
    d = level.update(30.0, 3.0)
    assert d.changed and d.level == 2  # a jump over two levels at once
    assert level.update(45.0, 0.2).level == 2  # 15 s later: held
    d = level.update(60.0, 0.2)
    assert d.changed and d.level == 0


def test_smoothing_is_an_ema_of_the_log_ratio():
    level = CoherenceLevel(TH, 3, 0.25, 0.0)  # alpha = 2 / (3 + 1) = 0.5
    level.update(0.0, 1.0)
    d = level.update(5.0, 4.0)
    assert d.smoothed == pytest.approx(2.0)  # exp(0.5 log 1 + 0.5 log 4)
    assert d.ratio == 4.0  # the exact value stays available


def test_no_value_keeps_the_last_display_and_reset_forgets():
    level = CoherenceLevel(TH)
    assert level.update(0.0, None) is None
    d = level.update(5.0, 2.0)
    assert level.update(10.0, None) is d
    assert level.update(10.0, float("nan")) is d
    level.reset()
    assert level.level is None and level.latest is None


@pytest.mark.parametrize("kwargs", [dict(thresholds=(1.5, 0.6)), dict(thresholds=(0.0, 1.0)),
                                    dict(hysteresis_share=1.0), dict(ema_updates=0.5),
                                    dict(thresholds=(1.0, 1.2), hysteresis_share=0.2)])
def test_bad_settings_are_refused(kwargs):
    with pytest.raises(ValueError):
        CoherenceLevel(**kwargs)


def test_a_simulated_steady_follower_sees_far_fewer_changes_than_the_raw_level():
    smoothed_changes = raw_changes = 0
    shares = []
    for seed, res in ((900, 4.5), (901, 5.5), (902, 6.5)):  # seeds not used to pick the settings
        beats = simulate_rr(600.0, PersonParams(resonance_bpm=res), breathing_bpm=res, seed=seed)
        t = np.array([b.t_s for b in beats])
        rr = np.array([b.rr_ms for b in beats])
        ends, ratios = coherence_series(t, rr)
        shown = feed(CoherenceLevel(), ratios[np.isfinite(ratios)])
        raw = [raw_level(r) for r in ratios[np.isfinite(ratios)]]
        smoothed_changes += sum(d.changed for d in shown)
        raw_changes += int(np.count_nonzero(np.diff(raw)))
        shares.append(np.mean([d.level == 2 for d in shown[12:]]))
    assert smoothed_changes * 3 <= raw_changes
    assert smoothed_changes <= 3 * 9 * 0.5  # at most one change every 2 minutes on average
    assert np.mean(shares) >= 0.6  # breathing at resonance mostly shows "high"
