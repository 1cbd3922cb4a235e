"""LSL inlets as a source: real pylsl outlets on loopback of type ECG, RR and PPG."""

from __future__ import annotations

import queue
import sys
import threading
import time
import uuid
from pathlib import Path

import numpy as np
import pylsl

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.simulation import ArtifactParams, PersonParams, PpgSynth, SimulatedPerson
from biofeedback.core.types import SignalQuality
from biofeedback.io.lsl_outlets import LslOutlets
from biofeedback.io.lsl_source import LslSource
from biofeedback.io.source import CONNECTED, DISCONNECTED

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from ecg_synth import match_f1, synth_ecg  # noqa: E402


class Collector:
    def __init__(self) -> None:
        self.events, self.states = [], queue.Queue()
        self.all_states: list[str] = []

    def on_events(self, events) -> None:
        self.events.extend(events)

    def on_state(self, state) -> None:
        self.all_states.append(state.state)
        self.states.put(state.state)

    def wait_state(self, wanted: str, timeout_s: float) -> float:
        t0 = time.monotonic()
        while True:
            left = timeout_s - (time.monotonic() - t0)
            assert left > 0, f"no {wanted!r} within {timeout_s} s (saw {self.all_states})"
            try:
                if self.states.get(timeout=left) == wanted:
                    return time.monotonic() - t0
            except queue.Empty:
                pass


def ecg_outlet(sid: str) -> pylsl.StreamOutlet:
    """Like a Polar H10 bridge: 130 Hz ECG in microvolts, another vendor's metadata."""
    info = pylsl.StreamInfo(f"PolarH10 {sid}", "ECG", 1, 130.0, "float32", sid)
    ch = info.desc().append_child("channels").append_child("channel")
    ch.append_child_value("label", "ECG")
    ch.append_child_value("unit", "microvolts")
    return pylsl.StreamOutlet(info)


def push_realtime(outlet, values: np.ndarray, fs: float, t_start: float, stop: threading.Event,
                  speed: float = 4.0) -> None:
    """Push samples in chunks, stamped at t_start + i/fs, `speed` times faster than real time."""
    step = int(0.05 * fs)
    for i in range(0, values.size, step):
        if stop.is_set():
            return
        chunk = values[i:i + step]
        stamps = (t_start + (i + np.arange(chunk.size)) / fs).tolist()
        outlet.push_chunk(chunk.reshape(-1, 1).astype(np.float32), stamps)
        time.sleep(0.05 / speed)


def wait_pulled(source: LslSource, last_stamp: float, timeout_s: float = 10.0) -> None:
    """Until the source has taken the sample stamped ``last_stamp`` (the sender's clock); its events
    are handed on before ``stop`` returns. (A fixed second of sleep before.)"""
    deadline = time.monotonic() + timeout_s
    # half a sample of slack: the stamps come back through liblsl's time correction (~0 on loopback)
    while source._t0 is None or (source._last_t_s or -np.inf) + source._t0 < last_stamp - 0.5 / 130.0:
        assert time.monotonic() < deadline, "the source did not take every sample pushed"
        time.sleep(0.02)


def test_ecg_stream_becomes_beats_and_a_lost_stream_recovers():
    sid = f"test-ecg-{uuid.uuid4().hex[:8]}"
    fs = 130.0
    ecg_mv, truth = synth_ecg(40, fs, seed=5)
    outlet = ecg_outlet(sid)
    source, got = LslSource(sid), Collector()
    source.start(got.on_events, got.on_state)
    try:
        got.wait_state(CONNECTED, 10)
        t0 = pylsl.local_clock()
        stop = threading.Event()
        first = ecg_mv[: int(20 * fs)] * 1000.0
        push_realtime(outlet, first, fs, t0, stop, speed=10.0)
        wait_pulled(source, t0 + (first.size - 1) / fs)
        del outlet  # the bridge stops
        lost_after = got.wait_state(DISCONNECTED, 5)
        outlet = ecg_outlet(sid)  # ...and comes back under the same source_id
        got.wait_state(CONNECTED, 15)
        second = ecg_mv[int(22 * fs):] * 1000.0
        push_realtime(outlet, second, fs, t0 + 22.0, stop, speed=10.0)
        wait_pulled(source, t0 + 22.0 + (second.size - 1) / fs)
    finally:
        source.stop()
    pipeline = Pipeline(correct=False)
    out = pipeline.feed(got.events)
    out.extend(pipeline.flush())
    assert out.gaps and out.gaps[0].reason == "disconnected"
    beat_t = np.array([b.t_s for b in out.beats]) + source._t0 - t0  # back on the sender's clock

    def scored(t):  # away from the start-up learning, the cut and the end
        return t[((t > 2.5) & (t < 19.5)) | ((t > 24.5) & (t < 39.0))]

    f1, errors = match_f1(scored(beat_t), scored(truth), 0.05)
    print(f"lost shown after {lost_after:.2f} s; F1 {f1:.4f}, timing {np.abs(errors).mean() * 1e3:.1f} ms")
    assert lost_after < 5.0
    assert f1 >= 0.99


def test_our_rr_stream_gives_the_same_intervals():
    client = f"rrsrc-{uuid.uuid4().hex[:6]}"
    outlets = LslOutlets(client)
    from biofeedback.core.types import Beat
    from biofeedback.io.lsl_outlets import source_id

    source, got = LslSource(source_id(client, "RR")), Collector()
    source.start(got.on_events, got.on_state)
    try:
        got.wait_state(CONNECTED, 10)
        time.sleep(0.5)
        rr = 800 + 60 * np.sin(np.arange(40) / 3.0)
        t = 100.0 + np.cumsum(rr) / 1000.0
        outlets.note_device_time(100.0)
        outlets.push_beats([Beat(float(a), float(b)) for a, b in zip(t, rr, strict=True)], SignalQuality.GOOD)
        deadline = time.monotonic() + 5
        while len([e for e in got.events if hasattr(e, "ibi_ms")]) < 40 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        source.stop()
    beats = [e for e in got.events if hasattr(e, "ibi_ms")]
    np.testing.assert_allclose([b.ibi_ms for b in beats], rr, atol=1e-3)
    np.testing.assert_allclose(np.diff([b.t_s for b in beats]), rr[1:] / 1000.0, atol=1e-6)


def test_ppg_stream_goes_through_the_ppg_beat_detector():
    sid = f"test-ppg-{uuid.uuid4().hex[:8]}"
    fs = 100.0
    person = SimulatedPerson(PersonParams(hr_bpm=70.0), ArtifactParams(), seed=3)
    _, values, beats = PpgSynth(person, fs_hz=fs, adc_max=1023, noise=0.01, seed=3).step(int(30 * fs))
    info = pylsl.StreamInfo("finger PPG", "PPG", 1, fs, "float32", sid)
    outlet = pylsl.StreamOutlet(info)
    source, got = LslSource(sid), Collector()
    source.start(got.on_events, got.on_state)
    try:
        got.wait_state(CONNECTED, 10)
        time.sleep(0.5)
        t0 = pylsl.local_clock()
        push_realtime(outlet, np.asarray(values), fs, t0, threading.Event(), speed=10.0)
        wait_pulled(source, t0 + (len(values) - 1) / fs)
    finally:
        source.stop()
    pipeline = Pipeline(correct=False)
    out = pipeline.feed(got.events)
    out.extend(pipeline.flush())
    truth = np.array([b.t_s for b in beats if b.kind == "normal"])
    found = np.array([b.t_s for b in out.beats]) + source._t0 - t0
    f1, _ = match_f1(found[(found > 6) & (found < 29)], truth[(truth > 6) & (truth < 29)], 0.08)
    assert f1 >= 0.95


def test_a_stream_of_another_type_is_refused_with_a_reason():
    sid = f"test-eeg-{uuid.uuid4().hex[:8]}"
    outlet = pylsl.StreamOutlet(pylsl.StreamInfo("EEG cap", "EEG", 8, 250.0, "float32", sid))
    source, got = LslSource(sid), Collector()
    source.start(got.on_events, got.on_state)
    got.wait_state("failed", 10)
    source.stop()
    del outlet
