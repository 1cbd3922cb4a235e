"""Session flow: start/stop a timed practice while the pipeline and pacer keep running.

A session is a span of time with a duration preset (or open-ended), markers
and an optional ``recorder`` that receives what happens during it. The
recorder is the hook for persistent sessions (a store written in a later
issue): ``on_events`` is called from the source thread with raw events (so a
store can append them as they arrive), ``on_beats`` and ``on_marker`` from
the GUI thread, ``close`` once at the end.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, Signal

from biofeedback.core.types import Beat, Event


class Recorder(Protocol):
    """What a session store implements."""

    def on_events(self, events: Sequence[Event]) -> None: ...
    def on_beats(self, beats: Sequence[Beat]) -> None: ...
    def on_marker(self, t_s: float, label: str) -> None: ...
    def close(self) -> None: ...


class SessionController(QObject):
    """Start/stop with a duration; the clock is injectable (monotonic seconds)."""

    started = Signal()
    finished = Signal(str)  # "completed" | "stopped"

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
        self.markers: list[tuple[float, str]] = []
        self.n_beats = 0
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        return self.start_t_s is not None

    def start(self, duration_s: float | None = None) -> None:
        """Begin a session of ``duration_s`` seconds (None: until stopped)."""
        if self.running:
            return
        self.duration_s = duration_s if duration_s and duration_s > 0 else None
        self.markers = []
        self.n_beats = 0
        with self._lock:
            self.recorder = self.recorder_factory() if self.recorder_factory else None
        self.start_t_s = self.clock()
        self.mark("session start")
        self.started.emit()

    def stop(self, reason: str = "stopped") -> None:
        if not self.running:
            return
        self.mark(f"session {reason}")
        self.start_t_s = None
        with self._lock:
            recorder, self.recorder = self.recorder, None
        if recorder is not None:
            recorder.close()
        self.finished.emit(reason)

    def toggle(self, duration_s: float | None = None) -> None:
        self.stop() if self.running else self.start(duration_s)

    def elapsed_s(self) -> float:
        return 0.0 if self.start_t_s is None else self.clock() - self.start_t_s

    def remaining_s(self) -> float | None:
        if not self.running or self.duration_s is None:
            return None
        return max(self.duration_s - self.elapsed_s(), 0.0)

    def tick(self) -> None:
        """Call on the GUI timer: ends the session when its duration is reached."""
        remaining = self.remaining_s()
        if remaining is not None and remaining <= 0.0:
            self.stop("completed")

    def mark(self, label: str) -> None:
        t_s = self.clock()
        self.markers.append((t_s, label))
        if self.recorder is not None:
            self.recorder.on_marker(t_s, label)

    # -- data hooks ----------------------------------------------------------------
    def on_events(self, events: Sequence[Event]) -> None:
        """Source-thread tap: raw events go to the recorder while a session runs."""
        with self._lock:
            recorder = self.recorder
        if recorder is not None:
            recorder.on_events(events)

    def on_beats(self, beats: Sequence[Beat]) -> None:
        if self.running:
            self.n_beats += len(beats)
            if self.recorder is not None and beats:
                self.recorder.on_beats(beats)


def format_clock(seconds: float) -> str:
    """mm:ss for the session timer."""
    seconds = max(int(round(seconds)), 0)
    return f"{seconds // 60:02d}:{seconds % 60:02d}"
