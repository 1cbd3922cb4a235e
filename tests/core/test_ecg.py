"""Streaming Pan-Tompkins R-peak detector: synthetic ECG with known truth, real ECG vs NeuroKit2."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from ecg_synth import match_f1, synth_ecg
from scipy import signal

from biofeedback.core.beats.ecg import EcgRPeakDetector, detect_r_peaks

TOLERANCE_S = 0.05  # a detection within 50 ms of the true R peak counts


@pytest.mark.parametrize("fs_hz", [130.0, 250.0, 500.0])
@pytest.mark.parametrize("hr_bpm,invert,noise_mv", [(45, False, 0.03), (75, True, 0.08), (150, False, 0.05)])
def test_f1_on_synthetic_ecg_with_known_r_peaks(fs_hz, hr_bpm, invert, noise_mv):
    ecg, truth = synth_ecg(240, fs_hz, hr_bpm=hr_bpm, invert=invert, noise_mv=noise_mv,
                           emg_bursts_per_min=4, seed=int(fs_hz) + hr_bpm)
    f1, errors = match_f1(detect_r_peaks(ecg, fs_hz), truth, TOLERANCE_S)
    print(f"fs {fs_hz:g} Hz, HR {hr_bpm}, inverted {invert}: F1 {f1:.4f}, "
          f"timing error {errors.mean() * 1e3:+.1f} ± {errors.std() * 1e3:.1f} ms")
    assert f1 >= 0.995
    assert abs(errors.mean()) < 0.005 and errors.std() < 0.005


def test_chunking_does_not_change_the_beats():
    ecg, _ = synth_ecg(60, 250.0, seed=7)
    a = detect_r_peaks(ecg, 250.0, chunk_s=0.013)
    b = detect_r_peaks(ecg, 250.0, chunk_s=1.7)
    assert a.size == b.size
    np.testing.assert_allclose(a, b, atol=1e-9)


def test_causal_and_reported_within_half_a_second():
    """A beat is reported from samples up to ~0.3 s after it; later samples never change it."""
    fs = 250.0
    ecg, truth = synth_ecg(60, fs, seed=11)
    det = EcgRPeakDetector(fs)
    t = np.arange(ecg.size) / fs
    delays, reported = [], []
    step = int(0.02 * fs)
    for i in range(0, ecg.size, step):
        for r in det.feed(t[i:i + step], ecg[i:i + step]):
            delays.append(t[min(i + step, ecg.size) - 1] - r)
            reported.append(r)
    assert np.percentile(delays, 95) < 0.5
    truncated = detect_r_peaks(ecg[: int(30 * fs)], fs)
    early = np.array(reported)[np.array(reported) < 29.0]
    np.testing.assert_allclose(truncated[truncated < 29.0], early, atol=1e-9)
    assert match_f1(np.array(reported), truth[truth < 59.5], TOLERANCE_S)[0] >= 0.995


def bitalino_sample_ecg() -> tuple[np.ndarray, float]:
    """Real ECG from pyhrv 0.5.0 (BITalino sample, 1000 Hz, BSD-3; tests/data/README)."""
    path = Path(__file__).resolve().parents[1] / "data" / "pyhrv_SampleECG.txt"
    return np.loadtxt(path, comments="#")[:, 5], 1000.0


@pytest.mark.parametrize("fs_hz", [1000.0, 250.0, 130.0])
def test_agrees_with_neurokit2_on_real_ecg(fs_hz):
    ecg, fs0 = bitalino_sample_ecg()
    import neurokit2 as nk  # dev dependency, ~0.9 s to import: only in the worker that runs this

    reference = nk.ecg_peaks(nk.ecg_clean(ecg, sampling_rate=fs0), sampling_rate=fs0,
                             method="neurokit")[1]["ECG_R_Peaks"] / fs0
    x = ecg if fs_hz == fs0 else signal.resample_poly(ecg, int(fs_hz), int(fs0))
    ours = detect_r_peaks(x, fs_hz)
    end_s = ecg.size / fs0 - 0.3  # a beat in the last 0.3 s cannot be confirmed yet
    f1, errors = match_f1(ours[ours < end_s], reference[reference < end_s], TOLERANCE_S)
    print(f"real ECG at {fs_hz:g} Hz: {reference.size} NeuroKit2 peaks, F1 {f1:.4f}, "
          f"|Δt| mean {np.abs(errors).mean() * 1e3:.1f} ms max {np.abs(errors).max() * 1e3:.1f} ms")
    assert reference.size >= 25
    assert f1 >= 0.99
    assert np.abs(errors).mean() < 0.01


def test_too_slow_a_sample_rate_is_refused_with_a_reason():
    with pytest.raises(ValueError, match="too slow"):
        EcgRPeakDetector(20.0)


def test_reset_after_a_gap_detects_again():
    ecg, truth = synth_ecg(30, 250.0, seed=2)
    det = EcgRPeakDetector(250.0)
    t = np.arange(ecg.size) / 250.0
    first = det.feed(t[:2500], ecg[:2500])
    det.reset()
    second = np.concatenate([det.feed(t[5000:], ecg[5000:]), det.flush()])
    assert match_f1(first, truth[(truth > 0.3) & (truth < 9.7)], TOLERANCE_S)[0] >= 0.99
    assert match_f1(second, truth[(truth > 20.3) & (truth < 29.7)], TOLERANCE_S)[0] >= 0.99


def test_recovers_when_the_amplitude_drops_fivefold():
    """A strap that shifts: the QRS shrinks; within RELEARN_S + 2 s beats are found again."""
    fs = 250.0
    ecg, truth = synth_ecg(240, fs, seed=5)
    ecg[int(120 * fs):] *= 0.2
    found = detect_r_peaks(ecg, fs)
    f1, _ = match_f1(found[found > 125.0], truth[truth > 125.0], TOLERANCE_S)
    assert f1 >= 0.99


def test_no_beats_while_the_electrodes_are_off():
    fs = 250.0
    ecg, truth = synth_ecg(60, fs, seed=6)
    rng = np.random.default_rng(6)
    ecg[int(20 * fs):int(40 * fs)] = rng.normal(0, 0.02, int(20 * fs))
    found = detect_r_peaks(ecg, fs)
    assert ((found > 20.5) & (found < 39.5)).sum() <= 2
    assert match_f1(found[found > 45], truth[truth > 45], TOLERANCE_S)[0] >= 0.99


def test_flush_before_any_sample_decides_nothing_and_does_not_raise():
    """A recording that starts with a gap flushes the detector before its first sample."""
    from biofeedback.core.beats.ecg import EcgRPeakDetector, flush_events

    detector = EcgRPeakDetector(250.0)
    assert detector.flush().size == 0
    assert flush_events(EcgRPeakDetector(500.0)) == []
