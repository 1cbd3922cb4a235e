"""Practice reminders on the settings and a clock: what to say, and when (no Qt, no store).

The window polls ``PracticeReminders.poll`` on a timer and shows what it
returns (ui/reminders.py); tests pass a ``ManualClock`` holding epoch seconds
and move it through a virtual day. What was practised comes from a callable
(``practice``) so the store is read only when a reminder is due.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from biofeedback.app.settings import Settings, practice_plan
from biofeedback.core.practice.plan import Dose, next_step, todays_dose
from biofeedback.core.practice.reminders import (
    ForgivingStreak,
    ReminderSchedule,
    forgiving_streak,
    parse_times,
)
from biofeedback.io.clock import Clock


@dataclass(frozen=True)
class PracticeToday:
    """What a reminder needs to know: today's dose, the days practised, and the plan's next step."""

    dose: Dose
    days: frozenset[date]
    next_step: str


@dataclass(frozen=True)
class ReminderNote:
    """A reminder to show: a title and one or two sentences."""

    at: datetime
    title: str
    text: str
    snoozed: bool


def practice_today(sessions: Iterable, assessments: Iterable, settings: Settings, today: date) -> PracticeToday:
    """From stored sessions (``SessionInfo``-shaped) and assessment records: counted practice only."""
    from biofeedback.core.practice import (
        progress as pr,  # SciPy behind it: not before the window shows
    )

    plan = practice_plan(settings)
    practised = pr.from_stored(sessions, settings.progress_min_session_minutes)
    assessments = list(assessments)
    dose = pr.dose_on(today, plan, practised, assessments)
    days = {s.started.date() for s in practised if s.kind == pr.PRACTICE}
    days |= {a.started.date() for a in assessments}
    last_assessment = max((a.started.date() for a in assessments), default=None)
    return PracticeToday(dose, frozenset(days), next_step(plan, today, dose, last_assessment, last_review=today))


def no_practice(settings: Settings) -> Callable[[date], PracticeToday]:
    """Before the store is attached: nothing practised yet as far as reminders know."""
    def today(day: date) -> PracticeToday:
        plan = practice_plan(settings)
        dose = todays_dose(plan, 0.0, 0)
        return PracticeToday(dose, frozenset(), next_step(plan, day, dose, None, last_review=day))
    return today


class PracticeReminders:
    """Reminders as the settings ask, on ``clock`` (epoch seconds: ``time.time`` in the app)."""

    def __init__(self, settings: Settings, clock: Clock = time.time,
                 practice: Callable[[date], PracticeToday] | None = None) -> None:
        self.settings = settings
        self.clock = clock
        self.practice = practice or no_practice(settings)
        self.schedule = ReminderSchedule()
        self.reload()

    def now(self) -> datetime:
        """Local time, naive (as the reminder times are written)."""
        return datetime.fromtimestamp(self.clock())

    def reload(self) -> None:
        """Take the settings' times, on/off and snooze length (what was shown today is kept)."""
        try:
            times = parse_times(self.settings.reminder_times)
        except ValueError:  # the settings loader refuses such a value; a caller may have set one
            times = ()
        self.schedule.times = times
        self.schedule.enabled = self.settings.reminders_enabled
        self.schedule.snooze_min = float(self.settings.reminder_snooze_minutes)

    def set_enabled(self, on: bool) -> None:
        self.settings.reminders_enabled = on
        self.reload()

    def set_times(self, text: str) -> None:
        """New times (a bad entry raises ValueError in one sentence and changes nothing)."""
        times = parse_times(text)
        self.settings.reminder_times = ", ".join(t.strftime("%H:%M") for t in times)
        self.reload()

    def poll(self) -> ReminderNote | None:
        """The reminder due now, once; None when nothing is (or today's dose is done)."""
        now = self.now()
        if not self.schedule.due(now):  # nothing has come due: the store is not read
            return None
        today = self.practice(now.date())
        reminder = self.schedule.poll(now, dose_complete=today.dose.complete)
        if reminder is None:
            return None
        streak = forgiving_streak(today.days, now.date())
        return ReminderNote(reminder.at, "Time to practise", self._text(today, streak), reminder.snoozed)

    def snooze(self) -> datetime:
        return self.schedule.snooze(self.now())

    def not_today(self) -> None:
        self.schedule.not_today(self.now())

    def next_time(self) -> datetime | None:
        return self.schedule.next_time(self.now())

    def streak(self) -> ForgivingStreak:
        now = self.now()
        return forgiving_streak(self.practice(now.date()).days, now.date())

    @staticmethod
    def _text(today: PracticeToday, streak: ForgivingStreak) -> str:
        return f"{today.next_step} {streak.describe()}."
