"""Qt adapter over a ``SessionRunner``: the pipeline runs in the source's thread, results cross as signals.

The runner (io/session_runner.py, the loop ``record`` and ``assess`` use too)
runs the pipeline right in the source's reader thread (off the GUI thread);
this adapter turns what it delivers into queued signals carrying the
worker's connection ``generation``, so the receiver can drop what an old
connection still had on its way. An exception in the pipeline is not
swallowed: it is emitted on ``error`` with its traceback and kept in ``errors``.

A sensor's chunks come every ~20 ms; a window draws at 30 Hz. With
``join_wave`` (the window's live session sets it) outputs that carry only
wave samples are not signalled: they are joined and held until the GUI
thread takes them when it draws (``take_wave``), so the GUI thread is not
woken once a chunk and a frame still sees every sample that had arrived.
Anything else (beats, detections, statuses, quality, metrics, gaps) is
signalled at once with the samples held before it; a state or device
report, and the pipeline's flush at stop, signal what is held first.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

import numpy as np
from PySide6.QtCore import QObject, Signal

from biofeedback.core.pipeline import Pipeline, PipelineOutput
from biofeedback.core.types import DeviceInfo, Event, PpgBlock
from biofeedback.io.session_runner import SessionRunner
from biofeedback.io.source import Source, SourceState

EventTap = Callable[[Sequence[Event]], None]


def joined_blocks(blocks: list[PpgBlock]) -> list[PpgBlock]:
    """Held pulse-wave blocks as one block: the GUI thread's work per block (the clock mapping, the
    breathing tracker, the wave's buffer) then runs once a frame, not for each of the ~2.5 blocks a
    sensor sent meanwhile. The held blocks follow each other (a gap is signalled, never held); blocks
    of two sample rates stay apart."""
    if len(blocks) < 2 or any(block.fs_hz != blocks[0].fs_hz for block in blocks):
        return blocks
    return [PpgBlock(np.concatenate([block.t_s for block in blocks]),
                     np.concatenate([block.value for block in blocks]), blocks[0].fs_hz)]


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
        join_wave: bool = False,
        polarity: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.generation = generation
        self.errors: list[str] = []
        self.join_wave = join_wave
        self._held: PipelineOutput | None = None  # wave samples not signalled yet (join_wave)
        self._in_flight = 0  # outputs signalled and not yet ``arrived``: the held samples come after them
        self._lock = threading.Lock()  # the reader thread feeds, the stopping thread flushes, the GUI takes
        self.runner = SessionRunner(
            source, polarity=polarity, clock=None,  # the LiveModel maps the clock, on the GUI thread
            event_sinks=[tap] if tap is not None else [],  # raw events, in the source thread (recording)
            output_sinks=[self._on_output],
            on_state=self._on_state,
            on_device=self._on_device,
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
        with self._lock:
            held, self._held = self._held, None
            if held is not None:
                held.extend(out)
                out = held
            elif not (out.beats or not flushed and (out.ppg or out.signals or out.statuses or out.gaps
                                                    or out.quality or out.metrics or out.directions_chosen
                                                    or out.polarity_unsure is not None)):
                return
            if self.join_wave and not flushed and not (
                    out.beats or out.detections_t_s or out.statuses or out.gaps or out.quality or out.metrics
                    or out.interval_gaps_t_s or out.directions_chosen or out.polarity_unsure is not None):
                self._held = out  # samples only: the next frame takes them
                return
            self._signal(out)

    def _signal(self, out: PipelineOutput) -> None:
        """(Called with the lock held: the signals leave in the order the outputs came.)"""
        self._in_flight += 1
        self.output.emit(self.generation, out)

    def arrived(self) -> None:
        """The GUI thread received one signalled output."""
        with self._lock:
            self._in_flight -= 1

    def take_wave(self) -> PipelineOutput | None:
        """The samples held for the GUI thread, once every output signalled before them arrived (else None);
        their pulse-wave blocks joined into one (``joined_blocks``)."""
        with self._lock:
            if self._in_flight > 0:
                return None
            held, self._held = self._held, None
        if held is not None:
            held.ppg = joined_blocks(held.ppg)
        return held

    def _send_held(self) -> None:
        """Held samples first: a state or device report never overtakes them."""
        with self._lock:
            held, self._held = self._held, None
            if held is not None:
                self._signal(held)

    def _on_state(self, state: SourceState) -> None:
        self._send_held()
        self.state.emit(self.generation, state)

    def _on_device(self, info: DeviceInfo) -> None:
        self._send_held()
        self.device.emit(self.generation, info)

    def _report(self, text: str) -> None:
        self.errors.append(text)
        self.error.emit(self.generation, text)
