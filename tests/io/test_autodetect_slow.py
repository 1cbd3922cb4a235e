"""Auto-detect waits for a device that prints one interval per beat, over a real pty, in virtual time."""

from __future__ import annotations

import os
import re
import sys
import time
import tty

import pytest
from virtual_time import wait_for

from biofeedback import config
from biofeedback.core.types import DeviceBeat
from biofeedback.io.clock import ManualClock
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


LINE_PERIOD_S = 0.875  # one line a beat, ~69 bpm
STEP_S = 1.0 / 16.0  # the test moves the clock this much at a time (binary fractions: sums are exact)


def run_slow_device(master: int, path: str, lines: list[bytes], until, limit_s: float = 20.0):
    """A device printing one line every LINE_PERIOD_S of a ManualClock, read by an auto-detecting
    SerialSource on the same clock; the clock moves a step whenever the reader waits on it (or is
    connected). Returns (events, states as (clock, state)) once ``until(events, states)``."""
    clock = ManualClock(0.0)
    source = SerialSource(path, protocol="auto", clock=clock)
    source._detect_plan = lambda: [(115200, "N", b"")]
    events, states = [], []
    source.start(events.extend, lambda st: states.append((clock(), st)))
    k = 0
    try:
        while not until(events, states):
            assert clock() < limit_s, states
            wait_for(lambda: clock.n_waiting >= 1 or (states and states[-1][1].state in (CONNECTED, FAILED)),
                     "the reader to wait on the clock", states)
            if clock() >= (k + 1) * LINE_PERIOD_S:
                os.write(master, lines[k % len(lines)])
                k += 1
            clock.advance(STEP_S)
            if states and states[-1][1].state == CONNECTED:
                time.sleep(0.005)  # (reading, not waiting on the clock: a moment to take the line)
        return events, states
    finally:
        source.stop()


def test_one_ibi_line_per_beat_is_recognised_and_recorded(pty_pair):
    master, path = pty_pair
    events, states = run_slow_device(master, path, [b"IBI:886\r\n", b"IBI:902\r\n", b"IBI:871\r\n"],
                                     lambda e, s: sum(isinstance(x, DeviceBeat) for x in e) >= 5)
    connected = [(t, s) for t, s in states if s.state == CONNECTED]
    assert connected and "ibi" in connected[0][1].message
    assert not any(s.state == FAILED for _, s in states)
    # recognised after the first listening window, before the wait for slow devices ran out
    assert DETECT_LISTEN_S < connected[0][0] <= config.AUTODETECT_SLOW_WAIT_S
    beats = [e for e in events if isinstance(e, DeviceBeat)]
    assert len(beats) >= 5
    assert {b.ibi_ms for b in beats} <= {886.0, 902.0, 871.0}


def test_slow_unknown_text_fails_saying_how_long_it_listened(pty_pair):
    master, path = pty_pair
    _, states = run_slow_device(master, path, [b"heart ok\r\n"], lambda e, s: s and s[-1][1].state == FAILED)
    failed_at, failed = states[-1]
    listened = float(re.search(r"listened (\d+\.\d) s in all", failed.message).group(1))
    assert DETECT_LISTEN_S < listened <= config.AUTODETECT_SLOW_WAIT_S  # waited past the first window
    assert listened == pytest.approx(failed_at, abs=0.05)  # and says how long it did (to its 0.1 s)
    assert "heart ok" in failed.message  # and shows what arrived
