"""Shared machinery for the sensor decoders and encoders: line framing, block merging, resampling.

Decoder contract (timeflux-style stage): ``feed(data: bytes) -> list[Event]``, pure and incremental.
Encoder contract (used by the simulator): ``encode(t_s, values, beats=(), contact=()) -> bytes``,
stateful so that consecutive chunks form one continuous stream:

- ``t_s``, ``values``: the simulated PPG on the device clock (s), values in the protocol's ADC
  units (see ``ProtocolSpec.adc_max``); each encoder resamples to its own output rate by linear
  interpolation, rounds and clips to its value range.
- ``beats``: ``(t_s, ibi_ms | None)`` pairs; ``None`` means "compute from the previous beat".
- ``contact``: ``(t_s, on)`` pairs, the finger/contact state from that time on.
Beats and contact changes later than the chunk's last output sample are held for the next call.

Text framing follows docs/reference/sensor-protocols.md §0: drop up to the first LF, strip one CR, cap the line
length, drop lines with non-ASCII bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from biofeedback.config import PROTO_TEXT_MAX_LINE_BYTES
from biofeedback.core.types import Event, PpgBlock

BeatSpec = tuple[float, "float | None"]
ContactSpec = tuple[float, bool]


@dataclass
class DecoderStats:
    """Counters for diagnostics. For the binary CMS50 decoders ``lines_*`` count packets."""

    bytes_in: int = 0
    lines_ok: int = 0
    lines_bad: int = 0


class LineSplitter:
    """Incremental LF splitter with resync, a line-length cap and ASCII-only lines."""

    def __init__(self, stats: DecoderStats, max_line_bytes: int = PROTO_TEXT_MAX_LINE_BYTES):
        self._stats = stats
        self._max = max_line_bytes
        self._buf = b""
        self._synced = False
        self._overflow = False

    def split(self, data: bytes) -> list[str]:
        """Return the complete, ASCII lines (without CR LF) that ``data`` finishes."""
        self._stats.bytes_in += len(data)
        buf = self._buf + data if self._buf else bytes(data)
        start = 0
        if not self._synced:
            i = buf.find(b"\n")
            if i < 0:
                self._buf = b""
                return []
            self._synced = True
            start = i + 1
        out: list[str] = []
        find = buf.find
        last = buf.rfind(b"\n")
        if last > start and not self._overflow:
            # the usual chunk, ASCII lines under the cap: split in one call, as the loop would
            whole = buf[start:last]
            if whole.isascii():
                text = whole.decode("ascii")
                out = text.split("\n")
                if "\r" in text:
                    out = [line[:-1] if line.endswith("\r") else line for line in out]
                if max(map(len, out)) <= self._max:
                    start = last + 1
                else:
                    out = []
        while True:
            j = find(b"\n", start)
            if j < 0:
                break
            line = buf[start:j]
            start = j + 1
            if self._overflow:
                self._overflow = False
                self._stats.lines_bad += 1
                continue
            if line.endswith(b"\r"):
                line = line[:-1]
            if len(line) > self._max or not line.isascii():
                self._stats.lines_bad += 1
                continue
            out.append(line.decode("ascii"))
        tail = buf[start:]
        if len(tail) > self._max:
            self._overflow = True
            tail = b""
        elif self._overflow:
            tail = b""
        self._buf = tail
        return out


class EventSink:
    """Collects events in stream order, merging consecutive PPG samples into one PpgBlock."""

    def __init__(self) -> None:
        self.events: list[Event] = []
        self._t: list[float] = []
        self._v: list[float] = []
        self._fs = 0.0

    def sample(self, t_s: float, value: float, fs_hz: float) -> None:
        if self._t and fs_hz != self._fs:
            self._flush()
        self._fs = fs_hz
        self._t.append(t_s)
        self._v.append(value)

    def samples(self, t_s: np.ndarray, values: np.ndarray, fs_hz: float) -> None:
        """Many ``sample`` calls at once (the same block as a result)."""
        if self._t and fs_hz != self._fs:
            self._flush()
        self._fs = fs_hz
        self._t.extend(t_s.tolist())
        self._v.extend(values.tolist())

    def event(self, ev: Event) -> None:
        self._flush()
        self.events.append(ev)

    def _flush(self) -> None:
        if self._t:
            self.events.append(
                PpgBlock(np.asarray(self._t, float), np.asarray(self._v, float), self._fs)
            )
            self._t, self._v = [], []

    def take(self) -> list[Event]:
        self._flush()
        out, self.events = self.events, []
        return out


class Resampler:
    """Turns arbitrary input chunks into output ticks ``k / fs_hz`` (linear interpolation)."""

    def __init__(self, fs_hz: float):
        self.fs_hz = fs_hz
        self._k: int | None = None
        self._last: tuple[float, float] | None = None

    def __call__(self, t_s: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        t = np.asarray(t_s, float)
        v = np.asarray(values, float)
        if t.size == 0:
            return t, v
        if self._last is not None:
            t = np.concatenate(([self._last[0]], t))
            v = np.concatenate(([self._last[1]], v))
        if self._k is None:
            self._k = int(np.ceil(t[0] * self.fs_hz - 1e-9))
        k_end = int(np.floor(t[-1] * self.fs_hz + 1e-9))
        ks = np.arange(self._k, k_end + 1)
        self._k = k_end + 1
        self._last = (float(t[-1]), float(v[-1]))
        tk = ks / self.fs_hz
        return tk, np.interp(tk, t, v)


class PendingTimeline:
    """Holds beats and contact changes until the encoder has emitted samples past their time."""

    def __init__(self) -> None:
        self.beats: list[BeatSpec] = []
        self.contact: list[ContactSpec] = []

    def add(self, beats: Sequence[BeatSpec], contact: Sequence[ContactSpec]) -> None:
        self.beats.extend((float(t), ibi) for t, ibi in beats)
        self.contact.extend((float(t), bool(on)) for t, on in contact)
        self.beats.sort(key=lambda b: b[0])
        self.contact.sort(key=lambda c: c[0])

    def pop_until(self, t_end: float) -> tuple[list[BeatSpec], list[ContactSpec]]:
        nb = sum(1 for t, _ in self.beats if t <= t_end)
        nc = sum(1 for t, _ in self.contact if t <= t_end)
        b, self.beats = self.beats[:nb], self.beats[nb:]
        c, self.contact = self.contact[:nc], self.contact[nc:]
        return b, c


def next_ticks(resample: Resampler, pending: PendingTimeline, t_s: np.ndarray, values: np.ndarray,
               beats: Sequence[BeatSpec], contact: Sequence[ContactSpec], adc_max: int,
               ) -> tuple[np.ndarray, np.ndarray, list[BeatSpec], list[ContactSpec]] | None:
    """The common first step of every sample encoder.

    Resample a chunk onto the encoder's output ticks, quantise to 0..adc_max, and
    release the beats and contact changes up to the last tick (later ones wait for
    the next chunk). None when the chunk reaches no new tick.
    """
    tk, vk = resample(t_s, values)
    pending.add(beats, contact)
    if tk.size == 0:
        return None
    ticks_beats, ticks_contact = pending.pop_until(float(tk[-1]))
    return tk, np.clip(np.round(vk), 0, adc_max).astype(int), ticks_beats, ticks_contact


def walk_ticks(tk: np.ndarray, vk: np.ndarray, beats: Sequence[BeatSpec],
               contact: Sequence[ContactSpec]):
    """Each output tick ``(t, v, contact changes, beats)`` with what falls due at or before it."""
    bi = ci = 0
    for t, v in zip(tk.tolist(), vk.tolist(), strict=True):
        c0, b0 = ci, bi
        while ci < len(contact) and contact[ci][0] <= t:
            ci += 1
        while bi < len(beats) and beats[bi][0] <= t:
            bi += 1
        yield t, v, contact[c0:ci], beats[b0:bi]


class IbiTracker:
    """Fills in ``ibi_ms=None`` beats from the previous beat time (encoders)."""

    def __init__(self) -> None:
        self.prev_t: float | None = None

    def ibi(self, t_s: float, ibi_ms: float | None) -> float | None:
        if ibi_ms is None and self.prev_t is not None:
            ibi_ms = (t_s - self.prev_t) * 1000.0
        self.prev_t = t_s
        return ibi_ms


def coalesce(events: Sequence[Event]) -> list[Event]:
    """Merge adjacent PpgBlocks (same fs) so that event lists from different feed splits compare."""
    out: list[Event] = []
    for ev in events:
        prev = out[-1] if out else None
        if isinstance(ev, PpgBlock) and isinstance(prev, PpgBlock) and prev.fs_hz == ev.fs_hz:
            out[-1] = PpgBlock(np.concatenate((prev.t_s, ev.t_s)),
                               np.concatenate((prev.value, ev.value)), ev.fs_hz)
        else:
            out.append(ev)
    return out
