"""The resonance assessment with a chest strap: its accelerometer is the breathing the heart rate is timed against."""

from __future__ import annotations

import re

import numpy as np
import pytest

from biofeedback.core.protocols.polar_pmd import ACC_FS_HZ
from biofeedback.core.resonance.assessment import (
    AssessmentPlan,
    AssessmentSession,
    breathing_reference_note,
)
from biofeedback.io.assess_sim import SimPersonSettings, SimulatedBeatsDriver

PLAN = AssessmentPlan(rates_bpm=(6.5, 5.5, 4.5), block_s=100.0)


def chest_mg(volume: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """A strap on an upright chest (as tests/ble/virtual_h10.py): gravity on y, each breath tilts z and x."""
    tilt = volume - 0.5
    noise = 2.0 * rng.standard_normal((volume.size, 3))
    return np.column_stack([40 + 8 * tilt, -995 - 2 * tilt, 90 + 30 * tilt]) + noise


def strap_assessments(with_chest: bool = True):
    """Two assessments on the same beats, paced alike: one fed beats only (a strap sends no pulse wave)
    and, ``with_chest``, its accelerometer; one timed against the person's own breathing (the truth)."""
    settings = SimPersonSettings(resonance_bpm=5.5, seed=3, pacer_reaction_s=1.0, protocol="ibi")
    driver = SimulatedBeatsDriver(settings)
    person = driver.run.sim.person
    strap, belt = AssessmentSession(PLAN, t0_s=0.0), AssessmentSession(PLAN, t0_s=0.0, phase_from="belt")
    rng = np.random.default_rng(0)
    t, n_acc = 0.0, 0
    while not strap.done:
        t += 0.25
        beats = driver.run.advance(t).beats
        strap.add_beats(beats)
        belt.add_beats(beats)
        ta = np.arange(n_acc, int(t * ACC_FS_HZ)) / ACC_FS_HZ
        n_acc += ta.size
        if with_chest and ta.size:
            strap.add_acc(ta, chest_mg(person.lung_volume(ta), rng))
        belt.update(t, driver.run.breath_cycle_fraction(t))
        if strap.update(t) is not None:
            driver.follow(strap, t)
    last = driver.run.pipeline.flush().beats
    strap.add_beats(last)
    belt.add_beats(last)
    return strap.result(), belt.result()


def test_a_chest_strap_times_heart_rate_against_the_breathing_it_measures():
    """Without a pulse wave the pacer stands in (1 s off here); the chest sees the person's own breathing."""
    chest, belt = strap_assessments()
    assert [b.phase_source for b in chest.blocks] == ["chest"] * 3
    lag_chest, lag_belt = (np.array([b.phase_lag_deg for b in r.blocks]) for r in (chest, belt))
    assert np.all(np.abs(lag_chest - lag_belt) < 12.0)
    behind = np.array([b.behind_guide_s for b in chest.blocks])
    np.testing.assert_allclose(behind[1:], 1.0, atol=0.35)  # (the first block: locking onto the guide)
    assert [round(b.breathing_bpm, 1) for b in chest.blocks] == list(PLAN.rates_bpm)  # the chest's rate
    note = breathing_reference_note(chest)
    told = re.search(r"Read from the chest strap's movement, you breathed about ([0-9.]+) s behind the guide", note)
    assert told and float(told.group(1)) == pytest.approx(np.median(behind), abs=0.05)
