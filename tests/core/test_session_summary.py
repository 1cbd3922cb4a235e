"""After-session summary on beat series whose swing, RMSSD and coherence are known by construction."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from biofeedback import config
from biofeedback.core.summary.session import (
    CheckinChange,
    compare,
    plain_reading,
    session_hr_swing_bpm,
    summarize_session,
)


def sine_beats(duration_s: float, breath_bpm: float = 6.0, amp_ms: float = 50.0, mean_ms: float = 1000.0):
    """Beats whose RR follows mean + amp*sin(breathing): HR swings by 60000/(m-a) - 60000/(m+a) per breath."""
    t, rr, now = [], [], 0.0
    f = breath_bpm / 60.0
    while now < duration_s:
        interval = mean_ms + amp_ms * np.sin(2 * np.pi * f * now)
        now += interval / 1000.0
        t.append(now)
        rr.append(interval)
    return np.array(t), np.array(rr)


def noise_beats(duration_s: float, seed: int = 1):
    rng = np.random.default_rng(seed)
    rr = 900.0 + 40.0 * rng.standard_normal(int(duration_s / 0.9) + 1)
    return np.cumsum(rr) / 1000.0, rr


def test_hr_swing_of_a_sine_modulated_rhythm_is_its_peak_to_trough():
    t, rr = sine_beats(300.0, amp_ms=50.0)
    true_swing = 60000 / 950 - 60000 / 1050  # 6.02 bpm
    swing = session_hr_swing_bpm(t, rr, pacer_bpm=6.0)
    # beats sample the wave every ~36 degrees: the sampled extremes lie within cos(18 deg) of the peaks
    assert true_swing * 0.93 <= swing <= true_swing + 1e-9
    starts = np.arange(0.0, 300.0, 10.0)
    assert session_hr_swing_bpm(t, rr, breath_starts_s=starts) == pytest.approx(swing, rel=0.05)


def test_corrected_beats_do_not_set_a_breath_extreme():
    t, rr = sine_beats(120.0, amp_ms=50.0)
    rr_bad = rr.copy()
    rr_bad[20] = 400.0  # a 150 bpm spike, marked as corrected
    corrected = np.zeros(t.size, bool)
    corrected[20] = True
    clean = session_hr_swing_bpm(t, rr, pacer_bpm=6.0)
    assert session_hr_swing_bpm(t, rr_bad, corrected, pacer_bpm=6.0) == pytest.approx(clean, abs=1.0)
    assert session_hr_swing_bpm(t, rr_bad, pacer_bpm=6.0) > clean + 5


def test_coherent_rhythm_spends_nearly_all_windows_in_high_coherence_and_noise_none():
    t, rr = sine_beats(300.0)
    s = summarize_session(t, rr, pacer_bpm=6.0)
    windows_s = 300.0 - config.COHERENCE_WINDOW_S
    assert s.mean_coherence > config.COHERENCE_LEVELS[1]
    assert s.peak_coherence >= s.mean_coherence
    assert windows_s - 10 <= s.high_coherence_s <= windows_s + config.COHERENCE_STEP_S
    tn, rrn = noise_beats(300.0)
    noise = summarize_session(tn, rrn)
    assert noise.high_coherence_s == 0.0
    assert noise.mean_coherence < config.COHERENCE_LEVELS[0]


def test_high_coherence_time_counts_only_the_coherent_part():
    tn, rrn = noise_beats(200.0)
    ts, rrs = sine_beats(200.0)
    t = np.concatenate((tn, tn[-1] + ts))
    rr = np.concatenate((rrn, rrs))
    s = summarize_session(t, rr, pacer_bpm=6.0)
    assert 100.0 <= s.high_coherence_s <= 200.0 + config.COHERENCE_STEP_S


def test_rmssd_of_alternating_intervals_is_twice_the_step_and_ranks_among_earlier_sessions():
    rr = 1000.0 + 12.5 * (-1.0) ** np.arange(200)  # successive differences all 25 ms
    t = np.cumsum(rr) / 1000.0
    previous = [10.0, 20.0, 30.0, 40.0]
    s = summarize_session(t, rr, previous_rmssd_ms=previous)
    assert s.rmssd.value == pytest.approx(25.0)
    assert s.rmssd.previous_median == pytest.approx(25.0)
    assert s.rmssd.percentile == pytest.approx(stats.percentileofscore(previous, 25.0, kind="mean"))
    assert s.rmssd.n_previous == 4 and s.rmssd.n_below == 2


@pytest.mark.parametrize("value,previous", [(30.0, [10, 30, 30, 50, 70]), (5.0, [5, 5, 5]), (99.0, [1, 2, 3])])
def test_percentile_rank_matches_scipy_mean_kind(value, previous):
    c = compare(value, previous)
    assert c.percentile == pytest.approx(stats.percentileofscore(previous, value, kind="mean"))
    assert c.previous_median == pytest.approx(np.median(previous))


def test_no_comparison_with_too_few_earlier_sessions_or_missing_values():
    few = compare(20.0, [10.0, None, float("nan"), 30.0])
    assert few.n_previous == 2 and few.percentile is None and not few.comparable
    assert compare(None, [1, 2, 3, 4]).percentile is None


def test_checkin_change_is_after_minus_before_per_item_and_unanswered_stays_unknown():
    t, rr = sine_beats(120.0)
    before = {"stress": 6, "pain": 5, "mood": 4}

    class After:
        stress, pain, mood = 3, 5, None

    s = summarize_session(t, rr, pacer_bpm=6.0, before=before, after=After())
    by_item = {c.item: c for c in s.checkins}
    assert by_item["stress"].change_points == -3
    assert by_item["pain"].change_points == 0
    assert by_item["mood"].change_points is None
    assert "stress 3 points lower after than before" in s.reading
    assert "pain" not in s.reading  # unchanged items are not listed


def test_reading_compares_the_swing_with_the_users_own_sessions():
    t, rr = sine_beats(180.0, amp_ms=50.0)  # about 6 bpm per breath
    more = summarize_session(t, rr, pacer_bpm=6.0, previous_swing_bpm=[2.0, 3.0, 3.5, 4.0])
    less = summarize_session(t, rr, pacer_bpm=6.0, previous_swing_bpm=[9.0, 10.0, 12.0])
    usual = summarize_session(t, rr, pacer_bpm=6.0, previous_swing_bpm=[4.0, 5.0, 7.0, 8.0])
    first = summarize_session(t, rr, pacer_bpm=6.0)
    assert "more than in most of your earlier sessions" in more.reading
    assert "less than in most" in less.reading
    assert "about as much as usual" in usual.reading
    assert "by about 6 bpm" in first.reading
    for s in (more, less, usual, first):
        assert not any(word in s.reading.lower() for word in ("health", "better", "worse", "improve"))


def test_reading_warns_when_many_beats_were_corrected_or_the_session_was_short():
    swing = compare(6.0, [])
    checkins = [CheckinChange("stress", 5, 3)]
    assert "needed correction" in plain_reading(200, 0.2, swing, checkins)
    assert "short session" in plain_reading(10, 0.0, swing, checkins)
    s = summarize_session([], [], duration_s=30.0)
    assert s.duration_s == 30.0 and s.n_beats == 0 and s.mean_coherence is None and s.rmssd.value is None


def test_mismatched_inputs_give_one_clear_error():
    with pytest.raises(ValueError, match="differ in length"):
        summarize_session([1.0, 2.0], [1000.0])


class Change:
    def __init__(self, t_device_s, rate_brpm):
        self.t_device_s, self.rate_brpm = t_device_s, rate_brpm


def test_breaths_follow_the_stored_pacer_changes_whole_breaths_only():
    from biofeedback.core.summary.session import breath_starts_from_pacer

    edges = breath_starts_from_pacer([Change(65.0, 5.0), Change(0.0, 6.0)], end_s=100.0)
    np.testing.assert_allclose(edges, [0, 10, 20, 30, 40, 50, 60, np.nan, 65, 77, 89, np.nan])


def test_swing_after_a_rate_change_uses_the_pacer_that_ran():
    from types import SimpleNamespace

    from biofeedback.core.summary.session import summarize_stored
    from biofeedback.core.types import Beat

    # 180 s breathing at 6/min, then 180 s at 3/min: the same +-50 ms RR swing throughout
    t, rr, now = [], [], 0.0
    while now < 360.0:
        f = 0.1 if now < 180.0 else 0.05
        phase = 2 * np.pi * (0.1 * now if now < 180.0 else 18.0 + f * (now - 180.0))
        interval = 1000.0 + 50.0 * np.sin(phase)
        now += interval / 1000.0
        t.append(now)
        rr.append(interval)
    beats = [Beat(a, b) for a, b in zip(t, rr, strict=True)]
    info = SimpleNamespace(id=1, started_at="2026-11-01T08:00:00+00:00", duration_s=360.0, pacer_bpm=6.0,
                           summary={}, checkins={})
    true_swing = 60000 / 950 - 60000 / 1050
    ran = summarize_stored(info, beats, [info], pacer_changes=[Change(0.0, 6.0), Change(180.0, 3.0)])
    start_rate_only = summarize_stored(info, beats, [info])
    assert abs(ran.hr_swing.value - true_swing) < 0.6
    assert abs(ran.hr_swing.value - true_swing) < abs(start_rate_only.hr_swing.value - true_swing)
