"""Waveforms for the simulated board, made by our physiology model (biofeedback.core.simulation).

One file drives both sensors of ``simboard``: column 1 is the PulseSensor's output on A0 in mV
(upright: it rises at systole), column 2 the MAX30102's raw IR count (it *falls* at systole, as
on the real part, because more blood absorbs more light). Finger-off windows are dark on both.
The truth is the model's beat list (systolic peak times) minus the beats a lifted finger hides.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from biofeedback.core.simulation import PersonParams, PpgSynth, SimulatedPerson

WAVE_FS_HZ = 1000  # the harness interpolates linearly between these samples
VREF_MV = 5000.0
FINE_ADC_MAX = 65535  # synthesise finely, then scale to mV / IR counts
IR_DC_COUNTS = 120_000.0  # a finger on a MAX30102 at 6.2 mA, 18-bit range
IR_SWING_COUNTS = 8000.0  # per unit of the synth's full scale: pulses of ~1500 counts (PI ~1.3 %)
IR_DARK_COUNTS = 1500.0  # no finger: ambient-cancelled dark level
DARK_FRACTION = 0.02  # PulseSensor output with no finger, share of full scale
SYSTOLE_SPAN_S = (-0.35, 0.15)  # upstroke and systolic peak around the peak time: a beat shows
# only if this part of its pulse is not dark (the upstroke starts 0.35 s before, physiology.py)


@dataclass
class Wave:
    path: Path
    duration_s: float
    truth_s: np.ndarray  # systolic peak times of the beats a sensor can show
    finger_off: list[tuple[float, float]]  # (start_s, duration_s)


def make_wave(path: Path, duration_s: float, hr_bpm: float, seed: int = 1,
              finger_off: tuple[tuple[float, float], ...] = ()) -> Wave:
    """Write a BFWAVE file (see firmware_notes/simboard/simboard.c) and return its truth."""
    person = SimulatedPerson(PersonParams(hr_bpm=hr_bpm), seed=seed)
    person.set_breathing_rate(6.0)
    synth = PpgSynth(person, fs_hz=WAVE_FS_HZ, adc_max=FINE_ADC_MAX, noise=0.01, seed=seed)
    t, values, beats = synth.step(int(round(duration_s * WAVE_FS_HZ)) + 1)
    frac = values / FINE_ADC_MAX
    mv = VREF_MV * frac
    ir = IR_DC_COUNTS - IR_SWING_COUNTS * (frac - 0.5)
    rng = np.random.default_rng(seed)
    dark = np.zeros(t.size, dtype=bool)
    for start, dur in finger_off:
        dark |= (t >= start) & (t < start + dur)
    mv[dark] = VREF_MV * DARK_FRACTION + rng.normal(0.0, 2.0, int(dark.sum()))
    ir[dark] = IR_DARK_COUNTS + rng.normal(0.0, 30.0, int(dark.sum()))
    peaks = np.array([b.t_s for b in beats if b.kind == "normal"])
    hidden = np.zeros(peaks.size, dtype=bool)
    for start, dur in finger_off:
        hidden |= (peaks + SYSTOLE_SPAN_S[1] > start) & (peaks + SYSTOLE_SPAN_S[0] < start + dur)
    with open(path, "w", encoding="ascii") as f:
        f.write(f"BFWAVE fs_hz={WAVE_FS_HZ} n={t.size}\n")
        np.savetxt(f, np.column_stack((mv, ir)), fmt="%.1f %.0f")
    return Wave(path, duration_s, peaks[~hidden], list(finger_off))


if __name__ == "__main__":  # make a file to run simboard by hand
    import sys

    w = make_wave(Path(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]))
    print(f"{w.path}: {w.truth_s.size} beats")
