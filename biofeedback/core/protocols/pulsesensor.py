"""PulseSensor Playground serial formats (docs/reference/sensor-protocols.md §1; PulseSensorPlayground 2.5.0).

Neither format carries a device timestamp: sample times are the line count divided by the
nominal 50 lines/s (``PULSESENSOR_LINE_RATE_HZ``). The real rate is a little lower (``delay(20)``
plus printing), so sample times drift slowly against wall time.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from biofeedback.config import (
    PULSESENSOR_LINE_RATE_HZ,
    PULSESENSOR_NO_BEAT_RESET_S,
    PULSESENSOR_REANCHOR_S,
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
    walk_ticks,
)
from biofeedback.core.types import DeviceBeat, DeviceInfo, DeviceStatus, Event, Gap

ADC_MAX = 1023
_NUM = r"(0|[1-9]\d{0,5})"
_VIS = re.compile(r"([SBQ])" + _NUM)
_PLOT = re.compile(_NUM + "," + _NUM + "," + _NUM)
_FS = PULSESENSOR_LINE_RATE_HZ


def _plausible(kind: str, val: int) -> bool:
    """Signal within the 10-bit range; IBI within the library's 250 ms refractory .. 5 s."""
    if kind == "S":
        return val <= ADC_MAX
    if kind == "Q":
        return 250 <= val <= 5000
    return val <= 300


class PulseSensorVisualizerDecoder:
    """PROCESSING_VISUALIZER mode: ``S<signal>`` per sample, ``B<bpm>`` + ``Q<ibi>`` per beat.

    Beat times accumulate the device's exact IBIs (2 ms resolution, device clock). They are
    anchored to the counted-line clock at the first beat, re-anchored when the two clocks
    disagree by more than ``PULSESENSOR_REANCHOR_S``, and when the line clock is ahead by more
    than 3/5 of an IBI (the Playground refractory rule) beats were lost: a ``Gap("lost_beat")``
    is reported. A ``B`` line not followed by its ``Q`` line is also a lost beat.
    """

    protocol = "pulsesensor"
    counted_clock = True  # times count lines: the io layer adds the time a silent device did not send

    def __init__(self) -> None:
        self.stats = DecoderStats()
        self._lines = LineSplitter(self.stats)
        self._n = 0  # S lines seen
        self._t_line = 0.0
        self._prev_beat: float | None = None
        self._after_b = False
        self._info_sent = False

    def feed(self, data: bytes) -> list[Event]:
        sink = EventSink()
        for line in self._lines.split(data):
            m = _VIS.fullmatch(line)
            if not m or not _plausible(m.group(1), int(m.group(2))):
                self.stats.lines_bad += 1
                continue
            kind, val = m.group(1), int(m.group(2))
            if kind != "S" and self._n == 0:
                # a beat before the first sample has no time: not parsed (a stream of only Q lines
                # is then not taken for PulseSensor, and the source says so)
                self.stats.lines_bad += 1
                continue
            self.stats.lines_ok += 1
            if self._after_b and kind != "Q":
                self._lost(sink)
            self._after_b = kind == "B"
            if kind == "S":
                if not self._info_sent:
                    self._info_sent = True
                    sink.event(DeviceInfo(self.protocol, _FS, ADC_MAX, "PulseSensor"))
                self._t_line = self._n / _FS
                self._n += 1
                sink.sample(self._t_line, float(val), _FS)
            elif kind == "Q" and self._n > 0:
                self._beat(val, sink)
        return sink.take()

    def _lost(self, sink: EventSink) -> None:
        if self._prev_beat is not None:
            sink.event(Gap(self._prev_beat, self._t_line - self._prev_beat, "lost_beat"))
        self._prev_beat = None

    def _beat(self, ibi_ms: int, sink: EventSink) -> None:
        t = self._t_line
        if self._prev_beat is not None:
            expected = self._prev_beat + ibi_ms / 1000.0
            err = t - expected
            if err > 0.6 * ibi_ms / 1000.0:
                sink.event(Gap(self._prev_beat, t - self._prev_beat, "lost_beat"))
            elif abs(err) <= PULSESENSOR_REANCHOR_S:
                t = expected
        self._prev_beat = t
        sink.event(DeviceBeat(t, float(ibi_ms)))


class PulseSensorPlotterDecoder:
    """SERIAL_PLOTTER mode: ``<BPM>,<IBI>,<Signal>`` per sample.

    Beats are only inferable: a ``DeviceBeat`` (at the line's counted time, 20 ms resolution,
    ``ibi_ms`` = the new IBI) is emitted when IBI changes while BPM > 0. Two equal successive
    IBIs are invisible, so beats are missed; prefer the visualizer mode or BF1 for HRV.
    BPM = 0 (the library's no-signal reset) gives ``DeviceStatus("searching", "no signal")``.
    """

    protocol = "pulsesensor-plotter"
    counted_clock = True  # times count lines: the io layer adds the time a silent device did not send

    def __init__(self) -> None:
        self.stats = DecoderStats()
        self._lines = LineSplitter(self.stats)
        self._n = 0
        self._prev: tuple[int, int] | None = None
        self._state: str | None = None

    def feed(self, data: bytes) -> list[Event]:
        sink = EventSink()
        for line in self._lines.split(data):
            m = _PLOT.fullmatch(line)
            if not m:
                self.stats.lines_bad += 1
                continue
            bpm, ibi, sig = (int(g) for g in m.groups())
            if sig > ADC_MAX or bpm > 300 or ibi > 5000:
                self.stats.lines_bad += 1
                continue
            self.stats.lines_ok += 1
            t = self._n / _FS
            if self._n == 0:
                sink.event(DeviceInfo(self.protocol, _FS, ADC_MAX, "PulseSensor"))
            self._n += 1
            sink.sample(t, float(sig), _FS)
            state = "ok" if bpm > 0 else "searching"
            if state != self._state:
                self._state = state
                sink.event(DeviceStatus(t, state, "" if bpm else "no signal (BPM=0)"))
            if self._prev is not None and bpm > 0 and ibi != self._prev[1]:
                sink.event(DeviceBeat(t, float(ibi)))
            self._prev = (bpm, ibi)
        return sink.take()


class _PlaygroundState:
    """The Playground library's BPM/IBI bookkeeping, shared by both encoders."""

    def __init__(self, drop_first_beat: bool):
        self.drop_first = drop_first_beat
        self.bpm, self.ibi = 0, 750
        self.history: list[int] = []
        self.armed = not drop_first_beat
        self.last_beat_t: float | None = None
        self.ibis = IbiTracker()

    def beat(self, t: float, ibi: float | None) -> int | None:
        """Register a beat; return its IBI if the library would report it."""
        ibi = self.ibis.ibi(t, ibi)
        self.last_beat_t = t
        if not self.armed or ibi is None:
            self.armed = True
            return None
        self.ibi = int(round(ibi))
        if not self.history:
            self.history = [self.ibi] * 10
        self.history = self.history[1:] + [self.ibi]
        self.bpm = 60000 // max(1, sum(self.history) // 10)
        return self.ibi

    def tick(self, t: float) -> None:
        if self.last_beat_t is not None and t - self.last_beat_t > PULSESENSOR_NO_BEAT_RESET_S:
            self.bpm, self.ibi, self.history = 0, 600, []
            self.armed = not self.drop_first
            self.last_beat_t = None


class _PulseSensorEncoder:
    """Common resampling to 50 lines/s; beats go out after the first line at or after them."""

    def __init__(self, drop_first_beat: bool = True):
        self._rs = Resampler(_FS)
        self._pending = PendingTimeline()
        self._pg = _PlaygroundState(drop_first_beat)
        self._contact = True

    def _lines(self, t: float, v: int, beats: list[int]) -> str:
        raise NotImplementedError

    def encode(self, t_s: np.ndarray, values: np.ndarray, beats: Sequence[BeatSpec] = (),
               contact: Sequence[ContactSpec] = ()) -> bytes:
        # a beat is reported on the first line at or after it, so beats past the last line wait
        ticks = next_ticks(self._rs, self._pending, t_s, values, beats, contact, ADC_MAX)
        if ticks is None:
            return b""
        tk, vk, bts, cts = ticks
        out: list[str] = []
        for t, v, changes, due in walk_ticks(tk, vk, bts, cts):
            if changes:
                self._contact = changes[-1][1]
            reported = []
            for bt, ibi in due:
                if self._contact:
                    r = self._pg.beat(bt, ibi)
                    if r is not None:
                        reported.append(r)
            self._pg.tick(t)
            out.append(self._lines(t, v, reported))
        return "".join(out).encode("ascii")


class PulseSensorVisualizerEncoder(_PulseSensorEncoder):
    """Playground PROCESSING_VISUALIZER bytes: ``S`` at 50 Hz, ``B``/``Q`` after a beat's line.

    Like the library, the first beat after start or after 2.5 s without beats gives no output
    (``drop_first_beat``); beats during lost contact are not detected.
    """

    def _lines(self, t: float, v: int, beats: list[int]) -> str:
        s = f"S{v}\r\n"
        for ibi in beats:
            s += f"B{self._pg.bpm}\r\nQ{ibi}\r\n"
        return s


class PulseSensorPlotterEncoder(_PulseSensorEncoder):
    """Playground SERIAL_PLOTTER bytes: ``BPM,IBI,Signal`` at 50 Hz."""

    def _lines(self, t: float, v: int, beats: list[int]) -> str:
        return f"{self._pg.bpm},{self._pg.ibi},{v}\r\n"
