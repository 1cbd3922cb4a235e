"""Presentation bar: a session clock and time left in type legible across a room, fitting at 1280 px."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFontMetricsF

from biofeedback import config
from biofeedback.ui.presentation import PresentationBar
from biofeedback.ui.theme import DARK


@pytest.mark.parametrize("screen", [(1280, 720), (1366, 768), (1920, 1080), (3840, 2160)])
def test_clock_and_level_are_large_and_fit_the_screen_width(qtbot, screen):
    w, h = screen
    bar = PresentationBar(DARK)
    qtbot.addWidget(bar)
    bar.resize(w, 100)
    bar.fit_screen(h)
    bar.show()
    qtbot.waitExposed(bar)
    bar.set_clock(3599.0, 1201.0)
    bar.set_coherence(config.COHERENCE_LEVELS[1] + 0.1)
    assert bar.elapsed.value.text() == "59:59" and bar.left.value.text() == "20:01"
    assert bar.coherence.value.text() == "high"
    for readout in (bar.elapsed, bar.left, bar.coherence):
        label = readout.value
        # across a room: at least 5 % of the screen height (54 px on a 1080p screen)...
        assert label.font().pixelSize() >= 0.05 * h or label.font().pixelSize() >= 36
        # ...and every text it may show fits its label
        widest = max(QFontMetricsF(label.font()).horizontalAdvance(t) for t in readout.samples)
        assert widest <= label.width() + 1, (readout.caption.text(), widest, label.width())
    assert bar.width() == w and bar.minimumSizeHint().width() <= w


def test_without_a_session_the_bar_says_so_and_an_open_session_has_no_time_left(qtbot):
    bar = PresentationBar(DARK)
    qtbot.addWidget(bar)
    assert bar.elapsed.value.text() == "no session" and bar.coherence.value.text() == "waiting"
    bar.set_clock(65.0, None)
    assert bar.elapsed.value.text() == "1:05" and bar.left.value.text() == "open"
    bar.set_coherence(0.1)
    assert bar.coherence.value.text() == "low"
    bar.clear()
    assert bar.elapsed.value.text() == "no session"
