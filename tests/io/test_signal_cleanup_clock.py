"""PPG samples stamped by a clock coarser than the sample clock (heartpy's data3.csv)."""

from __future__ import annotations

import numpy as np

from biofeedback.io.signal_cleanup import clean_ppg


def _ticked(fs_hz: float, tick_s: float, n: int, drift: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    true_t = np.arange(n) / fs_hz * (1.0 + drift * np.sin(np.arange(n) / n * 2 * np.pi))
    return true_t, np.floor(true_t / tick_s) * tick_s


def test_quantised_stamps_give_the_sample_rate_and_even_times():
    true_t, stamps = _ticked(100.0, 0.015625, 20_000)
    cleaned = clean_ppg(stamps, np.sin(true_t))
    assert abs(cleaned.fs_hz - 100.0) < 0.1  # the median step (the 15.6 ms tick) said 64 Hz
    steps = np.diff(cleaned.t_s)
    assert np.ptp(steps) < 5e-5
    assert np.max(np.abs((cleaned.t_s - cleaned.t_s[0]) - true_t)) < 0.02
    assert "ticks" in cleaned.note


def test_even_times_follow_a_slowly_wandering_recorder_clock():
    true_t, stamps = _ticked(100.0, 0.015625, 60_000, drift=5e-4)
    cleaned = clean_ppg(stamps, np.sin(true_t))
    # within a tick of the true times everywhere (a single straight line would be 0.1 s off)
    assert np.max(np.abs((cleaned.t_s - cleaned.t_s[0]) - true_t)) < 0.016


def test_fine_stamps_are_kept_as_they_are():
    rng = np.random.default_rng(1)
    t = np.arange(5000) / 125.0 + rng.normal(0, 1e-4, 5000)
    cleaned = clean_ppg(t, np.sin(t))
    assert np.array_equal(cleaned.t_s, t)
    assert cleaned.note == ""


def test_quantised_stamps_keep_a_gap():
    true_t, stamps = _ticked(100.0, 0.015625, 4000)
    stamps[2000:] += 5.0
    cleaned = clean_ppg(stamps, np.sin(true_t))
    assert len(cleaned.gaps) == 1
    assert 4.9 < cleaned.t_s[2000] - cleaned.t_s[1999] < 5.1
    assert np.ptp(np.diff(cleaned.t_s[:2000])) < 5e-5
