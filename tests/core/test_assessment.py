"""The assessment protocol: which rate when, block boundaries, and a phase-continuous pacer."""

from __future__ import annotations

import re

import numpy as np
import pytest

from biofeedback.core.breathing.pacer import Pacer
from biofeedback.core.resonance.assessment import (
    BLOCK,
    DONE,
    REST,
    AssessmentPlan,
    AssessmentProtocol,
    AssessmentSession,
    breathing_reference_note,
)
from biofeedback.core.types import Beat


def test_default_plan_is_lehrer_rates_two_minutes_each():
    plan = AssessmentPlan()
    assert plan.rates_bpm == (6.5, 6.0, 5.5, 5.0, 4.5)
    assert plan.block_s == 120.0 and plan.total_s == 600.0


def test_state_walks_blocks_and_rests_by_time():
    proto = AssessmentProtocol(AssessmentPlan(block_s=60.0, rest_s=30.0), t0_s=100.0)
    assert proto.plan.total_s == 5 * 60 + 4 * 30
    s = proto.state(100.0)
    assert (s.phase, s.block_index, s.rate_bpm, s.phase_remaining_s) == (BLOCK, 0, 6.5, 60.0)
    s = proto.state(165.0)  # 5 s into the first rest
    assert (s.phase, s.block_index, s.rate_bpm) == (REST, 1, None)
    assert s.phase_remaining_s == pytest.approx(25.0)
    s = proto.state(100.0 + 2 * 90 + 59.9)  # end of the third block
    assert (s.phase, s.rate_bpm) == (BLOCK, 5.5)
    assert proto.state(100.0 + 4 * 90).rate_bpm == 4.5
    assert proto.state(100.0 + 210.0).progress == pytest.approx(0.5)
    end = proto.state(100.0 + proto.plan.total_s)
    assert (end.phase, end.block_index, end.progress) == (DONE, 5, 1.0)


def test_scored_window_leaves_out_the_settling_start():
    proto = AssessmentProtocol(AssessmentPlan(block_s=90.0, rest_s=10.0, settle_s=15.0), t0_s=5.0)
    assert proto.scored_window(2) == (5.0 + 200.0 + 15.0, 5.0 + 290.0)


def test_bad_plans_are_refused():
    with pytest.raises(ValueError):
        AssessmentPlan(block_s=0.0)
    with pytest.raises(ValueError):
        AssessmentPlan(block_s=10.0, settle_s=10.0)


def test_session_changes_pacer_rate_at_block_start_without_a_jump():
    plan = AssessmentPlan(block_s=30.0, settle_s=5.0)
    session = AssessmentSession(plan, t0_s=0.0)
    changes, values = [], []
    for t in np.arange(0.05, plan.total_s, 0.05):
        rate = session.update(float(t))
        if rate is not None:
            changes.append((round(float(t), 2), rate))
        values.append(session.pacer.value(float(t)))
    assert [r for _, r in changes] == [6.5, 6.0, 5.5, 5.0, 4.5]
    assert [t for t, _ in changes[1:]] == [30.0, 60.0, 90.0, 120.0]
    # the guide moves at most max slope * dt between samples, also across boundaries
    fastest = Pacer(6.5).max_slope_per_s()
    assert np.max(np.abs(np.diff(values))) <= fastest * 0.05 * 1.01
    assert session.done is False
    session.update(plan.total_s)
    assert session.done


def test_recorder_scores_each_block_on_its_own_beats():
    plan = AssessmentPlan(rates_bpm=(6.0, 5.0), block_s=120.0, settle_s=10.0)
    session = AssessmentSession(plan, t0_s=0.0)
    for t in np.arange(0.0, plan.total_s, 0.25):
        session.update(float(t))
    # heart rate following the pacer guide exactly: HR peaks at end of inhale (guide = 1)
    t_s, beats = 0.0, []
    while t_s < plan.total_s:
        hr = 65.0 + 6.0 * (session.pacer.values(np.array([t_s]))[0] - 0.5) * 2
        rr = 60000.0 / hr
        t_s += rr / 1000.0
        beats.append(Beat(t_s, rr))
    session.add_beats(beats)
    t0, rr0, _ = session.recorder.block_beats(0)
    assert t0.min() >= 10.0 and t0.max() < 120.0
    # the pacer of block 0 ran at 6.0 and block 1 at 5.0 only after set_rate at t = 120 s
    score = session.recorder.score(1)
    assert score.rate_bpm == 5.0
    assert score.amplitude_bpm == pytest.approx(12.0, rel=0.1)


def _paced_session(plan, beats_to_session: bool = False):
    """Heart rate following the pacer guide as it runs (beats made while the clock advances).

    The beats go to the recorder only (the tests give the measured breathing
    themselves), or with ``beats_to_session`` to the session, which then reads
    the breathing from their intervals.
    """
    session = AssessmentSession(plan, t0_s=0.0)
    next_beat = 0.0
    for t in np.arange(0.0, plan.total_s, 0.05):
        session.update(float(t))
        if t >= next_beat:
            hr = 65.0 + 6.0 * (session.pacer.value(float(t)) - 0.5) * 2
            next_beat = float(t) + 60.0 / hr
            if beats_to_session:
                session.add_beats([Beat(next_beat, 60000.0 / hr)])
            else:
                session.recorder.add_beat(next_beat, 60000.0 / hr)
    return session


def test_measured_breathing_per_block_uses_whole_window_estimates_of_good_quality():
    plan = AssessmentPlan(rates_bpm=(6.0, 5.0), block_s=120.0, settle_s=10.0)
    rec = _paced_session(plan).recorder
    for t in range(11, 120):  # early estimates still see the spontaneous rate before the block
        rec.add_breathing(float(t), 13.0 if t < 70 else 6.1, quality=0.8, window_s=60.0)
    for t in range(131, 240):
        rec.add_breathing(float(t), 5.0, quality=0.1, window_s=60.0)  # poor quality: no measure
    rec.add_breathing(150.0, None, quality=0.0)  # no rate: ignored
    assert rec.block_breathing_bpm(0) == pytest.approx(6.1)
    assert rec.block_breathing_bpm(1) is None
    assert rec.score(0).usable and rec.score(0).breathing_bpm == pytest.approx(6.1)


def test_breathing_away_from_the_pacer_makes_no_resonance_found():
    plan = AssessmentPlan(block_s=120.0, settle_s=10.0)
    session = _paced_session(plan)
    for t in np.arange(0.0, plan.total_s, 1.0):
        session.recorder.add_breathing(float(t), 12.5, quality=0.7, window_s=60.0)
    result = session.result()
    assert result.recommended_bpm is None
    assert all("12.5 /min, not at the pacer" in b.reasons[0] for b in result.blocks)


def test_block_phase_measured_afterwards_replaces_the_live_samples():
    plan = AssessmentPlan(rates_bpm=(6.0, 5.0), block_s=120.0, settle_s=10.0)
    session = _paced_session(plan)
    before = session.recorder.score(0).phase_lag_deg
    grid = np.arange(10.0, 120.0, 0.25)
    # breathing a quarter breath behind the pacer: HR (locked to the pacer) peaks 90 deg before end of inhale
    session.recorder.set_block_phase(0, grid, grid * 6.0 / 60.0 - 0.25)
    after = session.recorder.score(0).phase_lag_deg
    assert after - before == pytest.approx(-90.0, abs=3.0)


def test_heart_rate_is_scored_against_the_breathing_read_from_the_pulse_not_the_guide():
    """A person 1 s behind the guide: the pulse-read phase sees it, the pacer's phase would not.

    One simulated run scored three ways, so the same beats: only the phase
    reference differs. The belt (the simulated person's own breathing) is the truth.
    """
    from biofeedback.io.assess_sim import SimPersonSettings, run_simulated_assessments

    plan = AssessmentPlan(rates_bpm=(6.5, 5.5, 4.5), block_s=100.0)
    person = SimPersonSettings(resonance_bpm=5.5, seed=3, pacer_reaction_s=1.0)
    lags = {}
    for source, (result, _) in run_simulated_assessments(plan, person, ("belt", "pulse", "pacer")).items():
        assert {b.phase_source for b in result.blocks} == {source}
        lags[source] = np.array([b.phase_lag_deg for b in result.blocks])
        if source == "pulse":
            behind = np.array([b.behind_guide_s for b in result.blocks])
            result_pulse = result
    # the first block also holds the person's locking onto the guide from their own rhythm
    late_deg = 1.0 * np.array(plan.rates_bpm[1:]) / 60.0 * 360.0  # 1 s of a breath: 27-33 deg
    np.testing.assert_allclose(lags["pacer"][1:] - lags["belt"][1:], late_deg, atol=8.0)
    assert np.all(np.abs(lags["pulse"] - lags["belt"]) < 12.0)
    np.testing.assert_allclose(behind[1:], 1.0, atol=0.35)
    told = re.search(r"about ([0-9.]+) s behind the guide", breathing_reference_note(result_pulse))
    assert told and float(told.group(1)) == pytest.approx(np.median(behind), abs=0.05)


def test_without_a_pulse_wave_the_pacer_stands_in_for_the_breathing_phase():
    """IBI-only sensors: the only breathing signal would be the heart rate being scored."""
    plan = AssessmentPlan(rates_bpm=(6.0, 5.0), block_s=120.0, settle_s=10.0)
    result = _paced_session(plan, beats_to_session=True).result()
    assert [b.phase_source for b in result.blocks] == ["pacer", "pacer"]
    assert all(b.behind_guide_s is None for b in result.blocks)
    assert "timed against the guide" in breathing_reference_note(result)
    # the breathing rate is still read (from the beat intervals) and found to follow the pacer
    assert [round(b.breathing_bpm) for b in result.blocks] == [6, 5]
