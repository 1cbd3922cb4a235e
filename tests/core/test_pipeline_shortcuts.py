"""The pipeline's per-feed and per-beat shortcuts give what the general path gives, field for field.

The live path runs them 50 times a second (a feed holding one PpgBlock) or once
per beat; what a user sees must not depend on which path a feed took.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from biofeedback.core.hrv.time_domain import LiveHrv
from biofeedback.core.pipeline import Pipeline, _with_quality
from biofeedback.core.simulation import simulate_ppg
from biofeedback.core.types import Beat, DeviceInfo, PpgBlock


def _outputs(pipeline: Pipeline, feeds) -> list[tuple]:
    rows = []
    for events in feeds:
        out = pipeline.feed(events)
        rows.append((len(out.ppg), out.beats, out.detections_t_s, out.gaps, out.quality, out.metrics,
                     out.interval_gaps_t_s))
    return rows


def test_a_feed_of_one_block_gives_what_the_general_path_gives():
    t, v, _ = simulate_ppg(40.0, fs_hz=250.0, seed=4)
    blocks = [PpgBlock(t[i:i + 5], v[i:i + 5], 250.0) for i in range(0, t.size, 5)]
    info = DeviceInfo("native", fs_hz=250.0, adc_max=1023)
    fast = _outputs(Pipeline(), [[info]] + [[b] for b in blocks])  # a list of one block: the shortcut
    general = _outputs(Pipeline(), [(info,)] + [(b,) for b in blocks])  # a tuple: the event loop
    assert sum(len(r[1]) for r in fast) > 30  # beats came, with metrics
    assert fast == general


def test_with_quality_is_replace_for_every_field():
    beat = Beat(12.5, 812.0, True, "ectopic", quality=None, detected_t_s=12.46)
    assert _with_quality(beat, 0.93) == dataclasses.replace(beat, quality=0.93)
    # a field added to Beat must be carried too: the constructor call names every one
    assert [f.name for f in dataclasses.fields(Beat)] == [
        "t_s", "rr_ms", "corrected", "kind", "quality", "detected_t_s"]


def test_snapshot_with_a_given_artifact_share_is_replace_of_the_snapshot():
    hrv = LiveHrv()
    assert hrv.snapshot(artifact_share=0.25) == dataclasses.replace(hrv.snapshot(), artifact_share=0.25)
    for k, rr in enumerate(np.full(30, 850.0) + np.arange(30)):
        hrv.push(0.85 * (k + 1), rr, corrected=k % 7 == 0)
    assert hrv.snapshot(artifact_share=0.1) == dataclasses.replace(hrv.snapshot(), artifact_share=0.1)
