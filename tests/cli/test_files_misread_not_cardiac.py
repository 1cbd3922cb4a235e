"""`biofeedback analyze` on a signal that is no heart beat (a respiration belt, skin conductance): refused.

A BITalino file whose only channel is a PZT respiration belt, or a CSV
``time,resp``, was read as a pulse wave: "Mean heart rate 36.0 bpm" from the
breaths, with exit status 0.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from cli_inprocess import run_cli

FS_HZ = 100
BREATHS_PER_MIN = 36.0  # fast breathing: within the pulse detector's range


def breathing(n: int) -> np.ndarray:
    t = np.arange(n) / FS_HZ
    return np.round(512 + 300 * np.sin(2 * np.pi * BREATHS_PER_MIN / 60.0 * t))


def opensignals(path, sensor: str) -> None:
    meta = {"00:07:80:3B:46:61": {"device": "bitalino_rev", "sampling rate": FS_HZ, "sensor": [sensor],
                                  "column": ["nSeq", "I1", "I2", "O1", "O2", "A3"], "label": ["A3"]}}
    value = breathing(120 * FS_HZ)
    rows = "".join(f"{k % 16}\t0\t0\t0\t0\t{v:g}\n" for k, v in enumerate(value))
    path.write_text("# OpenSignals Text File Format\n# " + json.dumps(meta) + "\n# EndOfHeader\n" + rows)


def refusal(result) -> str:
    assert result.returncode == 2 and result.stdout == "", result  # was a heart rate, exit status 0
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    return result.stderr


@pytest.mark.parametrize(("sensor", "what"), [("PZT", "respiration"), ("EDA", "skin conductance"),
                                              ("EMGBIT", "muscle activity")])
def test_an_opensignals_channel_of_a_sensor_that_is_no_pulse_is_refused(tmp_path, sensor, what):
    path = tmp_path / "opensignals.txt"
    opensignals(path, sensor)
    message = refusal(run_cli("analyze", str(path)))
    assert sensor in message and what in message and "--column A3" in message
    assert run_cli("analyze", str(path), "--column", "A3").returncode == 0  # the user's choice is obeyed


@pytest.mark.parametrize("column", ["resp", "Respiration (V)", "eda_uS", "acc_x", "temp"])
def test_a_csv_column_named_for_a_signal_that_is_no_pulse_is_refused(tmp_path, column):
    path = tmp_path / "belt.csv"
    value = breathing(120 * FS_HZ)
    path.write_text(f"time,{column}\n" + "".join(f"{k / FS_HZ:.2f},{v:g}\n" for k, v in enumerate(value)))
    message = refusal(run_cli("analyze", str(path)))
    assert column in message and "--column" in message
