"""The one pipeline: events in, beats and metrics out, identical however they arrive."""

from __future__ import annotations

import numpy as np
import pytest
from scoring import match_f1

from biofeedback.core.physiology import simulate_ppg
from biofeedback.core.pipeline import Pipeline
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
    assert len(rr) == 28  # 14 + 14 intervals: none spans the gap
    assert rr == pytest.approx([800.0] * 28)
    assert out.gaps and out.gaps[0].reason == "disconnected"
