"""History opened from the summary comes in front of everything and fits the screen, title bar included."""

from __future__ import annotations

from test_summary_view import sine_session

from biofeedback.io.store import SessionStore
from biofeedback.ui.store_integration import install_session_store
from biofeedback.ui.window_fit import TITLE_BAR_GUESS_PX


def test_history_from_the_summary_opens_in_front_and_fits_the_screen(make_window, qtbot, tmp_path):
    window = make_window()
    integration = install_session_store(window, SessionStore(tmp_path / "s.db"))
    integration._open_summary(1, sine_session())  # what a finished session opens (window-modal)
    summary = integration.summary_dialog
    qtbot.waitExposed(summary)
    summary.history_button.click()
    history = integration.history
    qtbot.addWidget(history)
    qtbot.waitExposed(history)
    # the modal summary no longer sits over History and blocks it; History is the active window
    assert not summary.isVisible()
    qtbot.waitUntil(history.isActiveWindow, timeout=2000)
    avail = history.screen().availableGeometry()
    frame = history.frameGeometry()
    top = frame.top() if frame.height() > history.height() else frame.top() - TITLE_BAR_GUESS_PX
    assert avail.contains(frame) and top >= avail.top()  # (offscreen: no window manager, its title bar guessed)
    assert history.height() + TITLE_BAR_GUESS_PX <= avail.height() and history.width() <= avail.width()
    # a second request brings the same window back in front where the user left it
    history.move(history.x() + 10, history.y())
    where = history.pos()
    window.activateWindow()
    integration.show_history()
    qtbot.waitUntil(history.isActiveWindow, timeout=2000)
    assert history.pos() == where
