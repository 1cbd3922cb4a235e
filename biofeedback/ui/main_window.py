"""Main window: draws a LiveSession and forwards the user's commands to it.

Data flow: Source thread -> SourceWorker (pipeline) -> LiveSession (drops stale
connections, feeds the LiveModel and the session recorder) -> signals here.
One frame timer (30 Hz, 60 while the pacer moves fast) draws the model;
nothing is drawn per sample. The window holds no live state of its own: the
pacer the person follows, the device clock mapping and the session all belong
to ``self.live``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow

from biofeedback import config
from biofeedback.app.live_session import LiveSession
from biofeedback.app.records import Marker, PacerChange
from biofeedback.app.session import format_clock
from biofeedback.app.settings import Settings, save_settings
from biofeedback.app.sources import make_source
from biofeedback.core.breathing.pacer import Pacer
from biofeedback.io.source import FAILED, Source, SourceState
from biofeedback.ui import warm_imports
from biofeedback.ui.audio import AudioCue
from biofeedback.ui.close_guard import CloseGuard
from biofeedback.ui.coach.app_integration import install_lsl
from biofeedback.ui.coherence_indicator import CoherenceIndicator
from biofeedback.ui.eyes_closed import install_eyes_closed
from biofeedback.ui.help import help_dialog
from biofeedback.ui.i18n import number, translate
from biofeedback.ui.keyboard import ControlKeys, FocusRing, keep_keys_in_controls
from biofeedback.ui.language_menu import install_language_menu, view_menu_of
from biofeedback.ui.layout import WindowLayout
from biofeedback.ui.lessons import install_learn
from biofeedback.ui.menus import install_menus
from biofeedback.ui.practice_plan import install_practice_plan
from biofeedback.ui.pulse_direction import install_pulse_direction
from biofeedback.ui.reminders import install_reminders
from biofeedback.ui.sensor_check import install_sensor_check
from biofeedback.ui.theme import get_theme, use_fusion
from biofeedback.ui.window_frame import BASE_FRAME_HZ, WindowFrame
from biofeedback.ui.window_look import WindowLook

PLOT_BUILD_EVERY_MS = 15  # one plot built a tick after the first paint (20-30 ms each): the pacer keeps moving

if TYPE_CHECKING:
    from biofeedback.core.pipeline import PipelineOutput
    from biofeedback.ui.resonance_wizard import ResonanceWizard


class MainWindow(QMainWindow):
    def __init__(
        self,
        settings: Settings,
        notice: str | None = None,
        clock: Callable[[], float] = time.monotonic,
        save: bool = True,
    ) -> None:
        super().__init__()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            use_fusion(app)  # before the widgets exist: set later, it polished each of them again
        self.setWindowTitle(translate("Window", "biofeedback — breathing and heart rate (not a medical device)"))
        self.settings = settings
        self.clock = clock
        self.save_enabled = save
        self.theme = get_theme(settings.theme)
        pacer = Pacer(settings.pacer_rate_bpm, settings.pacer_inhale_ratio, settings.pacer_hold_in_s,
                      settings.pacer_hold_out_s, t0_s=clock())
        self.live = LiveSession(pacer=pacer, clock=clock, parent=self)
        self.live.join_wave = True  # each frame takes the wave samples (ui/window_frame.py)
        self.audio = AudioCue()

        self.ui = WindowLayout(self, settings, pacer, self.theme)
        self.coherence_indicator = CoherenceIndicator()  # calm coherence feedback
        self.ui.lower.addWidget(self.coherence_indicator, 1)
        self.look = WindowLook(self)
        self.frame = WindowFrame(self)
        self.wizard: ResonanceWizard | None = None  # the resonance wizard while it is open
        self.tools_menu = self.menuBar().addMenu(translate("Window", "&Tools"))
        self.wizard_action = self.tools_menu.addAction(translate("Window", "Find my resonance rate…"),
                                                       self.open_resonance_wizard)
        self.adaptive_action = self.tools_menu.addAction(
            translate("Window", "Adaptive pacing: start at my breathing, glide to my rate"))
        self.adaptive_action.setCheckable(True)
        self.adaptive_action.toggled.connect(self.set_adaptive_pacing)
        self.lsl = install_lsl(self)  # Tools: stream on LSL, the coach view (ui/coach/app_integration.py)
        self.eyes_closed = install_eyes_closed(self)  # Tools > Eyes closed: sound guide, dim (ui/eyes_closed.py)
        self.sensor_check = install_sensor_check(self)  # Tools > Check my sensor (ui/sensor_check.py)
        self.pulse_direction = install_pulse_direction(self)  # Tools > Pulse direction (ui/pulse_direction.py)
        self.close_guard = CloseGuard(self)  # closing during a session asks first (ui/close_guard.py)
        self.menu_actions = install_menus(self, self.request_close, self.look.toggle_theme, self.look.toggle_presentation,
                                          self.show_help)
        view_menu = view_menu_of(self, self.menu_actions["theme"])
        if view_menu is not None:  # View > Language (ui/language_menu.py)
            self.language_actions = install_language_menu(self, view_menu)
        self.learn = install_learn(self)  # Learn: today's lesson, all lessons (ui/lessons.py)
        self.reminders = install_reminders(self, self.learn.menu)  # practice reminders (ui/reminders.py)
        self.practice = install_practice_plan(self)  # today's dose, Practice menu (ui/practice_plan.py)
        self.learn.add_to(self.practice.menu)  # today's lesson from the plan's menu too
        # the store glue sets this: called with the session's start, it asks the "before" check-in first
        self.before_session: Callable[[Callable[[], None]], None] | None = None

        live = self.live
        live.output.connect(self._on_output)
        live.state.connect(self._on_state)
        live.device_changed.connect(lambda _info: self.show_direction_override())
        live.connected_changed.connect(self.ui.sources.set_connected)
        live.error.connect(self._on_error)
        live.notice.connect(self.show_notice)
        live.marker.connect(self._on_marker)
        live.pacer_changed.connect(self._on_pacer_changed)
        live.adaptive_changed.connect(self._on_adaptive_changed)
        live.session_started.connect(lambda: self.ui.start.setText(translate("Window", "Stop session")))
        live.session_stopped.connect(self._session_finished)  # at once; the save may still take its late beats

        ui = self.ui
        ui.sources.connect_requested.connect(self.connect_source)
        ui.sources.disconnect_requested.connect(live.disconnect_source)
        ui.start.clicked.connect(self.toggle_session)
        ui.rate.valueChanged.connect(self._rate_from_spin)
        ui.theme_button.clicked.connect(self.look.toggle_theme)
        ui.present_button.clicked.connect(self.look.toggle_presentation)
        ui.help_button.clicked.connect(self.show_help)
        ui.audio.toggled.connect(self._audio_toggled)
        ui.ratio.currentIndexChanged.connect(self._breath_changed)
        ui.hold_in.valueChanged.connect(self._breath_changed)
        ui.hold_out.valueChanged.connect(self._breath_changed)
        ui.screen.currentIndexChanged.connect(self._screen_changed)

        for key, slot in (
            (Qt.Key.Key_Space, self.toggle_session),
            (Qt.Key.Key_Up, lambda: self.step_rate(+1)),
            (Qt.Key.Key_Right, lambda: self.step_rate(+1)),
            (Qt.Key.Key_Down, lambda: self.step_rate(-1)),
            (Qt.Key.Key_Left, lambda: self.step_rate(-1)),
            (Qt.Key.Key_F11, self.look.toggle_presentation),
            (Qt.Key.Key_F1, self.show_help),
        ):
            QShortcut(QKeySequence(key), self).activated.connect(slot)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self).activated.connect(self.look.leave_presentation)
        self.control_keys = ControlKeys(self)  # a focused button or box keeps Space and its arrows
        keep_keys_in_controls(self.ui.top, self.control_keys)
        self.focus_ring = FocusRing(self.ui.top, self.theme.accent)  # a visible focus on every control
        self.ui.pacer_view.setFocus()  # the window's keys act from the start (Space, the arrows)

        self.look.apply_theme()
        if settings.window_geometry:
            self.restoreGeometry(QByteArray.fromBase64(settings.window_geometry.encode()))
        else:
            self.resize(1400, 900)
            screen = self.screen()
            if screen is not None:  # a first start on a laptop: not larger than its screen
                avail = screen.availableGeometry()
                self.resize(min(1400, avail.width()), min(900, avail.height()))
                if avail.width() < 1400 or avail.height() < 900:
                    # maximised, the window manager fits the frame too: sized to the screen, the
                    # title bar pushed the status bar off a 1366x768 screen
                    self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        if notice:
            self.show_notice(notice)
        elif settings.source_kind == "serial" and (missing := self.ui.sources.missing_port_message()):
            self.show_notice(missing)
        self.timer = QTimer(self)  # the one frame timer: every view draws from it (ui/window_frame.py)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.redraw)
        self.timer.start(round(1000 / BASE_FRAME_HZ))  # 60 Hz while the pacer moves fast (frame_hz)
        # the window shows before pyqtgraph is imported: its plots are built after the first paint
        self._plot_builder = QTimer(self)
        self._plot_builder.timeout.connect(self._build_a_plot)
        warm_imports.after_first_paint(self, lambda: self._plot_builder.start(PLOT_BUILD_EVERY_MS))

    # -- what the rest of the app reads ------------------------------------------------
    @property
    def pacer(self) -> Pacer:
        """The training pacer (the wizard's, while it runs, is ``live.pacer``)."""
        return self.live.training_pacer

    @property
    def model(self):
        return self.live.model

    @property
    def session(self):
        return self.live.session

    @property
    def presentation(self) -> bool:
        return self.look.presentation

    def show_notice(self, text: str) -> None:
        self.ui.status.show_notice(text)

    def set_presentation(self, on: bool, fullscreen: bool = True) -> None:
        self.look.set_presentation(on, fullscreen)

    # -- first run -----------------------------------------------------------------
    def show_first_run_notice_if_needed(self) -> None:
        """A new settings file: the getting-started path (ui/first_run.py), which marks itself seen."""
        if self.settings.first_run_notice_seen:
            return
        self.first_run = self.practice.open_first_run()

    def show_help(self) -> None:
        self.help = help_dialog(self)
        self.help.show()

    # -- sources -------------------------------------------------------------------
    def connect_source(self) -> None:
        settings = self.ui.sources.store()
        warm_imports.wait()  # the source modules and SciPy (loading since the window showed)
        try:
            source = make_source(settings, clock=self.clock)  # a simulated sensor on the window's clock
        except Exception as exc:
            self.live.disconnect_source()
            self.clear_views()
            self.ui.status.show_state(SourceState(FAILED, f"{exc}"))
            return
        self.connect_to(source)

    def connect_to(self, source: Source) -> None:
        """Run ``source`` through the live session (started off the GUI thread) and draw it."""
        warm_imports.wait()
        self.ui.build_plots()  # (if a connect comes before they were built after the first paint)
        self.clear_views()  # nothing of the previous source stays on screen
        self.live.connect_source(source)
        self.save()

    def clear_views(self) -> None:
        """Empty plots, numbers, the ring and the status line (a new source, a failure, a replay)."""
        self.ui.clear_views()
        self.coherence_indicator.set_values(None)
        self.ui.status.clear()

    def _on_output(self, out: PipelineOutput) -> None:
        if not self.live.connected:
            return  # the last flushed output of a stopped source: no "good signal" after Disconnect
        if out.quality is not None:
            self.ui.status.show_quality(out.quality)
        if out.polarity_unsure is not None:
            self.ui.status.show_polarity_unsure(out.polarity_unsure)
        if out.directions_chosen:
            self.show_direction_override()
        if out.metrics is not None:
            self.ui.status.show_artifacts(out.metrics.artifact_share)

    def _on_state(self, state: SourceState) -> None:
        if state.state == FAILED:
            self.clear_views()  # a failed connect leaves no old curve and no "good signal"
        self.ui.status.show_state(state)
        self.show_direction_override()  # (a new connection has no header yet)

    def show_direction_override(self) -> None:
        """Say in the status line when the chosen pulse direction in force differs from the sensor's header."""
        info = self.live.device_info
        self.ui.status.show_direction_override(self.live.direction_in_force,
                                               info.polarity if info is not None else None)

    def _on_error(self, text: str) -> None:
        last = text.strip().splitlines()[-1] if text.strip() else text
        self.show_notice(translate("Window", "Internal error while processing data: {error}").format(error=last))

    @property
    def worker_errors(self) -> list[str]:
        return self.live.errors

    # -- pacer ---------------------------------------------------------------------
    def step_rate(self, direction: int) -> None:
        self.set_rate(self.pacer.rate_bpm + direction * config.PACER_STEP_BPM)

    def set_rate(self, rate_bpm: float) -> None:
        """The user's training rate (saved); ends an adaptive glide."""
        self.live.set_pacer(rate_bpm=rate_bpm)
        self.settings.pacer_rate_bpm = self.pacer.rate_bpm

    def _rate_from_spin(self, value: float) -> None:
        if abs(value - self.pacer.rate_bpm) > 1e-9:
            self.set_rate(value)

    def _on_pacer_changed(self, change: PacerChange) -> None:
        """Show the active pacer: the training one or the wizard's."""
        self.ui.pacer_view.pacer = self.live.pacer
        self.ui.rate.blockSignals(True)
        self.ui.rate.setValue(self.pacer.rate_bpm)
        self.ui.rate.blockSignals(False)
        self.ui.set_pacer_rate(change.rate_bpm)
        self.ui.pacer_view.set_theme(self.theme)  # force a repaint with the new shape

    def set_adaptive_pacing(self, on: bool) -> None:
        """Start at the breathing rate seen in the heart rhythm; glide to the saved training rate."""
        warm_imports.wait()
        if on and self.live.adaptive is None:
            self.live.start_adaptive(self.settings.pacer_rate_bpm)
        elif not on and self.live.adaptive is not None:
            self.live.stop_adaptive(self.settings.pacer_rate_bpm)

    def _on_adaptive_changed(self, on: bool) -> None:
        """Tick or untick the menu entry; when the glide ends by itself, say why."""
        was = self.adaptive_action.isChecked()
        self.adaptive_action.blockSignals(True)
        self.adaptive_action.setChecked(on)
        self.adaptive_action.blockSignals(False)
        if was and not on:
            rate = self.pacer.rate_bpm
            arrived = abs(rate - self.settings.pacer_rate_bpm) < 1e-6
            self.show_notice((translate("Window", "Adaptive pacing done: the pacer reached your rate, {rate} /min.") if arrived
                              else translate("Window", "Adaptive pacing ended: the pacer stays at {rate} /min."))
                             .format(rate=number(rate, 1)))

    def _breath_changed(self) -> None:
        """I:E ratio or holds changed: phase-continuous, like a rate change."""
        ratio = float(self.ui.ratio.currentData())
        hold_in, hold_out = self.ui.hold_in.value(), self.ui.hold_out.value()
        self.live.set_pacer(inhale_ratio=ratio, hold_in_s=hold_in, hold_out_s=hold_out)
        s = self.settings
        s.pacer_inhale_ratio, s.pacer_hold_in_s, s.pacer_hold_out_s = ratio, hold_in, hold_out

    def _screen_changed(self) -> None:
        self.settings.presentation_screen = int(self.ui.screen.currentData() or 0)

    def _audio_toggled(self, on: bool) -> None:
        self.settings.audio_cue = on
        if not on:
            self.audio.disable()
            return
        notice = self.audio.enable()
        if notice:
            self.show_notice(notice)
            self.ui.audio.blockSignals(True)
            self.ui.audio.setChecked(False)
            self.ui.audio.blockSignals(False)

    # -- session -------------------------------------------------------------------
    def toggle_session(self) -> None:
        """Stop the running session, or start one: only with a source, clock after the "before" check-in."""
        if self.live.session.running:
            self.live.stop_session()
            return
        if not self.live.connected:
            self.show_notice(translate(
                "Window", "No session without a source: connect a sensor (or the simulated one) first."))
            return
        minutes = self.ui.duration.currentData()
        self.settings.session_minutes = int(minutes)

        def start() -> None:
            if self.live.connected and not self.live.session.running:
                self.live.start_session(60.0 * minutes if minutes else None)

        if self.before_session is not None:
            self.before_session(start)
        else:
            start()

    def _on_marker(self, marker: Marker) -> None:
        """Markers drawn on the tachogram as they happen, with a brief confirmation."""
        if marker.label.startswith("session ") or marker.device_t_s is None:
            return
        self.ui.tachogram.add_marker(marker.device_t_s, marker.label)
        elapsed = format_clock(self.live.session.elapsed_s()) if self.live.session.running else ""
        self.show_notice((translate("Window", "Marker “{label}” set at {clock}.") if elapsed else
                          translate("Window", "Marker “{label}” set.")).format(label=marker.label, clock=elapsed))

    def _session_finished(self, reason: str) -> None:
        self.ui.start.setText(translate("Window", "Start session"))
        if reason == "completed":
            self.show_notice(translate("Window", "Session completed. Well done."))

    # -- drawing -------------------------------------------------------------------
    def _build_a_plot(self) -> None:
        """One plot a tick (the first imports pyqtgraph); then the warm-up imports begin (ui/warm_imports.py)."""
        if not self.ui.build_next_plot():
            self._plot_builder.stop()
            warm_imports.resume()

    def redraw(self) -> None:
        """One frame (the redraw timer's slot): see ``ui/window_frame.py``."""
        self.frame.draw()

    @property
    def frame_times_s(self) -> list[float]:
        return self.frame.times_s

    # -- resonance assessment ------------------------------------------------------
    def open_resonance_wizard(self) -> None:
        """Open the wizard on this window's live session; its chosen rate becomes the training rate."""
        warm_imports.wait()
        from biofeedback.ui.resonance_wizard import ResonanceWizard

        if self.wizard is not None:
            self.wizard.raise_()
            return
        wizard = ResonanceWizard(live=self.live, theme=self.theme, parent=self)
        wizard.rate_chosen.connect(self._wizard_rate_chosen)
        wizard.finished.connect(self._wizard_closed)
        wizard.show()
        self.wizard = wizard

    def _wizard_rate_chosen(self, rate_bpm: float) -> None:
        self.set_rate(rate_bpm)
        self.save()

    def _wizard_closed(self) -> None:
        self.wizard = None

    # -- lifetime ------------------------------------------------------------------
    def save(self) -> None:
        if self.save_enabled:
            self.settings.window_geometry = bytes(self.saveGeometry().toBase64().data()).decode()
            save_settings(self.settings)

    def request_close(self) -> None:
        """Ctrl+Q, File > Quit: during a session ask first (stop, check in, close), else close."""
        if self.close_guard.should_ask():
            self.close_guard.ask()
        else:
            self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt name)
        if event.spontaneous() and self.close_guard.should_ask():  # the title bar's close button
            event.ignore()
            self.close_guard.ask()
            return
        self.timer.stop()
        if self.wizard is not None:
            self.wizard.close()
        self.live.shutdown()  # the session is saved before the window goes
        if not self.presentation:
            self.save()
        super().closeEvent(event)
