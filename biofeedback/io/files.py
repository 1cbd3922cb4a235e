"""Read recordings from files: RR/IBI text, RR CSV, PPG CSV, raw event logs.

Every reader turns a file into the event stream a live source would give, so
``analyze`` and replay run the very same pipeline as the live app. Problems
become ``InputError`` with a sentence a user understands; callers print it.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np

from biofeedback.core.types import DeviceBeat, DeviceInfo, Event, PpgBlock
from biofeedback.io.rawlog import RAW_MAGIC, RawLogError, read_raw_events

RR_COLUMN_PATTERN = re.compile(r"^(rr|ibi|nn|rri|interval|rr_ms|ibi_ms|nn_ms|rr_s|ibi_s|rr interval.*)$", re.I)
PPG_COLUMN_PATTERN = re.compile(r"^(ppg|value|signal|pleth|ir|red|green|raw|adc|ppg_.*|.*_ppg)$", re.I)
TIME_COLUMN_PATTERN = re.compile(r"^(t|time|times|timestamp|time_s|time_ms|t_s|t_ms|ms|seconds|datetime|date)$", re.I)
SECONDS_MEDIAN_LIMIT = 10.0  # Kubios-style: intervals whose median is below 10 are in seconds
PPG_BLOCK_SAMPLES = 4096  # split long PPG files into blocks like a live stream would


class InputError(Exception):
    """A problem with an input file, phrased for the user."""


@dataclass(frozen=True)
class Recording:
    """A file turned into events, with what was learnt reading it."""

    kind: str  # "rr" | "ppg" | "raw"
    events: list[Event]
    note: str = ""  # e.g. "intervals read as seconds"


def load_recording(path: str | Path, kind: str = "auto", fs_hz: float | None = None,
                   column: str | None = None) -> Recording:
    """Read ``path`` as RR intervals, a PPG wave or a raw event log."""
    path = Path(path)
    text = _read_text(path)
    if text.startswith(RAW_MAGIC):
        if kind not in ("auto", "raw"):
            raise InputError(f"{path.name} is a raw event log; use --kind auto")
        try:
            return Recording("raw", read_raw_events(io.StringIO(text), source_name=path.name))
        except RawLogError as error:
            raise InputError(str(error)) from None
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    if not lines:
        raise InputError(f"{path.name} holds no data")
    header = _header(lines[0])
    if kind == "auto":
        kind = _guess_kind(header, lines, fs_hz, column)
    if kind == "rr":
        return _rr_recording(path, header, lines, column)
    if kind == "ppg":
        return _ppg_recording(path, header, lines, fs_hz, column)
    raise InputError(f"unknown kind {kind!r}: use auto, rr or ppg")


# -- helpers -------------------------------------------------------------------


def _read_text(path: Path) -> str:
    if not path.exists():
        raise InputError(f"no such file: {path}")
    if path.is_dir():
        raise InputError(f"{path} is a folder, not a file")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path.name} is empty")
    if b"\x00" in data[:4096]:
        raise InputError(f"{path.name} is a binary file, not text")
    return data.decode("utf-8-sig", errors="replace")


def _split(line: str) -> list[str]:
    delimiter = "," if "," in line else ";" if ";" in line else "\t" if "\t" in line else None
    if delimiter is None:
        return line.split()
    return [cell.strip() for cell in next(csv.reader([line], delimiter=delimiter))]


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _header(first_line: str) -> list[str] | None:
    """The column names when the first line is a header, else None."""
    cells = _split(first_line)
    known = (RR_COLUMN_PATTERN, PPG_COLUMN_PATTERN, TIME_COLUMN_PATTERN)
    if len(cells) == 1 and not any(p.match(cells[0].strip().strip('"')) for p in known):
        return None  # a lone word is bad data, not a header
    if any(not _is_number(c) for c in cells if c):
        return [c.strip().strip('"') for c in cells]
    return None


def _pick(header: list[str], pattern: re.Pattern[str], what: str, column: str | None) -> int:
    if column is not None:
        if column not in header:
            raise InputError(f"no column named {column!r}; the file has {', '.join(header)}")
        return header.index(column)
    matches = [i for i, name in enumerate(header) if pattern.match(name)]
    if not matches:
        raise InputError(f"no {what} column found among {', '.join(header)}; name one with --column")
    if len(matches) > 1:
        names = ", ".join(header[i] for i in matches)
        raise InputError(f"several possible {what} columns ({names}); choose one with --column")
    return matches[0]


def _guess_kind(header: list[str] | None, lines: list[str], fs_hz: float | None,
                column: str | None) -> str:
    if header is None:
        return "ppg" if fs_hz is not None else "rr"
    names = header if column is None else [column]
    if any(RR_COLUMN_PATTERN.match(n) for n in names):
        return "rr"
    if any(PPG_COLUMN_PATTERN.match(n) for n in names) or fs_hz is not None:
        return "ppg"
    raise InputError(
        f"cannot tell whether {', '.join(header)} holds RR intervals or a PPG wave; "
        "use --kind rr or --kind ppg (and --column NAME)"
    )


def _column_values(lines: list[str], index: int, path: Path, what: str) -> list[str]:
    cells = []
    for number, line in enumerate(lines, start=1):
        row = _split(line)
        if index >= len(row):
            raise InputError(f"{path.name} line {number}: missing the {what} column")
        cells.append(row[index])
    return cells


def _numbers(cells: list[str], path: Path, what: str, first_line: int) -> np.ndarray:
    values = np.empty(len(cells))
    for i, cell in enumerate(cells):
        try:
            values[i] = float(cell)
        except ValueError:
            raise InputError(
                f"{path.name} line {i + first_line}: {cell[:40]!r} is not a number ({what})"
            ) from None
    if not np.all(np.isfinite(values)):
        raise InputError(f"{path.name}: {what} contains NaN or infinite values")
    return values


def _rr_recording(path: Path, header: list[str] | None, lines: list[str],
                  column: str | None) -> Recording:
    if header is None:
        if any(len(_split(ln)) > 1 for ln in lines[:20]):
            raise InputError(f"{path.name} has several columns but no header; add one or use --kind")
        cells = [_split(ln)[0] for ln in lines]
        first_line = 1
    else:
        index = _pick(header, RR_COLUMN_PATTERN, "RR interval", column)
        cells = _column_values(lines[1:], index, path, "RR interval")
        first_line = 2
    rr = _numbers(cells, path, "RR interval", first_line)
    if rr.size < 2:
        raise InputError(f"{path.name} holds {rr.size} interval(s); at least 2 are needed")
    if np.any(rr <= 0):
        raise InputError(f"{path.name}: RR intervals must be positive")
    note = ""
    named_seconds = header is not None and header[index].lower().endswith("_s")
    if named_seconds or np.median(rr) < SECONDS_MEDIAN_LIMIT:
        rr = rr * 1000.0
        note = "intervals read as seconds"
    beat_t_s = np.concatenate([[0.0], np.cumsum(rr) / 1000.0])
    events: list[Event] = [DeviceInfo(protocol="ibi", device=path.name)]
    events.append(DeviceBeat(t_s=0.0, ibi_ms=None))
    events += [DeviceBeat(t_s=float(t), ibi_ms=float(r)) for t, r in zip(beat_t_s[1:], rr, strict=False)]
    return Recording("rr", events, note)


def _parse_times(cells: list[str], name: str, path: Path) -> np.ndarray:
    if cells and not _is_number(cells[0]):
        try:
            stamps = [datetime.fromisoformat(c.replace("Z", "+00:00")) for c in cells]
        except ValueError:
            raise InputError(f"{path.name}: time column {name!r} is neither numbers nor ISO date-times") from None
        return np.array([(s - stamps[0]).total_seconds() for s in stamps])
    t = _numbers(cells, path, "time", 2)
    lowered = name.lower()
    steps = np.diff(t)
    if steps.size and np.any(steps < 0):
        raise InputError(f"{path.name}: the time column goes backwards")
    in_ms = lowered.endswith("ms") or (not lowered.endswith("_s") and steps.size and np.median(steps) >= 1.0)
    return (t - t[0]) / (1000.0 if in_ms else 1.0)


def _ppg_recording(path: Path, header: list[str] | None, lines: list[str], fs_hz: float | None,
                   column: str | None) -> Recording:
    if header is None:
        values = _numbers([_split(ln)[-1] for ln in lines], path, "PPG value", 1)
        t_s = None
    else:
        value_index = _pick(header, PPG_COLUMN_PATTERN, "PPG value", column)
        values = _numbers(_column_values(lines[1:], value_index, path, "PPG value"), path, "PPG value", 2)
        time_index = next((i for i, n in enumerate(header) if TIME_COLUMN_PATTERN.match(n)), None)
        t_s = None
        if time_index is not None and fs_hz is None:
            t_s = _parse_times(_column_values(lines[1:], time_index, path, "time"), header[time_index], path)
    if t_s is None:
        if fs_hz is None:
            raise InputError(f"{path.name} has no time column: give the sample rate with --fs HZ")
        if fs_hz <= 0:
            raise InputError("--fs must be a positive sample rate in Hz")
        t_s = np.arange(values.size) / fs_hz
    else:
        steps = np.diff(t_s)
        if steps.size == 0 or np.median(steps) <= 0:
            raise InputError(f"{path.name}: cannot work out a sample rate from the time column")
        fs_hz = float(1.0 / np.median(steps))
    if values.size < 2 * fs_hz:
        raise InputError(f"{path.name} holds {values.size / fs_hz:.1f} s of PPG; at least 2 s are needed")
    events: list[Event] = [DeviceInfo(protocol="file", fs_hz=fs_hz, device=path.name)]
    for start in range(0, values.size, PPG_BLOCK_SAMPLES):
        stop = start + PPG_BLOCK_SAMPLES
        events.append(PpgBlock(t_s=t_s[start:stop], value=values[start:stop], fs_hz=fs_hz))
    return Recording("ppg", events)
