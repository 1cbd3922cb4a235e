"""The coherence ring and the presentation bar show the calm level when the live model gives one."""

from __future__ import annotations

from biofeedback.ui.coherence_indicator import CoherenceIndicator


def test_indicator_shows_the_given_calm_level_over_the_raw_ratio(qtbot):
    ring = CoherenceIndicator()
    qtbot.addWidget(ring)
    ring.set_values(3.0)
    assert ring.level == 2 and ring.level_text() == "coherence high"
    ring.set_values(3.0, None, level=1)  # the smoothed level has not risen yet: it says medium
    assert ring.level == 1 and ring.level_text() == "coherence medium"
    assert ring.numbers_text().startswith("ratio 3.00")  # the exact value stays a click away
    ring.set_values(None, None, level=1)
    assert ring.level is None


def test_pacer_caption_shows_the_breathing_against_the_guide(qtbot):
    from biofeedback.core.breathing.pacer import Pacer
    from biofeedback.ui.pacer_widget import PacerWidget

    widget = PacerWidget(Pacer(5.5))
    qtbot.addWidget(widget)
    widget.resize(300, 320)
    widget.set_caption("you: 5.8 /min · guide: 5.5 /min")
    assert widget.caption == "you: 5.8 /min · guide: 5.5 /min"
    widget.grab()  # paints with the caption
    widget.set_caption(None)
    assert widget.caption is None
