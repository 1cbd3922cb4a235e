"""The live model's feedback parts on the real pipeline: beats at once, breathing, a calm coherence level."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.app.live_model import LiveModel
from biofeedback.core.beats.provisional import PROVISIONAL
from biofeedback.core.pipeline import Pipeline
from biofeedback.core.simulation import PersonParams, PpgSynth, SimulatedPerson
from biofeedback.core.types import Gap, PpgBlock

FS_HZ = 250.0


def run(seconds: float, breathing_bpm: float = 6.0, seed: int = 41):
    person = SimulatedPerson(PersonParams(resonance_bpm=breathing_bpm), seed=seed)
    person.set_breathing_rate(breathing_bpm)
    synth = PpgSynth(person, fs_hz=FS_HZ, adc_max=1023, noise=0.02, seed=seed)
    pipeline, model = Pipeline(), LiveModel()
    seen_provisional_first = 0
    for k in range(int(seconds / 0.02)):  # 20 ms chunks, as a USB serial adapter delivers them
        t, v, _ = synth.step(int(FS_HZ * 0.02))
        out = pipeline.feed([PpgBlock(t, v, FS_HZ)])
        model.add(out, host_t_s=100.0 + k * 0.02)
        if out.detections_t_s:
            newest = model.provisional.beats()[-1]
            seen_provisional_first += newest.state == PROVISIONAL and newest.t_s == out.detections_t_s[-1]
    return model, seen_provisional_first


def test_beats_breathing_and_coherence_level_come_out_of_the_live_model():
    model, provisional_first = run(100.0)
    n_beats = len(model.beats)
    assert provisional_first >= n_beats - 3  # each detection was on the curve before its correction
    t, hr, state = model.provisional.curve()
    assert t.size >= n_beats and np.all(np.diff(t) > 0)
    # the live HR number is the newest shown beats' (provisional included), not the corrected ones'
    assert model.recent_hr_bpm(3) == pytest.approx(60000.0 / float(np.mean(60000.0 / hr[-3:])))
    est = model.breathing.latest
    assert est is not None and est.rate_bpm == pytest.approx(6.0, abs=0.5)
    assert model.breathing_text(5.5) == f"you: {est.rate_bpm:.1f} /min · guide: 5.5 /min"
    curve = model.breath_curve()  # under the guide: 0..1, the last 60 s, rising with the inhale
    assert curve.shape[1] == 2 and curve[-1, 0] - curve[0, 0] == pytest.approx(60.0, abs=0.5)
    assert curve[:, 1].min() >= 0.0 and curve[:, 1].max() <= 1.0
    crossings = np.count_nonzero(np.diff(np.signbit(curve[:, 1] - 0.5)))
    assert crossings / 2 == pytest.approx(6.0, abs=1.0)  # six breaths in the minute
    shown = model.coherence_level.latest
    assert shown is not None and shown.ratio == model.latest.coherence_ratio


def test_a_gap_starts_the_feedback_parts_over():
    model, _ = run(20.0)
    model.add(_gap_output(), host_t_s=200.0)
    assert model.provisional.beats() == [] and model.breathing.latest is None
    assert model.breath_curve().shape == (0, 2)
    assert model.breathing_text(None) == "you: --"


def _gap_output():
    from biofeedback.core.pipeline import PipelineOutput

    return PipelineOutput(gaps=[Gap(20.0, 3.0, "disconnected")])
