"""The main window on a laptop and through a session's story: fits, never stale, markers, summary, keys."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit, QWidget
from qt_test_sources import PhysiologySource, StateScript

from biofeedback.io.source import SourceState
from biofeedback.io.store import SessionStore
from biofeedback.ui.coherence_indicator import CoherenceIndicator
from biofeedback.ui.pacer_widget import PacerWidget
from biofeedback.ui.store_integration import install_session_store

CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit, pg.PlotWidget, PacerWidget, CoherenceIndicator)


def outside(window: QWidget) -> list[str]:
    rect, bad = window.rect(), []
    for child in window.findChildren(QWidget):
        if child.window() is not window or not child.isVisible() or not isinstance(child, CONTROLS):
            continue
        r = QRect(child.mapTo(window, QPoint(0, 0)), child.size())
        if not rect.contains(r) or child.width() < child.minimumSizeHint().width() - 1:
            bad.append(f"{type(child).__name__} {getattr(child, 'text', lambda: '')()!r} at {r}")
    return bad


def n_points(item) -> int:
    if isinstance(item, pg.ScatterPlotItem):
        return len(item.data)
    if not hasattr(item, "getOriginalDataset"):  # the live views' own items (ui/plot_items.py)
        return len(item.getData()[0])
    x, _ = item.getOriginalDataset()
    return 0 if x is None else len(x)


def views_points(window) -> dict[str, int]:
    ui = window.ui
    def items(plot):
        return plot.drawn_items() if hasattr(plot, "drawn_items") else plot.getPlotItem().listDataItems()

    return {name: sum(n_points(i) for i in items(plot))
            for name, plot in (("pulse", ui.pulse), ("tachogram", ui.tachogram), ("rmssd", ui.rmssd_trend),
                               ("coherence", ui.coherence_trend), ("spectrum", ui.spectrum))}


def draw_all(window) -> None:
    now = window.clock()
    device_now = window.model.device_now_s(now)
    ui = window.ui
    for plot in (ui.pulse, ui.tachogram, ui.rmssd_trend, ui.coherence_trend):
        plot.refresh(window.model, device_now)
    ui.spectrum.last_compute_s = None
    ui.spectrum.maybe_recompute(window.model, now)


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768), (1366, 705)])
def test_the_main_window_fits_a_laptop_with_every_control_and_plot_inside(make_window, qtbot, size):
    window = make_window()
    assert window.minimumSizeHint().width() <= 1280
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=2000)
    qtbot.wait(30)
    assert outside(window) == []
    bar = window.statusBar()
    height = bar.height()
    window.show_notice("A very long message about the sensor and the store. " * 10)
    qtbot.wait(20)
    assert bar.height() == height and window.ui.status.notice.toolTip().startswith("A very long")


def test_after_a_source_change_no_old_sample_remains_in_any_view(make_window, qtbot):
    window = make_window()
    window.connect_to(PhysiologySource(speed=60.0))  # a minute of beats a second (as in test_practice_plan)
    qtbot.waitUntil(lambda: len(window.model.beats) >= 60, timeout=15000)
    draw_all(window)
    before = views_points(window)
    assert before["pulse"] and before["tachogram"] and before["spectrum"], before
    window.connect_to(StateScript([SourceState("connected", protocol="native")]))
    assert views_points(window) == dict.fromkeys(before, 0)
    qtbot.wait(100)
    draw_all(window)  # the new source has sent nothing: still nothing to draw
    assert views_points(window) == dict.fromkeys(before, 0)
    assert {t.value.text() for t in window.ui.numbers.tiles} == {"–"}


def test_a_failed_connect_clears_the_curves_and_the_good_signal(make_window, qtbot):
    from biofeedback.core.types import SignalQuality

    window = make_window()
    window.connect_to(PhysiologySource(speed=20.0))
    qtbot.waitUntil(lambda: len(window.model.beats) >= 20, timeout=15000)
    draw_all(window)
    window.ui.status.show_quality(SignalQuality.GOOD)
    window.connect_to(StateScript([SourceState("failed", "no such port /dev/ttyUSB9")]))
    qtbot.waitUntil(lambda: window.ui.status.connection.text().startswith("● failed"), timeout=3000)
    assert window.ui.status.quality.text() == ""
    assert sum(views_points(window).values()) == 0


def test_session_clock_starts_after_the_before_checkin_and_a_summary_follows(make_window, qtbot, tmp_path):
    window = make_window()
    store = SessionStore(tmp_path / "s.db")
    integration = install_session_store(window, store)
    window.connect_to(PhysiologySource(speed=20.0))  # its 15 beats in under a second (8x before)
    qtbot.waitUntil(lambda: window.model.clock_offset_s is not None, timeout=4000)
    window.toggle_session()
    before = integration.checkin_dialog
    qtbot.waitUntil(before.isVisible, timeout=2000)
    qtbot.wait(400)  # the user reads the questions
    assert not window.session.running and window.ui.timer_label.text() == "no session"
    qtbot.mouseClick(before.rows["pain"].buttons[6], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(before.save_button, Qt.MouseButton.LeftButton)
    assert window.session.running and window.session.elapsed_s() < 0.3  # not the 0.4 s of the check-in
    qtbot.waitUntil(lambda: window.session.n_beats >= 15, timeout=10000)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_M)
    assert len(window.ui.tachogram.markers) == 1  # drawn at once on the live graph...
    assert "Marker “mark” set at 00:0" in window.ui.status.notice.text()  # ...and confirmed

    with qtbot.waitSignal(integration.saved, timeout=10000):
        window.toggle_session()
    after = integration.checkin_dialog
    assert after.phase == "after" and integration.summary_dialog is None  # the check-in comes first
    qtbot.mouseClick(after.rows["pain"].buttons[4], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(integration.summary_shown, timeout=10000):  # computed off the GUI thread
        qtbot.mouseClick(after.save_button, Qt.MouseButton.LeftButton)
    dialog = integration.summary_dialog
    assert dialog.isVisible()
    sid = integration.session_id
    summary = dialog.view.summary
    assert summary.n_beats == len(store.beats(sid))
    assert {c.item: c.change_points for c in summary.checkins}["pain"] == -2
    assert dialog.view.checkin_labels[("pain", 3)].text() == "2 lower"
    assert dialog.view.reading.text() == summary.reading


def test_esc_brings_the_window_back_as_it_was_and_ctrl_q_quits(make_window, qtbot):
    window = make_window()
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized, timeout=2000)
    window.set_presentation(True)
    assert window.ui.presentation_bar.isVisible()
    qtbot.waitUntil(lambda: window.isFullScreen(), timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.presentation
    qtbot.waitUntil(window.isMaximized, timeout=2000)
    assert window.menuBar().isVisible() and window.ui.top.isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles[:2] == ["File", "View"] and titles[-1] == "Help"


def test_presentation_bar_shows_the_session_clock_and_time_left(make_window, qtbot):
    window = make_window()
    window.connect_to(PhysiologySource(speed=4.0))
    qtbot.waitUntil(lambda: window.live.connected, timeout=4000)
    window.ui.duration.setCurrentIndex(window.ui.duration.findData(5))
    window.toggle_session()
    window.set_presentation(True, fullscreen=False)
    qtbot.waitUntil(lambda: window.ui.presentation_bar.elapsed.value.text().startswith("0:0"), timeout=3000)
    assert window.ui.presentation_bar.left.value.text() in ("5:00", "4:59", "4:58")


def test_presentation_type_scales_with_the_screen_and_everything_stays_inside(make_window, qtbot):
    from biofeedback.ui.layout import presentation_sizes

    assert presentation_sizes(1080) == (17, pytest.approx(1.6))
    laptop, big = presentation_sizes(768), presentation_sizes(2160)
    assert laptop[0] < 17 and laptop[1] < 1.6 and big[0] > 17 and big[1] > 1.6
    window = make_window()
    window.resize(1280, 720)
    window.set_presentation(True, fullscreen=False)
    qtbot.waitUntil(lambda: window.width() == 1280, timeout=2000)
    qtbot.wait(30)
    assert outside(window) == []


def test_a_missing_saved_port_is_a_sensor_not_found_state_at_start(make_window, monkeypatch):
    from biofeedback.app.settings import Settings

    monkeypatch.setattr("biofeedback.ui.source_panel.list_port_choices", lambda: ([], None))
    window = make_window(Settings(first_run_notice_seen=True, source_kind="serial", serial_port="/dev/ttyUSB7"))
    assert window.ui.sources.port.currentText() == "/dev/ttyUSB7 — not found"
    assert window.ui.sources.store().serial_port == "/dev/ttyUSB7"  # not silently another port
    assert window.ui.status.notice.text().startswith("Sensor not found at /dev/ttyUSB7")
