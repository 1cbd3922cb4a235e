"""NaN mid-stream over a real LSL inlet and in an XDF file keeps every later beat (issue 25, item 1).

Before: from an LSL PPG inlet 3 beats, then "no signal" for good; ``analyze`` of
an XDF file with one NaN gave 30 of 129 beats, exit 0 and no warning; one NaN RR
value made every later beat time NaN.

``analyze`` is called in-process (tests/cli_inprocess.py: the same exit status, text and files as
a subprocess; tests/cli/test_analyze.py runs it as one).
"""

from __future__ import annotations

import json
import sys
import threading
import time
import uuid
from pathlib import Path

import numpy as np
import pylsl
import pytest
from cli_inprocess import Completed, run_cli
from test_lsl_source import Collector, ecg_outlet, push_realtime
from xdf_writer import XdfStream, write_xdf

from biofeedback.core.beats.ecg import detect_r_peaks
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.simulation import ArtifactParams, PersonParams, PpgSynth, SimulatedPerson
from biofeedback.core.types import DeviceBeat, Gap, PpgBlock, SignalQuality
from biofeedback.io.files import load_recording
from biofeedback.io.lsl_source import LslSource
from biofeedback.io.source import CONNECTED

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from ecg_synth import synth_ecg  # noqa: E402

FS_HZ = 100.0
T0 = 51234.5
SAME_S = 0.005


def ppg(seconds: float, seed: int = 3) -> np.ndarray:
    person = SimulatedPerson(PersonParams(hr_bpm=70.0), ArtifactParams(), seed=seed)
    _, values, _ = PpgSynth(person, fs_hz=FS_HZ, adc_max=1023, noise=0.01, seed=seed).step(int(seconds * FS_HZ))
    return np.asarray(values, float)


def offline_beats(values: np.ndarray) -> np.ndarray:
    t = np.arange(values.size) / FS_HZ
    pipeline = Pipeline(correct=False)
    beats = [b for i in range(0, t.size, 5) for b in pipeline.feed([PpgBlock(t[i:i + 5], values[i:i + 5], FS_HZ)]).beats]
    beats += pipeline.flush().beats
    return np.array([b.t_s for b in beats])


def assert_same_after(found: np.ndarray, reference: np.ndarray, after_s: float, until_s: float = np.inf) -> int:
    later = found[(found > after_s) & (found < until_s)]
    ref_later = reference[(reference > after_s) & (reference < until_s)]
    assert later.size == ref_later.size, f"{later.size} beats after {after_s:.1f} s, {ref_later.size} without the NaN"
    np.testing.assert_allclose(later, ref_later, atol=SAME_S)
    return int(later.size)


def test_nan_mid_stream_from_an_lsl_ppg_inlet_keeps_every_later_beat():
    sid = f"test-ppg-nan-{uuid.uuid4().hex[:8]}"
    values = ppg(40.0).astype(np.float32).astype(float)  # as the float32 stream carries them
    reference = offline_beats(values)
    spoilt = values.copy()
    spoilt[1200] = np.nan  # 12 s in: one NaN sample, as a bridge's dropped reading
    spoilt[2000:2150] = np.nan  # 20 s in: 1.5 s of NaN
    outlet = pylsl.StreamOutlet(pylsl.StreamInfo("finger PPG", "PPG", 1, FS_HZ, "float32", sid))
    source, got = LslSource(sid), Collector()
    source.start(got.on_events, got.on_state)
    try:
        got.wait_state(CONNECTED, 10)
        time.sleep(0.5)
        t0 = pylsl.local_clock()
        push_realtime(outlet, spoilt, FS_HZ, t0, threading.Event(), speed=10.0)
        time.sleep(1.0)
    finally:
        source.stop()
    assert any(np.isnan(e.value).any() for e in got.events if isinstance(e, PpgBlock))  # it did arrive as NaN
    pipeline = Pipeline(correct=False)
    outs = [pipeline.feed([e]) for e in got.events]
    outs.append(pipeline.flush())
    found = np.array([b.t_s for o in outs for b in o.beats]) + source._t0 - t0  # on the sender's clock
    assert np.isfinite(found).all()
    # the single NaN is bridged: the same beats on both sides of it
    assert assert_same_after(found, reference, 6.0, 19.0) > 10
    # the stretch is a gap shown as no signal; every beat from 1 s after it on is found again
    assert [g.reason for o in outs for g in o.gaps] == ["invalid_samples"]
    assert any(o.quality == SignalQuality.NO_SIGNAL for o in outs)
    kept = assert_same_after(found, reference, 22.5, 39.0)
    print(f"LSL PPG: {kept} beats after the NaN stretch, as without it")
    assert kept > 15
    assert pipeline.quality == SignalQuality.GOOD


def test_nan_in_an_lsl_ecg_stream_keeps_every_later_beat():
    sid = f"test-ecg-nan-{uuid.uuid4().hex[:8]}"
    fs = 130.0
    ecg_uv = (synth_ecg(30, fs, seed=5)[0] * 1000.0).astype(np.float32).astype(float)
    reference = detect_r_peaks(ecg_uv, fs)
    spoilt = ecg_uv.copy()
    spoilt[int(10 * fs)] = np.nan
    spoilt[int(18 * fs):int(19 * fs)] = np.inf
    outlet = ecg_outlet(sid)
    source, got = LslSource(sid), Collector()
    source.start(got.on_events, got.on_state)
    try:
        got.wait_state(CONNECTED, 10)
        time.sleep(0.5)
        t0 = pylsl.local_clock()
        push_realtime(outlet, spoilt, fs, t0, threading.Event(), speed=10.0)
        time.sleep(1.0)
    finally:
        source.stop()
    beats = np.array([e.t_s for e in got.events if isinstance(e, DeviceBeat)]) + source._t0 - t0
    assert np.isfinite(beats).all()
    assert [g.reason for g in got.events if isinstance(g, Gap)] == ["invalid_samples"]
    assert_same_after(beats, reference, 3.0, 17.5)  # the one NaN sample is bridged
    assert assert_same_after(beats, reference, 19.5, 29.5) >= 10


def test_one_nan_rr_value_from_an_lsl_rr_stream_breaks_no_later_beat():
    """Another bridge's RR stream (stamped at arrival): before, every beat after the NaN was at NaN."""
    sid = f"test-rr-nan-{uuid.uuid4().hex[:8]}"
    info = pylsl.StreamInfo("H10 RRinterval", "RR", 1, 0.0, "float32", sid)
    info.desc().append_child("channels").append_child("channel").append_child_value("label", "RR") \
        .append_child_value("unit", "ms")
    outlet = pylsl.StreamOutlet(info)
    rr = 800 + 60 * np.sin(np.arange(40) / 3.0)
    sent = rr.copy()
    sent[20] = np.nan
    source, got = LslSource(sid), Collector()
    source.start(got.on_events, got.on_state)
    try:
        got.wait_state(CONNECTED, 10)
        time.sleep(0.5)
        arrival = pylsl.local_clock() + np.cumsum(rr) / 1000.0 + 0.05  # stamped on arrival, just after the beat
        for value, stamp in zip(sent, arrival, strict=True):
            outlet.push_sample([float(value)], float(stamp))
            time.sleep(0.02)
        deadline = time.monotonic() + 5
        while len([e for e in got.events if isinstance(e, DeviceBeat)]) < 39 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        source.stop()
    beats = [e for e in got.events if isinstance(e, DeviceBeat)]
    assert len(beats) == 39 and np.isfinite([b.t_s for b in beats]).all()
    np.testing.assert_allclose([b.ibi_ms for b in beats], np.delete(rr, 20), atol=1e-3)
    pipeline = Pipeline(correct=False)
    out = pipeline.feed(got.events)
    out.extend(pipeline.flush())
    # an RR value is a whole interval, the first of each chain too (issue 19): 20 + 19, none across the NaN
    assert len(out.beats) == 39
    linked = [abs(b.t_s - b.rr_ms / 1000.0 - a.t_s) < 1e-3 for a, b in zip(out.beats[:-1], out.beats[1:], strict=True)]
    assert linked.count(False) == 1
    assert np.isfinite([b.rr_ms for b in out.beats]).all()
    np.testing.assert_allclose([b.rr_ms for b in out.beats][-10:], rr[-10:], atol=1.0)


def analyze(path: Path, *args: str) -> Completed:
    return run_cli("analyze", str(path), *args)


@pytest.mark.slow(about_s=12)
def test_analyze_of_an_xdf_file_with_nan_keeps_every_later_beat_and_says_so(tmp_path):
    values = ppg(130.0, seed=4)
    stamps = T0 + np.arange(values.size) / FS_HZ
    spoilt = values.copy()
    spoilt[3000] = np.nan

    def write(name: str, v: np.ndarray) -> Path:
        path = tmp_path / name
        write_xdf(path, [XdfStream("finger PPG", "PPG", [("ppg", "au")], FS_HZ, "float32", "ppg-1",
                                   stamps=stamps, values=v.reshape(-1, 1))])
        return path

    clean, bad = write("clean.xdf", values), write("nan.xdf", spoilt)
    ref = analyze(clean, "--json", "--no-correct")
    got = analyze(bad, "--json", "--no-correct")
    assert ref.returncode == 0 and got.returncode == 0, got.stderr
    n_ref, n_got = json.loads(ref.stdout)["n_beats"], json.loads(got.stdout)["n_beats"]
    print(f"analyze of the XDF file: {n_got} beat intervals with one NaN, {n_ref} without")
    assert n_got == n_ref > 120
    assert "1 non-finite sample(s) (NaN/inf) treated as gaps" in analyze(bad).stdout
    beats_ref, beats_got = tmp_path / "ref.csv", tmp_path / "got.csv"
    analyze(clean, "--no-correct", "--beats", str(beats_ref))
    analyze(bad, "--no-correct", "--beats", str(beats_got))
    a = np.loadtxt(beats_ref, delimiter=",", skiprows=1)
    b = np.loadtxt(beats_got, delimiter=",", skiprows=1)
    np.testing.assert_allclose(b[:, 0], a[:, 0], atol=SAME_S)


def test_xdf_ecg_and_rr_streams_with_nan_keep_every_later_beat(tmp_path):
    fs = 130.0
    ecg, _ = synth_ecg(60.0, fs, seed=9)
    spoilt = ecg.copy()
    spoilt[int(20 * fs):int(22 * fs)] = np.nan
    path = tmp_path / "h10.xdf"
    write_xdf(path, [XdfStream("Polar H10 ECG", "ECG", [("ECG", "microvolts")], fs, "double64", "polar-ecg",
                               stamps=T0 + np.arange(ecg.size) / fs, values=(spoilt * 1000).reshape(-1, 1))])
    rec = load_recording(path)
    reference = detect_r_peaks(ecg * 1000, fs)
    found = rec.beat_t_s + reference[0]  # the recording starts at its first R peak
    assert "non-finite" in rec.note
    assert assert_same_after(found, reference, 22.5) > 30
    after = int(np.searchsorted(found, 22.0))
    assert rec.chain_start[after] and rec.chain_start.sum() == 2  # no interval across the hole

    rr = 900 + 80 * np.sin(np.arange(100) / 4.0)
    arrival = T0 + np.cumsum(rr) / 1000.0
    sent = rr.copy()
    sent[50] = np.nan
    path = tmp_path / "rr.xdf"
    write_xdf(path, [XdfStream("H10 RRinterval", "RR", [("RR", "ms")], 0.0, "double64", "h10-rr",
                               stamps=arrival, values=sent.reshape(-1, 1))])
    rec = load_recording(path)
    assert np.isfinite(rec.beat_t_s).all() and rec.beat_t_s.size == 99
    intervals = np.diff(rec.beat_t_s)[~rec.chain_start[1:]] * 1000.0
    np.testing.assert_allclose(intervals, np.delete(rr[1:], [49, 50]), atol=1e-6)
    out = analyze(path, "--json")
    assert out.returncode == 0 and json.loads(out.stdout)["n_beats"] == 97


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_our_rr_stream_in_xdf_with_a_bad_value_starts_a_new_chain(tmp_path, bad):
    rr = 800 + 60 * np.sin(np.arange(60) / 3.0)
    t = T0 + np.cumsum(rr) / 1000.0
    sent = rr.copy()
    sent[30] = bad
    from biofeedback.io.lsl_outlets import MANUFACTURER

    path = tmp_path / "ours.xdf"
    write_xdf(path, [XdfStream("biofeedback_A_RR", "RR", [("rr", "ms")], 0.0, "double64", "biofeedback:h:A:RR",
                               MANUFACTURER, stamps=t, values=sent.reshape(-1, 1))])
    rec = load_recording(path, kind="rr")
    assert rec.beat_t_s.size == 59 and rec.chain_start.sum() == 2
