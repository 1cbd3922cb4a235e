"""Progress over weeks: minutes practised per ISO week, the day streak, and per-item trends.

Pure: the caller turns stored sessions into ``PracticeSession`` values with
*local* start times (a day is the user's day, not UTC's).

- Weeks are ISO 8601 weeks (Monday first; week 1 holds the year's first
  Thursday), every week from the first session's to the latest included, so
  a week without practice shows as 0 minutes, not as a gap that hides it.
- The streak is the reminders' (``core.practice.reminders.forgiving_streak``):
  practised days in a run where one missed day between two is forgiven, alive
  while today could still continue it. The app says one streak, not two.
- A trend slope per week is the Theil-Sen estimator (Sen 1968): the median of
  pairwise slopes, robust to a single odd session. Only given with
  ``config.PROGRESS_MIN_TREND_SESSIONS`` sessions spread over
  ``config.PROGRESS_MIN_TREND_SPAN_DAYS``; otherwise None (too little to say).
- Only practice sessions count (``core.practice.session_kind``): short, simulated,
  replayed and unpaced sessions are kept in the store and counted as left out,
  never in minutes, streaks, trends or weekly figures.
- Weekly figures (``weekly_figures``, ``DEFINITIONS`` says each in words):
  minutes practised (sessions plus resonance assessments) against the plan's
  target (``core.practice.plan``); check-ins *before* sessions (the baseline) as the
  mean of the week's answers, and their change within sessions (after minus
  before, mean); HR swing, coherence and RMSSD as the median of the week's
  sessions (one odd session does not move a week).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
from scipy import stats

from biofeedback import config
from biofeedback.core.practice.plan import (
    Dose,
    PracticePlan,
    plan_week,
    todays_dose,
    week_target_minutes,
)
from biofeedback.core.practice.reminders import FORGIVEN_GAP_DAYS, forgiving_streak
from biofeedback.core.practice.session_kind import PRACTICE, stored_duration_s, stored_kind

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
    kind: str = PRACTICE  # core.practice.session_kind: anything else is left out of progress
    id: int | None = None  # the store's session id, when it came from the store


@dataclass(frozen=True)
class WeeklyMinutes:
    monday: tuple[date, ...]  # first day of each ISO week, consecutive
    iso_week: tuple[tuple[int, int], ...]  # (ISO year, ISO week number)
    minutes: np.ndarray


@dataclass(frozen=True)
class Streak:
    current_days: int  # practised days in the current run
    longest_days: int  # practised days in the longest run, by the same rule
    last_day: date | None
    forgiven: int = 0  # missed days forgiven inside the current run


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
    n_left_out: int = 0  # sessions kept in the store but not counted (short, simulated, replayed, unpaced)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_minutes(sessions: Iterable[PracticeSession | AssessmentRecord], until: date | None = None) -> WeeklyMinutes:
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
    """Practice days in a run, one missed day between two forgiven (as the reminders count): the current
    run (``forgiving_streak``) and the longest."""
    unique = sorted(set(days))
    if not unique:
        return Streak(0, 0, None)
    longest = run = 1
    for a, b in zip(unique[:-1], unique[1:], strict=True):
        run = run + 1 if (b - a).days - 1 <= FORGIVEN_GAP_DAYS else 1
        longest = max(longest, run)
    current = forgiving_streak(unique, today)
    return Streak(current.days, max(longest, current.days), unique[-1], current.forgiven)


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


def progress(sessions: Iterable[PracticeSession], today: date,
             assessments: Iterable[AssessmentRecord] = ()) -> Progress:
    """Everything the History's progress view draws, from the practice sessions among ``sessions``;
    resonance assessments count as minutes and days practised (not as sessions)."""
    every = list(sessions)
    sessions = sorted((s for s in every if s.kind == PRACTICE), key=lambda s: s.started)
    assessments = list(assessments)
    t = [s.started.timestamp() for s in sessions]
    metrics = {name: trend(t, [getattr(s, name) for s in sessions]) for name in METRICS}
    checkins = {}
    for item in CHECKIN_ITEMS:
        before = [s.before.get(item) for s in sessions]
        after = [s.after.get(item) for s in sessions]
        change = [None if b is None or a is None else a - b for b, a in zip(before, after, strict=True)]
        checkins[item] = CheckinTrend(trend(t, before), trend(t, after), trend(t, change))
    practised: list[PracticeSession | AssessmentRecord] = [*sessions, *assessments]
    return Progress(
        weekly=weekly_minutes(practised, until=today),
        streak=streak([s.started.date() for s in practised], today),
        total_minutes=float(sum(max(s.minutes, 0.0) for s in practised)),
        n_sessions=len(sessions),
        metrics=metrics,
        checkins=checkins,
        n_left_out=len(every) - len(sessions),
    )


def dose_on(day: date, plan: PracticePlan, sessions: Iterable[PracticeSession],
            assessments: Iterable[AssessmentRecord] = ()) -> Dose:
    """``day``'s practice against the plan's daily dose: practice sessions and assessments of that local day
    (what the main window shows as done / left)."""
    counted = [s for s in sessions if s.kind == PRACTICE and s.started.date() == day]
    done = [a for a in assessments if a.started.date() == day]
    minutes = float(sum(max(s.minutes, 0.0) for s in counted) + sum(a.minutes for a in done))
    return todays_dose(plan, minutes, len(counted))


# -- from the store ----------------------------------------------------------------------------------------

def _items(checkin: object) -> dict[str, int | None]:
    if checkin is None:
        return {}
    if isinstance(checkin, Mapping):
        return {k: checkin.get(k) for k in CHECKIN_ITEMS}
    return {k: getattr(checkin, k, None) for k in CHECKIN_ITEMS}


def local_time(iso: str) -> datetime:
    """A stored ISO time (UTC) as the user's local time; naive times are taken as local already."""
    t = datetime.fromisoformat(iso)
    return t.astimezone() if t.tzinfo else t


def from_stored(sessions: Iterable[Any], min_minutes: float = config.PRACTICE_MIN_SESSION_MIN,
                swing_of: Callable[[Any], float | None] | None = None) -> list[PracticeSession]:
    """Stored sessions (``SessionInfo``-shaped) as PracticeSessions in local time, each with its kind.

    ``swing_of(info)`` gives a session's HR swing when its summary was written
    before the store kept one (no ``hr_swing_bpm`` key: re-derived from its beats);
    asked for practice sessions only.
    """
    out = []
    # oldest first, ties (sessions started within the same second) in the order they were stored
    for s in sorted(sessions, key=lambda s: (s.started_at, getattr(s, "id", 0) or 0)):
        summary = getattr(s, "summary", None) or {}
        kind = stored_kind(s, min_minutes)
        swing = summary.get("hr_swing_bpm")
        if "hr_swing_bpm" not in summary and swing_of is not None and kind == PRACTICE:
            swing = swing_of(s)
        checkins = getattr(s, "checkins", None) or {}
        out.append(PracticeSession(
            started=local_time(s.started_at), minutes=(stored_duration_s(s) or 0.0) / 60.0,
            rmssd_ms=summary.get("rmssd_ms"), coherence_ratio=summary.get("coherence_ratio"), hr_swing_bpm=swing,
            before=_items(checkins.get("before")), after=_items(checkins.get("after")), kind=kind,
            id=getattr(s, "id", None)))
    return out


# -- weekly figures against a plan --------------------------------------------------------------------------

@dataclass(frozen=True)
class AssessmentRecord:
    """A resonance assessment as progress counts it: when, how long, what rate it found (None: none)."""

    started: datetime  # local time
    minutes: float
    recommended_bpm: float | None


def assessment_from_stored(row: Mapping[str, Any]) -> AssessmentRecord:
    """A stored assessment (``{"created_at", "data": core.resonance.assessment.result_dict}``); its minutes are
    the paced blocks and the rests between them."""
    data = row.get("data") or {}
    n = len(data.get("rates") or ())
    seconds = n * float(data.get("block_s") or 0.0) + max(n - 1, 0) * float(data.get("rest_s") or 0.0)
    return AssessmentRecord(local_time(row["created_at"]), seconds / 60.0, data.get("recommended_bpm"))


@dataclass(frozen=True)
class WeekFigures:
    """One ISO week of practice; None where the week has nothing to say."""

    monday: date
    iso_week: tuple[int, int]
    plan_week: int | None  # 1-based week of the plan (None outside it)
    minutes: float  # practice sessions plus assessments
    assessment_minutes: float
    target_minutes: float | None
    sessions: int
    days_practised: int
    left_out: dict[str, int]  # kind -> sessions of that kind not counted
    before: dict[str, float | None]  # mean check-in before sessions, 0-10
    n_before: dict[str, int]
    change: dict[str, float | None]  # mean of after minus before within sessions
    n_change: dict[str, int]
    hr_swing_bpm: float | None  # medians over the week's sessions
    coherence_ratio: float | None
    rmssd_ms: float | None

    @property
    def adherence(self) -> float | None:
        """Minutes over the plan's target (1.0 = as planned); None without a target."""
        return self.minutes / self.target_minutes if self.target_minutes else None


DEFINITIONS = {
    "minutes": "Minutes practised: the length of each practice session (start to end) plus each resonance "
               "assessment's paced blocks and rests, summed per ISO week (Monday to Sunday, local time).",
    "target_minutes": "The plan's minutes for that week: sessions a day x minutes x days a week, in proportion "
                      "to the days of the week inside the plan.",
    "adherence": "Minutes practised divided by the week's target (100 % = as planned).",
    "before": "Check-in before a session, 0 (none) to 10 (worst/best imaginable), as the person answered it; "
              "the week's mean over the sessions where it was answered: the baseline trend.",
    "change": "After minus before within a session (negative = lower after); the week's mean over the sessions "
              "where both were answered.",
    "hr_swing_bpm": "Heart-rate swing: per breath, the highest minus the lowest heart rate (Lehrer et al. 2000), "
                    "averaged over a session's breaths; the week's median over sessions.",
    "coherence_ratio": "Coherence ratio (McCraty & Childre 2010): power within 0.015 Hz of the highest peak in "
                       "0.04-0.26 Hz over the rest of the power in 0.0033-0.4 Hz, mean of 64 s windows stepped "
                       "every 5 s over a session; the week's median over sessions.",
    "rmssd_ms": "RMSSD: root mean square of successive differences between beats (Task Force 1996), over a "
                "whole session; the week's median over sessions.",
    "slope_per_week": "Trend: the Theil-Sen slope (median of pairwise slopes, Sen 1968) over sessions, per week; "
                      f"only with {config.PROGRESS_MIN_TREND_SESSIONS} sessions over "
                      f"{config.PROGRESS_MIN_TREND_SPAN_DAYS:g} days or more.",
    "left_out": "Sessions kept but not counted anywhere here: shorter than the minimum length, on the simulated "
                "sensor, replays, or without a breathing pacer (record runs).",
}


def _mean(values: list[float]) -> float | None:
    return float(np.mean(values)) if values else None


def _median(values: Iterable[float | None]) -> float | None:
    found = [v for v in values if v is not None and np.isfinite(v)]
    return float(np.median(found)) if found else None


def weekly_figures(sessions: Iterable[PracticeSession], plan: PracticePlan, until: date,
                   assessments: Iterable[AssessmentRecord] = ()) -> list[WeekFigures]:
    """Every ISO week from the first session's, assessment's or plan start's week to ``until``'s."""
    sessions, assessments = list(sessions), list(assessments)
    starts = [s.started.date() for s in sessions] + [a.started.date() for a in assessments]
    if plan.start is not None:
        starts.append(plan.start)
    if not starts:
        return []
    first, last = monday_of(min(starts)), monday_of(until)
    weeks = []
    for k in range((last - first).days // 7 + 1):
        monday = first + timedelta(weeks=k)
        sunday_next = monday + timedelta(days=7)
        week = [s for s in sessions if monday <= s.started.date() < sunday_next and s.started.date() <= until]
        counted = [s for s in week if s.kind == PRACTICE]
        done = [a for a in assessments if monday <= a.started.date() < sunday_next and a.started.date() <= until]
        left_out: dict[str, int] = {}
        for s in week:
            if s.kind != PRACTICE:
                left_out[s.kind] = left_out.get(s.kind, 0) + 1
        before = {i: [float(v) for s in counted if (v := s.before.get(i)) is not None] for i in CHECKIN_ITEMS}
        change = {i: [float(a - b) for s in counted if (b := s.before.get(i)) is not None
                      and (a := s.after.get(i)) is not None] for i in CHECKIN_ITEMS}
        assessment_minutes = float(sum(a.minutes for a in done))
        weeks.append(WeekFigures(
            monday=monday, iso_week=(monday.isocalendar()[0], monday.isocalendar()[1]),
            plan_week=plan_week(plan, min(max(monday, plan.start or monday), sunday_next - timedelta(days=1))),
            minutes=float(sum(max(s.minutes, 0.0) for s in counted)) + assessment_minutes,
            assessment_minutes=assessment_minutes, target_minutes=week_target_minutes(plan, monday),
            sessions=len(counted), days_practised=len({s.started.date() for s in counted}
                                                      | {a.started.date() for a in done}),
            left_out=left_out,
            before={i: _mean(v) for i, v in before.items()}, n_before={i: len(v) for i, v in before.items()},
            change={i: _mean(v) for i, v in change.items()}, n_change={i: len(v) for i, v in change.items()},
            hr_swing_bpm=_median(s.hr_swing_bpm for s in counted),
            coherence_ratio=_median(s.coherence_ratio for s in counted),
            rmssd_ms=_median(s.rmssd_ms for s in counted)))
    return weeks
