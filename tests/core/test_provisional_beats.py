"""Provisional beats: shown at detection, replaced in place by the corrector's beats, changes marked."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.core.beats.provisional import CHANGED, CONFIRMED, PROVISIONAL, ProvisionalBeats
from biofeedback.core.rr.artifacts import ArtifactCorrector
from biofeedback.core.types import Beat


def test_each_detection_is_shown_at_once_and_confirmed_later():
    shown = ProvisionalBeats()
    shown.add_detections([10.0, 11.0, 12.1])
    t, hr, state = shown.curve()
    assert t.tolist() == [11.0, 12.1] and state.tolist() == [PROVISIONAL] * 2
    assert hr == pytest.approx([60.0, 60000 / 1100])
    shown.add_corrected([Beat(11.0, 1000.0)])
    t, hr, state = shown.curve()
    assert state.tolist() == [CONFIRMED, PROVISIONAL]
    assert shown.latest_hr_bpm(1) == pytest.approx(60000 / 1100)


def test_the_real_corrector_on_an_ectopic_beat_marks_the_changed_beats_in_place():
    rng = np.random.default_rng(3)
    rr = 1000.0 + 30 * np.sin(np.arange(60) / 3.0) + rng.normal(0, 5, 60)
    beat_t = np.cumsum(rr) / 1000.0
    beat_t[30] -= 0.3  # an early (ectopic) beat, the next keeps its time
    corrector = ArtifactCorrector()
    shown = ProvisionalBeats()
    versions = []
    for k, t in enumerate(beat_t):
        shown.add_detections([float(t)])
        versions.append(shown.version)
        if k:  # every detection is on the curve at once, as the newest (provisional) beat
            assert shown.beats()[-1].t_s == pytest.approx(t) and shown.beats()[-1].state == PROVISIONAL
        shown.add_corrected(corrector.push(float(t)))
    shown.add_corrected(corrector.flush())
    t, hr, state = shown.curve()
    assert PROVISIONAL not in state.tolist()
    changed = t[state == CHANGED]
    assert changed.size >= 1 and np.all(np.abs(changed - beat_t[30]) < 1.5)  # the ectopic and its pause
    assert shown.n_changed == changed.size
    assert np.count_nonzero(state == CONFIRMED) >= 50
    assert all(b > a for a, b in zip(versions[:-1], versions[1:], strict=True))


def test_an_extra_detection_merged_by_the_corrector_is_removed_and_marked():
    shown = ProvisionalBeats()
    shown.add_detections([0.0, 1.0, 1.4, 2.0])  # 1.4: a spurious pulse
    assert len(shown.beats()) == 3
    shown.add_corrected([Beat(1.0, 1000.0), Beat(2.0, 1000.0, corrected=True, kind="extra")])
    t, _, state = shown.curve()
    assert t.tolist() == [1.0, 2.0] and state.tolist() == [CONFIRMED, CHANGED]


def test_device_beats_without_detections_are_simply_confirmed_and_a_gap_resets():
    shown = ProvisionalBeats()
    shown.add_corrected([Beat(1.0, 900.0), Beat(1.9, 900.0)])
    assert shown.curve()[2].tolist() == [CONFIRMED, CONFIRMED]

    class Out:
        gaps = ["gap"]
        detections_t_s = [50.0]
        beats = []

    shown.add_output(Out())
    assert shown.beats() == [] and shown.latest_hr_bpm() is None
