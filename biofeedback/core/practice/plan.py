"""A practice plan: how many minutes a day, how many days a week, for how many weeks, and today's dose.

Pure (no clock of its own: the caller gives today's date and what was done).

The presets follow the published protocols:
- "lehrer": a resonance-rate assessment, then practice at that rate twice a day
  for 20 minutes, reviewed weekly, for about ten weeks (Lehrer, Vaschillo &
  Vaschillo 2000, Appl Psychophysiol Biofeedback 25:177; Lehrer & Gevirtz 2014,
  Front Psychol 5:756);
- "short-daily": three 5-minute sessions a day (HeartMath's plan);
- "custom": the user's own sessions a day, minutes and days a week;
- "none": no plan chosen (no target, no adherence).

A week's target is the daily dose times the plan's days a week, in proportion
to the days of that week inside the plan (a plan started on a Thursday asks
4/7 of a week in its first week).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

PLAN_KINDS = ("none", "lehrer", "short-daily", "custom")
REASSESS_AFTER_WEEKS = 4  # a new resonance assessment is offered (not forced) this long after the last


@dataclass(frozen=True)
class PracticePlan:
    """The plan a user chose; ``weeks`` 0 = open-ended, ``start`` None = from the first session's week."""

    kind: str = "none"
    sessions_per_day: int = 0
    minutes_per_session: float = 0.0
    days_per_week: int = 0
    weeks: int = 0
    assessment_first: bool = False
    weekly_review: bool = False
    start: date | None = None

    def __post_init__(self) -> None:
        if self.kind not in PLAN_KINDS:
            raise ValueError(f"plan must be one of {', '.join(PLAN_KINDS)}, not {self.kind!r}")

    @property
    def active(self) -> bool:
        return self.kind != "none" and self.daily_minutes > 0 and self.days_per_week > 0

    @property
    def daily_minutes(self) -> float:
        return self.sessions_per_day * self.minutes_per_session

    @property
    def weekly_minutes(self) -> float:
        return self.daily_minutes * self.days_per_week

    def end(self) -> date | None:
        """The first day after the plan (None: open-ended or no start)."""
        if not self.weeks or self.start is None:
            return None
        return self.start + timedelta(weeks=self.weeks)

    def describe(self) -> str:
        """The plan in one line: "Lehrer: resonance assessment, then 2 × 20 min a day, ... 10 weeks"."""
        if not self.active:
            return "No plan chosen"
        name = {"lehrer": "Lehrer", "short-daily": "Short daily", "custom": "Your own"}[self.kind]
        parts = []
        if self.assessment_first:
            parts.append("resonance assessment, then")
        parts.append(f"{self.sessions_per_day} × {self.minutes_per_session:g} min a day")
        parts[-1] += "" if self.days_per_week == 7 else f", {self.days_per_week} days a week"
        if self.weekly_review:
            parts.append("weekly review")
        parts.append(f"{self.weeks} weeks" if self.weeks else "open-ended")
        text = f"{name}: {parts[0]}" + "".join(
            (" " if parts[i - 1].endswith("then") else ", ") + p for i, p in enumerate(parts[1:], start=1))
        return text + (f" (from {self.start.isoformat()})" if self.start else "")


def preset(kind: str, start: date | None = None, sessions_per_day: int = 1, minutes_per_session: float = 10.0,
           days_per_week: int = 7, weeks: int = 0) -> PracticePlan:
    """The plan of ``kind``; the numbers are used for "custom" only (the presets fix their own)."""
    if kind == "lehrer":
        return PracticePlan("lehrer", 2, 20.0, 7, 10, assessment_first=True, weekly_review=True, start=start)
    if kind == "short-daily":
        return PracticePlan("short-daily", 3, 5.0, 7, 0, start=start)
    if kind == "custom":
        return PracticePlan("custom", sessions_per_day, float(minutes_per_session), days_per_week, weeks,
                            weekly_review=True, start=start)
    return PracticePlan(kind, start=start)


def plan_week(plan: PracticePlan, day: date) -> int | None:
    """1-based week of the plan that ``day`` falls in, counted in ISO weeks (the week holding the start is
    week 1, the next Monday begins week 2, as the weekly figures are); None before the start, after the end
    or without a start."""
    if plan.start is None or day < plan.start:
        return None
    end = plan.end()
    if end is not None and day >= end:
        return None
    return ((day - timedelta(days=day.weekday())) - (plan.start - timedelta(days=plan.start.weekday()))).days // 7 + 1


def week_target_minutes(plan: PracticePlan, monday: date) -> float | None:
    """Minutes the plan asks in the ISO week starting ``monday`` (None without an active plan)."""
    if not plan.active:
        return None
    days = [monday + timedelta(days=k) for k in range(7)]
    start = plan.start or date.min
    end = plan.end() or date.max
    inside = sum(1 for d in days if start <= d < end)
    return plan.weekly_minutes * inside / 7.0


@dataclass(frozen=True)
class Dose:
    """Today against the plan: minutes and sessions done and left (left never below 0)."""

    done_minutes: float
    target_minutes: float
    sessions_done: int
    sessions_target: int

    @property
    def left_minutes(self) -> float:
        return max(self.target_minutes - self.done_minutes, 0.0)

    @property
    def complete(self) -> bool:
        return self.target_minutes > 0 and self.left_minutes <= 0


def todays_dose(plan: PracticePlan, minutes_today: float, sessions_today: int) -> Dose:
    """What the main window shows: today's counted minutes and sessions against the daily dose."""
    if not plan.active:
        return Dose(minutes_today, 0.0, sessions_today, 0)
    return Dose(minutes_today, plan.daily_minutes, sessions_today, plan.sessions_per_day)


# what next_step says, by case: English with {named} numbers (the window translates the same templates: ui/practice_words.py)
NEXT_STEPS = {
    "choose": "Choose a plan: a daily dose gives the practice a shape.",
    "starts": "Your plan starts on {date}.",
    "complete": "Your plan is complete: review your weeks, then choose what comes next.",
    "assess": "First, the resonance assessment (about 10 min) finds the breathing rate to practise at.",
    "review": "A new week of your plan: look at the weekly review.",
    "session": "Session {n} of {target} today: {minutes} min ({left} min left today).",
    "done_reassess": "Today's practice is done. A new resonance assessment is offered: your last was {weeks} weeks ago.",
    "done": "Today's practice is done.",
}


def next_step(plan: PracticePlan, today: date, dose: Dose, last_assessment: date | None,
              last_review: date | None = None) -> str:
    """One sentence: what to do next under the plan (assessment first, today's dose, the weekly review)."""
    key, values = next_step_case(plan, today, dose, last_assessment, last_review)
    return NEXT_STEPS[key].format(**values)


def next_step_case(plan: PracticePlan, today: date, dose: Dose, last_assessment: date | None,
                   last_review: date | None = None) -> tuple[str, dict[str, str]]:
    """The next step as a NEXT_STEPS key and its numbers, already written as the English sentence writes them."""
    if not plan.active:
        return "choose", {}
    if plan.start is not None and today < plan.start:
        return "starts", {"date": plan.start.isoformat()}
    end = plan.end()
    if end is not None and today >= end:
        return "complete", {}
    if plan.assessment_first and last_assessment is None:
        return "assess", {}
    if plan.weekly_review and plan.start is not None and (today - plan.start).days >= 7:
        week_start = today - timedelta(days=(today - plan.start).days % 7)
        if last_review is None or last_review < week_start:
            return "review", {}
    if not dose.complete:
        n = min(dose.sessions_done + 1, max(dose.sessions_target, 1))
        return "session", {"n": str(n), "target": str(dose.sessions_target),
                           "minutes": f"{plan.minutes_per_session:g}", "left": f"{dose.left_minutes:.0f}"}
    if last_assessment is not None and (today - last_assessment).days >= 7 * REASSESS_AFTER_WEEKS:
        return "done_reassess", {"weeks": str((today - last_assessment).days // 7)}
    return "done", {}
