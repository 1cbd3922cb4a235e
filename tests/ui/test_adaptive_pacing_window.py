"""Adaptive pacing in the window: start at the breathing seen in the heart rhythm, glide to the training rate."""

from __future__ import annotations

import numpy as np

from biofeedback import config
from biofeedback.app.settings import Settings
from biofeedback.core.pipeline import PipelineOutput
from biofeedback.core.types import Beat
from biofeedback.ui.main_window import MainWindow


class FakeClock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_glide_starts_at_breathing_rate_moves_in_steps_and_keeps_the_training_rate(qtbot):
    clock = FakeClock()
    window = MainWindow(Settings(first_run_notice_seen=True, pacer_rate_bpm=5.5), clock=clock, save=False)
    qtbot.addWidget(window)
    # two minutes of heart rhythm oscillating at 8 breaths/min (0.133 Hz)
    t, beats = 0.0, []
    while t < 120.0:
        rr = 900.0 + 60.0 * np.sin(2 * np.pi * (8.0 / 60.0) * t)
        t += rr / 1000.0
        beats.append(Beat(t, rr))
    window.model.add(PipelineOutput(beats=beats), clock())
    window.adaptive_action.setChecked(True)
    assert window.pacer.rate_bpm == 8.0  # starts where the person breathes now
    rates = [(clock.t, window.pacer.rate_bpm)]
    for _ in range(int(8 * 60 / 0.05)):  # eight minutes of frames at 20 Hz
        clock.t += 0.05
        window.live.tick()
        window.redraw()
        if window.pacer.rate_bpm != rates[-1][1]:
            rates.append((clock.t, window.pacer.rate_bpm))
    times, values = np.array(rates).T
    assert values[-1] == 5.5 and not window.adaptive_action.isChecked()
    assert np.all(np.abs(np.diff(values)) <= config.PACER_STEP_BPM + 1e-9)
    # never faster than the limit: each step waits its share of a minute
    assert np.all(np.diff(times) >= 60.0 * config.PACER_STEP_BPM / config.ADAPT_MAX_CHANGE_BPM_PER_MIN - 1e-6)
    assert window.settings.pacer_rate_bpm == 5.5  # the training rate was never overwritten
