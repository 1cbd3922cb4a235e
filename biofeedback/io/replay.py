"""Replay a recording as a live source: a data file or raw event log, 1×–50×.

The events a file holds are handed to the sink in the rhythm of their own
timestamps (scaled by ``speed``), from a thread, exactly as a serial source
would deliver them; so a coach can show a past session live and tests can
drive the app from a file instead of a mock.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator, Sequence

import numpy as np

from biofeedback import config
from biofeedback.core.timebase import first_time_s
from biofeedback.core.types import Event, PpgBlock, SignalBlock
from biofeedback.io.clock import Clock, sleep_until
from biofeedback.io.files import load_recording
from biofeedback.io.source import (
    CONNECTED,
    FAILED,
    FINISHED,
    STOPPED,
    EventSink,
    SourceState,
    StateSink,
)

REPLAY_TICK_S = 0.02  # deliver events in batches this far apart (host clock)
MIN_SPEED, MAX_SPEED = 1.0, 50.0


def split_blocks(events: list[Event], max_span_s: float) -> Iterator[Event]:
    """Cut long PPG (and signal) blocks into pieces spanning at most ``max_span_s`` each."""
    for event in events:
        if isinstance(event, PpgBlock | SignalBlock) and len(event) > 1 and event.t_s[-1] - event.t_s[0] > max_span_s:
            # a piece per max_span_s step the samples are in, from the samples themselves: a grid of
            # steps over the block's span would be as long as a hole in it is (days of steps)
            with np.errstate(invalid="ignore"):
                step = np.floor((event.t_s - event.t_s[0]) / max_span_s)
            edges = np.flatnonzero(np.diff(step) != 0) + 1
            for part_t, part_v in zip(np.split(event.t_s, edges), np.split(event.value, edges), strict=False):
                if part_t.size:
                    yield (PpgBlock(part_t, part_v, event.fs_hz) if isinstance(event, PpgBlock)
                           else SignalBlock(event.kind, part_t, part_v, event.fs_hz))
        else:
            yield event


class EventReplaySource:
    """Events from ``load()`` (called in the source's thread) played back through the live path.

    ``load`` may take a while (a long file, a stored session): it runs off the
    caller's thread; an error it raises, or no events at all, is reported as a
    FAILED state in words.
    """

    def __init__(self, load: Callable[[], Sequence[Event]], name: str, speed: float = 1.0,
                 clock: Clock = time.monotonic) -> None:
        """``clock``: the host clock the events are paced by (a ``ManualClock`` in tests)."""
        self.load = load
        self.speed = float(min(max(speed, MIN_SPEED), MAX_SPEED))
        self._clock = clock
        self.description = f"{name} at {self.speed:g}×"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self, on_events: EventSink, on_state: StateSink) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(on_events, on_state), daemon=True,
                                        name="replay")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=2.0)

    def _run(self, on_events: EventSink, on_state: StateSink) -> None:
        try:
            events = self.load()
        except Exception as error:  # a reader or store error becomes a state in words
            on_state(SourceState(FAILED, f"Cannot replay: {error}"))
            return
        if not events:
            on_state(SourceState(FAILED, "Cannot replay: there is nothing to play."))
            return
        on_state(SourceState(CONNECTED, self.description, "replay"))
        if play_events(events, self.speed, on_events, self._stop, clock=self._clock):
            on_state(SourceState(FINISHED, "Replay finished"))
        else:
            on_state(SourceState(STOPPED, "Replay stopped"))


class ReplaySource(EventReplaySource):
    """A recorded file played back through the live path."""

    def __init__(self, path: str, speed: float = 1.0, kind: str = "auto", fs_hz: float | None = None,
                 clock: Clock = time.monotonic) -> None:
        super().__init__(lambda: load_recording(path, kind=kind, fs_hz=fs_hz).events, f"Replay of {path}", speed,
                         clock)
        self.path = path
        self.kind, self.fs_hz = kind, fs_hz


def play_events(events: Sequence[Event], speed: float, deliver: Callable[[list[Event]], None],
                stop: threading.Event, on_tick: Callable[[], None] | None = None,
                clock: Clock = time.monotonic) -> bool:
    """Deliver ``events`` in their own rhythm scaled by ``speed`` on ``clock``; False when stopped early.

    A jump forward in stream time beyond REPLAY_MAX_WAIT_S is waited as that long (a pause of
    hours shows as a gap, not as hours of silence); a jump back further than that (a clock
    restart) is paced from where it lands; events come in stream order, a beat stamped a little
    before the samples already played waits for nothing.
    """
    pieces = list(split_blocks(list(events), REPLAY_TICK_S * speed))
    max_wait_s = config.REPLAY_MAX_WAIT_S
    played_s = 0.0  # stream seconds paced so far, each jump counted up to max_wait_s
    latest: float | None = None  # the latest stream time reached
    started = clock()
    batch: list[Event] = []
    for event in pieces:
        t = first_time_s(event)
        if t is not None and math.isfinite(t):
            if latest is None or t < latest - max_wait_s:
                latest = t
            elif t > latest:
                played_s += min(t - latest, max_wait_s)
                latest = t
            due = started + played_s / speed
            if due > clock():
                if batch:
                    deliver(batch)
                    batch = []
                if on_tick is not None:
                    on_tick()
                if not sleep_until(clock, due, stop):
                    return False
        batch.append(event)
    if batch:
        deliver(batch)
    return True
