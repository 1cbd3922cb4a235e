"""The wizard says how long it takes before Start; the pacer's label follows each new rate on screen."""

from __future__ import annotations

import numpy as np
from test_pacer_partial_repaint import rgb

from biofeedback.app.live_session import LiveSession
from biofeedback.core.breathing.pacer import Pacer
from biofeedback.ui.pacer_widget import PacerWidget
from biofeedback.ui.resonance_wizard import ResonanceWizard
from biofeedback.ui.theme import DARK


def test_the_intro_states_the_total_time_from_the_boxes(qtbot):
    live = LiveSession()
    wizard = ResonanceWizard(live=live)
    qtbot.addWidget(wizard)
    n = len(wizard.plan.rates_bpm)
    wizard.block_spin.setValue(120.0)
    wizard.rest_spin.setValue(30.0)
    total_s = n * 120 + (n - 1) * 30
    assert wizard.total_label.text() == (f"It takes about {round(total_s / 60)} min in all: {n} rates of 2:00 each, "
                                         "with a 0:30 rest between rates.")
    assert wizard.start_button.text() == f"Start ({total_s // 60}:{total_s % 60:02d})"
    wizard.rest_spin.setValue(0.0)
    assert wizard.total_label.text() == f"It takes about {2 * n} min in all: {n} rates of 2:00 each."
    live.shutdown()


def test_the_pacer_label_on_screen_follows_a_rate_change(qtbot):
    pacer = Pacer(6.5, 0.5, t0_s=0.0)
    widget = PacerWidget(pacer)
    widget.set_theme(DARK)
    qtbot.addWidget(widget)
    widget.resize(460, 560)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_time(1.0)
    qtbot.wait(20)
    pacer.configure(1.0, rate_bpm=5.5)  # the wizard's next block
    widget.set_time(1.01)
    qtbot.wait(50)
    box = widget.caption_rect().toAlignedRect()
    shown = rgb(widget.screen().grabWindow(widget.winId()).toImage())[box.top():box.bottom(), box.left():box.right()]
    full = rgb(widget.grab().toImage())[box.top():box.bottom(), box.left():box.right()]
    assert np.array_equal(shown, full)  # "5.5 breaths/min" on screen, not the 6.5 drawn before
