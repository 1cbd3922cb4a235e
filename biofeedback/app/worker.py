"""Qt glue around a Source: runs the Pipeline in the source's thread, emits queued signals.

The source calls ``on_events`` from its reader thread; the pipeline runs
right there (off the GUI thread) and the result crosses to the GUI thread as
a queued ``output`` signal carrying a PipelineOutput. Every signal carries the
worker's connection ``generation`` so the receiver can drop what an old
connection still had on its way. An exception in the pipeline is not
swallowed: it is emitted on ``error`` with its traceback and kept in ``errors``.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from biofeedback.core.pipeline import Pipeline, PipelineOutput
from biofeedback.core.types import DeviceInfo, Event
from biofeedback.io.source import Source, SourceState

EventTap = Callable[[Sequence[Event]], None]


class SourceWorker(QObject):
    """Owns one Source and one Pipeline for the duration of a connection."""

    output = Signal(int, PipelineOutput)  # generation, output
    state = Signal(int, SourceState)
    device = Signal(int, DeviceInfo)  # the device described itself (whole, as decoded)
    error = Signal(int, str)

    def __init__(
        self,
        source: Source,
        generation: int = 0,
        pipeline: Pipeline | None = None,
        tap: EventTap | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.source = source
        self.generation = generation
        self.pipeline = pipeline or Pipeline()
        self.tap = tap  # called in the source thread with the raw events (recording)
        self.errors: list[str] = []
        self._lock = threading.Lock()
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def start(self) -> None:
        """Start the source (may block while a port opens: call it off the GUI thread)."""
        self._running = True
        try:
            self.source.start(self._on_events, self._on_state)
        except Exception:  # a source that fails to start is a state, not a crash
            self._running = False
            raise

    def stop(self) -> None:
        """Stop the source and flush what the pipeline still holds (may block: off the GUI thread)."""
        if not self._running:
            return
        self._running = False
        try:
            self.source.stop()
        except Exception:
            self._report(traceback.format_exc())
        with self._lock:
            try:
                out = self.pipeline.flush()
            except Exception:
                self._report(traceback.format_exc())
                return
        if out.beats:
            self.output.emit(self.generation, out)

    # -- called from the source thread -------------------------------------------
    def _on_events(self, events: Sequence[Event]) -> None:
        if not self._running:
            return
        try:
            if self.tap is not None:
                self.tap(events)
            for event in events:
                if isinstance(event, DeviceInfo):
                    self.device.emit(self.generation, event)
            with self._lock:
                out = self.pipeline.feed(events)
        except Exception:
            self._report(traceback.format_exc())
            return
        if out.ppg or out.signals or out.beats or out.statuses or out.gaps or out.quality or out.metrics:
            self.output.emit(self.generation, out)

    def _on_state(self, state: SourceState) -> None:
        self.state.emit(self.generation, state)

    def _report(self, text: str) -> None:
        self.errors.append(text)
        self.error.emit(self.generation, text)
