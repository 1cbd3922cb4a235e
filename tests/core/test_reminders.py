"""Reminder rules: once per set time, snooze once, not today, off, late reminders dropped; the forgiving streak."""

from datetime import date, datetime, time, timedelta

import pytest

from biofeedback.core.practice.reminders import (
    LATE_GRACE,
    ReminderSchedule,
    forgiving_streak,
    parse_times,
)

DAY = date(2026, 12, 7)


def at(hh: int, mm: int = 0, day: date = DAY) -> datetime:
    return datetime.combine(day, time(hh, mm))


def test_times_parse_sorted_and_bad_ones_are_named():
    assert parse_times(" 18:00, 08:30;08:30 ") == (time(8, 30), time(18, 0))
    assert parse_times("") == ()
    with pytest.raises(ValueError, match="'8h30' is not a time of day"):
        parse_times("08:00, 8h30")
    with pytest.raises(ValueError, match="at most 6"):
        parse_times(",".join(f"{h:02d}:00" for h in range(7)))


def test_each_time_reminds_once_and_a_late_one_is_dropped():
    s = ReminderSchedule(times=(time(8, 30), time(18, 0)))
    assert s.poll(at(8, 29)) is None
    assert s.poll(at(8, 30)).at == at(8, 30)
    assert s.poll(at(8, 31)) is None  # shown once
    # the machine slept through 18:00 and woke after the grace: nothing announced late
    assert s.poll(at(18) + LATE_GRACE + timedelta(minutes=1)) is None
    assert s.next_time(at(20)) == at(8, 30, DAY + timedelta(days=1))
    assert s.poll(at(8, 30, DAY + timedelta(days=1))) is not None  # tomorrow as set


def test_snooze_asks_again_once_and_not_today_silences_the_rest():
    s = ReminderSchedule(times=(time(8, 30), time(12, 0), time(18, 0)), snooze_min=10)
    assert s.poll(at(8, 30)) is not None
    assert s.snooze(at(8, 31)) == at(8, 41)
    assert s.poll(at(8, 40)) is None
    again = s.poll(at(8, 41))
    assert again is not None and again.snoozed
    assert s.poll(at(8, 50)) is None
    s.not_today(at(9))
    assert s.poll(at(12)) is None and s.poll(at(18)) is None
    assert s.next_time(at(9)) == at(8, 30, DAY + timedelta(days=1))


def test_off_never_fires_and_a_done_dose_stays_silent():
    s = ReminderSchedule(times=(time(8, 30),), enabled=False)
    assert not s.due(at(8, 30)) and s.poll(at(8, 30)) is None and s.next_time(at(8)) is None
    s = ReminderSchedule(times=(time(8, 30), time(18, 0)))
    assert s.poll(at(8, 30), dose_complete=True) is None
    assert s.poll(at(18), dose_complete=False) is not None


def test_missed_times_give_one_reminder():
    s = ReminderSchedule(times=(time(8, 0), time(8, 30)))
    r = s.poll(at(8, 45))
    assert r is not None and r.at == at(8, 30)
    assert s.poll(at(8, 46)) is None


def test_streak_forgives_one_missed_day_not_two():
    d = [DAY - timedelta(days=k) for k in (0, 1, 3, 4)]  # yesterday-but-one missed
    s = forgiving_streak(d, DAY)
    assert (s.days, s.forgiven, s.practised_today) == (4, 1, True)
    assert "a missed day forgiven" in s.describe()
    d2 = [DAY - timedelta(days=k) for k in (0, 1, 4, 5)]  # two missed days in a row end it
    assert forgiving_streak(d2, DAY).days == 2
    # today is still open: a streak up to yesterday runs, and so (forgiven) one up to the day before
    assert forgiving_streak([DAY - timedelta(days=1)], DAY).days == 1
    assert forgiving_streak([DAY - timedelta(days=2)], DAY).forgiven == 1
    assert forgiving_streak([DAY - timedelta(days=3)], DAY).days == 0
    assert forgiving_streak([], DAY).describe().startswith("No streak yet")
