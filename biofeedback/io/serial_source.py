"""Read a sensor over serial: pyserial in a reader thread, auto-detect, reconnect.

Accepts any pyserial port name or URL (``/dev/ttyUSB0``, ``COM3``, ``loop://``,
``socket://host:port``, ``spy://…``, ``rfc2217://…``). Beat timing comes from
the device's clock inside the decoded events, never from when bytes arrive.
After an unplug or read error the source reports "disconnected", retries with
backoff, and on success re-bases the new events after the gap, which it
reports as a ``Gap(reason="disconnected")``. A device timed only by counting its
samples (``counted_clock`` decoders: CMS50, PulseSensor, MAX3010x) that falls silent without a
disconnect is a stall: its count does not know the time that passed, so the host
silence its next bytes do not cover is a ``Gap("lost_samples")`` and later events
move on by it (config.SERIAL_STALL_S). After a reconnect the events are
held until the device names itself (``DeviceInfo.device``; at most
``RECONNECT_IDENTITY_WAIT_S``): a different device behind the same port name
(another simulator that reused a dead one's pty) is refused, not mixed in.

Every wait and deadline (the reconnect backoff, the identity wait, auto-detect's
listening, the keep-alive, the gap's length on the host) is read from a host
clock, ``time.monotonic`` unless one is given (``io/clock``): on a
``ManualClock`` a test unplugs and reconnects in virtual time, whatever the
machine's load.

The source counts the bytes a port sent and the lines or packets its decoder
parsed. Bytes that never parse (a protocol forced by hand that the device does
not speak) are said in words, with what the bytes look like
(``core/protocols/autodetect``): as a state message once
config.SERIAL_UNPARSED_WARN_BYTES arrived, and by ``unparsed_report`` at the end.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator, Sequence

import serial

from biofeedback import config
from biofeedback.core.protocols import PROTOCOLS, detect_protocol, make_decoder
from biofeedback.core.protocols.autodetect import DetectResult, excerpt, wants_more_time
from biofeedback.core.protocols.registry import Decoder
from biofeedback.core.timebase import event_time_s, first_time_s, shift_event
from biofeedback.core.types import DeviceInfo, Event, Gap
from biofeedback.io.clock import Clock, sleep_until
from biofeedback.io.port_errors import PortError, explain_open_error
from biofeedback.io.ports import PortInfo, list_serial_ports
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

READ_TIMEOUT_S = 0.02
BACKLOG_READS = 4  # after a stall, reads that may still bring a late reader's backlog
DETECT_LISTEN_S = 2.0  # how long auto-detect listens at each setting (fast devices)
DETECT_SLOW_STEP_S = 0.5  # a slow line device is re-checked this often while auto-detect waits

def list_ports() -> list[PortInfo]:
    return list_serial_ports()


# What the connection line says while it opens, loses and retries a port (ui/notice_words.py translates these).
OPENING = "Opening {port}…"
LOST = "Lost {port}: is the cable plugged in? Retrying…"
TRYING_AGAIN = "Trying {port} again…"
NOT_RECOGNISED = ("Could not recognise the device on {port}. Tried {tried} (listened {total_s} s in all). "
                  "Received {what}. Check the baud rate and the sketch, or pick the protocol by hand.")
NOTHING_RECEIVED = "nothing at all"  # NOT_RECOGNISED's {what} when the device sent no byte
UNREADABLE = "{count} from {port} could not be read as {protocol} and {were} skipped"
OTHER_DEVICE = ("A different device ({other}) answered on {port}, not {device}; its data is not used. "
                "Waiting for {device}…")


def amount(n_bytes: int) -> str:
    """A byte count in words: "612 bytes", "20.9 KB" (1 KB = 1000 bytes), "3.1 MB"."""
    if n_bytes < 1000:
        return f"{n_bytes} byte{'s' if n_bytes != 1 else ''}"
    if n_bytes < 1_000_000:
        return f"{n_bytes / 1000:.1f} KB"
    return f"{n_bytes / 1e6:.1f} MB"


def describe_unparsed(n_bytes: int, sample: bytes, protocol: str, baud: int, port: str,
                      switch: str = "the protocol auto") -> str:
    """A sentence for bytes that arrived but none of which parsed as ``protocol``.

    ``sample`` (the first bytes) is shown to auto-detection to say what the
    device does speak; ``switch`` is how the user asks for auto-detection.
    """
    guess: DetectResult = detect_protocol(sample, baud=baud, window_s=config.AUTODETECT_SLOW_WAIT_S)
    head = f"{amount(n_bytes)} arrived on {port} but none of it parsed as {protocol} at {baud} baud"
    if guess.protocol is not None and guess.protocol != protocol:
        return f"{head}; the data looks like {guess.protocol} ({guess.reason}) — try {switch}"
    if guess.protocol == protocol:
        return f"{head}, although it looks like {protocol} ({guess.reason}); received {excerpt(sample)}"
    return (f"{head}, and it looks like no protocol we know at this baud rate (received {excerpt(sample)}): "
            f"check the baud rate, or try {switch}")


def open_port(port: str, baud: int, parity: str = "N", bytesize: int = 8,
              stopbits: int = 1) -> serial.SerialBase:
    """Open a port name or URL; raise PortError with a readable message."""
    kwargs = dict(baudrate=baud, parity=parity, bytesize=bytesize, stopbits=stopbits,
                  timeout=READ_TIMEOUT_S, write_timeout=1.0)
    try:
        if "://" in port:
            return serial.serial_for_url(port, **kwargs)
        return serial.Serial(port, exclusive=True, **kwargs)
    except (serial.SerialException, OSError, ValueError) as error:
        raise PortError(explain_open_error(port, error)) from error


class SerialSource:
    """A serial sensor as a Source (see io/source.py)."""

    def __init__(self, port: str, baud: int | None = None, protocol: str = "auto",
                 auto_hint: str = "the protocol auto", clock: Clock = time.monotonic) -> None:
        """``auto_hint``: how the user asks for auto-detection, in the sentence for bytes that do not parse;
        ``clock``: the host clock every wait is measured on (the module notes)."""
        if protocol != "auto" and protocol not in PROTOCOLS:
            raise PortError(f"unknown protocol {protocol!r}; choose one of: auto, {', '.join(PROTOCOLS)}")
        self.port = port
        self.baud = baud
        self.protocol = protocol
        self.description = f"serial {port}"
        self._clock = clock
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._on_events: EventSink | None = None
        self._on_state: StateSink | None = None
        self._offset_s = 0.0
        self._last_t_s: float | None = None
        self._gap_started: float | None = None  # host clock time of the disconnect
        self._heard_again_at: float | None = None  # host clock time of the first bytes after a reconnect
        self._device: str = ""  # what the device called itself (DeviceInfo.device), once it did
        self._held: list[Event] | None = None  # events after a reconnect, until the device is known
        self._held_until = 0.0
        self._foreign: str | None = None  # the other device that answered after a reconnect
        # what arrived, for a sentence when none of it parses (reader thread writes, others read)
        self.bytes_received = 0
        self._sample = b""  # the first SERIAL_SAMPLE_BYTES bytes received
        self._parsed_before = 0  # lines or packets parsed by decoders of earlier connections
        self._bad_before = 0  # lines or packets that did not parse, by decoders of earlier connections
        self._decoder: Decoder | None = None
        self._warned_unparsed = False
        self._auto_hint = auto_hint

    # -- Source API --------------------------------------------------------------
    def start(self, on_events: EventSink, on_state: StateSink) -> None:
        self._on_events, self._on_state = on_events, on_state
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name=f"serial {self.port}", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=2.0)

    # -- reader thread -------------------------------------------------------------
    def _state(self, state: str, message: str = "") -> None:
        if self._on_state is not None:
            self._on_state(SourceState(state, message, None if self.protocol == "auto" else self.protocol))

    def _run(self) -> None:
        self._state(CONNECTING, OPENING.format(port=self.port))
        try:
            ser, decoder, first = self._connect()
        except PortError as error:
            self._state(FAILED, str(error))
            return
        backoff: Iterator[float] = iter(())
        while not self._stop.is_set():
            self._state(CONNECTED, f"Connected to {self.port} ({self.protocol})")
            self._use_decoder(decoder)
            self._count(first)
            self._emit(decoder.feed(first))
            self._pump(ser, decoder)
            try:
                ser.close()
            except (serial.SerialException, OSError):
                pass
            if self._stop.is_set():
                break
            # lost the device: retry with backoff until it is back or we are stopped
            if self._gap_started is None:
                self._gap_started = self._clock()
            self._heard_again_at = None  # (bytes heard between two disconnects did not end the gap)
            if self._foreign is not None:
                self._state(DISCONNECTED, OTHER_DEVICE.format(other=self._foreign, port=self.port,
                                                              device=self._device))
                self._foreign = None
            else:
                self._state(DISCONNECTED, LOST.format(port=self.port))
            backoff = iter(config.RECONNECT_BACKOFF_S)
            while not self._stop.is_set():
                delay = next(backoff, config.RECONNECT_BACKOFF_S[-1])
                if not sleep_until(self._clock, self._clock() + delay, self._stop):
                    break
                self._state(RECONNECTING, TRYING_AGAIN.format(port=self.port))
                try:
                    ser = self._open_for(self.protocol)
                    decoder = make_decoder(self.protocol)
                    self._use_decoder(decoder)
                    first = b""
                    self._held, self._held_until = [], self._clock() + config.RECONNECT_IDENTITY_WAIT_S
                    break
                except PortError:
                    continue
        self._state(STOPPED, "Stopped")

    def _open_for(self, protocol: str) -> serial.SerialBase:
        spec = PROTOCOLS[protocol]
        ser = open_port(self.port, self.baud or spec.baud, spec.parity, spec.bytesize, spec.stopbits)
        if spec.start_bytes:
            ser.write(spec.start_bytes)
        return ser

    def _connect(self) -> tuple[serial.SerialBase, Decoder, bytes]:
        """Open the port, deciding the protocol first when asked for auto."""
        if self.protocol != "auto":
            return self._open_for(self.protocol), make_decoder(self.protocol), b""
        tried: list[str] = []
        received = b""
        connect_started = self._clock()
        for baud, parity, probe in self._detect_plan():
            ser = open_port(self.port, baud, parity)
            if probe:
                ser.write(probe)
            started = self._clock()
            data = self._listen(ser, DETECT_LISTEN_S)
            result = detect_protocol(data, baud=baud)
            # one line per beat: keep listening (up to AUTODETECT_SLOW_WAIT_S) while the bytes
            # are clean text with too few lines to decide
            while (result.protocol is None and wants_more_time(data) and not self._stop.is_set()
                   and self._clock() - started < config.AUTODETECT_SLOW_WAIT_S):
                step = min(DETECT_SLOW_STEP_S, config.AUTODETECT_SLOW_WAIT_S - (self._clock() - started))
                data += self._listen(ser, max(step, 0.0))
                result = detect_protocol(data, baud=baud, window_s=self._clock() - started)
            listened = self._clock() - started
            tried.append(f"{baud} baud{' with the CMS50 start command' if probe else ''} "
                         f"for {listened:.1f} s")
            received = received or data
            if result.protocol is not None:
                self.protocol = result.protocol
                self.baud = baud
                self.description = f"{self.port} ({result.protocol})"
                return ser, make_decoder(result.protocol), data
            ser.close()
            if self._stop.is_set():
                break
        what = excerpt(received) if received else NOTHING_RECEIVED
        total_s = self._clock() - connect_started
        raise PortError(NOT_RECOGNISED.format(port=self.port, tried="; ".join(tried), total_s=f"{total_s:.1f}",
                                              what=what))

    def _detect_plan(self) -> list[tuple[int, str, bytes]]:
        if self.baud:
            return [(self.baud, "N", b""), (self.baud, "N", PROTOCOLS["cms50d-v7"].start_bytes)]
        return [
            (115200, "N", b""),
            (115200, "N", PROTOCOLS["cms50d-v7"].start_bytes),
            (19200, "O", b""),
            (250000, "N", b""),
        ]

    def _listen(self, ser: serial.SerialBase, seconds: float) -> bytes:
        """What the port sends in ``seconds`` of the host clock.

        A read that found nothing waits a read period on the clock before the next: on a test's
        ``ManualClock`` the listening then moves only with the clock (a slow device's lines
        land in the same window on any machine); in real time it is one more 20 ms of waiting.
        """
        chunks = []
        deadline = self._clock() + seconds
        while self._clock() < deadline and not self._stop.is_set():
            try:
                chunk = ser.read(4096)
            except (serial.SerialException, OSError):
                break
            chunks.append(chunk)
            if not chunk:
                sleep_until(self._clock, min(deadline, self._clock() + READ_TIMEOUT_S), self._stop)
        return b"".join(chunks)

    def _pump(self, ser: serial.SerialBase, decoder: Decoder) -> None:
        spec = PROTOCOLS[self.protocol]
        keepalive_period_s = spec.keepalive_period_s or 0.0
        next_keepalive = self._clock() + keepalive_period_s
        counted = getattr(decoder, "counted_clock", False)
        timed_at = self._clock()  # host clock time of the last bytes that gave timed events
        while not self._stop.is_set():
            try:
                data = ser.read(max(1, min(ser.in_waiting, 65536)))
                silent_s = self._clock() - timed_at if data else 0.0
                if counted and silent_s > config.SERIAL_STALL_S:
                    # a reader that was itself late finds a backlog: all of it is judged together (it
                    # may still be reaching the port in pieces: a few more reads, each waiting at most
                    # READ_TIMEOUT_S, until one finds nothing; a device streaming on stops it too)
                    for _ in range(BACKLOG_READS):
                        more = ser.read(max(1, min(ser.in_waiting, 65536)))
                        if not more:
                            break
                        data += more
                if spec.keepalive_bytes and self._clock() >= next_keepalive:
                    ser.write(spec.keepalive_bytes)
                    next_keepalive = self._clock() + keepalive_period_s
            except (serial.SerialException, OSError, TypeError, AttributeError):
                return  # unplugged or read error: the caller reconnects
            if data:
                if self._gap_started is not None and self._heard_again_at is None:
                    self._heard_again_at = self._clock()  # (before the count others may wait on)
                self._count(data)
            if data or self._held is not None:
                events = decoder.feed(data) if data else []
                if any(event_time_s(e) is not None for e in events):
                    timed_at = self._clock()
                if not self._emit(events, silent_s if counted else 0.0):
                    return  # a different device: drop it and wait for ours
            if data and not self._warned_unparsed and self.bytes_received >= config.SERIAL_UNPARSED_WARN_BYTES:
                report = self.unparsed_report()
                if report is not None:
                    self._warned_unparsed = True
                    self._state(CONNECTED, report)

    # -- what arrived ------------------------------------------------------------------
    def _use_decoder(self, decoder: Decoder) -> None:
        if self._decoder is not None and self._decoder is not decoder:
            self._parsed_before += self._decoder.stats.lines_ok
            self._bad_before += self._decoder.stats.lines_bad
        self._decoder = decoder

    def _count(self, data: bytes) -> None:
        self.bytes_received += len(data)
        if len(self._sample) < config.SERIAL_SAMPLE_BYTES:
            self._sample += data[:config.SERIAL_SAMPLE_BYTES - len(self._sample)]

    @property
    def units_parsed(self) -> int:
        """Lines (text protocols) or packets (CMS50) decoded so far, over every connection."""
        return self._parsed_before + (self._decoder.stats.lines_ok if self._decoder is not None else 0)

    @property
    def units_unreadable(self) -> int:
        """Lines (text protocols) or packets (CMS50) that could not be decoded, over every connection."""
        return self._bad_before + (self._decoder.stats.lines_bad if self._decoder is not None else 0)

    def unreadable_report(self) -> str | None:
        """A sentence when some lines or packets could not be read among ones that could; None otherwise
        (none at all: ``unparsed_report``)."""
        n = self.units_unreadable
        if n == 0 or self.units_parsed == 0:
            return None
        unit = "packet" if getattr(self._decoder, "packet_bytes", 0) else "line"
        return UNREADABLE.format(count=f"{n} {unit}{'s' if n != 1 else ''}", port=self.port,
                                 protocol=self.protocol, were="were" if n != 1 else "was")

    def unparsed_report(self) -> str | None:
        """A sentence when bytes arrived but not one line or packet parsed; None otherwise.

        Safe to call from any thread once the source has stopped (and, as an
        estimate, while it runs).
        """
        if self.bytes_received == 0 or self.units_parsed > 0 or self.protocol not in PROTOCOLS:
            return None
        baud = self.baud or PROTOCOLS[self.protocol].baud
        return describe_unparsed(self.bytes_received, self._sample, self.protocol, baud, self.port, self._auto_hint)

    def _same_device(self, events: Sequence[Event]) -> list[Event] | None:
        """Events to pass on now ([] while holding after a reconnect); None for a different device."""
        info = next((e for e in events if isinstance(e, DeviceInfo) and e.device), None)
        if self._held is None:
            if info is not None and not self._device:
                self._device = info.device
            return list(events)
        self._held += events
        info = next((e for e in self._held if isinstance(e, DeviceInfo) and e.device), None)
        if info is None and self._clock() < self._held_until:
            return []
        held, self._held = self._held, None
        if info is not None and self._device and info.device != self._device:
            self._foreign = info.device
            return None
        return held

    def _emit(self, events: Sequence[Event], silent_s: float = 0.0) -> bool:
        """Pass events on, on one record clock; ``silent_s``: host time since a counted clock's last timed events."""
        checked = self._same_device(events)
        if checked is None:
            return False
        events = checked
        if not events or self._on_events is None:
            return True
        if self._gap_started is not None:
            heard_at = self._heard_again_at if self._heard_again_at is not None else self._clock()
            events = self._rebase_after_gap(events, heard_at - self._gap_started)
        else:
            stall = self._stall_gap(events, silent_s)
            if self._offset_s:
                events = [shift_event(e, self._offset_s) for e in events]
            if stall is not None:
                events = [stall, *events]
        for e in reversed(events):
            t = event_time_s(e)
            if t is not None:
                self._last_t_s = t
                break
        self._on_events(events)
        return True

    def _stall_gap(self, events: Sequence[Event], silent_s: float) -> Gap | None:
        """The gap a counted clock missed while the device sent nothing, or None; moves later events on by it.

        ``silent_s`` of host time passed since the previous timed events; the new events cover part
        of it on the device's count (all of it when the reader was late and finds a backlog). Only
        the rest, when longer than a device ever pauses, is time the device did not count.
        """
        if silent_s <= config.SERIAL_STALL_S or self._last_t_s is None:
            return None
        t_end = next((t for t in map(event_time_s, reversed(events)) if t is not None), None)
        if t_end is None:
            return None
        missing_s = silent_s - (t_end + self._offset_s - self._last_t_s)
        if missing_s <= config.SERIAL_STALL_S:
            return None
        self._offset_s += missing_s
        return Gap(t_s=self._last_t_s, duration_s=missing_s, reason="lost_samples")

    def _rebase_after_gap(self, events: Sequence[Event], host_gap_s: float) -> list[Event]:
        """First events after a reconnect: keep one record clock across the gap.

        A device clock that went on running (native ``t_ms``) is trusted as it is;
        one that restarted (an Arduino resets on open, counted protocols restart at
        zero) is re-based to continue after the gap measured on the host clock:
        ``host_gap_s``, from the disconnect to the first bytes heard again (not to
        when the events were handed on: they may wait for the device to name itself).
        """
        t_new = next((first_time_s(e) for e in events if first_time_s(e) is not None), None)
        if t_new is None:
            return list(events)
        last = self._last_t_s if self._last_t_s is not None else 0.0
        if t_new + self._offset_s <= last:
            self._offset_s = last + host_gap_s - t_new
        self._gap_started = self._heard_again_at = None
        shifted = [shift_event(e, self._offset_s) for e in events]
        gap_s = t_new + self._offset_s - last
        return [Gap(t_s=last, duration_s=gap_s, reason="disconnected"), *shifted]
