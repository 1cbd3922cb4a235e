"""Replay a stored session as a live source: its raw events straight from the store, no file.

The events are read in the source's own thread (a long session takes a
moment), then delivered in the rhythm of their timestamps by the same
``play_events`` loop the file replay uses.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from biofeedback.core.types import Event
from biofeedback.io.replay import MAX_SPEED, MIN_SPEED, play_events
from biofeedback.io.source import (
    CONNECTED,
    FAILED,
    FINISHED,
    STOPPED,
    EventSink,
    SourceState,
    StateSink,
)


class StoredSessionSource:
    """A Source over ``load()`` (the stored raw events), played at ``speed`` (1x-50x)."""

    def __init__(self, load: Callable[[], list[Event]], name: str, speed: float = 1.0) -> None:
        self.load = load
        self.speed = float(min(max(speed, MIN_SPEED), MAX_SPEED))
        self.description = f"{name} at {self.speed:g}×"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, on_events: EventSink, on_state: StateSink) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(on_events, on_state), daemon=True,
                                        name="stored replay")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=2.0)

    def _run(self, on_events: EventSink, on_state: StateSink) -> None:
        try:
            events = self.load()
        except Exception as error:  # a store error is a state with words, not a crash
            on_state(SourceState(FAILED, f"Cannot replay: {error}"))
            return
        if not events:
            on_state(SourceState(FAILED, "Cannot replay: the session holds no raw data."))
            return
        on_state(SourceState(CONNECTED, self.description, "replay"))
        if play_events(events, self.speed, on_events, self._stop):
            on_state(SourceState(FINISHED, "Replay finished"))
        else:
            on_state(SourceState(STOPPED, "Replay stopped"))
