"""Crash safety end to end: `record` killed with SIGKILL keeps its session up to the last second.

A real `simulate` (native protocol, 1× speed, device clock = simulated time) feeds
a real `record` over a pty; the recorder is killed with SIGKILL mid-stream. The
next open of the store must find the session interrupted, holding raw samples
up to at most 1 s (plus transport) before the kill and every true beat the
pipeline could have emitted from them.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import numpy as np
import pytest
from scoring import match_f1, read_truth

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.types import PpgBlock
from biofeedback.io.store import SessionStore

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys and SIGKILL need Linux or macOS")

TRANSPORT_MARGIN_S = 0.25  # serial read batching + 20 ms simulator ticks + process start jitter
PIPELINE_LAG_S = 3.0  # beats are final two beats later (look-ahead) plus detector delay


def test_sigkilled_record_leaves_an_interrupted_session_missing_at_most_one_second(tmp_path, data_dir):
    sim = subprocess.Popen(
        [sys.executable, "-m", "biofeedback", "simulate", "--protocol", "native", "--seed", "5",
         "--truth", str(tmp_path / "truth.csv")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = sim.stdout.readline().split()
        sim_t0 = time.monotonic()  # the simulator's clock starts right after it prints the port
        assert first and first[0] == "PORT", sim.stderr.read()
        rec = subprocess.Popen(
            [sys.executable, "-m", "biofeedback", "record", "--port", first[1], "--protocol", "native"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 30
        line = ""
        while "being saved" not in line and time.monotonic() < deadline:
            line = rec.stderr.readline()
        time.sleep(8.5)
        kill_sim_s = time.monotonic() - sim_t0
        os.kill(rec.pid, signal.SIGKILL)
        rec.wait(timeout=10)
    finally:
        sim.terminate()
        sim.wait(timeout=10)
    assert rec.returncode == -signal.SIGKILL

    with SessionStore() as store:
        (info,) = store.list_sessions()
        assert info.status == "interrupted"
        events = store.events(info.id)
        beats = store.beats(info.id)
    last_sample_s = max(float(e.t_s[-1]) for e in events if isinstance(e, PpgBlock))
    loss_s = kill_sim_s - last_sample_s
    print(f"crash test: raw data lost before the kill {loss_s:.2f} s; last sample {last_sample_s:.2f} s")
    assert loss_s <= 1.0 + TRANSPORT_MARGIN_S

    truth_t, kinds = read_truth(tmp_path / "truth.csv")
    truth_t = truth_t[kinds != "missed"]
    got_t = np.array([b.t_s for b in beats])
    assert got_t.size >= 5, (loss_s, last_sample_s, got_t)
    span = (truth_t > got_t[0] - 0.05) & (truth_t < last_sample_s - PIPELINE_LAG_S)
    assert match_f1(got_t[got_t < last_sample_s - PIPELINE_LAG_S], truth_t[span]) >= 0.99
    # recovery re-derived the beats the pipeline held back: the stored beats are all the
    # pipeline makes of the stored samples, up to the last of them
    pipeline = Pipeline()
    replayed = pipeline.feed(events).beats + pipeline.flush().beats
    np.testing.assert_allclose([b.t_s for b in replayed], got_t, atol=1e-9)
    assert info.summary["n_beats"] == len(beats)
