"""`biofeedback analyze` on one bare column of a sampled wave: refused in words, never read as intervals.

A 100 Hz PPG in ADC counts (~500) or an ECG in counts around 512 lies within the
range of heart intervals in ms, so it was read as RR intervals: a heart rate of
~115 bpm with exit status 0. Real intervals, even with a strong breathing rhythm
or a trend, are still read as intervals.
"""

from __future__ import annotations

import json

import numpy as np
import pytest
from cli_inprocess import run_cli

HR_BPM = 60.0


def beat_times(duration_s: float, seed: int = 5) -> np.ndarray:
    rng = np.random.default_rng(seed)
    rr_s = 60.0 / HR_BPM + rng.normal(0.0, 0.03, int(duration_s * HR_BPM / 60.0) + 2)
    return 0.5 + np.cumsum(rr_s)


def ppg_counts(fs_hz: float, duration_s: float = 60.0) -> np.ndarray:
    """A finger pulse wave in 10-bit ADC counts: a systolic and a diastolic wave per beat."""
    t = np.arange(0.0, duration_s, 1.0 / fs_hz)
    y = np.zeros_like(t)
    for b in beat_times(duration_s):
        y += np.exp(-0.5 * ((t - b - 0.15) / 0.07) ** 2) + 0.4 * np.exp(-0.5 * ((t - b - 0.40) / 0.09) ** 2)
    return np.round(450.0 + 200.0 * y)


def ecg_counts(fs_hz: float = 250.0, duration_s: float = 60.0) -> np.ndarray:
    """An ECG in ADC counts around 512 with a little sensor noise (its noise turns as often as intervals do)."""
    t = np.arange(0.0, duration_s, 1.0 / fs_hz)
    y = np.zeros_like(t)
    for b in beat_times(duration_s):
        y += 1.2 * np.exp(-0.5 * ((t - b) / 0.01) ** 2) + 0.3 * np.exp(-0.5 * ((t - b - 0.25) / 0.04) ** 2)
    y += np.random.default_rng(1).normal(0.0, 0.01, t.size)
    return np.round(512.0 + 100.0 * y)


def write(path, values: np.ndarray):
    if path.suffix == ".npy":
        np.save(path, values)
    else:
        path.write_text("\n".join(f"{v:g}" for v in values) + "\n")
    return path


def refusal(result) -> str:
    assert result.returncode == 2, result
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    return result.stderr


@pytest.mark.parametrize("name", ["ppg.txt", "ppg.npy"])
def test_a_bare_pulse_wave_is_refused_with_the_flags_that_read_it(tmp_path, name):
    path = write(tmp_path / name, ppg_counts(100.0))
    message = refusal(run_cli("analyze", str(path)))
    assert "sampled wave" in message and "--kind ppg --fs HZ" in message and "--kind ecg --fs HZ" in message
    done = run_cli("analyze", str(path), "--fs", "100", "--json")  # what the sentence says to do reads it
    assert done.returncode == 0, done.stderr
    assert 60000.0 / json.loads(done.stdout)["mean_nn_ms"] == pytest.approx(HR_BPM, rel=0.05)


def test_a_bare_noisy_ecg_in_counts_is_refused(tmp_path):
    path = write(tmp_path / "ecg.txt", ecg_counts())
    message = refusal(run_cli("analyze", str(path)))
    assert "sampled wave" in message and "--kind ecg --fs HZ" in message


def test_the_user_can_still_say_the_values_are_intervals(tmp_path):
    path = write(tmp_path / "ppg.txt", ppg_counts(100.0))
    assert run_cli("analyze", str(path), "--kind", "rr").returncode == 0  # --kind rr is obeyed, as before


@pytest.mark.parametrize("shape", ["paced breathing", "trend", "smooth", "pacemaker"])
def test_intervals_with_a_strong_rhythm_or_trend_are_still_read(tmp_path, shape):
    """RR of slow paced breathing (a 10-beat cycle of +-100 ms), of a recovery (HR 150 -> 67 bpm), a
    noise-free breathing rhythm of 19 beats (it turns as rarely as a wave) and a pacemaker's constant 800 ms."""
    n = 300
    rng = np.random.default_rng(2)
    if shape == "smooth":
        rr = 900.0 + 40.0 * np.sin(np.arange(n) / 3.0)
    elif shape == "pacemaker":
        rr = np.full(n, 800.0)
    elif shape == "paced breathing":
        rr = 900.0 + 100.0 * np.sin(2 * np.pi * np.arange(n) / 10.0) + rng.normal(0.0, 5.0, n)
    else:
        rr = np.linspace(400.0, 900.0, n) + 30.0 * np.sin(2 * np.pi * np.arange(n) / 12.0) + rng.normal(0.0, 5.0, n)
    path = write(tmp_path / "rr.txt", np.round(rr))
    done = run_cli("analyze", str(path), "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["mean_nn_ms"] == pytest.approx(np.mean(rr), rel=0.02)
