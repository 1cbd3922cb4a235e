"""`biofeedback record` over a real pty and the window's live session, given the same bytes, keep the
same beats: both run the one session loop (io/session_runner.py), the command queued on its main
thread, the window in the source's thread.
"""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.protocols import make_decoder
from biofeedback.io.serial_source import SerialSource
from biofeedback.io.source import CONNECTED
from biofeedback.io.virtual_port import PtyPort

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")

NN_FILE = Path(__file__).parents[1] / "data" / "validation" / "pyhrv_SampleNNISeriesLong.npy"
WAIT_S = 60.0  # a loaded machine starts Python slowly; never reached when it works


def ibi_bytes() -> bytes:
    intervals = [int(x) for x in np.load(NN_FILE)[:80]]
    intervals[40:40] = [3700]  # a glitch: the interval chain restarts there
    return "".join(f"{x}\r\n" for x in intervals).encode("ascii")


def released_before_stop(data: bytes) -> int:
    """Beats one pipeline releases from ``data`` before its flush (the corrector holds the last back)."""
    return len(Pipeline().feed(make_decoder("ibi").feed(data)).beats)


class Stderr:
    """A child's stderr, read as it comes (status lines end in a carriage return, not a newline)."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.text = ""
        self._thread = threading.Thread(target=self._read, args=(proc,), daemon=True)
        self._thread.start()

    def _read(self, proc: subprocess.Popen) -> None:
        for chunk in iter(lambda: proc.stderr.read1(4096), b""):
            self.text += chunk.decode("utf-8", "replace")

    def wait_for(self, test, what: str) -> None:
        deadline = time.monotonic() + WAIT_S
        while not test(self.text):
            assert time.monotonic() < deadline, f"no {what} from record in {WAIT_S:.0f} s:\n{self.text}"
            time.sleep(0.05)


def record_beats(tmp_path, data: bytes, expected: int) -> np.ndarray:
    port = PtyPort()
    out = tmp_path / "record.csv"
    rec = subprocess.Popen(
        [sys.executable, "-m", "biofeedback", "record", "--port", port.path, "--protocol", "ibi",
         "--no-store", "--out", str(out)], stderr=subprocess.PIPE)
    try:
        err = Stderr(rec)
        err.wait_for(lambda text: "[connected]" in text, "'[connected]'")
        port.write(data)

        def released(text: str) -> bool:
            counts = re.findall(r"beats\s+(\d+)", text)
            return bool(counts) and int(counts[-1]) >= expected

        err.wait_for(released, f"{expected} beats")
        rec.send_signal(signal.SIGINT)  # Ctrl-C: the beats held back are written at the stop
        assert rec.wait(timeout=WAIT_S) == 0, err.text
    finally:
        if rec.poll() is None:
            rec.kill()
        port.close()
    return np.loadtxt(out, delimiter=",", skiprows=1, ndmin=2)[:, :3]


def window_beats(make_live, qtbot, data: bytes, expected: int) -> np.ndarray:
    port = PtyPort()
    try:
        live = make_live()
        states: list[str] = []
        live.state.connect(lambda state: states.append(state.state))
        live.connect_source(SerialSource(port.path, protocol="ibi"))
        qtbot.waitUntil(lambda: CONNECTED in states, timeout=int(WAIT_S * 1000))
        port.write(data)
        qtbot.waitUntil(lambda: len(live.model.beats.view()) >= expected, timeout=int(WAIT_S * 1000))
        live.disconnect_source()  # the beats held back reach the model at the stop
        assert live.wait_idle(WAIT_S)
        return live.model.beats.view().copy()
    finally:
        port.close()


def test_record_and_the_window_keep_the_same_beats_from_the_same_bytes(tmp_path, make_live, qtbot):
    data = ibi_bytes()
    expected = released_before_stop(data)
    assert expected > 60
    from_record = record_beats(tmp_path, data, expected)
    from_window = window_beats(make_live, qtbot, data, expected)
    assert len(from_record) > expected  # the held-back beats came at the stop, in both
    assert from_window.shape == from_record.shape
    np.testing.assert_allclose(from_window, from_record, atol=1e-3)  # the CSV keeps 4 decimals
