"""SparkFun MAX3010x library Example5_HeartRate text lines (docs/reference/sensor-protocols.md §3.1).

Line: ``IR=<ir>, BPM=<f.2>, Avg BPM=<n>`` with `` No finger?`` appended when IR < 50000. There is
no timestamp: IR samples are timed by counting lines at the nominal 100 lines/s (400 sps averaged
by 4). If the sketch prints slower than the FIFO fills, samples are skipped silently and this
clock runs slow; the io layer may re-time blocks by host arrival time instead.
Beats are inferred when the BPM field changes (it is updated only at a beat): ``ibi_ms`` =
60000 / BPM, time = the line's counted time (10 ms resolution). Equal successive intervals are
invisible, so beats can be missed; re-detect beats from the IR column for HRV.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from biofeedback.config import MAX3010X_LINE_RATE_HZ, MAX3010X_NO_FINGER_IR
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
    walk_ticks,
)
from biofeedback.core.types import DeviceBeat, DeviceInfo, DeviceStatus, Event

PROTOCOL = "max3010x"
ADC_MAX = 262143  # 18-bit ADC
FS_HZ = MAX3010X_LINE_RATE_HZ
_LINE = re.compile(
    r"IR=(0|[1-9]\d{0,5}), BPM=(\d{1,6}\.\d\d|inf|ovf|nan), Avg BPM=(\d{1,3})( No finger\?)?"
)
_KNOWN_TEXT = (
    "Initializing...",
    "Place your index finger on the sensor with steady pressure.",
    "MAX30105 was not found. Please check wiring/power. ",
)


class Max3010xDecoder:
    """Example5 lines -> IR ``PpgBlock`` at 100 Hz by count, finger status, inferred beats."""

    counted_clock = True  # times count lines: the io layer adds the time a silent device did not send

    def __init__(self) -> None:
        self.stats = DecoderStats()
        self._lines = LineSplitter(self.stats)
        self._n = 0
        self._bpm: str | None = None
        self._state: str | None = None

    def feed(self, data: bytes) -> list[Event]:
        sink = EventSink()
        for line in self._lines.split(data):
            m = _LINE.fullmatch(line)
            if not m or int(m.group(1)) > ADC_MAX:
                if line in _KNOWN_TEXT:
                    self.stats.lines_ok += 1
                else:
                    self.stats.lines_bad += 1
                continue
            self.stats.lines_ok += 1
            t = self._n / FS_HZ
            if self._n == 0:
                sink.event(DeviceInfo(PROTOCOL, FS_HZ, ADC_MAX, "MAX3010x", polarity=-1))  # raw IR falls at a beat
            self._n += 1
            sink.sample(t, float(m.group(1)), FS_HZ)
            state = "finger_out" if m.group(4) else "ok"
            if state != self._state:
                self._state = state
                sink.event(DeviceStatus(t, state, "No finger?" if m.group(4) else ""))
            bpm = m.group(2)
            if self._bpm is not None and bpm != self._bpm and state == "ok":
                try:
                    val = float(bpm)
                except ValueError:
                    val = 0.0
                if 20.0 < val < 255.0:
                    sink.event(DeviceBeat(t, 60000.0 / val))
            self._bpm = bpm
        return sink.take()


class Max3010xEncoder:
    """Example5 bytes: one line per 10 ms; BPM changes on the first line at or after a beat.

    The "No finger?" suffix follows the sketch's own rule (IR < 50000), so give low IR values
    while the simulated finger is off; ``contact`` is accepted for the common signature only.
    """

    def __init__(self) -> None:
        self._rs = Resampler(FS_HZ)
        self._pending = PendingTimeline()
        self._ibis = IbiTracker()
        self._bpm = 0.0
        self._rates: list[int] = []

    def encode(self, t_s: np.ndarray, values: np.ndarray, beats: Sequence[BeatSpec] = (),
               contact: Sequence[ContactSpec] = ()) -> bytes:
        ticks = next_ticks(self._rs, self._pending, t_s, values, beats, (), ADC_MAX)
        if ticks is None:
            return b""
        tk, vk, bts, _ = ticks
        out: list[str] = []
        for _, v, _, due in walk_ticks(tk, vk, bts, ()):
            for beat in due:
                ibi = self._ibis.ibi(*beat)
                if ibi:
                    self._bpm = 60000.0 / ibi
                    if 20 < self._bpm < 255:
                        self._rates = (self._rates + [int(self._bpm)])[-4:]
            avg = sum(self._rates) // len(self._rates) if self._rates else 0
            tail = " No finger?" if v < MAX3010X_NO_FINGER_IR else ""
            # Arduino print(float): 2 decimals, half up
            out.append(f"IR={v}, BPM={int(self._bpm * 100 + 0.5) / 100:.2f}, Avg BPM={avg}{tail}\r\n")
        return "".join(out).encode("ascii")
