"""The one owner of live state while a source is connected (QtCore only, no widgets).

``LiveSession`` owns the source worker and its connection generation, the
device info, the live model with its one device-to-host clock mapping, the
*active* pacer (the training pacer, the same pacer gliding adaptively, or the
resonance wizard's) and the session controller with its recorder. Windows,
the wizard, history replay and the store glue subscribe to its typed signals
and send it commands; none of them reaches into another.

Threads: connecting (a port opens, a simulator starts) and disconnecting
(reader threads are joined) run on short-lived threads, never on the GUI
thread. Each connection gets a new generation; outputs still queued from an
older one are dropped, so a reconnect never mixes two sources in the model.

The simulated person (any source that is a ``PacerFollower``) follows the
active pacer, its rate and its phase, whichever owner drives it.

Stopping a session while connected keeps the beats up to the stop instant that
the artifact corrector still holds back: the session drains them (see
app/session.py) and closes once they arrived. At exit, ``shutdown`` waits for
the source and the save while the GUI thread keeps handling events (bounded by
SHUTDOWN_WAIT_S).
"""

from __future__ import annotations

import math
import threading
import time
import traceback
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import numpy as np
from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal

from biofeedback import config
from biofeedback.app.live_model import LiveModel
from biofeedback.app.records import ADAPTIVE, TRAINING, Marker, PacerChange
from biofeedback.app.session import Recorder, SessionController
from biofeedback.core.breathing.pacer import Pacer
from biofeedback.core.types import DeviceInfo
from biofeedback.io.source import CONNECTING, FAILED, FINISHED, STOPPED, Source, SourceState

if TYPE_CHECKING:  # SciPy and the pipeline behind them: imported when first used (the window shows sooner)
    from biofeedback.app.worker import SourceWorker
    from biofeedback.core.breathing.adaptive_pacing import AdaptivePacing
    from biofeedback.core.pipeline import PipelineOutput

TICK_S = 0.1  # session timeout, adaptive glide and the pacer trace: 10 Hz (~1 trace point per pixel)
# the window writes these again in its language (ui/notice_words.py); a test keeps the two equal
NOT_FULLY_SAVED = "Session not fully saved: {error}"
COULD_NOT_START = "The session could not start: {error}"


@runtime_checkable
class PacerFollower(Protocol):
    """A source whose (simulated) person breathes with a pacer: rate and phase now."""

    def follow_pacer(self, rate_bpm: float, phase_cycles: float) -> None: ...


class LiveSession(QObject):
    """Live state and its commands; see the module docstring."""

    output = Signal(object)  # PipelineOutput: the current connection's outputs, after the model took them
    state = Signal(SourceState)
    connected_changed = Signal(bool)
    device_changed = Signal(DeviceInfo)
    error = Signal(str)  # a worker traceback (tests fail on it)
    pacer_changed = Signal(PacerChange)  # the active pacer: owner or parameters changed
    adaptive_changed = Signal(bool)
    marker = Signal(Marker)
    session_started = Signal()
    session_stopped = Signal(str)  # "completed" | "stopped", at the stop instant (the recording may still drain)
    session_finished = Signal(str)  # "completed" | "stopped", once the recording is closed
    notice = Signal(str)  # something the user should read (e.g. a recorder that failed)
    _released = Signal(int)  # generation: its source stopped and its pipeline was flushed (stop thread)

    def __init__(self, pacer: Pacer | None = None, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.model = LiveModel()
        self.training_pacer = pacer if pacer is not None else Pacer(t0_s=clock())
        self._pacer = self.training_pacer
        self._owner = TRAINING
        self.adaptive: AdaptivePacing | None = None
        self.session = SessionController(clock=clock, parent=self)
        self.session.finished.connect(self.session_finished)
        self.session.recorder_failed.connect(lambda text: self.notice.emit(NOT_FULLY_SAVED.format(error=text)))
        self.device_info: DeviceInfo | None = None
        self.source_description = ""
        self.generation = 0
        self.errors: list[str] = []
        self._worker: SourceWorker | None = None
        self._threads: list[threading.Thread] = []
        self._drain_gen: int | None = None  # the connection whose beats a stopped session still takes
        self._shutting_down = False
        # a window that draws every frame takes the wave samples then (``take_wave``) instead of
        # being signalled each chunk (app/worker.py)
        self.join_wave = False
        self.polarity: int | None = None  # the pulse's direction as the user chose it (None: the header's, else the shape's)
        # the direction the connection's pipeline follows as chosen: by the person, or by a replayed
        # session's own record of their choice (None: the header's, else the shape's)
        self.direction_in_force: int | None = None
        self._wave_taken_s = -1e18  # when the wave samples were last taken (real time: is a frame running?)
        self._released.connect(self._on_released, Qt.ConnectionType.QueuedConnection)
        self._last_trace_s = -1e18
        self._pacer_changed_s = -1e18  # host time of the last change of the active pacer
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        self._timer.start(int(TICK_S * 1000))

    # -- reading ---------------------------------------------------------------------
    @property
    def connected(self) -> bool:
        return self._worker is not None

    @property
    def source(self) -> Source | None:
        """The connected source (None when disconnected)."""
        return self._worker.source if self._worker is not None else None

    @property
    def pipeline_beats(self) -> int:
        """Beats the current connection's pipeline has produced (0 when disconnected)."""
        return self._worker.pipeline.n_beats if self._worker is not None else 0

    @property
    def pacer(self) -> Pacer:
        """The active pacer (what the person is asked to follow now)."""
        return self._pacer

    @property
    def pacer_owner(self) -> str:
        return self._owner

    def device_now_s(self, host_t_s: float | None = None) -> float | None:
        """Device-clock time of host time ``host_t_s`` (default now); None before data."""
        return self.model.device_now_s(self.clock() if host_t_s is None else host_t_s)

    def host_time_s(self, device_t_s: float) -> float | None:
        """Host-clock time of device time ``device_t_s`` (the mapping's estimate now); None before data."""
        return self.model.clock.to_host(device_t_s)

    def pacer_state(self, host_t_s: float | None = None) -> PacerChange:
        now = self.clock() if host_t_s is None else host_t_s
        p = self._pacer
        return PacerChange(self._owner, p.rate_bpm, p.inhale_ratio, p.hold_in_s, p.hold_out_s, now,
                           self.device_now_s(now), p.phase_cycles(now))

    def last_breath_swing_bpm(self, host_t_s: float | None = None) -> float | None:
        """HR swing of the last complete breath of the active pacer (core.resonance.scoring definition)."""
        now = self.clock() if host_t_s is None else host_t_s
        off = self.model.clock_offset_s
        if off is None:
            return None
        end = self._pacer.cycle_start_s(now)
        return self.model.hr_swing_bpm(end - self._pacer.cycle_s - off, end - off)

    # -- connection --------------------------------------------------------------------
    def connect_source(self, source: Source) -> int:
        """Disconnect what runs, clear the model, start ``source`` off the GUI thread; the generation.

        Refused (the current generation returned) once the application is shutting down.
        """
        if self._shutting_down:
            return self.generation
        self.disconnect_source()
        self.generation += 1
        gen = self.generation
        self.model.clear()
        self.model.set_receiving(True)
        self.device_info = None
        self.direction_in_force = None
        self.source_description = source.description
        from biofeedback.app.worker import SourceWorker

        worker = SourceWorker(source, generation=gen, tap=self.session.on_events, parent=self,
                              join_wave=self.join_wave, polarity=self.polarity)
        queued = Qt.ConnectionType.QueuedConnection
        worker.output.connect(self._on_output, queued)
        worker.state.connect(self._on_state, queued)
        worker.device.connect(self._on_device, queued)
        worker.error.connect(self._on_error, queued)
        self._worker = worker
        self._follow(self.clock())
        self.state.emit(SourceState(CONNECTING, source.description))
        self.connected_changed.emit(True)

        previous = [t for t in self._threads if t.is_alive()]

        def start() -> None:
            for thread in previous:  # the old source lets go of its port first (same port, exclusive)
                thread.join()
            try:
                worker.start()
            except Exception as exc:
                worker.state.emit(gen, SourceState(FAILED, str(exc) or type(exc).__name__))

        self._run_off_gui(start, "source start")
        return gen

    def choose_polarity(self, polarity: int | None) -> None:
        """The pulse's direction as the user chose it: for every connection from now, the current one included."""
        self.polarity = polarity
        if self._worker is not None:
            self._worker.runner.choose_polarity(polarity)

    def disconnect_source(self, state: SourceState | None = None) -> None:
        """Stop the source off the GUI thread; its last flushed beats still reach the model."""
        worker, self._worker = self._worker, None
        if worker is None:
            return
        self.model.set_receiving(False)  # what is shown waits from now on; the data stay for the plots
        previous = [t for t in self._threads if t.is_alive()]
        gen = worker.generation

        def stop() -> None:
            for thread in previous:  # a start still running finishes first
                thread.join()
            try:
                worker.stop()  # its flushed output is queued before the release below
            finally:
                self._released.emit(gen)

        self._run_off_gui(stop, "source stop")
        self.connected_changed.emit(False)
        self.state.emit(state or SourceState(STOPPED))

    @property
    def busy(self) -> bool:
        """A source start or stop is running, or a stopped session is draining or being closed."""
        return any(t.is_alive() for t in self._threads) or self.session.busy

    def wait_idle(self, timeout_s: float = config.SHUTDOWN_WAIT_S) -> bool:
        """Wait until nothing is ``busy``, handling GUI events meanwhile; False on timeout.

        The GUI thread keeps painting and answering input (events every few ms),
        and the queued outputs and closes the wait depends on are delivered.
        """
        deadline = time.monotonic() + timeout_s
        while self.busy and time.monotonic() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            time.sleep(0.002)
        QCoreApplication.processEvents()  # what the last thread queued (a close's report)
        return not self.busy

    def shutdown(self, timeout_s: float = config.SHUTDOWN_WAIT_S) -> bool:
        """Application exit: stop the session and the source, wait (responsively) for the save.

        The session keeps every beat the pipeline still held back (the
        corrector's look-ahead, flushed when the source stops) before it is
        closed. Returns False if the source or the save did not finish within
        ``timeout_s``; calling it again waits again.
        """
        if not self._shutting_down:
            self._shutting_down = True
            self._timer.stop()
            self.stop_session(until_t_s=math.inf)  # the drain ends when the source let go
            self.disconnect_source()
        return self.wait_idle(timeout_s)

    def _run_off_gui(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()

    def _current(self, gen: int) -> bool:
        return gen == self.generation

    def take_wave(self) -> None:
        """The wave samples the worker held since the last frame (``join_wave``) reach the model now."""
        worker = self._worker
        self._wave_taken_s = time.monotonic()
        if worker is not None and (out := worker.take_wave()) is not None:
            self._take_output(worker.generation, out)

    def _on_output(self, gen: int, out: PipelineOutput) -> None:
        if self._worker is not None and gen == self._worker.generation:
            self._worker.arrived()
        self._take_output(gen, out)

    def _take_output(self, gen: int, out: PipelineOutput) -> None:
        current = self._current(gen)  # else queued by a source that is no longer connected
        if current:
            self.model.add(out, self.clock())  # first: recorders read the model's breathing at their beats
            if out.directions_chosen:
                self.direction_in_force = out.directions_chosen[-1]
        beats = out.beats
        if beats and gen == self._drain_gen:  # a stopped session takes its late beats first
            beats = self.session.drain_beats(beats)
        if not current:
            return
        if beats:
            self.session.on_beats(beats)
        self.output.emit(out)

    def _on_released(self, gen: int) -> None:
        if gen == self._drain_gen:  # no more beats will come from it: the stopped session closes
            self._drain_gen = None
            self.session.end_drain()

    def _on_state(self, gen: int, state: SourceState) -> None:
        if not self._current(gen):
            return
        if state.state in (FAILED, FINISHED) and self._worker is not None:
            self.disconnect_source(state)  # keeps the reason on screen
            return
        self.state.emit(state)
        if state.notice:
            self.notice.emit(state.message)

    def _on_device(self, gen: int, info: DeviceInfo) -> None:
        if self._current(gen):
            self.device_info = info
            self.device_changed.emit(info)

    def _on_error(self, gen: int, text: str) -> None:
        self.errors.append(text)
        self.error.emit(text)

    # -- pacer ---------------------------------------------------------------------------
    def set_pacer(self, rate_bpm: float | None = None, inhale_ratio: float | None = None,
                  hold_in_s: float | None = None, hold_out_s: float | None = None,
                  owner: str = TRAINING) -> None:
        """Change the pacer of ``owner`` now, phase-continuously.

        The training pacer belongs to TRAINING and ADAPTIVE; a rate set by
        TRAINING while the adaptive glide runs ends the glide (the user takes
        the rate back). A change by an owner that is not active is ignored.
        """
        now = self.clock()
        if owner == TRAINING and rate_bpm is not None and self.adaptive is not None:
            self._end_adaptive()
        if owner in (TRAINING, ADAPTIVE):
            pacer = self.training_pacer
        elif owner == self._owner:
            pacer = self._pacer
        else:
            return
        pacer.configure(now, rate_bpm=rate_bpm, inhale_ratio=inhale_ratio, hold_in_s=hold_in_s,
                        hold_out_s=hold_out_s)
        if pacer is self._pacer:
            if owner in (TRAINING, ADAPTIVE):
                self._owner = ADAPTIVE if self.adaptive is not None else TRAINING
            self._announce(now)

    def set_active_pacer(self, owner: str, pacer: Pacer) -> None:
        """Make ``pacer`` (driven by ``owner``, e.g. the wizard) the one the person follows."""
        if self.adaptive is not None:
            self._end_adaptive()
        self._owner, self._pacer = owner, pacer
        self._announce(self.clock())

    def release_pacer(self, owner: str) -> None:
        """``owner`` is done: the training pacer is active again (no-op if ``owner`` is not active)."""
        if self._owner != owner or self._pacer is self.training_pacer:
            return
        self._owner, self._pacer = TRAINING, self.training_pacer
        self._announce(self.clock())

    def start_adaptive(self, target_bpm: float) -> None:
        """Start the training pacer at the breathing read from the pulse (else the heart rhythm's); glide to ``target_bpm``.

        The glide (core/breathing/adaptive_pacing.py) changes the rate only at breath
        starts and never faster than ADAPT_MAX_CHANGE_BPM_PER_MIN.
        """
        if self._pacer is not self.training_pacer:
            self.release_pacer(self._owner)
        from biofeedback.core.breathing.adaptive_pacing import AdaptivePacing

        beats, now = self.model.beats.view(), self.clock()
        self.adaptive = AdaptivePacing.from_breathing(target_bpm, self.model.breathing.latest,
                                                      beats[:, 0], beats[:, 1], now)
        self.adaptive_changed.emit(True)
        self.set_pacer(rate_bpm=self.adaptive.rate_bpm, owner=ADAPTIVE)

    def stop_adaptive(self, rate_bpm: float | None = None) -> None:
        """End the glide; the training pacer goes to ``rate_bpm`` when given."""
        if self.adaptive is not None:
            self._end_adaptive()
        if rate_bpm is not None:
            self.set_pacer(rate_bpm=rate_bpm)

    def _end_adaptive(self) -> None:
        self.adaptive = None
        if self._owner == ADAPTIVE:
            self._owner = TRAINING
        self.adaptive_changed.emit(False)

    def _announce(self, now: float) -> None:
        self._pacer_changed_s = now
        change = self.pacer_state(now)
        self._follow(now)
        self.session.on_pacer_change(change)
        self.pacer_changed.emit(change)

    def _follow(self, now: float) -> None:
        source = self._worker.source if self._worker is not None else None
        if isinstance(source, PacerFollower):
            source.follow_pacer(self._pacer.rate_bpm, self._pacer.phase_cycles(now))

    # -- session -------------------------------------------------------------------------
    def set_recorder_factory(self, factory: Callable[[], Recorder] | None) -> None:
        """Who records sessions (the store glue); None: sessions are not recorded."""
        self.session.recorder_factory = factory

    def start_session(self, duration_s: float | None = None) -> None:
        try:
            started = self.session.start(duration_s)
        except Exception as exc:  # a store that cannot begin a session: say so, no session
            self.notice.emit(COULD_NOT_START.format(error=exc))
            traceback.print_exc()
            return
        if not started:
            return
        if self._worker is not None:  # the session's record starts with the direction read now
            self._worker.runner.restate_polarity()
        self.mark("session start")
        self.session.on_pacer_change(self.pacer_state())
        self.session.announce_started()
        self.session_started.emit()

    def stop_session(self, reason: str = "stopped", until_t_s: float | None = None) -> None:
        """End the session now; while connected it still takes the beats up to now (device clock).

        ``until_t_s`` overrides that device time (``math.inf``: everything until the source stops).
        """
        if not self.session.running:
            return
        self.mark(f"session {reason}")
        if self._worker is None:
            until_t_s = None  # nothing more will arrive
        elif until_t_s is None:
            until_t_s = self.device_now_s()  # None before data: nothing held back
        self._drain_gen = self.generation if until_t_s is not None else None
        self.session.stop(reason, until_t_s=until_t_s)
        self.session_stopped.emit(reason)

    def toggle_session(self, duration_s: float | None = None) -> None:
        self.stop_session() if self.session.running else self.start_session(duration_s)

    def mark(self, label: str, host_t_s: float | None = None) -> Marker | None:
        """A labelled moment (now, or at an earlier ``host_t_s``) on both clocks; recorded in a session."""
        label = label.strip()
        if not label:
            return None
        now = self.clock() if host_t_s is None else host_t_s
        marker = Marker(label, now, self.device_now_s(now))
        self.session.on_marker(marker)
        self.marker.emit(marker)
        return marker

    # -- time ----------------------------------------------------------------------------
    def frame(self, tick_due: bool) -> None:
        """A window drew a frame (ui/window_frame.py); it ticks the session when ``tick_due`` (every TICK_S).

        The session's own timer is started again, so it fires only TICK_S after the last frame: while a
        window draws, one timer, not two, wakes the GUI thread; when its frames stop (a stopped
        timer, a test drawing its own frames) the session ticks on by itself.
        """
        if self._timer.isActive():  # (not after shutdown)
            self._timer.start()
        if tick_due:
            self.tick()

    def tick(self) -> None:
        """10 Hz: end a timed session, glide the adaptive pacer, extend the pacer trace."""
        if time.monotonic() - self._wave_taken_s >= TICK_S:  # (a window's frames take them; this if none ran)
            self.take_wave()
        now = self.clock()
        if self.session.due():
            self.stop_session("completed")
        if self.adaptive is not None:
            new_rate = self.adaptive.update(now, self.training_pacer.cycle_start_s(now))
            if new_rate is not None:
                self.set_pacer(rate_bpm=new_rate, owner=ADAPTIVE)
            if self.adaptive is not None and self.adaptive.arrived:
                self._end_adaptive()
        if now - self._last_trace_s >= TICK_S - 1e-6:
            self._extend_trace(now)

    def _extend_trace(self, now: float) -> None:
        """The guide's trace up to ``now``, every TICK_S.

        A tick that comes late (an event loop held up by a dialog or a busy
        moment) would leave a straight line across the guide's missed curve:
        those points are taken from the pacer too, when the training pacer ran
        unchanged since the last point (its past values are then its present
        formula), over at most the tachogram's span.
        """
        last = self._last_trace_s
        missed = math.floor((now - last) / TICK_S + 1e-6) - 1
        if (missed > 0 and self._pacer is self.training_pacer and self._pacer_changed_s <= last
                and now - last <= config.GUI_TACHOGRAM_WINDOW_S):
            t_s = last + TICK_S * np.arange(1, missed + 1)
            self.model.add_pacer_points(t_s, self._pacer.values(t_s))
        self.model.add_pacer(now, self._pacer.value(now))
        self._last_trace_s = now
