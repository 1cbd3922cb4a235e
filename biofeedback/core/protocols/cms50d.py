"""Contec CMS50D+ live data, both generations (docs/reference/sensor-protocols.md §2).

- Old "Communication protocol V5.1": 19200 8O1, 5-byte packets, sync = bit 7 of byte 1.
- New "Communication Protocol of Pulse Oximeter V7.0": 115200 8N1, 9-byte realtime packets
  (type 0x01) with the high-byte restoration of §3.2 of the vendor document; needs the start
  command and a keep-alive every 5 s (``Cms50V7Host``).

Both stream 60 packets/s without timestamps: ``t_s`` = packet slot / 60. Pleth (0..127) is the
PPG at 60 Hz; the rising edge of the pulse-beep flag is a ``DeviceBeat`` whose ``ibi_ms`` has
only 1/60 s (16.7 ms) resolution. A packet cut short still takes a slot (``Gap("lost_samples")``)
so later times stay right; so do packets whose sync byte lost its sync bit: their bytes arrive with no
packet open and stand, at the next sync byte, for as many lost packets as they fill (at least one). Random bytes form well-shaped packets now and then, so data is
trusted only after ``CMS50_LOCK_PACKETS`` consecutive good packets (held back, then released);
once locked, a damaged packet loses only itself.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from biofeedback.config import (
    CMS50_KEEPALIVE_PERIOD_S,
    CMS50_LOCK_PACKETS,
    CMS50_PACKET_RATE_HZ,
    CMS50_PR_VALID_BPM,
    CMS50_SPO2_VALID_PCT,
)
from biofeedback.core.protocols._base import (
    BeatSpec,
    ContactSpec,
    DecoderStats,
    EventSink,
    IbiTracker,
    PendingTimeline,
    Resampler,
    next_ticks,
    walk_ticks,
)
from biofeedback.core.types import DeviceBeat, DeviceInfo, DeviceStatus, Event, Gap

FS_HZ = CMS50_PACKET_RATE_HZ
ADC_MAX = 127


def _command(code: int) -> bytes:
    """A V7.0 host command: ``7D``, high byte, command, 6 padding bytes, all bit 7 set."""
    return bytes([0x7D, 0x81, code] + [0x80] * 6)


CMD_START_REALTIME = _command(0xA1)
CMD_STOP_REALTIME = _command(0xA2)
CMD_STOP_STORAGE = _command(0xA7)
CMD_KEEPALIVE = _command(0xAF)
CMD_ASK_PI_SUPPORT = _command(0xAC)
CMD_DEVICE_ID = _command(0xAA)
CMD_V51_LIVE = b"\xf6\xf6\xf6"  # OSCAR/atbrask: back to live streaming (not in the V5.1 PDF)

# V7.0 uplink packet lengths by type (vendor doc + OSCAR's 0x02/0x03/0x06)
V7_LENGTHS = {0x01: 9, 0x02: 9, 0x03: 9, 0x04: 9, 0x05: 9, 0x06: 4, 0x07: 8, 0x08: 8, 0x09: 6,
              0x0A: 4, 0x0B: 4, 0x0C: 2, 0x0D: 3, 0x0E: 3, 0x0F: 8, 0x10: 3, 0x11: 9, 0x12: 8,
              0x15: 9}
_MAX_UNKNOWN = 16


class Cms50V7Host:
    """Which V7.0 host commands to send when (pure; the io layer writes and flushes).

    ``opening()``: stop realtime and storage upload; flush the input, then send ``start()``.
    ``due(now_s)``: the keep-alive when 5 s have passed since the last one (else ``b""``).
    ``closing()``: stop realtime.
    """

    def __init__(self, period_s: float = CMS50_KEEPALIVE_PERIOD_S):
        self.period_s = period_s
        self._last: float | None = None

    def opening(self) -> bytes:
        return CMD_STOP_REALTIME + CMD_STOP_STORAGE

    def start(self, now_s: float) -> bytes:
        self._last = now_s
        return CMD_START_REALTIME

    def due(self, now_s: float) -> bytes:
        if self._last is None or now_s - self._last >= self.period_s:
            self._last = now_s
            return CMD_KEEPALIVE
        return b""

    def closing(self) -> bytes:
        return CMD_STOP_REALTIME


def decode_v7_data(packet: bytes | list[int]) -> list[int]:
    """Restore the data bytes of a V7.0 packet: bit i of byte 1 is bit 7 of byte i + 2."""
    hi = packet[1]
    return [(b & 0x7F) | (((hi >> i) & 1) << 7) for i, b in enumerate(packet[2:])]


class _Cms50Base:
    """Lock-in, packet slots, beep edges and status changes shared by both generations."""

    protocol = ""
    packet_bytes = 0  # length of a data packet (the one that takes a slot)
    counted_clock = True  # times count packets: the io layer adds the time a silent device did not send

    def __init__(self) -> None:
        self.stats = DecoderStats()
        self._pkt: list[int] = []
        self._held: list[tuple] = []  # good packets before lock
        self._locked = False
        self._bad_run = 0
        self._slot = 0
        self._beep = True  # no edge on the very first packet
        self._last_beep_t: float | None = None
        self._state: str | None = None
        self.pulse_rate_bpm: int | None = None
        self.spo2_pct: int | None = None
        self._synced = False  # a sync byte was seen: bytes before it are the tail of a packet joined mid-way
        self._orphans = 0  # bytes since then that arrived with no packet open

    def _orphan(self) -> None:
        """A byte that belongs to no packet: counted once the stream was joined at a sync byte."""
        if self._synced:
            self._orphans += 1

    def _sync(self, sink: EventSink) -> None:
        """A sync byte opens a packet: the orphans before it were packets whose sync byte was damaged."""
        if self._orphans:
            for _ in range(max(1, round(self._orphans / self.packet_bytes))):
                self._bad(sink)
            self._orphans = 0
        self._synced = True

    def _bad(self, sink: EventSink) -> None:
        """A packet was cut or malformed: before lock forget the held ones, after lock lose a slot."""
        self.stats.lines_bad += 1
        if not self._locked:
            self._held.clear()
            return
        self._bad_run += 1
        if self._bad_run >= CMS50_LOCK_PACKETS:  # a run of junk: trust nothing until re-locked
            self._locked = False
        sink.event(Gap(self._slot / FS_HZ, 1.0 / FS_HZ, "lost_samples"))
        self._slot += 1
        self._beep = True  # a beep edge across a lost packet is unknowable

    def _good(self, fields: tuple, sink: EventSink) -> None:
        self.stats.lines_ok += 1
        self._bad_run = 0
        if self._locked:
            self._emit(fields, sink)
            return
        self._held.append(fields)
        if len(self._held) >= CMS50_LOCK_PACKETS:
            if self._slot == 0:
                sink.event(DeviceInfo(self.protocol, FS_HZ, ADC_MAX, "CMS50D+"))
            else:  # re-locked after junk: how many slots passed is unknown
                sink.event(Gap(self._slot / FS_HZ, None, "lost_samples"))
            self._locked = True
            for f in self._held:
                self._emit(f, sink)
            self._held.clear()

    def _emit(self, fields: tuple, sink: EventSink) -> None:
        pleth, beep, state, detail, pr, spo2 = fields
        t = self._slot / FS_HZ
        self._slot += 1
        valid = (CMS50_PR_VALID_BPM[0] <= pr <= CMS50_PR_VALID_BPM[1]
                 and CMS50_SPO2_VALID_PCT[0] <= spo2 <= CMS50_SPO2_VALID_PCT[1])
        if state == "ok" and not valid:
            state, detail = "searching", "no valid PR/SpO2"
        self.pulse_rate_bpm, self.spo2_pct = (pr, spo2) if valid else (None, None)
        if state != self._state:
            self._state = state
            sink.event(DeviceStatus(t, state, detail))
        sink.sample(t, float(pleth), FS_HZ)
        if beep and not self._beep and state == "ok":
            ibi = None if self._last_beep_t is None else (t - self._last_beep_t) * 1000.0
            self._last_beep_t = t
            sink.event(DeviceBeat(t, ibi))
        self._beep = beep


class Cms50V51Decoder(_Cms50Base):
    """Old 5-byte format (V5.1): byte 1 has bit 7 set, bytes 2..5 have it clear."""

    protocol = "cms50d"
    packet_bytes = 5

    def feed(self, data: bytes) -> list[Event]:
        self.stats.bytes_in += len(data)
        sink = EventSink()
        pkt = self._pkt
        for b in data:
            if b & 0x80:
                if pkt:
                    self._bad(sink)
                self._sync(sink)
                pkt = [b]
            elif pkt:
                pkt.append(b)
                if len(pkt) == 5:
                    self._packet(pkt, sink)
                    pkt = []
            else:
                self._orphan()
        self._pkt = pkt
        return sink.take()

    def _packet(self, p: list[int], sink: EventSink) -> None:
        b1, pleth, b3, b4, spo2 = p
        if b1 & 0x0F > 8:
            self._bad(sink)
            return
        pr = b4 | ((b3 >> 6) & 1) << 7
        if b3 & 0x10:
            state, detail = "finger_out", "probe error"
        elif b3 & 0x20 or b1 & 0x10:
            state, detail = "searching", "searching"
        else:
            state, detail = "ok", ""
        self._good((pleth, bool(b1 & 0x40), state, detail, pr, spo2), sink)


class Cms50V7Decoder(_Cms50Base):
    """New V7.0 format: type byte (bit 7 clear) then bytes with bit 7 set; realtime = 0x01."""

    protocol = "cms50d-v7"
    packet_bytes = V7_LENGTHS[0x01]

    def feed(self, data: bytes) -> list[Event]:
        self.stats.bytes_in += len(data)
        sink = EventSink()
        pkt = self._pkt
        for b in data:
            if b < 0x80:
                if pkt and pkt[0] in V7_LENGTHS:
                    self._bad(sink)  # a known packet cut short
                self._sync(sink)
                pkt = [b]
            elif pkt:
                pkt.append(b)
                n = V7_LENGTHS.get(pkt[0], _MAX_UNKNOWN)
                if len(pkt) == n:
                    if pkt[0] == 0x01:
                        self._packet(pkt, sink)
                    pkt = []
            else:
                self._orphan()
        self._pkt = pkt
        return sink.take()

    def _packet(self, p: list[int], sink: EventSink) -> None:
        d = decode_v7_data(p)  # d[0] = packet byte 2
        if d[0] & 0x0F > 8 or d[2] & 0xE0:
            self._bad(sink)
            return
        if d[0] & 0x80:
            state, detail = "finger_out", "probe error"
        elif d[1] & 0x80 or d[0] & 0x10:
            state, detail = "searching", "searching"
        else:
            state, detail = "ok", ""
        self._good((d[1] & 0x7F, bool(d[0] & 0x40), state, detail, d[3], d[4]), sink)


class _Cms50Encoder:
    """Packets at 60 Hz; beep flag set for 2 packets from the first packet at or after a beat.

    Pulse rate is 60000 / the last IBI, SpO2 ``spo2_pct``; while contact is off the packets say
    probe error (pleth 64, invalid PR/SpO2 as each generation does).
    """

    def __init__(self, spo2_pct: int = 98):
        self.spo2_pct = spo2_pct
        self._rs = Resampler(FS_HZ)
        self._pending = PendingTimeline()
        self._ibis = IbiTracker()
        self._contact = True
        self._beep_left = 0
        self._pr = 0

    def _packet(self, pleth: int, beep: bool) -> bytes:
        raise NotImplementedError

    def encode(self, t_s: np.ndarray, values: np.ndarray, beats: Sequence[BeatSpec] = (),
               contact: Sequence[ContactSpec] = ()) -> bytes:
        ticks = next_ticks(self._rs, self._pending, t_s, values, beats, contact, ADC_MAX)
        if ticks is None:
            return b""
        tk, vk, bts, cts = ticks
        out = bytearray()
        for _, v, changes, due in walk_ticks(tk, vk, bts, cts):
            if changes:
                self._contact = changes[-1][1]
            for beat in due:
                ibi = self._ibis.ibi(*beat)
                if self._contact:
                    self._beep_left = 2
                    if ibi:
                        self._pr = min(254, int(round(60000.0 / ibi)))
            out += self._packet(v, self._beep_left > 0)
            self._beep_left = max(0, self._beep_left - 1)
        return bytes(out)


class Cms50V51Encoder(_Cms50Encoder):
    """V5.1 5-byte packets (send at 19200 8O1)."""

    def _packet(self, pleth: int, beep: bool) -> bytes:
        if not self._contact:
            return bytes([0x80, 64, 0x10, 0, 0])
        pr = self._pr
        return bytes([0x80 | 8 | (0x40 if beep else 0), pleth & 0x7F,
                      10 | ((pr >> 7) & 1) << 6, pr & 0x7F, self.spo2_pct & 0x7F])


class Cms50V7Encoder(_Cms50Encoder):
    """V7.0 9-byte realtime packets (send at 115200 8N1), PI marked invalid."""

    def _packet(self, pleth: int, beep: bool) -> bytes:
        if not self._contact:
            data = [0x80, 0x40, 0x10, 0xFF, 0x7F, 0xFF, 0xFF]
        else:
            data = [8 | (0x40 if beep else 0), pleth & 0x7F, 0x1A, self._pr, self.spo2_pct,
                    0xFF, 0xFF]
        hi = 0x80
        for i, d in enumerate(data):
            hi |= ((d >> 7) & 1) << i
        return bytes([0x01, hi] + [d | 0x80 for d in data])
