"""Breathing rate from a chest accelerometer (core/breathing/chest.py) against the simulated person."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.spatial.transform import Rotation

from biofeedback.core.breathing.chest import ChestBreathing, breathing_rate
from biofeedback.core.simulation import PersonParams, SimulatedPerson

FS_HZ = 25.0


def chest(breathing_bpm: float, duration_s: float, seed: int, tilt_mg: float = 25.0, noise_mg: float = 3.0):
    """mG on a strap worn at a random angle: gravity, the chest's tilt with the lung volume, noise."""
    person = SimulatedPerson(PersonParams(hr_bpm=65, follow_lag_s=1.0), seed=seed)
    person.set_breathing_rate(breathing_bpm)
    t, vol = [], []
    for k in range(int(duration_s / 10)):
        person.advance(10.0)
        tk = np.arange(k * 10 * FS_HZ, (k + 1) * 10 * FS_HZ) / FS_HZ
        t.append(tk)
        vol.append(person.lung_volume(tk))
    t, v = np.concatenate(t), np.concatenate(vol) - 0.5
    rng = np.random.default_rng(seed)
    body = np.stack([0.3 * tilt_mg * v, np.full(t.size, -1000.0), tilt_mg * v], axis=1)
    worn = Rotation.from_euler("xyz", rng.uniform(-0.5, 0.5, 3)).apply(body)  # the strap's own axes
    return t, worn + noise_mg * rng.standard_normal(worn.shape), person


@pytest.mark.parametrize("bpm", [4.5, 6.0, 10.0, 15.0])
def test_the_chest_gives_the_breathing_rate_within_half_a_breath(bpm):
    t, acc, person = chest(bpm, 90.0, seed=int(bpm * 10))
    last = t > 30.0  # after the glide to the pacer's rate
    truth = float(np.mean(np.gradient(person.breathing_phase(t[last]), t[last])) * 60.0)
    got = breathing_rate(acc[last], FS_HZ, float(t[-1]))
    assert got is not None and abs(got.rate_bpm - truth) < 0.5 and got.purity > 0.5


def test_streamed_in_frames_it_is_the_same_rate_and_a_gap_starts_afresh():
    t, acc, _ = chest(6.0, 120.0, seed=4)
    stream = ChestBreathing(FS_HZ, window_s=60.0)
    for i in range(0, t.size, 36):  # the H10's frames
        stream.push(t[i:i + 36], acc[i:i + 36])
    whole = breathing_rate(acc[-int(60 * FS_HZ):], FS_HZ)
    assert stream.rate() is not None and whole is not None
    assert stream.rate().rate_bpm == pytest.approx(whole.rate_bpm, abs=1e-9)
    stream.forget()
    stream.push(t[:100], acc[:100])
    assert stream.rate() is None  # 4 s of curve is no rate


def test_a_still_or_flat_signal_gives_no_rate():
    assert breathing_rate(np.zeros((2000, 3)), FS_HZ) is None
    still = np.array([0.0, -1000.0, 0.0]) + 3.0 * np.random.default_rng(1).standard_normal((2000, 3))
    assert breathing_rate(still, FS_HZ) is None  # a held breath: sensor noise has no rate
