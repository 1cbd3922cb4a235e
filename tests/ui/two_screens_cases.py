"""Where each window lands with two screens (run by test_two_screens.py under the offscreen platform
with a laptop screen, LAPTOP 1366x768, and a room screen, ROOM 1920x1080 to its right).

Not collected on its own (a pytest process has one platform, chosen before its QApplication):
test_two_screens.py runs this file in a pytest of its own with the two screens.
"""

from __future__ import annotations

from functools import partial

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QGuiApplication

from biofeedback.app.session import format_clock
from biofeedback.app.settings import Settings
from biofeedback.app.sources import make_source
from biofeedback.io.clock import ManualClock
from biofeedback.io.simulator import SimulatedSource
from biofeedback.ui import main_window
from biofeedback.ui.main_window import MainWindow
from biofeedback.ui.panels import clock_text

LAPTOP, ROOM = QRect(0, 0, 1366, 768), QRect(1366, 0, 1920, 1080)


@pytest.fixture
def window(qtbot):
    def make(settings: Settings, maximised: bool = True, clock=None) -> MainWindow:
        w = MainWindow(settings, clock=clock, save=False) if clock else MainWindow(settings, save=False)
        qtbot.addWidget(w)
        if not maximised:
            w.setWindowState(Qt.WindowState.WindowNoState)
            w.setGeometry(100, 50, 1100, 650)
        w.show()
        qtbot.waitExposed(w)
        w.activateWindow()
        qtbot.waitUntil(w.isActiveWindow, timeout=2000)
        made.append(w)
        return w

    made: list[MainWindow] = []
    yield make
    for w in made:
        errors = list(w.worker_errors)
        w.close()
        assert not errors


def test_the_platform_has_the_two_screens(qapp):
    screens = QGuiApplication.screens()
    assert [(s.name(), s.geometry()) for s in screens] == [("LAPTOP", LAPTOP), ("ROOM", ROOM)]


@pytest.mark.parametrize("maximised", [True, False])
def test_f11_opens_the_client_view_on_the_room_screen_and_leaves_the_window_as_it_was(
        window, qtbot, maximised):
    w = window(Settings(first_run_notice_seen=True, presentation_screen=1), maximised=maximised)
    # a first start on a 1366x768 laptop is maximised (the case that went full screen on the laptop)
    assert w.isMaximized() == maximised and w.screen().name() == "LAPTOP"
    before = w.geometry()
    qtbot.keyClick(w, Qt.Key.Key_F11)
    view = w.look.client_view
    assert view is not None
    qtbot.waitExposed(view)
    assert view.screen().name() == "ROOM" and view.isFullScreen() and view.geometry() == ROOM
    # the coach's window: same screen, same state, same place, every control, and the keyboard
    assert w.screen().name() == "LAPTOP" and w.isMaximized() == maximised and not w.isFullScreen()
    assert w.geometry() == before and not w.presentation
    assert w.ui.top.isVisible() and w.menuBar().isVisible() and w.statusBar().isVisible()
    assert w.ui.present_button.isChecked() and w.isActiveWindow()
    assert w.ui.status.notice.text() == "The client view is on ROOM; F11 or Esc closes it."
    # large and calm: the pacer takes about half the room screen, the clock bar reads across a room
    assert view.pacer_view.width() >= 0.4 * ROOM.width() and view.pacer_view.height() >= 0.6 * ROOM.height()
    assert view.bar.elapsed.value.font().pixelSize() >= 0.05 * ROOM.height()
    assert view.curve.isVisible() and view.ring.isVisible() and not view.bar.hint.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_F11)  # F11 again, on the coach's window: the client view goes
    qtbot.waitUntil(lambda: w.look.client_view is None, timeout=2000)
    qtbot.waitUntil(lambda: _deleted(view), timeout=2000)
    assert w.isMaximized() == maximised and w.geometry() == before and not w.ui.present_button.isChecked()


def _deleted(widget) -> bool:
    from shiboken6 import isValid

    return not isValid(widget)


def test_esc_on_the_coach_window_closes_the_client_view_and_closing_the_window_closes_both(window, qtbot):
    w = window(Settings(first_run_notice_seen=True, presentation_screen=1))
    w.ui.present_button.click()
    view = w.look.client_view
    assert view is not None
    qtbot.waitExposed(view)
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: w.look.client_view is None, timeout=2000)
    w.ui.present_button.click()
    view = w.look.client_view
    qtbot.waitExposed(view)
    w.close()
    qtbot.waitUntil(lambda: w.look.client_view is None, timeout=2000)  # not left alone on the room screen


def test_with_the_window_on_the_chosen_screen_f11_is_presentation_in_the_window_as_before(window, qtbot):
    w = window(Settings(first_run_notice_seen=True, presentation_screen=0))
    qtbot.keyClick(w, Qt.Key.Key_F11)
    assert w.look.client_view is None and w.presentation
    qtbot.waitUntil(w.isFullScreen, timeout=2000)
    assert w.screen().name() == "LAPTOP" and not w.ui.top.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not w.isFullScreen(), timeout=2000)
    assert not w.presentation and w.ui.top.isVisible()


def test_the_client_view_shows_the_sessions_clock_curve_and_ring_of_the_window(window, qtbot, monkeypatch):
    clock = ManualClock(1000.0)
    settings = Settings(first_run_notice_seen=True, presentation_screen=1, source_kind="simulated",
                        sim_speed=1.0, pacer_rate_bpm=6.0)
    w = window(settings, clock=clock)
    w.timer.stop()  # a frame only when the test draws one, once the data up to the clock's time arrived
    monkeypatch.setattr(main_window, "make_source", partial(make_source, seed=7))
    w.connect_source()
    qtbot.waitUntil(lambda: getattr(w.live.source, "simulator", None) is not None, timeout=20000)
    source = w.live.source
    assert isinstance(source, SimulatedSource)

    def advance(seconds: float = 1.0) -> None:
        sent_until = source.sim_time_s(clock.advance(seconds))
        if w.live.connected:
            qtbot.waitUntil(lambda: (w.model.last_device_t_s or -1.0) >= sent_until - 0.05,
                            timeout=30000)
        w.redraw()

    w.look.toggle_presentation()
    view = w.look.client_view
    qtbot.waitExposed(view)
    w.live.start_session(None)
    for _ in range(12):
        advance()
    # one clock, one reading on both screens
    assert view.bar.elapsed.value.text() == clock_text(w.live.session.elapsed_s())
    assert w.ui.timer_label.text() == format_clock(w.live.session.elapsed_s())  # the same second
    assert view.ring.level == w.coherence_indicator.level and view.ring.ratio == w.coherence_indicator.ratio
    assert view.pacer_view.t_s == clock() and view.pacer_view.pacer is w.live.pacer
    assert len(view.curve.hr._x) > 5  # the beats of the last 12 s, as in the window's curve
    assert not view.curve.waiting and "bpm" in w.ui.tachogram.accessibleDescription()
    w.live.stop_session()
    w.ui.sources.connect_button.click()  # Disconnect: both screens wait
    advance(0.3)
    assert view.bar.elapsed.value.text() == "no session" and view.ring.level is None
    assert view.bar.coherence.value.text() == "waiting"


def test_a_room_screen_plugged_in_after_the_start_can_be_chosen(window, qtbot, qapp):
    w = window(Settings(first_run_notice_seen=True, presentation_screen=1))
    w.ui.screen.blockSignals(True)  # as the window was built before the room screen was plugged in
    w.ui.screen.removeItem(1)
    w.ui.screen.blockSignals(False)
    assert w.ui.screen.count() == 1
    qapp.screenAdded.emit(QGuiApplication.screens()[1])
    qtbot.waitUntil(lambda: w.ui.screen.count() == 2, timeout=2000)
    assert [w.ui.screen.itemText(i) for i in range(2)] == ["Screen 1: LAPTOP", "Screen 2: ROOM"]
    assert w.ui.screen.currentIndex() == 1 and w.settings.presentation_screen == 1


def test_the_room_screen_unplugged_closes_the_client_view_not_the_coachs_controls(window, qtbot, qapp):
    w = window(Settings(first_run_notice_seen=True, presentation_screen=1))
    qtbot.keyClick(w, Qt.Key.Key_F11)
    view = w.look.client_view
    qtbot.waitExposed(view)
    qapp.screenRemoved.emit(QGuiApplication.screens()[1])  # (Qt would move it full screen onto the laptop)
    qtbot.waitUntil(lambda: w.look.client_view is None, timeout=2000)
    assert w.isMaximized() and not w.ui.present_button.isChecked()


def test_gui_presentation_from_the_command_line_opens_the_client_view(qtbot, tmp_path, monkeypatch):
    from biofeedback.app.settings import save_settings
    from biofeedback.ui import app_main, warm_imports
    from biofeedback.ui.app_main import open_window

    monkeypatch.setenv("BIOFEEDBACK_CONFIG_DIR", str(tmp_path / "config"))
    save_settings(Settings(first_run_notice_seen=True, presentation_screen=1))
    # where the window opens is the question here: not the store nor SciPy loading on a thread after it
    monkeypatch.setattr(warm_imports, "start_after_first_paint", lambda window: None)
    monkeypatch.setattr(app_main, "_attach_store", lambda *args: None)
    _, w = open_window(presentation=True)  # `biofeedback gui --presentation`
    qtbot.addWidget(w)
    view = w.look.client_view
    assert view is not None
    qtbot.waitExposed(view)
    assert view.screen().name() == "ROOM" and view.isFullScreen() and not w.isFullScreen()
    assert w.ui.top.isVisible() and w.screen().name() == "LAPTOP"
    w.close()
