"""A window's worker holds wave-only outputs for its frame; beats, states and the flush are signalled at once."""

from __future__ import annotations

import numpy as np

from biofeedback.app.worker import SourceWorker
from biofeedback.core.pipeline import PipelineOutput
from biofeedback.core.types import Beat, PpgBlock
from biofeedback.io.source import STOPPED, SourceState


class NoSource:
    description = "nothing"

    def start(self, on_events, on_state) -> None:
        pass

    def stop(self) -> None:
        pass


def chunk(i: int) -> PipelineOutput:
    """20 ms of a 500 Hz pulse wave, as one read of a sensor gives it."""
    t = (i * 10 + np.arange(10)) / 500.0
    return PipelineOutput(ppg=[PpgBlock(t, np.sin(t), 500.0)])


def worker_and_received(join_wave: bool) -> tuple[SourceWorker, list]:
    worker = SourceWorker(NoSource(), generation=3, join_wave=join_wave)
    received: list = []
    worker.output.connect(lambda gen, out: received.append(("output", out)))  # same thread: direct
    worker.state.connect(lambda gen, state: received.append(("state", state)))
    return worker, received


def samples(outputs: list) -> np.ndarray:
    return np.concatenate([b.t_s for out in outputs for b in out.ppg])


def test_the_frame_takes_the_wave_in_one_piece_instead_of_a_signal_a_chunk(qtbot):
    worker, received = worker_and_received(join_wave=True)
    taken = []
    for frame in range(10):  # 30 Hz frames over 50 Hz chunks
        for i in range(frame * 5 // 3, (frame + 1) * 5 // 3):
            worker._on_output(chunk(i), ["events"])
        taken.append(worker.take_wave())
    assert received == []  # no signal: the GUI thread is not woken per chunk
    assert np.array_equal(samples([t for t in taken if t is not None]), np.arange(160) / 500.0)  # all, in order
    assert worker.take_wave() is None

    alone, signalled = worker_and_received(join_wave=False)  # a live session without a window: as before
    for i in range(3):
        alone._on_output(chunk(i), ["events"])
    assert len(signalled) == 3 and alone.take_wave() is None


def test_a_beat_a_state_and_the_flush_carry_the_held_samples_and_the_frame_waits_for_signals(qtbot):
    worker, received = worker_and_received(join_wave=True)
    worker._on_output(chunk(0), ["events"])  # held
    beat = chunk(1)
    beat.beats = [Beat(t_s=0.03, rr_ms=900.0)]
    worker._on_output(beat, ["events"])  # at once, with the samples before it
    assert len(received) == 1 and received[0][1].beats and len(samples([received[0][1]])) == 20
    worker._on_output(chunk(2), ["events"])
    assert worker.take_wave() is None  # the beat's output has not arrived: the samples after it wait
    worker.arrived()
    assert len(samples([worker.take_wave()])) == 10
    worker._on_output(chunk(3), ["events"])
    worker._on_state(SourceState(STOPPED))  # the samples first, then the state
    assert [kind for kind, _ in received[-2:]] == ["output", "state"]
    worker._on_output(chunk(4), ["events"])
    worker._on_output(PipelineOutput(), ())  # the pipeline's flush at stop takes what is held
    assert received[-1][0] == "output" and len(samples([received[-1][1]])) == 10
    worker._on_output(PipelineOutput(), ())  # an empty flush with nothing held: no signal
    assert len(received) == 4


def test_a_change_of_pulse_direction_certainty_is_signalled_at_once_not_held_for_the_frame(qtbot):
    worker, received = worker_and_received(join_wave=True)
    worker._on_output(chunk(0), ["events"])  # held
    unsure = chunk(1)
    unsure.polarity_unsure = True
    worker._on_output(unsure, ["events"])
    assert len(received) == 1 and received[0][1].polarity_unsure is True and len(samples([received[0][1]])) == 20
