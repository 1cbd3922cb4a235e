"""Progress over weeks read from the session store and the settings: what `biofeedback progress`, the
weekly review and the multi-week PDF report all show (core/practice/progress.py computes, this only reads)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from biofeedback.app.settings import Settings, practice_plan
from biofeedback.core.practice import progress as pr
from biofeedback.core.practice.plan import Dose, PracticePlan, next_step
from biofeedback.core.summary.session import stored_session_swing_bpm
from biofeedback.io.assessment_file import ASSESSMENT_KIND
from biofeedback.io.store import SessionStore


@dataclass(frozen=True)
class ProgressReport:
    """The weeks shown (the last ``weeks`` up to ``until``) and what lies in them."""

    plan: PracticePlan
    min_minutes: float
    until: date
    weeks: list[pr.WeekFigures]
    overall: pr.Progress  # trends over the practice sessions of the weeks shown
    sessions: list[pr.PracticeSession]  # every session of the weeks shown, left-out ones included
    assessments: list[pr.AssessmentRecord]  # of the weeks shown
    store_path: str
    dose: Dose  # the ``until`` day's practice against the plan's daily dose
    next_step: str  # what the plan asks next, in one sentence


def swing_from_beats(store: SessionStore) -> Any:
    """The HR swing of a stored session from its beats and the pacer that ran, for a session stored
    before its summary kept the swing (``io.store.summary``)."""

    def swing(info: Any) -> float | None:
        return stored_session_swing_bpm(store.beats(info.id), store.pacer_changes(info.id), info.pacer_bpm)

    return swing


def load_progress(store: SessionStore, settings: Settings, until: date, weeks: int | None = None) -> ProgressReport:
    """Every ISO week up to ``until`` (the last ``weeks`` of them when given), against the settings' plan."""
    plan = practice_plan(settings)
    min_minutes = settings.progress_min_session_minutes
    stored = [s for s in store.list_sessions() if pr.local_time(s.started_at).date() <= until]
    sessions = pr.from_stored(stored, min_minutes, swing_of=swing_from_beats(store))
    assessments = [a for a in map(pr.assessment_from_stored, store.assessments(kind=ASSESSMENT_KIND))
                   if a.started.date() <= until]
    figures = pr.weekly_figures(sessions, plan, until, assessments)
    if weeks is not None:
        figures = figures[-weeks:]
    first = figures[0].monday if figures else until
    shown = [s for s in sessions if s.started.date() >= first]
    shown_assessments = [a for a in assessments if a.started.date() >= first]
    dose = pr.dose_on(until, plan, sessions, assessments)
    last_assessment = max((a.started.date() for a in assessments), default=None)
    return ProgressReport(plan, min_minutes, until, figures, pr.progress(shown, until, shown_assessments), shown,
                          shown_assessments, str(store.path), dose,
                          next_step(plan, until, dose, last_assessment, last_review=until))


def load_progress_file(store_path: str | Path, settings: Settings, until: date,
                       weeks: int | None = None) -> ProgressReport:
    """``load_progress`` from the store file (a report process has no connection of its own); reads only."""
    with SessionStore(Path(store_path), recover=False) as store:
        return load_progress(store, settings, until, weeks)
