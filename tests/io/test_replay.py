"""Replay plays a file through the source contract at the requested speed."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest
from virtual_time import wait_for

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.types import DeviceBeat
from biofeedback.io.clock import ManualClock
from biofeedback.io.replay import ReplaySource
from biofeedback.io.source import FAILED, FINISHED


def collect(source, timeout_s=30.0):
    events, states, done = [], [], threading.Event()

    def on_state(state):
        states.append(state)
        if state.state in (FINISHED, FAILED):
            done.set()

    start = time.monotonic()
    source.start(events.extend, on_state)
    assert done.wait(timeout_s)
    return events, states, time.monotonic() - start


def test_rr_file_replays_at_its_speed_on_the_host_clock_and_gives_the_same_beats(tmp_path):
    """In virtual time: whenever the replay waits, it has handed on exactly the beats due by then."""
    rr = 800 + 40 * np.sin(np.arange(40) / 2.0)
    path = tmp_path / "rr.txt"
    path.write_text("\n".join(f"{x:.0f}" for x in rr))
    speed, step_s = 20.0, 1.0 / 16.0
    clock = ManualClock(0.0)
    events, states, said_at = [], [], []
    source = ReplaySource(str(path), speed=speed, clock=clock)
    source.start(events.extend, lambda st: (said_at.append(clock()), states.append(st)))

    def settled() -> bool:  # waiting for the next beat's time, or done
        return clock.n_waiting >= 1 or bool(states and states[-1].state in (FINISHED, FAILED))

    beat_t = np.array([e.t_s for e in source.load() if isinstance(e, DeviceBeat)])
    try:
        while not (states and states[-1].state in (FINISHED, FAILED)):
            wait_for(settled, "the replay to wait on the clock", states)
            if states[-1].state not in (FINISHED, FAILED):
                given = [e.t_s for e in list(events) if isinstance(e, DeviceBeat)]
                due = beat_t[(beat_t - beat_t[0]) / speed <= clock()]  # every beat due by now, none later
                np.testing.assert_allclose(given, due)
            clock.advance(step_s)
            assert clock() < 60.0, states
    finally:
        source.stop()
    assert states[-1].state == FINISHED
    record_s = np.round(rr).sum() / 1000.0  # from the chain's first beat (0 s) to the last
    assert said_at[-1] - said_at[0] == pytest.approx(record_s / speed, abs=step_s)  # at its speed, to the step
    pipeline = Pipeline(correct=False)
    out = pipeline.feed(events)
    out.extend(pipeline.flush())
    np.testing.assert_allclose([b.rr_ms for b in out.beats], np.round(rr))


def test_missing_file_fails_with_a_message(tmp_path):
    _, states, _ = collect(ReplaySource(str(tmp_path / "nope.csv")))
    assert states[-1].state == FAILED and "no such file" in states[-1].message
