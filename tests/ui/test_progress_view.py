"""History's progress view: honest axes (0-10 check-ins, minimum spans, Monday date ticks), legend off the data."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace

import numpy as np
import pyqtgraph as pg

from biofeedback import config
from biofeedback.core.practice.progress import PracticeSession, weekly_minutes
from biofeedback.io.store import CheckIn
from biofeedback.ui.progress_view import ProgressView, WeekAxis, practice_sessions
from biofeedback.ui.theme import DARK

TODAY = date(2026, 11, 27)


def stored(day: date, minutes: float, rmssd: float, pain_before=None, pain_after=None, hour=19):
    """A SessionInfo-shaped record as the store lists it (UTC ISO times)."""
    start = datetime(day.year, day.month, day.day, hour).astimezone().astimezone(timezone.utc)
    end = start + timedelta(minutes=minutes)
    checkins = {}
    if pain_before is not None:
        checkins["before"] = CheckIn("before", stress=5, pain=pain_before, mood=5)
        checkins["after"] = CheckIn("after", stress=3, pain=pain_after, mood=6)
    return SimpleNamespace(started_at=start.isoformat(), ended_at=end.isoformat(), duration_s=minutes * 60.0,
                           summary={"rmssd_ms": rmssd, "coherence_ratio": 1.0 + 0.01 * minutes},
                           checkins=checkins)


def sessions():
    days = [TODAY - timedelta(days=d) for d in (34, 33, 20, 13, 12, 6, 2, 1, 0)]
    return [stored(d, 10 + i, 40.0 + (i % 2), pain_before=6, pain_after=4 + (i % 2)) for i, d in enumerate(days)]


def make_view(qtbot):
    view = ProgressView(DARK)
    qtbot.addWidget(view)
    view.resize(1280, 420)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_minutes_per_week_bars_match_core_and_the_header_tells_the_streak(qtbot):
    view = make_view(qtbot)
    view.set_sessions(sessions(), today=TODAY)
    expected = weekly_minutes(practice_sessions(sessions()), until=TODAY).minutes
    np.testing.assert_allclose(view.bars.opts["height"], expected)
    assert "3 days in a row" in view.header.text() and "9 sessions" in view.header.text()


def test_checkin_axes_stay_0_to_10_and_pain_is_drawn(qtbot):
    view = make_view(qtbot)
    view.set_sessions(sessions(), today=TODAY)
    for item in ("stress", "pain", "mood"):
        lo, hi = view.plots[item].viewRange()[1]
        assert lo <= 0 and hi >= 10 and hi - lo <= 12.0
    _, pain_after = view.curves["pain_after"].getData()
    assert len(pain_after) == 9 and set(pain_after) == {4.0, 5.0}


def test_rmssd_axis_spans_at_least_20_ms_so_noise_does_not_look_like_decline(qtbot):
    view = make_view(qtbot)
    view.set_sessions(sessions(), today=TODAY)  # RMSSD 40-41 ms
    lo, hi = view.plots["rmssd"].viewRange()[1]
    assert hi - lo >= config.PLOT_MIN_SPAN_RMSSD_MS and lo <= 40 and hi >= 41
    lo, hi = view.plots["coherence"].viewRange()[1]
    assert hi - lo >= config.PLOT_MIN_SPAN_COHERENCE


def test_date_ticks_fall_on_mondays_and_never_show_times_of_day(qtbot):
    view = make_view(qtbot)
    view.set_sessions(sessions(), today=TODAY)
    axis = view.plots["minutes"].getPlotItem().getAxis("bottom")
    assert isinstance(axis, WeekAxis)
    lo, hi = view.plots["minutes"].viewRange()[0]
    levels = axis.tickValues(lo, hi, axis.width())
    ticks = [t for _, values in levels for t in values]
    assert len(ticks) >= 3
    for t in ticks:
        d = datetime.fromtimestamp(t)
        assert d.weekday() == 0 and (d.hour, d.minute) == (0, 0)
    labels = axis.tickStrings(ticks, 1.0, 0)
    assert not any(":" in label for label in labels)
    assert labels[0] == f"{datetime.fromtimestamp(ticks[0]).day} {datetime.fromtimestamp(ticks[0]):%b}"
    pain_axis = view.plots["pain"].getPlotItem().getAxis("bottom")
    assert pain_axis.labelText == str(datetime.fromtimestamp(ticks[0]).year)  # the year under the axis...
    assert "x1e" not in pain_axis.labelString()  # ...without an SI-prefix scale of unix seconds


def test_a_crowded_axis_ticks_every_few_weeks(qtbot):
    axis = WeekAxis("bottom")
    start = datetime(2026, 1, 5).timestamp()
    ticks = axis.tickValues(start, start + 52 * 7 * 86400.0, 300)[0][1]
    assert len(ticks) <= 300 / 64 + 1


def test_the_legend_sits_outside_the_plots_and_the_newest_point_is_clear_of_the_edge(qtbot):
    view = make_view(qtbot)
    view.set_sessions(sessions(), today=TODAY)
    for plot in view.plots.values():
        assert plot.getPlotItem().legend is None
        assert not [i for i in plot.getPlotItem().items if isinstance(i, pg.LegendItem)]
    assert "before" in view.legend.text() and "after" in view.legend.text()
    x, _ = view.curves["rmssd"].getData()
    lo, hi = view.plots["rmssd"].viewRange()[0]
    assert x.max() < hi - 2 * 86400 and x.min() > lo


def test_one_session_still_shows_four_weeks_not_hours(qtbot):
    view = make_view(qtbot)
    view.set_sessions([stored(TODAY, 12, 35.0)], today=TODAY)
    lo, hi = view.plots["minutes"].viewRange()[0]
    assert hi - lo >= 4 * 7 * 86400
    view.clear()
    assert view.curves["rmssd"].getData()[0] is None or not len(view.curves["rmssd"].getData()[0])
    assert "No sessions" in view.header.text()


def test_practice_sessions_reads_store_shaped_records_in_local_time():
    [p] = practice_sessions([stored(TODAY, 15, 33.0, pain_before=7, pain_after=5, hour=23)])
    assert isinstance(p, PracticeSession)
    assert p.started.date() == TODAY and p.minutes == 15 and p.before["pain"] == 7 and p.after["pain"] == 5


def test_every_plot_shows_the_same_weeks_and_a_title_too_long_for_its_plot_breaks_after_the_name(qtbot):
    view = make_view(qtbot)  # 1280 px: four plots above, about 310 px each
    view.set_sessions(sessions(), today=TODAY)
    qtbot.wait(10)
    ranges = {key: tuple(np.round(plot.viewRange()[0])) for key, plot in view.plots.items()}
    assert len(set(ranges.values())) == 1, ranges  # not lined up on screen: rows differ in width
    title = view.plots["rmssd"].getPlotItem().titleLabel.text
    assert title.startswith("RMSSD per session (ms)<br>trend")  # cut at 1366 px in one line
    assert "<br>" not in view.plots["pain"].getPlotItem().titleLabel.text  # fits: one line
    view.resize(2600, 420)
    qtbot.waitUntil(lambda: "<br>" not in view.plots["rmssd"].getPlotItem().titleLabel.text, timeout=2000)
