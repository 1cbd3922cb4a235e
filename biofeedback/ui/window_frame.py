"""One frame of the main window: the pacer every frame, each other view at its own rate.

Nothing is drawn per sample: the window's one frame timer calls ``draw``,
which reads the live model and the active pacer and refreshes only the views
that are due; each view then repaints only when what it shows moved by a
pixel or changed. The timer runs as fast as the pacer's motion needs
(``frame_hz``): 20 Hz while its fastest part moves at most a pixel a frame
(a calm breath in a small window: the circle and the guide already step by
single pixels, a faster timer would only add frames where nothing moves),
30 Hz up to PACER_MAX_STEP_PX a frame, GUI_REDRAW_HZ (60 Hz) beyond (a
large window, a fast rate), so the guide never steps visibly. The pulse
wave draws at its own rate (at most 30 Hz) in the same paint pass as the pacer, and
the live session ticks (10 Hz) from the same timer.
Frame durations are kept for the GUI benchmark.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from biofeedback import config
from biofeedback.app.live_session import TICK_S
from biofeedback.app.session import format_clock
from biofeedback.ui.i18n import number, translate

if TYPE_CHECKING:
    from biofeedback.ui.main_window import MainWindow

NUMBERS_EVERY_S = 0.25
SLOW_FRAME_HZ = 20.0  # while the pacer moves at most SLOW_MAX_STEP_PX a frame at this rate
SLOW_MAX_STEP_PX = 1.0  # single-pixel steps: the finest a drawing rounded to whole pixels makes
BASE_FRAME_HZ = 30.0  # the timer's rate at start, and the pacer's while it moves slowly enough
PACER_MAX_STEP_PX = 1.5  # the pacer may move this far in one frame at BASE_FRAME_HZ; faster: 60 Hz
DUE_EARLY_FRAMES = 0.4  # a view is due this share of a frame before its period is over (timer jitter)


def frame_hz(pacer_px_per_s: float) -> float:
    """The frame timer's rate for a pacer moving at most ``pacer_px_per_s`` on screen."""
    if pacer_px_per_s <= SLOW_MAX_STEP_PX * SLOW_FRAME_HZ:
        return SLOW_FRAME_HZ
    return BASE_FRAME_HZ if pacer_px_per_s <= PACER_MAX_STEP_PX * BASE_FRAME_HZ else config.GUI_REDRAW_HZ


class WindowFrame:
    """Draws one main window's views from its LiveSession."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.times_s: list[float] = []  # redraw durations, for the benchmark
        self._last_phase = ""
        self._last_drawn: dict[str, float] = {}
        self._slot_s = 0.0  # the time between the last two frames (0 before two)
        self._last_slot: float | None = None

    def draw(self) -> None:
        """Pacer every frame; pulse, tachogram, trends and numbers at their own rates."""
        w = self.window
        t0 = time.perf_counter()
        w.live.take_wave()  # the samples that arrived since the last frame (app/worker.py)
        self._pace_timer()
        now = w.clock()
        if self._last_slot is not None:
            self._slot_s = now - self._last_slot
        self._last_slot = now
        w.live.frame(tick_due=self._due("session", now, 1.0 / TICK_S))  # (its own timer held back)
        pacer = w.live.pacer
        phase = pacer.phase_name(now)
        if phase != self._last_phase:
            if phase != "hold":
                w.audio.play(phase)
            self._last_phase = phase
        model = w.live.model
        device_now = model.device_now_s(now)
        ui = w.ui
        if ui.plots_built:  # (built after the window's first paint)
            if ui.pulse.isVisible() and self._due("pulse", now, config.GUI_PULSE_REDRAW_HZ):
                ui.pulse.refresh(model, device_now)
            if self._due("tachogram", now, config.GUI_TACHOGRAM_REDRAW_HZ):
                ui.tachogram.refresh(model, device_now)
            if self._due("trends", now, config.GUI_TRENDS_REDRAW_HZ):
                for trend in (ui.rmssd_trend, ui.coherence_trend):
                    if trend.isVisible():
                        trend.refresh(model, device_now)
            ui.spectrum.maybe_recompute(model, now)
            ui.spectrum.set_waiting(bool(len(model.beats)) and not model.beats_fresh_at(device_now))
        if self._due("numbers", now, 1.0 / NUMBERS_EVERY_S):
            self._update_numbers(now)
            self._update_timer()
        w.ui.pacer_view.set_time(now)
        if (client := w.look.client_view) is not None:  # the client's screen (ui/client_view.py)
            client.draw(w.live, now, device_now)
        self.times_s.append(time.perf_counter() - t0)
        if len(self.times_s) > 100_000:
            del self.times_s[:50_000]

    def _pace_timer(self) -> None:
        """Run the frame timer at the rate the pacer's motion needs (20, 30 or 60 Hz)."""
        timer = self.window.timer
        interval_ms = round(1000.0 / frame_hz(self.window.ui.pacer_view.max_speed_px_per_s()))
        if timer.interval() != interval_ms:
            timer.setInterval(interval_ms)

    def _due(self, view: str, now: float, rate_hz: float) -> bool:
        """True when ``view`` was last drawn 1/rate_hz ago or longer, within DUE_EARLY_FRAMES of a frame
        (then marks it drawn). A view's period thus becomes a whole number of frames, the next one up
        once it exceeds one by DUE_EARLY_FRAMES, so it keeps an even pace: the 30 Hz pulse draws every
        frame of a 20 or 30 Hz timer and every other one at 60 Hz; the 10 Hz tachogram every other one
        at 20 Hz. The frame is the time since the last one, not the timer's interval: slots that come
        faster than the timer says (a test's, or just after the rate changed) still keep each view's rate."""
        last = self._last_drawn.get(view)
        early_s = DUE_EARLY_FRAMES * self._slot_s
        if last is not None and now - last < 1.0 / rate_hz - early_s:
            return False
        self._last_drawn[view] = now
        return True

    def _update_numbers(self, now: float) -> None:
        """Numbers, ring and header from one reading (app/live_model.py): "–"/waiting once data stopped."""
        w = self.window
        model = w.live.model
        reading = model.reading(now, w.live.last_breath_swing_bpm(now))
        w.ui.numbers.show_reading(reading)
        breathing = model.breathing.latest  # read from the pulse wave
        w.ui.pacer_view.set_caption(None if breathing is None or not reading.receiving
                                    else breathing_caption(model, w.live.pacer.rate_bpm))
        w.coherence_indicator.show_reading(reading)
        w.ui.presentation_bar.set_coherence(reading.coherence, reading.level)
        if w.look.client_view is not None:
            w.look.client_view.show_reading(reading)
        w.ui.describe_views(reading)

    def _update_timer(self) -> None:
        w = self.window
        s = w.live.session
        bars: list = [w.ui.presentation_bar, *([w.look.client_view] if w.look.client_view is not None else [])]
        if not s.running:
            w.ui.timer_label.setText(translate("Window", "no session"))
            for bar in bars:
                bar.set_clock(None, None)
            return
        remaining = s.remaining_s()
        for bar in bars:
            bar.set_clock(s.elapsed_s(), remaining)
        text = format_clock(s.elapsed_s())
        if remaining is not None:
            text += translate("Window", "  ({clock} left)").format(clock=format_clock(remaining))
        w.ui.timer_label.setText(text)


def breathing_caption(model, guide_bpm: float | None) -> str:
    """LiveModel.breathing_text in the window's language: "you: 5.8 /min · guide: 5.5 /min"."""
    est = model.breathing.latest
    you = "--"
    if est is not None and est.rate_bpm is not None and est.quality >= config.RESP_MIN_QUALITY:
        you = f"{number(est.rate_bpm, 1)} /min"
    if guide_bpm is None:
        return translate("Pacer", "you: {you}").format(you=you)
    return translate("Pacer", "you: {you} · guide: {guide} /min").format(you=you, guide=number(guide_bpm, 1))

