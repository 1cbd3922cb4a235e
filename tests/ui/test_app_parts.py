"""Qt-free parts of the app layer and the launcher: ring buffers, HR swing, session, no display."""

from __future__ import annotations

import time

import numpy as np
import pytest
from qt_helpers import ListRecorder

from biofeedback.app.live_model import LiveModel, RingBuffer
from biofeedback.app.records import Marker
from biofeedback.app.session import SessionController, format_clock
from biofeedback.core.pipeline import PipelineOutput
from biofeedback.core.types import Beat, PpgBlock


def test_ring_buffer_keeps_the_latest_rows_in_order():
    ring = RingBuffer(5, 2)
    rows = np.column_stack((np.arange(13.0), -np.arange(13.0)))
    for chunk in (rows[:3], rows[3:4], rows[4:11], rows[11:]):
        ring.extend(chunk)
    np.testing.assert_array_equal(ring.view(), rows[-5:])
    ring.extend(rows[:2])
    np.testing.assert_array_equal(ring.view()[:, 0], [10, 11, 12, 0, 1])


def test_hr_swing_is_the_core_breath_swing_of_the_beats_in_the_breath():
    """One definition (core.resonance.scoring.breath_swing_bpm): intervals at their midpoints, corrected left out."""
    model = LiveModel()
    rr = np.array([1000.0, 900.0, 800.0, 750.0, 850.0, 1000.0, 600.0])
    t = np.cumsum(rr) / 1000.0
    corrected = [False, False, False, False, False, False, True]
    model.add(PipelineOutput(beats=[Beat(a, b, c) for a, b, c in zip(t, rr, corrected, strict=True)]), 100.0)
    mid = t - rr / 2000.0
    # the breath [0, mid[5]) holds beats 0..4: 750 ms is the fastest, 1000 ms the slowest
    assert model.hr_swing_bpm(0.0, mid[5]) == pytest.approx(60000 / 750.0 - 60000 / 1000.0)
    assert model.hr_swing_bpm(0.0, t[-1] + 1) == pytest.approx(60000 / 750.0 - 60000 / 1000.0)  # 600 corrected
    assert model.hr_swing_bpm(mid[4], t[-1] + 1) is None  # fewer than 3 usable beats
    assert model.recent_hr_bpm(3) == pytest.approx(60000 / np.mean(rr[-3:]))


def test_clock_offset_maps_the_pacer_trace_onto_the_device_clock():
    model = LiveModel()
    block = PpgBlock(np.array([10.0, 10.002]), np.array([1.0, 2.0]), 500.0)
    model.add(PipelineOutput(ppg=[block]), host_t_s=1000.05)
    model.add(PipelineOutput(ppg=[block]), host_t_s=1000.02)  # less latency wins
    assert model.clock_offset_s == pytest.approx(1000.02 - 10.002)
    model.add_pacer(1000.5, 0.25)
    trace = model.pacer_on_device_clock()
    np.testing.assert_allclose(trace, [[1000.5 - model.clock_offset_s, 0.25]])


def test_session_times_out_and_feeds_the_recorder(qtbot):
    now = [0.0]
    recorders = []

    def factory():
        recorders.append(ListRecorder())
        return recorders[-1]

    session = SessionController(clock=lambda: now[0], recorder_factory=factory)
    session.on_beats([Beat(1.0, 900.0)])  # before start: not recorded
    assert session.start(duration_s=60.0)
    rec = recorders[0]
    session.on_beats([Beat(2.0, 950.0)])
    session.on_events([PpgBlock(np.zeros(2), np.ones(2), 50.0)])
    now[0] = 30.0
    session.on_marker(Marker("yawn", 30.0, 12.0))
    assert session.remaining_s() == pytest.approx(30.0)
    assert format_clock(session.elapsed_s()) == "00:30"
    now[0] = 60.0
    assert session.due()
    with qtbot.waitSignal(session.finished) as finished:
        session.stop("completed")
    assert finished.args == ["completed"]
    assert not session.running and rec.closed
    assert [b.t_s for b in rec.beats] == [2.0]
    assert len(rec.events) == 1
    assert rec.markers == [Marker("yawn", 30.0, 12.0)]


def test_no_display_returns_2_and_names_the_headless_commands(monkeypatch, capsys):
    from biofeedback.ui import app_main

    monkeypatch.delenv("DISPLAY", raising=False)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    assert not app_main.display_available()
    assert app_main.run_gui(simulate=True) == 2
    err = capsys.readouterr().err
    for command in ("simulate", "record", "analyze"):
        assert f"biofeedback {command}" in err
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert app_main.display_available()
    monkeypatch.delenv("QT_QPA_PLATFORM")
    monkeypatch.setenv("WAYLAND_DISPLAY", "wayland-0")
    assert app_main.display_available()


def test_run_gui_opens_the_simulated_sensor_and_saves_settings_on_exit(qtbot, config_dir):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from biofeedback.app.settings import load_settings
    from biofeedback.ui import app_main
    from biofeedback.ui.main_window import MainWindow

    seen = {}
    deadline_s = time.monotonic() + 60.0  # a hang guard: the window connects in well under a second when idle

    def look_then_quit():
        """Every 50 ms: once the window is connected (or the guard is up), note what is open and quit."""
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        connected = bool(windows and windows[0].live.connected)
        if not connected and time.monotonic() < deadline_s:
            return
        seen.update(windows=len(windows), connected=connected)
        poll.stop()
        QApplication.instance().quit()

    poll = QTimer()
    poll.timeout.connect(look_then_quit)
    poll.start(50)
    try:
        assert app_main.run_gui(simulate=True) == 0
    finally:
        poll.stop()
        for widget in QApplication.topLevelWidgets():  # the window and its first-run dialog
            if isinstance(widget, MainWindow):
                widget.first_run.close()
                widget.close()
                widget.deleteLater()
        qtbot.wait(20)
    assert seen == {"windows": 1, "connected": True}
    settings, notice = load_settings(config_dir)
    assert notice is None and settings.source_kind == "simulated"
