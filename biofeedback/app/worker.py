"""Qt adapter over a ``SessionRunner``: the pipeline runs in the source's thread, results cross as signals.

The runner (io/session_runner.py, the loop ``record`` and ``assess`` use too)
runs the pipeline right in the source's reader thread (off the GUI thread);
this adapter turns what it delivers into queued signals carrying the
worker's connection ``generation``, so the receiver can drop what an old
connection still had on its way. An exception in the pipeline is not
swallowed: it is emitted on ``error`` with its traceback and kept in ``errors``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from biofeedback.core.pipeline import Pipeline, PipelineOutput
from biofeedback.core.types import DeviceInfo, Event
from biofeedback.io.session_runner import SessionRunner
from biofeedback.io.source import Source, SourceState

EventTap = Callable[[Sequence[Event]], None]


class SourceWorker(QObject):
    """Owns one ``SessionRunner`` (a Source and a Pipeline) for the duration of a connection."""

    output = Signal(int, PipelineOutput)  # generation, output
    state = Signal(int, SourceState)
    device = Signal(int, DeviceInfo)  # the device described itself (whole, as decoded)
    error = Signal(int, str)

    def __init__(
        self,
        source: Source,
        generation: int = 0,
        tap: EventTap | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.generation = generation
        self.errors: list[str] = []
        self.runner = SessionRunner(
            source, clock=None,  # the LiveModel maps the clock, on the GUI thread
            event_sinks=[tap] if tap is not None else [],  # raw events, in the source thread (recording)
            output_sinks=[self._on_output],
            on_state=lambda state: self.state.emit(self.generation, state),
            on_device=lambda info: self.device.emit(self.generation, info),
            on_error=self._report)

    @property
    def source(self) -> Source:
        return self.runner.source

    @property
    def pipeline(self) -> Pipeline:
        return self.runner.pipeline

    @property
    def running(self) -> bool:
        return self.runner.running

    def start(self) -> None:
        """Start the source (may block while a port opens: call it off the GUI thread)."""
        self.runner.start()

    def stop(self) -> None:
        """Stop the source and flush what the pipeline still holds (may block: off the GUI thread)."""
        self.runner.stop()

    def _on_output(self, out: PipelineOutput, events: Sequence[Event]) -> None:
        flushed = not events  # the pipeline's flush at stop: only the beats it held back matter
        if out.beats or not flushed and (out.ppg or out.signals or out.statuses or out.gaps or out.quality
                                         or out.metrics):
            self.output.emit(self.generation, out)

    def _report(self, text: str) -> None:
        self.errors.append(text)
        self.error.emit(self.generation, text)
