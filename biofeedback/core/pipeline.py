"""One pipeline from decoded events to beats and live metrics.

The same object serves live serial sources, the simulator, replay and the
offline ``analyze`` command, so a number on screen equals the number in an
export. Stages (each feed-in, emit-out, private state):

    events ──► PpgBeatDetector (raw PPG)  ─┐
           └─► device beats (beat-exact IBI protocols)
                                           ├─► ArtifactCorrector ──► LiveHrv ──► MetricsUpdate
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from biofeedback import config
from biofeedback.core.artifacts import ArtifactCorrector
from biofeedback.core.beats import PpgBeatDetector
from biofeedback.core.hrv import LiveHrv
from biofeedback.core.types import (
    Beat,
    DeviceBeat,
    DeviceInfo,
    DeviceStatus,
    Event,
    Gap,
    MetricsUpdate,
    PpgBlock,
    SignalQuality,
)

# Protocols whose device-reported beats are beat-exact on the device clock
# (PulseSensor's Q lines at 2 ms, plain IBI streams): use them rather than
# re-detecting beats from a 50 Hz display wave.
DEVICE_BEAT_PROTOCOLS = frozenset({"pulsesensor", "ibi"})


@dataclass
class PipelineOutput:
    """What one ``feed`` produced; lists are empty when nothing happened."""

    ppg: list[PpgBlock] = field(default_factory=list)
    beats: list[Beat] = field(default_factory=list)
    detections_t_s: list[float] = field(default_factory=list)  # raw detector beats, before the
    # corrector's look-ahead: for marking the pulse wave at once
    statuses: list[DeviceStatus] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    quality: SignalQuality | None = None  # set when it changed
    metrics: MetricsUpdate | None = None  # set when new beats arrived

    def extend(self, other: PipelineOutput) -> None:
        self.ppg += other.ppg
        self.beats += other.beats
        self.detections_t_s += other.detections_t_s
        self.statuses += other.statuses
        self.gaps += other.gaps
        self.quality = other.quality or self.quality
        self.metrics = other.metrics or self.metrics


class Pipeline:
    """Events in, beats and metrics out.

    ``beat_source``: "auto" uses device beats for protocols in
    DEVICE_BEAT_PROTOCOLS (or when a stream carries beats but no PPG) and
    detects beats from the PPG wave otherwise; "ppg" and "device" force one.
    ``correct=False`` passes intervals through exactly as detected.
    """

    def __init__(self, correct: bool = True, beat_source: str = "auto") -> None:
        if beat_source not in ("auto", "ppg", "device"):
            raise ValueError(f"unknown beat source {beat_source!r}")
        self.correct = correct
        self.beat_source = beat_source
        self.protocol: str | None = None
        self.fs_hz: float | None = None
        self.detector: PpgBeatDetector | None = None
        self.corrector = ArtifactCorrector(correct=correct)
        self.hrv = LiveHrv()
        self.quality = SignalQuality.NO_SIGNAL
        self.n_beats = 0
        self.n_corrected = 0
        self._seen_ppg = False
        self._next_quality_t_s = -np.inf
        self._last_device_beat_t_s: float | None = None

    # -- decisions -----------------------------------------------------------
    def _use_device_beats(self) -> bool:
        if self.beat_source != "auto":
            return self.beat_source == "device"
        if self.protocol in DEVICE_BEAT_PROTOCOLS:
            return True
        return not self._seen_ppg

    # -- feeding -------------------------------------------------------------
    def feed(self, events: Iterable[Event]) -> PipelineOutput:
        """Process events in stream order; returns what they produced."""
        out = PipelineOutput()
        for event in events:
            if isinstance(event, PpgBlock):
                self._on_ppg(event, out)
            elif isinstance(event, DeviceBeat):
                self._on_device_beat(event, out)
            elif isinstance(event, DeviceStatus):
                out.statuses.append(event)
                if event.state == "finger_out":
                    self._set_quality(SignalQuality.FINGER_OFF, out)
            elif isinstance(event, Gap):
                self._on_gap(event, out)
            elif isinstance(event, DeviceInfo):
                self.protocol = event.protocol
                if event.fs_hz:
                    self._ensure_detector(event.fs_hz, event.adc_max)
        if out.beats:
            out.metrics = self.hrv.snapshot()
        return out

    def flush(self) -> PipelineOutput:
        """End of stream: release the beats the corrector holds back."""
        out = PipelineOutput()
        if self.detector is not None and not self._use_device_beats():
            for t_s in self.detector.flush():
                self._accept(self.corrector.push(float(t_s)), out)
        self._accept(self.corrector.flush(), out)
        if out.beats:
            out.metrics = self.hrv.snapshot()
        return out

    def _ensure_detector(self, fs_hz: float, adc_max: int | None = None) -> PpgBeatDetector:
        if self.detector is None or abs(self.fs_hz - fs_hz) > 1e-9:
            self.fs_hz = fs_hz
            self.detector = PpgBeatDetector(fs_hz, adc_max=adc_max)
        return self.detector

    def _on_ppg(self, block: PpgBlock, out: PipelineOutput) -> None:
        # hot path: called for every decoded block (50 times a second live, 180,000
        # times for an hour offline), so it avoids work a block does not need
        self._seen_ppg = True
        out.ppg.append(block)
        detector = self.detector
        if detector is None or block.fs_hz != self.fs_hz:
            detector = self._ensure_detector(block.fs_hz)
        beat_times = detector.feed(block.t_s, block.value)
        t_end_s = block.t_s[-1] if len(block) else -np.inf
        if t_end_s >= self._next_quality_t_s:
            self._next_quality_t_s = t_end_s + config.QUALITY_CHECK_PERIOD_S
            self._set_quality(detector.quality, out)
        if beat_times.size:
            detections = beat_times.tolist()
            out.detections_t_s += detections
            if not self._use_device_beats():
                for t_s in detections:
                    self._accept(self.corrector.push(t_s), out)

    def _on_device_beat(self, beat: DeviceBeat, out: PipelineOutput) -> None:
        if not self._use_device_beats():
            return
        if not self._seen_ppg:
            self._set_quality(SignalQuality.GOOD, out)
        self._accept(self.corrector.push(beat.t_s), out)

    def _on_gap(self, gap: Gap, out: PipelineOutput) -> None:
        out.gaps.append(gap)
        self._accept(self.corrector.flush(), out)
        self.corrector.reset()
        if self.detector is not None:
            self.detector.reset()

    def _accept(self, beats: list[Beat], out: PipelineOutput) -> None:
        for beat in beats:
            self.hrv.push(beat.t_s, beat.rr_ms, beat.corrected)
            self.n_beats += 1
            self.n_corrected += int(beat.corrected)
        out.beats += beats

    def _set_quality(self, quality: SignalQuality, out: PipelineOutput) -> None:
        if quality != self.quality:
            self.quality = quality
            out.quality = quality
