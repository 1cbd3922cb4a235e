"""``biofeedback plan``: show the practice plan, or choose one (written to the settings file).

Without a choice it prints the plan in force; with one it keeps every other
setting and writes the file atomically. The app reads the same keys.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from biofeedback.cli.arguments import whole_number_from_one
from biofeedback.cli.progress import _iso_date


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "plan", help="show or choose the practice plan (lehrer, short-daily, custom, none)",
        description="lehrer: a resonance assessment, then 2 x 20 min a day, weekly review, 10 weeks; short-daily: "
        "3 x 5 min a day; custom: --sessions, --minutes, --days, --weeks; none: no plan.")
    p.add_argument("kind", nargs="?", choices=("lehrer", "short-daily", "custom", "none"),
                   help="the plan to follow from now on (omit to show the current one)")
    p.add_argument("--start", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                   help="the plan's first day (default: today when a plan is chosen)")
    p.add_argument("--sessions", type=whole_number_from_one("sessions a day"), default=None, metavar="N", help="custom: sessions a day")
    p.add_argument("--minutes", type=whole_number_from_one("minutes"), default=None, metavar="M", help="custom: minutes a session")
    p.add_argument("--days", type=whole_number_from_one("days"), default=None, metavar="D", help="custom: days a week (1-7)")
    p.add_argument("--weeks", type=int, default=None, metavar="W", help="custom: weeks (0 = open-ended)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from biofeedback.app.settings import (
        LIMITS,
        load_settings,
        practice_plan,
        save_settings,
        settings_path,
    )

    settings, notice = load_settings()
    if notice:
        print(f"biofeedback plan: {notice}", file=sys.stderr)
    if args.kind is None:
        if any(v is not None for v in (args.start, args.sessions, args.minutes, args.days, args.weeks)):
            print("biofeedback plan: name the plan to change (lehrer, short-daily, custom or none).", file=sys.stderr)
            return 2
        print(f"{practice_plan(settings).describe()}.")
        return 0
    numbers = {"plan_sessions_per_day": args.sessions, "plan_minutes_per_session": args.minutes,
               "plan_days_per_week": args.days, "plan_weeks": args.weeks}
    given = {k: v for k, v in numbers.items() if v is not None}
    if given and args.kind != "custom":
        print(f"biofeedback plan: {args.kind} sets its own numbers; --sessions, --minutes, --days and --weeks "
              "are for custom.", file=sys.stderr)
        return 2
    for key, value in given.items():
        lo, hi = LIMITS[key]
        if not lo <= value <= hi:
            flag = {"plan_sessions_per_day": "--sessions", "plan_minutes_per_session": "--minutes",
                    "plan_days_per_week": "--days", "plan_weeks": "--weeks"}[key]
            print(f"biofeedback plan: {flag} {value}: give {lo:g} to {hi:g}.", file=sys.stderr)
            return 2
    start = args.start or (date.today() if args.kind != "none" else None)
    settings = replace(settings, plan_kind=args.kind, plan_start=start.isoformat() if start else "", **given)
    try:
        save_settings(settings)
    except OSError as error:
        print(f"biofeedback plan: cannot write {settings_path()}: {error}; the plan is unchanged.", file=sys.stderr)
        return 2
    print(f"{practice_plan(settings).describe()}.")
    return 0
