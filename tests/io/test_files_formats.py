"""Files as real tools write them: separators, decimal commas, BOM, units, OpenSignals, .npy."""

from __future__ import annotations

import json

import numpy as np
import pytest
from real_recordings import heartpy_data_dir

from biofeedback.io.files import InputError, load_recording

HEARTPY_DATA = heartpy_data_dir()


def ppg_wave(n: int = 1000, fs_hz: float = 100.0) -> tuple[np.ndarray, np.ndarray]:
    t_s = np.arange(n) / fs_hz
    return t_s, np.round(512 + 100 * np.sin(2 * np.pi * 1.2 * t_s), 1)


# -- real files from heartpy (tests/data/README: heartpy is GPL-3.0, data shipped in its wheel) --


def test_heartpy_data2_timer_in_ms_is_a_ppg_at_117_hz():
    rec = load_recording(HEARTPY_DATA / "data2.csv")
    assert rec.kind == "ppg"
    raw = np.loadtxt(HEARTPY_DATA / "data2.csv", delimiter=",", skiprows=1)
    assert rec.fs_hz == pytest.approx(1000.0 / np.median(np.diff(raw[:, 0])), rel=1e-9)
    np.testing.assert_allclose(rec.t_s, (raw[:, 0] - raw[0, 0]) / 1000.0)
    np.testing.assert_array_equal(rec.value, raw[:, 1])


def test_heartpy_data3_iso_datetimes_become_seconds():
    rec = load_recording(HEARTPY_DATA / "data3.csv", kind="ppg")
    lines = (HEARTPY_DATA / "data3.csv").read_text().splitlines()
    assert rec.kind == "ppg"
    assert rec.t_s.size == len(lines) - 1
    # the stamps come in 15.6 ms ticks (13:58:58.081000 -> .097000 -> .097000 ...) for ~100 Hz
    # samples: they are spaced evenly at the rate of the whole span, within a tick of each stamp
    assert rec.fs_hz == pytest.approx((rec.t_s.size - 1) / rec.t_s[-1], rel=1e-3)
    assert rec.t_s[1] == pytest.approx(0.00996, abs=1e-4)
    last = lines[-1].split(",")[0]
    first = lines[1].split(",")[0]
    from datetime import datetime

    span = (datetime.fromisoformat(last) - datetime.fromisoformat(first)).total_seconds()
    assert rec.t_s[-1] == pytest.approx(span, abs=0.016)
    assert rec.value[0] == float(lines[1].split(",")[1])


# -- separators, decimal marks, BOM ------------------------------------------------------------


@pytest.mark.parametrize("sep, decimal, bom", [
    (",", ".", False), (";", ",", False), ("\t", ".", True), ("\t", ",", False), (";", ".", True), (" ", ".", False),
])
def test_ppg_table_variants_read_identically(tmp_path, sep, decimal, bom):
    t_s, values = ppg_wave()
    rows = [f"time_s{sep}ppg"] + [
        f"{t:.2f}{sep}{v:.1f}".replace(".", decimal) if decimal == "," else f"{t:.2f}{sep}{v:.1f}"
        for t, v in zip(t_s, values, strict=True)
    ]
    path = tmp_path / "wave.csv"
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + "\r\n".join(rows).encode())
    rec = load_recording(path)
    assert rec.kind == "ppg"
    assert rec.fs_hz == pytest.approx(100.0, rel=1e-6)
    np.testing.assert_allclose(rec.value, values)
    np.testing.assert_allclose(rec.t_s, t_s, atol=1e-9)


@pytest.mark.parametrize("text", [
    "812,5\n790,25\n805,0\n830,75\n",  # bare column, decimal commas
    "rr\n812,5\n790,25\n805,0\n830,75\n",  # named column, decimal commas
    'time,rr\n0,"812,5"\n1,"790,25"\n2,"805,0"\n3,"830,75"\n',  # quoted in a comma file
    "time;rr\n0;812,5\n1;790,25\n2;805,0\n3;830,75\n",  # semicolon file
])
def test_decimal_commas_are_never_truncated(tmp_path, text):
    path = tmp_path / "rr.txt"
    path.write_text(text)
    rec = load_recording(path)
    assert rec.kind == "rr"
    np.testing.assert_allclose(rec.beat_t_s, np.concatenate([[0], np.cumsum([812.5, 790.25, 805.0, 830.75])]) / 1000)


def test_extra_field_in_comma_file_is_an_error_naming_the_line(tmp_path):
    path = tmp_path / "rr.csv"
    path.write_text("time,rr\n0,812\n1,790,5\n2,805\n")
    with pytest.raises(InputError, match="line 3 has 3 fields"):
        load_recording(path)


# -- time units and columns --------------------------------------------------------------------


@pytest.mark.parametrize("header, scale", [
    ("t", 1.0), ("time", 1000.0), ("timestamp", 1e6), ("Time (ms)", 1000.0), ("elapsed_s", 1.0), ("timer", 1000.0),
])
def test_time_column_units_from_name_or_steps(tmp_path, header, scale):
    t_s, values = ppg_wave(fs_hz=250.0)
    path = tmp_path / "w.csv"
    path.write_text(f"{header},signal\n" + "\n".join(f"{t * scale + 17 * scale:.6f},{v}" for t, v in zip(t_s, values, strict=True)))
    rec = load_recording(path)
    assert rec.fs_hz == pytest.approx(250.0, rel=1e-6)
    np.testing.assert_allclose(rec.t_s, t_s, atol=1e-6)


def test_one_time_and_one_unnamed_value_column_is_ppg(tmp_path):
    t_s, values = ppg_wave()
    path = tmp_path / "w.csv"
    path.write_text("timer,hr\n" + "\n".join(f"{t * 1000:.1f},{v}" for t, v in zip(t_s, values, strict=True)))
    assert load_recording(path).kind == "ppg"


def test_several_value_columns_error_names_them(tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("time,ir,red\n" + "\n".join(f"{i * 10},{500 + i % 9},{300 + i % 7}" for i in range(500)))
    with pytest.raises(InputError, match=r"ir, red"):
        load_recording(path)
    assert load_recording(path, column="red").value[1] == 301


@pytest.mark.parametrize("header, words", [
    # a column named hr that holds heart rates: said as such (it was "holds RR intervals or a PPG
    # wave" and, with a bare "time" column, "in s or ms"), whatever the time column's unit
    ("time_s,hr", r"'?hr'? holds heart rates \(beats per minute\), not beats"),
    ("time,hr", r"'?hr'? holds heart rates \(beats per minute\), not beats"),
])
def test_ambiguous_columns_error_names_the_candidates(tmp_path, header, words):
    path = tmp_path / "w.csv"
    path.write_text(header + "\n" + "\n".join(f"{i * 0.8:.1f},{75 + i % 3}" for i in range(100)))
    with pytest.raises(InputError, match=words):
        load_recording(path)


# -- OpenSignals (published text format) -------------------------------------------------------


def opensignals_text(sensors: list[str], rows: np.ndarray, fs_hz: int = 100) -> str:
    labels = [f"A{i + 1}" for i in range(len(sensors))]
    meta = {"00:07:80:3B:46:61": {
        "sensor": sensors, "device name": "00:07:80:3B:46:61",
        "column": ["nSeq", "I1", "I2", "O1", "O2", *labels], "sync interval": 2, "time": "10:56:47.180",
        "comments": "", "device connection": "BTH00:07:80:3B:46:61", "channels": list(range(1, len(sensors) + 1)),
        "date": "2017-5-12", "mode": 0, "digital IO": [0, 0, 1, 1], "firmware version": 52,
        "device": "bitalino_rev", "position": 0, "sampling rate": fs_hz, "label": labels,
        "resolution": [4, 1, 1, 1, 1] + [10] * len(sensors), "special": [{}] * len(sensors)}}
    body = "\n".join("\t".join(str(int(x)) for x in row) for row in rows)
    return "# OpenSignals Text File Format\n# " + json.dumps(meta) + "\n# EndOfHeader\n" + body + "\n"


def opensignals_rows(n: int, skip: tuple[int, ...] = ()) -> tuple[np.ndarray, np.ndarray]:
    keep = np.setdiff1d(np.arange(n), skip)
    ppg = 512 + np.round(200 * np.sin(2 * np.pi * 1.1 * keep / 100.0))
    ecg = 500 + keep % 13
    zeros = np.zeros(keep.size)
    return np.column_stack([keep % 16, zeros, zeros, zeros, zeros, ecg, ppg]), keep


def test_opensignals_ppg_channel_and_rate_come_from_the_header(tmp_path):
    rows, keep = opensignals_rows(1000)
    path = tmp_path / "opensignals_000780.txt"
    path.write_text(opensignals_text(["ECG", "PPG"], rows))
    rec = load_recording(path)
    assert rec.kind == "ppg" and rec.fs_hz == 100.0
    np.testing.assert_array_equal(rec.value, rows[:, 6])
    np.testing.assert_allclose(rec.t_s, keep / 100.0)


def test_opensignals_lost_samples_counted_by_nseq_keep_the_clock(tmp_path):
    rows, keep = opensignals_rows(1000, skip=(300, 301, 302))
    path = tmp_path / "lost.txt"
    path.write_text(opensignals_text(["ECG", "PPG"], rows))
    rec = load_recording(path)
    np.testing.assert_allclose(rec.t_s, keep / 100.0)
    assert "3 lost samples" in rec.note


def test_opensignals_two_raw_channels_error_names_both(tmp_path):
    rows, _ = opensignals_rows(500)
    path = tmp_path / "raw.txt"
    path.write_text(opensignals_text(["RAW", "RAW"], rows))
    with pytest.raises(InputError, match=r"A1 \(RAW\), A2 \(RAW\)"):
        load_recording(path)
    np.testing.assert_array_equal(load_recording(path, column="A2").value, rows[:, 6])


# -- NumPy .npy --------------------------------------------------------------------------------


def test_npy_one_signal_with_fs_and_time_value_pairs(tmp_path):
    t_s, values = ppg_wave()
    np.save(tmp_path / "ppg.npy", values)
    rec = load_recording(tmp_path / "ppg.npy", fs_hz=100.0)
    assert rec.kind == "ppg"
    np.testing.assert_array_equal(rec.value, values)
    np.save(tmp_path / "pairs.npy", np.vstack([t_s * 1000.0, values]))
    rec = load_recording(tmp_path / "pairs.npy")
    assert rec.kind == "ppg" and rec.fs_hz == pytest.approx(100.0)


def test_npy_of_intervals_is_rr(tmp_path):
    rr = np.array([800.0, 810.0, 790.5, 805.0])
    np.save(tmp_path / "rr.npy", rr)
    rec = load_recording(tmp_path / "rr.npy")
    assert rec.kind == "rr"
    np.testing.assert_allclose(np.diff(rec.beat_t_s) * 1000, rr)


# -- impossible values -------------------------------------------------------------------------


def test_impossible_intervals_become_gaps_not_giant_clocks(tmp_path):
    path = tmp_path / "rr.txt"
    path.write_text("800\n810\nnan\n820\n1e10\n830\n840\n-5\n850\n860\n")
    rec = load_recording(path)
    assert "3 impossible interval(s)" in rec.note
    intervals = np.diff(rec.beat_t_s) * 1000.0
    valid = intervals[~rec.chain_start[1:]]
    np.testing.assert_allclose(valid, [800, 810, 820, 830, 840, 850, 860])  # each bad one ends a chain
    assert int(rec.chain_start.sum()) == 4
    assert rec.beat_t_s[-1] < 60.0  # 1e10 ms did not move the clock by 115 days


def test_ppg_time_going_backwards_becomes_a_restart_gap(tmp_path):
    t_s, values = ppg_wave(2000)
    t_s = np.where(np.arange(t_s.size) >= 1200, t_s - 11.0, t_s)  # clock restarts
    path = tmp_path / "w.csv"
    path.write_text("time_s,ppg\n" + "\n".join(f"{t:.2f},{v}" for t, v in zip(t_s, values, strict=True)))
    rec = load_recording(path)
    assert np.all(np.diff(rec.t_s) > 0)
    assert [g.reason for g in rec.gaps] == ["device_restart"]
    assert "backwards" in rec.note


def test_raw_log_beats_going_backwards_become_a_restart_gap(tmp_path):
    from biofeedback.core.types import DeviceBeat, DeviceInfo, Gap
    from biofeedback.io.rawlog import RawEventWriter

    times = [0.8 * k for k in range(40)] + [2.0 + 0.8 * k for k in range(40)]  # device clock restarts
    path = tmp_path / "raw.csv"
    with open(path, "w", encoding="utf-8") as f:
        RawEventWriter(f).write([DeviceInfo("ibi"), *(DeviceBeat(t, 800.0) for t in times)])
    rec = load_recording(path)
    beats = [e for e in rec.events if isinstance(e, DeviceBeat)]
    gaps = [e for e in rec.events if isinstance(e, Gap)]
    assert len(beats) == 80 and all(b.t_s > a.t_s for a, b in zip(beats, beats[1:], strict=False))
    assert [g.reason for g in gaps] == ["device_restart"]
    assert "backwards" in rec.note


def test_beats_csv_gaps_come_from_its_time_column(tmp_path):
    # our own beats CSV: 20 beats at 800 ms, 6 s missing, 20 beats at 1000 ms
    t1 = 0.8 * np.arange(1, 21)
    t2 = t1[-1] + 6.0 + np.arange(1, 21) * 1.0
    rows = ["time_s,rr_ms,corrected"] + [f"{t:.4f},800.000,0" for t in t1] + [f"{t:.4f},1000.000,0" for t in t2]
    path = tmp_path / "beats.csv"
    path.write_text("\n".join(rows))
    rec = load_recording(path)
    assert rec.kind == "rr" and "1 gap(s) in the beat times" in rec.note
    starts = np.flatnonzero(rec.chain_start)
    assert starts.size == 2
    np.testing.assert_allclose(rec.beat_t_s[starts[1] + 1:] - rec.beat_t_s[starts[1] + 1], t2 - t2[0], atol=1e-9)
    intervals = (np.diff(rec.beat_t_s) * 1000.0)[~rec.chain_start[1:]]
    np.testing.assert_allclose(intervals, [800.0] * 20 + [1000.0] * 20, atol=1e-6)


@pytest.mark.parametrize("header", ["time,rr", "t,ibi"])
def test_rr_with_beat_times_in_seconds_is_not_ambiguous(tmp_path, header):
    rr = np.array([800.0, 810.0, 790.0, 805.0, 795.0, 820.0])
    path = tmp_path / "rr.csv"
    path.write_text(header + "\n" + "\n".join(f"{t:.3f},{r:.0f}" for t, r in zip(np.cumsum(rr) / 1000, rr, strict=True)))
    rec = load_recording(path)
    assert rec.kind == "rr" and int(rec.chain_start.sum()) == 1
    np.testing.assert_allclose(np.diff(rec.beat_t_s) * 1000, rr)
