"""History's progress view against a plan: each week's target drawn across its bar, this week's share in the
header, sessions that do not count left out of every plot and said, and marked in History's table."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from types import SimpleNamespace

import numpy as np

from biofeedback.core.practice.plan import preset
from biofeedback.core.practice.progress import AssessmentRecord
from biofeedback.ui.progress_view import ProgressView
from biofeedback.ui.theme import DARK

START = date(2026, 11, 2)  # a Monday


def stored(day: date, minutes: float, rmssd: float, source: str = "serial /dev/ttyUSB0", pacer=6.0):
    start = datetime(day.year, day.month, day.day, 8).astimezone().astimezone(timezone.utc)
    return SimpleNamespace(id=day.toordinal(), started_at=start.isoformat(),
                           ended_at=(start + timedelta(minutes=minutes)).isoformat(), duration_s=minutes * 60.0,
                           pacer_bpm=pacer, source=source, summary={"rmssd_ms": rmssd, "coherence_ratio": 1.0},
                           checkins={})


def test_weeks_are_drawn_against_the_plan_and_left_out_sessions_are_not_drawn(qtbot):
    plan = preset("custom", start=START, sessions_per_day=1, minutes_per_session=10, days_per_week=5, weeks=4)
    sessions = [stored(START + timedelta(days=d), 10, 30.0) for d in (0, 1, 2, 3, 4, 7, 9, 21, 22)]
    sessions += [stored(START + timedelta(days=8), 0.1, 900.0), stored(START + timedelta(days=10), 20, 500.0,
                                                                       "Simulated sensor (native)")]
    view = ProgressView(DARK)
    qtbot.addWidget(view)
    view.resize(1280, 420)
    assessment = AssessmentRecord(datetime(2026, 11, 2, 7), 12.0, 5.5)  # its 12 minutes count as practice
    view.set_sessions(sessions, today=START + timedelta(days=24), plan=plan, assessments=[assessment])
    np.testing.assert_allclose(view.bars.opts["height"], [62, 20, 0, 20])
    xs, ys = view.targets.getData()
    np.testing.assert_allclose(ys, [50.0] * 8)  # one line across each of the 4 weeks
    assert view.plots["minutes"].viewRange()[1][1] >= 50.0
    header = view.header.text()
    assert "this week 20 min of 50 planned (40 %)" in header
    assert "1 h 42 min in 9 sessions" in header  # 9 x 10 min and the 12-minute assessment
    assert "2 sessions not counted (under 1.5 min, simulated" in header and "11 sessions" not in header
    assert view.curves["rmssd"].getData()[1].max() == 30.0  # neither 900 nor 500 ms drawn
    view.set_sessions(sessions, today=START + timedelta(days=24))  # no plan: no target
    assert view.targets.getData()[0] is None or len(view.targets.getData()[0]) == 0
    assert "planned" not in view.header.text()


def test_history_marks_each_session_left_out_of_the_four_weeks_and_counts_the_rest(qtbot, tmp_path):
    from progress_store import build

    from biofeedback.io.session_format import HISTORY_COLUMNS
    from biofeedback.io.store import STORE_FILENAME, SessionStore
    from biofeedback.ui.history_view import HistoryView

    left_out = build(tmp_path)
    with SessionStore(tmp_path / STORE_FILENAME) as store:
        view = HistoryView(store)
        qtbot.addWidget(view)
        model, column = view.model, HISTORY_COLUMNS.index("counted")
        counted = {model.sessions[r].id: model.data(model.index(r, column)) for r in range(model.rowCount())}
        assert [counted[left_out[k]] for k in ("short", "unpaced", "simulated", "replay")] == [
            "no: short", "no: no pacer", "no: simulated", "no: replay"]
        assert sorted(v for k, v in counted.items() if k not in left_out.values()) == ["yes"] * 13  # practice
        assert "4 sessions not counted" in view.trends.header.text()


def test_historys_streak_is_the_reminders_one_missed_day_forgiven(qtbot, tmp_path):
    from progress_store import build

    from biofeedback.core.practice.progress import from_stored
    from biofeedback.core.practice.reminders import forgiving_streak
    from biofeedback.io.store import STORE_FILENAME, SessionStore

    build(tmp_path)
    with SessionStore(tmp_path / STORE_FILENAME) as store:
        sessions = store.list_sessions()
    practised = [s.started.date() for s in from_stored(sessions) if s.kind == "practice"]
    view = ProgressView(DARK)
    qtbot.addWidget(view)
    said = {}
    for day in (27, 28, 29, 30):  # Mon-Fri 23-27 Nov practised, then the weekend
        today = date(2026, 11, day)
        view.set_sessions(sessions, today=today)
        said[day] = view.header.text().split("</b>")[0].removeprefix("<b>")
        assert view.progress.streak.current_days == forgiving_streak(practised, today).days
    assert said == {27: "5 days in a row", 28: "5 days in a row",  # Saturday not over: the run is alive
                    29: "5 days of practice (a missed day forgiven)",  # as the reminders say that Sunday
                    30: "no streak running"}  # two missed days end it


def test_the_four_week_store_shows_each_sessions_stored_swing_on_an_honest_axis(qtbot, tmp_path):
    import sqlite3

    from progress_store import WEEK_DAYS, build

    from biofeedback import config
    from biofeedback.core.practice.progress import from_stored
    from biofeedback.io.store import STORE_FILENAME, SessionStore

    build(tmp_path)
    path = tmp_path / STORE_FILENAME
    with SessionStore(path) as store:
        sessions = store.list_sessions()
    practice = {s.id: s.summary["hr_swing_bpm"] for s in sessions if from_stored([s])[0].kind == "practice"}
    assert len(practice) == sum(len(d) for d in WEEK_DAYS.values()) and None not in practice.values()
    view = ProgressView(DARK)
    qtbot.addWidget(view)
    view.resize(1280, 420)
    view.set_sessions(sessions, today=date(2026, 11, 29))
    xs, ys = view.curves["swing"].getData()
    by_start = sorted(practice.items(), key=lambda kv: next(s.started_at for s in sessions if s.id == kv[0]))
    np.testing.assert_array_equal(ys, [v for _, v in by_start])  # each session's stored swing, oldest first
    assert 4.0 < ys[0] < 6.0 and 10.0 < ys[-1] < 13.0  # the beats swing 40 ms in week 1, 100 ms in week 4
    lo, hi = view.plots["swing"].viewRange()[1]
    assert 0.0 <= lo <= ys.min() and hi >= ys.max() and hi - lo >= config.PLOT_MIN_SPAN_HR_SWING_BPM
    title = view.plots["swing"].getPlotItem().titleLabel.text
    assert "HR swing per breath (bpm)" in title and "trend +" in title
    # a session stored before the swing was kept has no swing point (its beats are not read)
    older = by_start[0][0]
    with sqlite3.connect(path) as con:
        con.execute("UPDATE sessions SET summary_json = json_remove(summary_json, '$.hr_swing_bpm') WHERE id = ?",
                    (older,))
    with SessionStore(path) as store:
        view.set_sessions(store.list_sessions(), today=date(2026, 11, 29))
    assert len(view.curves["swing"].getData()[1]) == len(practice) - 1
    assert len(view.curves["rmssd"].getData()[1]) == len(practice)
