"""Hard pulse shapes (`simulate --shape`) over a real pty, recorded and scored against the truth."""

from __future__ import annotations

import subprocess
import sys

import pytest
from test_simulate_record import record_side_by_side, scored_f1

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")


SHAPES = {"max3010x": "reflected", "pulsesensor-plotter": "dominant-reflected"}  # sensor model: pulse shape


@pytest.mark.slow(about_s=12)
def test_a_hard_shape_on_a_real_sensor_model_is_recorded_right(tmp_path):
    done = record_side_by_side(tmp_path, {p: {"protocol": p, "shape": shape} for p, shape in SHAPES.items()})
    failed = []
    for protocol, (folder, result) in done.items():
        if result.returncode != 0:
            failed.append(f"{protocol}: exit {result.returncode}, {result.stderr[-1500:]}")
            continue
        f1, detected, _ = scored_f1(folder, align=True)
        if detected.size <= 60 or f1 < 0.99:
            failed.append(f"{protocol}/{SHAPES[protocol]}: {detected.size} beats, F1 {f1:.3f}; {result.stderr[-1500:]}")
    assert failed == []


def test_an_unknown_shape_is_refused_with_the_choices():
    result = subprocess.run([sys.executable, "-m", "biofeedback", "simulate", "--shape", "square",
                             "--duration", "1"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "unknown pulse shape 'square'" in result.stderr and "reflected" in result.stderr
