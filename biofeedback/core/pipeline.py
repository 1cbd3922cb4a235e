"""One pipeline from decoded events to beats and live metrics.

The same object serves live serial sources, the simulator, replay and the
offline ``analyze`` command, so a number on screen equals the number in an
export. Stages (each feed-in, emit-out, private state):

    events ──► PpgBeatDetector (raw PPG)  ─┐
           └─► device beats (beat-exact IBI protocols)
                                           ├─► ArtifactCorrector ──► LiveHrv ──► MetricsUpdate

Every source's samples pass through here, so this is where impossible input
becomes a gap: non-finite PPG samples (NaN, ±inf in the value or the time) are
never fed to the detector, whose filter state would carry them for ever. A
hole up to ``BEAT_BRIDGE_MAX_S`` is bridged like a few lost samples; a longer
one is a ``Gap(reason="invalid_samples")``: "no signal" while it lasts, and
detection starts afresh on the first finite sample after it. Device beats at a
non-finite time are dropped and end the interval chain.

A device beat whose interval is impossible (an RR of 0, negative, NaN or inf,
from an IBI line, a BLE strap, an LSL RR stream, a stored record) or whose time
does not come after the chain's last beat (an interval of 0 or less on the
device clock, which is what a summed RR of 0 or less gives) is a gap by the
interval rule, never an exception: the chain ends there, ``n_interval_gaps``
counts it, ``interval_gaps_t_s`` lists it, and later beats go on. A beat at a
time after the last keeps its time and starts the next chain; one at or before
it is dropped (beat times only move forward, until a ``Gap`` says the device
clock may have restarted).

Intervals follow one rule whatever their source (core/rr/intervals.py, applied in
the ArtifactCorrector): outside the plausible range, or far outside the rhythm,
an interval is corrected as a missed/extra beat or becomes a gap: the chain
restarts there, ``n_interval_gaps`` counts it and ``interval_gaps_t_s`` lists
it (not ``gaps``: the device clock and the breathing estimate go on). A plain
IBI line carries its whole interval, so the first beat of an IBI chain (at the
start, after a gap) keeps its interval: its start is pushed as a beat first.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from biofeedback import config
from biofeedback.core.rr.artifacts import ArtifactCorrector
from biofeedback.core.rr.intervals import is_plausible_rr
from biofeedback.core.types import (
    Beat,
    DeviceBeat,
    DeviceInfo,
    DeviceStatus,
    Event,
    Gap,
    MetricsUpdate,
    PpgBlock,
    PulseDirectionChosen,
    SignalBlock,
    SignalQuality,
)

if TYPE_CHECKING:  # imported where first used: their SciPy costs ~0.5 s, which the window need not wait for
    from biofeedback.core.beats.ppg import PpgBeatDetector

# Protocols whose device-reported beats are beat-exact on the device clock
# (PulseSensor's Q lines at 2 ms, plain IBI streams): use them rather than
# re-detecting beats from a 50 Hz display wave.
DEVICE_BEAT_PROTOCOLS = frozenset({"pulsesensor", "ibi"})
# Protocols whose reported interval is a whole one even for the first beat after a start or gap
# (a Bluetooth strap's RR values are intervals it measured, the first one included)
WHOLE_INTERVAL_PROTOCOLS = frozenset({"ibi", "ble-hrm"})


@dataclass(init=False)
class PipelineOutput:
    """What one ``feed`` produced; lists are empty when nothing happened."""

    ppg: list[PpgBlock] = field(default_factory=list)
    signals: list[SignalBlock] = field(default_factory=list)  # a strap's ECG and accelerometer, as they came
    beats: list[Beat] = field(default_factory=list)
    detections_t_s: list[float] = field(default_factory=list)  # raw detector beats, before the
    # corrector's look-ahead: for marking the pulse wave at once
    statuses: list[DeviceStatus] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)
    quality: SignalQuality | None = None  # set when it changed
    metrics: MetricsUpdate | None = None  # set when new beats arrived
    interval_gaps_t_s: list[float] = field(default_factory=list)  # intervals that became gaps (interval rule)
    polarity_unsure: bool | None = None  # set when it changed (see Pipeline.polarity_unsure)
    directions_chosen: list[int | None] = field(default_factory=list)  # PulseDirectionChosen taken (the last holds)

    # one per feed (50 a second live, 180,000 an offline hour): list literals here, where the
    # generated __init__'s default_factory calls took half as long again
    def __init__(
        self, ppg: list[PpgBlock] | None = None, signals: list[SignalBlock] | None = None,
        beats: list[Beat] | None = None, detections_t_s: list[float] | None = None,
        statuses: list[DeviceStatus] | None = None, gaps: list[Gap] | None = None,
        quality: SignalQuality | None = None, metrics: MetricsUpdate | None = None,
        interval_gaps_t_s: list[float] | None = None, polarity_unsure: bool | None = None,
        directions_chosen: list[int | None] | None = None,
    ) -> None:
        self.ppg = [] if ppg is None else ppg
        self.signals = [] if signals is None else signals
        self.beats = [] if beats is None else beats
        self.detections_t_s = [] if detections_t_s is None else detections_t_s
        self.statuses = [] if statuses is None else statuses
        self.gaps = [] if gaps is None else gaps
        self.quality = quality
        self.metrics = metrics
        self.interval_gaps_t_s = [] if interval_gaps_t_s is None else interval_gaps_t_s
        self.polarity_unsure = polarity_unsure
        self.directions_chosen = [] if directions_chosen is None else directions_chosen

    def extend(self, other: PipelineOutput) -> None:
        self.ppg += other.ppg
        self.signals += other.signals
        self.beats += other.beats
        self.detections_t_s += other.detections_t_s
        self.statuses += other.statuses
        self.gaps += other.gaps
        self.interval_gaps_t_s += other.interval_gaps_t_s
        self.directions_chosen += other.directions_chosen
        self.quality = other.quality or self.quality
        self.metrics = other.metrics or self.metrics
        self.polarity_unsure = self.polarity_unsure if other.polarity_unsure is None else other.polarity_unsure


def _with_quality(beat: Beat, quality: float | None) -> Beat:
    """``replace(beat, quality=quality)``, built directly: one per beat, where ``replace``'s
    generic field walk cost more than the rest of the beat's bookkeeping here."""
    return Beat(t_s=beat.t_s, rr_ms=beat.rr_ms, corrected=beat.corrected, kind=beat.kind, quality=quality,
                detected_t_s=beat.detected_t_s)


class Pipeline:
    """Events in, beats and metrics out.

    ``beat_source``: "auto" uses device beats for protocols in
    DEVICE_BEAT_PROTOCOLS (or when a stream carries beats but no PPG) and
    detects beats from the PPG wave otherwise; "ppg" and "device" force one.
    ``correct=False`` passes intervals through exactly as detected.
    ``polarity`` (+1 upright, -1 inverted) is the pulse wave's direction as the user gave it to this
    reading (``analyze --polarity``, ``replay --polarity``): it holds over any a device's header
    declares and any ``PulseDirectionChosen`` in the stream, and is never learnt from the wave's
    shape. A live choice (the window's Tools > Pulse direction, ``record --polarity``) comes as a
    ``PulseDirectionChosen`` event instead, so the recorded stream keeps it (io/session_runner.py).
    """

    def __init__(self, correct: bool = True, beat_source: str = "auto", polarity: int | None = None) -> None:
        if beat_source not in ("auto", "ppg", "device"):
            raise ValueError(f"unknown beat source {beat_source!r}")
        if polarity not in (None, 1, -1):
            raise ValueError(f"polarity is +1, -1 or None, not {polarity!r}")
        self.correct = correct
        self.beat_source = beat_source
        self.protocol: str | None = None
        self.fs_hz: float | None = None
        self.adc_max: int | None = None
        self.chosen_polarity = polarity
        self._polarity_given = polarity is not None  # by the reader: the stream's choices do not override it
        self.n_directions_chosen = 0  # PulseDirectionChosen events taken from the stream
        self._header_polarity: int | None = None  # as the device's header declared it
        self.polarity: int | None = polarity  # chosen, else declared by the header (DeviceInfo), else None (the
        # detector's own reading of the shape is ``detector.polarity``)
        # the beats come from a pulse wave whose direction its shape did not show clearly (a guess
        # no later pulses confirmed): said to the user, who may know it (a device, --polarity)
        self.polarity_unsure = False
        self.detector: PpgBeatDetector | None = None
        self.corrector = ArtifactCorrector(correct=correct)
        from biofeedback.core.hrv.time_domain import LiveHrv  # SciPy: only once a pipeline runs

        self.hrv = LiveHrv()
        self.quality = SignalQuality.NO_SIGNAL
        self.n_beats = 0
        self.n_corrected = 0
        self.n_poor = 0  # detected pulses rejected by their quality (no interval from them)
        self.n_bridged = 0  # short losses of samples bridged on the sample clock
        self._seen_ppg = False
        self._next_quality_t_s = -np.inf
        self._poor_span = False
        self._held_poor: tuple[float, float] | None = None  # one poor pulse, waiting for the next
        self._poor_run: deque[float] = deque(maxlen=8)  # the poor pulses since the last good one
        self._last_detection_t_s: float | None = None
        self._losses: deque[float] = deque()  # device times of recent lost-sample gaps
        self._share: deque[tuple[float, bool]] = deque()  # (t_s, artifact) over the live window
        self._share_bad = 0
        self._quality_of: dict[float, float] = {}  # detection time -> pulse quality, until emitted
        self.n_invalid = 0  # non-finite samples and beats turned into gaps
        self.n_interval_gaps = 0  # intervals the interval/rhythm rule made gaps (the corrector's and ours)
        self._corrector_gaps = 0  # ArtifactCorrector.n_gaps already counted into n_interval_gaps
        self._last_device_t_s: float | None = None  # the last device beat given to the corrector
        self._device_chain = False  # a device beat started the current interval chain
        self._last_ppg_t: float | None = None  # device time of the last finite sample fed
        self._in_invalid = False  # inside a run of non-finite samples
        self._invalid_from: float | None = None  # where that run started (the last finite sample)
        self._invalid_long = False  # ...and it already outlasted BEAT_BRIDGE_MAX_S (a gap)

    # -- decisions -----------------------------------------------------------
    def _use_device_beats(self) -> bool:
        if self.beat_source != "auto":
            return self.beat_source == "device"
        if self.protocol in DEVICE_BEAT_PROTOCOLS:
            return True
        return not self._seen_ppg

    @property
    def ppg_detector(self) -> PpgBeatDetector | None:
        """The PPG beat detector the beats come from, once it has decided how to read the wave; else None."""
        d = self.detector
        return d if d is not None and d.polarity is not None and not self._use_device_beats() else None

    @property
    def link_damaged(self) -> bool:
        """Lines or samples were lost recently (the beats are still detected across them)."""
        return len(self._losses) >= config.LINK_DAMAGED_LOSSES

    # -- feeding -------------------------------------------------------------
    def feed(self, events: Iterable[Event]) -> PipelineOutput:
        """Process events in stream order; returns what they produced."""
        out = PipelineOutput()
        if type(events) is list and len(events) == 1 and type(events[0]) is PpgBlock:
            # a live source's usual feed (50 a second; 180,000 for an offline hour): one block
            block = events[0]
            if self._in_invalid or not math.isfinite(block.value.dot(block.t_s)):  # (as _on_ppg)
                self._on_invalid_ppg(block, out)
            else:
                self._feed_finite_ppg(block, out)
            if out.beats:
                out.metrics = self._snapshot()
            return out
        for event in events:
            if isinstance(event, PpgBlock):
                self._on_ppg(event, out)
            elif isinstance(event, DeviceBeat):
                self._on_device_beat(event, out)
            elif isinstance(event, SignalBlock):
                if len(event):
                    out.signals.append(event)  # drawn and read for breathing; its beats come as DeviceBeats
            elif isinstance(event, DeviceStatus):
                out.statuses.append(event)
                if event.state == "finger_out":
                    self._set_quality(SignalQuality.FINGER_OFF, out)
            elif isinstance(event, Gap):
                self._on_gap(event, out)
            elif isinstance(event, PulseDirectionChosen):
                if not self._polarity_given:
                    self.n_directions_chosen += 1
                    out.extend(self.choose_polarity(event.polarity))
                    out.directions_chosen.append(event.polarity)
            elif isinstance(event, DeviceInfo):
                self.protocol = event.protocol
                if event.polarity is not None:
                    self._header_polarity = event.polarity
                    if self.chosen_polarity is None:
                        self.polarity = event.polarity
                if event.adc_max is not None:
                    self.adc_max = event.adc_max
                if event.fs_hz:
                    self._ensure_detector(event.fs_hz)
        if out.beats:
            out.metrics = self._snapshot()
        return out

    def flush(self) -> PipelineOutput:
        """End of stream: release the beats the corrector holds back."""
        out = PipelineOutput()
        if self.detector is not None and not self._use_device_beats():
            times = self.detector.flush()
            self._on_detections(times, self.detector.last_quality, out)
            if self._held_poor is not None:
                self._push(*self._held_poor, out)
                self._held_poor = None
        self._accept(self.corrector.flush(), out)
        if out.beats:
            out.metrics = self._snapshot()
        return out

    def choose_polarity(self, polarity: int | None) -> PipelineOutput:
        """The user chose the pulse's direction mid-stream (None: the header's again, else the shape's).

        A guess the choice confirms, or a detector still learning, takes it as it is. Otherwise
        beats found the other way up do not mix with the new ones: where the beats come from
        this detector, a gap ("direction_chosen") ends the interval chain here (its held beats
        are released; live views and outlets break there too), and the detector learns afresh,
        the chosen way up, from the next samples. The status's "pulse direction unclear"
        follows at the next quality check.
        """
        if polarity not in (None, 1, -1):
            raise ValueError(f"polarity is +1, -1 or None, not {polarity!r}")
        out = PipelineOutput()
        self.chosen_polarity = polarity
        self.polarity = polarity if polarity is not None else self._header_polarity
        d = self.detector
        if d is None or self.fs_hz is None or d.declared_polarity == self.polarity:
            return out
        if self.polarity is not None and d.polarity in (None, self.polarity):
            d.declare_polarity(self.polarity)
            return out
        if self._last_ppg_t is not None and not self._use_device_beats():
            self._break_chain(Gap(self._last_ppg_t, None, "direction_chosen"), out)
        self.detector = None
        self._ensure_detector(self.fs_hz)
        self._forget_detections()
        if out.beats:
            out.metrics = self._snapshot()
        return out

    def _ensure_detector(self, fs_hz: float) -> PpgBeatDetector:
        d = self.detector
        current_hz = self.fs_hz if self.fs_hz is not None else -1.0  # set with the detector
        if (d is not None and abs(current_hz - fs_hz) <= 1e-9 and d.declared_polarity != self.polarity
                and self.polarity is not None and d.polarity in (None, self.polarity)):
            # a header declaring the polarity the detector already uses (or has not yet
            # learnt) arrives seconds after the first samples: adopt it without re-learning
            d.declare_polarity(self.polarity)
        if d is None or abs(current_hz - fs_hz) > 1e-9 or d.declared_polarity != self.polarity:
            from biofeedback.core.beats.ppg import PpgBeatDetector

            self.fs_hz = fs_hz
            d = self.detector = PpgBeatDetector(fs_hz, adc_max=self.adc_max, polarity=self.polarity)
        return d

    def _on_ppg(self, block: PpgBlock, out: PipelineOutput) -> None:
        # hot path: called for every decoded block (50 times a second live, 180,000
        # times for an hour offline), so it avoids work a block does not need; one dot
        # product tests every value and time (NaN/inf in either makes it NaN/inf)
        if self._in_invalid or not math.isfinite(block.value.dot(block.t_s)):
            self._on_invalid_ppg(block, out)
        else:
            self._feed_finite_ppg(block, out)

    def _on_invalid_ppg(self, block: PpgBlock, out: PipelineOutput) -> None:
        """A block holding non-finite samples (or following them): its finite runs go on, the rest is a hole."""
        t, v = np.asarray(block.t_s, dtype=float), np.asarray(block.value, dtype=float)
        ok = np.isfinite(t) & np.isfinite(v)
        if not ok.size:
            return
        edges = np.flatnonzero(np.diff(ok.view(np.int8))) + 1
        bounds = [0, *edges.tolist(), ok.size]
        for a, b in zip(bounds[:-1], bounds[1:], strict=True):
            if ok[a]:  # (all of a finite block whose dot product overflowed)
                if self._in_invalid:
                    self._end_invalid(float(t[a]), out)
                self._feed_finite_ppg(PpgBlock(t[a:b], v[a:b], block.fs_hz), out)
                continue
            self.n_invalid += b - a
            known = t[a:b][np.isfinite(t[a:b])]  # times of the non-finite values, where given
            if not self._in_invalid:
                self._in_invalid, self._invalid_long = True, False
                self._invalid_from = self._last_ppg_t if self._last_ppg_t is not None else (
                    float(known[0]) if known.size else None)
            if (not self._invalid_long and self._invalid_from is not None and known.size
                    and float(known[-1]) - self._invalid_from > config.BEAT_BRIDGE_MAX_S):
                self._invalid_long = True  # a stretch, not a glitch: a gap, shown as no signal now
                self._on_gap(Gap(self._invalid_from, None, "invalid_samples"), out)
                self._set_quality(SignalQuality.NO_SIGNAL, out)

    def _feed_finite_ppg(self, block: PpgBlock, out: PipelineOutput) -> None:
        """The normal path for a block known to be finite (its dot product may overflow)."""
        self._seen_ppg = True
        out.ppg.append(block)
        detector = self.detector
        if detector is None or block.fs_hz != self.fs_hz:
            detector = self._ensure_detector(block.fs_hz)
        t_s = block.t_s
        if not t_s.size:
            return
        beat_times = detector.feed_finite(t_s, block.value)  # (finite: tested once, by _on_ppg)
        t_end_s = self._last_ppg_t = t_s.item(-1)  # (a Python float, without a NumPy scalar first)
        if t_end_s >= self._next_quality_t_s:
            self._next_quality_t_s = t_end_s + config.QUALITY_CHECK_PERIOD_S
            self._check_quality(t_end_s, out)
        if beat_times.size:
            self._on_detections(beat_times, detector.last_quality, out)

    def _end_invalid(self, t_next_s: float, out: PipelineOutput) -> None:
        """Finite samples again at ``t_next_s``: bridge a short hole, or end the gap of a long one."""
        start = self._invalid_from if self._invalid_from is not None else t_next_s
        self._in_invalid = False
        if self._invalid_long:
            return  # the gap was reported and the detector restarted when the stretch began
        if t_next_s - start <= config.BEAT_BRIDGE_MAX_S + 1.0 / (self.fs_hz or 1.0):
            if self.detector is not None:
                self.detector.bridge()  # a glitch: not a gap for the detector
            return
        self._on_gap(Gap(start, t_next_s - start, "invalid_samples"), out)

    def _on_detections(self, times: np.ndarray, quality: np.ndarray, out: PipelineOutput) -> None:
        """Detected pulses: good ones go on to the corrector, poor ones make a gap.

        One poor pulse alone goes on (the corrector judges its interval); two in a
        row start a poor-signal span, which the next good pulse ends with a new
        chain. When that good pulse rebuilt the detector's template from the poor
        ones just before it (``PpgBeatDetector.vouched``: they agree with each
        other, the template learnt before them was wrong), they start the new chain;
        so does the last poor pulse when the good one came on time after it.
        """
        detections = times.tolist()
        out.detections_t_s += detections
        if self._use_device_beats():
            return
        detector = self.detector
        for t_s, q in zip(detections, quality.tolist(), strict=True):
            last = self._last_detection_t_s
            self._last_detection_t_s = t_s
            if q == q and q < config.BEAT_QUALITY_MIN:  # NaN: not known yet (template learning)
                self._poor_run.append(t_s)
                if self._poor_span:
                    self._count_poor(t_s)
                elif self._held_poor is None:  # one odd pulse (an ectopic, a missed pulse) is
                    self._held_poor = (t_s, q)  # the corrector's business; two in a row are a span
                else:
                    first_t, _ = self._held_poor
                    self._held_poor = None
                    self._poor_span = True
                    self._break_chain(Gap(first_t, None, "poor_signal"), out)
                    self._count_poor(first_t)
                    self._count_poor(t_s)
                    self._set_quality(SignalQuality.POOR, out)
                continue
            vouched = detector.vouched.pop(t_s, ()) if detector is not None else ()
            poor_run = list(self._poor_run)
            self._poor_run.clear()
            if (self._poor_span and vouched and len(poor_run) >= len(vouched)
                    and tuple(poor_run[-len(vouched):]) == vouched):
                # the poor pulses just before agree with this one (the template was wrong, not
                # they): they start the new chain, with their intervals
                self._poor_span = False
                self._break_chain(None, out)
                self._set_quality(self._base_quality(t_s), out)
                for t_v in vouched:
                    self._uncount_poor(t_v)
                    self._push(t_v, math.nan, out)
                self._push(t_s, q, out)
                continue
            if self._held_poor is not None:  # the odd pulse stayed alone: it goes on after all
                held_t, held_q = self._held_poor
                self._held_poor = None
                self._push(held_t, held_q, out)
            if self._poor_span or (last is not None and t_s - last > config.NO_BEAT_TIMEOUT_S):
                self._poor_span = False
                self._break_chain(None, out)  # this pulse starts a new chain
                self._set_quality(self._base_quality(t_s), out)
            self._push(t_s, q, out)

    def _push(self, t_s: float, q: float, out: PipelineOutput) -> None:
        if q == q:
            self._quality_of[t_s] = q
        self._accept(self.corrector.push(t_s), out)

    def _count_poor(self, t_s: float) -> None:
        self.n_poor += 1
        self._count_share(t_s, True)

    def _uncount_poor(self, t_s: float) -> None:
        """A pulse counted poor was good after all (``PpgBeatDetector.vouched``)."""
        self.n_poor -= 1
        try:
            self._share.remove((t_s, True))
        except ValueError:  # already out of the live window
            return
        self._share_bad -= 1

    def _on_device_beat(self, beat: DeviceBeat, out: PipelineOutput) -> None:
        if not self._use_device_beats():
            return
        if not math.isfinite(beat.t_s):  # no time, no beat: and no interval across it
            self.n_invalid += 1
            self._break_chain(None, out)
            return
        if not self._seen_ppg:
            self._set_quality(SignalQuality.GOOD, out)
        ibi, last = beat.ibi_ms, self._last_device_t_s
        if last is not None and beat.t_s <= last:  # no time after the last beat: no interval, no beat
            self._interval_gap(last, out)
            return
        if ibi is not None and not (math.isfinite(ibi) and ibi > 0.0):  # an RR of 0, < 0, NaN, inf
            self._interval_gap(beat.t_s, out)  # ...ends the chain; the beat's time starts the next
        elif (not self._device_chain and ibi is not None and self.protocol in WHOLE_INTERVAL_PROTOCOLS
                and is_plausible_rr(ibi) and (last is None or beat.t_s - ibi / 1000.0 > last - 1e-6)):
            # the line carries its whole interval: the beat that starts it opens the chain
            # (unless that start lies before the last beat: the chain then starts at this one)
            self._accept(self.corrector.push(beat.t_s - ibi / 1000.0), out)
        self._device_chain = True
        self._last_device_t_s = beat.t_s
        self._accept(self.corrector.push(beat.t_s, beat.ectopic), out)

    def _interval_gap(self, t_s: float, out: PipelineOutput) -> None:
        """An impossible device interval ending at ``t_s``: a gap by the interval rule, counted and listed."""
        self._break_chain(None, out)
        self.n_interval_gaps += 1
        out.interval_gaps_t_s.append(t_s)

    def _on_gap(self, gap: Gap, out: PipelineOutput) -> None:
        out.gaps.append(gap)
        self._last_device_t_s = None  # the device clock may restart after a gap
        ppg_beats = self._seen_ppg and not self._use_device_beats()
        bridge = (gap.reason == "lost_samples" and gap.duration_s is not None
                  and gap.duration_s <= config.BEAT_BRIDGE_MAX_S)
        if bridge or gap.reason in ("lost_samples", "lost_beat"):
            self._losses.append(gap.t_s)
        if bridge and self.detector is not None:
            self.n_bridged += 1
            self.detector.bridge()  # a few lost samples: not a gap for the detector
            return
        if gap.reason == "lost_beat" and ppg_beats:
            return  # a lost I line: our beats come from the wave, which goes on
        self._break_chain(None, out)
        if self.detector is not None:
            self.detector.reset()
        self._forget_detections()

    def _forget_detections(self) -> None:
        """The detector starts over (a gap, a chosen direction): what the pipeline kept of its pulses goes."""
        self._last_detection_t_s = None
        self._poor_span = False
        self._held_poor = None
        self._poor_run.clear()

    def _break_chain(self, gap: Gap | None, out: PipelineOutput) -> None:
        """End the interval chain: release held beats; the next beat has no interval."""
        if gap is not None:
            out.gaps.append(gap)
        self._accept(self.corrector.flush(), out)
        self.corrector.reset()
        self.hrv.new_chain()
        self._device_chain = False

    def _accept(self, beats: list[Beat], out: PipelineOutput) -> None:
        n_gaps = getattr(self.corrector, "n_gaps", 0)  # (offline analysis swaps in a recorder)
        if n_gaps != self._corrector_gaps:  # (the latest gap's time for each; rarely more than one)
            out.interval_gaps_t_s += [self.corrector.last_gap_t_s] * (n_gaps - self._corrector_gaps)
            self.n_interval_gaps += n_gaps - self._corrector_gaps
            self._corrector_gaps = n_gaps
        if self._quality_of and beats:
            beats = [_with_quality(b, self._quality_of.pop(b.t_s, None)) for b in beats]
            if len(self._quality_of) > 64:  # times the corrector moved or dropped
                self._quality_of = dict(list(self._quality_of.items())[-16:])
        for beat in beats:
            self.hrv.push(beat.t_s, beat.rr_ms, beat.corrected)
            self.n_beats += 1
            self.n_corrected += int(beat.corrected)
            self._count_share(beat.t_s, beat.corrected)
        out.beats += beats

    def _count_share(self, t_s: float, bad: bool) -> None:
        share = self._share
        share.append((t_s, bad))
        self._share_bad += bad
        cut = t_s - config.LIVE_RMSSD_WINDOW_S
        while share[0][0] <= cut:
            self._share_bad -= share.popleft()[1]

    def _snapshot(self) -> MetricsUpdate:
        """LiveHrv's metrics, with an artifact share that also counts the poor pulses."""
        if not self._share:
            return self.hrv.snapshot()
        return self.hrv.snapshot(artifact_share=self._share_bad / len(self._share))

    def _base_quality(self, t_s: float) -> SignalQuality:
        q = self.detector.quality if self.detector is not None else SignalQuality.NO_SIGNAL
        while self._losses and self._losses[0] < t_s - config.LINK_DAMAGED_WINDOW_S:
            self._losses.popleft()
        if q == SignalQuality.GOOD and self.link_damaged:
            return SignalQuality.LINK_DAMAGED
        return q

    def _check_quality(self, t_s: float, out: PipelineOutput) -> None:
        q = self._base_quality(t_s)
        if self._poor_span and q in (SignalQuality.GOOD, SignalQuality.LINK_DAMAGED):
            q = SignalQuality.POOR
        self._set_quality(q, out)
        unsure = self._polarity_unsure_now()
        if unsure != self.polarity_unsure:
            self.polarity_unsure = out.polarity_unsure = unsure

    def _polarity_unsure_now(self) -> bool:
        d = self.detector
        if d is None or self._use_device_beats():
            return False
        if d.polarity is None:  # learning afresh after a gap: as it was, until the detector decides again
            return self.polarity_unsure
        return d.polarity_guessed

    def _set_quality(self, quality: SignalQuality, out: PipelineOutput) -> None:
        if quality != self.quality:
            self.quality = quality
            out.quality = quality
