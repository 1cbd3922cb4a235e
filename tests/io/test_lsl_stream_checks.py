"""LSL stream settings are checked before use (issue 25, item 4): real outlets on loopback.

Before: an outlet declaring 1e9 Hz made the source take gigabytes (liblsl's inlet buffer and
the PPG detector's windows are sized by the rate: 1.9 GB in 15 s, 3.1 GB at a declared 1e7 Hz
without the pipeline); 0 Hz ECG killed the source's thread (the window stayed on "Looking
for…"); 0 Hz PPG raised in the pipeline on every chunk (288 errors in 15 s). Now each is refused
with one sentence, once; or, for 0 Hz with regular stamps, read at the rate the stamps show.

The misdeclaring outlets run in a process of their own (``lsl_test_outlet.py``): liblsl sizes an
outlet's buffer by the declared rate too, and only the source's memory is measured here.
"""

from __future__ import annotations

import math
import os
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import psutil
import pylsl
import pytest
from test_lsl_source import Collector, push_realtime

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.simulation import ArtifactParams, PersonParams, PpgSynth, SimulatedPerson
from biofeedback.core.types import DeviceBeat, DeviceInfo, Gap
from biofeedback.io.lsl_source import LslSource
from biofeedback.io.source import CONNECTED, FAILED

sys.path.insert(0, str(Path(__file__).parents[1] / "core"))
from ecg_synth import match_f1, synth_ecg  # noqa: E402

OUTLET = Path(__file__).with_name("lsl_test_outlet.py")
RSS_CAP_MB = 200.0


def outlet_config() -> str:
    """This run's LSL config (its session, tests/conftest.py) with no samples reserved ahead by the outlet:
    liblsl reserves 5 s of them at the declared rate (OutletBufferReserveMs), 3.7 GB and ~5-10 s of the
    sender's start-up at a declared 1e9 Hz. A pool reserved in the sender changes nothing the source sees."""
    run_config = Path(os.environ["LSLAPICFG"])
    path = run_config.with_name(f"{run_config.stem}-outlet.cfg")
    path.write_text(run_config.read_text(encoding="utf-8") + "[tuning]\nOutletBufferReserveMs = 0\n", encoding="utf-8")
    return str(path)


@contextmanager
def outlet_process(*args: str) -> Iterator[str]:
    sid = f"bad-{uuid.uuid4().hex[:8]}"
    proc = subprocess.Popen([sys.executable, str(OUTLET), sid, *args], stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "LSLAPICFG": outlet_config()})
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
        yield sid
    finally:
        proc.kill()
        proc.wait(timeout=10)


class PeakRss:
    """The process's resident memory, sampled every 20 ms on a thread: growth over the start."""

    def __init__(self) -> None:
        self.proc = psutil.Process()
        self.start_b = self.peak_b = self.proc.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak_b = max(self.peak_b, self.proc.memory_info().rss)

    def growth_mb(self) -> float:
        self._stop.set()
        self._thread.join()
        return (self.peak_b - self.start_b) / 1e6


class PipelineSink(Collector):
    """Events into a Pipeline as SourceWorker runs them: every exception is counted."""

    def __init__(self) -> None:
        super().__init__()
        self.pipeline = Pipeline()
        self.errors: list[BaseException] = []
        self.messages: list[tuple[str, str]] = []

    def on_events(self, events) -> None:
        super().on_events(events)
        try:
            self.pipeline.feed(events)
        except Exception as error:  # noqa: BLE001 - counted, as SourceWorker reports each one
            self.errors.append(error)

    def on_state(self, state) -> None:
        self.messages.append((state.state, state.message))
        super().on_state(state)


REFUSED = [
    pytest.param(("PPG", "1e9"), "declares 1e+09 Hz, which no pulse or heart sensor samples at", id="ppg-1e9Hz"),
    pytest.param(("ECG", "1e9"), "declares 1e+09 Hz", id="ecg-1e9Hz"),
    pytest.param(("RR", "1e9"), "declares 1e+09 Hz", id="rr-1e9Hz"),
    pytest.param(("PPG", "0", "--stamps", "chunk"), "declares no sample rate (0 Hz) and many of its samples "
                 "share one time stamp", id="ppg-0Hz-chunk-stamped"),
    pytest.param(("ECG", "0", "--stamps", "chunk", "--fs", "130"), "declares no sample rate (0 Hz)",
                 id="ecg-0Hz-chunk-stamped"),
    pytest.param(("PPG", "100", "--format", "string"), "carries text values, not numbers", id="ppg-text"),
    pytest.param(("PPG", "100", "--channels", "300"), "declares 300 channels", id="ppg-300-channels"),
    pytest.param(("PPG", "250"), "declares 250 Hz but its time stamps show 100 samples a second",
                 id="ppg-250Hz-sending-100"),
]


@pytest.mark.slow(about_s=10)
@pytest.mark.parametrize(("outlet_args", "sentence"), REFUSED)
def test_a_misdeclared_stream_is_refused_once_with_a_sentence_in_bounded_memory(outlet_args, sentence):
    with outlet_process(*outlet_args) as sid:
        rss = PeakRss()
        source, got = LslSource(sid), PipelineSink()
        source.start(got.on_events, got.on_state)
        try:
            got.wait_state(FAILED, 20)
            time.sleep(1.0)  # nothing more may follow the refusal
            assert source._thread is not None
            source._thread.join(timeout=5)
            ended = not source._thread.is_alive()
        finally:
            source.stop()
        growth = rss.growth_mb()
    failed = [m for s, m in got.messages if s == FAILED]
    print(f"{outlet_args}: {failed[0]!r}; memory +{growth:.0f} MB; {len(got.events)} events")
    assert failed == [failed[0]] and sentence in failed[0]
    assert got.messages[-1][0] == FAILED  # the thread ended with the reason on screen
    assert ended
    assert not got.errors
    assert growth < RSS_CAP_MB


def _ppg(seconds: float, fs: float):
    person = SimulatedPerson(PersonParams(hr_bpm=70.0), ArtifactParams(), seed=3)
    _, values, beats = PpgSynth(person, fs_hz=fs, adc_max=1023, noise=0.01, seed=3).step(int(seconds * fs))
    return np.asarray(values), np.array([b.t_s for b in beats if b.kind == "normal"])


def test_a_0hz_ppg_stream_with_regular_stamps_is_read_at_the_rate_they_show():
    sid = f"ppg-0hz-{uuid.uuid4().hex[:8]}"
    fs = 100.0
    values, truth = _ppg(30.0, fs)
    outlet = pylsl.StreamOutlet(pylsl.StreamInfo("finger PPG 0 Hz", "PPG", 1, pylsl.IRREGULAR_RATE, "float32", sid))
    source, got = LslSource(sid), PipelineSink()
    source.start(got.on_events, got.on_state)
    try:
        got.wait_state(CONNECTED, 10)
        time.sleep(0.5)
        t0 = pylsl.local_clock()
        push_realtime(outlet, values, fs, t0, threading.Event(), speed=10.0)
        time.sleep(1.0)
    finally:
        source.stop()
    infos = [e for e in got.events if isinstance(e, DeviceInfo)]
    assert len(infos) == 1 and infos[0].fs_hz == pytest.approx(fs, rel=1e-3)
    assert any("declares no sample rate, so its time stamps' 100 Hz is used" in m for _, m in got.messages)
    assert not got.errors and FAILED not in got.all_states
    pipeline = Pipeline(correct=False)
    out = pipeline.feed(got.events)
    out.extend(pipeline.flush())
    found = np.array([b.t_s for b in out.beats]) + source._t0 - t0
    f1, _ = match_f1(found[(found > 6) & (found < 29)], truth[(truth > 6) & (truth < 29)], 0.08)
    print(f"0 Hz PPG read at {infos[0].fs_hz:.2f} Hz: F1 {f1:.3f}")
    assert f1 >= 0.95


def test_a_0hz_ecg_stream_with_regular_stamps_gives_its_r_peaks():
    sid = f"ecg-0hz-{uuid.uuid4().hex[:8]}"
    fs = 130.0
    ecg_mv, truth = synth_ecg(30, fs, seed=5)
    info = pylsl.StreamInfo(f"PolarH10 0 Hz {sid}", "ECG", 1, pylsl.IRREGULAR_RATE, "float32", sid)
    outlet = pylsl.StreamOutlet(info)
    source, got = LslSource(sid), PipelineSink()
    source.start(got.on_events, got.on_state)
    try:
        got.wait_state(CONNECTED, 10)
        time.sleep(0.5)
        t0 = pylsl.local_clock()
        push_realtime(outlet, ecg_mv * 1000.0, fs, t0, threading.Event(), speed=10.0)
        time.sleep(1.0)
    finally:
        source.stop()
    assert not got.errors and FAILED not in got.all_states
    beats = np.array([e.t_s for e in got.events if isinstance(e, DeviceBeat)]) + source._t0 - t0
    f1, _ = match_f1(beats[(beats > 3) & (beats < 29)], truth[(truth > 3) & (truth < 29)], 0.05)
    print(f"0 Hz ECG: {beats.size} R peaks, F1 {f1:.4f}")
    assert f1 >= 0.99


def test_bad_rr_values_and_stamps_from_an_lsl_rr_stream_keep_every_later_beat():
    """NaN, inf, negative and absurd intervals, and a NaN stamp: each is no beat and ends the chain; no
    later beat is lost or moved (an interval of 1e30 ms used to be placed as a beat)."""
    sid = f"rr-bad-{uuid.uuid4().hex[:8]}"
    info = pylsl.StreamInfo("H10 RRinterval", "RR", 1, 0.0, "float32", sid)
    info.desc().append_child("channels").append_child("channel").append_child_value("label", "RR") \
        .append_child_value("unit", "ms")
    outlet = pylsl.StreamOutlet(info)
    rr = 800 + 60 * np.sin(np.arange(60) / 3.0)
    sent = rr.copy()
    bad = {10: np.nan, 20: np.inf, 30: -800.0, 40: 1e30}
    for i, v in bad.items():
        sent[i] = v
    source, got = LslSource(sid), Collector()
    source.start(got.on_events, got.on_state)
    try:
        got.wait_state(CONNECTED, 10)
        time.sleep(0.5)
        arrival = pylsl.local_clock() + np.cumsum(rr) / 1000.0 + 0.05
        for i, (value, stamp) in enumerate(zip(sent, arrival, strict=True)):
            outlet.push_sample([float(value)], float("nan") if i == 50 else float(stamp))
            time.sleep(0.01)
        deadline = time.monotonic() + 5
        while len([e for e in got.events if isinstance(e, DeviceBeat)]) < 55 and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        source.stop()
    beats = [e for e in got.events if isinstance(e, DeviceBeat)]
    kept = [i for i in range(rr.size) if i not in bad and i != 50]
    nan_stamp_dropped = len(beats) == len(kept)
    expected = kept if nan_stamp_dropped else [i for i in range(rr.size) if i not in bad]
    print(f"{len(beats)} beats of {rr.size} sent ({len(bad)} bad values; NaN stamp dropped: {nan_stamp_dropped})")
    assert np.isfinite([b.t_s for b in beats]).all()
    np.testing.assert_allclose([b.ibi_ms for b in beats], rr[expected], atol=1e-3)
    assert np.all(np.diff([b.t_s for b in beats]) > 0)
    assert len([g for g in got.events if isinstance(g, Gap)]) >= len(bad)
    pipeline = Pipeline(correct=False)
    out = pipeline.feed(got.events)
    out.extend(pipeline.flush())
    np.testing.assert_allclose([b.rr_ms for b in out.beats][-9:], rr[-9:], atol=1.0)


def test_one_stamp_far_ahead_loses_no_later_sample_and_a_real_pause_is_a_gap():
    """Without a network: a damaged stamp 10^6 s ahead (mid-chunk, and as a chunk's last sample,
    which waits for the next chunk to tell) is dropped alone; before, every later sample was
    'not after the last' and dropped. A real 3 s pause becomes Gap("lost_samples")."""
    from biofeedback.core.types import PpgBlock
    from biofeedback.io.lsl_source import StreamDecoder

    fs = 100.0
    t = 1000.0 + np.arange(200) / fs
    t[120:] += 3.0  # the sender paused for 3 s
    sent = t.copy()
    sent[35] += 1e6
    sent[59] += 1e6  # the last sample of the 6th chunk
    values = np.arange(200, dtype=float)
    decoder = StreamDecoder("ppg", fs)
    events = [e for i in range(0, 200, 10) for e in decoder.decode(sent[i:i + 10], values[i:i + 10, None])]
    blocks = [e for e in events if isinstance(e, PpgBlock)]
    got = np.concatenate([b.value for b in blocks])
    np.testing.assert_array_equal(got, np.delete(values, [35, 59]))
    assert np.all(np.diff(np.concatenate([b.t_s for b in blocks])) > 0)
    gaps = [e for e in events if isinstance(e, Gap)]
    assert [(g.reason, round(g.duration_s, 2)) for g in gaps] == [("lost_samples", 3.01)]
    assert decoder.n_bad_stamps == 2

    rr = 800 + 60 * np.sin(np.arange(30) / 3.0)
    arrival = 2000.0 + np.cumsum(rr) / 1000.0
    arrival[12] += 1e6
    bridge = StreamDecoder("rr", 0.0, 0, "ms")
    beats = [e for i in range(30) for e in bridge.decode(arrival[i:i + 1], rr[i:i + 1, None])
             if isinstance(e, DeviceBeat)]
    assert [b.ibi_ms for b in beats] == pytest.approx(np.delete(rr, 12).tolist())  # only the damaged one lost
    assert np.all(np.diff([b.t_s for b in beats]) > 0) and max(b.t_s for b in beats) < 2100.0


def test_our_own_outlets_never_publish_an_absurd_rate_nor_buffer_by_it():
    """A device (or file) rate of 1e6-1e9 Hz: before, our PPG outlet took 244 MB at 1e6 Hz and
    2.4 GB at 1e7 Hz (liblsl allocates its 60 s buffer by the rate); now no PPG stream is published
    above STREAM_MAX_RATE_HZ and every outlet's buffer is capped in bytes."""
    from biofeedback.core.types import PpgBlock
    from biofeedback.io.lsl_outlets import LslOutlets

    rss = PeakRss()
    outlets = LslOutlets(f"absurd-{uuid.uuid4().hex[:6]}")
    for fs in (1e6, 1e7, 1e9, math.inf, 0.0):
        outlets.push_ppg([PpgBlock(np.arange(100) / 1e4, np.zeros(100), fs)])
        assert outlets._ppg is None
    outlets.push_ppg([PpgBlock(np.arange(100) / 1e4, np.zeros(100), 1e4)])
    assert outlets._ppg is not None and outlets._ppg_fs_hz == 1e4
    growth = rss.growth_mb()
    print(f"outlets at absurd rates: +{growth:.0f} MB")
    assert growth < 100
