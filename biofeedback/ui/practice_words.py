"""The practice's sentences in the window's language: the plan in one line, the next step, dates.

Core writes these in English for the CLI and the exports (``PracticePlan.describe``, ``next_step``);
the window writes the same things from the same fields and templates through the translator, so in
English the two are equal (a test keeps them so) and a new case in core without words here fails.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, QLocale

from biofeedback.core.practice.plan import NEXT_STEPS, PracticePlan
from biofeedback.ui.i18n import Plural, rate_text, translate

PLAN_NAMES = {"lehrer": QT_TRANSLATE_NOOP("Plan", "Lehrer"), "short-daily": QT_TRANSLATE_NOOP("Plan", "Short daily"),
              "custom": QT_TRANSLATE_NOOP("Plan", "Your own")}

# core's NEXT_STEPS, key for key, as lupdate sees them
STEP_WORDS = {
    "choose": QT_TRANSLATE_NOOP("NextStep", "Choose a plan: a daily dose gives the practice a shape."),
    "starts": QT_TRANSLATE_NOOP("NextStep", "Your plan starts on {date}."),
    "complete": QT_TRANSLATE_NOOP("NextStep", "Your plan is complete: review your weeks, then choose what comes next."),
    "assess": QT_TRANSLATE_NOOP("NextStep", "First, the resonance assessment (about 10 min) finds the breathing rate "
                                            "to practise at."),
    "review": QT_TRANSLATE_NOOP("NextStep", "A new week of your plan: look at the weekly review."),
    "session": QT_TRANSLATE_NOOP("NextStep", "Session {n} of {target} today: {minutes} min ({left} min left today)."),
    "done_reassess": QT_TRANSLATE_NOOP("NextStep", "Today's practice is done. A new resonance assessment is offered: "
                                                   "your last was {weeks} weeks ago."),
    "done": QT_TRANSLATE_NOOP("NextStep", "Today's practice is done."),
}


def day_month(d: date) -> str:
    """"2 Nov" in English, "2 nov" in Spanish: the locale's month name, as the window writes short dates."""
    return QLocale().toString(QDate(d.year, d.month, d.day), "d MMM")


def weekday_day_month(d: date) -> str:
    """"Mon 02 Nov": the locale's weekday and month."""
    return QLocale().toString(QDate(d.year, d.month, d.day), "ddd dd MMM")


def day_month_year(d: date) -> str:
    """"2 Nov 2026": a date in the locale's words, never ambiguous between day-first and month-first."""
    return QLocale().toString(QDate(d.year, d.month, d.day), "d MMM yyyy")


def plan_words(plan: PracticePlan) -> str:
    """``plan.describe()`` in the window's language (equal to it in English but for the start date, which
    the window writes in the locale's words)."""
    if not plan.active:
        return translate("Plan", "No plan chosen")
    parts = [translate("Plan", "resonance assessment, then")] if plan.assessment_first else []
    dose = translate("Plan", "{sessions} × {minutes} min a day").format(
        sessions=plan.sessions_per_day, minutes=rate_text(plan.minutes_per_session))
    if plan.days_per_week != 7:
        dose += ", " + translate("Plan", "{days} days a week").format(days=plan.days_per_week)
    parts.append(dose)
    if plan.weekly_review:
        parts.append(translate("Plan", "weekly review"))
    parts.append(translate("Plan", "{weeks} weeks").format(weeks=plan.weeks) if plan.weeks else
                 translate("Plan", "open-ended"))
    body = (parts[0] + " " + ", ".join(parts[1:])) if plan.assessment_first else ", ".join(parts)
    text = translate("Plan", "{name}: {plan}").format(name=translate("Plan", PLAN_NAMES[plan.kind]), plan=body)
    if plan.start:
        text += " " + translate("Plan", "(from {date})").format(date=day_month_year(plan.start))
    return text


def _pattern(template: str) -> re.Pattern[str]:
    return re.compile("^" + re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>.+?)", re.escape(template)) + "$")


_STEP_PATTERNS = {key: _pattern(template) for key, template in NEXT_STEPS.items()}


def next_step_words(sentence: str) -> str:
    """Core's next-step sentence in the window's language: matched to its template, the numbers written
    with the locale's decimal separator; a sentence no template matches is shown as it came."""
    for key, pattern in _STEP_PATTERNS.items():
        found = pattern.match(sentence)
        if found is None:
            continue
        values = {name: rate_text(float(v)) if re.fullmatch(r"\d+(\.\d+)?", v) else v
                  for name, v in found.groupdict().items()}
        if key == "starts":
            values["date"] = day_month_year(date.fromisoformat(values["date"]))
        return translate("NextStep", STEP_WORDS[key]).format(**values)
    return sentence


def forgiven_words(forgiven: int) -> str:
    """" (a missed day forgiven)" after a streak's days, as the reminders and History both say it."""
    if forgiven == 1:
        return " " + translate("Reminders", "(a missed day forgiven)")
    if forgiven > 1:
        return " " + Plural.tr("(a missed day forgiven %n times)", "", forgiven)  # type: ignore[arg-type]
    return ""
