"""Session flow: start/stop a timed practice while the pipeline and pacer keep running.

A session is a span of time with a duration preset (or open-ended) and an
optional ``Recorder`` that receives what happens during it: ``on_events`` from
the source thread with raw events (so a store can append them as they
arrive), ``on_beats``, ``on_marker`` and ``on_pacer_change`` from the GUI
thread, and ``close`` once at the end. ``close`` may take seconds (a store
commits and summarises), so it runs on a thread of its own and ``finished``
is emitted on the GUI thread once it returned.

Stopping while beats are still on their way: the artifact corrector releases a
beat only after two later ones (its look-ahead), so at the stop instant the
last 1-2 s of beats have not arrived. ``stop(until_t_s=...)`` keeps the
recorder open for beats up to that device time ("draining"), without blocking:
it closes at the first beat past it, at ``end_drain()`` (the source stopped and
its pipeline was flushed) or after SESSION_STOP_DRAIN_S, whichever comes first.
"""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from biofeedback import config
from biofeedback.app.records import Marker, PacerChange
from biofeedback.core.types import Beat, Event


class Recorder(Protocol):
    """What a session store implements."""

    def on_events(self, events: Sequence[Event]) -> None: ...
    def on_beats(self, beats: Sequence[Beat]) -> None: ...
    def on_marker(self, marker: Marker) -> None: ...
    def on_pacer_change(self, change: PacerChange) -> None: ...
    def close(self) -> None: ...


class SessionController(QObject):
    """Start/stop with a duration; the clock is injectable (monotonic seconds)."""

    started = Signal()
    finished = Signal(str)  # "completed" | "stopped", after the recorder was closed
    recorder_failed = Signal(str)  # closing the recorder raised: the traceback's last line
    _closed = Signal(str, str)  # reason, error text ("" when none): from the closing thread

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        recorder_factory: Callable[[], Recorder] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.recorder_factory = recorder_factory
        self.recorder: Recorder | None = None
        self.duration_s: float | None = None
        self.start_t_s: float | None = None
        self.markers: list[Marker] = []
        self.n_beats = 0
        self._lock = threading.Lock()
        self._closing: list[threading.Thread] = []
        self._n_closing = 0  # recorders whose close has not been reported back yet
        self._draining: tuple[Recorder, str, float] | None = None  # recorder, reason, until device t_s
        self._drain_timer = QTimer(self)
        self._drain_timer.setSingleShot(True)
        self._drain_timer.timeout.connect(self.end_drain)
        self._closed.connect(self._after_close, Qt.ConnectionType.QueuedConnection)

    @property
    def running(self) -> bool:
        return self.start_t_s is not None

    @property
    def draining(self) -> bool:
        """A stopped session still takes the beats up to its stop instant."""
        return self._draining is not None

    @property
    def busy(self) -> bool:
        """A stopped session is still draining or being closed."""
        return self._draining is not None or self._n_closing > 0

    def start(self, duration_s: float | None = None) -> bool:
        """Begin a session of ``duration_s`` seconds (None: until stopped); False if one runs."""
        if self.running:
            return False
        self.duration_s = duration_s if duration_s and duration_s > 0 else None
        self.markers = []
        self.n_beats = 0
        recorder = self.recorder_factory() if self.recorder_factory else None
        with self._lock:
            self.recorder = recorder
        self.start_t_s = self.clock()
        return True

    def announce_started(self) -> None:
        self.started.emit()

    def stop(self, reason: str = "stopped", until_t_s: float | None = None,
             drain_timeout_s: float = config.SESSION_STOP_DRAIN_S) -> bool:
        """End the session; the recorder is closed off the GUI thread, then ``finished`` fires.

        ``until_t_s`` (device clock): the recorder first takes the beats up to
        that time still held back by the pipeline (see the module docstring).
        """
        if not self.running:
            return False
        self.start_t_s = None
        with self._lock:
            recorder, self.recorder = self.recorder, None
        if recorder is None:
            self.finished.emit(reason)
            return True
        self.end_drain()  # an earlier stopped session still draining closes now (one at a time)
        if until_t_s is None:
            self._close(recorder, reason)
        else:
            self._draining = (recorder, reason, until_t_s)
            self._drain_timer.start(max(int(drain_timeout_s * 1000), 0))
        return True

    def end_drain(self) -> None:
        """The stopped session takes no more beats: its recorder is closed (no-op when none drains)."""
        draining, self._draining = self._draining, None
        self._drain_timer.stop()
        if draining is not None:
            self._close(draining[0], draining[1])

    def drain_beats(self, beats: Sequence[Beat]) -> list[Beat]:
        """Give a draining session its beats up to its stop instant; the beats left for the running one."""
        if self._draining is None or not beats:
            return list(beats)
        recorder, _reason, until_t_s = self._draining
        n = next((k for k, b in enumerate(beats) if b.t_s > until_t_s), len(beats))  # beats come in time order
        if n:
            recorder.on_beats(list(beats[:n]))
            if not self.running:  # the count is the stopped session's until another one starts
                self.n_beats += n
        if n < len(beats):
            self.end_drain()  # a beat past the stop instant: every earlier beat has been released
        return list(beats[n:])

    def _close(self, recorder: Recorder, reason: str) -> None:
        self._n_closing += 1

        def close() -> None:
            error = ""
            try:
                recorder.close()
            except Exception:
                error = traceback.format_exc().strip().splitlines()[-1]
            self._closed.emit(reason, error)

        thread = threading.Thread(target=close, name="session recorder close", daemon=True)
        self._closing.append(thread)
        thread.start()

    def _after_close(self, reason: str, error: str) -> None:
        self._n_closing -= 1
        self._closing = [t for t in self._closing if t.is_alive()]
        if error:
            self.recorder_failed.emit(error)
        self.finished.emit(reason)

    def elapsed_s(self) -> float:
        return 0.0 if self.start_t_s is None else self.clock() - self.start_t_s

    def remaining_s(self) -> float | None:
        if not self.running or self.duration_s is None:
            return None
        return max(self.duration_s - self.elapsed_s(), 0.0)

    def due(self) -> bool:
        """True when a timed session has reached its duration."""
        remaining = self.remaining_s()
        return remaining is not None and remaining <= 0.0

    # -- data hooks ----------------------------------------------------------------
    def on_events(self, events: Sequence[Event]) -> None:
        """Source-thread tap: raw events go to the recorder while a session runs."""
        with self._lock:
            recorder = self.recorder
        if recorder is not None:
            recorder.on_events(events)

    def on_beats(self, beats: Sequence[Beat]) -> None:
        """Beats of the current connection: the running session's (see ``drain_beats`` for a stopped one)."""
        if self.running:
            self.n_beats += len(beats)
            if self.recorder is not None and beats:
                self.recorder.on_beats(beats)

    def on_marker(self, marker: Marker) -> None:
        if self.running:
            self.markers.append(marker)
            if self.recorder is not None:
                self.recorder.on_marker(marker)

    def on_pacer_change(self, change: PacerChange) -> None:
        if self.running and self.recorder is not None:
            self.recorder.on_pacer_change(change)


def format_clock(seconds: float) -> str:
    """mm:ss for the session timer."""
    seconds = max(int(round(seconds)), 0)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
