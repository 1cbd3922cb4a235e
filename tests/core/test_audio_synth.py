"""The eyes-closed audio buffers: pitch follows the pacer, no clicks at rate changes, holds or settings."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import signal

from biofeedback import config
from biofeedback.core.breathing.audio_synth import AudioSynth, max_step, pitch_hz, to_int16_bytes
from biofeedback.core.breathing.pacer import Pacer

FS = config.AUDIO_FS_HZ


def render(synth: AudioSynth, pacer: Pacer, seconds: float, t0_s: float = 0.0, chunk: int = 2205,
           events=()):
    """Pull ``seconds`` of audio in sink-sized chunks; ``events`` = [(t_s, callable)] applied on time."""
    out, t = [], t0_s
    pending = sorted(events, key=lambda e: e[0])
    while t < t0_s + seconds - 1e-9:
        while pending and pending[0][0] <= t:
            pending.pop(0)[1]()
        out.append(synth.render_pacer(pacer, t, chunk))
        t += chunk / FS
    return np.concatenate(out)


def instantaneous_hz(x: np.ndarray) -> np.ndarray:
    """Frequency from the analytic signal's phase (Hilbert), smoothed over 20 ms."""
    phase = np.unwrap(np.angle(signal.hilbert(x)))
    f = np.diff(phase) * FS / (2 * np.pi)
    k = int(0.02 * FS)
    return np.convolve(f, np.ones(k) / k, mode="same")


def test_pitch_rises_with_inhale_and_falls_with_exhale_following_the_pacer():
    synth = AudioSynth(tone_on=True, coherence_on=False)
    pacer = Pacer(6.0, hold_in_s=2.0)
    x = render(synth, pacer, 20.0)
    f = instantaneous_hz(x)
    t = np.arange(f.size) / FS + 0.5 / FS
    expected = pitch_hz(pacer.values(t))
    inner = slice(int(0.1 * FS), f.size - int(0.1 * FS))  # Hilbert edge effects
    # the soft octave partial wobbles the measured frequency a little; the mean follows exactly
    assert np.median(np.abs(f[inner] - expected[inner])) < 1.0
    assert np.corrcoef(f[inner], expected[inner])[0, 1] > 0.99
    # inhale (0-4 s) rises by a fifth, the hold (4-6 s) stays, the exhale (6-10 s) falls
    def at(ts):
        return float(np.median(f[int((ts - 0.05) * FS):int((ts + 0.05) * FS)]))
    assert at(0.3) < at(2.0) < at(3.7)
    assert at(3.7) / at(0.3) == pytest.approx(2 ** (7 / 12), rel=0.03)
    assert at(4.5) == pytest.approx(at(5.5), rel=0.005)
    assert at(6.3) > at(8.0) > at(9.7)


def _bound(synth_volume: float = config.AUDIO_DEFAULT_VOLUME) -> float:
    """Largest legitimate step: every partial of both layers at the top pitch, 10 % slack."""
    top = pitch_hz(1.0) * 1.5 * 3  # highest partial: third harmonic of the layer a fifth above
    peak = config.AUDIO_HEADROOM * synth_volume * (1.0 + config.AUDIO_LAYER_GAIN)
    return 1.1 * max_step(peak, float(top), FS)


def test_no_clicks_across_rate_changes_holds_and_setting_changes():
    synth = AudioSynth()
    pacer = Pacer(6.0)
    events = [
        (3.1, lambda: pacer.set_rate(4.5, 3.1)),  # mid-inhale
        (7.7, lambda: pacer.configure(7.7, hold_in_s=1.5)),  # a hold appears
        (11.3, lambda: pacer.set_rate(9.0, 11.3)),
        (13.0, lambda: synth.set_volume(1.0)),
        (14.0, lambda: synth.set_coherence(1.0)),
        (15.0, lambda: synth.set_layers(False, True)),
        (16.0, lambda: synth.set_layers(True, False)),
    ]
    x = render(synth, pacer, 18.0, events=events)
    jumps = np.abs(np.diff(x.astype(float)))
    assert jumps.max() <= _bound(1.0)
    # the test can see a click: restarting the oscillator's phase at each buffer makes one
    naive = np.concatenate([np.sin(2 * np.pi * 220.0 * np.arange(1950) / FS) * 0.3 for _ in range(4)])
    assert np.abs(np.diff(naive)).max() > 3 * max_step(0.3, 220.0, FS)


def test_chunk_size_does_not_change_the_sound():
    a = render(AudioSynth(), Pacer(5.5), 6.0, chunk=2205)
    b = render(AudioSynth(), Pacer(5.5), 6.0, chunk=441)
    n = min(a.size, b.size)
    np.testing.assert_allclose(a[:n], b[:n], atol=2e-5)


def test_coherence_brightens_the_second_layer():
    def centroid(coherence: float) -> float:
        synth = AudioSynth(tone_on=False, coherence_on=True)
        synth.set_coherence(coherence)
        x = render(synth, Pacer(6.0, hold_in_s=3.0), 7.0)[int(4.2 * FS):int(6.8 * FS)]  # steady hold
        spec = np.abs(np.fft.rfft(x * np.hanning(x.size)))
        freqs = np.fft.rfftfreq(x.size, 1 / FS)
        return float((freqs * spec).sum() / spec.sum())

    dull, bright = centroid(0.0), centroid(1.0)
    layer_hz = float(pitch_hz(1.0)) * 1.5
    assert dull == pytest.approx(layer_hz, rel=0.05)  # a plain sine at the layer's pitch
    assert bright > 1.4 * dull


def test_volume_and_layers_scale_the_output_and_silence_is_silent():
    pacer = Pacer(6.0)
    loud = render(AudioSynth(volume=1.0, coherence_on=False), pacer, 2.0)
    quiet = render(AudioSynth(volume=0.25, coherence_on=False), pacer, 2.0)
    assert np.abs(quiet).max() == pytest.approx(0.25 * np.abs(loud).max(), rel=0.02)
    assert np.abs(loud).max() <= 1.0
    silent = render(AudioSynth(tone_on=False, coherence_on=False), pacer, 1.0)
    assert np.abs(silent).max() == 0.0
    pcm = to_int16_bytes(np.array([0.0, 1.0, -1.0, 2.0], np.float32))
    assert np.frombuffer(pcm, "<i2").tolist() == [0, 32767, -32767, 32767]


def test_bad_sample_rate_is_refused():
    with pytest.raises(ValueError):
        AudioSynth(fs_hz=0.0)
