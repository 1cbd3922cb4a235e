"""`record --polarity`: the person's word on which way the pulse wave goes holds over the device's header.

`record` runs in the test's process on the app's simulated sensor (native protocol, whose header
declares the wave upright) served over a real pty from a thread; its raw log, which keeps the word, is
analysed again with the same word, without one and with the header's, as `analyze` is run by a user.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import numpy as np
import pytest
from cli_inprocess import run_cli
from scoring import match_f1, read_beats
from store_processes import ServedSimulator

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")
SPEED = 20.0  # the simulated sensor's time runs this much faster than the wall clock
RECORD_S = 3.0  # wall seconds: some 60 s of simulated pulse


def test_record_reads_the_wave_the_way_up_it_is_told_as_analyze_of_its_raw_log_told_the_same(tmp_path: Path):
    env = {**os.environ, "BIOFEEDBACK_DATA_DIR": str(tmp_path / "data")}
    sim = ServedSimulator(speed=SPEED, seed=6)
    try:
        result = run_cli("record", "--port", sim.port, "--protocol", "native", "--duration", str(RECORD_S),
                         "--polarity", "inverted", "--out", tmp_path / "beats.csv", "--raw", tmp_path / "raw.csv",
                         env=env)
    finally:
        sim.stop()
    assert result.returncode == 0, result.stderr
    recorded = read_beats(tmp_path / "beats.csv")
    assert recorded.shape[0] > 20

    told = run_cli("analyze", tmp_path / "raw.csv", "--polarity", "inverted", "--json",
                   "--beats", tmp_path / "told.csv", env=env)
    assert json.loads(told.stdout)["pulse_direction"] == {"polarity": "inverted", "from": "--polarity", "sure": True}
    # the same detector, told the same, on the same samples: the same beats
    np.testing.assert_allclose(read_beats(tmp_path / "told.csv")[:, :2], recorded[:, :2], atol=1e-3)

    # the raw log keeps the word where it was given: analysed without one, it is read the same way
    kept = run_cli("analyze", tmp_path / "raw.csv", "--json", "--beats", tmp_path / "kept.csv", env=env)
    assert json.loads(kept.stdout)["pulse_direction"] == {
        "polarity": "inverted", "from": "the direction chosen while recording", "sure": True}
    np.testing.assert_allclose(read_beats(tmp_path / "kept.csv")[:, :2], recorded[:, :2], atol=1e-3)
    assert "direction,,,inverted\n" in (tmp_path / "raw.csv").read_text()

    device = run_cli("analyze", tmp_path / "raw.csv", "--polarity", "upright", "--json",
                     "--beats", tmp_path / "device.csv", env=env)
    assert json.loads(device.stdout)["pulse_direction"]["from"] == "--polarity"
    # read as the header says (upright), the beats are elsewhere on each pulse: the word was taken
    assert match_f1(read_beats(tmp_path / "device.csv")[:, 0], recorded[:, 0]) < 0.5
