"""The window says when the pulse's direction is only a guess: a wave whose shape shows no way up."""

from __future__ import annotations

import numpy as np

from biofeedback.core.types import DeviceInfo, Event, PpgBlock
from biofeedback.io.replay import EventReplaySource

SECONDS = 120.0  # the direction is learnt from the first 4 s; the rest (some 6 s at 20x) shows the doubt


def sine_frames() -> list[Event]:
    """A 1.1 Hz sine at 100 Hz: no narrow peak, no slow decay, so no direction to see."""
    t = np.arange(int(SECONDS * 100)) / 100.0
    value = 500 + 100 * np.sin(2 * np.pi * 1.1 * t) + np.random.default_rng(1).standard_normal(t.size)
    return [DeviceInfo(protocol="native", fs_hz=100.0),
            *(PpgBlock(t[i:i + 10], value[i:i + 10], 100.0) for i in range(0, t.size, 10))]


def test_a_guessed_direction_shows_in_the_status_line(make_window, qtbot):
    window = make_window()
    qtbot.waitUntil(lambda: window.ui.plots_built, timeout=5000)
    window.connect_to(EventReplaySource(sine_frames, "a sine", speed=20.0))
    qtbot.waitUntil(lambda: "pulse direction unclear" in window.ui.status.quality.text(), timeout=10_000)
