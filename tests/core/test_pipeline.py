"""The one pipeline: events in, beats and metrics out, identical however they arrive."""

from __future__ import annotations

import numpy as np
import pytest
from scoring import match_f1

from biofeedback.core.pipeline import Pipeline
from biofeedback.core.simulation import simulate_ppg
from biofeedback.core.types import DeviceBeat, DeviceInfo, Gap, PpgBlock, SignalQuality


@pytest.fixture(scope="module")
def record():
    t_s, values, truth = simulate_ppg(120.0, fs_hz=250.0, seed=11)
    return t_s, values, np.array([b.t_s for b in truth if b.kind == "normal"])


def run(events, **kwargs):
    pipeline = Pipeline(**kwargs)
    out = pipeline.feed(events)
    out.extend(pipeline.flush())
    return pipeline, out


def test_live_chunks_and_one_block_give_the_same_beats(record):
    t_s, values, truth = record
    _, whole = run([PpgBlock(t_s, values, 250.0)])
    pipeline = Pipeline()
    chunked = [pipeline.feed([PpgBlock(t_s[i:i + 5], values[i:i + 5], 250.0)]) for i in range(0, t_s.size, 5)]
    live_beats = [b for out in chunked for b in out.beats] + pipeline.flush().beats
    assert [b.t_s for b in live_beats] == [b.t_s for b in whole.beats]
    assert match_f1(np.array([b.t_s for b in whole.beats]), truth) > 0.995
    assert pipeline.quality == SignalQuality.GOOD
    assert whole.metrics is not None and whole.metrics.hr_bpm == pytest.approx(60000 / np.mean(np.diff(truth[-60:]) * 1000), rel=0.1)


def test_detections_arrive_before_the_corrected_beats(record):
    t_s, values, _ = record
    pipeline = Pipeline()
    detected_at, beat_at = {}, {}
    for i in range(0, t_s.size, 5):
        out = pipeline.feed([PpgBlock(t_s[i:i + 5], values[i:i + 5], 250.0)])
        detected_at.update({t: t_s[i] for t in out.detections_t_s})
        beat_at.update({b.t_s: t_s[i] for b in out.beats})
    # after the learning window the corrector looks two beats ahead; the pulse view need not wait
    later = [t for t in beat_at if t > 10.0 and t in detected_at]
    assert len(later) > 100
    assert min(beat_at[t] - detected_at[t] for t in later) > 1.0


def test_device_beats_drive_ibi_protocols_and_a_gap_breaks_the_interval_chain():
    beat_t = np.cumsum(np.full(30, 0.8))
    events = [DeviceInfo("ibi")] + [DeviceBeat(float(t), 800.0) for t in beat_t[:15]]
    events += [Gap(float(beat_t[14]), 5.0, "disconnected")]
    events += [DeviceBeat(float(t) + 5.0, 800.0) for t in beat_t[15:]]
    _, out = run(events)
    rr = [b.rr_ms for b in out.beats]
    assert len(rr) == 30  # each IBI line carries its whole interval, the first too; none spans the gap
    assert rr == pytest.approx([800.0] * 30)
    assert [b.t_s for b in out.beats][15] == pytest.approx(beat_t[15] + 5.0)
    assert out.gaps and out.gaps[0].reason == "disconnected"


def _native_bytes(seconds: int, seed: int = 1):
    from biofeedback.io.simulator import SensorSimulator, SimulatorSettings

    sim = SensorSimulator(SimulatorSettings(protocol="native", seed=seed))
    data = b"".join(sim.generate(float(k)) for k in range(1, seconds + 1))
    return data, np.array([b.t_s for b in sim.truth if b.kind == "normal"])


def _damage(data: bytes, share: float, seed: int) -> bytes:
    """Overwrite one byte in a ``share`` of the lines (the checksum then drops the line)."""
    rng = np.random.default_rng(seed)
    lines = data.split(b"\n")
    for i in np.flatnonzero(rng.random(len(lines)) < share):
        line = bytearray(lines[i])
        if line:
            j = int(rng.integers(0, len(line)))
            line[j] = ord("#") if line[j] != ord("#") else ord("x")
            lines[i] = bytes(line)
    return b"\n".join(lines)


@pytest.mark.parametrize(("share", "kept_at_least"), [(0.0, 0.99), (0.01, 0.95), (0.05, 0.85)])
def test_damaged_native_lines_keep_the_beats_and_the_status_says_the_link_is_damaged(share, kept_at_least):
    from biofeedback.core.protocols import make_decoder

    data, truth = _native_bytes(300)
    data = _damage(data, share, seed=2)
    decoder, pipeline = make_decoder("native"), Pipeline()
    beats, qualities = [], set()
    for i in range(0, len(data), 2000):  # about 0.4 s of lines per read
        out = pipeline.feed(decoder.feed(data[i:i + 2000]))
        beats += out.beats
        qualities.add(out.quality)
    beats += pipeline.flush().beats
    found = np.array([b.t_s for b in beats])
    kept = np.mean([np.min(np.abs(found - t)) <= 0.05 for t in truth])
    assert kept >= kept_at_least
    assert (SignalQuality.LINK_DAMAGED in qualities) == (share > 0)
    if share:
        assert pipeline.n_bridged > 0 and pipeline.quality == SignalQuality.LINK_DAMAGED


def test_a_few_lost_samples_are_bridged_not_a_detector_reset(record):
    t_s, values, truth = record
    keep = np.ones(t_s.size, bool)
    keep[np.arange(2000, t_s.size, 2500)] = False  # one sample lost every 10 s
    events = []
    for i in range(0, t_s.size, 5):
        idx = np.flatnonzero(keep[i:i + 5]) + i
        if idx.size < 5:
            events.append(Gap(float(t_s[i]), 0.004, "lost_samples"))
        events.append(PpgBlock(t_s[idx], values[idx], 250.0))
    pipeline, out = run(events)
    assert pipeline.n_bridged == np.count_nonzero(~keep)
    assert match_f1(np.array([b.t_s for b in out.beats]), truth) > 0.995


def test_motion_spans_give_no_beats_but_a_poor_signal_gap_and_count_as_artifacts():
    from biofeedback.core.simulation import ArtifactParams

    t, clean, _ = simulate_ppg(300.0, 250.0, seed=9)
    _, moved, _ = simulate_ppg(300.0, 250.0, artifacts=ArtifactParams(motion_bursts_per_min=2.0), seed=9)
    disturbed_s = np.flatnonzero(np.abs(moved - clean) > 0.1 * 1023) / 250.0  # > half a pulse
    pipeline = Pipeline()
    outs = [pipeline.feed([PpgBlock(t[i:i + 5], moved[i:i + 5], 250.0)]) for i in range(0, t.size, 5)]
    outs.append(pipeline.flush())
    beats = [b for o in outs for b in o.beats]
    assert any(g.reason == "poor_signal" for o in outs for g in o.gaps)
    assert SignalQuality.POOR in {o.quality for o in outs}
    assert pipeline.n_poor >= 5
    spans_disturbance = [b for b in beats if not b.corrected and np.any(
        (disturbed_s > b.t_s - b.rr_ms / 1000.0) & (disturbed_s < b.t_s))]
    assert len(spans_disturbance) <= 0.03 * len(beats)
    assert max(o.metrics.artifact_share for o in outs if o.metrics) > 0.05
    # a lone odd pulse goes on to the artifact corrector (two in a row make a span)
    odd = [b for b in beats if b.quality is not None and b.quality < 0.86]
    assert len(odd) <= 0.02 * len(beats)


def test_the_first_interval_after_a_start_or_a_gap_is_a_whole_one(record):
    t_s, values, truth = record
    cut = t_s.size // 2
    events = [PpgBlock(t_s[:cut], values[:cut], 250.0), Gap(float(t_s[cut - 1]), 3.0, "disconnected"),
              PpgBlock(t_s[cut:], values[cut:], 250.0)]
    _, out = run(events)
    first = out.beats[0]
    start = first.t_s - first.rr_ms / 1000.0
    assert np.min(np.abs(truth - start)) <= 0.05  # it starts at a real beat
    after = [b for b in out.beats if b.t_s > t_s[cut]]
    assert after[0].t_s - after[0].rr_ms / 1000.0 >= t_s[cut]  # nothing spans the gap
