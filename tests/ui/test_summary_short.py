"""The end-of-session screen of a session under the minimum length: said short, compared with nothing."""

from __future__ import annotations

from types import SimpleNamespace

from biofeedback.core.summary.session import summarize_stored
from biofeedback.core.types import Beat
from biofeedback.ui.summary_view import SummaryView
from biofeedback.ui.theme import DARK


def test_a_7_second_session_says_it_is_short_instead_of_higher_than_all_earlier_sessions(qtbot):
    wild = [Beat(0.6 * (k + 1), rr) for k, rr in enumerate((600.0, 1400.0, 600.0, 1400.0, 600.0))]
    earlier = [SimpleNamespace(id=k, started_at=f"2026-11-{k:02d}T08:00:00+00:00", duration_s=600.0, pacer_bpm=6.0,
                               source="serial /dev/ttyUSB0", summary={"rmssd_ms": 30.0}, checkins={})
               for k in range(1, 14)]
    this = SimpleNamespace(id=20, started_at="2026-11-20T08:00:00+00:00", duration_s=7.0, pacer_bpm=6.0,
                           source="serial /dev/ttyUSB0", summary={}, checkins={})
    summary = summarize_stored(this, wild, [*earlier, this])
    assert summary.kind == "short" and summary.rmssd.value > 30.0 and summary.rmssd.n_previous == 0
    view = SummaryView(DARK)
    qtbot.addWidget(view)
    view.show_summary(summary)
    assert view.rmssd.context.text() == "not compared: a short session"
    assert view.swing.context.text() == "not compared: a short session"
    assert view.reading.text() == ("A short session (7 s, under the 1.5-minute minimum in the settings): it is kept in "
                                   "your history, but not compared with your other sessions nor counted in your "
                                   "weekly progress.")
    # the same session over the minimum (a user who set 0.1 min) is set against the 13 earlier ones
    counted = summarize_stored(this, wild, [*earlier, this], min_minutes=0.1)
    view.show_summary(counted)
    assert counted.kind == "practice" and view.rmssd.context.text().startswith("higher than in all 13 of your")
