"""Tools → Check my sensor on the simulated sensor: the wave, each beat marked on it, and "Ready"
once the beats are steady; before a connection it says to connect."""

from __future__ import annotations

from biofeedback.app.settings import Settings


def test_sensor_check_shows_the_wave_marks_beats_and_says_ready(make_window, qtbot):
    window = make_window(Settings(first_run_notice_seen=True, source_kind="simulated", sim_speed=4.0))
    dialog = window.sensor_check.open()
    assert "Connect your sensor" in dialog.verdict_label.text()
    window.connect_source()
    qtbot.waitUntil(lambda: dialog.verdict is not None and dialog.verdict.ready, timeout=30000)
    wave_t, _ = dialog.wave.getData()
    marks_t, marks_y = dialog.marks.getData()
    assert wave_t.min() >= -8.1 and wave_t.max() <= 0.0  # the last 8 s, now at 0
    assert len(marks_t) >= 4  # 8 s at ~65 bpm
    wave_y = dialog.wave.getData()[1]
    assert wave_y.min() <= marks_y.min() and marks_y.max() <= wave_y.max()  # marks sit on the wave
    assert marks_y.min() > wave_y.min() + 0.3 * (wave_y.max() - wave_y.min())  # near the peaks, not at 0
    assert "Ready: steady beats at" in dialog.verdict_label.text()
    assert [dialog.tips.tabText(i) for i in range(dialog.tips.count())] == ["Finger sensor", "Ear clip", "Chest strap"]
