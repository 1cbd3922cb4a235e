"""Status area: fixed height of two lines, long messages wrapped then cut, the whole text on hover and on a click."""

from __future__ import annotations

from biofeedback.core.types import SignalQuality
from biofeedback.io.source import SourceState
from biofeedback.ui.panels import NumbersPanel, StatusPanel
from biofeedback.ui.theme import DARK


def dark_panel(qtbot) -> StatusPanel:
    panel = StatusPanel()
    qtbot.addWidget(panel)
    panel.apply(DARK)
    return panel


LONG = ("The sensor at /dev/ttyUSB0 stopped answering; check the cable, then press Connect again. " * 4).strip()


def test_a_long_message_wraps_onto_two_lines_and_a_click_shows_it_whole(qtbot):
    from PySide6.QtCore import Qt

    panel = dark_panel(qtbot)
    panel.resize(900, 40)
    panel.show()
    qtbot.waitExposed(panel)
    height = panel.height()
    panel.show_notice(LONG)
    qtbot.wait(10)
    assert panel.height() == height
    assert panel.notice.text() == LONG  # the whole message is kept...
    shown = panel.notice.text_shown()
    assert shown.count("\n") == 1 and shown.endswith("…") and len(shown) < len(LONG)  # ...on two lines
    first = shown.split("\n")[0]
    assert LONG.startswith(first) and LONG[len(first)] == " "  # broken between words, not mid-word
    assert panel.notice.toolTip().startswith(LONG) and panel.notice.accessibleDescription() == LONG
    qtbot.mouseClick(panel.notice, Qt.MouseButton.LeftButton)  # ...and a click shows it whole
    assert panel.notice.popup is not None and panel.notice.popup.text() == LONG
    panel.notice.popup.close()
    panel.show_notice("saved")
    assert panel.notice.text_shown() == "saved" and panel.notice.toolTip() == ""
    # a short state message on two lines fits whole where one line cut it mid-word
    panel.connection.resize(330, panel.connection.height())
    panel.show_state(SourceState("failed", "There is no serial port called /dev/ttyUSB0."))
    assert panel.connection.text_shown().replace("\n", " ") == "● failed: There is no serial port called /dev/ttyUSB0."


def test_quality_and_corrected_share_go_when_the_connection_does(qtbot):
    panel = dark_panel(qtbot)
    panel.show_state(SourceState("connected", protocol="native"))
    panel.show_quality(SignalQuality.GOOD)
    panel.show_artifacts(0.01)
    assert panel.quality.text() == "good signal"
    panel.show_state(SourceState("failed", "no such port"))
    assert panel.quality.text() == "" and panel.artifacts.text() == ""
    panel.show_notice("old notice")
    panel.clear()
    assert panel.connection.text() == "● not connected" and panel.notice.text() == ""


def test_numbers_clear_to_dashes(qtbot):
    numbers = NumbersPanel()
    qtbot.addWidget(numbers)
    numbers.show_values(66.0, 40.0, 1.2, 8.0)
    numbers.clear()
    assert {t.value.text() for t in numbers.tiles} == {"–"}


def test_the_same_text_again_is_not_laid_out_or_repainted_even_when_cut(qtbot, monkeypatch):
    """The status line is set again with every beat (quality, corrected share): a message cut to fit was
    wrapped, re-tooltipped and repainted each time, though nothing changed."""
    panel = dark_panel(qtbot)
    panel.resize(900, 40)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_notice(LONG)
    assert panel.notice.elided
    elided: list[int] = []
    original = panel.notice._elide
    monkeypatch.setattr(panel.notice, "_elide", lambda: (elided.append(1), original())[1])
    for _ in range(3):
        panel.show_notice(LONG)
    assert elided == []
    panel.show_notice(LONG + " Again.")  # a new text is laid out
    assert elided == [1] and panel.notice.toolTip().startswith(LONG + " Again.")


def test_a_guessed_pulse_direction_is_said_beside_the_quality_until_it_is_sure_or_disconnected(qtbot):
    panel = dark_panel(qtbot)
    panel.show_state(SourceState("connected", protocol="csv"))
    panel.show_quality(SignalQuality.GOOD)
    ok = panel.quality.styleSheet()
    panel.show_polarity_unsure(True)
    assert panel.quality.text() == "good signal — pulse direction unclear"
    assert panel.quality.styleSheet() != ok  # the warning colour, not "good"
    panel.show_quality(SignalQuality.POOR)  # beside a signal too poor for beats it would say nothing
    assert panel.quality.text() == "signal poor: hold still"
    panel.show_quality(SignalQuality.GOOD)  # back with a good signal
    assert panel.quality.text() == "good signal — pulse direction unclear"
    panel.show_polarity_unsure(False)
    assert panel.quality.text() == "good signal" and panel.quality.styleSheet() == ok
    panel.show_polarity_unsure(True)
    panel.show_state(SourceState("disconnected"))
    panel.show_state(SourceState("connected", protocol="csv"))
    panel.show_quality(SignalQuality.GOOD)  # a new connection starts without the old guess
    assert panel.quality.text() == "good signal"


def test_the_pulse_direction_hint_goes_with_the_doubt_and_with_the_connection(qtbot):
    """Where to choose the direction is in the tooltip and the screen reader's description while the
    status says it is unclear; not after, nor on the empty label a disconnection leaves."""
    hint = "If you know which way your sensor's wave goes, choose it in Tools → Pulse direction."
    panel = dark_panel(qtbot)
    panel.show_state(SourceState("connected"))
    panel.show_quality(SignalQuality.GOOD)
    panel.show_polarity_unsure(True)
    label = panel.quality
    assert label.text() == "good signal — pulse direction unclear"
    assert hint in label.toolTip() and label.accessibleDescription() == f"{label.text()} {hint}"
    panel.show_polarity_unsure(False)
    assert hint not in label.toolTip() and label.accessibleDescription() == "good signal"
    panel.show_polarity_unsure(True)
    panel.show_state(SourceState("disconnected"))
    assert label.text() == "" and label.toolTip() == "" and label.accessibleDescription() == ""
