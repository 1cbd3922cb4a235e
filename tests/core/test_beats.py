"""Streaming PPG beat detector: accuracy against known beat times, chunk invariance, quality."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback.core.beats.ppg import PpgBeatDetector, detect_beats
from biofeedback.core.simulation import ArtifactParams, simulate_ppg
from biofeedback.core.types import SignalQuality


def _match(found_s, truth_s, tol_s=0.05):
    """One-to-one greedy matching in time order; returns matched (truth, found) index pairs."""
    pairs, j = [], 0
    for i, t in enumerate(truth_s):
        while j < len(found_s) and found_s[j] < t - tol_s:
            j += 1
        if j < len(found_s) and abs(found_s[j] - t) <= tol_s:
            pairs.append((i, j))
            j += 1
    return pairs


def _score(found_s, truth_s):
    pairs = _match(found_s, truth_s)
    f1 = 2 * len(pairs) / (len(found_s) + len(truth_s))
    rr_err = [
        (found_s[j2] - found_s[j1]) - (truth_s[i2] - truth_s[i1])
        for (i1, j1), (i2, j2) in zip(pairs, pairs[1:], strict=False)
        if i2 == i1 + 1 and j2 == j1 + 1
    ]
    return f1, float(np.mean(np.abs(rr_err)) * 1000.0)


def _feed_in_chunks(det, t, v, size):
    out = [det.feed(t[i : i + size], v[i : i + size]) for i in range(0, t.size, size)]
    return np.concatenate(out + [det.flush()])


@pytest.mark.parametrize("fs_hz", [500.0, 100.0, 60.0])
def test_beats_match_known_peak_times_within_50_ms_and_rr_within_5_ms(fs_hz):
    duration = 240.0
    t, v, beats = simulate_ppg(duration, fs_hz, breathing_bpm=6.0, seed=int(fs_hz))
    truth = np.array([b.t_s for b in beats if b.t_s < duration - 1.0])
    found = detect_beats(t, v, fs_hz, adc_max=1023)
    found = found[found < duration - 1.0]
    f1, rr_mae_ms = _score(found, truth)
    assert f1 >= 0.995
    assert rr_mae_ms <= 5.0


def test_high_heart_rate_and_fast_breathing_are_tracked():
    from biofeedback.core.simulation import PersonParams

    t, v, beats = simulate_ppg(120.0, 250.0, PersonParams(hr_bpm=110.0), breathing_bpm=15.0, seed=8)
    truth = np.array([b.t_s for b in beats if b.t_s < 119.0])
    found = detect_beats(t, v, 250.0, adc_max=1023)
    f1, rr_mae_ms = _score(found[found < 119.0], truth)
    assert f1 >= 0.995 and rr_mae_ms <= 5.0


def test_streaming_agrees_with_neurokit2_elgendi_offline():
    import neurokit2 as nk

    t, v, _ = simulate_ppg(120.0, 500.0, seed=11)
    ours = detect_beats(t, v, 500.0, adc_max=1023)
    clean = nk.ppg_clean(v, sampling_rate=500, method="elgendi")
    ref = t[nk.ppg_findpeaks(clean, sampling_rate=500, method="elgendi")["PPG_Peaks"]]
    ours, ref = ours[ours < 119.0], ref[ref < 119.0]
    pairs = _match(ours, ref)
    assert 2 * len(pairs) / (len(ours) + len(ref)) >= 0.99


@pytest.mark.parametrize("fs_hz", [500.0, 60.0])
def test_feeding_in_chunks_of_1_7_256_or_all_gives_bit_identical_beats(fs_hz):
    t, v, _ = simulate_ppg(60.0, fs_hz, artifacts=ArtifactParams(motion_bursts_per_min=2.0), seed=5)
    results = [_feed_in_chunks(PpgBeatDetector(fs_hz, 1023), t, v, k) for k in (1, 7, 256, t.size)]
    assert results[0].size > 50
    for r in results[1:]:
        assert np.array_equal(r, results[0])


def test_beats_are_confirmed_within_250_ms_p95_of_the_true_peak_with_20_ms_chunks():
    t, v, beats = simulate_ppg(120.0, 500.0, seed=12)
    truth = np.array([b.t_s for b in beats if b.t_s < 119.0])
    det = PpgBeatDetector(500.0, adc_max=1023)
    found, confirmed = [], []
    for i in range(0, t.size, 10):
        out = det.feed(t[i : i + 10], v[i : i + 10])
        found.extend(out.tolist())
        confirmed.extend([t[min(i + 9, t.size - 1)]] * out.size)
    pairs = _match(np.array(found), truth)
    delay = np.array([confirmed[j] - truth[i] for i, j in pairs])
    assert len(pairs) >= truth.size - 1
    assert np.percentile(delay, 95) < 0.25
    assert delay.min() > 0.0  # causal: never before the peak


def test_flat_signal_gives_no_beats_and_no_signal():
    t = np.arange(30000) / 500.0
    det = PpgBeatDetector(500.0, adc_max=1023)
    found = _feed_in_chunks(det, t, np.full(t.size, 600.0), 10)
    assert found.size == 0
    assert det.quality is SignalQuality.NO_SIGNAL


@pytest.mark.parametrize("fs_hz", [500.0, 60.0])
def test_pure_noise_invents_almost_no_beats_and_none_of_good_quality(fs_hz):
    rng = np.random.default_rng(1)
    n = int(120 * fs_hz)
    t = np.arange(n) / fs_hz
    for v, adc in (
        (np.rint(512 + 25 * rng.standard_normal(n)), 1023),
        (rng.standard_normal(n), None),
    ):
        det = PpgBeatDetector(fs_hz, adc_max=adc)
        found, quality = [], []
        for i in range(0, n, 64):
            found += det.feed(t[i : i + 64], v[i : i + 64]).tolist()
            quality += det.last_quality.tolist()
        assert len(found) <= 12  # under one "beat" per 10 s of noise ...
        assert not any(q >= 0.86 for q in quality)  # ... and none that looks like a pulse
        assert det.quality is SignalQuality.NO_SIGNAL  # no beat for > 2.5 s


def test_signal_clipped_at_the_adc_rails_is_saturated():
    t, v, _ = simulate_ppg(20.0, 500.0, seed=2)
    det = PpgBeatDetector(500.0, adc_max=1023)
    det.feed(t, v)
    assert det.quality is SignalQuality.GOOD
    clipped = np.clip((v - 512.0) * 8.0 + 512.0, 0, 1023)
    det = PpgBeatDetector(500.0, adc_max=1023)
    det.feed(t, clipped)
    assert det.quality is SignalQuality.SATURATED


def test_finger_off_gap_is_flagged_and_good_returns_after_it():
    t, v, beats = simulate_ppg(
        180.0, 100.0, artifacts=ArtifactParams(finger_off_per_min=1.0), seed=1
    )
    dark = v < 0.05 * 1023
    det = PpgBeatDetector(100.0, adc_max=1023)
    states = []
    for i in range(0, t.size, 50):
        det.feed(t[i : i + 50], v[i : i + 50])
        j = i + 49
        # judge well inside (>= 2 s) a dark or a lit stretch
        if j >= 400 and dark[j - 200 : j + 1].all():
            states.append(("dark", det.quality))
        elif j >= 1000 and not dark[j - 1000 : j + 1].any():
            states.append(("lit", det.quality))
    assert any(s == "dark" for s, _ in states)
    assert all(q is SignalQuality.FINGER_OFF for s, q in states if s == "dark")
    assert all(q is SignalQuality.GOOD for s, q in states if s == "lit")


def test_no_beat_for_more_than_2_5_s_reports_no_signal():
    t, v, _ = simulate_ppg(20.0, 500.0, seed=3)
    det = PpgBeatDetector(500.0)
    det.feed(t[:5000], v[:5000])
    assert det.quality is SignalQuality.GOOD
    # a tiny, slow sway without pulses: not flat, but no beats
    tail = t[5000:6750]
    det.feed(tail, 512.0 + 3.0 * np.sin(2 * np.pi * 0.05 * tail))
    assert det.quality is SignalQuality.NO_SIGNAL


def test_reset_starts_a_new_stream():
    t, v, _ = simulate_ppg(40.0, 500.0, seed=4)
    det = PpgBeatDetector(500.0, adc_max=1023)
    det.feed(t[:10000], v[:10000])
    det.reset()
    after = np.concatenate([det.feed(t[10000:], v[10000:]), det.flush()])
    fresh = detect_beats(t[10000:], v[10000:], 500.0, adc_max=1023)
    assert after.size > 15 and np.array_equal(after, fresh)  # the first 4 s are learnt


def test_agrees_with_neurokit2_on_a_pulse_shape_from_another_simulator():
    import neurokit2 as nk

    fs = 100
    v = nk.ppg_simulate(duration=120, sampling_rate=fs, heart_rate=70, random_state=1)
    t = np.arange(v.size) / fs
    ours = detect_beats(t, 500.0 + 300.0 * v, fs)
    clean = nk.ppg_clean(v, sampling_rate=fs)
    ref = t[nk.ppg_findpeaks(clean, sampling_rate=fs)["PPG_Peaks"]]
    ours, ref = ours[ours < 119.0], ref[ref < 119.0]
    pairs = _match(ours, ref)
    assert ref.size > 120
    assert 2 * len(pairs) / (len(ours) + len(ref)) >= 0.99
