"""The raw event log: every decoded event as one CSV row, in arrival order.

``record --raw`` writes it and ``analyze`` and replay read it back, so a
recording can be re-analysed with a better algorithm or replayed live later.
Format (text, one event per row, after a magic first line)::

    # biofeedback raw events v1
    kind,t_s,value,detail
    info,0,250,protocol=native;device=sim;adc_max=1023
    ppg,12.004,517,
    beat,12.810,804,          (device-reported beat; value = ibi_ms or empty; detail "ectopic" when
                               the ECG detector judged its QRS not a normal beat's)
    status,13.0,,finger_out
    gap,20.0,3.5,disconnected (value = duration_s or empty)
    ecg,12.0077,-153,130      (a strap's other signals: value = the sample, detail = fs_hz;
    acc,12.04,41;-995;88,25    channels joined by ';'; a run of rows of one kind is one block)
    direction,,,inverted      (the person chose the pulse's direction here: upright, inverted or
                               auto; no time of its own, its place in the stream is when)

Files written before those rows existed read as before.

A row cut short by a crash (the last one) is ignored; damage elsewhere is an error. A row whose
time no device gives (not finite, beyond FILE_TIME_ABS_MAX_S) or that stands alone far from the
rows around it (RAW_ROW_OUT_OF_PLACE_S) is damage too: the writer writes rows in stream order,
in device time, and a clock restart or a lost stretch as a gap row, so its times never leave
their neighbours and come back.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable
from dataclasses import replace
from typing import TextIO

import numpy as np

from biofeedback import config
from biofeedback.core.types import (
    PULSE_DIRECTIONS,
    DeviceBeat,
    DeviceInfo,
    DeviceStatus,
    Event,
    Gap,
    PpgBlock,
    PulseDirectionChosen,
    SignalBlock,
    direction_name,
)

RAW_MAGIC = "# biofeedback raw events v1"
RAW_HEADER = "kind,t_s,value,detail"
ECTOPIC = "ectopic"  # a beat row's detail: DeviceBeat.ectopic
SIGNAL_KINDS = ("ecg", "acc")  # SignalBlock kinds, each its own row kind


class RawLogError(ValueError):
    """The raw event log is damaged."""


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.6f}".rstrip("0").rstrip(".")


def format_events(events: Iterable[Event]) -> str:
    """Rows for ``events`` (without the header)."""
    rows: list[str] = []
    for event in events:
        if isinstance(event, PpgBlock):
            rows += [f"ppg,{_fmt(t)},{_fmt(v)}," for t, v in zip(event.t_s.tolist(), event.value.tolist(), strict=False)]
        elif isinstance(event, SignalBlock):
            rows += _signal_rows(event)
        elif isinstance(event, DeviceBeat):
            rows.append(f"beat,{_fmt(event.t_s)},{_fmt(event.ibi_ms)},{ECTOPIC if event.ectopic else ''}")
        elif isinstance(event, DeviceStatus):
            rows.append(f"status,{_fmt(event.t_s)},,{event.state}")
        elif isinstance(event, Gap):
            rows.append(f"gap,{_fmt(event.t_s)},{_fmt(event.duration_s)},{event.reason}")
        elif isinstance(event, DeviceInfo):
            polarity = "" if event.polarity is None else event.polarity
            detail = (f"protocol={event.protocol};device={event.device};adc_max={event.adc_max or ''}"
                      f";polarity={polarity}")
            rows.append(f"info,0,{_fmt(event.fs_hz)},{detail}")
        elif isinstance(event, PulseDirectionChosen):
            rows.append(f"direction,,,{direction_name(event.polarity)}")
    return "".join(row + "\n" for row in rows)


def _signal_rows(block: SignalBlock) -> list[str]:
    if block.kind not in SIGNAL_KINDS:
        raise ValueError(f"a raw log has no rows for a {block.kind!r} signal")
    fs = _fmt(block.fs_hz)
    values = block.value.reshape(len(block), -1).tolist()
    return [f"{block.kind},{_fmt(t)},{';'.join(_fmt(v) for v in row)},{fs}"
            for t, row in zip(block.t_s.tolist(), values, strict=True)]


class RawEventWriter:
    """Appends events to an open text file; the caller decides when to flush."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.stream.write(f"{RAW_MAGIC}\n{RAW_HEADER}\n")

    def write(self, events: Iterable[Event]) -> None:
        self.stream.write(format_events(events))

    def flush(self) -> None:
        self.stream.flush()

    def close(self) -> None:
        self.stream.close()


def _parse_info(value: str, detail: str) -> DeviceInfo:
    fields = dict(part.split("=", 1) for part in detail.split(";") if "=" in part)
    adc = fields.get("adc_max", "")
    return DeviceInfo(
        protocol=fields.get("protocol", "unknown"),
        fs_hz=float(value) if value else None,
        adc_max=int(adc) if adc else None,
        device=fields.get("device", ""),
        polarity=int(fields["polarity"]) if fields.get("polarity") else None,
    )


def read_raw_events(stream: TextIO, source_name: str = "raw log") -> list[Event]:
    """Parse a raw event log back into events; consecutive samples become PpgBlocks (SignalBlocks)."""
    lines = [line.removesuffix("\r") for line in stream.read().split("\n")]  # a log saved with CRLF line ends
    if not lines or lines[0].strip() != RAW_MAGIC:
        raise RawLogError(f"{source_name} is not a biofeedback raw event log")
    complete = lines[2:-1]  # the last element is "" or a row cut short by a crash
    events: list[Event] = []
    fs_hz = 0.0
    t_buf: list[float] = []
    v_buf: list[float] = []
    sig: tuple[str, float] | None = None  # the signal kind and rate of the rows in s_t/s_v
    s_t: list[float] = []
    s_v: list[list[float]] = []

    undeclared: list[int] = []  # events[i]: samples logged before any header declared their rate
    undeclared_t: list[float] = []
    # the line number and time of every row with a time of its own (arrays: hours of samples are millions)
    timed_lines, timed_t = array("q"), array("d")

    def close_block() -> None:
        if t_buf:
            if not fs_hz:
                undeclared.append(len(events))
                undeclared_t.extend(t_buf)
            events.append(PpgBlock(np.array(t_buf), np.array(v_buf), fs_hz or 1.0))
            t_buf.clear()
            v_buf.clear()

    def close_signal() -> None:
        nonlocal sig
        if sig is not None and s_t:
            value = np.array(s_v)
            events.append(SignalBlock(sig[0], np.array(s_t), value[:, 0] if value.shape[1] == 1 else value, sig[1]))
        s_t.clear()
        s_v.clear()
        sig = None

    for number, line in enumerate(complete, start=3):
        parts = line.split(",", 3)
        try:
            kind, t_text, value, detail = parts
            if kind == "direction":
                if detail not in PULSE_DIRECTIONS:
                    raise ValueError(detail)
                close_signal()
                close_block()
                events.append(PulseDirectionChosen(PULSE_DIRECTIONS[detail]))
                continue
            t_s = float(t_text)
            if kind != "info":  # (an info row's time is always 0: it has none of its own)
                if not (math.isfinite(t_s) and abs(t_s) <= config.FILE_TIME_ABS_MAX_S):
                    raise ValueError(t_text)
                timed_lines.append(number)
                timed_t.append(t_s)
            if kind in SIGNAL_KINDS:
                close_block()
                channels = [float(v) for v in value.split(";")]
                this = (kind, float(detail))
                if sig != this or (s_v and len(s_v[0]) != len(channels)):
                    close_signal()
                    sig = this
                s_t.append(t_s)
                s_v.append(channels)
                continue
            close_signal()
            if kind == "ppg":
                t_buf.append(t_s)
                v_buf.append(float(value))
                continue
            close_block()
            if kind == "beat":
                events.append(DeviceBeat(t_s, float(value) if value else None, ectopic=detail == ECTOPIC))
            elif kind == "status":
                events.append(DeviceStatus(t_s, detail))
            elif kind == "gap":
                events.append(Gap(t_s, float(value) if value else None, detail))
            elif kind == "info":
                info = _parse_info(value, detail)
                fs_hz = info.fs_hz or 0.0
                events.append(info)
            else:
                raise ValueError(kind)
        except ValueError:
            raise _damaged(source_name, number, line) from None
    stray = _out_of_place(np.frombuffer(timed_t, dtype=float))
    if stray is not None:
        number = timed_lines[stray]
        raise _damaged(source_name, number, complete[number - 3])
    close_signal()
    close_block()
    if undeclared:  # one rate from all of them: status rows between samples split them into blocks
        rate = _estimate_fs(undeclared_t)
        for i in undeclared:
            block = events[i]
            assert isinstance(block, PpgBlock)
            events[i] = replace(block, fs_hz=rate)
    return events


def _damaged(source_name: str, number: int, line: str) -> RawLogError:
    return RawLogError(f"{source_name} line {number} is damaged: {line[:60]!r}")


def _out_of_place(t: np.ndarray) -> int | None:
    """The index (in ``t``, the rows' times in file order) of the first row whose time is more than RAW_ROW_OUT_OF_PLACE_S from the
    rows before and after it while those two agree: one damaged stamp, which replay would wait
    for and analyze would count as hours of recording. A jump the stream stays at (a restart, a
    pause) has rows after it that agree with it: not damage."""
    if t.size < 3:
        return None
    far = config.RAW_ROW_OUT_OF_PLACE_S
    alone = ((np.abs(t[1:-1] - t[:-2]) > far) & (np.abs(t[2:] - t[1:-1]) > far)
             & (np.abs(t[2:] - t[:-2]) <= far))
    hits = np.flatnonzero(alone)
    return int(hits[0]) + 1 if hits.size else None


def _estimate_fs(t_s: list[float]) -> float:
    """The rate of samples logged before any header, from the median step between them: rounded
    to 1 µHz, as the times are printed to a fixed precision (1 / 0.004 s gave 249.99999999999977
    Hz, and the detector's sample counts of a 250 Hz recording differed from the live ones)."""
    steps = np.diff(t_s)
    steps = steps[steps > 0]
    return round(float(1.0 / np.median(steps)), 6) if steps.size else 1.0
