"""A beat the artifact corrector moves keeps where the detector put it (``detected_s``).

HRV is computed from the corrected series (an ectopic beat moved to its
neighbours' midpoint, a missed one inserted), but a lab timing our beats
against its own instrument needs the detection: the beats CSV carries both.
"""

from __future__ import annotations

import numpy as np

from biofeedback.core.rr.artifacts import correct_beats
from biofeedback.core.rr.offline import correct_offline
from biofeedback.io.beats_csv import BEATS_CSV_HEADER, beat_rows, write_beats_csv


def _beats_with_a_premature_one() -> tuple[np.ndarray, float]:
    """60 beats at 800 ms with +-5 ms jitter; beat 30 comes 120 ms early (an ectopic beat)."""
    rng = np.random.default_rng(3)
    t = np.cumsum(800.0 + rng.normal(0.0, 5.0, 60)) / 1000.0
    t[30] -= 0.12
    return t, float(t[30])


def test_a_moved_beat_keeps_its_detection_live_and_offline(tmp_path):
    t, early = _beats_with_a_premature_one()
    live = correct_beats(t)
    offline = correct_offline(t, np.zeros(t.size, bool))
    (moved,) = [b for b in live if b.detected_t_s == early]
    assert moved.kind == "ectopic" and abs(moved.t_s - early) > 0.05  # moved ~60 ms, detection kept
    rows = beat_rows(live)
    np.testing.assert_array_equal(rows[:, 3], offline.detected_s)  # analyze writes what record writes
    untouched = ~rows[:, 2].astype(bool)
    np.testing.assert_array_equal(rows[untouched, 3], rows[untouched, 0])

    path = tmp_path / "beats.csv"
    write_beats_csv(offline, path)
    assert path.read_text().startswith(BEATS_CSV_HEADER)
    table = np.loadtxt(path, delimiter=",", skiprows=1)
    i = int(np.argmin(np.abs(table[:, 3] - early)))
    assert abs(table[i, 3] - early) < 1e-4 and abs(table[i, 0] - early) > 0.05 and table[i, 2] == 1


def test_an_inserted_beat_has_no_detection():
    t = np.cumsum(np.full(60, 0.8))
    t = np.delete(t, 30)  # one beat missed: a 1.6 s interval
    beats = correct_beats(t)
    inserted = [b for b in beats if b.kind == "missed" and not np.any(np.abs(t - b.t_s) < 1e-9)]
    assert len(inserted) == 1
    rows = beat_rows(beats)
    k = [b.t_s for b in beats].index(inserted[0].t_s)
    assert np.isnan(rows[k, 3]) and rows[k, 2] == 1
    assert rows[k + 1, 3] == rows[k + 1, 0]  # the beat that ends the split interval was detected there
