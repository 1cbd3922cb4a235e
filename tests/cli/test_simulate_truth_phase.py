"""`simulate --truth` writes the person's true breathing phase next to every true beat."""

from __future__ import annotations

import csv
import subprocess
import sys

import numpy as np


def test_truth_file_breath_phase_advances_at_the_breathing_rate(tmp_path):
    truth = tmp_path / "truth.csv"
    subprocess.run([sys.executable, "-m", "biofeedback", "simulate", "--speed", "40", "--duration", "90",
                    "--breathing-rate", "6", "--truth", str(truth)],
                   check=True, capture_output=True, timeout=60)
    with open(truth, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    t = np.array([float(r["time_s"]) for r in rows])
    phase = np.array([float(r["breath_phase"]) for r in rows])
    assert np.all((phase >= 0) & (phase < 1))
    late = t > 40  # the person has glided from their own rate to the 6 /min asked for
    cycles = np.unwrap(phase[late], period=1.0)
    rate_bpm = 60 * (cycles[-1] - cycles[0]) / (t[late][-1] - t[late][0])
    assert abs(rate_bpm - 6.0) < 0.1
