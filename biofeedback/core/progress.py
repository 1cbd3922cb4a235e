"""Progress over weeks: minutes practised per ISO week, the day streak, and per-item trends.

Pure: the caller turns stored sessions into ``PracticeSession`` values with
*local* start times (a day is the user's day, not UTC's).

- Weeks are ISO 8601 weeks (Monday first; week 1 holds the year's first
  Thursday), every week from the first session's to the latest included, so
  a week without practice shows as 0 minutes, not as a gap that hides it.
- The current streak is the run of consecutive days with practice that ends
  today, or yesterday when today has no session yet (the streak is still alive).
- A trend slope per week is the Theil-Sen estimator (Sen 1968): the median of
  pairwise slopes, robust to a single odd session. Only given with
  ``config.PROGRESS_MIN_TREND_SESSIONS`` sessions spread over
  ``config.PROGRESS_MIN_TREND_SPAN_DAYS``; otherwise None (too little to say).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import numpy as np
from scipy import stats

from biofeedback import config

CHECKIN_ITEMS = ("stress", "pain", "mood")
METRICS = ("rmssd_ms", "coherence_ratio", "hr_swing_bpm")


@dataclass(frozen=True)
class PracticeSession:
    """One session as progress needs it; check-ins map item -> 0..10 (missing = not answered)."""

    started: datetime  # local time
    minutes: float
    rmssd_ms: float | None = None
    coherence_ratio: float | None = None
    hr_swing_bpm: float | None = None
    before: Mapping[str, int | None] = field(default_factory=dict)
    after: Mapping[str, int | None] = field(default_factory=dict)


@dataclass(frozen=True)
class WeeklyMinutes:
    monday: tuple[date, ...]  # first day of each ISO week, consecutive
    iso_week: tuple[tuple[int, int], ...]  # (ISO year, ISO week number)
    minutes: np.ndarray


@dataclass(frozen=True)
class Streak:
    current_days: int
    longest_days: int
    last_day: date | None


@dataclass(frozen=True)
class Trend:
    """Values per session in time order (times in unix seconds) and a robust slope per week."""

    t_s: np.ndarray
    values: np.ndarray
    slope_per_week: float | None


@dataclass(frozen=True)
class CheckinTrend:
    before: Trend
    after: Trend
    change: Trend  # after minus before, sessions with both answers only


@dataclass(frozen=True)
class Progress:
    weekly: WeeklyMinutes
    streak: Streak
    total_minutes: float
    n_sessions: int
    metrics: dict[str, Trend]
    checkins: dict[str, CheckinTrend]


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_minutes(sessions: Iterable[PracticeSession], until: date | None = None) -> WeeklyMinutes:
    """Minutes per ISO week from the first session's week to ``until``'s (default: the last session's)."""
    sessions = list(sessions)
    if not sessions:
        return WeeklyMinutes((), (), np.zeros(0))
    days = [s.started.date() for s in sessions]
    first = monday_of(min(days))
    last = monday_of(max([*days, until] if until else days))
    n_weeks = (last - first).days // 7 + 1
    minutes = np.zeros(n_weeks)
    for s, d in zip(sessions, days, strict=True):
        minutes[(monday_of(d) - first).days // 7] += max(s.minutes, 0.0)
    mondays = tuple(first + timedelta(weeks=k) for k in range(n_weeks))
    iso = tuple((m.isocalendar()[0], m.isocalendar()[1]) for m in mondays)
    return WeeklyMinutes(mondays, iso, minutes)


def streak(days: Iterable[date], today: date) -> Streak:
    """Consecutive practice days: the current run (ending today or yesterday) and the longest."""
    unique = sorted(set(days))
    if not unique:
        return Streak(0, 0, None)
    longest = run = 1
    for a, b in zip(unique[:-1], unique[1:], strict=True):
        run = run + 1 if (b - a).days == 1 else 1
        longest = max(longest, run)
    last = unique[-1]
    current = 0
    if (today - last).days in (0, 1):
        current = 1
        have = set(unique)
        while last - timedelta(days=current) in have:
            current += 1
    return Streak(current, longest, last)


def trend(t_s: Sequence[float], values: Sequence[float | None]) -> Trend:
    """Finite values in time order and their Theil-Sen slope per week (None when too few or too short)."""
    t = np.asarray(t_s, float)
    v = np.array([np.nan if x is None else x for x in values], float)
    keep = np.isfinite(t) & np.isfinite(v)
    t, v = t[keep], v[keep]
    order = np.argsort(t, kind="stable")
    t, v = t[order], v[order]
    slope = None
    span_days = (t[-1] - t[0]) / 86400.0 if t.size else 0.0
    if t.size >= config.PROGRESS_MIN_TREND_SESSIONS and span_days >= config.PROGRESS_MIN_TREND_SPAN_DAYS:
        slope = float(stats.theilslopes(v, t / (7 * 86400.0)).slope)
    return Trend(t, v, slope)


def progress(sessions: Iterable[PracticeSession], today: date) -> Progress:
    """Everything the History's progress view draws."""
    sessions = sorted(sessions, key=lambda s: s.started)
    t = [s.started.timestamp() for s in sessions]
    metrics = {name: trend(t, [getattr(s, name) for s in sessions]) for name in METRICS}
    checkins = {}
    for item in CHECKIN_ITEMS:
        before = [s.before.get(item) for s in sessions]
        after = [s.after.get(item) for s in sessions]
        change = [None if b is None or a is None else a - b for b, a in zip(before, after, strict=True)]
        checkins[item] = CheckinTrend(trend(t, before), trend(t, after), trend(t, change))
    return Progress(
        weekly=weekly_minutes(sessions, until=today),
        streak=streak((s.started.date() for s in sessions), today),
        total_minutes=float(sum(max(s.minutes, 0.0) for s in sessions)),
        n_sessions=len(sessions),
        metrics=metrics,
        checkins=checkins,
    )
