"""The app's LSL outlets on a real LiveSession (simulated sensor on a pty), read back over loopback."""

from __future__ import annotations

import time
import uuid

import numpy as np
import pylsl

from biofeedback.app.lsl_streaming import LslStreamer
from biofeedback.io.lsl_outlets import source_id
from biofeedback.io.simulator import SimulatedSource


def inlet_for(sid: str) -> pylsl.StreamInlet:
    found = pylsl.resolve_byprop("source_id", sid, 1, 5.0)
    assert found, sid
    inlet = pylsl.StreamInlet(found[0])
    inlet.open_stream(5.0)
    return inlet


def test_streaming_publishes_the_sessions_beats_pacer_and_markers(make_live, qtbot):
    live = make_live()
    beats = []
    live.output.connect(lambda out: beats.extend(out.beats))
    streamer = LslStreamer(live)
    states = []
    streamer.streaming_changed.connect(states.append)
    name = f"app-{uuid.uuid4().hex[:6]}"
    streamer.start(name)
    rr_in, pacer_in, markers_in, live_in = (inlet_for(source_id(name, k))
                                            for k in ("RR", "Pacer", "Markers", "LiveBeats"))
    live.connect_source(SimulatedSource(hr_bpm=70.0, seed=3))
    qtbot.waitUntil(lambda: len(beats) >= 8, timeout=90_000)  # generous on a loaded machine
    live.mark("yawned")
    qtbot.wait(500)
    # pull_chunk waits its whole timeout unless max_samples arrive: ask for what was sent
    # (every beat the session gave out went to RR as it was given), then look briefly for the rest
    rr, rr_t = rr_in.pull_chunk(timeout=5.0, max_samples=len(beats))
    marks: list = []
    deadline = time.monotonic() + 5.0
    while ["yawned"] not in marks and time.monotonic() < deadline:
        marks += markers_in.pull_chunk(timeout=0.1, max_samples=1)[0]
    marks += markers_in.pull_chunk(timeout=0.0)[0]
    guide, _ = pacer_in.pull_chunk(timeout=0.2, max_samples=10000)
    live_rr, _ = live_in.pull_chunk(timeout=0.2)
    streamer.stop()
    assert states == [True, False] and not streamer.streaming
    n = len(rr)
    np.testing.assert_allclose(np.array(rr)[:, 0], [b.rr_ms for b in beats[:n]], atol=1e-3)
    # stamped at the beat: stamp differences are the device's beat-time differences
    np.testing.assert_allclose(np.diff(rr_t), np.diff([b.t_s for b in beats[:n]]), atol=0.02)
    assert np.all(np.array(guide)[:, 1] == live.pacer.rate_bpm)
    assert ["yawned"] in marks
    # LiveBeats ran ahead (no look-ahead) and carried the same intervals where nothing was corrected
    live_rr = np.array(live_rr)[:, 0]
    assert live_rr.size >= n
    clean = [b.rr_ms for b in beats[:n] if not b.corrected]
    assert np.mean([np.min(np.abs(live_rr - r)) < 1.0 for r in clean]) >= 0.9
