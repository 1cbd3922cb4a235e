"""The window says when the pulse's direction is only a guess: a wave whose shape shows no way up."""

from __future__ import annotations

import numpy as np

from biofeedback.core.types import DeviceInfo, Event, PpgBlock
from biofeedback.io.replay import EventReplaySource

SECONDS = 120.0  # the direction is learnt from the first 4 s; the rest (some 6 s at 20x) shows the doubt


def sine_frames() -> list[Event]:
    """A 1.1 Hz sine at 100 Hz: no narrow peak, no slow decay, so no direction to see."""
    t = np.arange(int(SECONDS * 100)) / 100.0
    value = 500 + 100 * np.sin(2 * np.pi * 1.1 * t) + np.random.default_rng(1).standard_normal(t.size)
    return [DeviceInfo(protocol="native", fs_hz=100.0),
            *(PpgBlock(t[i:i + 10], value[i:i + 10], 100.0) for i in range(0, t.size, 10))]


def test_a_guessed_direction_shows_in_the_status_line(make_window, qtbot):
    window = make_window()
    qtbot.waitUntil(lambda: window.ui.plots_built, timeout=5000)
    window.connect_to(EventReplaySource(sine_frames, "a sine", speed=20.0))
    qtbot.waitUntil(lambda: "pulse direction unclear" in window.ui.status.quality.text(), timeout=10_000)


def test_the_direction_chosen_in_tools_applies_to_the_running_connection_and_is_remembered(make_window, qtbot):
    from biofeedback.app.settings import load_settings

    window = make_window()
    qtbot.waitUntil(lambda: window.ui.plots_built, timeout=5000)
    menu = window.pulse_direction
    assert [a.text() for a in menu.menu.actions()] == [
        "Automatic: from the sensor, else from the pulse's shape",
        "Upright: the wave rises with each beat (most finger sensors)",
        "Inverted: the wave falls with each beat (raw MAX3010x)"]
    assert menu.actions["auto"].isChecked() and window.live.polarity is None
    window.connect_to(EventReplaySource(sine_frames, "a sine", speed=20.0))
    quality = window.ui.status.quality
    qtbot.waitUntil(lambda: "pulse direction unclear" in quality.text(), timeout=10_000)
    # what to do about it, where a pointer or a screen reader finds it
    hint = "If you know which way your sensor's wave goes, choose it in Tools → Pulse direction."
    assert hint in quality.toolTip() and hint in quality.accessibleDescription()
    assert quality.show_whole().text().endswith(hint)  # a click on a cut line

    menu.actions["inverted"].trigger()  # as a click on the menu entry
    pipeline = window.live._worker.pipeline
    # the feeding thread takes it before its next samples: the detector learns afresh, inverted
    qtbot.waitUntil(lambda: pipeline.detector is not None and pipeline.detector.declared_polarity == -1,
                    timeout=10_000)
    qtbot.waitUntil(lambda: "pulse direction unclear" not in quality.text(), timeout=10_000)
    assert hint not in quality.toolTip() and hint not in quality.accessibleDescription()
    assert load_settings()[0].pulse_direction == "inverted"

    # the next connection, and the next start of the app, take it too
    window.connect_to(EventReplaySource(sine_frames, "a sine", speed=20.0))
    # (at the head of its first events, where a recording keeps it)
    qtbot.waitUntil(lambda: window.live._worker.pipeline.chosen_polarity == -1, timeout=10_000)
    again = make_window(load_settings()[0])
    assert again.pulse_direction.actions["inverted"].isChecked() and again.live.polarity == -1


def test_a_chosen_direction_that_differs_from_the_sensors_header_is_said(make_window, qtbot):
    """A choice made for one sensor holds for the next: where that sensor's header says otherwise,
    the status line says so (and how to go back to the sensor's word), never silently."""
    window = make_window()
    qtbot.waitUntil(lambda: window.ui.plots_built, timeout=5000)
    window.pulse_direction.actions["inverted"].trigger()  # chosen earlier, for a raw sensor
    upright = [DeviceInfo(protocol="native", fs_hz=100.0, polarity=1), *sine_frames()[1:]]
    window.connect_to(EventReplaySource(lambda: upright, "a sensor that says upright", speed=20.0))
    quality = window.ui.status.quality
    said = "read inverted, as you chose; the sensor says upright"
    qtbot.waitUntil(lambda: said in quality.text(), timeout=10_000)
    hint = "If the beats look wrong with this one, choose Automatic there."
    assert hint in quality.toolTip() and hint in quality.accessibleDescription()

    window.pulse_direction.actions["auto"].trigger()  # taken with the next samples
    qtbot.waitUntil(lambda: said not in quality.text() and hint not in quality.toolTip(), timeout=10_000)
    window.pulse_direction.actions["upright"].trigger()  # the same as the sensor's: nothing to say
    qtbot.waitUntil(lambda: window.live.direction_in_force == 1, timeout=10_000)
    assert "as you chose" not in quality.text()
