"""Reminders on the settings and a virtual clock: they fire at the set time, snooze, go off, and read the
practice from a real session store (the 4-week store: its streak forgives one missed day, not a weekend)."""

from datetime import date, datetime, timedelta

import progress_store
import pytest

from biofeedback.app.reminders import PracticeReminders, practice_today
from biofeedback.app.settings import Settings
from biofeedback.io.clock import ManualClock
from biofeedback.io.store import STORE_FILENAME, SessionStore

FRIDAY = progress_store.PLAN_START + timedelta(days=11)  # week 2: practised Mon 9, Wed 11, Fri 13


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    directory = tmp_path_factory.mktemp("weeks")
    progress_store.build(directory)
    return directory / STORE_FILENAME


def settings(**kw) -> Settings:
    s = Settings(**{k: v for k, v in progress_store.PLAN_SETTINGS.items()})
    s.reminders_enabled, s.reminder_times = True, "08:30, 18:00"
    for k, v in kw.items():
        setattr(s, k, v)
    return s


def epoch(day: date, hh: int, mm: int = 0, ss: int = 0) -> float:
    return datetime(day.year, day.month, day.day, hh, mm, ss).timestamp()


def from_store(store_path, s: Settings):
    def practice(day: date):
        with SessionStore(store_path) as store:
            from biofeedback.core.practice.progress import assessment_from_stored
            from biofeedback.io.assessment_file import ASSESSMENT_KIND

            sessions = store.list_sessions()
            assessments = [assessment_from_stored(a) for a in store.assessments(kind=ASSESSMENT_KIND)]
        sessions = [x for x in sessions if datetime.fromisoformat(x.started_at).astimezone().date() <= day]
        assessments = [a for a in assessments if a.started.date() <= day]
        return practice_today(sessions, assessments, s, day)
    return practice


def run_until(clock: ManualClock, reminders: PracticeReminders, t_s: float, step_s: float = 20.0) -> list:
    """Poll as the window's timer does (every 20 s of virtual time) until ``t_s``; the notes shown."""
    shown = []
    while clock() < t_s:
        clock.advance(min(step_s, t_s - clock()))
        note = reminders.poll()
        if note is not None:
            shown.append((clock(), note))
    return shown


def test_reminders_fire_at_the_set_times_in_virtual_time(store_path):
    s = settings()
    day = FRIDAY - timedelta(days=1)  # Thursday 12 Nov: nothing practised that day
    clock = ManualClock(epoch(day, 6))
    reminders = PracticeReminders(s, clock, from_store(store_path, s))
    shown = run_until(clock, reminders, epoch(day, 23))
    assert [t for t, _ in shown] == [epoch(day, 8, 30), epoch(day, 18)]
    note = shown[0][1]
    assert note.title == "Time to practise"
    assert "Session 1 of 1 today: 10 min" in note.text
    # Mon 9 and Wed 11 practised, Tue 10 missed and forgiven; the weekend before (2 days) ended the run
    assert "2 days of practice (a missed day forgiven); today is still open" in note.text


def test_snooze_then_off(store_path):
    s = settings(reminder_snooze_minutes=15)
    day = FRIDAY - timedelta(days=1)
    clock = ManualClock(epoch(day, 8))
    reminders = PracticeReminders(s, clock, from_store(store_path, s))
    first = run_until(clock, reminders, epoch(day, 8, 31))
    assert len(first) == 1
    until = reminders.snooze()  # pressed at 08:31: asked again at 08:46, once
    assert until == datetime.fromtimestamp(epoch(day, 8, 46)) == reminders.next_time()
    again = run_until(clock, reminders, epoch(day, 12))
    assert [t for t, _ in again] == [epoch(day, 8, 46)] and again[0][1].snoozed
    reminders.set_enabled(False)
    assert run_until(clock, reminders, epoch(day + timedelta(days=1), 23), step_s=60.0) == []
    assert s.reminders_enabled is False and reminders.next_time() is None


def test_a_day_whose_dose_is_done_stays_silent(store_path):
    s = settings()
    clock = ManualClock(epoch(FRIDAY, 7))
    practice = from_store(store_path, s)
    assert practice(FRIDAY).dose.complete  # Friday's 10 min session at 08:00 (the store's time)
    reminders = PracticeReminders(s, clock, practice)
    assert run_until(clock, reminders, epoch(FRIDAY, 23)) == []
    assert reminders.streak().days == 3 and reminders.streak().forgiven == 2


def test_times_changed_by_the_user_and_a_bad_time_refused():
    s = Settings(reminders_enabled=True)
    clock = ManualClock(epoch(date(2026, 12, 7), 6))
    reminders = PracticeReminders(s, clock)
    reminders.set_times("7:05")
    assert s.reminder_times == "07:05"
    with pytest.raises(ValueError, match="not a time of day"):
        reminders.set_times("25:00")
    assert s.reminder_times == "07:05"
    shown = run_until(clock, reminders, epoch(date(2026, 12, 7), 9))
    assert [t for t, _ in shown] == [epoch(date(2026, 12, 7), 7, 5)]
    assert "Choose a plan" in shown[0][1].text  # no plan, no store: still a clear sentence


def test_the_settings_file_refuses_a_bad_time_and_keeps_the_rest():
    s, problems = Settings.checked({"reminders_enabled": True, "reminder_times": "8h, 18:00",
                                    "reminder_snooze_minutes": 0})
    assert s.reminders_enabled is True and s.reminder_times == Settings().reminder_times
    assert any(p.startswith('reminder_times "8h, 18:00" (allowed times of day as HH:MM') for p in problems)
    assert any(p.startswith("reminder_snooze_minutes 0 (allowed 1 to 120)") for p in problems)
