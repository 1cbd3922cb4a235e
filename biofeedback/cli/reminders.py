"""``biofeedback reminders``: show the practice reminders and the streak, or turn them on or off.

The reminders themselves come from the app while it is open (ui/reminders.py);
this reads and writes the same settings keys (``reminders_enabled``,
``reminder_times``, ``reminder_snooze_minutes``), keeping every other setting,
written atomically.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime


def _local_time(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date and time such as 2026-12-07T08:00") from None


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "reminders", help="show the practice reminders and the streak, or turn them on or off",
        description="Reminders come at the times chosen while the app is open: a desktop notification from the "
        "system tray, or the window's status line where there is none. None comes once the day's dose is done.")
    p.add_argument("state", nargs="?", choices=("on", "off"), help="turn reminders on or off (omit to show them)")
    p.add_argument("--times", default=None, metavar="HH:MM,...", help='times of day, e.g. "08:30, 18:00"')
    p.add_argument("--snooze", type=int, default=None, metavar="MIN", help="minutes a snooze lasts")
    p.add_argument("--now", type=_local_time, default=None, metavar="YYYY-MM-DDTHH:MM",
                   help="the local time to count from (default: now)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from biofeedback.app.settings import LIMITS, load_settings, save_settings, settings_path
    from biofeedback.core.practice.reminders import parse_times

    settings, notice = load_settings()
    if notice:
        print(f"biofeedback reminders: {notice}", file=sys.stderr)
    changes: dict = {}
    if args.times is not None:
        try:
            changes["reminder_times"] = ", ".join(t.strftime("%H:%M") for t in parse_times(args.times))
        except ValueError as error:
            print(f"biofeedback reminders: {error} Nothing was changed.", file=sys.stderr)
            return 2
    if args.snooze is not None:
        lo, hi = LIMITS["reminder_snooze_minutes"]
        if not lo <= args.snooze <= hi:
            print(f"biofeedback reminders: --snooze {args.snooze}: give {lo:g} to {hi:g} minutes. "
                  "Nothing was changed.", file=sys.stderr)
            return 2
        changes["reminder_snooze_minutes"] = args.snooze
    if args.state is not None:
        changes["reminders_enabled"] = args.state == "on"
    if changes:
        settings = replace(settings, **changes)
        try:
            save_settings(settings)
        except OSError as error:
            print(f"biofeedback reminders: cannot write {settings_path()}: {error}; nothing was changed.",
                  file=sys.stderr)
            return 2
    print(describe(settings, args.now or datetime.now()))
    return 0


def describe(settings, now: datetime) -> str:
    """Reminders on/off, times, the next one; the streak from the session store (when it can be read)."""
    from biofeedback.app.reminders import PracticeReminders, practice_today
    from biofeedback.io.store import SessionStore, StoreError

    def practice(day):
        from biofeedback.core.practice.progress import assessment_from_stored
        from biofeedback.io.assessment_file import ASSESSMENT_KIND

        with SessionStore(recover=False) as store:
            sessions = store.list_sessions()
            assessments = [assessment_from_stored(a) for a in store.assessments(kind=ASSESSMENT_KIND)]
        return practice_today(sessions, assessments, settings, day)

    reminders = PracticeReminders(settings, clock=now.timestamp, practice=practice)
    if settings.reminders_enabled and reminders.schedule.times:
        at = reminders.next_time()
        day = "" if at is None else "today" if at.date() == now.date() else "tomorrow"
        head = (f"Reminders on at {settings.reminder_times} (snooze {settings.reminder_snooze_minutes} min); "
                f"next {day} {at:%H:%M}" if at else "Reminders on")
        head += ", while the app is open."
    else:
        head = f"Reminders off (times set: {settings.reminder_times or 'none'})."
    try:
        streak = reminders.streak().describe()
    except (StoreError, OSError) as error:
        streak = f"Streak unknown: the session store could not be read ({error})"
    return f"{head}\nStreak: {streak}."
