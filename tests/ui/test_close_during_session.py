"""Closing the window during a session asks, and "stop, check in and close" keeps the after check-in."""

from __future__ import annotations

from PySide6.QtCore import Qt

from biofeedback.io.store import CheckIn, SessionStore
from biofeedback.ui.store_integration import install_session_store


def running_session(make_window, qtbot, tmp_path):
    from qt_test_sources import PhysiologySource

    window = make_window()
    store = SessionStore(tmp_path / "s.db")
    integration = install_session_store(window, store, checkins=True)
    window.connect_to(PhysiologySource(speed=8.0))
    window.toggle_session()
    with qtbot.waitSignal(integration.library.session_begun, timeout=5000):
        integration.checkin_dialog.skip_button.click()
    qtbot.waitUntil(lambda: window.session.n_beats >= 5, timeout=10000)
    return window, store, integration


def test_ctrl_q_mid_session_asks_and_stop_check_in_and_close_keeps_the_after_answers(make_window, qtbot, tmp_path):
    window, store, integration = running_session(make_window, qtbot, tmp_path)
    window.menu_actions["quit"].trigger()  # Ctrl+Q, File > Quit (the title bar's close asks the same)
    box = window.close_guard.box
    assert box is not None and box.isVisible() and window.isVisible() and window.session.running
    assert "Stop it and close the window?" in box.text()
    box.escapeButton().click()  # Keep practising
    assert window.isVisible() and window.session.running
    window.request_close()
    with qtbot.waitSignal(integration.saved, timeout=10000):
        window.close_guard.box.defaultButton().click()  # Stop, check in and close
    after = integration.checkin_dialog
    qtbot.waitUntil(lambda: after.phase == "after" and after.isVisible(), timeout=5000)
    assert window.isVisible()  # the window waits for the answers
    after.rows["stress"].setFocus()
    qtbot.keyClick(after.rows["stress"], Qt.Key.Key_3)
    after.save_button.click()
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    (info,) = store.list_sessions()
    assert info.status == "completed" and info.checkins == {"after": CheckIn("after", stress=3)}


def test_stop_and_close_closes_at_once_without_the_check_in(make_window, qtbot, tmp_path):
    window, store, _integration = running_session(make_window, qtbot, tmp_path)
    window.request_close()
    window.close_guard.close_button.click()  # Stop and close
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=5000)
    (info,) = store.list_sessions()
    assert info.status == "completed" and info.checkins == {}
