"""The breathing estimate's shortcuts give NumPy's and SciPy's numbers (to the bit, except where NumPy calls BLAS)."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import signal

from biofeedback.core.breathing.counting import band_sos
from biofeedback.core.breathing.respiration import (
    RespirationTracker,
    _fuse,
    _periodogram_plan,
    _Spectral,
    _spectral_rate,
    _sum_of_few,
    estimate_breathing,
)
from biofeedback.core.shortcuts import (
    fast_interp,
    fast_std,
    local_maxima,
    median_of_list,
    rfft_padded,
    sosfilt_with_state,
)


def test_fast_std_is_ndarray_std_to_the_bit():
    rng = np.random.default_rng(7)
    for k in range(3000):
        n = int(rng.integers(1, 600))
        x = rng.normal(rng.normal(0, 100), rng.uniform(1e-3, 50), n) * 10.0 ** rng.integers(-5, 5)
        if k % 4 == 0:
            x = x[::-1][: max(n // 2, 1)]  # a strided view, as a filtered curve is
        assert np.float64(fast_std(x)).tobytes() == x.std().tobytes(), (k, n)


def test_fast_interp_is_np_interp():
    rng = np.random.default_rng(12)
    for _ in range(500):
        xp = np.sort(rng.uniform(0.0, 60.0, int(rng.integers(1, 90))))
        fp = rng.standard_normal(xp.size)
        x = np.arange(-5.0, 65.0, 0.25)  # beyond both ends too
        assert fast_interp(x, xp, fp).tobytes() == np.interp(x, xp, fp).tobytes()


def test_sosfilt_with_state_from_a_strided_view_and_local_maxima_are_scipys():
    rng = np.random.default_rng(8)
    sos = band_sos((0.04, 0.7), 4.0)
    zi = signal.sosfilt_zi(sos)
    for k in range(300):
        x = rng.standard_normal(int(rng.integers(2, 400)))
        if k % 3 == 0:
            x = np.round(x, 1)  # plateaus
        x_view = x[::-1]
        got = sosfilt_with_state(sos, x_view, zi * x_view[0])[0]
        want, _ = signal.sosfilt(sos, x_view, zi=zi * x_view[0])
        assert got.tobytes() == want.tobytes()
        for y in (x, -x, x_view):
            assert np.array_equal(local_maxima(y), signal.find_peaks(y)[0])


def test_fusion_in_python_floats_is_the_numpy_formula():
    rng = np.random.default_rng(9)
    for k in range(1000):
        n = int(rng.integers(1, 4))
        rates = rng.uniform(3.0, 30.0, n) * (1.0 + rng.normal(0.0, 0.05, n))
        if k % 5 == 0:
            rates[:] = rates[0]  # equal rates: sd 0
        purity = rng.uniform(0.0, 1.0, n)
        assert _sum_of_few(rates.tolist()) == float(np.sum(rates))
        assert median_of_list(rates.tolist()) == float(np.median(rates))
        spec = {m: _Spectral(float(r), float(p)) for m, r, p in zip(("riiv", "riav", "rifv")[:n], rates, purity, strict=True)}
        used, rate, agreement = _fuse(spec)
        # the published definition, as NumPy computes it
        med = float(np.median(rates))
        near = max(1.0, 0.1 * med)
        want = tuple(m for m, r in zip(spec, rates, strict=True) if abs(r - med) <= near)
        if len(want) < min(2, n) or np.array([spec[m].rate_bpm for m in want]).std() > 4.0:
            assert (used, rate, agreement) == ((), 0.0, 0.0)
            continue
        r = np.array([spec[m].rate_bpm for m in want])
        w = np.array([max(spec[m].purity, 1e-6) for m in want])
        assert used == want
        # the weighted mean to a few units in the last place, not to the bit: NumPy's ``w @ r``
        # goes to BLAS, which uses fused multiply-adds on CPUs that have them (AMD EPYC: 1 ulp apart)
        assert math.isclose(rate, float(w @ r / w.sum()), rel_tol=4 * np.finfo(float).eps)
        assert agreement == 1.0 - float(r.std()) / 4.0


def test_median_of_whole_numbers_is_np_median():
    rng = np.random.default_rng(10)
    for _ in range(2000):
        d = rng.integers(1, 40, int(rng.integers(2, 30))).astype(float)
        assert median_of_list(d.tolist()) == float(np.median(d))


@pytest.mark.parametrize(("keep_s", "late_beat"), [(75.0, False), (1000.0, False), (1000.0, True)])
def test_tracker_estimates_are_those_of_its_kept_beats(keep_s, late_beat):
    """Beats kept in place (dropped after keep_s, or all kept as in an assessment, where an update
    starts at its window while beat times never went back) give the estimate of the whole table."""
    rng = np.random.default_rng(11)
    tracker = RespirationTracker(keep_s=keep_s)
    beats: list[tuple[float, float, bool]] = []
    t = 0.0
    for second in range(1, 320):  # ~350 beats: the table is moved to its front and grown
        while t < second:
            rr = 900.0 + 80.0 * np.sin(2 * np.pi * 0.1 * t) + rng.normal(0.0, 5.0)
            t += rr / 1000.0
            beats.append((t, rr, bool(rng.random() < 0.03)))
            tracker.add_beat(*beats[-1])
        if late_beat and second == 100:  # a beat older than the last: every later update reads all beats
            beats.append((beats[-1][0] - 0.5, 850.0, False))
            tracker.add_beat(*beats[-1])
        got = tracker.update(float(second))
        kept = np.array([b for b in beats if b[0] >= beats[-1][0] - keep_s])
        want, _, _ = estimate_breathing(kept[:, 0], kept[:, 1], float(second), corrected=kept[:, 2].astype(bool))
        if second >= 10:  # (8 beats at least)
            assert got == want
    assert tracker._in_order is not late_beat


def _spectral_rate_in_full(x: np.ndarray, fs_hz: float) -> _Spectral | None:
    """The periodogram peak as first written: the whole spectrum's power, the band by index."""
    nfft, window, f, band = _periodogram_plan(x.size, fs_hz)
    p = np.abs(np.fft.rfft(x * window, nfft)) ** 2
    if band.size < 3:
        return None
    k = int(band[np.argmax(p[band])])
    f_peak = f[k]
    if 0 < k < p.size - 1:
        y0, y1, y2 = np.log(p[k - 1:k + 2] + 1e-300)
        denom = y0 - 2 * y1 + y2
        if denom < 0:
            f_peak = f[k] + float(np.clip(0.5 * (y0 - y2) / denom, -0.5, 0.5)) * (f[1] - f[0])
    total = float(p[band].sum())
    near = band[np.abs(f[band] - f_peak) <= 0.02]
    return _Spectral(60.0 * float(f_peak), float(p[near].sum()) / total if total > 0 else 0.0)


def test_band_power_spectrum_is_the_whole_spectrums():
    rng = np.random.default_rng(13)
    for k in range(400):
        n, fs = int(rng.integers(16, 1200)), float(rng.choice([1.0, 4.0, 10.0, 25.0]))
        t = np.arange(n) / fs
        x = np.sin(2 * np.pi * rng.uniform(0.0, 0.6) * t) + rng.normal(0.0, 0.3 + k % 3, n)
        assert rfft_padded(x, 4096).tobytes() == np.fft.rfft(x, 4096).tobytes()
        assert _spectral_rate(x, fs) == _spectral_rate_in_full(x, fs)
