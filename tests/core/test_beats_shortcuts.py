"""The beat detector's hot-path shortcuts give exactly the numbers of the plain NumPy/SciPy calls they replace.

Each saves a few microseconds on the live path (called per 0.1 s of samples or
per beat); chunk invariance and the validation figures rely on them being the
same numbers to the bit, so each is compared with its plain form here.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from scipy import signal

from biofeedback.core.beats.polarity import bandpass_sos
from biofeedback.core.beats.ppg import PpgBeatDetector
from biofeedback.core.beats.quality import beat_wave, resample_beat
from biofeedback.core.beats.slope_sum import _SLOPE_CAP, extend_slope_sum, first_true
from biofeedback.core.shortcuts import (
    fast_interp,
    fast_sosfilt,
    irfft_real,
    rfft_padded,
    sosfilt_with_state,
)
from biofeedback.core.simulation import simulate_ppg
from biofeedback.core.types import PpgBlock

RNG = np.random.default_rng(7)


def test_fast_sosfilt_is_scipy_sosfilt_to_the_bit():
    sos = bandpass_sos(50.0)
    x = np.cumsum(RNG.normal(size=400))
    assert np.array_equal(fast_sosfilt(sos, x), signal.sosfilt(sos, x))
    assert np.array_equal(fast_sosfilt(sos, x[::3]), signal.sosfilt(sos, x[::3]))  # a strided view


def test_fast_interp_is_numpy_interp_to_the_bit():
    fp = np.cumsum(RNG.normal(size=37))
    xp = np.arange(37)  # integer sample positions, as the beat waves use
    x = np.concatenate((np.linspace(0.0, 36.0, 40), [-1.0, 40.0]))  # (outside: the end values)
    assert np.array_equal(fast_interp(x, xp, fp), np.interp(x, xp, fp))
    ratio, need = np.array((0.55, 0.85, 0.9)), np.array((0.8, 0.45, 0.0))
    for g in (0.5, 0.55, 0.7, 0.89, 0.95):  # a scalar, as the reflected-wave test gives it
        assert float(fast_interp(g, ratio, need)) == float(np.interp(g, ratio, need))


def test_fft_shortcuts_are_numpy_rfft_and_irfft_to_the_bit():
    for n in (16, 351, 400):  # the pulse period's autocorrelation: zero-padded to a power of two
        x = RNG.normal(size=n)
        nfft = 1 << int(2 * n - 1).bit_length()
        f = rfft_padded(x, nfft)
        assert np.array_equal(f, np.fft.rfft(x, nfft))
        assert np.array_equal(irfft_real(f * np.conj(f), nfft), np.fft.irfft(f * np.conj(f), nfft))


def test_sosfilt_with_state_is_scipy_sosfilt_with_zi_to_the_bit():
    sos = bandpass_sos(130.0)
    zi = signal.sosfilt_zi(sos) * 3.0
    for x in (np.cumsum(RNG.normal(size=7)) * 1000.0, RNG.integers(0, 1024, 50)):  # (integer samples too)
        y, zf = sosfilt_with_state(sos, x, zi)
        y_ref, zf_ref = signal.sosfilt(sos, x, zi=zi)
        assert np.array_equal(y, y_ref) and np.array_equal(zf, zf_ref)


@pytest.mark.parametrize("mask", [
    np.zeros(0, bool), np.zeros(7, bool), np.ones(7, bool), np.array([False, False, True, False, True]),
    RNG.random(50) > 0.9,
])
def test_first_true_is_the_first_index_flatnonzero_lists(mask):
    found = np.flatnonzero(mask)
    assert first_true(mask) == (int(found[0]) if found.size else -1)


def _slope_sum_plain(y, gain, window, start, end):
    """The slope sum as first written: clipped scaled slopes, int64 running sum, window difference."""
    u = np.minimum(np.maximum(np.diff(y[start - 1 : end]), 0.0) * gain, _SLOPE_CAP).astype(np.int64)
    cs = np.cumsum(u)
    lo = np.maximum(np.arange(cs.size) - window, -1)
    return cs, cs - np.where(lo >= 0, cs[np.maximum(lo, 0)], 0)


def test_extend_slope_sum_in_any_groups_equals_the_plain_sum():
    n, start, window, gain = 3000, 5, 40, 2.0**30 / 0.7
    y = np.zeros(n)
    y[start - 1 :] = np.cumsum(RNG.normal(size=n - start + 1))
    y[1000:1004] += 1e9  # slopes far past the cap
    cs_ref, ssf_ref = _slope_sum_plain(y, gain, window, start, n)
    for groups in ([n - start], [1] * 60 + [n - start - 60], list(RNG.integers(1, 90, size=200))):
        cs, ssf = np.zeros(n, np.int64), np.zeros(n)
        p = start
        for m in groups:
            m = min(m, n - p)
            if m < 1:
                break
            extend_slope_sum(y, cs, ssf, p, m, gain, window, start)
            p += m
        assert np.array_equal(cs[start:p], cs_ref[: p - start])
        assert np.array_equal(ssf[start:p], ssf_ref[: p - start])


def test_beat_wave_and_resampling_equal_the_plain_interpolation():
    v = np.cumsum(RNG.normal(size=2000))
    for fs_hz, prev, k in ((500.0, 100, 500), (500.0, 100, 300), (100.0, 40, 120), (20.0, 5, 25)):
        n2 = max(2, round(0.25 * fs_hz))
        n1 = max(2, min(round(0.45 * fs_hz), k - prev - n2))
        after, before = v[prev : prev + n1 + 1], v[k - n2 : k + 1]
        plain = np.concatenate((np.interp(np.linspace(0, after.size - 1, 20), np.arange(after.size), after),
                                np.interp(np.linspace(0, before.size - 1, 20), np.arange(before.size), before)))
        wave = beat_wave(v, prev, k, fs_hz)
        assert np.array_equal(wave, plain)
        grid = np.linspace(0.0, 1.0, 40)
        x = np.interp(grid, np.linspace(0.0, 1.0, wave.size), wave)
        x = x - (x[0] + (x[-1] - x[0]) * grid)
        x = x - x.mean()
        assert np.array_equal(resample_beat(wave), x / float(np.sqrt(np.dot(x, x) / x.size)))


def test_feed_finite_gives_the_beats_and_qualities_of_feed():
    t, v, _ = simulate_ppg(40.0, fs_hz=250.0, seed=4)
    plain, vouched = PpgBeatDetector(250.0, adc_max=1023), PpgBeatDetector(250.0, adc_max=1023)
    for i in range(0, t.size, 13):
        a = plain.feed(t[i : i + 13], v[i : i + 13])
        b = vouched.feed_finite(t[i : i + 13], v[i : i + 13])
        assert np.array_equal(a, b) and np.array_equal(plain.last_quality, vouched.last_quality, equal_nan=True)
    assert plain.quality == vouched.quality


def test_ppg_block_stays_a_frozen_dataclass():
    block = PpgBlock(np.arange(3.0), np.ones(3), 100.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        block.fs_hz = 50.0  # type: ignore[misc]
    moved = dataclasses.replace(block, fs_hz=50.0)
    assert (moved.fs_hz, len(moved), moved.t_s is block.t_s) == (50.0, 3, True)
    assert [f.name for f in dataclasses.fields(PpgBlock)] == ["t_s", "value", "fs_hz"]


def test_finger_off_count_is_the_median_test():
    """sample_state says FINGER_OFF exactly when the (upper) median is under the dark level."""
    from biofeedback.config import FINGER_OFF_LEVEL_SHARE
    from biofeedback.core.beats.signal_state import sample_state
    from biofeedback.core.types import SignalQuality

    adc_max = 1000.0
    level = FINGER_OFF_LEVEL_SHARE * adc_max
    for n in (1, 2, 7, 100, 101):
        for dark in range(n + 1):  # samples under the level (a moving wave, never at the rails)
            seg = np.where(np.arange(n) < dark, level - 20.0 + np.arange(n) % 5, level + 300.0 + np.arange(n) % 50)
            seg = RNG.permutation(seg)
            median = np.partition(seg, n // 2)[n // 2]
            assert (sample_state(seg, 100.0, adc_max) == SignalQuality.FINGER_OFF) == (median < level), (n, dark)


def test_pipeline_output_keeps_its_dataclass_fields_and_fresh_lists():
    from biofeedback.core.pipeline import PipelineOutput

    a, b = PipelineOutput(), PipelineOutput(interval_gaps_t_s=[1.5])
    a.beats.append("x")
    assert b.beats == [] and b.interval_gaps_t_s == [1.5] and a.metrics is None
    names = [f.name for f in dataclasses.fields(PipelineOutput)]
    assert names == ["ppg", "signals", "beats", "detections_t_s", "statuses", "gaps", "quality", "metrics",
                     "interval_gaps_t_s", "polarity_unsure", "directions_chosen"]
    assert PipelineOutput(**{n: getattr(b, n) for n in names}) == b
