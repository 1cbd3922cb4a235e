"""Fuzzing the file readers through ``load_recording``, the function `analyze` reads files with (issue 25, item 5).

Random bytes, tables with NaN, inf, absurd values, text cells, truncated and
over-long lines, many columns, and damaged OpenSignals, Polar, EDF-looking and
raw-log files. Each one must either be read or be refused with our own
``InputError`` (a sentence for the user): any other exception fails the test
with its traceback, a hang fails it through pytest-timeout, and so does a
beat or sample that is not in the input (an interval read from a file must be
one of the file's numbers, or that number in ms when it was written in s).
XDF files (io/xdf.py) are left to their own tests.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from biofeedback import config
from biofeedback.core.offline import beats_from_events
from biofeedback.core.rr.offline import correct_offline
from biofeedback.core.types import DeviceBeat, PpgBlock
from biofeedback.io.files import InputError, Recording, load_recording
from biofeedback.io.rawlog import RAW_HEADER, RAW_MAGIC

pytestmark = pytest.mark.slow(about_s=4)  # about 30 s in all (a thousand files; the detectors for each wave read)

FUZZ = settings(max_examples=150, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

_CELL_EDGES = re.compile(r"[\s;,\"'=]+")
_DECIMAL_COMMA = re.compile(r"[+-]?\d*,\d+(?:[eE][+-]?\d+)?")


def numbers_in(data: bytes) -> np.ndarray:
    """Every number written in ``data`` (cells, and decimal-comma cells), sorted: what a reader may return."""
    text = data.decode("utf-8", errors="replace").replace("\ufeff", "")
    tokens = _CELL_EDGES.split(text) + [m.replace(",", ".") for m in _DECIMAL_COMMA.findall(text)]
    found = []
    for token in tokens:
        try:
            found.append(float(token))
        except ValueError:
            pass
    found_array = np.asarray(found, dtype=float)
    return np.unique(found_array[np.isfinite(found_array)])


def inside(values: np.ndarray, allowed: np.ndarray) -> np.ndarray:
    """Which ``values`` equal (to 1e-9 relative) one of the sorted ``allowed`` numbers."""
    values = np.asarray(values, dtype=float)
    if allowed.size == 0:
        return np.zeros(values.shape, dtype=bool)
    at = np.clip(np.searchsorted(allowed, values), 1, allowed.size - 1)
    near = np.minimum(np.abs(allowed[at] - values), np.abs(allowed[at - 1] - values))
    if allowed.size == 1:
        near = np.abs(allowed[0] - values)
    return near <= 1e-9 * np.maximum(np.abs(values), 1.0) + 1e-6


def check_recording(rec: Recording, numbers: np.ndarray) -> None:
    """What came out of a file is finite, ordered, and made of the file's numbers."""
    if rec.kind == "rr":
        assert rec.beat_t_s is not None and rec.chain_start is not None
        t = rec.beat_t_s
        assert np.all(np.isfinite(t)) and np.all(np.diff(t) >= 0)  # a 1e-300 ms interval adds nothing
        rr = np.diff(t) * 1000.0
        own = ~rec.chain_start[1:]  # a beat after a gap has no interval of its own
        intervals = rr[own]
        ok = inside(intervals, numbers) | inside(intervals / 1000.0, numbers)
        assert ok.all(), f"intervals not in the file: {intervals[~ok][:5]}"
        assert np.all((intervals >= 0) & (intervals <= config.FILE_RR_GAP_MS + 1e-6))
        # the beats analyze reports: as read (--no-correct), and corrected; an uncorrected one is the file's
        for correct in (False, True):
            beats = correct_offline(t, rec.chain_start, correct)
            plain = ~beats.corrected.astype(bool)
            assert np.all(np.isfinite(beats.rr_ms)) and np.all(beats.rr_ms > 0)
            mine = beats.rr_ms[plain]
            assert (inside(mine, numbers) | inside(mine / 1000.0, numbers)).all()
    elif rec.kind in ("ppg", "ecg"):
        assert rec.t_s is not None and rec.value is not None and rec.fs_hz is not None
        assert math.isfinite(rec.fs_hz) and rec.fs_hz > 0
        # a stamp written twice stays (the sample is the file's); time never goes back
        assert np.all(np.isfinite(rec.t_s)) and np.all(np.diff(rec.t_s) >= 0)
        assert rec.t_s.size == rec.value.size
        finite = rec.value[np.isfinite(rec.value)]
        assert inside(finite, numbers).all(), "samples not in the file"
        # analyze's own path: detected beats inside the record (a corrected one is placed by its
        # interpolated interval, and may be), intervals that are time between beats
        for correct in (False, True):
            beats = beats_from_events(rec.events_in_blocks(config.OFFLINE_PPG_BLOCK_SAMPLES), correct)
            assert np.all(np.isfinite(beats.t_s)) and np.all(np.diff(beats.t_s) > 0)
            found = beats.t_s[~beats.corrected.astype(bool)]
            assert np.all((found >= rec.t_s[0]) & (found <= rec.t_s[-1] + 1e-9))
            assert np.all(np.isfinite(beats.rr_ms) & (beats.rr_ms > 0))
    else:
        assert rec.kind == "raw"
        for event in rec.raw_events or []:
            if isinstance(event, DeviceBeat) and event.ibi_ms is not None:
                assert inside(np.array([event.ibi_ms]), numbers).all()
            elif isinstance(event, PpgBlock):
                v = np.asarray(event.value, dtype=float)
                assert inside(v[np.isfinite(v)], numbers).all()
        for correct in (False, True):  # analyze's path for a raw log
            beats = beats_from_events(rec.events_in_blocks(config.OFFLINE_PPG_BLOCK_SAMPLES), correct)
            assert np.all(np.isfinite(beats.t_s)) and np.all(np.diff(beats.t_s) > 0)
            assert np.all(np.isfinite(beats.rr_ms) & (beats.rr_ms > 0))


def read_or_refuse(path: Path, data: bytes, kind: str = "auto", fs_hz: float | None = None,
                   numbers: np.ndarray | None = None) -> Recording | None:
    """``load_recording`` on ``data``: a checked Recording, or None for a refusal in words.

    ``numbers``: what the file holds, when not written as text (a .npy).
    """
    path.write_bytes(data)
    try:
        rec = load_recording(path, kind=kind, fs_hz=fs_hz)
    except InputError as error:
        message = str(error)
        assert message and "Traceback" not in message
        if currently_in_test_context():
            event("refused")
        return None
    if currently_in_test_context():
        event(f"read as {rec.kind}")
    check_recording(rec, numbers_in(data) if numbers is None else numbers)
    return rec


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


# -- strategies ----------------------------------------------------------------------------------

ABSURD = [0.0, -0.0, -1.0, 1e-300, 1e308, -1e308, 1e20, 2 ** 63, 4.9e-324, 0.001, 999999999999.0]
CELL_VALUES = st.one_of(
    st.floats(min_value=200, max_value=2000),  # intervals in ms
    st.floats(min_value=0.2, max_value=2.0),  # ... in s
    st.floats(allow_nan=True, allow_infinity=True, width=64),
    st.sampled_from(ABSURD),
    st.integers(min_value=-10 ** 20, max_value=10 ** 20),
)
NAMES = ["rr", "ibi", "RR (ms)", "rr_s", "time", "t_ms", "time_s", "timestamp", "ppg", "value", "ecg",
         "ECG (mV)", "ir", "pulse", "x", "", "nSeq", "datetime", "seconds", "Élan"]
WORDS = ["nan", "NaN", "inf", "-inf", "NA", "", "abc", "1,5", "2024-01-01T00:00:00", "--", "1e999", "0x10",
         "٣", "1.2.3", '"', "'", "#", "\t"]


def cell_text(value) -> str:
    if isinstance(value, float):
        return repr(value) if not math.isnan(value) else "nan"
    return str(value)


@st.composite
def tables(draw) -> bytes:
    """A delimited table, then damage: cut lines, extra fields, words, blank and comment lines."""
    sep = draw(st.sampled_from([",", ";", "\t", " ", "  "]))
    n_cols = draw(st.one_of(st.integers(1, 4), st.integers(5, 40), st.sampled_from([999, 1001, 1500])))
    n_rows = draw(st.integers(0, 8 if n_cols > 40 else 120))
    header = draw(st.booleans())
    lines = []
    if header:
        lines.append(sep.join(draw(st.sampled_from(NAMES)) if n_cols <= 40 else f"c{i}" for i in range(n_cols)))
    base = draw(st.lists(CELL_VALUES, min_size=1, max_size=30))
    for r in range(n_rows):
        row = [cell_text(base[(r * n_cols + c) % len(base)]) for c in range(n_cols)]
        lines.append(sep.join(row))
    for _ in range(draw(st.integers(0, 4))):  # damage
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        what = draw(st.sampled_from(["cut", "word", "extra", "blank", "comment", "drop"]))
        if what == "cut":
            lines[i] = lines[i][:draw(st.integers(0, max(len(lines[i]) - 1, 0)))]
        elif what == "word":
            lines[i] = lines[i] + sep + draw(st.sampled_from(WORDS)) if draw(st.booleans()) else \
                draw(st.sampled_from(WORDS))
        elif what == "extra":
            lines[i] = lines[i] + sep + sep.join(["1"] * draw(st.integers(1, 3)))
        elif what == "blank":
            lines.insert(i, "")
        elif what == "comment":
            lines.insert(i, "# " + draw(st.sampled_from(WORDS)))
        else:
            del lines[i]
    text = draw(st.sampled_from(["\n", "\r\n"])).join(lines)
    if draw(st.booleans()):
        text += "\n"
    data = text.encode("utf-8")
    if draw(st.booleans()):
        data = b"\xef\xbb\xbf" + data
    if draw(st.integers(0, 9)) == 0:  # the file ends mid-way
        data = data[:draw(st.integers(0, len(data)))]
    return data


@st.composite
def waves(draw) -> bytes:
    """A sampled pulse or ECG (time and value columns) with damage: NaN, inf, absurd values, stamps
    repeated or going back, a cut last line."""
    fs = draw(st.sampled_from([25.0, 100.0, 130.0, 250.0, 1000.0]))
    n = draw(st.integers(0, 3000))
    unit = draw(st.sampled_from([("time", 1.0), ("t_ms", 1000.0), ("time_s", 1.0), ("timestamp", 1e6)]))
    value_name = draw(st.sampled_from(["ppg", "ecg", "value", "ir"]))
    rng = np.random.default_rng(draw(st.integers(0, 2 ** 32 - 1)))
    t = np.arange(n) / fs
    v = 500.0 + 200.0 * np.sin(2 * np.pi * 1.2 * t) + rng.normal(0, 5, n)
    times = [f"{x * unit[1]:.6g}" for x in t]
    values = [f"{x:.3f}" for x in v]
    for _ in range(draw(st.integers(0, 15))):
        if not n:
            break
        i = draw(st.integers(0, n - 1))
        if draw(st.booleans()):
            values[i] = cell_text(draw(CELL_VALUES))
        else:
            times[i] = draw(st.sampled_from([times[max(i - 1, 0)], "0", "nan", "-5", "1e300", ""]))
    lines = [f"{unit[0]},{value_name}"] + [f"{a},{b}" for a, b in zip(times, values, strict=True)]
    data = ("\n".join(lines) + "\n").encode()
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    return data


@st.composite
def rr_series(draw) -> bytes:
    """A plausible RR file (one column, maybe a header, ms or s) with absurd values mixed in."""
    n = draw(st.integers(0, 400))
    seconds = draw(st.booleans())
    rng = np.random.default_rng(draw(st.integers(0, 2 ** 32 - 1)))
    rr = 850.0 + 60.0 * np.sin(np.arange(n) / 4.0) + rng.normal(0.0, 20.0, n)
    cells = [f"{x / 1000:.4f}" if seconds else f"{x:.1f}" for x in rr]
    for _ in range(draw(st.integers(0, 12))):
        if not cells:
            break
        cells[draw(st.integers(0, len(cells) - 1))] = cell_text(draw(CELL_VALUES))
    if draw(st.booleans()) and n > 20:  # a run written in the other unit
        a = draw(st.integers(0, n - 1))
        b = draw(st.integers(a, min(n, a + 60)))
        cells[a:b] = [f"{x:.1f}" if seconds else f"{x / 1000:.4f}" for x in rr[a:b]]
    head = [draw(st.sampled_from(["rr", "RR (ms)", "rr_s", "ibi", "value"]))] if draw(st.booleans()) else []
    return ("\n".join(head + cells) + "\n").encode()


@st.composite
def special_formats(draw) -> tuple[str, bytes]:
    """Files that claim a format (OpenSignals, Polar, raw log, EDF) and then break its rules."""
    which = draw(st.sampled_from(["opensignals", "polar", "raw", "edf"]))
    rows = draw(st.integers(0, 60))
    values = [cell_text(draw(CELL_VALUES)) for _ in range(min(rows, 8))] or ["1"]
    if which == "opensignals":
        device = draw(st.sampled_from([
            '{"00:07:80:3B:46:61": {"sampling rate": 100, "column": ["nSeq", "I1", "A1"], "sensor": ["PPG"], "device": "x"}}',
            '{"a": {"sampling rate": "fast", "column": 5, "sensor": null}}',
            '{"a": {"sampling rate": -3, "column": ["nSeq", "A1", "A2"], "sensor": ["ECG", "PPG"]}}',
            '{"a": {"sampling rate": 1e309, "column": [1, 2], "sensor": [1]}}',
            '{"a": []}', '[1, 2]', '{"a": {"column": ["A1"]}}', "{not json",
            '{"a": {"sampling rate": 0, "column": ["nSeq", "A1"], "sensor": ["PPG"]}}',
        ]))
        body = "\n".join("\t".join([str(i % 16), values[i % len(values)], values[(i + 1) % len(values)]])
                         for i in range(rows))
        return "os.txt", f"# OpenSignals Text File Format\n# {device}\n# EndOfHeader\n{body}\n".encode()
    if which == "polar":
        stamps = [cell_text(draw(st.one_of(st.integers(-10, 10 ** 19), st.sampled_from(["", "x", "1.5"]))))
                  for _ in range(rows)]
        body = "\n".join(f"2024-01-01T00:00:00;{s};{i};{values[i % len(values)]}" for i, s in enumerate(stamps))
        return "polar.txt", f"Phone timestamp;sensor timestamp [ns];timestamp [ms];ecg [uV]\n{body}\n".encode()
    if which == "raw":
        kinds = ["ppg", "beat", "status", "gap", "info", "bogus", ""]
        body = "\n".join(
            f"{draw(st.sampled_from(kinds))},{values[i % len(values)]},{values[(i + 3) % len(values)]},"
            f"{draw(st.sampled_from(['', 'finger_out', 'protocol=native;device=x', 'lost_beat', 'a=b=c']))}"
            for i in range(rows))
        return "raw.csv", f"{RAW_MAGIC}\n{RAW_HEADER}\n{body}\n".encode()
    header = b"0       " + draw(st.binary(min_size=0, max_size=600))
    return draw(st.sampled_from(["rec.edf", "rec.bdf", "rec.dat"])), header + draw(st.binary(max_size=2000))


# -- the fuzz tests ----------------------------------------------------------------------------


@pytest.mark.timeout(300)
@FUZZ
@given(data=st.binary(max_size=3000), suffix=st.sampled_from([".csv", ".txt", ".npy", ".edf", ""]),
       kind=st.sampled_from(["auto", "rr", "ppg", "ecg"]))
def test_random_bytes_are_read_or_refused_in_words(folder, data, suffix, kind):
    read_or_refuse(folder / f"bytes{suffix}", data, kind)


@pytest.mark.timeout(300)
@FUZZ
@given(data=tables(), kind=st.sampled_from(["auto", "auto", "rr", "ppg", "ecg"]),
       fs_hz=st.sampled_from([None, None, 100.0, 1e-3, 1e9]))
def test_damaged_tables_are_read_or_refused_in_words(folder, data, kind, fs_hz):
    read_or_refuse(folder / "table.csv", data, kind, fs_hz)


@pytest.mark.timeout(300)
@settings(FUZZ, max_examples=60)  # each read one runs the detectors twice
@given(data=waves(), kind=st.sampled_from(["auto", "auto", "ppg", "ecg"]))
def test_damaged_waves_give_only_the_files_samples_and_beats_inside_them(folder, data, kind):
    read_or_refuse(folder / "wave.csv", data, kind)


@pytest.mark.timeout(300)
@FUZZ
@given(data=rr_series())
def test_rr_files_with_absurd_values_give_only_the_files_intervals(folder, data):
    read_or_refuse(folder / "rr.txt", data)


@pytest.mark.timeout(300)
@FUZZ
@given(case=special_formats(), kind=st.sampled_from(["auto", "ppg", "ecg"]))
def test_files_that_break_their_formats_rules_are_refused_in_words(folder, case, kind):
    name, data = case
    read_or_refuse(folder / name, data, kind)


@pytest.mark.timeout(120)
@pytest.mark.parametrize("n_cols", [10 ** 4, 10 ** 5, 10 ** 6])
def test_huge_column_counts_are_refused_in_words(folder, n_cols):
    row = ",".join(["812"] * n_cols)
    data = (",".join(f"c{i}" for i in range(n_cols)) + "\n" + row + "\n" + row + "\n").encode()
    assert read_or_refuse(folder / "wide.csv", data) is None


@pytest.mark.timeout(120)
def test_npy_arrays_of_any_shape_and_type_are_read_or_refused(folder):
    rng = np.random.default_rng(4)
    arrays = [np.array([]), np.array(5.0), np.full(10, np.nan), np.array([np.inf] * 50), rng.normal(size=(3, 3)),
              rng.normal(size=(2, 500)), np.array(["a", "b"]), np.zeros((2, 0)), np.arange(1000) * 1e300,
              np.array([1 + 2j, 3j]), np.zeros(3, dtype=[("rr", float), ("t", "i4")]),
              np.array([True, False] * 100), 850.0 + rng.normal(0, 30, 500), rng.normal(size=(1, 2, 3))]
    for i, array in enumerate(arrays):
        path = folder / f"a{i}.npy"
        np.save(path, array)
        held = np.concatenate([np.asarray(array[n], dtype=float).ravel() for n in array.dtype.names]) \
            if array.dtype.names else np.real(np.asarray(array)).astype(float).ravel() \
            if array.dtype.kind in "biufc" else np.array([])
        read_or_refuse(path, path.read_bytes(), numbers=np.unique(held[np.isfinite(held)]))
