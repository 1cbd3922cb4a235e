"""`biofeedback analyze` on text saved by Windows tools: CRLF line ends in a raw log, UTF-16 with its BOM.

A raw log with CRLF line ends was refused as "line 4 is damaged: 'direction,,,upright\\r'",
and a UTF-16 text file as "a binary file": both are read.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from cli_inprocess import run_cli

from biofeedback.io.rawlog import RAW_MAGIC

HR_BPM = 70.0


def summary(path) -> dict:
    done = run_cli("analyze", str(path), "--json")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_a_raw_log_with_crlf_line_ends_is_read(tmp_path):
    t = np.arange(0.0, 60.0, 0.01)
    ppg = np.round(512 + 200 * np.sin(2 * np.pi * HR_BPM / 60.0 * t))
    lines = [RAW_MAGIC, "kind,t_s,value,detail", "info,0,100,protocol=native;device=sim;adc_max=1023",
             "direction,,,upright", *(f"ppg,{x:.3f},{v:g}," for x, v in zip(t, ppg, strict=True))]
    path = tmp_path / "session.log"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode())
    assert 60000.0 / summary(path)["mean_nn_ms"] == pytest.approx(HR_BPM, rel=0.03)


def test_a_utf16_text_file_is_read(tmp_path):
    rr = 850.0 + 60.0 * np.sin(np.arange(300) / 4.0) + np.random.default_rng(3).normal(0.0, 15.0, 300)
    path = tmp_path / "rr.txt"
    path.write_bytes(("rr\r\n" + "".join(f"{x:.0f}\r\n" for x in rr)).encode("utf-16"))  # with its BOM
    got = summary(path)
    assert got["n_beats"] == rr.size and got["mean_nn_ms"] == pytest.approx(np.mean(np.round(rr)), rel=0.01)
