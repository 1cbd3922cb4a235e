"""Keyboard and screen readers: every focusable control has a name, Tab skips the plots, keys reach controls.

``unnamed_controls`` (tests/ui/a11y.py) walks every widget of a window, the
hidden pages of the source picker included, and lists each one that takes
the keyboard focus without a name a screen reader would speak.
"""

from __future__ import annotations

import pytest
from a11y import spoken_name, unnamed_controls
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QLabel

from biofeedback.app.settings import Settings
from biofeedback.ui.checkin_dialog import CheckInDialog


@pytest.fixture
def window(make_window):
    w = make_window(Settings(first_run_notice_seen=True))
    w.ui.build_plots()
    return w


def test_every_focusable_control_of_every_window_has_a_spoken_name(window, qtbot, tmp_path, monkeypatch):
    from test_summary_view import sine_session

    from biofeedback.io.store import SessionStore
    from biofeedback.ui.help import help_dialog
    from biofeedback.ui.store_integration import install_session_store
    from biofeedback.ui.summary_view import SessionSummaryDialog

    monkeypatch.setenv("BIOFEEDBACK_DATA_DIR", str(tmp_path / "data"))
    integration = install_session_store(window, SessionStore(tmp_path / "s.db"), checkins=True)
    window.open_resonance_wizard()
    others = {
        "check-in": CheckInDialog("before", parent=window),
        "summary": SessionSummaryDialog(sine_session(), parent=window),
        "help": help_dialog(window),
        "history": integration.show_history(),
        "wizard": window.wizard,
        "sensor check": window.sensor_check.open(),
    }
    missing = {"main window": unnamed_controls(window)}
    for name, other in others.items():
        qtbot.addWidget(other)
        missing[name] = unnamed_controls(other)
    assert {name: found for name, found in missing.items() if found} == {}
    # the ring and the pacer speak their state, not only their names
    assert "waiting" in window.coherence_indicator.accessibleDescription()
    window.redraw()
    assert window.ui.pacer_view.accessibleDescription() == f"{window.pacer.rate_bpm:.1f} breaths per minute"
    assert window.ui.tachogram.accessibleDescription() == "waiting for data"
    labels = [label for label in window.ui.top.findChildren(QLabel) if label.text().replace("&", "") in
              ("Session", "Pacer", "in:out", "holds", "Source")]
    assert len(labels) == 5 and all(label.buddy() is not None for label in labels)  # tied to their boxes


def test_tab_walks_the_controls_and_the_pacer_and_never_a_plot(window, qtbot):
    plots = [window.ui.tachogram, window.ui.pulse, window.ui.rmssd_trend, window.ui.coherence_trend,
             window.ui.spectrum]
    window.ui.pacer_view.setFocus()
    seen = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        seen.append(focus)
        if focus is window.ui.pacer_view:
            break
    assert seen[-1] is window.ui.pacer_view  # round the window and back, in under 40 stops
    assert not any(w is p or p.isAncestorOf(w) for w in seen for p in plots)
    names = [spoken_name(w) for w in seen]
    assert all(names), names
    order = [names.index(n) for n in ("Source", "Connect or disconnect", "Start or stop session",
                                      "Pacer rate, breaths per minute", "Help")]
    assert order == sorted(order)  # the source, the session, the pacer's settings, then the view's buttons
    assert window.ui.pacer_view.focus_frame  # reached by Tab: a visible focus frame
    window.ui.help_button.setFocus(Qt.FocusReason.TabFocusReason)  # a button: the accent ring around it
    ring, button = window.focus_ring, window.ui.help_button
    assert ring.isVisible() and ring.geometry().contains(QRect(button.mapTo(window.ui.top, QPoint(0, 0)),
                                                              button.size()))
    window.ui.rate.setFocus(Qt.FocusReason.TabFocusReason)  # a spin box (its line edit has the focus)
    assert ring.target is window.ui.rate and ring.isVisible()
    window.ui.pacer_view.setFocus()
    assert not ring.isVisible()  # the pacer draws its own


def test_space_and_arrows_work_the_focused_control_and_the_session_from_the_pacer(window, qtbot):
    ui = window.ui
    ui.ratio.setFocus()
    rate = window.pacer.rate_bpm
    qtbot.keyClick(ui.ratio, Qt.Key.Key_Down)
    assert ui.ratio.currentIndex() == 1 and window.pacer.rate_bpm == rate  # the list took ↓, not the pacer
    ui.audio.setFocus()
    qtbot.keyClick(ui.audio, Qt.Key.Key_Space)
    assert "No session without a source" not in ui.status.notice.text()  # Space pressed the check box
    ui.help_button.setFocus()
    qtbot.keyClick(ui.help_button, Qt.Key.Key_Space)
    assert window.help.isVisible()  # Space on a focused button presses it
    window.help.close()
    window.activateWindow()
    ui.pacer_view.setFocus()
    qtbot.keyClick(ui.pacer_view, Qt.Key.Key_Down)
    assert window.pacer.rate_bpm < rate  # from the pacer the arrows step the rate...
    qtbot.keyClick(ui.pacer_view, Qt.Key.Key_Space)
    assert "No session without a source" in ui.status.notice.text()  # ...and Space is the session's
    qtbot.mouseClick(ui.start, Qt.MouseButton.LeftButton)  # a click does not take the focus from the pacer
    assert QApplication.focusWidget() is ui.pacer_view


def test_the_check_in_is_answered_with_digits_and_arrows_and_space_picks_nothing(qtbot):
    dialog = CheckInDialog("before")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=2000)
    stress, pain, mood = dialog.rows["stress"], dialog.rows["pain"], dialog.rows["mood"]
    stress.setFocus()
    qtbot.keyClick(stress, Qt.Key.Key_7)
    assert stress.value() == 7 and "7 chosen" in stress.accessibleDescription()
    qtbot.keyClick(stress, Qt.Key.Key_Right)
    qtbot.keyClick(stress, Qt.Key.Key_Up)
    assert stress.value() == 9
    qtbot.keyClick(stress, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is pain  # one Tab stop a question, not eleven
    qtbot.keyClick(pain, Qt.Key.Key_Space)
    assert pain.value() is None  # Space used to pick "Pain 0"
    qtbot.keyClick(pain, Qt.Key.Key_1)
    qtbot.keyClick(pain, Qt.Key.Key_0)
    assert pain.value() == 10  # 1 then 0
    qtbot.keyClick(pain, Qt.Key.Key_0)
    assert pain.value() == 0
    qtbot.keyClick(pain, Qt.Key.Key_Delete)
    assert pain.value() is None
    qtbot.keyClick(pain, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is mood
    qtbot.keyClick(mood, Qt.Key.Key_Left)  # from no answer, ← starts at the top
    assert mood.value() == 10
    qtbot.keyClick(mood, Qt.Key.Key_Home)
    assert mood.value() == 0
    qtbot.keyClick(mood, Qt.Key.Key_Return)  # Enter saves, as the dialog's default button
    checkin = dialog.checkin()
    assert dialog.result() == CheckInDialog.DialogCode.Accepted
    assert checkin is not None and (checkin.stress, checkin.pain, checkin.mood) == (9, None, 0)
