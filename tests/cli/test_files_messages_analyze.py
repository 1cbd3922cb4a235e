"""`biofeedback analyze FILE` on files it cannot read: the one-line error names what is wrong.

Each case once gave exit status 2 with a sentence that misled: nanosecond stamps read as a
0.1 Hz PPG, a heart-rate series read as 0.6 s of PPG, a sample-number column read as time in
ms, shuffled rows as "0 beat intervals", quoted values after a unit conversion, thousands
separators as "seconds and milliseconds mixed", an EDF's derived respiration taken for its ECG.
"""

from __future__ import annotations

import json

import numpy as np
import pyedflib
import pytest
from cli_inprocess import run_cli

HR_BPM = 70.0
FS_HZ = 100.0


def ppg(seconds: float = 60.0) -> tuple[np.ndarray, np.ndarray]:
    t = np.arange(0.0, seconds, 1.0 / FS_HZ)
    return t, 512 + np.round(200 * np.sin(2 * np.pi * HR_BPM / 60.0 * t))


def refused(result) -> str:
    assert result.returncode == 2 and result.stdout == "", result
    message = result.stderr.strip()
    assert len(message.splitlines()) == 1 and "Traceback" not in message
    return message


def test_a_time_column_in_nanoseconds_is_read_as_nanoseconds(tmp_path):
    t, v = ppg()
    path = tmp_path / "ppg.csv"  # was "PPG at 0.1 Hz is too slow"
    path.write_text("timestamp,ppg\n" + "".join(f"{round(x * 1e9)},{y:g}\n" for x, y in zip(t, v, strict=True)))
    done = run_cli("analyze", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert 60000.0 / json.loads(done.stdout)["mean_nn_ms"] == pytest.approx(HR_BPM, rel=0.03)


@pytest.mark.parametrize("name", ["hr", "heart_rate", "HR (bpm)"])
def test_a_column_of_heart_rates_is_refused_as_such(tmp_path, name):
    path = tmp_path / "hr.csv"  # was "holds 0.6 s of PPG" (1 s steps read as ms)
    hr = np.round(70 + 5 * np.sin(2 * np.pi * np.arange(600) / 10.0))
    path.write_text(f"time,{name}\n" + "".join(f"{k},{x:g}\n" for k, x in enumerate(hr)))
    message = refused(run_cli("analyze", str(path)))
    assert "heart rates" in message and "beat-to-beat intervals, a pulse wave or an ECG" in message


def test_one_unnamed_column_of_heart_rates_is_refused_as_such(tmp_path):
    path = tmp_path / "hr.txt"  # was "mostly not heart intervals ... if it is a sampled wave, use --kind ppg"
    hr = np.round(70 + 5 * np.sin(2 * np.pi * np.arange(600) / 10.0))
    path.write_text("".join(f"{x:g}\n" for x in hr))
    message = refused(run_cli("analyze", str(path)))
    assert "look like heart rates in beats per minute" in message


def test_a_sample_number_column_is_not_read_as_time(tmp_path):
    t, v = ppg()
    path = tmp_path / "ppg.csv"  # was "found 0 beat interval(s)" (read as a 1000 Hz clock)
    path.write_text("".join(f"{k},{y:g}\n" for k, y in enumerate(v)))
    message = refused(run_cli("analyze", str(path)))
    assert "like a sample number, not a time: give the sampling rate with --fs HZ" in message
    done = run_cli("analyze", str(path), "--fs", f"{FS_HZ:g}", "--json")  # was refused: "disagrees with 1000 Hz"
    assert done.returncode == 0, done.stderr
    assert 60000.0 / json.loads(done.stdout)["mean_nn_ms"] == pytest.approx(HR_BPM, rel=0.03)


@pytest.mark.parametrize("order", ["shuffled", "reversed"])
def test_rows_out_of_time_order_are_refused(tmp_path, order):
    t, v = ppg()
    rows = np.random.default_rng(1).permutation(t.size) if order == "shuffled" else np.arange(t.size)[::-1]
    path = tmp_path / "ppg.csv"  # was "found 0 beat interval(s)" / "the time column never advances"
    path.write_text("time,ppg\n" + "".join(f"{t[i]:.2f},{v[i]:g}\n" for i in rows))
    message = refused(run_cli("analyze", str(path)))
    assert "rows are not in time order" in message and "sort the file by time" in message


def test_shuffled_intervals_with_a_time_column_are_refused(tmp_path):
    rr = 850 + 50 * np.sin(2 * np.pi * np.arange(300) / 5.0)
    t = np.cumsum(rr) / 1000.0
    rows = np.random.default_rng(2).permutation(rr.size)
    path = tmp_path / "rr.csv"  # was exit status 0 with twice the RMSSD
    path.write_text("time,rr\n" + "".join(f"{t[i]:.3f},{rr[i]:.1f}\n" for i in rows))
    assert "rows are not in time order" in refused(run_cli("analyze", str(path)))


def test_the_message_quotes_the_values_as_written_in_the_file(tmp_path):
    path = tmp_path / "rr.csv"  # was "median 847600": the values after reading them as seconds
    path.write_text("rr_s\n" + "".join(f"{x:.1f}\n" for x in 850 + 50 * np.sin(np.arange(300))))
    message = refused(run_cli("analyze", str(path)))
    assert "median 850" in message and "read as seconds" in message and "847600" not in message


@pytest.mark.parametrize("layout", ["single", "header", "quoted"])
def test_thousands_separators_are_named(tmp_path, layout):
    rr = np.round(900 + 120 * np.sin(2 * np.pi * np.arange(300) / 5.0))
    cells = [f"{int(x) // 1000},{int(x) % 1000:03d}" if x >= 1000 else f"{int(x)}" for x in rr]
    path = tmp_path / "rr.txt"  # was "the intervals change unit at line 7: ... seconds ... milliseconds"
    if layout == "single":
        path.write_text("".join(f"{c}\n" for c in cells))
    elif layout == "header":
        path.write_text("RR\n" + "".join(f"{c}\n" for c in cells))
    else:
        path.write_text("time,rr\n" + "".join(f'{k},"{c}"\n' for k, c in enumerate(cells)))
    message = refused(run_cli("analyze", str(path)))
    assert "comma as a thousands separator" in message and "save the file without" in message


def write_edf(path, signals: list[tuple[str, float, np.ndarray]]) -> None:
    writer = pyedflib.EdfWriter(str(path), len(signals), file_type=pyedflib.FILETYPE_EDFPLUS)
    headers = []
    for label, fs, x in signals:
        headers.append({"label": label, "dimension": "mV", "sample_frequency": fs,
                        "physical_min": float(x.min()) - 1, "physical_max": float(x.max()) + 1,
                        "digital_min": -32768, "digital_max": 32767})
    writer.setSignalHeaders(headers)
    writer.writeSamples([x for _, _, x in signals])
    writer.close()


def ecg_wave(fs: float, seconds: float = 60.0) -> np.ndarray:
    t = np.arange(0.0, seconds, 1.0 / fs)
    phase = (t * HR_BPM / 60.0) % 1.0
    return np.exp(-(((phase - 0.5) / 0.01) ** 2)) + 0.01 * np.sin(2 * np.pi * 0.3 * t)


def test_an_edf_signal_derived_from_the_ecg_is_not_taken_for_it(tmp_path):
    path = tmp_path / "rec.edf"  # was "ECG at 4 Hz is too slow" (the EDR signal, unnamed)
    write_edf(path, [("EDR (from ECG)", 4.0, np.sin(np.arange(240) / 5.0)), ("Lead I", 256.0, ecg_wave(256.0))])
    done = run_cli("analyze", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert 60000.0 / json.loads(done.stdout)["mean_nn_ms"] == pytest.approx(HR_BPM, rel=0.03)
    message = refused(run_cli("analyze", str(path), "--kind", "ecg", "--column", "EDR (from ECG)"))
    assert "'EDR (from ECG)'" in message and "--column" in message and "'Lead I'" in message
