"""Ventricular ectopic beats on a real ECG are flagged, never counted as normal intervals (issue 19).

MIT-BIH Arrhythmia Database record 208 (SciPy's ``electrocardiogram`` excerpt, 300 s of lead MLII,
``tests/data/validation``) with the database's own beat labels read by cardiologists: 93
ventricular (V) beats among 358 normal (N) ones, most of them on time (bigeminy), where interval
rules alone cannot see them. Through ``biofeedback analyze FILE --kind ecg --beats OUT.csv`` (its
``main`` in this process, ``tests/cli_inprocess.py``) and through the live pipeline fed in 20 ms
pieces, each V beat found must have its interval corrected (moved as an ectopic beat), and a
normal beat between two normal ones must rarely be.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import numpy as np
import pytest
from cli_inprocess import run_cli

sys.path.insert(0, str(Path(__file__).parents[1] / "io"))
from xdf_writer import XdfStream, write_xdf  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("validation_bench_v", ROOT / "benchmarks" / "validation.py")
V = importlib.util.module_from_spec(_spec)
sys.modules["validation_bench_v"] = V
_spec.loader.exec_module(V)

TOL_S = 0.05
MIN_V_FLAGGED = 0.95  # of the cardiologists' V beats we detect (today 89 of 91)
MAX_N_FLAGGED = 0.03  # of normal beats between two normal ones (today 0)
# RMSSD of the whole record as ``analyze`` prints it, against the Task Force's NN RMSSD of the
# cardiologists' beats (successive differences of intervals between two normal beats): 21.3 ms.
# Today 28.6 ms; Kubios-style correction (NeuroKit2's signal_fixpeaks) of those same beats: 88 ms;
# counting the ventricular beats as normal: 64 ms (before they were flagged), every interval 195 ms.
NN_RMSSD_MS = 21.3
MAX_RMSSD_RATIO = 1.5


@pytest.fixture(scope="module")
def record_208():
    return next(r for r in V.recordings() if r.id == "scipy_mitbih208")


def _analyze(path: Path, out: Path, *flags: str):
    """(beats CSV table, stdout) of ``biofeedback analyze PATH --beats OUT``."""
    run = run_cli("analyze", str(path), "--beats", str(out), *flags)
    assert run.returncode == 0, run.stderr
    return np.loadtxt(out, delimiter=",", skiprows=1, ndmin=2), run.stdout


@pytest.fixture(scope="module")
def analyzed(record_208, tmp_path_factory):
    """``analyze`` of the record as a ``time_s,ecg`` CSV: (beats table, --json summary)."""
    tmp = tmp_path_factory.mktemp("mitbih208")
    path, flags = record_208.user_file(tmp)
    table, stdout = _analyze(path, tmp / "beats.csv", *flags, "--json")
    return table, json.loads(stdout)


def _flags(t_s, rr_ms, corrected, detected_s):
    """Per cardiologist's beat: its label, whether we found it, whether its row's interval is corrected."""
    beat_s, labels = V._mitbih208_annotations()
    rows = np.where(np.isfinite(detected_s), detected_s, t_s)
    k = np.clip(np.searchsorted(rows, beat_s), 1, rows.size - 1)
    k = np.where(np.abs(rows[k - 1] - beat_s) < np.abs(rows[k] - beat_s), k - 1, k)
    found = np.abs(rows[k] - beat_s) <= TOL_S
    return labels, found, np.asarray(corrected, bool)[k]


def _check(labels, found, corrected):
    v = (labels == "V") & found
    n_between = np.zeros(labels.size, bool)
    n_between[1:-1] = (labels[1:-1] == "N") & (labels[:-2] == "N") & (labels[2:] == "N")
    n_between &= found
    assert v.sum() >= 88, f"only {v.sum()} of 93 ventricular beats detected"
    assert corrected[v].mean() >= MIN_V_FLAGGED, (
        f"{(~corrected[v]).sum()} of {v.sum()} ventricular beats entered HRV as normal intervals")
    assert corrected[n_between].mean() <= MAX_N_FLAGGED, (
        f"{corrected[n_between].sum()} of {n_between.sum()} normal beats corrected")


def test_analyze_flags_every_ventricular_beat(analyzed):
    table, _summary = analyzed
    _check(*_flags(table[:, 0], table[:, 1], table[:, 2], table[:, 3]))


def test_analyze_rmssd_stays_near_the_normal_beats_rmssd(analyzed):
    beat_s, labels = V._mitbih208_annotations()
    rr = np.diff(beat_s) * 1000.0
    nn = (labels[1:] == "N") & (labels[:-1] == "N")
    assert abs(float(np.sqrt(np.mean(np.diff(rr)[nn[1:] & nn[:-1]] ** 2))) - NN_RMSSD_MS) < 0.05
    rmssd_ms = analyzed[1]["rmssd_ms"]
    assert rmssd_ms <= MAX_RMSSD_RATIO * NN_RMSSD_MS, f"RMSSD {rmssd_ms:.1f} ms against {NN_RMSSD_MS} ms (NN)"


def test_live_pipeline_flags_every_ventricular_beat(record_208, tmp_path):
    t_s, rr_ms, detected_s = V.run_live(record_208, tmp_path)
    moved = detected_s != t_s  # an ectopic beat is moved to its neighbours' midpoint (NaN: inserted)
    _check(*_flags(t_s, rr_ms, moved, detected_s))


def test_an_xdf_ecg_stream_flags_them_as_a_csv_does_and_says_how_many(record_208, analyzed, tmp_path):
    """The same samples as a lab's XDF ECG stream (R peaks found when the file is read)."""
    sig = record_208.load()
    xdf = tmp_path / "208.xdf"
    write_xdf(xdf, [XdfStream("ECG", "ECG", [("MLII", "millivolts")], sig.fs_hz, "double64", "mitdb-208",
                              stamps=1000.0 + sig.t_s, values=sig.v.reshape(-1, 1))])
    table, stdout = _analyze(xdf, tmp_path / "beats.csv")
    from_csv = analyzed[0]
    assert from_csv[:, 2].sum() > 150  # (the ventricular beats and the intervals after them)
    assert abs(int(table[:, 2].sum()) - int(from_csv[:, 2].sum())) <= 6
    assert "beat(s) with a QRS unlike the normal beats' (ventricular ectopic): corrected" in stdout


def test_after_the_leads_are_swapped_the_normal_beats_are_learnt_again(record_208):
    """An ECG turned upside down mid-record (leads swapped, a strap put back the other way): every QRS
    is then unlike the template; after a few beats the template is made again from the new ones."""
    from biofeedback.core.beats import qrs_shape
    from biofeedback.core.beats.ecg import EcgRPeakDetector, beat_events, flush_events

    sig = record_208.load()

    def flagged(v):
        det = EcgRPeakDetector(sig.fs_hz)
        step = int(0.02 * sig.fs_hz)
        beats = [b for i in range(0, v.size, step) for b in beat_events(det, sig.t_s[i:i + step], v[i:i + step])]
        beats += flush_events(det)
        return np.array([b.t_s for b in beats if b.ectopic]), len(beats)

    k = int(150 * sig.fs_hz)
    swapped = np.concatenate([sig.v[:k], 2 * sig.v[k] - sig.v[k:]])
    (before, n_before), (after, n_after) = flagged(sig.v), flagged(swapped)
    assert n_before == n_after

    def count(times, lo, hi):
        return int(np.sum((times > lo) & (times < hi)))

    assert 0 < count(after, 150, 160) - count(before, 150, 160) <= qrs_shape.REBUILD_AFTER + 2
    assert abs(count(after, 160, 300) - count(before, 160, 300)) <= 2  # (R peaks at the other extreme)
