"""A live resonance assessment is scored even when the device-to-host clock estimate moves backwards.

The live model's mapping (core.clock_mapping) is the smallest host-minus-device
difference over the last 5 s of arrivals. After a stretch of late arrivals (a
busy machine, a slow USB bridge) it rises, and when the backlog is caught up it
falls again: mapped with the estimate of the moment, the next batch lands
before the last one and scoring failed with "x must be strictly increasing",
lost in the Qt loop while the wizard waited forever at its last block (when
a beat's interval midpoint landed before the previous one). The assessment
pins one mapping for its lifetime instead: what it hands to the scoring never
runs backwards.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

import numpy as np
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from biofeedback.app.assessment_runner import LiveAssessment
from biofeedback.app.live_session import LiveSession
from biofeedback.core.protocols import make_decoder
from biofeedback.core.resonance.assessment import AssessmentPlan
from biofeedback.core.types import Beat
from biofeedback.io.simulator import SensorSimulator, SimulatorSettings
from biofeedback.io.source import CONNECTED, EventSink, SourceState, StateSink

STEP_S = 0.25  # host seconds between deliveries


class PushedSource:
    """A simulated sensor whose bytes the test decodes and hands over when it chooses (no thread)."""

    description = "pushed batches"

    def __init__(self, resonance_bpm: float) -> None:
        self.simulator = SensorSimulator(SimulatorSettings(resonance_bpm=resonance_bpm, seed=0))
        self.decoder = make_decoder("native")
        self.on_events: EventSink | None = None
        self.now_s = 0.0  # host time; the device clock is the simulation's, started with it

    def start(self, on_events: EventSink, on_state: StateSink) -> None:
        on_state(SourceState(CONNECTED))
        self.on_events = on_events

    def stop(self) -> None:
        pass

    def follow_pacer(self, rate_bpm: float, phase_cycles: float) -> None:  # a PacerFollower
        self.simulator.follow_pacer(rate_bpm, phase_cycles, max(self.now_s, self.simulator.t_s))

    def deliver_until(self, device_t_s: float) -> None:
        assert self.on_events is not None
        self.on_events(self.decoder.feed(self.simulator.generate(device_t_s)))


def late_s(host_t_s: float) -> float | None:
    """How far behind the host the delivered data are: 2 s late for 6 s every 23 s, else 0.05 s.

    None: nothing delivered (the second's stall that starts each late stretch).
    """
    into = host_t_s % 23.0
    if 10.0 <= into < 11.0:
        return None
    return 2.0 if 11.0 <= into < 17.0 else 0.05


def test_live_assessment_scores_when_the_clock_offset_estimate_moves_backwards(
        make_live: Callable[..., LiveSession], qtbot: QtBot) -> None:
    source = PushedSource(resonance_bpm=5.0)
    live = make_live(clock=lambda: source.now_s)
    live.connect_source(source)
    qtbot.waitUntil(lambda: source.on_events is not None, timeout=5000)
    offsets: list[float] = []
    delivered = 0.0

    def advance_to(host_t_s: float) -> None:
        nonlocal delivered
        source.now_s = host_t_s
        late = late_s(host_t_s)
        if late is not None and host_t_s - late > delivered:
            delivered = host_t_s - late
            source.deliver_until(delivered)
            QCoreApplication.processEvents()  # the worker's queued output reaches the live model
        if live.model.clock_offset_s is not None:
            offsets.append(live.model.clock_offset_s)

    steps = itertools.count(1)
    while source.now_s < 12.0:
        advance_to(next(steps) * STEP_S)
    runner = LiveAssessment(live)
    session = runner.start(AssessmentPlan(rates_bpm=(6.0, 5.0), block_s=70.0, rest_s=0.0, settle_s=15.0))
    beat_t: list[float] = []
    ppg_t: list[np.ndarray] = []
    add_beats, add_ppg = session.add_beats, session.add_ppg

    def spy_beats(beats: list[Beat]) -> None:  # what the live assessment hands to the scoring
        beat_t.extend(b.t_s for b in beats)
        add_beats(beats)

    def spy_ppg(t_s: np.ndarray, value: np.ndarray) -> None:
        ppg_t.append(np.asarray(t_s))
        add_ppg(t_s, value)

    session.add_beats = spy_beats  # type: ignore[method-assign]
    session.add_ppg = spy_ppg  # type: ignore[method-assign]
    while not session.done:
        advance_to(next(steps) * STEP_S)
        runner.step()
    result = session.result()  # raised "`x` must be strictly increasing sequence" before
    runner.finish()

    assert sum(np.diff(offsets) < -1.5) >= 5  # the estimate fell back after each late stretch
    assert np.all(np.diff(beat_t) > 0) and len(beat_t) > 150  # ... and the assessment's data never did
    assert np.all(np.diff(np.concatenate(ppg_t)) > 0)
    assert [b.rate_bpm for b in result.blocks] == [6.0, 5.0]
    assert all(b.n_beats > 40 for b in result.blocks)
    assert runner.mapping is not None
    assert math.isclose(runner.mapping.offset_s, 0.05, abs_tol=0.02)  # pinned when the latency was low
    assert live.pacer is live.training_pacer  # given back
