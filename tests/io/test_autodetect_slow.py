"""Auto-detect waits for a device that prints one interval per beat, over a real pty."""

from __future__ import annotations

import os
import queue
import re
import sys
import threading
import time
import tty

import pytest

from biofeedback import config
from biofeedback.core.types import DeviceBeat
from biofeedback.io.serial_source import DETECT_LISTEN_S, SerialSource
from biofeedback.io.source import CONNECTED, FAILED

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="ptys need Linux or macOS")


@pytest.fixture
def pty_pair():
    master, slave = os.openpty()
    tty.setraw(slave)
    yield master, os.ttyname(slave)
    for fd in (master, slave):
        try:
            os.close(fd)
        except OSError:
            pass


def slow_device(fd: int, lines: list[bytes], period_s: float, done: threading.Event) -> threading.Thread:
    """Writes one line every ``period_s``, as an Arduino printing each beat's interval does."""
    def run() -> None:
        k = 0
        while not done.wait(period_s):
            try:
                os.write(fd, lines[k % len(lines)])
            except OSError:
                return
            k += 1
    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread


def run_until(source: SerialSource, until, timeout_s: float):
    inbox: queue.Queue = queue.Queue()
    source.start(lambda ev: inbox.put(("events", ev)), lambda st: inbox.put(("state", st)))
    events, states = [], []
    deadline = time.monotonic() + timeout_s
    try:
        while time.monotonic() < deadline:
            try:
                kind, payload = inbox.get(timeout=0.2)
            except queue.Empty:
                continue
            (events.extend if kind == "events" else states.append)(payload)
            if until(events, states):
                break
        return events, states
    finally:
        source.stop()


def test_one_ibi_line_per_beat_is_recognised_and_recorded(pty_pair):
    master, path = pty_pair
    source = SerialSource(path, protocol="auto")
    source._detect_plan = lambda: [(115200, "N", b"")]
    done = threading.Event()
    slow_device(master, [b"IBI:886\r\n", b"IBI:902\r\n", b"IBI:871\r\n"], 0.9, done)
    started = time.monotonic()
    try:
        events, states = run_until(
            source, lambda e, s: sum(isinstance(x, DeviceBeat) for x in e) >= 5, timeout_s=20.0)
    finally:
        done.set()
    connected = [s for s in states if s.state == CONNECTED]
    assert connected and "ibi" in connected[0].message
    assert not any(s.state == FAILED for s in states)
    beats = [e for e in events if isinstance(e, DeviceBeat)]
    assert len(beats) >= 5
    assert {b.ibi_ms for b in beats} <= {886.0, 902.0, 871.0}
    assert time.monotonic() - started < config.AUTODETECT_SLOW_WAIT_S + 8.0


def test_slow_unknown_text_fails_saying_how_long_it_listened(pty_pair):
    master, path = pty_pair
    source = SerialSource(path, protocol="auto")
    source._detect_plan = lambda: [(115200, "N", b"")]
    done = threading.Event()
    slow_device(master, [b"heart ok\r\n"], 0.9, done)
    started = time.monotonic()
    try:
        _, states = run_until(source, lambda e, s: s and s[-1].state == FAILED, timeout_s=20.0)
    finally:
        done.set()
    elapsed = time.monotonic() - started
    message = states[-1].message
    assert states[-1].state == FAILED
    listened = float(re.search(r"listened (\d+\.\d) s in all", message).group(1))
    assert DETECT_LISTEN_S + 0.5 < listened <= config.AUTODETECT_SLOW_WAIT_S + 0.1  # waited past 2 s
    assert listened == pytest.approx(elapsed, abs=1.5)
    assert "heart ok" in message  # and shows what arrived
