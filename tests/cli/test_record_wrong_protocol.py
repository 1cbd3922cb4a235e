"""A protocol forced by hand that the device does not speak (issue 25, item 4), over real ptys.

Before: `record --protocol cms50d-v7` on a board printing native lines said
"No data arrived, so no session was stored." and exited 0, although 20 KB had
arrived. Now the source counts the bytes, says so once 4 KB arrived with
nothing parsed, names what the bytes look like, and `record` exits 2.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
import time
import tty

import numpy as np
import pytest

from biofeedback import config
from biofeedback.core.protocols import PROTOCOLS
from biofeedback.io.serial_source import SerialSource, amount, describe_unparsed
from biofeedback.io.source import CONNECTED

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")


def encoded(protocol: str, seconds: float = 30.0) -> bytes:
    """What a device speaking ``protocol`` sends for ``seconds`` of a 66 bpm pulse."""
    t = np.arange(0.0, seconds, 0.004)
    wave = 500.0 + 200.0 * np.sin(2 * np.pi * 1.1 * t)
    return PROTOCOLS[protocol].encoder().encode(t, wave, beats=[(x, None) for x in np.arange(0.5, seconds, 0.9)])


def test_record_says_what_arrived_and_what_it_looks_like_and_exits_2(tmp_path, data_dir):
    from biofeedback.io.virtual_port import PtyPort

    data = encoded("native")
    port = PtyPort()
    rec = subprocess.Popen(
        [sys.executable, "-m", "biofeedback", "record", "--port", port.path, "--protocol", "cms50d-v7"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "BIOFEEDBACK_DATA_DIR": str(data_dir)})
    lines: queue.Queue[str] = queue.Queue()
    seen: list[str] = []

    def read() -> None:
        assert rec.stderr is not None
        for line in rec.stderr:
            lines.put(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()

    def wait_for(words: str, timeout_s: float) -> str:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            try:
                line = lines.get(timeout=0.1)
            except queue.Empty:
                continue
            seen.append(line)
            if words in line:
                return line
        pytest.fail(f"no {words!r} from record in {timeout_s:.0f} s; it said: {''.join(seen)}")

    try:
        wait_for("[connected]", 60)
        sent, k = 0, 0
        while sent < 20_000:  # 20 KB of native lines, in pieces a pty takes whole
            sent += port.write(data[k:k + 1000])
            k += 1000
            time.sleep(0.02)
        warning = wait_for("none of it parsed", 30)  # the live warning, once 4 KB arrived
        rec.send_signal(signal.SIGTERM)  # record stops as on Ctrl-C and says what it found
        rec.wait(timeout=60)
        reader.join(timeout=10)  # the pipe's last lines (only this thread reads it)
    finally:
        if rec.poll() is None:
            rec.kill()
            rec.wait(timeout=10)
        port.close()
    assert "looks like native" in warning and "--protocol auto" in warning
    while not lines.empty():
        seen.append(lines.get_nowait())
    err = "".join(seen)
    assert rec.returncode == 2, err
    final = next(line for line in err.splitlines() if line.startswith("biofeedback record: "))
    arrived_kb = float(final.split(" KB arrived")[0].rsplit(" ", 1)[-1])
    assert arrived_kb >= 19.0  # what was sent, not "no data"
    assert "none of it parsed as cms50d-v7 at 115200 baud" in final
    assert "the data looks like native" in final and "try --protocol auto" in final
    assert "No data arrived" not in err and "Nothing was decoded, so no session was stored." in err
    assert "Traceback" not in err


# -- the serial source itself, on a bare os.openpty pair --------------------------------------


@pytest.fixture
def pty_pair():
    master, slave = os.openpty()
    tty.setraw(slave)
    os.set_blocking(master, False)  # a full pty buffer must not block the test
    yield master, os.ttyname(slave)
    for fd in (master, slave):
        try:
            os.close(fd)
        except OSError:
            pass


def feed_source(source: SerialSource, master: int, data: bytes, until, timeout_s: float = 20.0):
    """Start ``source``, write ``data`` to the pty in pieces until ``until(states)``; the states seen."""
    states: queue.Queue = queue.Queue()
    source.start(lambda events: None, states.put)
    seen = []
    deadline = time.monotonic() + timeout_s
    try:
        while not seen or seen[-1].state != CONNECTED:
            seen.append(states.get(timeout=timeout_s))
        k = 0
        while time.monotonic() < deadline:
            if k < len(data):
                try:
                    k += os.write(master, data[k:k + 512])
                except BlockingIOError:
                    pass
            while not states.empty():
                seen.append(states.get_nowait())
            if until(seen):
                return seen
            time.sleep(0.01)
        pytest.fail(f"not reached in {timeout_s} s; states: {seen}")
    finally:
        source.stop()


def test_binary_packets_forced_as_text_are_named(pty_pair):
    master, path = pty_pair
    source = SerialSource(path, baud=115200, protocol="ibi")
    states = feed_source(source, master, encoded("cms50d-v7", 10.0),
                         lambda s: "none of it parsed" in s[-1].message)
    assert states[-1].state == CONNECTED
    assert "none of it parsed as ibi" in states[-1].message and "looks like cms50d-v7" in states[-1].message
    assert "try the protocol auto" in states[-1].message  # the window's wording (record says --protocol auto)
    assert source.bytes_received >= config.SERIAL_UNPARSED_WARN_BYTES and source.units_parsed == 0
    assert "looks like cms50d-v7" in (source.unparsed_report() or "")


def test_the_right_protocol_gives_no_such_report(pty_pair):
    master, path = pty_pair
    source = SerialSource(path, baud=115200, protocol="native")
    feed_source(source, master, encoded("native", 10.0),
                lambda s: source.bytes_received >= 2 * config.SERIAL_UNPARSED_WARN_BYTES)
    assert source.units_parsed > 0 and source.unparsed_report() is None


def test_nothing_at_all_is_not_called_unparsed(pty_pair):
    _, path = pty_pair
    source = SerialSource(path, protocol="native")
    feed_source(source, -1, b"", lambda s: s[-1].state == CONNECTED, timeout_s=10)
    assert source.bytes_received == 0 and source.unparsed_report() is None


def test_bytes_no_protocol_explains_say_so_with_what_arrived():
    noise = bytes(np.random.default_rng(2).integers(0, 256, 6000, dtype=np.uint8))
    text = describe_unparsed(len(noise), noise, "native", 9600, "/dev/ttyUSB0", "--protocol auto")
    assert text.startswith("6.0 KB arrived on /dev/ttyUSB0 but none of it parsed as native at 9600 baud")
    assert "no protocol we know" in text and "check the baud rate" in text and "hex" in text
    assert amount(1) == "1 byte" and amount(999) == "999 bytes" and amount(20_930) == "20.9 KB"
