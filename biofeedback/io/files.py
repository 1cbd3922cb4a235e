"""Read recordings from files: RR/IBI text, CSV tables, OpenSignals, EDF, Polar ECG, NumPy .npy, raw logs.

Every reader turns a file into arrays and, on demand, into the event stream a
live source would give, so ``analyze`` and replay run the same pipeline as the
live app. The content decides what a file holds (time column and its unit,
value column, RR, PPG or ECG); a real ambiguity becomes an ``InputError`` naming the
candidates, and values that cannot be what they would be read as (sensor counts
taken for intervals) are refused with the ``--kind`` to use. Impossible values (NaN, an interval over FILE_RR_GAP_MS, time going
backwards) become gaps and are reported in ``Recording.note``; they never crash.
What would be read wrongly or in part is refused with the line at fault: a
unit that changes inside a column (io/readers_units.py), a table absurdly wide
(io/readers_table.py), anything that is not a regular file (a named pipe would
be waited on for ever), a sample rate no detector works at. Values no device
gives (a sample beyond FILE_SAMPLE_ABS_MAX, a stamp beyond FILE_TIME_ABS_MAX_S,
an interval under FILE_RR_MIN_MS) are read as missing and counted in the note.
tests/io/test_files_fuzz.py holds every reader to this.
"""

from __future__ import annotations

import io
import re
import stat
from dataclasses import replace
from pathlib import Path

import numpy as np

from biofeedback import config
from biofeedback.core.rr.intervals import describe_rule, plausible_rr
from biofeedback.core.types import DeviceInfo, Event, PpgBlock
from biofeedback.io import column_shapes
from biofeedback.io.rawlog import RAW_MAGIC, RawLogError, read_raw_events
from biofeedback.io.readers_edf import LEAD_LABEL, EdfError, is_edf, read_edf
from biofeedback.io.readers_opensignals import OpenSignalsError, is_opensignals, read_opensignals
from biofeedback.io.readers_polar import PolarError, is_polar_ecg, read_polar_ecg
from biofeedback.io.readers_table import Table, TableError, excerpt, name_list, read_table
from biofeedback.io.readers_units import (
    UnitChange,
    interval_unit_change,
    line_of_row,
    time_unit_change,
)
from biofeedback.io.recording import InputError, Recording
from biofeedback.io.signal_cleanup import clean_ppg, clean_raw_events, rr_chains

RR_COLUMN_PATTERN = re.compile(r"^(rr|ibi|nn|rri|interval|rr_ms|ibi_ms|nn_ms|rr_s|ibi_s|rr interval.*|ibi interval.*)$", re.I)
PPG_COLUMN_PATTERN = re.compile(r"^(ppg|bvp|value|signal|pleth|pulse|ir|red|green|raw|adc|ppg_.*|.*_ppg)$", re.I)
# ecg, ECG, ecg_uv, ECG (mV), ekg [uV], ECG lead II: the name starts with the word ECG/EKG, or is a
# standard lead as an EDF labels one (readers_edf.LEAD_LABEL: MLII, Lead II, lead_v5, II, V1-V6, aVF)
ECG_COLUMN_PATTERN = re.compile(rf"^(ecg|ekg)($|[\s_\-(\[].*)|{LEAD_LABEL.pattern}", re.I)
# columns named for what is not a heart beat, with what they hold: never read as a pulse wave on a guess
NON_CARDIAC_COLUMNS = ((re.compile(r"^(resp|respiration|breath|breathing|pzt|rip)($|[\s_\-(\[].*)", re.I), "respiration"),
                       (re.compile(r"^(eda|gsr|scl|skin conductance)($|[\s_\-(\[].*)", re.I), "skin conductance"),
                       (re.compile(r"^emg($|[\s_\-(\[].*)", re.I), "muscle activity"),
                       (re.compile(r"^(acc|accel|accelerometer|acceleration)($|[\s_\-(\[].*)", re.I), "acceleration"),
                       (re.compile(r"^(temp|temperature)($|[\s_\-(\[].*)", re.I), "temperature"))
# heart rate per second or per beat, as watches and apps export it: no beat times can be had from it
HEART_RATE_COLUMN_PATTERN = re.compile(r"^(hr|bpm|heart[\s_\-]?rate|pulse[\s_\-]?rate)($|[\s_\-(\[].*)", re.I)
HEART_RATE_ONLY = ("analyze reads beat-to-beat intervals, a pulse wave or an ECG, not a series of heart rates: "
                   "export the RR intervals (or the raw pulse or ECG signal) instead")
TIME_COLUMN_PATTERN = re.compile(
    r"^(t|time|times|timer|timestamps?|time_s|time_ms|time_us|time_ns|t_s|t_ms|t_ns|timestamps?_(s|ms|us|ns)|"
    r"ms|sec|secs|seconds|elapsed.*|datetime|date_?time|date|clock|unix.*|epoch.*)$", re.I)
_UNIT_SUFFIX = re.compile(r"^(.*?)\s*[\(\[]\s*(ms|s|sec|us|µs|ns)\s*[\)\]]$", re.I)
SECONDS_MEDIAN_LIMIT = 10.0  # Kubios-style: intervals whose median is below 10 are in seconds
FILE_TIME_MATCH_MS = 2.0  # a beat-time column fits its intervals when steps equal them within this
MAX_SAMPLE_STEP_S = 0.25  # a time column stepping faster than this holds a sampled wave (> 4 Hz)


def load_recording(path: str | Path, kind: str = "auto", fs_hz: float | None = None,
                   column: str | None = None) -> Recording:
    """Read ``path`` as RR intervals, a PPG wave, an ECG or a raw event log."""
    path = Path(path)
    if kind not in ("auto", "rr", "ppg", "ecg", "raw"):
        raise InputError(f"unknown kind {kind!r}: use auto, rr, ppg or ecg")
    if fs_hz is not None and not (np.isfinite(fs_hz) and fs_hz > 0):
        raise InputError("--fs must be a positive sample rate in Hz")
    _refuse_if_not_a_file(path)
    if path.suffix.lower() in (".xdf", ".xdfz"):  # LabRecorder files: io/xdf.py
        from biofeedback.io.xdf import load_xdf

        return load_xdf(path, kind=kind)
    head_bytes = _read_head(path)
    if path.suffix.lower() == ".npy" or head_bytes.startswith(b"\x93NUMPY"):
        return _from_npy(path, kind, fs_hz)
    if is_edf(head_bytes, path):
        return _from_edf(path, kind, column)
    data: bytes | Path = path  # what the text readers read: the file, or its text re-encoded as UTF-8
    if head_bytes.startswith(UTF16_BOMS):  # Windows' "Unicode" text
        data = _utf16_as_utf8(path)
        head_bytes = data[:65536]
    if b"\x00" in head_bytes[:4096]:
        raise InputError(f"{path.name} is a binary file, not text")
    head = head_bytes[:4096].decode("utf-8-sig", errors="replace")
    if head.startswith(RAW_MAGIC):
        if kind not in ("auto", "raw"):
            raise InputError(f"{path.name} is a raw event log; use --kind auto")
        try:
            text = (data if isinstance(data, bytes) else path.read_bytes()).decode("utf-8-sig", errors="replace")
            events = read_raw_events(io.StringIO(text), source_name=path.name)
        except RawLogError as error:
            raise InputError(str(error)) from None
        events, note = clean_raw_events(events)
        events, absurd = _raw_without_absurd_samples(events)
        note = "; ".join(n for n in (note, absurd) if n)
        for fs in {e.fs_hz for e in events if isinstance(e, PpgBlock | DeviceInfo) and e.fs_hz is not None}:
            _refuse_odd_rate(path, fs, "PPG", config.STREAM_MIN_PPG_RATE_HZ)
        return Recording("raw", note=note, device=path.name, raw_events=events)
    if is_opensignals(head):
        if kind == "rr":
            raise InputError(f"{path.name} is an OpenSignals recording of a wave; use --kind ppg, ecg or auto")
        try:
            channel = read_opensignals(data, path.name, column, kind)
        except OpenSignalsError as error:
            raise InputError(str(error)) from None
        t_s = np.arange(channel.value.size) / channel.fs_hz
        if kind == "ecg" or (kind == "auto" and channel.kind == "ecg"):
            return _ecg(path, t_s, channel.value, channel.fs_hz, f"OpenSignals {channel.description}",
                        sequence=channel.sequence)
        return _ppg(path, t_s, channel.value, channel.fs_hz, f"OpenSignals {channel.description}",
                    sequence=channel.sequence)
    if is_polar_ecg(head):
        if kind not in ("auto", "ecg"):
            raise InputError(f"{path.name} is a Polar ECG export; use --kind ecg or auto")
        try:
            polar = read_polar_ecg(data, path.name)
        except PolarError as error:
            raise InputError(str(error)) from None
        return _ecg(path, polar.t_s, polar.value_uv, polar.fs_hz, "Polar ECG export (µV, strap clock)")
    try:
        table = read_table(data, path.name)
    except TableError as error:
        raise InputError(str(error)) from None
    return _from_table(path, table, kind, fs_hz, column)


# -- reading -------------------------------------------------------------------


_NOT_FILES = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
              (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
              (stat.S_ISSOCK, "a socket"))


def _refuse_if_not_a_file(path: Path) -> None:
    """Only a regular file is read: a named pipe or a device would be waited on, or read, for ever."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise InputError(f"no such file: {path}") from None
    except OSError as error:
        raise InputError(f"cannot read {path}: {error.strerror or error}") from None
    if stat.S_ISREG(mode):
        return
    what = next((words for test, words in _NOT_FILES if test(mode)), "not a regular file")
    if stat.S_ISDIR(mode):
        raise InputError(f"{path} is a folder, not a file")
    raise InputError(f"{path} is {what}, not a regular file: analyze reads recordings saved to disk, "
                     "so save the stream to a file first")


def _read_head(path: Path) -> bytes:
    """The first 64 KB (the rest is streamed by the parser), after the checks a user needs."""
    _refuse_if_not_a_file(path)
    with open(path, "rb") as f:
        head = f.read(65536)
    if not head.lstrip(b"\xef\xbb\xbf").strip() and not path.read_bytes().lstrip(b"\xef\xbb\xbf").strip():
        raise InputError(f"{path.name} is empty")
    return head


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _utf16_as_utf8(path: Path) -> bytes:
    """A UTF-16 text file (it starts with its byte order mark) as UTF-8 bytes, for the text readers."""
    try:
        return path.read_bytes().decode("utf-16").encode("utf-8")
    except UnicodeDecodeError:
        raise InputError(f"{path.name} starts like UTF-16 text but is not: save it as UTF-8 text") from None


def _from_npy(path: Path, kind: str, fs_hz: float | None) -> Recording:
    try:
        array = np.load(path, allow_pickle=False)
    except (ValueError, OSError) as error:
        raise InputError(f"{path.name} is not a readable NumPy .npy file ({error})") from None
    if array.dtype.names:  # structured array: named columns like a CSV header
        names = list(array.dtype.names)
        columns = [np.asarray(array[n], dtype=float).ravel() for n in names]
        return _from_table(path, Table(names, columns), kind, fs_hz, None)
    if not np.issubdtype(array.dtype, np.number) or np.issubdtype(array.dtype, np.complexfloating):
        raise InputError(f"{path.name} holds {array.dtype} values, not real numbers")
    array = np.asarray(array, dtype=float)
    if array.ndim == 1:
        return _from_table(path, Table(None, [array]), kind, fs_hz, None)
    if array.ndim == 2 and 2 in array.shape:
        rows = array if array.shape[0] == 2 else array.T
        return _from_table(path, Table(None, [rows[0], rows[1]]), kind, fs_hz, None)
    raise InputError(f"{path.name} holds an array of shape {array.shape}; expected one signal or (time, value)")


def _normalised(name: str) -> tuple[str, str | None]:
    """Column name without a bracketed unit, and that unit ("ms", "s", "us") if any."""
    m = _UNIT_SUFFIX.match(name.strip())
    if not m:
        return name.strip(), None
    unit = m.group(2).lower().replace("µ", "u").replace("sec", "s")
    return m.group(1).strip(), unit


def _time_columns(table: Table) -> list[int]:
    found = set(table.datetime_columns)
    if table.names:
        found |= {i for i, n in enumerate(table.names) if TIME_COLUMN_PATTERN.match(_normalised(n)[0])}
    return sorted(found)


def _matching(table: Table, pattern: re.Pattern[str]) -> list[int]:
    if not table.names:
        return []
    return [i for i, n in enumerate(table.names) if pattern.match(_normalised(n)[0])]


def _named(table: Table, column: str) -> int:
    names = table.names or []
    if column in names:
        return names.index(column)
    lowered = [n.lower() for n in names]
    if column.lower() in lowered:
        return lowered.index(column.lower())
    if not names:
        raise InputError(f"no column named {column!r}: the file has no header line")
    raise InputError(f"no column named {column!r}; the file has {name_list(names)}")


def _refuse_if_not_cardiac(path: Path, table: Table, candidates: list[int]) -> None:
    """Candidate value columns all named for something else (resp, eda): refused, not read as a pulse."""
    held = []
    for i in candidates:
        name = _normalised(table.label(i))[0]
        held.append(next((what for pattern, what in NON_CARDIAC_COLUMNS if pattern.match(name)), None))
    if not held or None in held:
        return
    label = table.label(candidates[0])
    raise InputError(f"{path.name}: the column {excerpt(label)} is named for {held[0]}, not a pulse wave, an ECG "
                     f"or heart intervals; if it does hold one, choose it with --column {excerpt(label)}")


def _one(table: Table, candidates: list[int], what: str) -> int:
    if len(candidates) > 1:
        names = name_list([table.label(i) for i in candidates])
        raise InputError(f"several possible {what} columns ({names}); choose one with --column")
    return candidates[0]


def _increasing(x: np.ndarray) -> bool:
    finite = x[np.isfinite(x)]
    return finite.size > 2 and bool(np.mean(np.diff(finite) > 0) > 0.99)


def _from_table(path: Path, table: Table, kind: str, fs_hz: float | None, column: str | None) -> Recording:
    n_cols = len(table.columns)
    times = _time_columns(table)
    if column is not None:
        value = _named(table, column)
        times = [i for i in times if i != value]
        if kind == "auto" and table.names and ECG_COLUMN_PATTERN.match(table.names[value].strip()):
            kind = "ecg"  # --column ecg_uv: the name says what it holds
    else:
        by_kind = {"rr": _matching(table, RR_COLUMN_PATTERN),
                   "ppg": [i for i in _matching(table, PPG_COLUMN_PATTERN) if i not in times],
                   "ecg": [i for i in _matching(table, ECG_COLUMN_PATTERN) if i not in times]}
        others = [i for i in range(n_cols) if i not in times]
        if table.names is None and n_cols == 2 and _increasing(table.columns[0]):
            times, others = [0], [1]  # header-less "time, value"
            if column_shapes.is_sample_number(table.columns[0]):  # read as ms, 0, 1, 2... made any wave a 1000 Hz one
                if fs_hz is None:
                    start = table.columns[0][0]
                    raise InputError(f"{path.name}: the first column counts {start:g}, {start + 1:g}, {start + 2:g}... "
                                     "like a sample number, "
                                     "not a time: give the sampling rate with --fs HZ")
                times = []
        if kind in by_kind and by_kind[kind]:
            others = by_kind[kind]
        elif kind == "auto" and any(by_kind.values()):
            found = [k for k, cols in by_kind.items() if cols]
            if len(found) > 1:
                names = name_list([table.label(i) for k in found for i in by_kind[k]])
                kinds = " or ".join(f"--kind {k}" for k in found)
                raise InputError(f"{path.name} has {' and '.join(k.upper() for k in found)} columns ({names}); "
                                 f"use {kinds}")
            kind = found[0]
            others = by_kind[kind]
        if not others:
            raise InputError(f"no value column found among {name_list(table.names or [])}; name one with --column")
        _refuse_if_not_cardiac(path, table, others)
        if table.names and all(HEART_RATE_COLUMN_PATTERN.match(_normalised(table.label(i))[0])
                               and column_shapes.looks_like_heart_rates(table.columns[i][np.isfinite(table.columns[i])])
                               for i in others):  # heartpy names its PPG "hr": the values decide
            raise InputError(f"{path.name}: the column {excerpt(table.label(others[0]))} holds heart rates (beats per "
                             f"minute), not beats; {HEART_RATE_ONLY}")
        if len(others) > 1:
            if table.names is None:
                raise InputError(f"{path.name} has {n_cols} columns but no header; add one or use --column")
            names = name_list([table.label(i) for i in others])
            raise InputError(f"several possible value columns ({names}); choose one with --column")
        value = others[0]
    if value in table.text_columns:
        raise InputError(f"{path.name}: {excerpt(table.text_columns[value])} in {name_list([table.label(value)])} "
                         "is not a number")
    time = _one(table, times, "time") if times and fs_hz is None else None
    if fs_hz is not None and len(times) == 1 and kind != "rr":
        _refuse_fs_against_time(path, table, times[0], fs_hz)
    if time is not None and time in table.text_columns:
        raise InputError(f"{path.name}: time column {excerpt(table.label(time))} is neither numbers nor ISO "
                         f"date-times ({excerpt(table.text_columns[time])})")
    header = table.names is not None
    if kind == "rr":  # a time column is optional for intervals: used for gaps when it fits them
        if time is not None:  # ... but its order is the beats' order: shuffled intervals give a wrong RMSSD
            _refuse_rows_out_of_order(path, table.columns[time], _normalised(table.label(time))[0])
        recording = _rr(path, table.columns[value], table.label(value), _beat_times_or_none(path, table, time),
                        header=header, comma=table.decimal_comma)
        return _with_marked_corrections(table, recording)
    t_s = _time_in_seconds(path, table, time) if time is not None else None
    if kind == "auto":
        if fs_hz is not None:
            kind = "ppg"
        elif t_s is None:
            kind = "rr"
        else:
            step = _median_step(t_s)
            if step is not None and step < MAX_SAMPLE_STEP_S:
                kind = "ppg"
            else:
                raise InputError(
                    f"cannot tell whether {table.label(value)} holds RR intervals or a PPG wave "
                    f"(time steps of {step or 0:.3g} s); use --kind rr or --kind ppg")
    if kind == "rr":
        return _rr(path, table.columns[value], table.label(value), told=False, header=header,
                   comma=table.decimal_comma)
    if t_s is None:
        if fs_hz is None:
            raise InputError(f"{path.name} has no time column: give the sample rate with --fs HZ")
        t_s = np.arange(table.columns[value].size) / fs_hz
    if kind == "ecg":
        return _ecg(path, t_s, table.columns[value], fs_hz, f"ECG column {table.label(value)}")
    return _ppg(path, t_s, table.columns[value], fs_hz, "")


def _with_marked_corrections(table: Table, recording: Recording) -> Recording:
    """A beats CSV (``record --out``, ``export --format csv``) says which intervals its writer corrected:
    analysing it again finds them already mended (0 corrected, no warning), so its count is kept and said."""
    marks = [i for i in range(len(table.columns)) if (table.names or [""] * len(table.columns))[i].strip().lower()
             == "corrected" and i not in table.text_columns]
    if len(marks) != 1:
        return recording
    flags = table.columns[marks[0]][np.isfinite(table.columns[marks[0]])]
    if not flags.size or not np.all((flags == 0) | (flags == 1)) or not flags.any():
        return recording
    n = int(flags.sum())
    said = f"{n} interval(s) marked corrected in the file by the program that wrote it"
    return replace(recording, marked_corrected=n, note=f"{recording.note}; {said}" if recording.note else said)


def _refuse_fs_against_time(path: Path, table: Table, time: int, fs_hz: float) -> None:
    """--fs that disagrees with the file's own time column: refused, since it would replace the column.

    The column's rate is its mean step leaving out gaps (not the median, which a
    clock in whole ms ticks rounds: 7 and 8 ms steps at 128 Hz). A column that
    cannot be read as time is what --fs is for, so it is not checked.
    """
    try:
        t_s = _time_in_seconds(path, table, time)
    except InputError:
        return
    steps = np.diff(t_s[np.isfinite(t_s)])
    steps = steps[steps > 0]
    steps = steps[steps <= 2.0 * np.median(steps)]
    column_hz = 1.0 / float(np.mean(steps))
    if abs(fs_hz / column_hz - 1.0) > config.FILE_FS_MATCH_SHARE:
        raise InputError(
            f"{path.name}: --fs {fs_hz:g} Hz disagrees with the time column {excerpt(table.label(time))}, which "
            f"steps at {column_hz:.4g} Hz; --fs is only for files without a time column, so leave it out")


def _median_step(t_s: np.ndarray) -> float | None:
    steps = np.diff(t_s[np.isfinite(t_s)])
    steps = steps[steps > 0]
    return float(np.median(steps)) if steps.size else None


def _time_in_seconds(path: Path, table: Table, index: int) -> np.ndarray:
    t = table.columns[index]
    name, unit = _normalised(table.label(index))
    _refuse_rows_out_of_order(path, t, name)
    if _median_step(t) is None:  # also when its name gives the unit: no sample time can come of it
        raise InputError(f"{path.name}: the time column {excerpt(name)} never advances")
    if index in table.datetime_columns:
        return t
    change = time_unit_change(t)
    if change is not None:
        ratio = change.value_after / change.value_before
        raise InputError(
            f"{path.name}: the time column {excerpt(name)} changes unit at {_place(path, change, table.names is not None)}: "
            f"its steps go from {change.value_before:.4g} to {change.value_after:.4g} "
            f"({'1000 times larger' if ratio > 1 else '1000 times smaller'}: seconds and milliseconds mixed?), "
            f"{_changes_more(change)}so about {change.rows_other} of {int(np.isfinite(t).sum())} rows would be read wrongly. "
            "Write the whole column in one unit, or split the file there")
    lowered = name.lower()
    if unit is None:
        if lowered.endswith(("_ms", "ms")):
            unit = "ms"
        elif lowered.endswith(("_us",)):
            unit = "us"
        elif lowered.endswith(("_ns",)):
            unit = "ns"
        elif lowered.endswith(("_s", "sec", "secs", "seconds")) or lowered.startswith(("unix", "epoch")):
            unit = "s"
    if unit is None:
        step = _median_step(t)
        assert step is not None  # checked above
        if step < 0.11:
            unit = "s"
        elif 1.0 <= step < 200.0:
            unit = "ms"
        elif step >= 200.0:
            unit = column_shapes.micro_or_nano(step)
        else:
            raise InputError(
                f"{path.name}: cannot tell whether time column {name!r} is in s ({1 / step:.3g} Hz) "
                f"or ms ({1000 / step:.3g} Hz); rename it {name}_s or {name}_ms")
    scale = {"s": 1.0, "ms": 1e-3, "us": 1e-6, "ns": 1e-9}[unit]
    t = _without_lone_stamps(t, config.FILE_GAP_MAX_S / scale)
    with np.errstate(over="ignore", invalid="ignore"):
        t_s = t * scale
        t_s[np.abs(t_s) > config.FILE_TIME_ABS_MAX_S] = np.nan  # 1e300 would leave float arithmetic no digits
    finite = t_s[np.isfinite(t_s)]
    if finite.size < 2:
        raise InputError(f"{path.name}: the time column {excerpt(name)} holds no usable time stamps")
    return t_s - finite[0]


def _refuse_rows_out_of_order(path: Path, t: np.ndarray, name: str) -> None:
    """A time column that goes backwards at many steps has its rows out of order (sorted by another
    column, or reversed): read in file order it gives no beats, or "never advances". A clock
    restart (one step back) is not this: it is read as a gap (io/signal_cleanup.py)."""
    steps = np.diff(t[np.isfinite(t)])
    steps = steps[steps != 0]
    back = int(np.count_nonzero(steps < 0))
    if back > 1 and back > config.FILE_TIME_BACK_MAX_SHARE * steps.size:
        raise InputError(f"{path.name}: the rows are not in time order (the time column {excerpt(name)} goes "
                         f"backwards at {back} of {steps.size} steps): sort the file by time and try again")


def _without_lone_stamps(t: np.ndarray, limit: float) -> np.ndarray:
    """``t`` with each stamp that jumps more than ``limit`` away and straight back made NaN.

    A damaged stamp (1e300 among seconds) would otherwise become the record's
    origin or a gap of 1e300 s; as NaN its row is skipped and counted in the
    note like any row without a time. A real jump (a pause) is not undone by the
    next stamp, so it stays.
    """
    rows = np.flatnonzero(np.isfinite(t))
    if rows.size < 3:
        return t
    x = t[rows]
    with np.errstate(over="ignore", invalid="ignore"):
        far = np.abs(np.diff(x)) > limit
        back = np.abs(x[2:] - x[:-2]) <= limit
    lone = np.zeros(x.size, dtype=bool)
    lone[1:-1] = far[:-1] & far[1:] & back
    lone[0] = far[0] and not far[1]
    lone[-1] = far[-1] and not far[-2]
    if not lone.any():
        return t
    out = t.copy()
    out[rows[lone]] = np.nan
    return out


def _beat_times_or_none(path: Path, table: Table, time: int | None) -> np.ndarray | None:
    if time is None:
        return None
    try:
        return _time_in_seconds(path, table, time)
    except InputError:
        return None


def _gaps_from_times(t_s: np.ndarray | None, rr_ms: np.ndarray) -> np.ndarray | None:
    """Gap (ms) before each interval where the time column jumps further than the interval.

    Used only when the column holds the beats' own times (most steps equal the
    intervals within FILE_TIME_MATCH_MS), as in our beats CSV; None otherwise.
    """
    if t_s is None or t_s.size != rr_ms.size or t_s.size < 3:
        return None
    excess = np.full(rr_ms.size, np.nan)
    excess[1:] = np.diff(t_s) * 1000.0 - rr_ms[1:]
    finite = np.isfinite(excess[1:])
    if not finite.any() or np.mean(np.abs(excess[1:][finite]) <= FILE_TIME_MATCH_MS) < 0.9:
        return None
    return np.where(excess > FILE_TIME_MATCH_MS, excess, 0.0)


def _place(path: Path, change: UnitChange, header: bool) -> str:
    """"line 302" in a text file, "value 301" in a .npy, for the row where a unit changes."""
    line = line_of_row(path, change.row, header)
    return f"line {line}" if line is not None else f"value {change.row + 1}"


def _changes_more(change: UnitChange) -> str:
    return "" if change.changes == 1 else f"and changes {change.changes - 1} more time(s) after that, "


def _in_column(label: str, shown: str) -> str:
    """" in <shown>" for a message about a column's values; nothing for a header-less file's "column 2"."""
    return "" if label.startswith("column ") and label[7:].isdigit() else f" in {shown}"


def _refuse_mixed_interval_units(path: Path, rr: np.ndarray, label: str, header: bool, comma: bool) -> None:
    """Intervals in seconds for a run of lines and in ms for another: refused, never half dropped.

    Also when a thousands separator read as a decimal comma makes single values seconds (1,004 among
    876s): too short a run for a change of unit, they would be dropped as impossible intervals.
    """
    column = _in_column(label, excerpt(label))
    if comma and column_shapes.thousands_commas(rr):
        plain = rr[np.isfinite(rr) & (rr == np.round(rr)) & (rr >= 100.0)][0]
        with_comma = rr[np.isfinite(rr) & (rr != np.round(rr))][0]
        raise InputError(
            f"{path.name}: the intervals{column} seem to use a comma as a thousands separator (values like "
            f"{with_comma * 1000:.0f} written {int(with_comma)},{round(with_comma * 1000) % 1000:03d} next to "
            f"{plain:.0f}): save the file without thousands separators")
    change = interval_unit_change(rr)
    if change is None:
        return
    raise InputError(
        f"{path.name}: the intervals{column} change unit at {_place(path, change, header)}: "
        f"before it they read as {change.unit_before} ({change.value_before:.6g}), from it as "
        f"{change.unit_after} ({change.value_after:.6g}); {_changes_more(change)}"
        f"read in one unit, {change.rows_other} of {change.rows} intervals would be dropped. "
        "Write the whole column in one unit, or split the file there")


def _rr(path: Path, values: np.ndarray, label: str, t_s: np.ndarray | None = None, told: bool = True,
        header: bool = False, comma: bool = False) -> Recording:
    """Intervals of one column; ``told``: the user or the column's name said they are intervals;
    ``comma``: the file was read with a decimal comma."""
    rr = np.asarray(values, dtype=float)
    _refuse_mixed_interval_units(path, rr, label, header, comma)
    finite = rr[np.isfinite(rr) & (rr > 0)]
    if finite.size == 0 and told:
        raise InputError(f"{path.name} holds no usable RR interval")
    notes = []
    named_seconds = label.lower().endswith("_s") or _normalised(label)[1] == "s"
    seconds = bool(named_seconds or (finite.size and np.median(finite) < SECONDS_MEDIAN_LIMIT))
    if seconds:
        with np.errstate(over="ignore"):  # 1e308 s is inf ms: an impossible interval like any other
            rr = rr * 1000.0
        notes.append("intervals read as seconds")
    _refuse_if_not_intervals(path, rr, label, told, seconds)
    if not told:
        _refuse_if_wave(path, rr, label)
    # under FILE_RR_MIN_MS an interval is no beat of any device (not even a double trigger) and may add
    # nothing to the clock (1e-300 ms): beat times that do not increase stop every later stage
    rr = np.where(rr >= config.FILE_RR_MIN_MS, rr, np.nan)
    gaps = _gaps_from_times(t_s, rr)
    beat_t_s, chain_start, bad = rr_chains(rr, gaps)
    if gaps is not None and np.any(gaps > 0):
        notes.append(f"{int(np.count_nonzero(gaps > 0))} gap(s) in the beat times")
    if beat_t_s.size - int(chain_start.sum()) < 2:
        raise InputError(f"{path.name} holds {max(beat_t_s.size - 1, 0)} interval(s); at least 2 are needed")
    if bad:
        notes.append(f"{bad} impossible interval(s) (NaN, under {config.FILE_RR_MIN_MS:g} ms or over "
                     f"{config.FILE_RR_GAP_MS / 1000:g} s) "
                     "treated as gaps")
    glitches = int(np.count_nonzero(np.isfinite(rr) & (rr > 0) & (rr <= config.FILE_RR_GAP_MS) & ~plausible_rr(rr)))
    if glitches:  # the interval rule (core/rr/intervals.py) makes them gaps or corrected missed/extra beats
        notes.append(f"{glitches} interval(s) {describe_rule()}: gaps, or corrected as missed/extra beats")
    return Recording("rr", note="; ".join(notes), device=path.name, beat_t_s=beat_t_s, chain_start=chain_start)


PLAUSIBLE_SHARE = 0.5  # values read as intervals: at least this share must be plausible ones


def _refuse_if_not_intervals(path: Path, rr_ms: np.ndarray, label: str, told: bool, seconds: bool) -> None:
    """Values most of which no heart could give as intervals are not intervals: say which --kind to use.

    Sensor counts (a MAX30102 IR column of ~144 500), a wave centred on zero
    (an ECG in mV) or sample numbers read as intervals would otherwise become a
    record of gaps ("0 intervals") or, worse, of wrong beats. The plausible
    range is the program's own (config.RR_MIN_MS..RR_MAX_MS).
    """
    finite = rr_ms[np.isfinite(rr_ms)]
    if finite.size < 3:
        return
    plausible = (finite >= config.RR_MIN_MS) & (finite <= config.RR_MAX_MS)
    if np.mean(plausible) >= PLAUSIBLE_SHARE:
        return
    column = _in_column(label, label)
    what = "the intervals you named" if told else "the values"
    if not seconds and column_shapes.looks_like_heart_rates(finite):
        raise InputError(f"{path.name}: {what}{column} (median {np.median(finite):.6g}) look like heart rates "
                         f"in beats per minute, not beats; {HEART_RATE_ONLY}")
    # the median as written in the file (the user looks for it there), not as converted to ms
    median = np.median(finite) / 1000.0 if seconds else np.median(finite)
    within = (f"{config.RR_MIN_MS / 1000:g}-{config.RR_MAX_MS / 1000:g} s, read as seconds" if seconds
              else f"{config.RR_MIN_MS:g}-{config.RR_MAX_MS:g} ms")
    raise InputError(
        f"{path.name}: {what}{column} (median {median:.6g}) are mostly not heart intervals "
        f"(only {np.mean(plausible):.0%} within {within}), "
        f"so this is no RR file: if it is a sampled wave, use --kind ppg or --kind ecg with --fs HZ")


def _refuse_if_wave(path: Path, values: np.ndarray, label: str) -> None:
    """One unnamed column of numbers that rises and falls like a sampled wave is not read as intervals.

    A 100 Hz PPG of ADC counts (~500) is within the interval range and would
    otherwise become a record of 100+ bpm with exit status 0.
    """
    finite = values[(values >= config.FILE_RR_MIN_MS) & (values <= config.FILE_RR_GAP_MS)]  # no absurd ones
    if finite.size < config.FILE_WAVE_MIN_VALUES:
        return
    share = column_shapes.large_turn_share(finite)
    if share is None or share >= config.FILE_WAVE_LARGE_TURNS_MAX:
        return
    column = _in_column(label, label)
    raise InputError(
        f"{path.name}: the values{column} rise and fall like a sampled wave, not beat-to-beat "
        "intervals: if it is a pulse wave, give its sampling rate with --kind ppg --fs HZ (an ECG: "
        "--kind ecg --fs HZ); if they are RR intervals, say so with --kind rr")


def _refuse_odd_rate(path: Path, fs_hz: float, what: str, min_hz: float, signal: str = "",
                     others: tuple[str, ...] = ()) -> None:
    """A sample rate the detectors cannot work at: too slow for their filters, or faster than any
    pulse or ECG sensor (config.STREAM_MAX_RATE_HZ; the detectors' buffers grow with the rate).

    ``signal``: the label of the file's signal read (EDF), named in the error with the ``others`` to choose.
    """
    subject = f"{what} signal {signal!r}" if signal else what
    fix = "check the time column or --fs"
    if signal:
        listed = ", ".join(repr(x) for x in others if x != signal)
        fix = f"choose another signal with --column LABEL{f' (the file also has {listed})' if listed else ''}"
    if not fs_hz >= min_hz:
        detector = "R-peak detection" if what == "ECG" else "beat detection"
        tail = f"; {fix}" if signal else ""
        raise InputError(f"{path.name}: {subject} at {fs_hz:.3g} Hz is too slow for {detector} "
                         f"(need >= {min_hz:g} Hz){tail}")
    if not fs_hz <= config.STREAM_MAX_RATE_HZ:
        raise InputError(f"{path.name}: {subject} at {fs_hz:.3g} Hz is faster than any pulse or ECG sensor samples "
                         f"(at most {config.STREAM_MAX_RATE_HZ:g} Hz): {fix}")


def _without_absurd_samples(values: np.ndarray) -> tuple[np.ndarray, str]:
    """Samples beyond config.FILE_SAMPLE_ABS_MAX made NaN (skipped and counted like missing ones), and a note.

    No sensor gives 6.8e103; kept, such a value overflows the detectors' filters and statistics.
    """
    values = np.asarray(values, dtype=float)
    with np.errstate(invalid="ignore"):
        absurd = np.abs(values) > config.FILE_SAMPLE_ABS_MAX
    if not absurd.any():
        return values, ""
    return (np.where(absurd, np.nan, values),
            f"{int(absurd.sum())} sample value(s) beyond ±{config.FILE_SAMPLE_ABS_MAX:g} read as missing")


def _raw_without_absurd_samples(events: list[Event]) -> tuple[list[Event], str]:
    """A raw log's PPG blocks with absurd samples made NaN (the pipeline bridges or gaps them)."""
    out: list[Event] = []
    n = 0
    for event in events:
        if isinstance(event, PpgBlock):
            values, note = _without_absurd_samples(event.value)
            if note:
                n += int(np.count_nonzero(np.isnan(values) & ~np.isnan(np.asarray(event.value, dtype=float))))
                event = PpgBlock(t_s=event.t_s, value=values, fs_hz=event.fs_hz)
        out.append(event)
    return out, (f"{n} sample value(s) beyond ±{config.FILE_SAMPLE_ABS_MAX:g} read as missing" if n else "")


def _ecg(path: Path, t_s: np.ndarray, values: np.ndarray, fs_hz: float | None, note: str,
         sequence: np.ndarray | None = None) -> Recording:
    """An ECG wave: cleaned like a PPG (NaN rows, time going backwards, holes), R peaks found later."""
    values, absurd = _without_absurd_samples(values)
    note = "; ".join(n for n in (note, absurd) if n)
    cleaned = clean_ppg(t_s, values, fs_hz, sequence)
    fs = cleaned.fs_hz
    if cleaned.t_s.size < 2 or cleaned.t_s.size < 2 * fs:
        raise InputError(f"{path.name} holds {cleaned.t_s.size / fs:.1f} s of ECG; at least 2 s are needed")
    _refuse_odd_rate(path, fs, "ECG", config.STREAM_MIN_ECG_RATE_HZ)
    notes = [n for n in (note, "R peaks: Pan-Tompkins, as for a live ECG stream", cleaned.note) if n]
    return Recording("ecg", note="; ".join(notes), device=path.name, t_s=cleaned.t_s, value=cleaned.value,
                     fs_hz=fs, gaps=cleaned.gaps)


def _from_edf(path: Path, kind: str, column: str | None) -> Recording:
    if kind == "rr":
        raise InputError(f"{path.name} is an EDF recording of waves; use --kind ecg, ppg or auto")
    try:
        sig = read_edf(path, path.name, column, kind if kind in ("ecg", "ppg") else "auto")
    except EdfError as error:
        raise InputError(str(error)) from None
    if kind == "auto" and not sig.kind:
        raise InputError(f"{path.name}: EDF signal {sig.label!r} is not labelled ECG or PPG; "
                         "use --kind ecg or --kind ppg")
    t_s = np.arange(sig.value.size) / sig.fs_hz
    note = f"EDF signal {sig.label!r}" + (f" ({sig.unit})" if sig.unit else "")
    ecg = kind == "ecg" or (kind == "auto" and sig.kind == "ecg")
    if ecg:  # checked here, before the detectors, so that the error names the signal
        _refuse_odd_rate(path, sig.fs_hz, "ECG", config.STREAM_MIN_ECG_RATE_HZ, sig.label, sig.labels)
        return _ecg(path, t_s, sig.value, sig.fs_hz, note)
    _refuse_odd_rate(path, sig.fs_hz, "PPG", config.STREAM_MIN_PPG_RATE_HZ, sig.label, sig.labels)
    return _ppg(path, t_s, sig.value, sig.fs_hz, note)


def _ppg(path: Path, t_s: np.ndarray, values: np.ndarray, fs_hz: float | None, note: str,
         sequence: np.ndarray | None = None) -> Recording:
    values, absurd = _without_absurd_samples(values)
    note = "; ".join(n for n in (note, absurd) if n)
    cleaned = clean_ppg(t_s, values, fs_hz, sequence)
    if cleaned.t_s.size < 2:
        raise InputError(f"{path.name} holds no usable PPG samples")
    fs = cleaned.fs_hz
    if cleaned.t_s.size < 2 * fs:
        raise InputError(f"{path.name} holds {cleaned.t_s.size / fs:.1f} s of PPG; at least 2 s are needed")
    _refuse_odd_rate(path, fs, "PPG", config.STREAM_MIN_PPG_RATE_HZ)
    notes = [n for n in (note, cleaned.note) if n]
    return Recording("ppg", note="; ".join(notes), device=path.name, t_s=cleaned.t_s, value=cleaned.value,
                     fs_hz=fs, gaps=cleaned.gaps)
