"""Plain inter-beat-interval text: one interval per line (docs/reference/sensor-protocols.md §4).

Accepted lines (strict, whole line): ``<n>``, ``RR=<n>``, ``RR:<n>``, ``IBI=<n>``, ``IBI:<n>``,
``Q<n>`` with one optional space after the prefix; ``n`` an unsigned decimal without a leading zero
(``0.x`` allowed) of up to 9 digits: a 5-digit glitch (65535, a timer overflow) is an interval too,
which the interval rule then makes a gap (longer numbers are no timer value and would ruin the
running sum of beat times: an unreadable line). PulseSensor's ``B<bpm>`` line, sent with each ``Q`` line, and a blank
line carry no interval and are passed over. Values below ``IBI_SECONDS_BELOW`` (10) are seconds and are multiplied by
1000; all others are milliseconds. Recognising a stream (``parse_ibi_line``, auto-detect) takes only
intervals inside ``IBI_TEXT_RANGE_MS``.

Once the stream is an IBI stream, every well-formed line is a beat, glitch values too (a 150 ms or
3.5 s value from a timer overflow or a lost contact): the decoder reports what the device said, and
the pipeline's one interval rule (core/rr/intervals.py) makes an impossible interval a gap, counted,
never a normal interval and never silently dropped. A zero interval (no beat time) is a
``Gap("lost_beat")``; so is a line that is no interval at all (``abc``, ``-800``, ``800ms``) once
intervals have come: it stood for a beat whose interval is unknown. Such lines are counted
(``stats.lines_bad``) for the recorder to say how many could not be read. Beat times are the running sum of the intervals from 0 (there is no device
clock); the first interval ends the first beat at ``t_s = ibi_ms / 1000`` and is a whole interval,
so the pipeline keeps it (the stream's first, possibly cut, line is skipped by the line splitter).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from biofeedback.config import IBI_SECONDS_BELOW, IBI_TEXT_RANGE_MS
from biofeedback.core.protocols._base import (
    BeatSpec,
    ContactSpec,
    DecoderStats,
    EventSink,
    IbiTracker,
    LineSplitter,
)
from biofeedback.core.types import DeviceBeat, DeviceInfo, Event, Gap

PROTOCOL = "ibi"
_LINE = re.compile(r"(?:(?:RR|IBI)[=:] ?|Q)?((?:[1-9]\d{0,8}|0)(?:\.\d{1,3})?)")
_BPM_LINE = re.compile(r"B\d+")


def parse_ibi_value(line: str) -> float | None:
    """Interval in ms from one well-formed line, whatever its value; None if the line is not one."""
    m = _LINE.fullmatch(line)
    if not m:
        return None
    val = float(m.group(1))
    return val * 1000.0 if val < IBI_SECONDS_BELOW else val


def parse_ibi_line(line: str) -> float | None:
    """Interval in ms from one line, or None if the line is not a plausible IBI text interval."""
    val = parse_ibi_value(line)
    if val is None:
        return None
    return val if IBI_TEXT_RANGE_MS[0] <= val <= IBI_TEXT_RANGE_MS[1] else None


class IbiDecoder:
    """One ``DeviceBeat`` per accepted line; beat times accumulate the intervals."""

    def __init__(self) -> None:
        self.stats = DecoderStats()
        self._lines = LineSplitter(self.stats)
        self._t_ms = 0.0
        self._info_sent = False

    def feed(self, data: bytes) -> list[Event]:
        sink = EventSink()
        for line in self._lines.split(data):
            line = line.strip(" \t")
            if not line or _BPM_LINE.fullmatch(line):
                # says nothing (a blank line, the BPM line PulseSensor sends with each Q line): read once
                # intervals come, else no sign yet that this is an interval stream
                if self._info_sent:
                    self.stats.lines_ok += 1
                else:
                    self.stats.lines_bad += 1
                continue
            ibi = parse_ibi_value(line)
            if ibi is None:
                self.stats.lines_bad += 1
                if self._info_sent:  # the chain of intervals must not run across the beat it stood for
                    sink.event(Gap(self._t_ms / 1000.0, None, "lost_beat"))
                continue
            self.stats.lines_ok += 1
            if not self._info_sent:
                self._info_sent = True
                sink.event(DeviceInfo(PROTOCOL, None, None, "ibi-text"))
            if ibi <= 0.0:  # no beat time: the chain ends here
                sink.event(Gap(self._t_ms / 1000.0, None, "lost_beat"))
                continue
            self._t_ms += ibi
            sink.event(DeviceBeat(self._t_ms / 1000.0, ibi))
        return sink.take()


class IbiEncoder:
    """One line per beat, ``<prefix><ibi_ms>`` with ``decimals`` digits; samples are ignored.

    A beat whose interval is unknown (the first one) gives no line.
    """

    def __init__(self, prefix: str = "", decimals: int = 0):
        self.prefix, self.decimals = prefix, decimals
        self._ibis = IbiTracker()

    def encode(self, t_s: np.ndarray, values: np.ndarray, beats: Sequence[BeatSpec] = (),
               contact: Sequence[ContactSpec] = ()) -> bytes:
        out = []
        for t, ibi in sorted(beats, key=lambda b: b[0]):
            ibi = self._ibis.ibi(float(t), ibi)
            if ibi is not None:
                out.append(f"{self.prefix}{ibi:.{self.decimals}f}\r\n")
        return "".join(out).encode("ascii")
