"""HRV metrics against NeuroKit2 0.2.13 and against signals whose truth is known by construction."""

from __future__ import annotations

import numpy as np
import pytest

from biofeedback import config
from biofeedback.core.hrv import time_domain as hrv


def make_beats(
    duration_s: float,
    seed: int = 0,
    base_ms: float = 850.0,
    rsa_ms: float = 40.0,
    rsa_hz: float = 0.25,
    lf_ms: float = 25.0,
    lf_hz: float = 0.1,
    drift_ms: float = 30.0,
    jitter_ms: float = 15.0,
    round_ms: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Beat times (s) and the RR (ms) ending at each: RSA + LF + slow drift + Gaussian jitter."""
    rng = np.random.default_rng(seed)
    drift_phase = rng.uniform(0, 2 * np.pi)
    t, ts, rrs = 0.0, [], []
    while t < duration_s:
        rr = (
            base_ms
            + rsa_ms * np.sin(2 * np.pi * rsa_hz * t)
            + lf_ms * np.sin(2 * np.pi * lf_hz * t)
            + drift_ms * np.sin(2 * np.pi * 0.003 * t + drift_phase)
            + rng.normal(0.0, jitter_ms)
        )
        if round_ms:
            rr = float(np.round(rr))
        t += rr / 1000.0
        ts.append(t)
        rrs.append(rr)
    return np.array(ts), np.array(rrs)


def sine_beats(duration_s: float, freq_hz: float, amp_ms: float, base_ms: float = 800.0,
               jitter_ms: float = 0.0, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Beats whose RR is base + amp * sin(2 pi f t): the tachogram is a sinusoid by construction."""
    return make_beats(duration_s, seed=seed, base_ms=base_ms, rsa_ms=0.0, lf_ms=amp_ms,
                      lf_hz=freq_hz, drift_ms=0.0, jitter_ms=jitter_ms)


# --------------------------------------------------------------------------- time domain


def test_time_domain_matches_neurokit_on_one_hour_series():
    _, rr = make_beats(3700.0, seed=1, round_ms=True)  # integer ms -> exact sample peaks
    assert rr.size > 4000
    peaks = np.cumsum(rr).astype(int)
    import neurokit2 as nk  # dev dependency, ~0.9 s to import: only in the worker that runs this

    ref = nk.hrv_time(peaks, sampling_rate=1000)
    nn = np.diff(peaks).astype(float)  # NeuroKit2's intervals: between consecutive peaks
    ours = hrv.time_domain(nn)
    for name, value in [("MeanNN", ours.mean_nn_ms), ("SDNN", ours.sdnn_ms),
                        ("RMSSD", ours.rmssd_ms), ("pNN50", ours.pnn50_pct)]:
        assert value == pytest.approx(float(ref[f"HRV_{name}"].iloc[0]), rel=1e-3), name
    assert ours.mean_hr_bpm == pytest.approx(60000.0 / float(ref["HRV_MeanNN"].iloc[0]), rel=1e-3)
    assert 10.0 < ours.pnn50_pct < 90.0  # the fixture exercises the threshold


def test_time_domain_short_series_matches_hand_formulas():
    rr = np.array([800.0, 860.0, 790.0, 905.0, 880.0, 870.0])
    d = [60.0, -70.0, 115.0, -25.0, -10.0]
    mean = sum(rr) / 6
    td = hrv.time_domain(rr)
    assert td.n_nn == 6
    assert td.mean_nn_ms == pytest.approx(mean)
    assert td.mean_hr_bpm == pytest.approx(60000.0 / mean)
    assert td.sdnn_ms == pytest.approx(np.sqrt(sum((r - mean) ** 2 for r in rr) / 5))
    assert td.rmssd_ms == pytest.approx(np.sqrt(sum(x * x for x in d) / 5))
    assert td.pnn50_pct == pytest.approx(100.0 * 3 / 6)  # 60, 70, 115 exceed 50 ms; / n_nn


def test_time_domain_too_short_gives_none_not_errors():
    empty = hrv.time_domain(np.array([]))
    assert empty.n_nn == 0 and empty.mean_nn_ms is None and empty.rmssd_ms is None
    one = hrv.time_domain(np.array([1000.0]))
    assert one.mean_nn_ms == 1000.0 and one.mean_hr_bpm == 60.0
    assert one.sdnn_ms is None and one.rmssd_ms is None and one.pnn50_pct is None
    two = hrv.time_domain(np.array([1000.0, 1100.0]))
    assert two.rmssd_ms == pytest.approx(100.0) and two.pnn50_pct == pytest.approx(50.0)


# --------------------------------------------------------------------------- spectrum


def test_resample_tachogram_is_exact_for_a_linear_rr_trend():
    t = np.cumsum(np.random.default_rng(3).uniform(0.6, 1.2, 50))
    rr = 700.0 + 20.0 * t  # a cubic spline reproduces a straight line exactly
    grid, x = hrv.resample_tachogram(t, rr, fs_hz=4.0)
    assert grid[0] == t[0] and grid[-1] <= t[-1] < grid[-1] + 0.25
    assert np.allclose(np.diff(grid), 0.25)
    assert np.allclose(x, 700.0 + 20.0 * grid)


def test_lf_peak_of_0p1hz_oscillation_within_5mhz():
    t, rr = sine_beats(300.0, 0.1, 40.0, jitter_ms=2.0)
    s = hrv.spectrum(t, rr)
    assert s.lf_peak_hz == pytest.approx(0.1, abs=0.005)
    assert s.lf_power_ms2 > 20 * s.hf_power_ms2


def test_0p25hz_oscillation_is_the_hf_peak():
    t, rr = sine_beats(300.0, 0.25, 30.0, base_ms=800.0, jitter_ms=2.0)
    s = hrv.spectrum(t, rr)
    assert s.hf_peak_hz == pytest.approx(0.25, abs=0.005)
    assert s.hf_power_ms2 > 20 * s.lf_power_ms2
    assert s.lf_hf_ratio == pytest.approx(s.lf_power_ms2 / s.hf_power_ms2)


@pytest.mark.parametrize("detrend", ["linear", "smoothness_priors"])
def test_power_of_sinusoid_is_half_its_amplitude_squared(detrend):
    amp_ms = 50.0
    t, rr = sine_beats(600.0, 0.1, amp_ms)
    s = hrv.spectrum(t, rr, detrend=detrend)
    assert s.lf_power_ms2 == pytest.approx(amp_ms**2 / 2, rel=0.10)
    df = s.freqs_hz[1] - s.freqs_hz[0]
    assert s.psd_ms2_per_hz.sum() * df == pytest.approx(amp_ms**2 / 2, rel=0.10)


def test_bands_are_none_when_record_too_short_for_them():
    t, rr = make_beats(90.0, seed=4)  # >= 60 s for HF, < 120 s for LF, < 300 s for VLF
    s = hrv.spectrum(t, rr)
    assert s.hf_power_ms2 is not None and s.hf_peak_hz is not None
    assert s.lf_power_ms2 is None and s.lf_peak_hz is None and s.lf_hf_ratio is None
    assert s.vlf_power_ms2 is None
    long = hrv.spectrum(*make_beats(config.SPECTRUM_MIN_RECORD_S["vlf"] + 20.0, seed=4))
    assert long.vlf_power_ms2 is not None and long.lf_hf_ratio is not None


def test_spectrum_of_too_short_input_gives_none_not_errors():
    for t, rr in [([], []), ([1.0], [800.0]), ([1.0, 1.8], [800.0, 800.0])]:
        s = hrv.spectrum(np.array(t), np.array(rr))
        assert s.vlf_power_ms2 is None and s.lf_power_ms2 is None and s.hf_power_ms2 is None
        assert s.lf_hf_ratio is None and s.lf_peak_hz is None and s.hf_peak_hz is None
    assert hrv.spectrum(np.array([]), np.array([])).freqs_hz.size == 0


def test_smoothness_priors_equals_dense_tarvainen_formula():
    x = np.random.default_rng(5).normal(size=200).cumsum()
    n, lam = x.size, 500.0
    d2 = np.diff(np.eye(n), 2, axis=0)
    expected = (np.eye(n) - np.linalg.inv(np.eye(n) + lam**2 * d2.T @ d2)) @ x
    assert np.allclose(hrv.smoothness_priors_detrend(x, lam), expected, atol=1e-8)


# --------------------------------------------------------------------------- coherence


def test_coherence_high_for_pure_0p1hz_oscillation():
    t, rr = sine_beats(120.0, 0.1, 60.0, jitter_ms=3.0, seed=6)
    assert hrv.coherence_ratio(t, rr) > 3.0


def test_coherence_low_for_white_rr_noise():
    rng = np.random.default_rng(7)
    rr = rng.normal(800.0, 40.0, 400)
    t = np.cumsum(rr) / 1000.0
    ends, ratios = hrv.coherence_series(t, rr)
    assert ends.size > 30
    assert np.all(ratios < 1.0)
    assert hrv.coherence_ratio(t, rr) < 1.0


def test_coherence_none_when_record_shorter_than_window():
    t, rr = sine_beats(60.0, 0.1, 60.0)
    assert hrv.coherence_ratio(t, rr) is None
    ends, ratios = hrv.coherence_series(t, rr)
    assert ends.size == 0 and ratios.size == 0
    assert hrv.coherence_ratio(np.array([]), np.array([])) is None


def test_coherence_series_steps_every_5s_and_tracks_a_change():
    t1, rr1 = sine_beats(150.0, 0.1, 60.0, jitter_ms=3.0, seed=8)
    rng = np.random.default_rng(9)
    rr2 = rng.normal(800.0, 40.0, 250)
    t = np.concatenate([t1, t1[-1] + np.cumsum(rr2) / 1000.0])
    rr = np.concatenate([rr1, rr2])
    ends, ratios = hrv.coherence_series(t, rr)
    assert np.allclose(np.diff(ends), 5.0)
    assert ends[0] == pytest.approx(t[0] + 64.0)
    assert ends[-1] <= t[-1] < ends[-1] + 5.0
    assert np.all(ratios[ends < t1[-1]] > 3.0)
    assert np.all(ratios[ends > t1[-1] + 70.0] < 1.0)


# --------------------------------------------------------------------------- live


def _window_beats(t, rr, corrected, t_now, window_s):
    m = (t > t_now - window_s) & (t <= t_now)
    return rr[m], corrected[m]


def test_live_window_metrics_equal_time_domain_of_the_same_beats():
    t, rr = make_beats(300.0, seed=10)
    corrected = np.random.default_rng(11).random(t.size) < 0.05
    live = hrv.LiveHrv(rmssd_window_s=60.0)
    for i in range(t.size):
        live.push(t[i], rr[i], bool(corrected[i]))
        if i % 37 == 0 or i == t.size - 1:
            w_rr, w_corr = _window_beats(t, rr, corrected, t[i], 60.0)
            td = hrv.time_domain(w_rr)
            snap = live.snapshot()
            assert snap.t_s == t[i]
            assert snap.hr_bpm == pytest.approx(td.mean_hr_bpm, rel=1e-9)
            if td.sdnn_ms is None:
                assert snap.sdnn_ms is None and snap.rmssd_ms is None
            else:
                assert snap.sdnn_ms == pytest.approx(td.sdnn_ms, rel=1e-9)
                assert snap.rmssd_ms == pytest.approx(td.rmssd_ms, rel=1e-9)
            assert snap.artifact_share == pytest.approx(w_corr.mean())
    assert snap.window_s == {"rmssd": 60.0, "coherence": 64.0}
    assert 0.0 < snap.artifact_share < 0.2


def test_live_coherence_updates_only_every_5s_and_equals_offline_ratio():
    t, rr = make_beats(200.0, seed=12, lf_ms=50.0)
    live = hrv.LiveHrv()
    update_times = []
    for i in range(t.size):
        live.push(t[i], rr[i])
        if live.coherence_t_s is not None and (not update_times or live.coherence_t_s != update_times[-1]):
            update_times.append(live.coherence_t_s)
            assert live.coherence_t_s == t[i]
            assert live.snapshot().coherence_ratio == hrv.coherence_ratio(t[: i + 1], rr[: i + 1])
        if live.coherence_t_s is None:
            assert live.snapshot().coherence_ratio is None
    gaps = np.diff(update_times)
    assert update_times[0] - t[0] >= 64.0
    assert np.all(gaps >= 5.0) and np.all(gaps < 5.0 + 2.0)  # next beat after 5 s
    assert len(update_times) == pytest.approx((t[-1] - update_times[0]) / 5.5, abs=6)


@pytest.mark.slow(about_s=30)
def test_live_stays_exact_after_100k_beats():
    rng = np.random.default_rng(13)
    rr = np.clip(rng.normal(800.0, 60.0, 100_000), 300.0, 1900.0)
    t = np.cumsum(rr) / 1000.0
    corrected = rng.random(t.size) < 0.02
    live = hrv.LiveHrv(rmssd_window_s=60.0)
    for ti, ri, ci in zip(t.tolist(), rr.tolist(), corrected.tolist(), strict=True):
        live.push(ti, ri, ci)
    w_rr, w_corr = _window_beats(t, rr, corrected, t[-1], 60.0)
    td = hrv.time_domain(w_rr)
    snap = live.snapshot()
    assert snap.rmssd_ms == pytest.approx(td.rmssd_ms, rel=1e-9)
    assert snap.sdnn_ms == pytest.approx(td.sdnn_ms, rel=1e-9)
    assert snap.hr_bpm == pytest.approx(td.mean_hr_bpm, rel=1e-12)
    assert snap.artifact_share == pytest.approx(w_corr.mean())
    assert snap.coherence_ratio == hrv.coherence_ratio(t[t <= live.coherence_t_s], rr[t <= live.coherence_t_s])


def test_live_empty_and_reset_give_none():
    live = hrv.LiveHrv()
    snap = live.snapshot()
    assert snap.hr_bpm is None and snap.rmssd_ms is None and snap.artifact_share is None
    live.push(1.0, 1000.0, corrected=True)
    snap = live.snapshot()
    assert snap.hr_bpm == pytest.approx(60.0) and snap.rmssd_ms is None and snap.sdnn_ms is None
    assert snap.artifact_share == 1.0
    live.push(2.1, 1100.0)
    assert live.snapshot().rmssd_ms == pytest.approx(100.0)
    live.reset()
    assert live.snapshot().hr_bpm is None and live.coherence_t_s is None


# --------------------------------------------------------------------------- gaps (chains)


def beats_with_gap() -> tuple[np.ndarray, np.ndarray]:
    """30 beats at 800 ms, a 5 s gap, 10 beats at 1000 ms, as the pipeline emits them.

    After the gap the first detected beat (at 29 s) has no interval; the next ten
    carry 1000 ms each. Every successive difference inside each side is 0.
    """
    t1 = 0.8 * np.arange(1, 31)  # 0.8 .. 24.0 s
    t2 = 29.0 + np.arange(1, 11)  # 30 .. 39 s
    return np.concatenate([t1, t2]), np.concatenate([np.full(30, 800.0), np.full(10, 1000.0)])


def test_chain_starts_find_the_gap_from_times_and_intervals():
    t, rr = beats_with_gap()
    starts = hrv.chain_starts(t, rr)
    assert np.flatnonzero(starts).tolist() == [0, 30]
    assert hrv.chain_slices(t, rr) == [(0, 30), (30, 40)]


def test_live_rmssd_after_a_gap_is_zero_not_a_bridge():
    t, rr = beats_with_gap()
    live = hrv.LiveHrv(rmssd_window_s=60.0)
    for ti, ri in zip(t, rr, strict=True):
        live.push(ti, ri)
    snap = live.snapshot()
    assert snap.rmssd_ms == 0.0  # issue 10: was 32.9 ms bridging the gap
    assert snap.sdnn_ms == pytest.approx(np.std(rr, ddof=1))  # SDNN needs no successive pairs
    td = hrv.time_domain(rr, beat_t_s=t)
    assert td.rmssd_ms == 0.0 and td.pnn50_pct == 0.0
    assert hrv.time_domain(rr).rmssd_ms > 30.0  # the bridged value the chains avoid


def test_new_chain_breaks_even_when_times_happen_to_line_up():
    live = hrv.LiveHrv()
    live.push(1.0, 1000.0)
    live.push(1.8, 800.0)
    live.new_chain()
    live.push(2.8, 1000.0)  # lines up with 1.8 s, but the source said the chain broke
    assert live.snapshot().rmssd_ms == pytest.approx(200.0)  # only the 1000 -> 800 difference


def test_live_equals_offline_chains_over_many_gaps():
    rng = np.random.default_rng(21)
    t, rr = make_beats(900.0, seed=22)
    cut = np.sort(rng.choice(np.arange(20, t.size - 20), 12, replace=False))
    shift = np.zeros(t.size)
    shift[cut] = rng.uniform(2.0, 20.0, cut.size)  # gaps: the clock jumps, the interval does not
    t = t + np.cumsum(shift)
    assert np.flatnonzero(hrv.chain_starts(t, rr)).tolist() == [0, *cut.tolist()]
    live = hrv.LiveHrv(rmssd_window_s=60.0)
    for i in range(t.size):
        live.push(t[i], rr[i])
        if i % 23 == 0:
            m = (t > t[i] - 60.0) & (t <= t[i])
            td = hrv.time_domain(rr[m], beat_t_s=t[m])
            snap = live.snapshot()
            if td.rmssd_ms is None:
                assert snap.rmssd_ms is None
            else:
                assert snap.rmssd_ms == pytest.approx(td.rmssd_ms, rel=1e-9)
            assert snap.sdnn_ms == pytest.approx(td.sdnn_ms, rel=1e-9) if td.sdnn_ms else True


def test_live_coherence_restarts_after_a_gap():
    t1, rr1 = sine_beats(150.0, 0.1, 60.0, jitter_ms=3.0, seed=23)
    t2, rr2 = sine_beats(100.0, 0.1, 60.0, jitter_ms=3.0, seed=24)
    t = np.concatenate([t1, t1[-1] + 10.0 + t2])  # 10 s gap
    rr = np.concatenate([rr1, rr2])
    live = hrv.LiveHrv()
    seen_after_gap = []
    for ti, ri in zip(t, rr, strict=True):
        live.push(ti, ri)
        if ti > t1[-1]:
            seen_after_gap.append((ti, live.snapshot().coherence_ratio))
    assert all(c is None for ti, c in seen_after_gap if ti - (t1[-1] + 10.0 + t2[0]) < 64.0)
    assert seen_after_gap[-1][1] is not None and seen_after_gap[-1][1] > 3.0
    # offline: every window that spans the gap is left out, the others are computed
    ends, ratios = hrv.coherence_series(t, rr)
    spans = (ends - 64.0 < t1[-1] + 10.0 + t2[0]) & (ends > t1[-1])
    assert np.all(np.isnan(ratios[spans]))
    assert np.all(ratios[~spans & (ends <= t1[-1])] > 3.0)
    assert hrv.coherence_ratio(t, rr) == pytest.approx(hrv.coherence_ratio(t2, rr2), rel=1e-6)


def test_spectrum_does_not_see_a_level_step_across_a_gap():
    amp = 40.0
    t1, rr1 = sine_beats(600.0, 0.1, amp, base_ms=800.0)
    t2, rr2 = sine_beats(600.0, 0.1, amp, base_ms=1000.0)  # other heart rate after a reconnect
    t = np.concatenate([t1, t1[-1] + 30.0 + t2])
    rr = np.concatenate([rr1, rr2])
    s = hrv.spectrum(t, rr)
    assert s.lf_power_ms2 == pytest.approx(amp**2 / 2, rel=0.10)
    assert s.lf_peak_hz == pytest.approx(0.1, abs=0.005)
    assert s.vlf_power_ms2 < 0.05 * s.lf_power_ms2  # bridging the 200 ms step would swamp VLF


# --------------------------------------------------------------------------- long records


def test_piecewise_tachogram_equals_one_spline(monkeypatch):
    from scipy.interpolate import CubicSpline

    from biofeedback.core.hrv import spectral as hrv_spectral

    t, rr = make_beats(2000.0, seed=25)
    grid = t[0] + np.arange(int((t[-1] - t[0]) * 4)) / 4.0
    whole = CubicSpline(t, rr)(grid)
    monkeypatch.setattr(hrv_spectral, "SPLINE_PIECE_BEATS", 300)
    np.testing.assert_allclose(hrv_spectral.tachogram_at(t, rr, grid), whole, rtol=0, atol=1e-9)


def test_welch_in_pieces_equals_welch_of_the_whole(monkeypatch):
    from biofeedback.core.hrv import spectral as hrv_spectral

    t, rr = make_beats(3000.0, seed=26)
    whole = hrv.spectrum(t, rr)
    monkeypatch.setattr(hrv_spectral, "WELCH_PIECE_SAMPLES", 5000)
    monkeypatch.setattr(hrv_spectral, "SPLINE_PIECE_BEATS", 400)
    pieces = hrv.spectrum(t, rr)
    np.testing.assert_allclose(pieces.psd_ms2_per_hz, whole.psd_ms2_per_hz, rtol=1e-9, atol=1e-9)
    assert pieces.lf_power_ms2 == pytest.approx(whole.lf_power_ms2, rel=1e-9)


def test_batched_coherence_equals_the_textbook_fft_per_window():
    from scipy import signal as sps

    t, rr = make_beats(400.0, seed=27, lf_ms=50.0)
    grid_t, x = hrv.resample_tachogram(t, rr)
    rows = np.lib.stride_tricks.sliding_window_view(x, 256)[::20]
    from biofeedback.core.hrv.coherence import coherence_of_samples

    ours = coherence_of_samples(rows)
    for row, value in zip(rows, ours, strict=True):
        y = sps.detrend(row, type="linear") * np.hanning(256)
        p = np.abs(np.fft.rfft(y, 1024)) ** 2
        f = np.fft.rfftfreq(1024, 0.25)
        band = np.flatnonzero((f >= 0.04) & (f <= 0.26))
        peaks = np.intersect1d(sps.find_peaks(p)[0], band)
        k = peaks[np.argmax(p[peaks])] if peaks.size else band[np.argmax(p[band])]
        peak = p[np.abs(f - f[k]) <= 0.015].sum()
        total = p[(f >= 0.0033) & (f <= 0.4)].sum()
        assert value == pytest.approx(peak / (total - peak), rel=1e-9)


def test_pipeline_live_rmssd_after_a_reconnect_is_zero():
    from biofeedback.core.pipeline import Pipeline
    from biofeedback.core.types import DeviceBeat, DeviceInfo, Gap

    before = [DeviceBeat(0.8 * k, 800.0) for k in range(31)]  # 30 intervals of 800 ms, last at 24.0 s
    after = [DeviceBeat(29.0 + k, 1000.0) for k in range(11)]  # 10 intervals of 1000 ms
    events = [DeviceInfo("ibi"), *before, Gap(24.0, 5.0, "disconnected"), *after]
    pipeline = Pipeline(correct=False)
    out = pipeline.feed(events)
    out.extend(pipeline.flush())
    assert len(out.beats) == 42  # an IBI line carries its whole interval: the first of each chain counts
    assert pipeline.hrv.snapshot().rmssd_ms == pytest.approx(0.0, abs=1e-6)  # issue 10: was 32.9 ms
