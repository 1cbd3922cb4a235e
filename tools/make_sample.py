"""Write the sample recording shipped in the package (biofeedback/resources/samples/ppg_sample.csv):
two and a half minutes of simulated finger PPG at 100 Hz from a person breathing at 6 breaths/min, so
`biofeedback analyze` has something to read on a machine without a sensor.

    .venv/bin/python tools/make_sample.py
"""

from __future__ import annotations

import sys

import numpy as np

from biofeedback.core.simulation.synth import simulate_ppg
from biofeedback.resources import SAMPLE_PPG

DURATION_S = 150.0
FS_HZ = 100.0
BREATHING_BPM = 6.0
SEED = 23


def main() -> int:
    t_s, ppg, beats = simulate_ppg(DURATION_S, fs_hz=FS_HZ, breathing_bpm=BREATHING_BPM, seed=SEED)
    t_ms = np.round(np.asarray(t_s) * 1000.0).astype(np.int64)
    lines = ["time_ms,ppg"] + [f"{t},{int(round(v))}" for t, v in zip(t_ms, ppg, strict=True)]
    SAMPLE_PPG.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{SAMPLE_PPG}: {len(t_ms)} samples, {len(beats)} beats, {SAMPLE_PPG.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
