"""The guide's trace under the tachogram: a late tick fills in the curve it missed, never a straight line."""

from __future__ import annotations

import numpy as np

from biofeedback.app.live_session import TICK_S
from biofeedback.io.clock import ManualClock


def _trace(live) -> np.ndarray:
    return live.model.pacer.view()


def test_a_tick_three_seconds_late_fills_the_guide_it_missed(make_live):
    clock = ManualClock(100.0)
    live = make_live(clock=clock)
    live._timer.stop()  # the test ticks itself
    live.tick()
    clock.advance(3.0)  # the event loop held up for 3 s (a dialog opening, a busy moment)
    live.tick()
    trace = _trace(live)
    assert trace.shape[0] == 31  # every TICK_S, not two points with a line between them
    assert np.allclose(np.diff(trace[:, 0]), TICK_S)
    assert np.allclose(trace[:, 1], live.pacer.values(trace[:, 0]))
    assert np.ptp(trace[:, 1]) > 0.5  # the guide rose and fell in those 3 s (5.5 /min: half a breath)


def test_a_pacer_changed_during_the_wait_is_not_drawn_back_over_it(make_live):
    clock = ManualClock(100.0)
    live = make_live(clock=clock)
    live._timer.stop()
    live.tick()
    clock.advance(1.5)
    live.set_pacer(rate_bpm=4.5)  # its formula now is not what the guide was before the change
    clock.advance(1.5)
    live.tick()
    assert _trace(live).shape[0] == 2
