"""`biofeedback analyze` on an ECG whose column is named by its lead (MLII, Lead II, V5, aVF): read as an ECG.

Such a column was read as a pulse wave without a word: the PPG beat detector ran
on an ECG and the output never said it was one.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from cli_inprocess import run_cli

FS_HZ = 250.0
RR_S = 0.8


def ecg_csv(path, column: str) -> None:
    t = np.arange(0.0, 60.0, 1.0 / FS_HZ)
    before = np.floor((t - 0.3) / RR_S) * RR_S + 0.3  # the last beat at or before each sample
    mv = (1.2 * (np.exp(-0.5 * ((t - before) / 0.01) ** 2) + np.exp(-0.5 * ((t - before - RR_S) / 0.01) ** 2))
          + 0.3 * np.exp(-0.5 * ((t - before - 0.25) / 0.04) ** 2))
    path.write_text(f"time,{column}\n" + "".join(f"{x:.4f},{v:.5f}\n" for x, v in zip(t, mv, strict=True)))


@pytest.mark.parametrize("column", ["MLII", "Lead II", "lead_II", "II", "V5", "aVF"])
def test_a_column_named_by_its_ecg_lead_is_read_as_an_ecg(tmp_path, column):
    path = tmp_path / "record.csv"
    ecg_csv(path, column)
    done = run_cli("analyze", str(path))
    assert done.returncode == 0, done.stderr
    assert f"ECG column {column}" in done.stdout and "R peaks" in done.stdout  # was read as a PPG
    summary = json.loads(run_cli("analyze", str(path), "--json").stdout)
    assert summary["mean_nn_ms"] == pytest.approx(RR_S * 1000.0, rel=0.01)


@pytest.mark.parametrize("column", ["I", "v1", "value"])
def test_names_that_may_be_something_else_stay_a_pulse_wave(tmp_path, column):
    path = tmp_path / "record.csv"
    ecg_csv(path, column)
    done = run_cli("analyze", str(path))
    assert done.returncode == 0, done.stderr
    assert "ECG column" not in done.stdout
