"""Streaming Lipponen & Tarvainen artifact correction against truth known by construction.

A seeded clean RR series (~70 bpm, 0.1 Hz and 0.25 Hz oscillations, jitter) gets
ectopic beats (-25 % / +25 %), missed beats (two intervals merged) and extra beats
(one interval split unevenly) at known beats; the corrector must find them, restore
RMSSD, and leave clean stretches alone.
"""

from __future__ import annotations

import copy
import dataclasses

import numpy as np
import pytest

from biofeedback import config as cfg
from biofeedback.core.rr.artifacts import (
    ArtifactCorrector,
    _AbsWindow,
    correct_beats,
    correct_intervals,
)
from biofeedback.core.rr.intervals import plausible_rr
from biofeedback.core.types import Beat

N_BEATS = 5000
KINDS = ("ectopic", "missed", "extra")


def clean_rr_ms(n: int, seed: int) -> np.ndarray:
    """RR series: 857 ms mean, 40 ms at 0.1 Hz, 25 ms at 0.25 Hz, 10 ms Gaussian jitter."""
    rng = np.random.default_rng(seed)
    ph1, ph2 = rng.uniform(0.0, 2.0 * np.pi, 2)
    jitter = rng.normal(0.0, 10.0, n)
    rr = np.empty(n)
    t_s = 0.0
    for k in range(n):
        rr[k] = (
            857.0
            + 40.0 * np.sin(2 * np.pi * 0.1 * t_s + ph1)
            + 25.0 * np.sin(2 * np.pi * 0.25 * t_s + ph2)
            + jitter[k]
        )
        t_s += rr[k] / 1000.0
    return rr


def inject(rr_ms: np.ndarray, seed: int, spacing: int = 40):
    """Beat times with artifacts; returns (beat times, clean beat times, [(kind, clean index)])."""
    rng = np.random.default_rng(seed)
    t_clean = np.concatenate([[0.0], np.cumsum(rr_ms) / 1000.0])
    starts = np.arange(50, t_clean.size - 50, spacing)
    positions = starts + rng.integers(-8, 9, starts.size)
    moved, removed, added, events = {}, set(), [], []
    for i, k in enumerate(positions):
        kind = KINDS[i % 3]
        events.append((kind, int(k)))
        rr_k_s = t_clean[k] - t_clean[k - 1]
        if kind == "ectopic":  # premature by 25 %, full compensatory pause
            moved[k] = t_clean[k - 1] + 0.75 * rr_k_s
        elif kind == "missed":
            removed.add(k)
        else:  # extra detection splitting one interval unevenly
            added.append(t_clean[k - 1] + rng.uniform(0.3, 0.7) * rr_k_s)
    t = [moved.get(k, tk) for k, tk in enumerate(t_clean) if k not in removed]
    return np.sort(np.array(t + added)), t_clean, events


def rmssd_ms(rr_ms: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.diff(rr_ms) ** 2)))


def as_arrays(beats: list[Beat]):
    return (
        np.array([b.t_s for b in beats]),
        np.array([b.rr_ms for b in beats]),
        np.array([b.corrected for b in beats]),
        np.array([b.kind for b in beats]),
    )


@pytest.fixture(scope="module")
def series():
    rr = clean_rr_ms(N_BEATS, seed=7)
    t_bad, t_clean, events = inject(rr, seed=8)
    return rr, t_bad, t_clean, events, correct_beats(t_bad)


def score_events(beats: list[Beat], t_clean: np.ndarray, events):
    """Per event: detected, kinds of corrected beats within +-1 beat; plus false-positive clusters."""
    t, _, corrected, kinds = as_arrays(beats)
    near_event = np.zeros(t.size, bool)
    found = {k: [] for k in KINDS}
    labels = {k: [] for k in KINDS}
    for kind, k in events:
        window = (t >= t_clean[k - 1] - 1e-6) & (t <= t_clean[k + 1] + 1e-6)
        near_event |= window
        found[kind].append(bool((window & corrected).any()))
        labels[kind].append(set(kinds[window & corrected]))
    false_beats = corrected & ~near_event
    fp_clusters = int(np.sum(false_beats & ~np.concatenate([[False], false_beats[:-1]])))
    return found, labels, fp_clusters


def test_injected_artifacts_are_detected_with_f1_above_095_per_kind(series):
    _, _, t_clean, events, beats = series
    found, labels, fp_clusters = score_events(beats, t_clean, events)
    for kind in KINDS:
        tp = sum(found[kind])
        fn = len(found[kind]) - tp
        f1 = 2 * tp / (2 * tp + fn + fp_clusters)  # every false alarm charged to every kind
        right_label = np.mean([lab == {kind} for lab in labels[kind]])
        print(f"{kind}: n={len(found[kind])} F1={f1:.3f} labelled {kind}: {right_label:.0%}")
        assert len(found[kind]) >= 35
        assert f1 >= 0.95
        assert right_label >= 0.9
    print(f"false-positive clusters: {fp_clusters}")


def test_corrected_rmssd_is_within_5_percent_of_clean(series):
    rr, t_bad, _, _, beats = series
    truth = rmssd_ms(rr)
    raw = rmssd_ms(np.diff(t_bad) * 1000.0)
    corrected = rmssd_ms(as_arrays(beats)[1])
    print(f"RMSSD clean {truth:.2f} raw {raw:.2f} corrected {corrected:.2f} ms")
    assert abs(raw / truth - 1) > 0.30  # the artifacts matter
    assert abs(corrected / truth - 1) < 0.05


def test_missed_and_extra_handling_restores_the_beat_count(series):
    rr, _, _, _, beats = series
    assert len(beats) == rr.size


def test_clean_series_gets_almost_no_corrections_and_keeps_exact_intervals():
    rr = clean_rr_ms(N_BEATS, seed=11)
    beats = correct_intervals(rr)
    _, rr_out, corrected, _ = as_arrays(beats)
    share = corrected.mean()
    print(f"false corrections on a clean series: {share:.3%}")
    assert share < 0.005
    assert rr_out.size == rr.size
    np.testing.assert_array_equal(rr_out[~corrected], rr[~corrected])


def test_correct_false_passes_plausible_intervals_through_bit_exactly(series):
    _, t_bad, _, _, _ = series
    rr_bad = np.diff(t_bad) * 1000.0
    ok = plausible_rr(rr_bad)
    assert 0 < np.count_nonzero(~ok) < 10  # a few extra detections below RR_MIN_MS: gaps
    beats = correct_intervals(rr_bad, correct=False)
    _, rr_out, corrected, kinds = as_arrays(beats)
    np.testing.assert_array_equal(rr_out, rr_bad[ok])
    assert not corrected.any() and set(kinds) == {"normal"}
    t_out, rr_out2, _, _ = as_arrays(correct_beats(t_bad, correct=False))
    np.testing.assert_array_equal(t_out, t_bad[1:][ok])
    np.testing.assert_array_equal(rr_out2, rr_bad[ok])
    assert ArtifactCorrector(correct=False).delay_beats == 0


def assert_same_beats(got: list[Beat], want: list[Beat]) -> None:
    """Field by field, NaN equal to NaN (an inserted beat's detected_t_s): Python 3.13's dataclass ==
    compares fields with == (NaN != NaN), where 3.12 compared tuples (the same NaN object matched)."""
    np.testing.assert_equal([dataclasses.astuple(b) for b in got], [dataclasses.astuple(b) for b in want])


def test_streaming_push_one_by_one_equals_offline(series):
    _, t_bad, _, _, offline = series
    corrector = ArtifactCorrector()
    live: list[Beat] = []
    for t in t_bad:
        live.extend(corrector.push(float(t)))
    live.extend(corrector.flush())
    assert_same_beats(live, offline)

    rr_bad = np.diff(t_bad) * 1000.0
    by_interval = ArtifactCorrector()
    live_rr: list[Beat] = []
    for rr in rr_bad:
        live_rr.extend(by_interval.push_interval(float(rr)))
    live_rr.extend(by_interval.flush())
    assert_same_beats(live_rr, correct_intervals(rr_bad))
    # the IBI path makes the same decisions as the beat-time path
    t_iv, rr_iv, corr_iv, kind_iv = as_arrays(live_rr)
    t_off, rr_off, corr_off, kind_off = as_arrays(offline)
    np.testing.assert_array_equal(kind_iv, kind_off)
    np.testing.assert_array_equal(corr_iv, corr_off)
    np.testing.assert_allclose(t_iv + t_bad[0], t_off, atol=1e-9)
    np.testing.assert_allclose(rr_iv, rr_off, atol=1e-6)


def test_each_beat_is_emitted_exactly_delay_beats_late():
    t = np.concatenate([[0.0], np.cumsum(clean_rr_ms(300, seed=3)) / 1000.0])
    corrector = ArtifactCorrector()
    k = corrector.delay_beats
    assert k == cfg.LT_LOOKAHEAD_BEATS
    for n, t_n in enumerate(t):
        out = corrector.push(float(t_n))
        if n <= k:
            assert out == []
        else:
            assert [b.t_s for b in out] == [t[n - k]]
    assert [b.t_s for b in corrector.flush()] == list(t[-k:])


def test_two_consecutive_missed_beats_are_split_into_three_intervals():
    rr = clean_rr_ms(200, seed=5)
    t = np.concatenate([[0.0], np.cumsum(rr) / 1000.0])
    t_bad = np.delete(t, [100, 101])  # interval of ~2.6 s, beyond RR_MAX_MS
    beats = correct_beats(t_bad)
    missed = [b for b in beats if b.kind == "missed"]
    assert len(missed) == 3 and all(b.corrected for b in missed)
    assert missed[-1].t_s == t[102]
    np.testing.assert_allclose([b.rr_ms for b in missed], (t[102] - t[99]) * 1000 / 3)
    assert len(beats) == rr.size


def test_implausibly_short_extra_detection_is_merged_away():
    rr = clean_rr_ms(200, seed=6)
    t = np.concatenate([[0.0], np.cumsum(rr) / 1000.0])
    t_bad = np.sort(np.append(t, t[100] + 0.15))  # 150 ms < RR_MIN_MS after a real beat
    beats = correct_beats(t_bad)
    assert len(beats) == rr.size
    assert min(b.rr_ms for b in beats) >= cfg.RR_MIN_MS
    extra = [b for b in beats if b.corrected]
    assert [b.kind for b in extra] == ["extra"] and extra[0].t_s == t[101]


def test_reset_drops_the_interval_across_a_gap():
    rr = clean_rr_ms(120, seed=9)
    t = np.concatenate([[0.0], np.cumsum(rr) / 1000.0])
    corrector = ArtifactCorrector()
    out: list[Beat] = []
    for t_n in t[:60]:
        out.extend(corrector.push(float(t_n)))
    out.extend(corrector.flush())
    corrector.reset()
    for t_n in t[60:] + 30.0:  # 30 s unplugged
        out.extend(corrector.push(float(t_n)))
    out.extend(corrector.flush())
    assert len(out) == t.size - 2  # one interval lost at each chain start
    assert max(b.rr_ms for b in out) < cfg.RR_MAX_MS
    assert not any(b.corrected for b in out)


def test_beat_times_must_increase():
    corrector = ArtifactCorrector()
    corrector.push(1.0)
    with pytest.raises(ValueError):
        corrector.push(1.0)


def test_neurokit_kubios_finds_the_same_injected_events(series):
    import neurokit2 as nk

    _, t_bad, t_clean, events, beats = series
    peaks = np.round(t_bad * 1000.0).astype(int)
    info, _ = nk.signal_fixpeaks(peaks, sampling_rate=1000, method="kubios", iterative=False)
    nk_idx = np.array(
        sorted(info["ectopic"] + info["missed"] + info["extra"] + info["longshort"]), dtype=int
    )
    nk_times = t_bad[nk_idx]
    found, _, _ = score_events(beats, t_clean, events)
    ours = [d for kind in KINDS for d in found[kind]]
    theirs = []
    for kind in KINDS:
        for _, k in (e for e in events if e[0] == kind):
            lo, hi = t_clean[k - 1] - 0.5, t_clean[k + 1] + 0.5  # +-1 beat either side
            theirs.append(bool(((nk_times >= lo) & (nk_times <= hi)).any()))
    agreement = np.mean(np.array(ours) == np.array(theirs))
    print(f"NeuroKit2 kubios detects {np.mean(theirs):.1%} of events; agreement {agreement:.1%}")
    assert agreement >= 0.8


def test_threshold_windows_keep_their_magnitudes_sorted_however_filled():
    """The sorted |values| beside each Th1/Th2 window equal sorting the window again (append,
    extend as rr/offline.py fills them, +=, clear, copy)."""
    rng = np.random.default_rng(3)
    w = _AbsWindow(maxlen=cfg.LT_QD_WINDOW_BEATS)
    for i in range(3000):
        op = rng.random()
        if op < 0.9:
            w.append(float(rng.choice([rng.normal(0, 50), 0.0, -0.0, 12.5, -12.5])))
        elif op < 0.95:
            w.extend(rng.normal(0, 50, int(rng.integers(0, 120))).tolist())
        elif op < 0.97:
            w += rng.normal(0, 5, 3).tolist()
        elif op < 0.98:
            w.clear()
        else:
            w = copy.copy(w)
        assert w.ordered_abs == sorted(map(abs, w)) and len(w) <= cfg.LT_QD_WINDOW_BEATS, i
