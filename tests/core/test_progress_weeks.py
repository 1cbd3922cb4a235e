"""Weekly figures: minutes against the plan, the check-ins before sessions (the baseline), their change within
sessions and the HRV medians; sessions that are not practice are counted as left out, never in a figure."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from biofeedback.core.practice.plan import preset
from biofeedback.core.practice.progress import (
    AssessmentRecord,
    PracticeSession,
    progress,
    weekly_figures,
)
from biofeedback.core.practice.session_kind import session_kind

MON = date(2026, 11, 2)


def session(day: int, minutes: float = 10.0, pain: int | None = 6, rmssd: float = 30.0, kind: str = "practice",
            swing: float = 8.0) -> PracticeSession:
    return PracticeSession(datetime(2026, 11, 2, 8) + timedelta(days=day), minutes, rmssd_ms=rmssd,
                           coherence_ratio=2.0, hr_swing_bpm=swing, before={"pain": pain},
                           after={"pain": None if pain is None else pain - 2}, kind=kind)


def test_the_kind_of_a_session_comes_from_its_length_pacer_and_source():
    assert session_kind(7.0, 6.0, "/dev/ttyUSB0") == "short"
    assert session_kind(600.0, 6.0, "/dev/ttyUSB0") == "practice"
    assert session_kind(600.0, None, "/dev/ttyUSB0") == "unpaced"
    assert session_kind(600.0, 6.0, "Simulated sensor (native)") == "simulated"
    assert session_kind(600.0, 6.0, "Replay of session 3 at 2×") == "replay"
    assert session_kind(600.0, source="Bluetooth strap (first found)") == "practice"  # pacer not known: counted
    assert session_kind(100.0, 6.0, "", min_minutes=2.0) == "short"  # the user's minimum
    assert session_kind(None, 6.0) == "short"


def test_adherence_per_week_against_a_plan_of_5_days_of_10_minutes():
    plan = preset("custom", start=MON, sessions_per_day=1, minutes_per_session=10, days_per_week=5, weeks=3)
    sessions = [session(d) for d in (0, 1, 2, 3, 4)] + [session(d) for d in (7, 9)]  # week 3: nothing
    weeks = weekly_figures(sessions, plan, until=date(2026, 11, 22),
                           assessments=[AssessmentRecord(datetime(2026, 11, 2, 7), 12.0, 5.5)])
    assert [w.monday for w in weeks] == [MON, date(2026, 11, 9), date(2026, 11, 16)]
    assert [w.minutes for w in weeks] == [62.0, 20.0, 0.0]  # the assessment's 12 min count as practice
    assert [w.assessment_minutes for w in weeks] == [12.0, 0.0, 0.0]
    assert [w.target_minutes for w in weeks] == [50.0, 50.0, 50.0]
    assert [w.adherence for w in weeks] == pytest.approx([1.24, 0.4, 0.0])
    assert [w.plan_week for w in weeks] == [1, 2, 3] and [w.days_practised for w in weeks] == [5, 2, 0]


def test_the_pain_before_sessions_falls_week_by_week_and_its_change_within_sessions_is_kept_apart():
    plan = preset("short-daily", start=MON)
    sessions = [session(7 * week + d, pain=7 - week) for week in range(4) for d in (0, 2, 4)]
    weeks = weekly_figures(sessions, plan, until=date(2026, 11, 29))
    assert [w.before["pain"] for w in weeks] == [7.0, 6.0, 5.0, 4.0]
    assert [w.change["pain"] for w in weeks] == [-2.0] * 4 and [w.n_before["pain"] for w in weeks] == [3] * 4
    assert weeks[0].before["stress"] is None and weeks[0].n_before["stress"] == 0
    trend = progress(sessions, date(2026, 11, 29)).checkins["pain"]
    assert trend.before.slope_per_week == pytest.approx(-1.0, abs=0.15)
    assert trend.change.slope_per_week == pytest.approx(0.0)


def test_short_unpaced_and_test_sessions_are_counted_as_left_out_and_move_no_figure():
    plan = preset("short-daily", start=MON)
    practice = [session(d, rmssd=30.0 + d) for d in range(5)]
    odd = [session(1, minutes=0.12, pain=10, rmssd=900.0, swing=40.0, kind="short"),
           session(2, pain=0, rmssd=500.0, kind="simulated"), session(3, rmssd=400.0, kind="unpaced"),
           session(4, rmssd=300.0, kind="replay")]
    alone = weekly_figures(practice, plan, until=date(2026, 11, 8))[0]
    mixed = weekly_figures(practice + odd, plan, until=date(2026, 11, 8))[0]
    assert mixed.left_out == {"short": 1, "simulated": 1, "unpaced": 1, "replay": 1}
    for name in ("minutes", "sessions", "days_practised", "before", "change", "rmssd_ms", "hr_swing_bpm",
                 "coherence_ratio", "target_minutes"):
        assert getattr(mixed, name) == getattr(alone, name), name
    p = progress(practice + odd, date(2026, 11, 8))
    assert p.n_sessions == 5 and p.n_left_out == 4 and p.metrics["rmssd_ms"].values.max() == 34.0


def test_todays_dose_counts_todays_practice_and_assessments_only():
    from biofeedback.core.practice.progress import dose_on

    plan = preset("lehrer", start=MON)
    sessions = [session(1), session(1, minutes=12.0), session(1, minutes=0.1, kind="short"), session(0)]
    dose = dose_on(date(2026, 11, 3), plan, sessions, [AssessmentRecord(datetime(2026, 11, 3, 7), 10.0, 5.5)])
    assert (dose.done_minutes, dose.sessions_done, dose.left_minutes, dose.complete) == (32.0, 2, 8.0, False)
    assert dose_on(date(2026, 11, 4), plan, sessions).done_minutes == 0.0
