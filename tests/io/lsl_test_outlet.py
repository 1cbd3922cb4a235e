"""A pylsl outlet in a process of its own, declaring whatever settings a test asks for.

Run as a script: ``python lsl_test_outlet.py SOURCE_ID TYPE DECLARED_HZ [--fs 100] [--stamps
explicit|chunk] [--format float32] [--channels 1] [--seconds 60]``. It prints READY once the
outlet exists, then pushes a pulse wave (PPG) or ECG (microvolts) at ``--fs`` in 50 ms
chunks, in real time: ``explicit`` stamps every sample (i / fs), ``chunk`` lets liblsl stamp the
chunk (with 0 Hz declared every sample of a chunk gets the same stamp, as some bridges send).
A separate process, so the outlet's own buffer (liblsl sizes it by the declared rate too)
is not counted in the memory of the process under test.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pylsl


def signal(kind: str, fs: float, seconds: float) -> np.ndarray:
    if kind == "ECG":
        sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
        from ecg_synth import synth_ecg

        return synth_ecg(seconds, fs, seed=5)[0] * 1000.0
    # a 70 bpm pulse with its notch, NumPy only: the tests refuse these streams by their settings and
    # stamps, and the simulator's person would cost the sender SciPy's import (~1.5 s) before READY
    phase = (np.arange(int(seconds * fs)) / fs * 70.0 / 60.0) % 1.0
    return 512.0 + 200.0 * np.exp(-(((phase - 0.2) / 0.08) ** 2)) + 60.0 * np.exp(-(((phase - 0.5) / 0.1) ** 2))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("sid")
    p.add_argument("type")
    p.add_argument("declared", type=float)
    p.add_argument("--fs", type=float, default=100.0)
    p.add_argument("--stamps", choices=("explicit", "chunk"), default="explicit")
    p.add_argument("--format", default="float32")
    p.add_argument("--channels", type=int, default=1)
    p.add_argument("--seconds", type=float, default=60.0)
    a = p.parse_args()
    info = pylsl.StreamInfo(f"bad {a.type} {a.sid}", a.type, a.channels, a.declared, a.format, a.sid)
    outlet = pylsl.StreamOutlet(info, chunk_size=0, max_buffered=1)
    values = signal(a.type, a.fs, a.seconds)
    print("READY", flush=True)
    step = max(1, int(0.05 * a.fs))
    t0 = pylsl.local_clock()
    for i in range(0, values.size, step):
        chunk = values[i:i + step]
        rows = np.repeat(chunk.reshape(-1, 1), a.channels, axis=1)
        if a.format == "string":
            data = [[f"{x:.3f}"] * a.channels for x in chunk]
        else:
            data = rows.astype(np.float32 if a.format == "float32" else np.float64)
        if a.stamps == "explicit":
            outlet.push_chunk(data, (t0 + (i + np.arange(chunk.size)) / a.fs).tolist())
        else:
            outlet.push_chunk(data)
        time.sleep(max(0.0, t0 + (i + step) / a.fs - pylsl.local_clock()))


if __name__ == "__main__":
    main()
