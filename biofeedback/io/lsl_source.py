"""Any LSL stream of type PPG, RR/IBI or ECG as a source (the same contract as SerialSource).

- **PPG**: samples become ``PpgBlock``s at the stream's nominal rate; the
  pipeline detects beats as for a serial PPG sensor.
- **RR / IBI** (intervals; ExciteOMeter calls it "RRinterval"): our own RR
  streams are stamped at the beat, so the stamps are the beat times; another
  bridge's stamps are arrival times, so beat times are rebuilt from the
  intervals (``core.protocols.ble_hrm.RrTimeline``). Values below 10 are read as seconds.
- **ECG** (e.g. a Polar H10 bridge: 130 Hz, microvolts): R peaks from the
  streaming Pan-Tompkins detector (``core.beats.ecg``) become device beats.

Non-finite values: PPG samples go on to the pipeline, which makes them gaps
(its input is the one place every source passes through); the ECG detector
skips them and a hole that restarted it is a ``Gap("invalid_samples")``; an RR
value that is NaN, inf, not positive or over FILE_RR_GAP_MS is no beat: it ends
the interval chain (``Gap("invalid_samples")``) and the next interval starts a
new one. A sample whose stamp is not finite or not after the previous one is
dropped (PPG, ECG, our RR), so event times only ever increase.

Settings are checked before use (``io/stream_checks.py``): the type, channel
count, value format and declared rate before the inlet is opened (a stream
declaring 1e9 Hz made liblsl's buffer and the PPG detector take gigabytes),
the interval channel once the full description is known, and the rate against
the first STREAM_RATE_CHECK_S of time stamps. A PPG or ECG stream declaring
0 Hz gets the rate its stamps show when they are regular; its first samples
wait for that estimate. A refused stream ends the source with one FAILED state
whose message says why (before: 0 Hz ECG killed the thread, the window stayed
on "Looking for…"; 0 Hz PPG raised in the pipeline on every chunk, 337 error
notices in 20 s). The inlet's buffer is sized by time and capped in bytes.

Times are the sender's LSL stamps plus LSL's clock correction, relative to
the first sample. A lost stream is reported as "disconnected"; the source
looks for it again (same source_id, else same name) with backoff and on
return reports the hole as a ``Gap(reason="disconnected")``.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Iterator

import numpy as np
import pylsl
from pylsl.util import LostError
from pylsl.util import TimeoutError as LslTimeoutError

from biofeedback import config
from biofeedback.core.beats.ecg import EcgRPeakDetector, beat_events, flush_events
from biofeedback.core.protocols.ble_hrm import RrTimeline
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
from biofeedback.io.stream_checks import RateCheck, declared_problem, inlet_buffer, pull_max_samples

PPG_TYPES = frozenset({"ppg", "pleth", "bvp"})
RR_TYPES = frozenset({"rr", "ibi", "rrinterval", "hrv"})
ECG_TYPES = frozenset({"ecg"})
SECONDS_LIMIT = 10.0  # RR values below this are seconds, not milliseconds
FORMAT_NAMES = {pylsl.cf_float32: "float32", pylsl.cf_double64: "double64", pylsl.cf_string: "string",
                pylsl.cf_int32: "int32", pylsl.cf_int16: "int16", pylsl.cf_int8: "int8", pylsl.cf_int64: "int64"}


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


def stream_problem(info: pylsl.StreamInfo, kind: str, used_channel: int = 0) -> str | None:
    """Why this stream's declared settings cannot be read (a sentence), or None."""
    return declared_problem(f"The LSL stream {info.name()!r}", kind, info.nominal_srate(), info.channel_count(),
                            FORMAT_NAMES.get(info.channel_format(), "undefined"), used_channel)


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
    """Samples of one stream -> events; pure apart from holding state (testable without LSL).

    Stamps are checked before the values are read (``_order``): a stamp that is not finite or
    not after the last one is dropped (counted in ``n_bad_stamps``; an RR sample without a
    usable stamp is an invalid interval). A stamp more than ``jump_s`` ahead of the last one
    (a pause in sending, or one damaged stamp) waits for the next sample: when that one comes
    back below it, it was damaged and is dropped; otherwise it is a pause, given to the
    pipeline as ``Gap("lost_samples")`` for PPG and ECG, so no detector measures its rate
    across it. Before, one stamp 10^6 s ahead made every later sample "not after the last".
    """

    def __init__(self, kind: str, fs_hz: float, rr_channel: int = 0, rr_unit: str = "",
                 stamped_at_beat: bool = False) -> None:
        self.kind, self.fs_hz = kind, fs_hz
        self.rr_channel, self.rr_unit, self.stamped_at_beat = rr_channel, rr_unit, stamped_at_beat
        self.ecg = EcgRPeakDetector(fs_hz) if kind == "ecg" else None
        self.timeline = RrTimeline()
        self.jump_s = config.FILE_RR_GAP_MS / 1000.0 if kind == "rr" else config.STREAM_BREAK_S
        self._last_rr_t_s: float | None = None  # time of the last beat given (RR streams)
        self._last_t_s = -math.inf  # stamp of the last sample taken
        self._held: tuple[np.ndarray, np.ndarray] | None = None  # a sample whose stamp jumped ahead
        self.n_bad_stamps = 0  # samples dropped: stamp not finite, not after the last, or alone far ahead
        self._ecg_fed = 0  # samples given to the ECG detector since it (re)started
        self._restarted = False  # reset() was called: the first pause is the source's own gap

    def info(self, device: str) -> DeviceInfo:
        if self.kind == "ppg":
            return DeviceInfo(protocol="lsl-ppg", fs_hz=self.fs_hz, device=device)
        return DeviceInfo(protocol="ibi" if self.kind == "rr" else "lsl-ecg", device=device)

    def reset(self) -> None:
        """After a reconnect (the source reports that gap itself)."""
        if self.ecg is not None:
            self.ecg.reset()
        self._ecg_fed = 0
        self._restarted = True
        self.timeline = RrTimeline()

    def _order(self, t_s: np.ndarray) -> tuple[np.ndarray, int | None]:
        """(samples taken: a mask, index of a sample held back for the next chunk or None)."""
        last, jump = self._last_t_s, self.jump_s
        with np.errstate(invalid="ignore"):  # inf - inf in a damaged chunk
            steps = np.diff(t_s)
        if (math.isfinite(t_s[0]) and t_s[0] > last and t_s[0] - last <= jump and np.isfinite(t_s).all()
                and np.all(steps > 0) and np.all(steps <= jump)):  # the usual chunk, vectorised
            self._last_t_s = float(t_s[-1])
            return np.ones(t_s.size, bool), None
        keep = np.zeros(t_s.size, bool)
        held: int | None = None
        for i, x in enumerate(t_s.tolist()):
            if not math.isfinite(x):
                continue
            if held is not None:
                if x > t_s[held]:  # the stream goes on after it: a pause, not a damaged stamp
                    keep[held], last = True, float(t_s[held])
                held = None  # else it came back below: the held stamp was damaged
            if x <= last:
                continue
            if x - last > jump:  # a pause or a damaged stamp: the next sample tells
                held = i
                continue
            keep[i], last = True, x
        self._last_t_s = last
        self.n_bad_stamps += int(t_s.size - np.count_nonzero(keep)) - (held is not None)
        return keep, held

    def decode(self, t_s: np.ndarray, data: np.ndarray) -> list[Event]:
        """Events of one chunk: ``t_s`` (n,) stamps, ``data`` (n, channels) values."""
        t_s = np.asarray(t_s, dtype=float).reshape(-1)
        if not t_s.size:
            return []
        data = np.asarray(data, dtype=float).reshape(t_s.size, -1)
        if not data.shape[1]:
            return []
        if self._held is not None:
            if self._held[1].shape[1] == data.shape[1]:
                t_s, data = np.concatenate([self._held[0], t_s]), np.concatenate([self._held[1], data])
            self._held = None
        before = self._last_t_s
        keep, held = self._order(t_s)
        if held is not None:
            self._held = (t_s[held:held + 1], data[held:held + 1])
            t_s, data, keep = t_s[:held], data[:held], keep[:held]
        if self.kind in ("ppg", "ecg"):
            return self._wave(t_s[keep], data[keep, 0], before)
        if self.rr_channel >= data.shape[1] or not t_s.size:
            return []
        rr = data[:, self.rr_channel].astype(float)
        with np.errstate(invalid="ignore"):
            ok = keep & np.isfinite(rr) & (rr > 0)
        if self.rr_unit == "s" or (self.rr_unit != "ms" and ok.any() and np.median(rr[ok]) < SECONDS_LIMIT):
            rr = rr * 1000.0
        ok &= rr <= config.FILE_RR_GAP_MS  # an interval over 5 s is no beat (as in files)
        if ok.all():
            return self._rr_beats(t_s, rr)
        events: list[Event] = []
        start = 0
        for i in [*np.flatnonzero(~ok).tolist(), rr.size]:
            if i > start:
                events += self._rr_beats(t_s[start:i], rr[start:i])
            if i < rr.size:  # an impossible interval: no beat, and no interval across it
                known = t_s[: i + 1][keep[: i + 1]]
                at = float(known[-1]) if known.size else (before if math.isfinite(before) else 0.0)
                events.append(Gap(at, None, "invalid_samples"))
                self.timeline = RrTimeline()  # the next interval is anchored afresh at its arrival
            start = i + 1
        return events

    def _wave(self, t_s: np.ndarray, value: np.ndarray, before: float) -> list[Event]:
        """PPG blocks or ECG beats, with a ``Gap("lost_samples")`` where the stamps pause."""
        if not t_s.size:
            return []
        edges = np.concatenate([[before], t_s])  # edges[i]: the stamp before sample i
        pauses = set(np.flatnonzero(np.diff(edges) > self.jump_s).tolist()) - (
            set() if math.isfinite(before) else {0})
        bounds = [*sorted({0, *pauses}), t_s.size]
        events: list[Event] = []
        for a, b in zip(bounds[:-1], bounds[1:], strict=True):
            if a in pauses and not (a == 0 and self._restarted):
                if self.ecg is not None and self._ecg_fed:  # (flush of an empty detector raises)
                    events += flush_events(self.ecg)
                if self.ecg is not None:
                    self.ecg.reset()
                    self._ecg_fed = 0
                events.append(Gap(float(edges[a]), float(t_s[a] - edges[a]), "lost_samples"))
            if self.kind == "ppg":
                events.append(PpgBlock(t_s[a:b], value[a:b], self.fs_hz))
            else:
                assert self.ecg is not None
                events += beat_events(self.ecg, t_s[a:b], value[a:b])  # as ECG files are read
                self._ecg_fed += b - a
        self._restarted = False
        return events

    def _rr_beats(self, t_s: np.ndarray, rr_ms: np.ndarray) -> list[Event]:
        last = self._last_rr_t_s
        if self.stamped_at_beat:  # beat times are the stamps: they must increase
            out: list[Event] = []
            for t, r in zip(t_s.tolist(), rr_ms.tolist(), strict=True):
                if last is None or t > last:
                    out.append(DeviceBeat(t, r))
                    last = t
            self._last_rr_t_s = last
            return out
        times, anchored = self.timeline.push(rr_ms.tolist(), float(t_s[-1]))
        # a re-anchored timeline (intervals lost, or a stamp far off) may put a bunch's first
        # beats before the last beat given: they cannot be placed, and beat times must increase;
        # and the first beat placed has no known interval to the last one: the chain ends there
        beats: list[Event] = [DeviceBeat(t, float(r)) for t, r in zip(times, rr_ms, strict=True)
                              if last is None or t > last]
        if anchored and last is not None and beats:
            beats.insert(0, Gap(last, None, "lost_beat"))
        if times:
            self._last_rr_t_s = max(times[-1], last if last is not None else -np.inf)
        return beats


class LslSource:
    """An LSL inlet as a Source. ``selector``: a stream name or source_id, or 'type:ECG'."""

    def __init__(self, selector: str) -> None:
        self.selector = selector
        self.description = f"LSL stream {selector}"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._t0: float | None = None
        self._last_t_s: float | None = None
        self._rate: RateCheck | None = None  # the first seconds of stamps check the declared rate
        self._decoder: StreamDecoder | None = None  # None until the rate is known (0 Hz PPG/ECG)
        self._held: list[tuple[np.ndarray, np.ndarray]] = []  # samples waiting for that rate

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
        info = None
        backoff: Iterator[float] = iter(())
        while not self._stop.is_set():
            found = self._resolve(predicate)
            if found is None:
                if self._decoder is None and info is None:
                    on_state(SourceState(CONNECTING, f"No LSL stream {self.selector} yet; still looking…", "lsl"))
                self._stop.wait(next(backoff, config.RECONNECT_BACKOFF_S[-1]))
                continue
            kind = stream_kind(found.type(), found.name())
            if kind is None:
                on_state(SourceState(FAILED, f"The LSL stream {found.name()} is of type {found.type()!r}; "
                                             "pick a PPG, RR/IBI or ECG stream.", "lsl"))
                return
            problem = stream_problem(found, kind)  # before any inlet: liblsl sizes its buffer by the rate
            if problem is not None:
                on_state(SourceState(FAILED, problem, "lsl"))
                return
            buflen, _ = inlet_buffer(found.channel_count(), FORMAT_NAMES[found.channel_format()],
                                     found.nominal_srate())
            inlet = pylsl.StreamInlet(found, max_buflen=buflen, recover=False)
            try:
                info = inlet.info(timeout=2.0)
                inlet.open_stream(timeout=2.0)  # subscribed before "connected": no sample is missed
            except (LslTimeoutError, LostError):
                continue
            channel, unit = _rr_channel(info) if kind == "rr" else (0, "")
            problem = stream_problem(info, kind, channel)  # the full description names the channel
            if problem is not None:
                inlet.close_stream()
                on_state(SourceState(FAILED, problem, "lsl"))
                return
            if self._rate is None:
                self._rate = RateCheck(f"The LSL stream {info.name()!r}", kind, info.nominal_srate())
            if self._decoder is None and self._rate.rate_hz is not None:
                self._start_decoder(kind, self._rate.rate_hz, info, channel, unit, on_events)
            predicate = f"source_id='{info.source_id()}'" if info.source_id() else f"name='{info.name()}'"
            self.description = f"LSL {kind.upper()} stream {info.name()} ({info.hostname()})"
            on_state(SourceState(CONNECTED, f"Connected to {self.description}", "lsl"))
            backoff = iter(config.RECONNECT_BACKOFF_S)
            resumed = self._last_t_s is not None
            problem = self._pump(inlet, info, kind, (channel, unit), on_events, on_state, resumed)
            inlet.close_stream()
            if problem is not None:
                on_state(SourceState(FAILED, problem, "lsl"))
                return
            if self._stop.is_set():
                break
            on_state(SourceState(DISCONNECTED, f"Lost the LSL stream {info.name()}; looking for it again…", "lsl"))
            if self._decoder is not None:
                self._decoder.reset()
            self._stop.wait(next(backoff, config.RECONNECT_BACKOFF_S[-1]))
            on_state(SourceState(RECONNECTING, f"Looking for {info.name()} again…", "lsl"))
        on_state(SourceState(STOPPED, "Stopped"))

    def _start_decoder(self, kind: str, rate_hz: float, info: pylsl.StreamInfo, channel: int, unit: str,
                       on_events: EventSink) -> StreamDecoder:
        ours = info.desc().child_value("manufacturer") == MANUFACTURER
        decoder = self._decoder = StreamDecoder(kind, rate_hz, channel, unit, stamped_at_beat=ours)
        on_events([decoder.info(info.name())])
        return decoder

    def _pump(self, inlet: pylsl.StreamInlet, info: pylsl.StreamInfo, kind: str, rr: tuple[int, str],
              on_events: EventSink, on_state: StateSink, resumed: bool) -> str | None:
        """Pull until stopped or lost (None), or until the stream is refused (the reason)."""
        assert self._rate is not None
        correction = 0.0
        max_samples = pull_max_samples(info.channel_count())
        while not self._stop.is_set():
            try:
                data, stamps = inlet.pull_chunk(timeout=config.LSL_SOURCE_POLL_S, max_samples=max_samples,
                                                as_numpy=True)
                if len(stamps):
                    try:
                        correction = inlet.time_correction(timeout=0.0)
                    except LslTimeoutError:
                        pass
            except LostError:
                return None
            if not len(stamps):
                continue
            stamps = np.asarray(stamps, dtype=float)
            if self._t0 is None:
                finite = stamps[np.isfinite(stamps)]
                if not finite.size:
                    continue
                self._t0 = float(finite[0]) + correction
            t_s = stamps + correction - self._t0
            values = np.asarray(data, dtype=float).reshape(t_s.size, -1)
            if not self._rate.done:
                self._rate.feed(t_s)
                if self._rate.problem is not None:
                    self._held = []
                    return self._rate.problem
            decoder = self._decoder
            if decoder is None:  # a 0 Hz PPG/ECG stream: its samples wait for the rate its stamps show
                self._held.append((t_s, values[:, :1]))
                if self._rate.rate_hz is None:
                    continue
                decoder = self._start_decoder(kind, self._rate.rate_hz, info, *rr, on_events)
                on_state(SourceState(CONNECTED, f"Connected to {self.description}; it declares no sample "
                                                f"rate, so its time stamps' {self._rate.rate_hz:.4g} Hz is used",
                                     "lsl"))
                t_s = np.concatenate([t for t, _ in self._held])
                values = np.concatenate([v for _, v in self._held])
                self._held = []
            events = decoder.decode(t_s, values)
            finite = t_s[np.isfinite(t_s)]
            if not finite.size:
                continue
            if resumed:
                last = self._last_t_s or 0.0
                events = [Gap(t_s=last, duration_s=float(finite[0]) - last, reason="disconnected"), *events]
                resumed = False
            self._last_t_s = float(finite[-1])
            if events:
                on_events(events)
        return None
