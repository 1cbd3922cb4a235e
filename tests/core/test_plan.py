"""The practice plan: presets as published, a week's target in proportion to the days inside the plan,
today's dose and the next step."""

from __future__ import annotations

from datetime import date

import pytest

from biofeedback.core.practice.plan import (
    PracticePlan,
    next_step,
    plan_week,
    preset,
    todays_dose,
    week_target_minutes,
)

MON = date(2026, 11, 2)


def test_the_lehrer_preset_is_an_assessment_then_two_20_minute_sessions_a_day_for_ten_weeks():
    plan = preset("lehrer", start=MON)
    assert (plan.sessions_per_day, plan.minutes_per_session, plan.days_per_week, plan.weeks) == (2, 20.0, 7, 10)
    assert plan.weekly_minutes == 280.0 and plan.end() == date(2027, 1, 11)
    assert plan.describe() == ("Lehrer: resonance assessment, then 2 × 20 min a day, weekly review, 10 weeks "
                               "(from 2026-11-02)")
    assert preset("short-daily").describe() == "Short daily: 3 × 5 min a day, open-ended"
    custom = preset("custom", sessions_per_day=1, minutes_per_session=15, days_per_week=5, weeks=6)
    assert custom.weekly_minutes == 75.0 and "5 days a week" in custom.describe()
    assert not preset("none").active and week_target_minutes(preset("none"), MON) is None
    with pytest.raises(ValueError, match="plan must be one of"):
        PracticePlan("daily")


def test_a_week_asks_its_share_of_days_inside_the_plan():
    plan = preset("lehrer", start=date(2026, 11, 5))  # a Thursday: 4 of the first week's 7 days
    assert week_target_minutes(plan, MON) == pytest.approx(280.0 * 4 / 7)
    assert week_target_minutes(plan, date(2026, 11, 9)) == 280.0
    assert week_target_minutes(plan, date(2026, 10, 26)) == 0.0  # before the start
    assert plan_week(plan, date(2026, 11, 4)) is None and plan_week(plan, date(2026, 11, 5)) == 1
    assert plan_week(plan, date(2026, 11, 12)) == 2 and plan_week(plan, date(2027, 1, 14)) is None
    sunday = preset("lehrer", start=date(2026, 11, 8))  # weeks of the plan follow ISO weeks, as the table does
    assert plan_week(sunday, date(2026, 11, 8)) == 1 and plan_week(sunday, date(2026, 11, 9)) == 2


def test_todays_dose_and_the_next_step_follow_the_plan():
    plan = preset("lehrer", start=MON)
    today = date(2026, 11, 3)
    dose = todays_dose(plan, minutes_today=20.0, sessions_today=1)
    assert (dose.left_minutes, dose.complete) == (20.0, False)
    assert next_step(plan, today, dose, last_assessment=None).startswith("First, the resonance assessment")
    assert next_step(plan, today, dose, last_assessment=MON) == "Session 2 of 2 today: 20 min (20 min left today)."
    done = todays_dose(plan, 41.0, 2)
    assert done.complete and done.left_minutes == 0.0
    assert next_step(plan, today, done, last_assessment=MON) == "Today's practice is done."
    late = date(2026, 12, 3)
    assert "weekly review" in next_step(plan, late, done, last_assessment=MON, last_review=None)
    offered = next_step(plan, late, done, last_assessment=MON, last_review=late)
    assert "A new resonance assessment is offered" in offered and "4 weeks ago" in offered
    assert next_step(preset("none"), today, dose, None).startswith("Choose a plan")
    assert next_step(plan, date(2027, 1, 11), done, MON).startswith("Your plan is complete")
