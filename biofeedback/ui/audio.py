"""Optional soft sounds: the pacer's inhale/exhale cue and the coherence tone.

QtMultimedia is imported only when the user turns a sound on; any failure
(ImportError for libpulse, no audio device, a broken backend) becomes a
quiet notice and the sound stays off. The app never crashes for sound.
The continuous eyes-closed mode (a breathing tone and a coherence layer) is
``app.audio_output`` over ``core.breathing.audio_synth``.
"""

from __future__ import annotations

import math
import struct
import tempfile
import wave
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP

from biofeedback.ui.i18n import translate
from biofeedback.ui.notice_words import notice_words

TONE_HZ = (330.0, 262.0)  # inhale cue a little higher than exhale cue
TONE_S = 0.35
VOLUME = 0.25
SAMPLE_RATE_HZ = 22050


def _linux_hint() -> str:
    """QtMultimedia on Linux needs PulseAudio's client library (Debian: libpulse0) and a sound server."""
    from biofeedback.app.audio_output import linux_sound_hint  # only when a sound failed

    return notice_words(linux_sound_hint())


def _half_sine(x: float) -> float:
    """Soft attack and release over the whole tone."""
    return math.sin(math.pi * x)


def write_tone(path: Path, freq_hz: float, duration_s: float, peak: float,
               envelope: Callable[[float], float] = _half_sine) -> None:
    """A mono 16-bit WAV of a sine under ``envelope`` (a function of 0..1 time)."""
    n = int(duration_s * SAMPLE_RATE_HZ)
    frames = bytearray()
    for i in range(n):
        level = peak * envelope(i / n) * math.sin(2 * math.pi * freq_hz * i / SAMPLE_RATE_HZ)
        frames += struct.pack("<h", int(32767 * level))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE_HZ)
        out.writeframes(bytes(frames))


class ToneSet:
    """A few short tones, played by index; ``enable()`` returns None or why there is no sound."""

    def __init__(self, label: str, tones_hz: Sequence[float], duration_s: float, volume: float,
                 peak: float = 0.5, envelope: Callable[[float], float] = _half_sine) -> None:
        self.label, self.tones_hz, self.duration_s = label, tuple(tones_hz), duration_s
        self.volume, self.peak, self.envelope = volume, peak, envelope
        self.effects: list = []
        self.enabled = False
        self._dir: tempfile.TemporaryDirectory | None = None

    def enable(self) -> str | None:
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            if not QMediaDevices.audioOutputs():
                return translate("Audio", "{what} off: no audio output device found").format(
                    what=translate("Audio", self.label)) + f"{_linux_hint()}."
            self._dir = tempfile.TemporaryDirectory(prefix="biofeedback-sound-")
            self.effects = []
            for k, freq in enumerate(self.tones_hz):
                path = Path(self._dir.name) / f"tone{k}.wav"
                write_tone(path, freq, self.duration_s, self.peak, self.envelope)
                effect = QSoundEffect()
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(self.volume)
                self.effects.append(effect)
        except Exception as exc:  # ImportError (libpulse), backend errors: never crash for sound
            self.effects = []
            return translate("Audio", "{what} off: sound is not available here ({why})").format(
                what=translate("Audio", self.label), why=f"{type(exc).__name__}: {exc}") + f"{_linux_hint()}."
        self.enabled = True
        return None

    def disable(self) -> None:
        self.enabled = False
        self.effects = []

    def play_tone(self, index: int) -> None:
        if not self.enabled or not self.effects:
            return
        try:
            self.effects[index].play()
        except Exception:
            self.disable()


class AudioCue(ToneSet):
    """A soft cue at the start of each inhale and exhale."""

    def __init__(self) -> None:
        super().__init__(str(QT_TRANSLATE_NOOP("Audio", "Audio cue")), TONE_HZ, TONE_S, VOLUME)

    def play(self, phase_name: str) -> None:
        """Play the cue for a phase that just started ("inhale" or "exhale")."""
        self.play_tone(0 if phase_name == "inhale" else 1)
