"""The main window on a simulated sensor: numbers appear and move, the pacer drives the views."""

from __future__ import annotations

import importlib.util

import pytest
from PySide6.QtCore import Qt

from biofeedback import config
from biofeedback.app.settings import Settings
from biofeedback.ui.panels import DASH

HAVE_SIMULATOR = importlib.util.find_spec("biofeedback.io.simulator") is not None


def _connect_simulated(window, qtbot, speed: float) -> None:
    """Use the app's own Simulated sensor when it exists, else the physiology test source."""
    if HAVE_SIMULATOR:
        window.settings.sim_speed = speed
        window.ui.sources.kind.setCurrentIndex(window.ui.sources.kind.findData("simulated"))
        qtbot.mouseClick(window.ui.sources.connect_button, Qt.MouseButton.LeftButton)
    else:
        from qt_test_sources import PhysiologySource

        window.connect_to(PhysiologySource(speed=speed))
    assert window.live.connected


def test_simulated_sensor_shows_hr_and_rmssd_that_update(make_window, qtbot):
    window = make_window()
    numbers = window.ui.numbers
    assert numbers.hr.value.text() == DASH
    _connect_simulated(window, qtbot, speed=8.0)

    qtbot.waitUntil(lambda: numbers.hr.value.text() != DASH, timeout=30_000)
    qtbot.waitUntil(lambda: numbers.rmssd.value.text() != DASH, timeout=30_000)
    hr_seen = set()

    def hr_changed_several_times() -> bool:
        hr_seen.add(numbers.hr.value.text())
        return len(hr_seen) >= 3

    qtbot.waitUntil(hr_changed_several_times, timeout=30_000)
    hr = float(numbers.hr.value.text())
    assert 40 <= hr <= 100  # simulated person at 65 bpm baseline
    assert 1 <= float(numbers.rmssd.value.text()) <= 300
    # the numbers on screen are the pipeline's numbers
    latest = window.model.latest
    assert latest is not None and latest.rmssd_ms is not None
    assert window.ui.status.connection.text().startswith("● connected")
    # the tachogram draws beats and the pacer curve under them
    def guide_drawn() -> bool:
        x = window.ui.tachogram.guide.getData()[0]
        return x is not None and len(x) > 5

    qtbot.waitUntil(guide_drawn, timeout=30_000)
    qtbot.waitUntil(lambda: len(window.ui.tachogram.hr.getData()[0]) > 10, timeout=30_000)
    x, y = window.ui.tachogram.hr.getData()
    # the newest beat drawn is a detection shown before the corrector confirms it (the corrector
    # looks one beat ahead: waiting for it would put every beat on screen a beat late); one more
    # may have arrived since the last redraw
    newest = [60000.0 / b.rr_ms for b in window.model.provisional.beats()[-2:]]
    assert any(abs(y[-1] - hr) < 1e-9 * hr for hr in newest), (y[-1], newest)


def test_arrow_keys_change_pacer_rate_by_a_tenth_and_the_source_follows(make_window, qtbot):
    from qt_test_sources import PhysiologySource

    window = make_window()
    source = PhysiologySource(speed=1.0)
    window.connect_to(source)
    start = window.pacer.rate_bpm
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Up)
    qtbot.keyClick(window, Qt.Key.Key_Up)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.pacer.rate_bpm == pytest.approx(start + config.PACER_STEP_BPM)
    assert window.ui.rate.value() == pytest.approx(start + config.PACER_STEP_BPM)
    assert window.settings.pacer_rate_bpm == pytest.approx(window.pacer.rate_bpm)
    assert source.person._target_bpm == pytest.approx(window.pacer.rate_bpm)
    for _ in range(200):  # clamps at the configured maximum
        window.step_rate(+1)
    assert window.pacer.rate_bpm == config.PACER_MAX_BPM


def test_space_starts_and_stops_a_session_and_f11_toggles_presentation(make_window, qtbot):
    from qt_test_sources import PhysiologySource

    window = make_window()
    window.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.session.running  # no session without a source, and the status says so
    assert "No session without a source" in window.ui.status.notice.text()
    window.connect_to(PhysiologySource(speed=4.0))
    qtbot.waitUntil(lambda: window.live.connected, timeout=4000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert window.session.running
    assert window.ui.start.text() == "Stop session"
    qtbot.waitUntil(lambda: window.ui.timer_label.text().startswith("00:0"), timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not window.session.running
    assert window.ui.start.text() == "Start session"

    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert window.presentation
    assert not window.ui.top.isVisible() and not window.ui.pulse.isVisible()
    assert window.ui.tachogram.isVisible() and window.ui.spectrum.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_F11)
    assert not window.presentation and window.ui.top.isVisible()


def test_first_run_notice_says_not_a_medical_device_once(make_window, qtbot, config_dir):
    from biofeedback import NOT_A_MEDICAL_DEVICE
    from biofeedback.app.settings import load_settings

    window = make_window(Settings())
    window.show_first_run_notice_if_needed()
    dialog = window.first_run
    assert dialog.isVisible()
    assert "not a medical device" in dialog.browser.toPlainText()
    assert NOT_A_MEDICAL_DEVICE.split(".")[0] in dialog.browser.toPlainText()
    dialog.accept()
    assert load_settings(config_dir)[0].first_run_notice_seen
    window.show_help()
    text = window.help.browser.toPlainText()
    for metric in ("RMSSD", "Coherence", "HR swing", "Spectrum", "Heart rate"):
        assert metric in text


def test_breath_shape_controls_reach_the_pacer_without_a_jump(make_window):
    window = make_window()
    now = window.clock()
    before = window.pacer.value(now)
    window.ui.ratio.setCurrentIndex(window.ui.ratio.findText("1:2"))
    window.ui.hold_in.setValue(1.0)
    window.ui.hold_out.setValue(0.5)
    pacer = window.pacer
    assert pacer.inhale_ratio == pytest.approx(1 / 3)
    assert (pacer.hold_in_s, pacer.hold_out_s) == (1.0, 0.5)
    assert window.settings.pacer_hold_in_s == 1.0
    # the controls were changed within milliseconds: the guide moved at most what its slope allows
    elapsed = window.clock() - now
    assert abs(pacer.value(window.clock()) - before) <= pacer.max_slope_per_s() * (elapsed + 0.05)


def test_sound_cue_turns_on_or_explains_why_not(make_window):
    window = make_window()
    window.ui.audio.setChecked(True)
    if window.audio.enabled:
        assert window.ui.audio.isChecked()
    else:  # no libpulse or no audio device here: a quiet notice, the box unticked, no crash
        assert window.ui.status.notice.text().startswith("Audio cue off")
        assert not window.ui.audio.isChecked()
    window.redraw()
