"""Eyes-closed audio: a QtMultimedia QAudioSink in pull mode fed by ``core.breathing.audio_synth``.

The sink asks a small QIODevice for bytes whenever its buffer runs low; the
device renders the next samples of the pacer's guide on an audio clock that
advances by exactly the samples delivered (so pitch is continuous), resynced
to the monotonic clock when it drifts more than AUDIO_RESYNC_S (a stalled
sink). QtMultimedia is imported only in :meth:`AudioOutput.start`: on Linux
it needs libpulse0, and no machine without sound may fail to start the app.
Every failure becomes one sentence (``start`` returns it) and the sound
stays off.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QIODevice

from biofeedback import config
from biofeedback.core.breathing.audio_synth import AudioSynth, to_int16_bytes
from biofeedback.core.breathing.pacer import Pacer

if TYPE_CHECKING:
    from PySide6.QtMultimedia import QAudioSink

AUDIO_RESYNC_S = 0.5
# the window writes these again in its language (ui/notice_words.py); a test keeps the two equal
INSTALL_LIBPULSE = "; install libpulse0 (PulseAudio client library)"
NO_SOUND_SERVER = "; no sound server answered: start PulseAudio or PipeWire's pulse service (pipewire-pulse)"


def _hint() -> str:
    return linux_sound_hint()


def linux_sound_hint() -> str:
    """What to do on Linux when Qt has no sound: install libpulse0 only when it is missing.

    QtMultimedia needs PulseAudio's client library; with it installed, what is
    missing is the sound server (PulseAudio, or PipeWire's pulse service), and
    "install libpulse0" sent people to install what they had.
    """
    if not sys.platform.startswith("linux"):
        return ""
    import ctypes.util

    if ctypes.util.find_library("pulse") is None:
        return INSTALL_LIBPULSE
    return NO_SOUND_SERVER


class SynthDevice(QIODevice):
    """Read-only device: each read renders the next samples of the pacer guide as 16-bit PCM."""

    def __init__(self, synth: AudioSynth, pacer: Callable[[], Pacer | None],
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self.synth, self.pacer, self.clock = synth, pacer, clock
        self._t_s: float | None = None

    def readData(self, maxlen: int) -> bytes:  # noqa: N802 (Qt name)
        n = int(min(maxlen // 2, config.AUDIO_BUFFER_S * self.synth.fs_hz))
        if n <= 0:
            return b""
        now = self.clock()
        if self._t_s is None or abs(self._t_s - now) > AUDIO_RESYNC_S:
            self._t_s = now
        pacer = self.pacer()
        if pacer is None:  # no pacer running: hold the exhaled pitch, quietly continuous
            samples = self.synth.render(np.zeros(n))
        else:
            samples = self.synth.render_pacer(pacer, self._t_s, n)
        self._t_s += n / self.synth.fs_hz
        return to_int16_bytes(samples)

    def writeData(self, data: bytes | bytearray | memoryview, maxlen: int) -> int:  # noqa: N802 (Qt name)
        return -1

    def bytesAvailable(self) -> int:  # noqa: N802 (Qt name)
        return int(config.AUDIO_BUFFER_S * self.synth.fs_hz) * 2 + super().bytesAvailable()

    def isSequential(self) -> bool:  # noqa: N802 (Qt name)
        return True


class AudioOutput:
    """The audio mode: ``start()`` opens the default output (None, or why not); ``stop()`` closes it."""

    def __init__(self, pacer: Callable[[], Pacer | None], synth: AudioSynth | None = None) -> None:
        self.synth = synth or AudioSynth()
        self.device = SynthDevice(self.synth, pacer)
        self._sink: QAudioSink | None = None

    @property
    def running(self) -> bool:
        return self._sink is not None

    def start(self) -> str | None:
        """Open the system's default audio output; returns None, or a one-sentence notice."""
        if self._sink is not None:
            return None
        try:
            from PySide6.QtMultimedia import QAudio, QAudioFormat, QAudioSink, QMediaDevices
        except ImportError as error:
            return f"Audio off: QtMultimedia could not load ({error}){_hint()}."
        try:
            outputs = QMediaDevices.audioOutputs()
            if not outputs:
                return f"Audio off: no audio output found{_hint()}."
            fmt = QAudioFormat()
            fmt.setSampleRate(int(self.synth.fs_hz))
            fmt.setChannelCount(1)
            fmt.setSampleFormat(QAudioFormat.SampleFormat.Int16)
            device = QMediaDevices.defaultAudioOutput()
            if not device.isFormatSupported(fmt):
                return f"Audio off: the output {device.description()!r} cannot play 16-bit mono."
            sink = QAudioSink(device, fmt)
            sink.setBufferSize(int(2 * config.AUDIO_BUFFER_S * self.synth.fs_hz) * 2)
            self.device.open(QIODevice.OpenModeFlag.ReadOnly)
            sink.start(self.device)
            if sink.error() != QAudio.Error.NoError:
                self.device.close()
                return f"Audio off: the audio output did not start ({sink.error().name})."
        except Exception as error:  # a broken backend must not take the session down
            return f"Audio off: sound is not available here ({type(error).__name__}: {error}){_hint()}."
        self._sink = sink
        return None

    def stop(self) -> None:
        if self._sink is not None:
            self._sink.stop()
            self._sink = None
        if self.device.isOpen():
            self.device.close()

    # settings pass straight to the synthesiser (they glide there)
    def set_volume(self, volume: float) -> None:
        self.synth.set_volume(volume)

    def set_layers(self, tone_on: bool, coherence_on: bool) -> None:
        self.synth.set_layers(tone_on, coherence_on)

    def set_coherence(self, coherence: float | None) -> None:
        self.synth.set_coherence(coherence)
