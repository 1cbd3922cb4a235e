"""The wave view says what it shows: a strap's ECG with its R peaks, or a finger sensor's pulse wave."""

from __future__ import annotations

import numpy as np

from biofeedback.core.types import DeviceInfo, Event, PpgBlock, SignalBlock
from biofeedback.io.replay import EventReplaySource

SECONDS = 6.0


def ecg_frames() -> list[Event]:
    """An H10's ECG frames (73 samples at 130 Hz, µV), as in tests/app/test_live_strap_signals.py."""
    t = np.arange(int(SECONDS * 130)) / 130.0
    value = np.rint(50 * np.random.default_rng(1).standard_normal(t.size))
    return [DeviceInfo(protocol="polar-ecg", device="Polar H10"),
            *(SignalBlock("ecg", t[i:i + 73], value[i:i + 73], 130.0) for i in range(0, t.size - 72, 73))]


def ppg_frames() -> list[Event]:
    t = np.arange(int(SECONDS * 100)) / 100.0
    value = 500 + 100 * np.sin(2 * np.pi * 1.1 * t)
    return [DeviceInfo(protocol="native", fs_hz=100.0), *(PpgBlock(t[i:i + 10], value[i:i + 10], 100.0) for i in range(0, t.size, 10))]


def _title(window) -> str:
    return window.ui.pulse.getPlotItem().titleLabel.text


def test_a_straps_ecg_is_titled_ecg_and_a_pulse_sensor_pulse_wave_again(make_window, qtbot, restore_language):
    window = make_window()
    qtbot.waitUntil(lambda: window.ui.plots_built, timeout=5000)  # built after the first paint
    assert _title(window).startswith("Pulse wave")

    window.connect_to(EventReplaySource(ecg_frames, "H10 frames", speed=20.0))
    qtbot.waitUntil(lambda: _title(window) == "ECG (µV), R peaks marked", timeout=10_000)
    assert window.ui.pulse.accessibleName() == "ECG"

    from biofeedback.ui.i18n import install_language

    install_language(restore_language, "es")
    window.ui.pulse.show_wave_kind("ecg")  # what a frame does when the kind changes: in the window's language
    assert _title(window) == "ECG (µV), picos R marcados"
    install_language(restore_language, "en")

    window.connect_to(EventReplaySource(ppg_frames, "finger frames", speed=20.0))
    qtbot.waitUntil(lambda: _title(window) == "Pulse wave (raw sensor units), beats marked", timeout=10_000)
    assert window.ui.pulse.accessibleName() == "Pulse wave"
