"""A window's worker holds wave-only outputs for its frame; beats, states and the flush are signalled at once."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.app.live_model import LiveModel
from biofeedback.app.worker import SourceWorker, joined_blocks
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
    assert all(len(t.ppg) == 1 for t in taken if t is not None)  # a frame's chunks as one block
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


def test_the_live_model_ends_the_same_whether_a_frame_brings_its_chunks_joined_or_one_by_one():
    """A minute of a 500 Hz pulse wave (70 /min, breathing 6 /min) in 20 ms chunks, five to a frame."""
    t = np.arange(30_000) / 500.0
    wave = np.sin(2 * np.pi * 70 / 60 * t) ** 8 * (1.0 + 0.2 * np.sin(2 * np.pi * 0.1 * t))
    chunks = [PpgBlock(t[i:i + 10], wave[i:i + 10], 500.0) for i in range(0, t.size, 10)]
    beats = np.arange(0.9, 60.0, 60 / 70)
    joined, apart = LiveModel(), LiveModel()
    for frame in range(0, len(chunks), 5):
        host_t_s = 100.0 + chunks[frame + 4].t_s[-1] + 0.01
        blocks = chunks[frame:frame + 5]
        new = [Beat(t_s=float(b), rr_ms=60000 / 70) for b in beats if blocks[0].t_s[0] <= b < blocks[-1].t_s[-1]]
        out = PipelineOutput(ppg=joined_blocks(blocks), beats=new)
        assert len(out.ppg) == 1
        joined.add(out, host_t_s)
        for i, block in enumerate(blocks):
            apart.add(PipelineOutput(ppg=[block], beats=new if i == 4 else []), host_t_s)
    assert np.array_equal(joined.ppg.since(0.0), apart.ppg.since(0.0))
    assert joined.clock_offset_s == apart.clock_offset_s
    assert joined.breathing.latest is not None and apart.breathing.latest is not None
    # the breathing estimate is made at the first arrival after it is due: joined, at the end of the
    # frame's samples instead of at one of its chunks (up to 80 ms later), so close, not equal
    now, before = joined.breathing.latest, apart.breathing.latest
    assert 0.0 <= now.t_s - before.t_s <= 0.1
    assert now.rate_bpm == pytest.approx(before.rate_bpm, abs=0.05) and now.rate_bpm == pytest.approx(6.0, abs=0.1)
    assert joined.breath_curve().shape == apart.breath_curve().shape
