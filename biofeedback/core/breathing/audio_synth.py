"""Eyes-closed feedback as sound, synthesised in NumPy: a breathing tone and a coherence layer.

Layer 1, the **breathing tone**: a soft tone whose pitch follows the pacer's
lung-volume guide (``Pacer.values``, 0 fully exhaled .. 1 fully inhaled):
it rises through the inhale, stays during a hold and falls through the exhale,
over ``AUDIO_PITCH_SPAN_SEMITONES`` above ``AUDIO_BASE_HZ`` (exponential,
so equal guide steps sound like equal intervals). The oscillator integrates
its frequency sample by sample and carries its phase from one buffer to the
next, so a rate change or a hold never makes the waveform jump (the guide
itself is continuous, ``core.breathing.pacer``); there are no clicks to hear.

Layer 2, the **coherence layer**: a quiet tone a fifth above the breathing
tone whose brightness (the weight of its 2nd and 3rd harmonics) grows with
coherence (0..1, e.g. the displayed level / 2 from ``core.hrv.coherence_level``).

Volume, each layer on or off, and coherence may change at any time: every
gain and the brightness glide to their new value with a one-pole smoother of
``AUDIO_SMOOTH_S``, so settings never click either. Pure NumPy: the Qt audio
sink (``app.audio_output``) pulls buffers from :meth:`AudioSynth.render`.
"""

from __future__ import annotations

import math

import numpy as np

from biofeedback import config

# harmonic weights of the breathing tone: mostly fundamental, a touch of octave (soft, not pure)
_TONE_HARMONICS = (1.0, 0.12)
_LAYER_RATIO = 1.5  # the coherence layer sounds a fifth above the breathing tone


def pitch_hz(guide: np.ndarray | float, base_hz: float = config.AUDIO_BASE_HZ,
             span_semitones: float = config.AUDIO_PITCH_SPAN_SEMITONES) -> np.ndarray:
    """Breathing-tone frequency for guide values 0..1 (exhaled .. inhaled)."""
    return base_hz * 2.0 ** (np.clip(np.asarray(guide, float), 0.0, 1.0) * span_semitones / 12.0)


def max_step(amplitude: float, freq_hz: float, fs_hz: float, n_harmonics: int = 1) -> float:
    """Largest sample-to-sample change of a sum of ``n_harmonics`` sines of total peak ``amplitude``.

    |d/dt A sin(2 pi f t)| <= 2 pi f A, so one sample step is at most
    2 pi f A / fs for the fundamental; harmonic k contributes k times its
    share. A click (a discontinuity) is a step far above this bound.
    """
    return 2.0 * math.pi * freq_hz * amplitude * n_harmonics / fs_hz


class AudioSynth:
    """Stateful two-layer synthesiser; ``render(guide)`` returns the next mono float32 buffer."""

    def __init__(self, fs_hz: float = config.AUDIO_FS_HZ, volume: float = config.AUDIO_DEFAULT_VOLUME,
                 tone_on: bool = True, coherence_on: bool = True) -> None:
        if fs_hz <= 0:
            raise ValueError("the sample rate must be > 0 Hz")
        self.fs_hz = float(fs_hz)
        self._alpha = 1.0 - math.exp(-1.0 / (config.AUDIO_SMOOTH_S * self.fs_hz))
        self._phase_tone = 0.0  # radians, carried across buffers
        self._phase_layer = 0.0
        self._target = {"volume": 0.0, "tone": 0.0, "layer": 0.0, "bright": 0.0}
        self._state = dict(self._target)
        self.set_volume(volume)
        self.set_layers(tone_on, coherence_on)
        self.set_coherence(0.0)
        self._state = dict(self._target)  # start at the settings, not gliding from silence

    # -- settings (take effect smoothly) ----------------------------------------
    def set_volume(self, volume: float) -> None:
        """Master volume 0..1."""
        self._target["volume"] = float(np.clip(volume, 0.0, 1.0))

    def set_layers(self, tone_on: bool, coherence_on: bool) -> None:
        self._target["tone"] = 1.0 if tone_on else 0.0
        self._target["layer"] = config.AUDIO_LAYER_GAIN if coherence_on else 0.0

    def set_coherence(self, coherence: float | None) -> None:
        """0 (low) .. 1 (high); None (no value yet) darkens the layer to its plainest."""
        self._target["bright"] = 0.0 if coherence is None else float(np.clip(coherence, 0.0, 1.0))

    # -- rendering ---------------------------------------------------------------
    def _glide(self, key: str, n: int) -> np.ndarray:
        """Per-sample one-pole glide of a setting from its current to its target value."""
        start, target = self._state[key], self._target[key]
        if start == target:
            return np.full(n, target)
        decay = (1.0 - self._alpha) ** np.arange(1, n + 1)
        out = target + (start - target) * decay
        self._state[key] = float(out[-1]) if abs(out[-1] - target) > 1e-9 else target
        return out

    def _oscillate(self, freq_hz: np.ndarray, phase0: float) -> tuple[np.ndarray, float]:
        """Phases (rad) of an oscillator whose frequency is integrated sample by sample."""
        inc = 2.0 * np.pi * freq_hz / self.fs_hz
        phases = phase0 + np.cumsum(inc) - inc  # sample k uses the phase reached before it
        return phases, float((phases[-1] + inc[-1]) % (2.0 * np.pi))

    def render(self, guide: np.ndarray) -> np.ndarray:
        """Next ``len(guide)`` samples for these per-sample pacer guide values (0..1)."""
        guide = np.asarray(guide, float)
        n = guide.size
        if n == 0:
            return np.zeros(0, np.float32)
        f = pitch_hz(guide)
        ph, self._phase_tone = self._oscillate(f, self._phase_tone)
        tone = np.zeros(n)
        for k, w in enumerate(_TONE_HARMONICS):
            tone += w * np.sin((k + 1) * ph)
        tone /= sum(_TONE_HARMONICS)
        ph2, self._phase_layer = self._oscillate(f * _LAYER_RATIO, self._phase_layer)
        b = self._glide("bright", n)
        layer = (np.sin(ph2) + 0.6 * b * np.sin(2 * ph2) + 0.35 * b * b * np.sin(3 * ph2))
        layer /= 1.0 + 0.6 * b + 0.35 * b * b
        out = self._glide("volume", n) * (self._glide("tone", n) * tone + self._glide("layer", n) * layer)
        return (config.AUDIO_HEADROOM * out).astype(np.float32)

    def render_pacer(self, pacer, t0_s: float, n: int) -> np.ndarray:
        """``render`` for the ``n`` samples from ``t0_s`` on the pacer's clock."""
        return self.render(pacer.values(t0_s + np.arange(n) / self.fs_hz))


def to_int16_bytes(samples: np.ndarray) -> bytes:
    """Little-endian signed 16-bit PCM of float samples in -1..1 (what an audio sink plays)."""
    return (np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes()
