"""One frame of the main window: the pacer every frame, each other view at its own rate.

Nothing is drawn per sample: the window's redraw timer (GUI_REDRAW_HZ) calls
``draw``, which reads the live model and the active pacer and refreshes only
the views that are due. Frame durations are kept for the GUI benchmark.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from biofeedback import config
from biofeedback.app.session import format_clock

if TYPE_CHECKING:
    from biofeedback.ui.main_window import MainWindow

NUMBERS_EVERY_S = 0.25


class WindowFrame:
    """Draws one main window's views from its LiveSession."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.times_s: list[float] = []  # redraw durations, for the benchmark
        self._last_phase = ""
        self._last_drawn: dict[str, float] = {}

    def draw(self) -> None:
        """Pacer every frame; pulse, tachogram, trends and numbers at their own rates."""
        w = self.window
        t0 = time.perf_counter()
        now = w.clock()
        pacer = w.live.pacer
        phase = pacer.phase_name(now)
        if phase != self._last_phase:
            if phase != "hold":
                w.audio.play(phase)
            self._last_phase = phase
        w.ui.pacer_view.set_time(now)
        model = w.live.model
        device_now = model.device_now_s(now)
        ui = w.ui
        if ui.pulse.isVisible() and self._due("pulse", now, config.GUI_PULSE_REDRAW_HZ):
            ui.pulse.refresh(model, device_now)
        if self._due("tachogram", now, config.GUI_TACHOGRAM_REDRAW_HZ):
            ui.tachogram.refresh(model, device_now)
        if self._due("trends", now, config.GUI_TRENDS_REDRAW_HZ):
            for trend in (ui.rmssd_trend, ui.coherence_trend):
                if trend.isVisible():
                    trend.refresh(model, device_now)
        if self._due("numbers", now, 1.0 / NUMBERS_EVERY_S):
            self._update_numbers(now)
            self._update_timer()
        ui.spectrum.maybe_recompute(model, now)
        self.times_s.append(time.perf_counter() - t0)
        if len(self.times_s) > 100_000:
            del self.times_s[:50_000]

    def _due(self, view: str, now: float, rate_hz: float) -> bool:
        """True when ``view`` was last drawn at least 1/rate_hz ago (then marks it drawn)."""
        last = self._last_drawn.get(view)
        if last is not None and now - last < 1.0 / rate_hz - 0.002:
            return False
        self._last_drawn[view] = now
        return True

    def _update_numbers(self, now: float) -> None:
        w = self.window
        model = w.live.model
        m = model.latest
        swing = w.live.last_breath_swing_bpm(now)
        w.ui.numbers.show_values(model.recent_hr_bpm(), m.rmssd_ms if m else None,
                             m.coherence_ratio if m else None, swing)
        breathing = model.breathing.latest  # read from the pulse wave
        w.ui.pacer_view.set_caption(None if breathing is None else model.breathing_text(w.live.pacer.rate_bpm))
        shown = model.coherence_level.latest  # smoothed, with hysteresis and a dwell time: a calm level, not the raw ratio
        level = shown.level if shown is not None else None
        w.coherence_indicator.set_values(m.coherence_ratio if m else None, swing, level)
        if w.presentation:
            w.ui.presentation_bar.set_coherence(m.coherence_ratio if m else None, level)

    def _update_timer(self) -> None:
        w = self.window
        s = w.live.session
        if not s.running:
            w.ui.timer_label.setText("no session")
            w.ui.presentation_bar.set_clock(None, None)
            return
        remaining = s.remaining_s()
        w.ui.presentation_bar.set_clock(s.elapsed_s(), remaining)
        text = format_clock(s.elapsed_s())
        if remaining is not None:
            text += f"  ({format_clock(remaining)} left)"
        w.ui.timer_label.setText(text)
