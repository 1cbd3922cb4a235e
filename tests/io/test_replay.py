"""Replay plays a file through the source contract at the requested speed."""

from __future__ import annotations

import threading
import time

import numpy as np

from biofeedback.core.pipeline import Pipeline
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


def test_rr_file_replays_in_scaled_real_time_and_gives_the_same_beats(tmp_path):
    rr = 800 + 40 * np.sin(np.arange(40) / 2.0)
    path = tmp_path / "rr.txt"
    path.write_text("\n".join(f"{x:.0f}" for x in rr))
    events, states, elapsed = collect(ReplaySource(str(path), speed=20.0))
    assert states[-1].state == FINISHED
    record_s = np.round(rr).sum() / 1000.0
    assert elapsed > record_s / 20.0 * 0.8  # paced at 20x, not dumped at once (collect bounds the wait)
    pipeline = Pipeline(correct=False)
    out = pipeline.feed(events)
    out.extend(pipeline.flush())
    np.testing.assert_allclose([b.rr_ms for b in out.beats], np.round(rr))


def test_missing_file_fails_with_a_message(tmp_path):
    _, states, _ = collect(ReplaySource(str(tmp_path / "nope.csv")))
    assert states[-1].state == FAILED and "no such file" in states[-1].message
