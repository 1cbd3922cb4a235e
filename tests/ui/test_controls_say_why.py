"""A key or a control that cannot act, or stops acting by itself, says so in the status line."""

from __future__ import annotations

from PySide6.QtCore import Qt

from biofeedback.app.settings import Settings
from biofeedback.io.clock import ManualClock
from biofeedback.io.store import SessionStore
from biofeedback.ui.main_window import MainWindow
from biofeedback.ui.store_integration import NO_SESSION_FOR_MARKS, install_session_store


def test_m_and_n_outside_a_session_say_that_they_need_one(make_window, qtbot, tmp_path):
    window = make_window()
    install_session_store(window, SessionStore(tmp_path / "s.db"))
    window.ui.pacer_view.setFocus()
    qtbot.keyClick(window.ui.pacer_view, Qt.Key.Key_M)
    assert window.ui.status.notice.text() == NO_SESSION_FOR_MARKS
    window.show_notice("")
    qtbot.keyClick(window.ui.pacer_view, Qt.Key.Key_N)
    assert window.ui.status.notice.text() == NO_SESSION_FOR_MARKS


def test_screen_dimmed_goes_when_the_screen_comes_back(make_window):
    window = make_window()
    window.eyes_closed.set_dim(True)
    assert window.ui.status.notice.text().startswith("Screen dimmed")
    window.eyes_closed.set_dim(False)
    assert window.ui.status.notice.text() == ""


def test_adaptive_pacing_that_ends_by_itself_says_so(qtbot):
    clock = ManualClock(100.0)
    window = MainWindow(Settings(first_run_notice_seen=True), clock=clock, save=False)
    qtbot.addWidget(window)
    window.adaptive_action.setChecked(True)  # no breathing seen yet: it glides from the training rate
    assert window.live.adaptive is not None
    for _ in range(60):
        clock.advance(1.0)
        window.live.tick()
        if not window.adaptive_action.isChecked():
            break
    assert not window.adaptive_action.isChecked()  # it unticked itself...
    assert window.ui.status.notice.text() == (  # ...and says why
        f"Adaptive pacing done: the pacer reached your rate, {window.settings.pacer_rate_bpm:.1f} /min.")
    window.close()


def test_no_sound_asks_to_install_libpulse0_only_when_it_is_missing(monkeypatch):
    import ctypes.util
    import sys

    from biofeedback.app.audio_output import linux_sound_hint

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert "install libpulse0" in linux_sound_hint()
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: "libpulse.so.0")
    hint = linux_sound_hint()
    assert "libpulse0" not in hint and "sound server" in hint
