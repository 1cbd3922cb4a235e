"""Main window: composes the views and wires source, pipeline worker, pacer and session.

Data flow: Source thread -> SourceWorker (pipeline) -> queued ``output``
signal -> LiveModel ring buffers. A QTimer at GUI_REDRAW_HZ draws the
model; nothing is drawn per sample. The pacer runs on ``time.monotonic``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow

from biofeedback import config
from biofeedback.app.live_model import LiveModel
from biofeedback.app.session import SessionController
from biofeedback.app.settings import Settings, save_settings
from biofeedback.app.sources import make_source
from biofeedback.app.worker import SourceWorker
from biofeedback.core.adaptive_pacing import AdaptivePacing
from biofeedback.core.pacer import Pacer
from biofeedback.core.pipeline import PipelineOutput
from biofeedback.io.source import Source, SourceState
from biofeedback.ui.audio import AudioCue
from biofeedback.ui.coherence_indicator import CoherenceIndicator
from biofeedback.ui.help import first_run_dialog, help_dialog
from biofeedback.ui.layout import WindowLayout
from biofeedback.ui.theme import apply_theme, get_theme

PACER_TRACE_EVERY_S = 0.1  # the breathing curve under the tachogram: 10 Hz, ~1 point per pixel
NUMBERS_EVERY_S = 0.25


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings,
        notice: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        save: bool = True,
    ) -> None:
        super().__init__()
        self.setWindowTitle("biofeedback — breathing and heart rate (not a medical device)")
        self.settings = settings
        self.clock = clock
        self.save_enabled = save
        self.theme = get_theme(settings.theme)
        self.model = LiveModel()
        self.pacer = Pacer(
            settings.pacer_rate_bpm,
            settings.pacer_inhale_ratio,
            settings.pacer_hold_in_s,
            settings.pacer_hold_out_s,
            t0_s=clock(),
        )
        self.session = SessionController(clock=clock)
        self.worker: SourceWorker | None = None
        self.worker_errors: list[str] = []
        self.audio = AudioCue()
        self.presentation = False
        self.frame_times_s: list[float] = []  # redraw durations, for the benchmark
        self._last_phase = ""
        self._last_trace_s = -1e9
        self._last_drawn: dict[str, float] = {}

        self.ui = WindowLayout(self, settings, self.pacer, self.theme)
        self.coherence_indicator = CoherenceIndicator()  # issue 7: calm coherence feedback
        self.ui.lower.addWidget(self.coherence_indicator, 1)
        self.wizard = None  # the resonance wizard while it is open
        tools = self.menuBar().addMenu("&Tools")
        self.wizard_action = tools.addAction("Find my resonance rate…", self.open_resonance_wizard)
        self.adaptive: AdaptivePacing | None = None
        self.adaptive_action = tools.addAction("Adaptive pacing: start at my breathing, glide to my rate")
        self.adaptive_action.setCheckable(True)
        self.adaptive_action.toggled.connect(self.set_adaptive_pacing)
        self.ui.sources.connect_requested.connect(self.connect_source)
        self.ui.sources.disconnect_requested.connect(self.disconnect_source)
        self.ui.start.clicked.connect(self.toggle_session)
        self.ui.rate.valueChanged.connect(self._rate_from_spin)
        self.ui.theme_button.clicked.connect(self.toggle_theme)
        self.ui.present_button.clicked.connect(self.toggle_presentation)
        self.ui.help_button.clicked.connect(self.show_help)
        self.ui.audio.toggled.connect(self._audio_toggled)
        self.ui.ratio.currentIndexChanged.connect(self._breath_changed)
        self.ui.hold_in.valueChanged.connect(self._breath_changed)
        self.ui.hold_out.valueChanged.connect(self._breath_changed)
        self.ui.screen.currentIndexChanged.connect(self._screen_changed)
        self.session.finished.connect(self._session_finished)
        self.session.started.connect(lambda: self.ui.start.setText("Stop session"))

        for key, slot in (
            (Qt.Key.Key_Space, self.toggle_session),
            (Qt.Key.Key_Up, lambda: self.step_rate(+1)),
            (Qt.Key.Key_Right, lambda: self.step_rate(+1)),
            (Qt.Key.Key_Down, lambda: self.step_rate(-1)),
            (Qt.Key.Key_Left, lambda: self.step_rate(-1)),
            (Qt.Key.Key_F11, self.toggle_presentation),
            (Qt.Key.Key_F1, self.show_help),
        ):
            QShortcut(QKeySequence(key), self, activated=slot)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, activated=self._leave_presentation)

        self.apply_theme()
        if settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode()))
        else:
            self.resize(1400, 900)
        if notice:
            self.ui.status.show_notice(notice)
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.redraw)
        self.timer.start(int(1000 / config.GUI_REDRAW_HZ))
        self.ui.spectrum.set_pacer_rate(self.pacer.rate_bpm)

    # -- first run -----------------------------------------------------------------
    def show_first_run_notice_if_needed(self) -> None:
        if self.settings.first_run_notice_seen:
            return
        dlg = first_run_dialog(self)
        dlg.finished.connect(self._first_run_seen)
        dlg.open()
        self.first_run = dlg

    def _first_run_seen(self) -> None:
        self.settings.first_run_notice_seen = True
        self.save()

    def show_help(self) -> None:
        self.help = help_dialog(self)
        self.help.show()

    # -- sources -------------------------------------------------------------------
    def connect_source(self) -> None:
        self.disconnect_source()
        settings = self.ui.sources.store()
        try:
            source = make_source(settings)
        except Exception as exc:
            self.ui.status.show_state(SourceState("failed", f"{exc}"))
            return
        self.connect_to(source)

    def connect_to(self, source: Source) -> None:
        """Run ``source`` through a pipeline worker and draw what it produces."""
        self.disconnect_source()
        self.model.clear()
        worker = SourceWorker(source, tap=self.session.on_events, parent=self)
        worker.output.connect(self._on_output, Qt.ConnectionType.QueuedConnection)
        worker.state.connect(self._on_state, Qt.ConnectionType.QueuedConnection)
        worker.error.connect(self._on_error, Qt.ConnectionType.QueuedConnection)
        self.worker = worker
        self._follow_pacer()
        self.ui.status.show_state(SourceState("connecting", getattr(source, "description", "")))
        try:
            worker.start()
        except Exception as exc:
            self.worker = None
            self.ui.status.show_state(SourceState("failed", f"{exc}"))
            return
        self.ui.sources.set_connected(True)
        self.save()

    def disconnect_source(self) -> None:
        worker, self.worker = self.worker, None
        if worker is None:
            return
        worker.stop()
        worker.deleteLater()  # queued signals still on their way are dropped with it
        self.ui.sources.set_connected(False)
        self.ui.status.show_state(SourceState("stopped"))

    def _on_output(self, out: PipelineOutput) -> None:
        self.model.add(out, self.clock())
        if self.wizard is not None and out.beats and self.model.clock_offset_s is not None:
            off = self.model.clock_offset_s  # host minus device: the wizard runs on the host clock
            self.wizard.add_beats([replace(b, t_s=b.t_s + off) for b in out.beats])
        if out.beats:
            self.session.on_beats(out.beats)
        if out.quality is not None:
            self.ui.status.show_quality(out.quality)
        if out.metrics is not None:
            self.ui.status.show_artifacts(out.metrics.artifact_share)

    def _on_state(self, state: SourceState) -> None:
        self.ui.status.show_state(state)
        if state.state in ("failed", "finished") and self.worker is not None:
            self.disconnect_source()
            self.ui.status.show_state(state)  # keep the reason on screen

    def _on_error(self, text: str) -> None:
        self.worker_errors.append(text)
        last = text.strip().splitlines()[-1] if text.strip() else text
        self.ui.status.show_notice(f"Internal error while processing data: {last}")

    # -- pacer ---------------------------------------------------------------------
    def step_rate(self, direction: int) -> None:
        self.set_rate(self.pacer.rate_bpm + direction * config.PACER_STEP_BPM)

    def set_rate(self, rate_bpm: float, remember: bool = True) -> None:
        """Change the pacer rate; ``remember`` makes it the saved training rate."""
        self.pacer.set_rate(rate_bpm, self.clock())
        if remember:
            self.settings.pacer_rate_bpm = self.pacer.rate_bpm
        self.ui.rate.blockSignals(True)
        self.ui.rate.setValue(self.pacer.rate_bpm)
        self.ui.rate.blockSignals(False)
        self.ui.spectrum.set_pacer_rate(self.pacer.rate_bpm)
        self._follow_pacer()
        self.session.mark(f"pacer {self.pacer.rate_bpm:.1f}/min")

    def _rate_from_spin(self, value: float) -> None:
        if abs(value - self.pacer.rate_bpm) > 1e-9:
            self.adaptive_action.setChecked(False)  # the user takes the rate back
            self.set_rate(value)

    def set_adaptive_pacing(self, on: bool) -> None:
        """Start at the breathing rate seen in the heart rhythm; glide to the training rate.

        The glide (core/adaptive_pacing.py) changes the rate only at breath starts and
        never faster than ADAPT_MAX_CHANGE_BPM_PER_MIN; the saved training rate stays.
        """
        self.adaptive = None
        if not on:
            self.set_rate(self.settings.pacer_rate_bpm)
            return
        beats, now = self.model.beats.view(), self.clock()
        target = self.settings.pacer_rate_bpm
        self.adaptive = AdaptivePacing.from_tachogram(target, beats[:, 0], beats[:, 1], now)
        self.set_rate(self.adaptive.rate_bpm, remember=False)

    def _glide(self, now: float) -> None:
        """One frame of adaptive pacing: a new rate at a breath start, off once arrived."""
        new_rate = self.adaptive.update(now, self.pacer.cycle_start_s(now))
        if new_rate is not None:
            self.set_rate(new_rate, remember=False)
        if self.adaptive.arrived:
            self.adaptive = None
            self.adaptive_action.blockSignals(True)
            self.adaptive_action.setChecked(False)
            self.adaptive_action.blockSignals(False)

    def _follow_pacer(self) -> None:
        """The simulated person breathes with the pacer: its rate and its phase."""
        source = self.worker.source if self.worker else None
        follow = getattr(source, "follow_pacer", None)
        if callable(follow):
            follow(self.pacer.rate_bpm, self.pacer.phase_cycles(self.clock()))
        elif callable(getattr(source, "set_breathing_rate", None)):
            source.set_breathing_rate(self.pacer.rate_bpm)

    def _breath_changed(self) -> None:
        """I:E ratio or holds changed: phase-continuous, like a rate change."""
        ratio = float(self.ui.ratio.currentData())
        hold_in, hold_out = self.ui.hold_in.value(), self.ui.hold_out.value()
        self.pacer.configure(self.clock(), inhale_ratio=ratio, hold_in_s=hold_in, hold_out_s=hold_out)
        s = self.settings
        s.pacer_inhale_ratio, s.pacer_hold_in_s, s.pacer_hold_out_s = ratio, hold_in, hold_out
        self.ui.pacer_view.set_theme(self.theme)  # force a repaint with the new shape

    def _screen_changed(self) -> None:
        self.settings.presentation_screen = int(self.ui.screen.currentData() or 0)

    def _audio_toggled(self, on: bool) -> None:
        self.settings.audio_cue = on
        if not on:
            self.audio.disable()
            return
        notice = self.audio.enable()
        if notice:
            self.ui.status.show_notice(notice)
            self.ui.audio.blockSignals(True)
            self.ui.audio.setChecked(False)
            self.ui.audio.blockSignals(False)

    # -- session -------------------------------------------------------------------
    def toggle_session(self) -> None:
        minutes = self.ui.duration.currentData()
        self.settings.session_minutes = int(minutes)
        self.session.toggle(60.0 * minutes if minutes else None)

    def _session_finished(self, reason: str) -> None:
        self.ui.start.setText("Start session")
        self.ui.status.show_notice("Session completed. Well done." if reason == "completed" else "")

    # -- drawing -------------------------------------------------------------------
    def redraw(self) -> None:
        t0 = time.perf_counter()
        now = self.clock()
        if self.adaptive is not None:
            self._glide(now)
        phase = self.pacer.phase_name(now)
        if phase != self._last_phase:
            if phase != "hold":
                self.audio.play(phase)
            self._last_phase = phase
        if now - self._last_trace_s >= PACER_TRACE_EVERY_S:
            self.model.add_pacer(now, self.pacer.value(now))
            self._last_trace_s = now
        self.ui.pacer_view.set_time(now)
        device_now = self.model.device_now_s(now)
        ui = self.ui
        if ui.pulse.isVisible() and self._due("pulse", now, config.GUI_PULSE_REDRAW_HZ):
            ui.pulse.refresh(self.model, device_now)
        if self._due("tachogram", now, config.GUI_TACHOGRAM_REDRAW_HZ):
            ui.tachogram.refresh(self.model, device_now)
        if self._due("trends", now, config.GUI_TRENDS_REDRAW_HZ):
            for trend in (ui.rmssd_trend, ui.coherence_trend):
                if trend.isVisible():
                    trend.refresh(self.model, device_now)
        if self._due("numbers", now, 1.0 / NUMBERS_EVERY_S):
            self._update_numbers(now)
            self.session.tick()
            self._update_timer()
        ui.spectrum.maybe_recompute(self.model, now)
        self.frame_times_s.append(time.perf_counter() - t0)
        if len(self.frame_times_s) > 100_000:
            del self.frame_times_s[:50_000]

    def _due(self, view: str, now: float, rate_hz: float) -> bool:
        """True when ``view`` was last drawn at least 1/rate_hz ago (then marks it drawn)."""
        last = self._last_drawn.get(view)
        if last is not None and now - last < 1.0 / rate_hz - 0.002:
            return False
        self._last_drawn[view] = now
        return True

    def _update_numbers(self, now: float) -> None:
        m = self.model.latest
        swing = None
        if self.model.clock_offset_s is not None:
            end = self.pacer.cycle_start_s(now)
            start = end - self.pacer.cycle_s
            off = self.model.clock_offset_s
            swing = self.model.hr_swing_bpm(start - off, end - off)
        self.ui.numbers.show_values(
            self.model.recent_hr_bpm(),
            m.rmssd_ms if m else None,
            m.coherence_ratio if m else None,
            swing,
        )
        self.coherence_indicator.set_values(m.coherence_ratio if m else None, swing)

    def _update_timer(self) -> None:
        from biofeedback.app.session import format_clock

        s = self.session
        if not s.running:
            self.ui.timer_label.setText("no session")
            return
        remaining = s.remaining_s()
        text = format_clock(s.elapsed_s())
        if remaining is not None:
            text += f"  ({format_clock(remaining)} left)"
        self.ui.timer_label.setText(text)

    # -- resonance assessment (issue 7) ---------------------------------------------
    def open_resonance_wizard(self) -> None:
        """Open the wizard on this window's clock and beats; its chosen rate becomes the pacer's."""
        from biofeedback.ui.resonance_wizard import ResonanceWizard

        if self.wizard is not None:
            self.wizard.raise_()
            return
        self.wizard = ResonanceWizard(clock=self.clock, theme=self.theme, parent=self)
        self.wizard.rate_chosen.connect(self._wizard_rate_chosen)
        self.wizard.pacer_rate_changed.connect(self._wizard_pacer_rate)
        self.wizard.finished.connect(self._wizard_closed)
        self.wizard.show()

    def _wizard_pacer_rate(self, rate_bpm: float) -> None:
        follow = getattr(self.worker.source if self.worker else None, "set_breathing_rate", None)
        if callable(follow):  # the simulated person follows the wizard's pacer
            follow(rate_bpm)

    def _wizard_rate_chosen(self, rate_bpm: float) -> None:
        self.set_rate(rate_bpm)
        self.save()

    def _wizard_closed(self) -> None:
        self.wizard = None
        self._follow_pacer()

    # -- look ----------------------------------------------------------------------
    def apply_theme(self) -> None:
        app = QApplication.instance()
        if app is not None:
            apply_theme(app, self.theme)
        self.ui.apply(self.theme, presentation=self.presentation)
        self.coherence_indicator.set_theme(self.theme)

    def toggle_theme(self) -> None:
        self.theme = get_theme("light" if self.theme.name == "dark" else "dark")
        self.settings.theme = self.theme.name
        self.apply_theme()
        self.save()

    def toggle_presentation(self) -> None:
        self.set_presentation(not self.presentation)

    def _leave_presentation(self) -> None:
        if self.presentation:
            self.set_presentation(False)

    def set_presentation(self, on: bool, fullscreen: bool = True) -> None:
        """Coach mode: large type, minimal chrome, fullscreen on the chosen screen."""
        self.presentation = on
        self.ui.set_presentation(on)
        self.menuBar().setVisible(not on)
        self.apply_theme()
        if not fullscreen:
            return
        if on:
            screens = QGuiApplication.screens()
            index = min(max(self.settings.presentation_screen, 0), len(screens) - 1)
            handle = self.windowHandle()
            if handle is not None and screens:
                handle.setScreen(screens[index])
                self.setGeometry(screens[index].geometry())
            self.showFullScreen()
        else:
            self.showNormal()

    # -- lifetime ------------------------------------------------------------------
    def save(self) -> None:
        if self.save_enabled:
            self.settings.window_geometry = bytes(self.saveGeometry().toBase64()).decode()
            save_settings(self.settings)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        self.timer.stop()
        if self.session.running:
            self.session.stop()
        self.disconnect_source()
        if not self.presentation:
            self.save()
        super().closeEvent(event)
