"""End to end over a real pty: `simulate --truth` -> `record --protocol auto`.

Two real subprocesses talk through a pseudo-terminal exactly as the app would
talk to a USB serial sensor; beats are scored against the simulator's truth.
"""

from __future__ import annotations

import subprocess
import sys
import time

import numpy as np
import pytest
from scoring import clock_offset_s, match_f1, read_beats, read_truth

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")

SPEED = 20.0


def start_simulator(tmp_path, *args: str) -> tuple[subprocess.Popen, str]:
    sim = subprocess.Popen(
        [sys.executable, "-m", "biofeedback", "simulate", "--seed", "3", "--speed", str(SPEED),
         "--truth", str(tmp_path / "truth.csv"), *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    first = sim.stdout.readline().split()
    assert first and first[0] == "PORT", sim.stderr.read()
    return sim, first[1]


def record(port: str, tmp_path, seconds: float, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "biofeedback", "record", "--port", port, "--duration", str(seconds),
         "--out", str(tmp_path / "beats.csv"), "--raw", str(tmp_path / "raw.csv"), *args],
        capture_output=True, text=True, timeout=120,
    )


def stop(sim: subprocess.Popen) -> None:
    sim.terminate()
    sim.wait(timeout=10)


def scored_f1(tmp_path, align: bool) -> tuple[float, np.ndarray, np.ndarray]:
    beats = read_beats(tmp_path / "beats.csv")
    truth_t, kinds = read_truth(tmp_path / "truth.csv")
    truth_t = truth_t[kinds != "missed"]
    detected = beats[:, 0]
    if align:
        detected = detected + clock_offset_s(detected, truth_t)
    # score only the stretch both cover (recording starts and stops mid-stream)
    inner = truth_t[(truth_t > detected[0] - 0.5) & (truth_t < detected[-1] + 0.5)]
    return match_f1(detected, inner), detected, beats


@pytest.mark.slow
@pytest.mark.parametrize(
    "protocol, align",
    [
        ("native", False),  # device clock in every line
        ("pulsesensor", True),  # beat-exact IBIs; the clock starts at the first line read
        ("cms50d", True),
        ("cms50d-v7", True),
        ("max3010x", True),
        ("ibi", True),
    ],
)
def test_recorded_beats_match_truth_for_each_protocol(tmp_path, protocol, align):
    sim, port = start_simulator(tmp_path, "--protocol", protocol)
    try:
        result = record(port, tmp_path, 9.0)
    finally:
        stop(sim)
    assert result.returncode == 0, result.stderr
    assert f"({protocol})" in result.stderr  # auto-detect named the right protocol
    f1, detected, beats = scored_f1(tmp_path, align)
    assert detected.size > 60, result.stderr
    assert f1 >= 0.99, f"{protocol}: F1 {f1:.3f}"


@pytest.mark.slow
def test_artifact_corrector_flags_injected_artifacts(tmp_path):
    sim, port = start_simulator(tmp_path, "--protocol", "native", "--artifacts", "6")
    try:
        result = record(port, tmp_path, 12.0)
    finally:
        stop(sim)
    assert result.returncode == 0, result.stderr
    beats = read_beats(tmp_path / "beats.csv")
    truth_t, kinds = read_truth(tmp_path / "truth.csv")
    span = (truth_t > beats[0, 0] + 10) & (truth_t < beats[-1, 0] - 5)
    # ectopic beats and missed pulses reach the beat stream and must be flagged;
    # a spurious small pulse ("extra") either is ignored by the detector or must be flagged
    injected = truth_t[span & np.isin(kinds, ["ectopic", "missed"])]
    assert injected.size >= 5
    corrected_t = beats[beats[:, 2] == 1, 0]
    flagged = [np.any(np.abs(corrected_t - t) < 2.5) for t in injected]
    assert np.mean(flagged) >= 0.8, f"flagged {np.sum(flagged)} of {injected.size}"
    clean_t = beats[beats[:, 2] == 0, 0]
    extras = truth_t[span & (kinds == "extra")]
    slipped = [np.any(np.abs(clean_t - t) < 0.05) for t in extras]
    assert sum(slipped) <= max(1, 0.2 * extras.size)


@pytest.mark.slow
def test_unplug_mid_recording_resumes_and_marks_the_gap(tmp_path):
    # 6 s of wall time before the unplug: `record` must be connected by then, even on a loaded machine
    unplug_at, unplug_for = 120.0, 4.0
    sim, port = start_simulator(tmp_path, "--protocol", "native", "--unplug-at", str(unplug_at),
                                "--unplug-for", str(unplug_for))
    t0 = time.monotonic()
    try:
        result = record(port, tmp_path, 12.0)
    finally:
        stop(sim)
    assert time.monotonic() - t0 < 60
    assert result.returncode == 0, result.stderr
    assert "disconnected" in result.stderr and "Connected" in result.stderr.split("disconnected", 1)[1]
    raw = (tmp_path / "raw.csv").read_text().splitlines()
    gaps = [line for line in raw if line.startswith("gap,")]
    assert gaps, "the unplug left no gap in the raw log"
    gap_t, gap_len = (float(x) for x in gaps[0].split(",")[1:3])
    assert unplug_at - 2 < gap_t < unplug_at + 1 and gap_len >= unplug_for - 1
    beats = read_beats(tmp_path / "beats.csv")
    truth_t, kinds = read_truth(tmp_path / "truth.csv")
    truth_t = truth_t[kinds == "normal"]
    t = beats[:, 0]
    windows = {"before": (t[0] + 1, unplug_at - 1), "after": (unplug_at + unplug_for + 3, t[-1] - 1)}
    for name, (lo, hi) in windows.items():
        true_in = truth_t[(truth_t > lo) & (truth_t < hi)]
        got_in = t[(t > lo) & (t < hi)]
        assert true_in.size > 20, name
        # nothing recorded before the unplug is lost, and recording resumed after it
        assert match_f1(got_in, true_in) >= 0.99, name


@pytest.mark.slow
def test_ctrl_c_keeps_everything_and_the_raw_log_reanalyses_to_the_same_beats(tmp_path):
    import json

    from store_processes import RecordProcess

    sim, port = start_simulator(tmp_path, "--protocol", "native")
    rec = None
    try:
        rec = RecordProcess(port, tmp_path / "data", "--out", str(tmp_path / "beats.csv"),
                            "--raw", str(tmp_path / "raw.csv"))
        # Ctrl-C once it records (a loaded machine may take seconds to start Python), 3 s later
        rec.wait_for("being saved", 60)
        time.sleep(3.0)
        returncode = rec.stop(timeout_s=30)
        err = rec.text()
    finally:
        if rec is not None and rec.proc.poll() is None:
            rec.proc.kill()
        stop(sim)
    assert returncode == 0, err
    assert "Traceback" not in err and "Recorded" in err
    beats = read_beats(tmp_path / "beats.csv")
    assert beats.shape[0] > 30
    result = subprocess.run(
        [sys.executable, "-m", "biofeedback", "analyze", str(tmp_path / "raw.csv"), "--json",
         "--beats", str(tmp_path / "again.csv")],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    again = read_beats(tmp_path / "again.csv")
    assert json.loads(result.stdout)["n_beats"] == again.shape[0]
    # the same detector on the same samples: the same beats, to the sample
    assert again.shape == beats.shape
    np.testing.assert_allclose(again[:, :2], beats[:, :2], atol=1e-3)
