"""A chest strap's ECG and accelerometer through the app's live path (worker, LiveSession, model)."""

from __future__ import annotations

import numpy as np

from biofeedback.core.breathing.chest import ChestRespirationTracker
from biofeedback.core.types import DeviceInfo, Event, SignalBlock
from biofeedback.io.replay import EventReplaySource

DURATION_S = 40.0


def strap_frames() -> list[Event]:
    """Frames as an H10 sends them, no beat among them: ECG (73 samples at 130 Hz), chest at 6 breaths/min."""
    rng = np.random.default_rng(4)
    events: list[Event] = [DeviceInfo(protocol="polar-ecg", device="Polar H10")]
    t_ecg, t_acc = np.arange(int(DURATION_S * 130)) / 130.0, np.arange(int(DURATION_S * 25)) / 25.0
    tilt = 0.5 * np.sin(2 * np.pi * 0.1 * t_acc)
    acc = np.column_stack([40 + 8 * tilt, -995 - 2 * tilt, 90 + 30 * tilt]) + 2 * rng.standard_normal((t_acc.size, 3))
    a = 0
    for e in range(0, t_ecg.size - 72, 73):
        events.append(SignalBlock("ecg", t_ecg[e:e + 73], np.rint(50 * rng.standard_normal(73)), 130.0))
        while a + 36 <= t_acc.size and t_acc[a + 35] <= t_ecg[e + 72]:
            events.append(SignalBlock("acc", t_acc[a:a + 36], np.rint(acc[a:a + 36]), 25.0))
            a += 36
    return events


def test_a_straps_ecg_and_chest_reach_the_live_model_even_without_beats(make_live, qtbot):
    events = strap_frames()
    live = make_live()
    live.connect_source(EventReplaySource(lambda: events, "H10 frames", speed=50.0))
    n_ecg = sum(len(e) for e in events if isinstance(e, SignalBlock) and e.kind == "ecg")
    qtbot.waitUntil(lambda: len(live.model.ppg) == n_ecg, timeout=10000)  # every ECG sample: the wave
    breathing = live.model.breathing
    assert isinstance(breathing, ChestRespirationTracker)
    qtbot.waitUntil(lambda: breathing.latest is not None and breathing.latest.rate_bpm is not None, timeout=5000)
    assert breathing.latest is not None and abs((breathing.latest.rate_bpm or 0) - 6.0) < 0.5
