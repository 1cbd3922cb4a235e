"""Any LSL stream of type PPG, RR/IBI or ECG as a source (the same contract as SerialSource).

- **PPG**: samples become ``PpgBlock``s at the stream's nominal rate; the
  pipeline detects beats as for a serial PPG sensor.
- **RR / IBI** (intervals; ExciteOMeter calls it "RRinterval"): our own RR
  streams are stamped at the beat, so the stamps are the beat times; another
  bridge's stamps are arrival times, so beat times are rebuilt from the
  intervals (``core.ble_hrm.RrTimeline``). Values below 10 are read as seconds.
- **ECG** (e.g. a Polar H10 bridge: 130 Hz, microvolts): R peaks from the
  streaming Pan-Tompkins detector (``core.ecg``) become device beats.

Non-finite values: PPG samples go on to the pipeline, which makes them gaps
(its input is the one place every source passes through); the ECG detector
skips them and a hole that restarted it is a ``Gap("invalid_samples")``; an RR
value that is NaN, inf or not positive is no beat: it ends the interval chain
(``Gap("invalid_samples")``) and the next interval starts a new one.

Times are the sender's LSL stamps plus LSL's clock correction, relative to
the first sample. A lost stream is reported as "disconnected"; the source
looks for it again (same source_id, else same name) with backoff and on
return reports the hole as a ``Gap(reason="disconnected")``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import numpy as np
import pylsl
from pylsl.util import LostError
from pylsl.util import TimeoutError as LslTimeoutError

from biofeedback import config
from biofeedback.core.ble_hrm import RrTimeline
from biofeedback.core.ecg import EcgRPeakDetector, beat_events
from biofeedback.core.types import DeviceBeat, DeviceInfo, Event, Gap, PpgBlock
from biofeedback.io.lsl_outlets import MANUFACTURER
from biofeedback.io.source import (
    CONNECTED,
    CONNECTING,
    DISCONNECTED,
    FAILED,
    RECONNECTING,
    STOPPED,
    EventSink,
    SourceState,
    StateSink,
)

PPG_TYPES = frozenset({"ppg", "pleth", "bvp"})
RR_TYPES = frozenset({"rr", "ibi", "rrinterval", "hrv"})
ECG_TYPES = frozenset({"ecg"})
SECONDS_LIMIT = 10.0  # RR values below this are seconds, not milliseconds


def stream_kind(stream_type: str, name: str = "") -> str | None:
    """'ppg' | 'rr' | 'ecg' for a stream we can use, else None."""
    t = stream_type.strip().lower()
    if t in PPG_TYPES:
        return "ppg"
    if t in RR_TYPES or name.lower().endswith("rrinterval"):
        return "rr"
    if t in ECG_TYPES:
        return "ecg"
    return None


def list_lsl_streams(wait_s: float = config.LSL_RESOLVE_WAIT_S) -> list[pylsl.StreamInfo]:
    """Usable streams on the network now (for the source picker)."""
    return [s for s in pylsl.resolve_streams(wait_s) if stream_kind(s.type(), s.name())]


def _predicate(selector: str) -> str:
    s = selector.replace("'", "")
    if s.startswith("type:"):
        return f"type='{s[5:]}'"
    return f"name='{s}' or source_id='{s}'"


def _rr_channel(info: pylsl.StreamInfo) -> tuple[int, str]:
    """Index and unit of the interval channel (labelled rr*/ibi*, else the first)."""
    ch, i = info.desc().child("channels").child("channel"), 0
    while not ch.empty():
        label = ch.child_value("label").lower()
        if label.startswith(("rr", "ibi")):
            return i, ch.child_value("unit").lower()
        ch, i = ch.next_sibling("channel"), i + 1
    return 0, ""


class StreamDecoder:
    """Samples of one stream -> events; pure apart from holding state (testable without LSL)."""

    def __init__(self, kind: str, fs_hz: float, rr_channel: int = 0, rr_unit: str = "",
                 stamped_at_beat: bool = False) -> None:
        self.kind, self.fs_hz = kind, fs_hz
        self.rr_channel, self.rr_unit, self.stamped_at_beat = rr_channel, rr_unit, stamped_at_beat
        self.ecg = EcgRPeakDetector(fs_hz) if kind == "ecg" else None
        self.timeline = RrTimeline()
        self._last_rr_t_s: float | None = None  # time of the last beat given (RR streams)

    def info(self, device: str) -> DeviceInfo:
        if self.kind == "ppg":
            return DeviceInfo(protocol="lsl-ppg", fs_hz=self.fs_hz, device=device)
        return DeviceInfo(protocol="ibi" if self.kind == "rr" else "lsl-ecg", device=device)

    def reset(self) -> None:
        if self.ecg is not None:
            self.ecg.reset()
        self.timeline = RrTimeline()

    def decode(self, t_s: np.ndarray, data: np.ndarray) -> list[Event]:
        if not t_s.size:
            return []
        if self.kind == "ppg":
            return [PpgBlock(t_s, data[:, 0].astype(float), self.fs_hz)]
        if self.kind == "ecg":
            return self._decode_ecg(t_s, data[:, 0])
        rr = data[:, self.rr_channel].astype(float)
        ok = np.isfinite(rr) & (rr > 0) & np.isfinite(t_s)
        if self.rr_unit == "s" or (self.rr_unit != "ms" and ok.any() and np.median(rr[ok]) < SECONDS_LIMIT):
            rr = rr * 1000.0
        if ok.all():
            return self._rr_beats(t_s, rr)
        events: list[Event] = []
        start = 0
        for i in [*np.flatnonzero(~ok).tolist(), rr.size]:
            if i > start:
                events += self._rr_beats(t_s[start:i], rr[start:i])
            if i < rr.size:  # an impossible interval: no beat, and no interval across it
                known = t_s[: i + 1][np.isfinite(t_s[: i + 1])]
                events.append(Gap(float(known[-1]) if known.size else 0.0, None, "invalid_samples"))
                self.timeline = RrTimeline()  # the next interval is anchored afresh at its arrival
            start = i + 1
        return events

    def _rr_beats(self, t_s: np.ndarray, rr_ms: np.ndarray) -> list[Event]:
        if self.stamped_at_beat:
            return [DeviceBeat(float(t), float(r)) for t, r in zip(t_s, rr_ms, strict=True)]
        times, _ = self.timeline.push(rr_ms.tolist(), float(t_s[-1]))
        last = self._last_rr_t_s
        # a re-anchored timeline (intervals lost) may put a bunch's first beats before the
        # last beat given: they cannot be placed, and beat times must increase
        beats: list[Event] = [DeviceBeat(t, float(r)) for t, r in zip(times, rr_ms, strict=True)
                              if last is None or t > last]
        if times:
            self._last_rr_t_s = max(times[-1], last if last is not None else -np.inf)
        return beats

    def _decode_ecg(self, t_s: np.ndarray, ecg: np.ndarray) -> list[Event]:
        assert self.ecg is not None
        return [*beat_events(self.ecg, t_s, ecg)]  # the same function turns ECG files into beats


class LslSource:
    """An LSL inlet as a Source. ``selector``: a stream name or source_id, or 'type:ECG'."""

    def __init__(self, selector: str) -> None:
        self.selector = selector
        self.description = f"LSL stream {selector}"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._t0: float | None = None
        self._last_t_s: float | None = None

    def start(self, on_events: EventSink, on_state: StateSink) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, args=(on_events, on_state), daemon=True,
                                        name=f"lsl {self.selector}")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=3.0)

    def _resolve(self, predicate: str) -> pylsl.StreamInfo | None:
        found = pylsl.resolve_bypred(predicate, 1, config.LSL_RESOLVE_WAIT_S)
        return found[0] if found else None

    def _run(self, on_events: EventSink, on_state: StateSink) -> None:
        on_state(SourceState(CONNECTING, f"Looking for the LSL stream {self.selector}…", "lsl"))
        predicate = _predicate(self.selector)
        info, decoder = None, None
        backoff: Iterator[float] = iter(())
        while not self._stop.is_set():
            found = self._resolve(predicate)
            if found is None:
                if decoder is None and info is None:
                    on_state(SourceState(CONNECTING, f"No LSL stream {self.selector} yet; still looking…", "lsl"))
                self._stop.wait(next(backoff, config.RECONNECT_BACKOFF_S[-1]))
                continue
            inlet = pylsl.StreamInlet(found, max_buflen=30, recover=False)
            try:
                info = inlet.info(timeout=2.0)
                inlet.open_stream(timeout=2.0)  # subscribed before "connected": no sample is missed
            except (LslTimeoutError, LostError):
                continue
            kind = stream_kind(info.type(), info.name())
            if kind is None:
                on_state(SourceState(FAILED, f"The LSL stream {info.name()} is of type {info.type()!r}; "
                                             "pick a PPG, RR/IBI or ECG stream.", "lsl"))
                return
            if decoder is None:
                channel, unit = _rr_channel(info) if kind == "rr" else (0, "")
                ours = info.desc().child_value("manufacturer") == MANUFACTURER
                decoder = StreamDecoder(kind, info.nominal_srate(), channel, unit, stamped_at_beat=ours)
                on_events([decoder.info(info.name())])
            predicate = f"source_id='{info.source_id()}'" if info.source_id() else f"name='{info.name()}'"
            self.description = f"LSL {kind.upper()} stream {info.name()} ({info.hostname()})"
            on_state(SourceState(CONNECTED, f"Connected to {self.description}", "lsl"))
            backoff = iter(config.RECONNECT_BACKOFF_S)
            resumed = self._last_t_s is not None
            self._pump(inlet, decoder, on_events, resumed)
            inlet.close_stream()
            if self._stop.is_set():
                break
            on_state(SourceState(DISCONNECTED, f"Lost the LSL stream {info.name()}; looking for it again…", "lsl"))
            decoder.reset()
            self._stop.wait(next(backoff, config.RECONNECT_BACKOFF_S[-1]))
            on_state(SourceState(RECONNECTING, f"Looking for {info.name()} again…", "lsl"))
        on_state(SourceState(STOPPED, "Stopped"))

    def _pump(self, inlet: pylsl.StreamInlet, decoder: StreamDecoder, on_events: EventSink,
              resumed: bool) -> None:
        correction = 0.0
        while not self._stop.is_set():
            try:
                data, stamps = inlet.pull_chunk(timeout=config.LSL_SOURCE_POLL_S)
                if data:
                    try:
                        correction = inlet.time_correction(timeout=0.0)
                    except LslTimeoutError:
                        pass
            except LostError:
                return
            if not stamps:
                continue
            if self._t0 is None:
                self._t0 = stamps[0] + correction
            t_s = np.asarray(stamps) + correction - self._t0
            events = decoder.decode(t_s, np.asarray(data, dtype=float).reshape(len(stamps), -1))
            if resumed:
                last = self._last_t_s or 0.0
                events = [Gap(t_s=last, duration_s=float(t_s[0]) - last, reason="disconnected"), *events]
                resumed = False
            self._last_t_s = float(t_s[-1])
            if events:
                on_events(events)
