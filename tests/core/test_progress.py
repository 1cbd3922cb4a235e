"""Progress over weeks: ISO weeks (calendar facts), streaks, and trends with a known slope."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import numpy as np
import pytest
from scipy import stats

from biofeedback.core.practice.progress import (
    PracticeSession,
    progress,
    streak,
    trend,
    weekly_minutes,
)
from biofeedback.core.practice.reminders import forgiving_streak


def at(day: str, hour: int = 8) -> datetime:
    return datetime.fromisoformat(day) + timedelta(hours=hour)


def test_minutes_are_summed_per_iso_week_and_empty_weeks_show_zero():
    sessions = [PracticeSession(at("2026-11-30"), 10), PracticeSession(at("2026-12-06", 22), 15),
                PracticeSession(at("2026-12-14"), 20)]
    w = weekly_minutes(sessions)
    assert w.monday == (date(2026, 11, 30), date(2026, 12, 7), date(2026, 12, 14))
    assert w.iso_week == ((2026, 49), (2026, 50), (2026, 51))
    np.testing.assert_allclose(w.minutes, [25, 0, 20])


def test_iso_week_53_spans_the_new_year():
    # 1 Jan 2026 is a Thursday, so 2026 has 53 ISO weeks and 2 Jan 2027 still belongs to 2026-W53
    sessions = [PracticeSession(at("2026-12-31"), 5), PracticeSession(at("2027-01-02"), 7),
                PracticeSession(at("2027-01-04"), 9)]
    w = weekly_minutes(sessions)
    assert w.iso_week == ((2026, 53), (2027, 1))
    np.testing.assert_allclose(w.minutes, [12, 9])


def test_weeks_run_up_to_today_so_a_lapse_is_visible():
    w = weekly_minutes([PracticeSession(at("2026-11-02"), 10)], until=date(2026, 11, 20))
    np.testing.assert_allclose(w.minutes, [10, 0, 0])


def test_streak_forgives_one_missed_day_as_the_reminders_count_it():
    days = [date(2026, 11, d) for d in (2, 3, 4, 6, 7, 7)]  # Mon-Wed, Thu missed, then Fri-Sat (twice on Sat)
    on_saturday = streak(days, date(2026, 11, 7))
    assert (on_saturday.current_days, on_saturday.forgiven, on_saturday.longest_days) == (5, 1, 5)
    assert streak(days, date(2026, 11, 8)).current_days == 5  # nothing yet today: still alive
    assert streak(days, date(2026, 11, 9)).forgiven == 2  # Sunday missed too, Monday still open
    lapsed = streak(days, date(2026, 11, 10))  # two missed days in a row end it
    assert lapsed.current_days == 0 and lapsed.longest_days == 5 and lapsed.last_day == date(2026, 11, 7)
    two_runs = streak([date(2026, 11, d) for d in (2, 3, 4, 7, 8)], date(2026, 11, 8))  # Thu and Fri missed
    assert (two_runs.current_days, two_runs.forgiven, two_runs.longest_days) == (2, 0, 3)
    assert streak([], date(2026, 11, 9)).current_days == 0
    for today in (date(2026, 11, d) for d in range(2, 12)):  # the same run as the reminders' streak, each day
        same = forgiving_streak(days, today)
        assert (streak(days, today).current_days, streak(days, today).forgiven) == (same.days, same.forgiven)


def test_trend_slope_per_week_is_theil_sen_and_ignores_one_odd_session():
    t0 = datetime(2026, 10, 5).timestamp()
    t = t0 + 86400.0 * np.arange(0, 28, 2)  # every other day for four weeks
    values = 30.0 + 2.0 * (t - t0) / (7 * 86400.0)  # +2 ms per week
    values[5] = 300.0  # one session with a broken sensor
    tr = trend(t, values)
    assert tr.slope_per_week == pytest.approx(2.0)
    assert tr.slope_per_week == pytest.approx(stats.theilslopes(values, t / (7 * 86400.0)).slope)


def test_trend_needs_enough_sessions_over_enough_days():
    t0 = datetime(2026, 10, 5).timestamp()
    assert trend(t0 + 86400.0 * np.arange(3), [1, 2, 3]).slope_per_week is None  # too few
    assert trend(t0 + 3600.0 * np.arange(6), [1, 2, 3, 4, 5, 6]).slope_per_week is None  # one day
    missing = trend([t0, t0 + 1, t0 + 2], [None, 4.0, float("nan")])
    np.testing.assert_array_equal(missing.values, [4.0])


def test_progress_keeps_every_checkin_item_pain_included():
    sessions = [
        PracticeSession(at("2026-11-02"), 10, rmssd_ms=30, before={"stress": 6, "pain": 7, "mood": 4},
                        after={"stress": 4, "pain": 5, "mood": 6}),
        PracticeSession(at("2026-11-03"), 12, rmssd_ms=32, before={"pain": 6}, after={"pain": 6, "mood": 7}),
        PracticeSession(at("2026-11-05"), 8, rmssd_ms=None),
    ]
    p = progress(sessions, today=date(2026, 11, 5))
    assert p.n_sessions == 3 and p.total_minutes == 30
    np.testing.assert_array_equal(p.checkins["pain"].before.values, [7, 6])
    np.testing.assert_array_equal(p.checkins["pain"].change.values, [-2, 0])
    np.testing.assert_array_equal(p.checkins["mood"].after.values, [6, 7])
    np.testing.assert_array_equal(p.checkins["mood"].change.values, [2])
    np.testing.assert_array_equal(p.metrics["rmssd_ms"].values, [30, 32])
    assert (p.streak.current_days, p.streak.forgiven, p.streak.longest_days) == (3, 1, 3)  # 4 Nov forgiven
