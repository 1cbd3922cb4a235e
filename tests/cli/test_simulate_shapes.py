"""`simulate --shape`: hard pulse shapes over a real pty, recorded and scored against the truth."""

from __future__ import annotations

import subprocess
import sys

import pytest
from test_simulate_record import record, scored_f1, start_simulator, stop

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")


@pytest.mark.slow
@pytest.mark.parametrize("protocol, shape", [("max3010x", "reflected"), ("pulsesensor-plotter", "dominant-reflected")])
def test_a_hard_shape_on_a_real_sensor_model_is_recorded_right(tmp_path, protocol, shape):
    sim, port = start_simulator(tmp_path, "--protocol", protocol, "--shape", shape)
    try:
        result = record(port, tmp_path, 9.0)
    finally:
        stop(sim)
    assert result.returncode == 0, result.stderr
    f1, detected, _ = scored_f1(tmp_path, align=True)
    assert detected.size > 60, result.stderr
    assert f1 >= 0.99, f"{protocol}/{shape}: F1 {f1:.3f}"


def test_an_unknown_shape_is_refused_with_the_choices():
    result = subprocess.run([sys.executable, "-m", "biofeedback", "simulate", "--shape", "square",
                             "--duration", "1"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert "unknown pulse shape 'square'" in result.stderr and "reflected" in result.stderr
