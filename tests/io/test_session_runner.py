"""The one source -> pipeline -> sinks loop (io/session_runner.py) that the window, `record` and
`assess --port` share, run on a real replay source.

The window runs it in the source's thread, the commands on their own thread (queued): both must
give the beats one pipeline gives on the same events, keep every raw event, and deliver at stop
what arrived and the beats the artifact corrector still held back.
"""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.types import PpgBlock
from biofeedback.io.assess_sim import InProcessSimulation, SimPersonSettings
from biofeedback.io.replay import MAX_SPEED, EventReplaySource
from biofeedback.io.session_runner import SessionRunner
from biofeedback.io.source import FINISHED

DATA_S = 40.0  # simulated seconds: 0.8 s of replay at MAX_SPEED
WAIT_S = 30.0  # a loaded machine may be slow; never reached when it works


@pytest.fixture(scope="module")
def events():
    sim = InProcessSimulation(SimPersonSettings(seed=5, artifacts_per_min=3.0))
    return sim.decoder.feed(sim.sim.generate(DATA_S))


class Collect:
    """Sinks that keep what the runner handed them."""

    def __init__(self) -> None:
        self.events: list = []
        self.beats: list = []
        self.flushes = 0

    def on_events(self, events) -> None:
        self.events.extend(events)

    def on_output(self, out, events) -> None:
        self.beats.extend(out.beats)
        self.flushes += not events


class TeeReplay(EventReplaySource):
    """The real replay source; what it delivered is kept beside (the runner's input, independently)."""

    def __init__(self, events) -> None:
        super().__init__(lambda: events, "test", speed=MAX_SPEED)
        self.delivered: list = []

    def start(self, on_events, on_state) -> None:
        def tee(events) -> None:
            self.delivered.extend(events)
            on_events(events)

        super().start(tee, on_state)


def one_pipeline_beats(events) -> np.ndarray:
    pipeline = Pipeline()
    beats = pipeline.feed(events).beats + pipeline.flush().beats
    return np.array([(b.t_s, b.rr_ms, b.corrected) for b in beats])


def as_array(beats) -> np.ndarray:
    return np.array([(b.t_s, b.rr_ms, b.corrected) for b in beats])


def n_samples(events) -> int:
    return sum(len(e.t_s) for e in events if isinstance(e, PpgBlock))


def run_to_the_end(events, queued: bool) -> Collect:
    got = Collect()
    finished = threading.Event()
    runner = SessionRunner(
        EventReplaySource(lambda: events, "test", speed=MAX_SPEED), queued=queued,
        event_sinks=[got.on_events], output_sinks=[got.on_output],
        on_state=lambda state: finished.set() if state.state == FINISHED else None)
    runner.start()
    try:
        if queued:
            while not finished.is_set():
                runner.pump(0.1)
        else:
            assert finished.wait(WAIT_S)
    finally:
        runner.stop()
    return got


@pytest.mark.parametrize("queued", [False, True], ids=["source thread (window)", "queued (commands)"])
def test_both_modes_give_the_beats_one_pipeline_gives_and_keep_every_event(events, queued):
    got = run_to_the_end(events, queued)
    reference = one_pipeline_beats(events)
    assert len(reference) > 30
    assert n_samples(got.events) == n_samples(events)
    assert got.flushes == 1  # the held-back beats came once, at stop
    beats = as_array(got.beats)
    assert beats.shape == reference.shape
    np.testing.assert_allclose(beats, reference, atol=1e-9)


def test_a_stop_mid_stream_delivers_what_arrived_and_the_held_back_beats(events):
    """record's Ctrl-C: nothing that arrived is lost, pumped or not."""
    got = Collect()
    source = TeeReplay(events)
    runner = SessionRunner(source, queued=True, event_sinks=[got.on_events], output_sinks=[got.on_output])
    runner.start()
    while n_samples(got.events) < 500:  # about 4 s of pulse wave pumped
        runner.pump(0.1)
    time.sleep(0.2)  # more arrives meanwhile and waits, unpumped, as when Ctrl-C comes
    runner.stop()
    arrived = source.delivered
    assert 500 < n_samples(arrived) < n_samples(events)
    assert n_samples(got.events) == n_samples(arrived)
    np.testing.assert_allclose(as_array(got.beats), one_pipeline_beats(arrived), atol=1e-9)


def test_a_failing_sink_is_reported_in_the_window_and_raised_in_a_command(events):
    def broken(out, _events) -> None:
        if out.beats:
            raise RuntimeError("sink broke")

    errors: list[str] = []
    got = Collect()
    runner = SessionRunner(EventReplaySource(lambda: events, "test", speed=MAX_SPEED),
                           event_sinks=[got.on_events], output_sinks=[broken], on_error=errors.append)
    finished = threading.Event()
    runner.on_state = lambda state: finished.set() if state.state == FINISHED else None
    runner.start()
    assert finished.wait(WAIT_S)
    runner.stop()
    assert errors and "RuntimeError: sink broke" in errors[0]
    assert n_samples(got.events) == n_samples(events)  # the raw events were all kept meanwhile

    queued = SessionRunner(EventReplaySource(lambda: events, "test", speed=MAX_SPEED), queued=True,
                           output_sinks=[broken])
    queued.start()
    try:
        with pytest.raises(RuntimeError, match="sink broke"):
            for _ in range(int(WAIT_S / 0.1)):
                queued.pump(0.1)
    finally:
        queued.source.stop()


def test_a_direction_chosen_reaches_the_pipeline_and_the_record_even_when_a_sink_failed_on_its_batch(events):
    from biofeedback.core.types import PulseDirectionChosen

    failures, seen = [], []

    def flaky_sink(batch) -> None:  # a raw log whose first write fails
        seen.append(list(batch))
        if len(seen) == 1:
            raise OSError("disk full")

    runner = SessionRunner(TeeReplay(events), polarity=-1, queued=True, event_sinks=[flaky_sink],
                           on_error=failures.append)
    runner.start()
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline and (runner.pipeline.chosen_polarity != -1 or len(seen) < 2):
        runner.pump(0.1)
    runner.stop()
    assert len(failures) == 1 and "disk full" in failures[0]
    assert seen[0][0] == PulseDirectionChosen(-1) and seen[1][0] == PulseDirectionChosen(-1)  # said again
    assert runner.pipeline.chosen_polarity == -1
