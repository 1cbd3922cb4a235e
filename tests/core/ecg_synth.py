"""A synthetic ECG whose R-peak times are known by construction (for detector tests).

Beat times follow an integral pulse-frequency idea: RR = 60/HR with respiratory
sinus arrhythmia (sinusoid at the breathing rate), slow drift and Gaussian
jitter. Each beat is the sum of five Gaussian waves P, Q, R, S, T (the
waveform model of McSharry et al. 2003, "A dynamical model for generating
synthetic electrocardiogram signals", IEEE TBME 50:289, written here directly
in time rather than as their ODE), with the QT interval scaled by sqrt(RR)
(Bazett). Baseline wander from breathing, mains hum, white noise, bursts of
muscle noise and amplitude modulation make the detector work for it.
"""

from __future__ import annotations

import numpy as np

# (offset from R in s at RR = 1 s, amplitude in mV, width in s)
WAVES = {"P": (-0.20, 0.15, 0.025), "Q": (-0.03, -0.12, 0.010), "R": (0.0, 1.2, 0.011),
         "S": (0.03, -0.30, 0.012), "T": (0.26, 0.35, 0.045)}


def synth_ecg(duration_s: float, fs_hz: float, hr_bpm: float = 65.0, rsa_bpm: float = 8.0,
              breathing_bpm: float = 6.0, noise_mv: float = 0.03, mains_mv: float = 0.05,
              wander_mv: float = 0.3, emg_bursts_per_min: float = 2.0, invert: bool = False,
              seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(ecg in mV sampled at fs_hz, true R-peak times in s)."""
    rng = np.random.default_rng(seed)
    f_breath = breathing_bpm / 60.0
    beats, t = [], 0.5
    while t < duration_s - 0.5:
        beats.append(t)
        hr = hr_bpm + 0.5 * rsa_bpm * np.sin(2 * np.pi * f_breath * t) + 3.0 * np.sin(2 * np.pi * 0.01 * t)
        t += 60.0 / hr + rng.normal(0, 0.01)
    r_times = np.array(beats)
    n = int(duration_s * fs_hz)
    tt = np.arange(n) / fs_hz
    ecg = np.zeros(n)
    rr = np.diff(r_times, append=r_times[-1] + 60.0 / hr_bpm)
    for tr, rr_i in zip(r_times, rr, strict=True):
        amp = 1.0 + 0.1 * np.sin(2 * np.pi * f_breath * tr) + rng.normal(0, 0.03)
        lo, hi = np.searchsorted(tt, [tr - 0.4, tr + 0.6])
        seg = tt[lo:hi] - tr
        for name, (offset, a, width) in WAVES.items():
            scale = np.sqrt(rr_i) if name == "T" else 1.0
            ecg[lo:hi] += amp * a * np.exp(-0.5 * ((seg - offset * scale) / width) ** 2)
    ecg += wander_mv * np.sin(2 * np.pi * f_breath * tt + 0.3) + 0.1 * np.sin(2 * np.pi * 0.05 * tt)
    ecg += mains_mv * np.sin(2 * np.pi * 50.0 * tt)
    ecg += rng.normal(0, noise_mv, n)
    n_bursts = rng.poisson(emg_bursts_per_min * duration_s / 60.0)
    for start in rng.uniform(0, duration_s - 1.0, n_bursts):
        lo, hi = int(start * fs_hz), int((start + rng.uniform(0.3, 1.0)) * fs_hz)
        ecg[lo:hi] += rng.normal(0, 0.08, hi - lo)
    return (-ecg if invert else ecg), r_times


def match_f1(detected: np.ndarray, truth: np.ndarray, tolerance_s: float) -> tuple[float, np.ndarray]:
    """F1 of one-to-one matches within ``tolerance_s``; also the timing errors of matched beats."""
    detected, truth = np.sort(detected), np.sort(truth)
    used = np.zeros(detected.size, bool)
    errors = []
    for t in truth:
        k = np.searchsorted(detected, t)
        best = None
        for j in (k - 1, k):
            if 0 <= j < detected.size and not used[j] and abs(detected[j] - t) <= tolerance_s:
                if best is None or abs(detected[j] - t) < abs(detected[best] - t):
                    best = j
        if best is not None:
            used[best] = True
            errors.append(detected[best] - t)
    tp = len(errors)
    fp, fn = detected.size - tp, truth.size - tp
    f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0
    return f1, np.array(errors)
