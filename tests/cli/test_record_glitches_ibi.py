"""`record` of an IBI text stream with glitch lines, over a real pty: every glitch counted and said.

A 5-digit timer-overflow value (65535) is an interval the device sent: it must reach the raw log
and become a gap by the interval rule, not vanish in the line parser. Lines that are no number at
all are skipped, but counted and said at the end, and the live interval chain ends at each. The last
line gives the gaps and the session's mean heart rate and RMSSD, the numbers the store keeps.

`record` runs in the test's process (tests/cli_inprocess.py); the device is a thread writing to a
pty once the recorder has opened it (pyserial empties the input on opening).
"""

from __future__ import annotations

import os
import random
import re
import sys
import threading

import pytest
from cli_inprocess import run_cli
from scoring import read_beats

from biofeedback import config as cfg

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")

GLITCHES = {15: "65535", 25: "abc", 35: "-800", 45: "800ms", 50: "B72"}  # before these intervals
NOT_NUMBERS = 3  # abc, -800, 800ms (B72 is PulseSensor's BPM line: no interval, no glitch)


def test_glitch_lines_are_counted_said_and_the_last_line_gives_gaps_hr_and_rmssd(tmp_path, monkeypatch):
    from biofeedback.io import serial_source
    from biofeedback.io.store import SessionStore
    from biofeedback.io.virtual_port import PtyPort

    rng = random.Random(2)
    normal = [round(800 + rng.gauss(0, 40)) for _ in range(60)]
    lines = []
    for k, rr in enumerate(normal):
        if k in GLITCHES:
            lines.append(GLITCHES[k])
        lines.append(str(rr))
    port = PtyPort(tmp_path / "port")
    opened = threading.Event()
    real_open = serial_source.open_port

    def open_and_say(*args, **kwargs):
        ser = real_open(*args, **kwargs)
        opened.set()
        return ser

    monkeypatch.setattr(serial_source, "open_port", open_and_say)

    def device() -> None:
        if opened.wait(20.0):
            port.write(b"\r\n", wait_s=1.0)  # (the line the recorder may have joined midway)
            for k in range(0, len(lines), 10):
                port.write("".join(f"{x}\r\n" for x in lines[k:k + 10]).encode("ascii"), wait_s=1.0)

    sending = threading.Thread(target=device, daemon=True)
    sending.start()
    try:
        result = run_cli("record", "--port", port.path, "--protocol", "ibi", "--duration", "3", "--no-correct",
                         "--out", tmp_path / "beats.csv", "--raw", tmp_path / "raw.csv",
                         env={**os.environ, "BIOFEEDBACK_DATA_DIR": str(tmp_path / "data")})
    finally:
        sending.join(5.0)
        port.close()
    err = result.stderr
    assert result.returncode == 0, err
    assert "Traceback" not in err
    assert f"{NOT_NUMBERS} lines from {port.path} could not be read as ibi and were skipped." in err
    raw = (tmp_path / "raw.csv").read_text()
    assert any(line.startswith("beat,") and "65535" in line for line in raw.splitlines())
    # where each line that was no number stood: the live chain of intervals ends there
    assert sum(line.startswith("gap,") and line.endswith("lost_beat") for line in raw.splitlines()) == NOT_NUMBERS
    beats = read_beats(tmp_path / "beats.csv")
    rr = beats[:, 1]
    assert rr.tolist() == normal  # every real interval kept, the glitch none of them
    assert rr.min() >= cfg.RR_MIN_MS and rr.max() <= cfg.RR_MAX_MS
    with SessionStore(tmp_path / "data" / "sessions.sqlite3") as store:
        (info,) = store.list_sessions()
    summary = info.summary
    assert summary["n_gaps"] == 1  # 65535, by the interval rule
    last = err.strip().splitlines()[-1]
    assert last == (f"Recorded 60 beats (0 corrected, 1 gap) to {tmp_path / 'beats.csv'}, session {info.id}: "
                    f"mean heart rate {summary['mean_hr_bpm']:.1f} bpm, RMSSD {summary['rmssd_ms']:.1f} ms")
    assert re.search(r"mean heart rate 7\d\.\d bpm", last)
