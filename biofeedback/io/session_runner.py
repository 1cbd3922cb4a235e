"""The one source -> pipeline -> sinks loop, shared by the window, ``record`` and ``assess --port``.

A ``SessionRunner`` owns one connection: it starts and stops the source, runs
the ``Pipeline`` on what arrives, stamps each output's arrival on its clock
into the connection's ``DeviceClockMapping`` (core/clock_mapping.py) where
the outputs are consumed (the commands; the window's ``LiveModel`` keeps the
window's) and hands the raw events and the outputs to its sinks. Sinks are plain
callables: event sinks see the raw events before the pipeline (recording:
what arrived is kept even if the pipeline fails), output sinks see every
output and the events it came from (``()`` for the output the pipeline's
flush gave at stop, the beats the artifact corrector still held back).

Where the pipeline runs:

* ``queued=False`` (the window): in the source's reader thread, as the
  events arrive; the Qt adapter (app/worker.py) turns outputs into queued
  signals. An exception goes to ``on_error`` with its traceback.
* ``queued=True`` (the headless commands): the source thread only puts
  events and states into an inbox, and the caller's thread runs the pipeline
  in ``pump()``, so it can print, flush files and stop on Ctrl-C between
  batches. ``post()`` runs a callable there too (the store's status).
  What arrived before ``stop()`` returned still goes through the sinks.

Without ``on_error`` an exception propagates to whoever called ``pump`` or
``stop`` (a command fails loudly).
"""

from __future__ import annotations

import queue
import threading
import time
import traceback
from collections.abc import Callable, Sequence

from biofeedback.core.clock_mapping import DeviceClockMapping
from biofeedback.core.pipeline import Pipeline, PipelineOutput
from biofeedback.core.types import DeviceInfo, Event, PulseDirectionChosen
from biofeedback.io.clock import Clock
from biofeedback.io.source import EventSink, Source, SourceState, StateSink

OutputSink = Callable[[PipelineOutput, Sequence[Event]], None]  # output, the events it came from


class SessionRunner:
    """One source, one pipeline, one device-to-host mapping, any number of sinks."""

    def __init__(
        self,
        source: Source,
        *,
        correct: bool = True,
        polarity: int | None = None,
        clock: Clock | None = time.monotonic,
        queued: bool = False,
        event_sinks: Sequence[EventSink] = (),
        output_sinks: Sequence[OutputSink] = (),
        on_state: StateSink | None = None,
        on_device: Callable[[DeviceInfo], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        self.source = source
        self._correct = correct  # False: intervals kept exactly as detected
        # the pulse's direction as the user chose it: the feeding thread puts it at the head of the next
        # batch as a PulseDirectionChosen, which the event sinks record and the pipeline takes
        self._polarity = polarity
        self._polarity_changed = polarity is not None
        self._restate = False  # the next batch repeats the direction in force (a recording starts)
        # queued, the pipeline is built once the source started (its first use imports SciPy: 0.5 s,
        # seconds on a busy machine, and a port must not open that much later); in the source
        # thread it must be there before the first events
        self._pipeline: Pipeline | None = None if queued else Pipeline(correct=correct)
        self.clock = clock
        # this connection's device -> host mapping, from the arrivals (None without a clock: the
        # window's LiveModel keeps it, observed on the GUI thread beside the data it draws)
        self.clock_mapping = DeviceClockMapping() if clock is not None else None
        self.event_sinks = list(event_sinks)
        self.output_sinks = list(output_sinks)
        self.on_state = on_state
        self.on_device = on_device
        self.on_error = on_error
        self._inbox: queue.Queue | None = queue.Queue() if queued else None
        self._lock = threading.Lock()  # feed (source thread) against flush (the stopping thread)
        self._running = False

    @property
    def pipeline(self) -> Pipeline:
        return self._pipeline if self._pipeline is not None else self._build_pipeline()

    def _build_pipeline(self) -> Pipeline:
        self._pipeline = Pipeline(correct=self._correct)
        return self._pipeline

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Start the source (may block while a port opens: off the GUI thread)."""
        self._running = True
        try:
            self.source.start(self._arrived_events, self._arrived_state)
        except Exception:  # a source that fails to start is the caller's to report
            self._running = False
            raise
        if self._pipeline is None:  # queued: built now, after the source (see __init__)
            self._build_pipeline()

    def stop(self) -> None:
        """Stop the source, run what it still delivered, flush the pipeline into the sinks (may block)."""
        if not self._running:
            return
        self._running = False
        try:
            self.source.stop()
        except Exception:
            self._failed()
        inbox = self._inbox
        while inbox is not None and not inbox.empty():  # what arrived before the stop is kept
            kind, payload = inbox.get_nowait()
            if kind == "events":
                self._process(payload)
        try:
            with self._lock:
                out = self.pipeline.flush()
            self._deliver(out, ())
        except Exception:
            self._failed()

    def choose_polarity(self, polarity: int | None) -> None:
        """The pulse's direction as the user chose it now (any thread): the thread that feeds
        the pipeline puts it before the next batch, where the recording keeps it and the
        pipeline takes it, so what the pipeline releases keeps its place."""
        self._polarity = polarity
        self._polarity_changed = True

    def restate_polarity(self) -> None:
        """Repeat the direction the pipeline follows at the head of the next batch (any thread): a
        recording that begins now (a session) keeps it, whether the person chose it or the stream did
        (a replayed session's own choices)."""
        self._restate = True

    # -- queued mode: the caller's thread ------------------------------------------------
    def pump(self, timeout_s: float) -> SourceState | None:
        """Handle one thing that arrived (waiting up to ``timeout_s``); a source state is returned."""
        assert self._inbox is not None, "pump() is for a queued runner"
        try:
            kind, payload = self._inbox.get(timeout=timeout_s)
        except queue.Empty:
            return None
        if kind == "events":
            self._process(payload)
        elif kind == "state":
            if self.on_state is not None:
                self.on_state(payload)
            return payload
        else:
            payload()
        return None

    def post(self, call: Callable[[], None]) -> None:
        """Run ``call`` on the pumping thread, in order with what arrived (queued mode)."""
        assert self._inbox is not None, "post() is for a queued runner"
        self._inbox.put(("call", call))

    # -- called from the source thread -------------------------------------------------------
    def _arrived_events(self, events: Sequence[Event]) -> None:
        if self._inbox is not None:
            self._inbox.put(("events", events))
        elif self._running:
            self._process(events)

    def _arrived_state(self, state: SourceState) -> None:
        if self._inbox is not None:
            self._inbox.put(("state", state))
        elif self.on_state is not None:
            self.on_state(state)

    def _process(self, events: Sequence[Event]) -> None:
        chosen_now = self._polarity_changed
        try:
            if chosen_now:
                self._polarity_changed = self._restate = False
                events = [PulseDirectionChosen(self._polarity), *events]
            elif self._restate:
                self._restate = False
                if (in_force := self.pipeline.chosen_polarity) is not None:
                    events = [PulseDirectionChosen(in_force), *events]
            for sink in self.event_sinks:
                sink(events)
            if self.on_device is not None:
                for event in events:
                    if isinstance(event, DeviceInfo):
                        self.on_device(event)
            with self._lock:
                out = self.pipeline.feed(events)
            self._deliver(out, events)
        except Exception:
            if chosen_now and self._pipeline is not None and self._pipeline.chosen_polarity != self._polarity:
                self._polarity_changed = True  # a sink failed before the pipeline took it: the next batch
            self._failed()

    def _deliver(self, out: PipelineOutput, events: Sequence[Event]) -> None:
        if self.clock_mapping is not None and self.clock is not None:
            self.clock_mapping.observe_output(out, self.clock())
        for sink in self.output_sinks:
            sink(out, events)

    def _failed(self) -> None:
        if self.on_error is None:
            raise
        self.on_error(traceback.format_exc())
