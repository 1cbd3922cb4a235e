"""Status line: fixed height, long messages elided with the whole text on hover, stale quality cleared."""

from __future__ import annotations

from biofeedback.core.types import SignalQuality
from biofeedback.io.source import SourceState
from biofeedback.ui.panels import NumbersPanel, StatusPanel
from biofeedback.ui.theme import DARK

LONG = ("The sensor at /dev/ttyUSB0 stopped answering; check the cable, then press Connect again. " * 4).strip()


def test_a_long_message_is_elided_to_one_line_and_the_height_does_not_change(qtbot):
    panel = StatusPanel()
    qtbot.addWidget(panel)
    panel.apply(DARK)
    panel.resize(900, 40)
    panel.show()
    qtbot.waitExposed(panel)
    height = panel.height()
    panel.show_notice(LONG)
    qtbot.wait(10)
    assert panel.height() == height
    assert panel.notice.text() == LONG  # the whole message is kept...
    shown = panel.notice.text_shown()
    assert shown.endswith("…") and len(shown) < len(LONG)  # ...and cut to fit on screen
    assert panel.notice.toolTip() == LONG  # ...and readable on hover
    panel.show_notice("saved")
    assert panel.notice.text_shown() == "saved" and panel.notice.toolTip() == ""


def test_quality_and_corrected_share_go_when_the_connection_does(qtbot):
    panel = StatusPanel()
    qtbot.addWidget(panel)
    panel.apply(DARK)
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
