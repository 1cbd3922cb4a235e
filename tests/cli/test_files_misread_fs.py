"""`biofeedback analyze FILE --fs HZ` on a file that has a time column: a rate that disagrees is refused.

--fs replaced the time column without a word: a 100 Hz PPG analysed with
``--fs 50`` gave half its heart rate (35 instead of 70 bpm) with exit status 0.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from cli_inprocess import run_cli

HR_BPM = 70.0


def ppg_csv(path, fs_hz: float, time_unit: str = "s") -> None:
    t = np.arange(0.0, 60.0, 1.0 / fs_hz)
    ppg = 512 + np.round(200 * np.sin(2 * np.pi * HR_BPM / 60.0 * t))
    stamps = [f"{x:.3f}" for x in t] if time_unit == "s" else [f"{int(x * 1000)}" for x in t]  # whole ms ticks
    name = "time" if time_unit == "s" else "time_ms"
    path.write_text(f"{name},ppg\n" + "".join(f"{s},{v:g}\n" for s, v in zip(stamps, ppg, strict=True)))


def test_an_fs_that_disagrees_with_the_time_column_is_refused(tmp_path):
    path = tmp_path / "ppg.csv"
    ppg_csv(path, 100.0)
    result = run_cli("analyze", str(path), "--fs", "50")
    assert result.returncode == 2 and result.stdout == "", result  # was 35 bpm, exit status 0
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    assert "50 Hz" in message and "100 Hz" in message and "only for files without a time column" in message


@pytest.mark.parametrize(("fs_hz", "unit"), [(100.0, "s"), (128.0, "ms")])
def test_an_fs_that_agrees_with_the_time_column_is_fine(tmp_path, fs_hz, unit):
    """Also a clock in whole ms (7 and 8 ms steps at 128 Hz: its median step says 125 Hz)."""
    path = tmp_path / "ppg.csv"
    ppg_csv(path, fs_hz, unit)
    done = run_cli("analyze", str(path), "--fs", f"{fs_hz:g}", "--json")
    assert done.returncode == 0, done.stderr
    assert 60000.0 / json.loads(done.stdout)["mean_nn_ms"] == pytest.approx(HR_BPM, rel=0.03)
