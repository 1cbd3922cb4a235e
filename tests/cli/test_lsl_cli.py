"""`replay --lsl` publishes a recording's beats; `coach` without a display says so."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid

import numpy as np
import pylsl

from biofeedback.io.lsl_outlets import source_id

BF = [sys.executable, "-m", "biofeedback"]


def test_replay_lsl_publishes_the_files_intervals(tmp_path):
    rr = 850 + 60 * np.sin(np.arange(120) / 2.5)
    path = tmp_path / "rr.txt"
    path.write_text("".join(f"{x:.1f}\n" for x in rr))
    name = f"replay-{uuid.uuid4().hex[:6]}"
    proc = subprocess.Popen([*BF, "replay", str(path), "--speed", "10", "--lsl", "--name", name],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        found = pylsl.resolve_byprop("source_id", source_id(name, "RR"), 1, 10.0)
        assert found
        inlet = pylsl.StreamInlet(found[0])
        inlet.open_stream(5.0)
        got = []
        deadline = time.monotonic() + 30
        while proc.poll() is None and time.monotonic() < deadline:
            data, _ = inlet.pull_chunk(timeout=0.2)
            got += data
        data, _ = inlet.pull_chunk(timeout=0.5)
        got += data
    finally:
        proc.terminate()
        proc.wait(10)
    got_rr = np.array(got)[:, 0]
    assert got_rr.size >= 100
    # where in the file the inlet came in (beats before it opened are not received): the offset at
    # which the whole received run fits best (a sine repeats values: the first alone is ambiguous)
    fits = [np.abs(rr[k:k + got_rr.size] - got_rr).max() for k in range(rr.size - got_rr.size + 1)]
    start = int(np.argmin(fits))
    np.testing.assert_allclose(got_rr, rr[start:start + got_rr.size], atol=0.05)


def test_coach_without_a_display_says_so():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "xcb"
    out = subprocess.run([*BF, "coach"], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 2
    assert "no display" in out.stderr
