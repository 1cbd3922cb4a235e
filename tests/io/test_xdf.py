"""XDF files (written here from the published format, read by pyxdf) into analyze and replay."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from xdf_writer import XdfStream, write_xdf

from biofeedback.core.simulation import ArtifactParams, PersonParams, PpgSynth, SimulatedPerson
from biofeedback.io.files import InputError, load_recording
from biofeedback.io.lsl_outlets import MANUFACTURER, METRICS_CHANNELS, RR_CHANNELS

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from ecg_synth import match_f1, synth_ecg  # noqa: E402

BF = [sys.executable, "-m", "biofeedback"]
T0 = 51234.5  # LabRecorder stamps are local_clock() seconds: far from zero


def simulated_ppg(seconds: float, fs: float = 100.0, seed: int = 4):
    person = SimulatedPerson(PersonParams(hr_bpm=66.0), ArtifactParams(), seed=seed)
    _, values, beats = PpgSynth(person, fs_hz=fs, adc_max=1023, noise=0.01, seed=seed).step(int(seconds * fs))
    return np.asarray(values, float), np.array([b.t_s for b in beats if b.kind == "normal"])


def our_session_streams(seconds: float = 120.0):
    """What LabRecorder records from one of our clients: PPG, RR, Metrics, Markers."""
    fs = 100.0
    ppg, truth = simulated_ppg(seconds, fs)
    rr = np.diff(truth) * 1000.0
    offsets = [(T0, -0.002), (T0 + seconds, -0.002)]  # LabRecorder's clock offsets, one every 5 s or so
    streams = [
        XdfStream("biofeedback_Anna_Markers", "Markers", [("marker", "")], 0.0, "string", "biofeedback:h:Anna:Markers",
                  MANUFACTURER, np.array([T0, T0 + seconds]), [["session start"], ["session stop"]], offsets),
        XdfStream("biofeedback_Anna_RR", "RR", [(lab, u) for lab, u, _ in RR_CHANNELS], 0.0, "float32",
                  "biofeedback:h:Anna:RR", MANUFACTURER, T0 + truth[1:],
                  np.column_stack([rr, np.zeros_like(rr), np.ones_like(rr)]), offsets),
        XdfStream("biofeedback_Anna_Metrics", "Metrics", [(lab, u) for lab, u, _ in METRICS_CHANNELS], 0.0,
                  "float32", "biofeedback:h:Anna:Metrics", MANUFACTURER, T0 + truth[1:],
                  np.full((rr.size, len(METRICS_CHANNELS)), 1.0), offsets),
        XdfStream("biofeedback_Anna_PPG", "PPG", [("ppg", "au")], fs, "float32", "biofeedback:h:Anna:PPG",
                  MANUFACTURER, T0 + np.arange(ppg.size) / fs, ppg.reshape(-1, 1),
                  offsets),
    ]
    return streams, truth, rr


def test_our_ppg_stream_is_preferred_and_gives_the_true_beats(tmp_path):
    streams, truth, _ = our_session_streams()
    path = tmp_path / "session.xdf"
    write_xdf(path, streams)
    rec = load_recording(path)
    assert rec.kind == "ppg" and rec.fs_hz == 100.0 and "biofeedback_Anna_PPG" in rec.note
    from biofeedback.core.pipeline import Pipeline

    pipeline = Pipeline(correct=False)
    out = pipeline.feed(rec.events)
    out.extend(pipeline.flush())
    found = np.array([b.t_s for b in out.beats])  # the file's first sample is at 0 s, as the truth's
    f1, _ = match_f1(found[(found > 6) & (found < 119)], truth[(truth > 6) & (truth < 119)], 0.08)
    assert f1 >= 0.97


def test_kind_rr_takes_our_rr_stream_with_its_exact_intervals(tmp_path):
    streams, _, rr = our_session_streams()
    path = tmp_path / "session.xdf"
    write_xdf(path, streams)
    rec = load_recording(path, kind="rr")
    assert rec.kind == "rr"
    np.testing.assert_allclose(np.diff(rec.beat_t_s) * 1000.0, rr[1:], atol=1e-3)


def test_a_polar_h10_ecg_stream_gives_r_peaks(tmp_path):
    fs = 130.0
    ecg, truth = synth_ecg(90.0, fs, seed=9)
    path = tmp_path / "h10.xdf"
    write_xdf(path, [XdfStream("Polar H10 ECG", "ECG", [("ECG", "microvolts")], fs, "int32", "polar-h10-ecg",
                               stamps=T0 + np.arange(ecg.size) / fs, values=(ecg * 1000).reshape(-1, 1))])
    rec = load_recording(path)
    assert rec.kind == "rr"
    found = rec.beat_t_s  # relative to the first R peak found
    true_rel = truth[truth > 0.3] - truth[truth > 0.3][0]
    f1, _ = match_f1(found, true_rel[true_rel < found[-1] + 0.1], 0.05)
    assert f1 >= 0.995


def test_another_bridges_rr_stream_stamped_on_arrival(tmp_path):
    rng = np.random.default_rng(1)
    rr = 900 + 80 * np.sin(np.arange(200) / 4.0)
    arrival = T0 + np.cumsum(rr) / 1000.0 + rng.uniform(0.0, 0.3, rr.size)  # late, jittered
    path = tmp_path / "rr.xdf"
    write_xdf(path, [XdfStream("H10 RRinterval", "RR", [("RR", "s")], 0.0, "double64", "h10-rr",
                               stamps=arrival, values=(rr / 1000.0).reshape(-1, 1))])
    rec = load_recording(path)
    np.testing.assert_allclose(np.diff(rec.beat_t_s) * 1000.0, rr[1:], atol=1e-6)


def test_analyze_and_replay_commands_read_xdf(tmp_path):
    streams, truth, _ = our_session_streams(90.0)
    path = tmp_path / "session.xdf"
    write_xdf(path, streams)
    out = subprocess.run([*BF, "analyze", str(path), "--kind", "rr", "--json"], capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    summary = json.loads(out.stdout)
    assert summary["n_beats"] == len(truth) - 2
    assert summary["mean_hr_bpm"] == pytest.approx(60.0 / np.mean(np.diff(truth)[1:]), rel=0.01)
    rep = subprocess.run([*BF, "replay", str(path), "--speed", "50"], capture_output=True, text=True, timeout=120)
    assert rep.returncode == 0, rep.stderr
    assert "RMSSD" in rep.stdout


def test_unusable_files_say_why(tmp_path):
    bad = tmp_path / "broken.xdf"
    bad.write_bytes(b"XDF:\x01\x05garbage")
    with pytest.raises(InputError, match="holds no streams"):
        load_recording(bad)
    other = tmp_path / "notes.xdf"
    other.write_bytes(b"\x89PNG\r\n")
    with pytest.raises(InputError, match="not an XDF file"):
        load_recording(other)
    eeg = tmp_path / "eeg.xdf"
    write_xdf(eeg, [XdfStream("EEG cap", "EEG", [("Fz", "microvolts")], 250.0, "float32", "eeg",
                              stamps=T0 + np.arange(500) / 250.0, values=np.zeros((500, 1)))])
    with pytest.raises(InputError, match=r"no PPG, ECG or RR/IBI stream.*EEG cap \(EEG\)"):
        load_recording(eeg)
