"""Optional soft audio cue at the start of each inhale and exhale.

QtMultimedia is imported only when the user turns the cue on; any failure
(ImportError for libpulse, no audio device, a broken backend) becomes a
quiet notice and the cue stays off. The app never crashes for sound.
"""

from __future__ import annotations

import math
import struct
import tempfile
import wave
from pathlib import Path

TONE_HZ = (330.0, 262.0)  # inhale cue a little higher than exhale cue
TONE_S = 0.35
VOLUME = 0.25


def _write_tone(path: Path, freq_hz: float, fs_hz: int = 22050) -> None:
    n = int(TONE_S * fs_hz)
    frames = bytearray()
    for i in range(n):
        env = math.sin(math.pi * i / n)  # soft attack and release
        frames += struct.pack("<h", int(32767 * 0.5 * env * math.sin(2 * math.pi * freq_hz * i / fs_hz)))
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(fs_hz)
        w.writeframes(bytes(frames))


class AudioCue:
    """``enable()`` returns None on success or a notice explaining why there is no sound."""

    def __init__(self) -> None:
        self.effects: list = []
        self.enabled = False
        self._dir: tempfile.TemporaryDirectory | None = None

    def enable(self) -> str | None:
        try:
            from PySide6.QtCore import QUrl
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            if not QMediaDevices.audioOutputs():
                return "Audio cue off: no audio output device found."
            self._dir = tempfile.TemporaryDirectory(prefix="biofeedback-cue-")
            self.effects = []
            for k, freq in enumerate(TONE_HZ):
                path = Path(self._dir.name) / f"cue{k}.wav"
                _write_tone(path, freq)
                effect = QSoundEffect()
                effect.setSource(QUrl.fromLocalFile(str(path)))
                effect.setVolume(VOLUME)
                self.effects.append(effect)
        except Exception as exc:  # ImportError (libpulse), backend errors: never crash
            self.effects = []
            return f"Audio cue off: sound is not available here ({type(exc).__name__}: {exc})."
        self.enabled = True
        return None

    def disable(self) -> None:
        self.enabled = False
        self.effects = []

    def play(self, phase_name: str) -> None:
        """Play the cue for a phase that just started ("inhale" or "exhale")."""
        if not self.enabled or not self.effects:
            return
        try:
            self.effects[0 if phase_name == "inhale" else 1].play()
        except Exception:
            self.disable()
