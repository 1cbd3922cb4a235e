"""The project's own "BF1" line protocol (firmware_notes/protocol.md; docs/reference/sensor-protocols.md §6).

Every record carries the device clock (``t_ms``, millis() wrapping at 2**32), beats carry exact
IBIs, and an optional ``*HH`` XOR checksum makes a line either parse completely or be dropped.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from biofeedback.config import (
    NATIVE_DEFAULT_FS_HZ,
    NATIVE_HEADER_PERIOD_S,
    NATIVE_LOST_BEAT_PERIODS,
    NATIVE_LOST_SAMPLES_FACTOR,
    NATIVE_MAX_LINE_BYTES,
    NATIVE_RESTART_STEP_MS,
    STREAM_MAX_RATE_HZ,
    STREAM_MIN_PPG_RATE_HZ,
)
from biofeedback.core.protocols._base import (
    BeatSpec,
    ContactSpec,
    DecoderStats,
    EventSink,
    IbiTracker,
    LineSplitter,
    PendingTimeline,
    Resampler,
    next_ticks,
)
from biofeedback.core.protocols._bf1_batch import format_sample_lines, parse_sample_run
from biofeedback.core.types import DeviceBeat, DeviceInfo, DeviceStatus, Event, Gap

PROTOCOL = "native"
WRAP_MS = 1 << 32
_RECORD = re.compile(r"([PIC]),(\d{1,10}),(\d{1,10})")
_HEADER = re.compile(r"#BF1((?: [A-Za-z0-9_]+=[!-~]*)+)")
_DEVICE_ID = re.compile(r"[A-Za-z0-9_.-]{1,32}")
_CHECKSUM = re.compile(r"(.*)\*([0-9A-F]{2})")
# fewer lines than this in a chunk go line by line: NumPy's set-up costs more than it saves
BATCH_MIN_LINES = 16


def xor_checksum(body: str) -> int:
    """XOR of every byte of ``body`` (the part of the line before ``*``)."""
    x = 0
    for b in body.encode("ascii"):
        x ^= b
    return x


class NativeDecoder:
    """Incremental BF1 reader: P/I/C records, header, comments; gaps and lost beats reported.

    ``t_s`` of every event is the unwrapped device clock ``t_ms / 1000``. A backwards clock step
    is a device restart: the clock is re-based so time stays monotonic and a
    ``Gap(duration_s=None, reason="device_restart")`` is reported. ``I`` lines with ``ibi_ms``
    outside 250..2500 are passed on (the artefact stage decides) and counted in
    ``suspect_beats``. ``C`` lines give a ``DeviceStatus`` only when the state changes.
    """

    def __init__(self) -> None:
        self.stats = DecoderStats()
        self.suspect_beats = 0
        self._lines = LineSplitter(self.stats, NATIVE_MAX_LINE_BYTES)
        self._fs_hz: float | None = None  # from the header
        self._adc_max: int | None = None
        self._min_step_ms: int | None = None  # fs estimate until a header arrives
        self._raw_prev: int | None = None
        self._unwrapped_prev = 0
        self._last_p_ms: int | None = None
        self._last_i_ms: int | None = None
        self._contact: int | None = None

    @property
    def fs_hz(self) -> float:
        if self._fs_hz:
            return self._fs_hz
        if self._min_step_ms:
            return 1000.0 / self._min_step_ms
        return NATIVE_DEFAULT_FS_HZ

    def feed(self, data: bytes) -> list[Event]:
        sink = EventSink()
        lines = self._lines.split(data)
        if len(lines) < BATCH_MIN_LINES:
            self._lines_one_by_one(lines, sink)
        else:
            self._lines_in_runs(lines, sink)
        return sink.take()

    def _lines_one_by_one(self, lines: list[str], sink: EventSink) -> None:
        for line in lines:
            if self._line(line, sink):
                self.stats.lines_ok += 1
            else:
                self.stats.lines_bad += 1

    def _lines_in_runs(self, lines: list[str], sink: EventSink) -> None:
        """Runs of sample lines at once (``_sample_run``), every other line by ``_line``."""
        start = 0
        for stop in [*(i for i, line in enumerate(lines) if not line.startswith("P,")), len(lines)]:
            run = lines[start:stop]
            parsed = parse_sample_run(run) if len(run) >= BATCH_MIN_LINES else None
            if parsed is not None and self._sample_run(*parsed, sink):
                self.stats.lines_ok += len(run)
            else:
                self._lines_one_by_one(run, sink)
            self._lines_one_by_one(lines[stop:stop + 1], sink)
            start = stop + 1

    def _sample_run(self, t_raw: np.ndarray, value: np.ndarray, sink: EventSink) -> bool:
        """Consecutive well-formed ``P`` lines that ``_line`` would take one by one with no event
        between them: the same samples and state, or False (nothing changed) for ``_line`` to
        decide, when the run holds anything else: no header yet, a value over ``adc_max``, a
        clock step backwards, a gap."""
        if not self._fs_hz or self._adc_max is None or self._raw_prev is None:
            return False
        if int(value.max()) > self._adc_max:
            return False
        steps = t_raw.copy()
        steps[1:] -= t_raw[:-1]
        steps[0] -= self._raw_prev
        steps %= WRAP_MS
        if int(steps.max()) >= WRAP_MS // 2:
            return False
        t_ms = np.cumsum(steps)
        t_ms += self._unwrapped_prev
        # the steps between samples (the first one's from the last sample, if any, else none)
        p_steps = steps[1:] if self._last_p_ms is None else steps.copy()
        if self._last_p_ms is not None:
            p_steps[0] = t_ms[0] - self._last_p_ms
        period_ms = 1000.0 / self._fs_hz
        if p_steps.size and int(p_steps.max()) > min(NATIVE_RESTART_STEP_MS,
                                                     NATIVE_LOST_SAMPLES_FACTOR * period_ms):
            return False
        self._raw_prev = int(t_raw[-1])
        self._unwrapped_prev = self._last_p_ms = int(t_ms[-1])
        sink.samples(t_ms / 1000.0, value.astype(float), self._fs_hz)
        return True

    def _line(self, line: str, sink: EventSink) -> bool:
        m = _CHECKSUM.fullmatch(line)
        if m:
            line = m.group(1)
            if xor_checksum(line) != int(m.group(2), 16):
                return False
        if line.startswith("#"):
            return self._header(line, sink) if line.startswith("#BF1 ") else True
        m = _RECORD.fullmatch(line)
        if not m:
            return False
        kind, t_raw, val = m.group(1), int(m.group(2)), int(m.group(3))
        if t_raw >= WRAP_MS or (kind == "C" and val > 1):
            return False
        if kind == "P" and self._adc_max is not None and val > self._adc_max:
            return False
        t_ms = self._unwrap(t_raw, sink)
        if kind == "P":
            self._sample(t_ms, val, sink)
        elif kind == "I":
            self._beat(t_ms, val, sink)
        else:
            if val != self._contact:
                sink.event(DeviceStatus(t_ms / 1000.0, "ok" if val else "finger_out", "contact"))
            self._contact = val
            if val == 0:
                self._last_i_ms = None  # the first beat after contact gives no I line
        return True

    def _header(self, line: str, sink: EventSink) -> bool:
        m = _HEADER.fullmatch(line)
        if not m:
            return False
        kv = dict(tok.split("=", 1) for tok in m.group(1).split())
        dev, fs, adc = kv.get("device", ""), kv.get("fs_hz", ""), kv.get("adc_max", "")
        if not (_DEVICE_ID.fullmatch(dev) and fs.isdigit() and adc.isdigit()):
            return False
        if not STREAM_MIN_PPG_RATE_HZ <= int(fs) <= STREAM_MAX_RATE_HZ:
            return False  # no PPG sensor samples at 1 Hz or 1e9 Hz: a damaged header, not a setting
        if (float(fs), int(adc)) != (self._fs_hz, self._adc_max):
            self._fs_hz, self._adc_max = float(fs), int(adc)
            # BF1 sample values are upright (firmware_notes/protocol.md §2): no guessing
            sink.event(DeviceInfo(PROTOCOL, self._fs_hz, self._adc_max, dev, polarity=1))
        return True

    def _unwrap(self, t_raw: int, sink: EventSink) -> int:
        if self._raw_prev is None:
            self._raw_prev = self._unwrapped_prev = t_raw
            return t_raw
        step = (t_raw - self._raw_prev) % WRAP_MS
        if step >= WRAP_MS // 2:  # clock went backwards: the device restarted
            sink.event(Gap(self._unwrapped_prev / 1000.0, None, "device_restart"))
            step = 0
            self._last_p_ms = self._last_i_ms = None
        self._raw_prev = t_raw
        self._unwrapped_prev += step
        return self._unwrapped_prev

    def _sample(self, t_ms: int, value: int, sink: EventSink) -> None:
        prev = self._last_p_ms
        self._last_p_ms = t_ms
        if prev is not None:
            step = t_ms - prev
            if step > 0 and self._fs_hz is None:
                self._min_step_ms = min(step, self._min_step_ms or step)
            period_ms = 1000.0 / self.fs_hz
            if step > NATIVE_RESTART_STEP_MS:
                sink.event(Gap(prev / 1000.0, (step - period_ms) / 1000.0, "device_restart"))
            elif step > NATIVE_LOST_SAMPLES_FACTOR * period_ms:
                sink.event(Gap(prev / 1000.0, (step - period_ms) / 1000.0, "lost_samples"))
        sink.sample(t_ms / 1000.0, float(value), self.fs_hz)

    def _beat(self, t_ms: int, ibi_ms: int, sink: EventSink) -> None:
        prev = self._last_i_ms
        self._last_i_ms = t_ms
        if prev is not None:
            tol_ms = NATIVE_LOST_BEAT_PERIODS * 1000.0 / self.fs_hz
            if abs((t_ms - prev) - ibi_ms) > tol_ms:
                sink.event(Gap(prev / 1000.0, (t_ms - prev) / 1000.0, "lost_beat"))
        if not 250 <= ibi_ms <= 2500:
            self.suspect_beats += 1
        sink.event(DeviceBeat(t_ms / 1000.0, float(ibi_ms)))


class NativeEncoder:
    """Writes BF1 lines as our sketches do (see ``_base`` for the ``encode`` contract).

    Header and contact state at the start and every ``NATIVE_HEADER_PERIOD_S``; ``P`` lines at
    ``fs_hz``; an ``I`` line (t_ms = the beat time) right after the last sample line at or before it, never for the
    first beat or the first beat after contact was lost; ``*HH`` checksums when ``checksum``.
    ``t0_ms`` offsets the device clock (set it near 2**32 to exercise the wrap).
    """

    def __init__(self, device: str = "sim", fs_hz: float = NATIVE_DEFAULT_FS_HZ,
                 adc_max: int = 1023, checksum: bool = True, t0_ms: int = 0):
        self.device, self.fs_hz, self.adc_max = device, fs_hz, adc_max
        self.checksum, self.t0_ms = checksum, t0_ms
        self._rs = Resampler(fs_hz)
        self._pending = PendingTimeline()
        self._ibi = IbiTracker()
        self.header_period_s = NATIVE_HEADER_PERIOD_S  # a test's device may name itself more often
        self._next_header_s: float | None = None
        self._contact = True
        self._beat_allowed = False

    def _line(self, text: str) -> str:
        return f"{text}*{xor_checksum(text):02X}\n" if self.checksum else text + "\n"

    def _t(self, t_s: float) -> int:
        return (int(round(t_s * 1000.0)) + self.t0_ms) % WRAP_MS

    def _beat(self, bt: float, ibi: float | None, out: list[str]) -> None:
        ibi = self._ibi.ibi(bt, ibi)
        if self._contact and self._beat_allowed and ibi is not None:
            out.append(self._line(f"I,{self._t(bt)},{int(round(ibi))}"))
        self._beat_allowed = self._contact

    def encode(self, t_s: np.ndarray, values: np.ndarray, beats: Sequence[BeatSpec] = (),
               contact: Sequence[ContactSpec] = ()) -> bytes:
        ticks = next_ticks(self._rs, self._pending, t_s, values, beats, contact, self.adc_max)
        if ticks is None:
            return b""
        tk, vk, new_beats, new_contact = ticks
        n = tk.size
        batch = n >= BATCH_MIN_LINES
        if batch:  # the P lines at once; the loop below visits only the ticks with more to write
            t_ms = (np.rint(tk * 1000.0).astype(np.int64) + self.t0_ms) % WRAP_MS  # as _t does
            p_lines = format_sample_lines(t_ms, vk, self.checksum)
            tk_next = tk + 1.0 / self.fs_hz
        else:
            p_lines = [self._line(f"P,{self._t(t)},{v}") for t, v in zip(tk.tolist(), vk.tolist(), strict=True)]
        bi = ci = k = 0
        out: list[str] = []
        period, last = 1.0 / self.fs_hz, float(tk[-1])
        while k < n:
            if batch:  # the first tick with a contact change, a header or a beat due, as the loop decides
                due = k if self._next_header_s is None else int(np.searchsorted(tk, self._next_header_s, "left"))
                if ci < len(new_contact):
                    due = min(due, int(np.searchsorted(tk, new_contact[ci][0], "left")))
                if bi < len(new_beats):
                    bt = new_beats[bi][0]
                    due = min(due, int(np.searchsorted(tk, bt, "right")),  # bt < t: before the P line
                              int(np.searchsorted(tk_next, bt, "right")))  # bt < t + period: after it
                due = max(k, min(due, n - 1))
                out.extend(p_lines[k:due])
                k = due
            t = float(tk[k])
            while ci < len(new_contact) and new_contact[ci][0] <= t:
                ct, on = new_contact[ci]
                ci += 1
                if on != self._contact:
                    self._contact = on
                    self._beat_allowed = False
                    out.append(self._line(f"C,{self._t(ct)},{int(on)}"))
            if self._next_header_s is None or t >= self._next_header_s:
                self._next_header_s = t + self.header_period_s
                out.append(self._line(f"#BF1 device={self.device} fs_hz={int(self.fs_hz)} "
                                      f"adc_max={self.adc_max}"))
                out.append(self._line(f"C,{self._t(t)},{int(self._contact)}"))
            while bi < len(new_beats) and new_beats[bi][0] < t:  # held from the last chunk
                self._beat(*new_beats[bi], out)
                bi += 1
            out.append(p_lines[k])
            while bi < len(new_beats) and (t == last or new_beats[bi][0] < t + period):
                self._beat(*new_beats[bi], out)
                bi += 1
            k += 1
        return "".join(out).encode("ascii")
