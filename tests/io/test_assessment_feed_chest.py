"""A chest strap's accelerometer reaches the resonance assessment through AssessmentFeed (the wizard's and
``assess --port``'s path), moved onto the host clock, and is the breathing phase heart rate is timed against."""

from __future__ import annotations

import numpy as np

from biofeedback.core.clock_mapping import DeviceClockMapping
from biofeedback.core.protocols.polar_pmd import ACC_FS_HZ
from biofeedback.core.resonance.assessment import PHASE_CHEST, AssessmentPlan, AssessmentSession
from biofeedback.core.types import SignalBlock
from biofeedback.io.assess_sim import SimPersonSettings, SimulatedBeatsDriver
from biofeedback.io.assessment_feed import AssessmentFeed

PLAN = AssessmentPlan(rates_bpm=(6.5, 4.5), block_s=100.0)
HOST_MINUS_DEVICE_S = 5000.0  # the host's monotonic clock is far from the strap's


def chest_mg(volume: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """An H10 on an upright chest (as tests/ble/virtual_h10.py): gravity on y, each breath tilts z and x."""
    tilt = volume - 0.5
    return np.column_stack([40 + 8 * tilt, -995 - 2 * tilt, 90 + 30 * tilt]) + 2.0 * rng.standard_normal((volume.size, 3))


def test_the_chest_reaches_the_assessment_on_the_host_clock_and_times_the_heart_rate():
    driver = SimulatedBeatsDriver(SimPersonSettings(resonance_bpm=5.5, seed=3, pacer_reaction_s=1.0, protocol="ibi"))
    person = driver.run.sim.person
    direct = AssessmentSession(PLAN, t0_s=0.0)  # fed on the device clock, by hand: the reference
    fed = AssessmentSession(PLAN, t0_s=HOST_MINUS_DEVICE_S)  # the app's: host clock, through the feed
    clock = DeviceClockMapping()
    feed = AssessmentFeed(fed, clock)
    rng = np.random.default_rng(0)
    t, n_acc = 0.0, 0
    while not direct.done:
        t += 0.25
        out = driver.run.advance(t)
        ta = np.arange(n_acc, int(t * ACC_FS_HZ)) / ACC_FS_HZ
        n_acc += ta.size
        if ta.size:
            mg = chest_mg(person.lung_volume(ta), rng)
            out.signals.append(SignalBlock("acc", ta, mg, ACC_FS_HZ))
            direct.add_acc(ta, mg)
        direct.add_beats(out.beats)
        arrived = ta[-1] if ta.size else (out.beats[-1].t_s if out.beats else None)
        if arrived is not None:
            clock.observe_output(out, host_t_s=arrived + HOST_MINUS_DEVICE_S)  # no transport delay
        feed.add(out)
        fed.update(t + HOST_MINUS_DEVICE_S)
        if direct.update(t) is not None:
            driver.follow(direct, t)
    assert fed.done
    ours, reference = fed.result(), direct.result()
    assert [b.phase_source for b in ours.blocks] == [PHASE_CHEST] * len(PLAN.rates_bpm)
    assert [round(b.breathing_bpm, 1) for b in ours.blocks] == list(PLAN.rates_bpm)
    np.testing.assert_allclose([b.phase_lag_deg for b in ours.blocks],
                               [b.phase_lag_deg for b in reference.blocks], atol=0.5)
    print("chest phase lag per block through the feed / fed directly: "
          + ", ".join(f"{a.phase_lag_deg:.1f}/{b.phase_lag_deg:.1f} deg" for a, b in zip(ours.blocks, reference.blocks,
                                                                                     strict=True)))
