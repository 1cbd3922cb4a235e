"""IBI lines with device glitches over a real pty, through `biofeedback record` (issue 19).

A real PulseSensor-style IBI stream carries glitch values (under 250 ms from a
double trigger, 2.5-5 s from a timer overflow or lost contact). Each must reach
the raw log (nothing silently dropped), become a gap in the beats (no successive
difference across it), and the stream's first whole intervals must not be lost.
The intervals are pyhrv's real NN series; the glitches are put in here.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from scoring import read_beats

from biofeedback import config as cfg

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")

NN_FILE = Path(__file__).parents[1] / "data" / "validation" / "pyhrv_SampleNNISeriesLong.npy"


def test_glitch_lines_become_gaps_and_no_interval_is_lost(tmp_path):
    from biofeedback.io.virtual_port import PtyPort

    nn = np.load(NN_FILE)[:120].astype(int)
    glitch_at = {20: 140, 45: 3700, 70: 230, 95: 2900}  # inserted before these intervals
    lines: list[int] = []
    for k, rr in enumerate(nn):
        if k in glitch_at:
            lines.append(glitch_at[k])
        lines.append(int(rr))
    port = PtyPort()
    rec = subprocess.Popen(
        [sys.executable, "-m", "biofeedback", "record", "--port", port.path, "--protocol", "ibi",
         "--duration", "8", "--no-store", "--no-correct", "--out", str(tmp_path / "beats.csv"),
         "--raw", str(tmp_path / "raw.csv")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        time.sleep(3.0)  # the recorder opens the port (imports, then open)
        port.write(b"45\r\n")  # opened mid-line: the fragment of "845" must not become an interval
        for k in range(0, len(lines), 10):
            port.write("".join(f"{x}\r\n" for x in lines[k:k + 10]).encode("ascii"))
            time.sleep(0.05)
        _, err = rec.communicate(timeout=60)
    finally:
        if rec.poll() is None:
            rec.kill()
        port.close()
    assert rec.returncode == 0, err
    raw_beats = [line for line in (tmp_path / "raw.csv").read_text().splitlines() if line.startswith("beat,")]
    assert len(raw_beats) == len(lines)  # every line, glitches too, is in the raw log
    beats = read_beats(tmp_path / "beats.csv")
    t, rr = beats[:, 0], beats[:, 1]
    assert rr.min() >= cfg.RR_MIN_MS and rr.max() <= cfg.RR_MAX_MS
    np.testing.assert_allclose(rr, nn, atol=1e-6)  # all 120 real intervals, the first one too
    starts = t[1:] - rr[1:] / 1000.0
    breaks = np.flatnonzero(np.abs(starts - t[:-1]) * 1000.0 > cfg.HRV_CHAIN_TOLERANCE_MS) + 1
    assert breaks.tolist() == sorted(glitch_at)  # a gap at each glitch: no difference across it
