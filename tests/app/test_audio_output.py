"""The audio sink's pull device and its notice when no audio output opens (these machines have none)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QIODevice

from biofeedback import config
from biofeedback.app.audio_output import AudioOutput, SynthDevice
from biofeedback.core.breathing.audio_synth import AudioSynth
from biofeedback.core.breathing.pacer import Pacer


def test_device_reads_continuous_pcm_on_its_own_audio_clock(qtbot):
    clock = [100.0]
    pacer = Pacer(6.0, t0_s=100.0)
    device = SynthDevice(AudioSynth(), lambda: pacer, clock=lambda: clock[0])
    assert device.open(QIODevice.OpenModeFlag.ReadOnly)
    chunks = []
    for _ in range(20):  # the sink pulls 0.1 s at a time; the host clock moves a little unevenly
        chunks.append(np.frombuffer(bytes(device.read(4410)), "<i2"))
        clock[0] += 0.1 + 0.01 * (len(chunks) % 2)
    pcm = np.concatenate(chunks).astype(float) / 32767.0
    assert all(c.size == int(config.AUDIO_BUFFER_S * config.AUDIO_FS_HZ) for c in chunks)
    assert pcm.size == 20 * 2205
    top = 196.0 * 2 ** (7 / 12) * 1.5 * 3
    bound = 1.1 * 2 * np.pi * top * config.AUDIO_HEADROOM * 0.5 * 1.25 / config.AUDIO_FS_HZ
    assert np.abs(np.diff(pcm)).max() <= bound + 2.0 / 32767  # no click between reads
    device.close()


def test_no_pacer_gives_a_steady_low_tone(qtbot):
    device = SynthDevice(AudioSynth(coherence_on=False), lambda: None)
    device.open(QIODevice.OpenModeFlag.ReadOnly)
    pcm = np.frombuffer(bytes(device.read(4410)), "<i2").astype(float)
    crossings = np.count_nonzero(np.diff(np.signbit(pcm)))
    assert abs(crossings / 2 / 0.1 - 196.0) < 15  # the exhaled pitch (G3), counted by zero crossings


def test_start_without_an_audio_output_returns_a_clear_notice(qtbot):
    from PySide6.QtMultimedia import QMediaDevices

    out = AudioOutput(lambda: Pacer(6.0))
    notice = out.start()
    if QMediaDevices.audioOutputs():  # a machine with sound: it plays, and stops cleanly
        assert notice is None and out.running
    else:
        assert notice.startswith("Audio off: no audio output found")
        assert "libpulse0" in notice or "sound server" in notice  # what is missing: the library or the server
        assert not out.running
    out.stop()
    assert not out.running
