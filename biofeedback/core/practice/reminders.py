"""Practice reminders: when one is due, snooze, a day off, and a streak that forgives a missed day.

Pure: the caller gives the local time (``now``) and what was practised; nothing
here reads a clock. The rules keep reminders from nagging:

- each chosen time reminds at most once a day, and only within ``LATE_GRACE``
  of it (a laptop woken at noon does not announce the 08:00 reminder);
- when several times were missed at once, one reminder stands for them all;
- once today's dose is done, the day's remaining times stay silent;
- "snooze" asks again once, ``snooze_min`` later; "not today" silences the rest
  of the day; reminders switched off never fire.

The streak counts practised days backwards from today (or yesterday, since
today is not over); one missed day between practised days is forgiven, two
missed days in a row end it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

LATE_GRACE = timedelta(minutes=60)  # a reminder this late is still given; later, it is dropped
FORGIVEN_GAP_DAYS = 1  # missed days in a row that do not break the streak
MAX_TIMES = 6  # reminder times a day at most (a reminder every few hours is nagging)


def parse_times(text: str) -> tuple[time, ...]:
    """``"08:00, 18:30"`` as sorted times; "" gives none. A bad entry raises ValueError in one sentence."""
    out: list[time] = []
    for part in (p.strip() for p in text.replace(";", ",").split(",")):
        if not part:
            continue
        hh, sep, mm = part.partition(":")
        if not sep or not hh.isdigit() or not mm.isdigit() or len(mm) != 2 or not 0 <= int(hh) <= 23 \
                or not 0 <= int(mm) <= 59:
            raise ValueError(f"{part!r} is not a time of day: write it as HH:MM, such as 08:00 or 18:30.")
        out.append(time(int(hh), int(mm)))
    unique = sorted(set(out))
    if len(unique) > MAX_TIMES:
        raise ValueError(f"{len(unique)} reminder times: at most {MAX_TIMES} a day.")
    return tuple(unique)


def format_times(times: Iterable[time]) -> str:
    return ", ".join(t.strftime("%H:%M") for t in times)


@dataclass(frozen=True)
class Reminder:
    """One reminder to show: the set time it stands for, and whether it comes back from a snooze."""

    at: datetime
    snoozed: bool = False


@dataclass
class ReminderSchedule:
    """Which reminders are due; holds only what was already shown, snoozed or silenced (today's state)."""

    times: tuple[time, ...] = ()
    enabled: bool = True
    snooze_min: float = 10.0
    _done: set[datetime] = field(default_factory=set)  # set times already reminded (or passed in silence)
    _snoozed_until: datetime | None = None
    _silent_day: date | None = None  # "not today"

    def poll(self, now: datetime, dose_complete: bool = False) -> Reminder | None:
        """The reminder to show at ``now`` (None: nothing due). Call it as often as you like: each set time
        reminds once, a snooze once."""
        if not self.enabled:
            return None
        if self._snoozed_until is not None and now >= self._snoozed_until:
            at = self._snoozed_until
            self._snoozed_until = None
            if not dose_complete and self._silent_day != now.date():
                return Reminder(at, snoozed=True)
        passed = [at for at in self._set_times(now.date()) if at <= now and at not in self._done]
        if not passed:
            return None
        self._done.update(passed)  # one reminder for all the times missed at once
        latest = passed[-1]
        if dose_complete or self._silent_day == now.date() or now - latest > LATE_GRACE:
            return None
        return Reminder(latest)

    def due(self, now: datetime) -> bool:
        """Whether ``poll`` has anything to decide at ``now`` (a set time passed unannounced, a snooze ran
        out): the caller can skip reading what was practised otherwise."""
        if not self.enabled:
            return False
        if self._snoozed_until is not None and now >= self._snoozed_until:
            return True
        return any(at <= now and at not in self._done for at in self._set_times(now.date()))

    def snooze(self, now: datetime) -> datetime:
        """Ask again once, ``snooze_min`` from ``now``; returns when."""
        self._snoozed_until = now + timedelta(minutes=self.snooze_min)
        return self._snoozed_until

    def not_today(self, now: datetime) -> None:
        """No more reminders today (tomorrow's come as set)."""
        self._silent_day = now.date()
        self._snoozed_until = None

    def next_time(self, now: datetime) -> datetime | None:
        """When the next reminder would come (a snooze or a set time), None when none will."""
        if not self.enabled:
            return None
        candidates = [self._snoozed_until] if self._snoozed_until is not None else []
        for day in (now.date(), now.date() + timedelta(days=1)):
            if day == self._silent_day:
                continue
            candidates += [at for at in self._set_times(day) if at > now and at not in self._done]
        return min(candidates, default=None)

    def _set_times(self, day: date) -> list[datetime]:
        return [datetime.combine(day, t) for t in self.times]  # naive local times, as ``now`` is


@dataclass(frozen=True)
class ForgivingStreak:
    """Days practised in the current run, and how many missed days inside it were forgiven."""

    days: int
    forgiven: int
    practised_today: bool

    def describe(self) -> str:
        if self.days == 0:
            return "No streak yet: today can be day 1"
        text = f"{self.days} day{'s' if self.days != 1 else ''} of practice"
        if self.forgiven:
            text += f" (a missed day forgiven{f' {self.forgiven} times' if self.forgiven > 1 else ''})"
        return text + ("" if self.practised_today else "; today is still open")


def forgiving_streak(practised: Iterable[date], today: date, gap_days: int = FORGIVEN_GAP_DAYS) -> ForgivingStreak:
    """The current run of practised days up to ``today``: a gap of at most ``gap_days`` missed days between
    two practised days is forgiven; a longer gap (counting the days since the last practice) ends it."""
    days = sorted({d for d in practised if d <= today}, reverse=True)
    if not days:
        return ForgivingStreak(0, 0, False)
    practised_today = days[0] == today
    # today is not over: a run that ended yesterday (or, forgiven, the day before) still runs
    if (today - days[0]).days - 1 > gap_days:
        return ForgivingStreak(0, 0, False)
    count, forgiven = 1, 0
    if (today - days[0]).days - 1 > 0:
        forgiven += 1
    for newer, older in zip(days[:-1], days[1:], strict=True):
        missed = (newer - older).days - 1
        if missed > gap_days:
            break
        forgiven += 1 if missed else 0
        count += 1
    return ForgivingStreak(count, forgiven, practised_today)
