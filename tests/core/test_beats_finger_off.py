"""A finger lifted for longer than the re-learning delay, then put back.

A MAX30102's raw IR with the finger off is the dark level, at the top of the
wave once it is turned upright. The detector re-learns after
``BEAT_RELEARN_S`` without a beat; a window that is all dark must not set its
threshold and pulse size (at the noise: the first pulses back were missed).
Truth by construction: the simulator's systolic peak times.
"""

from __future__ import annotations

import numpy as np
import pytest
from scoring import match_f1

from biofeedback.core.beats.ppg import detect_beats
from biofeedback.core.simulation import PersonParams, PpgSynth, SimulatedPerson

FS_HZ = 100.0
ADC_MAX = 262_143
DC_COUNTS, SWING_COUNTS, DARK_COUNTS = 120_000.0, 8000.0, 1500.0  # as the firmware tests' board
OFF_S = (38.0, 6.0)  # (start, duration): longer than BEAT_RELEARN_S
SYSTOLE_S = (-0.35, 0.15)  # a beat's upstroke and peak around its peak time


def lifted_ir(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    person = SimulatedPerson(PersonParams(hr_bpm=65.0 + 7 * (seed % 4)), seed=seed)
    person.set_breathing_rate(6.0)
    synth = PpgSynth(person, fs_hz=FS_HZ, adc_max=65535, noise=0.01, seed=seed)
    t, values, beats = synth.step(int(60 * FS_HZ))
    ir = DC_COUNTS - SWING_COUNTS * (values / 65535 - 0.5)  # more blood, less light: inverted
    start, dur = OFF_S
    dark = (t >= start) & (t < start + dur)
    rng = np.random.default_rng(seed)
    ir[dark] = DARK_COUNTS + rng.normal(0.0, 30.0, int(dark.sum()))
    ir = np.round(ir + rng.normal(0.0, 8.0, ir.size))
    peaks = np.array([b.t_s for b in beats if b.kind == "normal"])
    seen = (peaks + SYSTOLE_S[1] <= start) | (peaks + SYSTOLE_S[0] >= start + dur)
    return t, ir, peaks[seen]


@pytest.mark.parametrize("seed", range(1, 13))
def test_pulses_are_found_at_once_when_the_finger_is_back(seed):
    t, ir, truth = lifted_ir(seed)
    beats = detect_beats(t, ir, FS_HZ, adc_max=ADC_MAX)
    back = OFF_S[0] + OFF_S[1]
    # from 1 s after the finger is back (it settles) to 8 s: every pulse, nothing else
    window = (back + 1.0, back + 8.0)
    got = beats[(beats > window[0]) & (beats < window[1])]
    true_in = truth[(truth > window[0]) & (truth < window[1])]
    assert true_in.size >= 7
    assert match_f1(got, true_in) == 1.0, (got.round(2), true_in.round(2))
    # and nothing while the finger is off
    assert not np.any((beats > OFF_S[0] + 0.2) & (beats < back)), beats.round(2)
